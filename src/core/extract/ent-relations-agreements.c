/* ent-relations-agreements.c — who signed an agreement, and who is party to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include "ent-extractor-private.h"

static gboolean
is_party (DocContext *ctx,
          Mention    *m)
{
  return m->entity >= 0 && !m->modifier && m->kind != MK_DEMONYM &&
         (m->type == ENT_ENTITY_COUNTRY || m->type == ENT_ENTITY_ORGANIZATION);
}

static gboolean
is_signer (DocContext *ctx,
           Mention    *m)
{
  return m->entity >= 0 && !m->modifier &&
         (m->type == ENT_ENTITY_PERSON || m->type == ENT_ENTITY_COUNTRY || m->type == ENT_ENTITY_ORGANIZATION);
}

static void
sign_each (DocContext *ctx,
           GArray     *signers,
           GArray     *agreements,
           gboolean    demonyms)
{
  guint countries = 0;

  for (guint a = 0; a < signers->len; a++)
    for (guint b = 0; b < agreements->len; b++)
      {
        int s = g_array_index (signers, int, a), t = g_array_index (agreements, int, b);

        if (doc_entity (ctx, s)->type == ENT_ENTITY_COUNTRY)
          {
            /* "Iranian officials inked": the country is party, not signer. */
            if (!demonyms)
              _ent_extractor_add_relation (ctx, ENT_RELATION_SIGNED, s, t, NULL);
            _ent_extractor_add_relation (ctx, ENT_RELATION_PARTY_TO, s, t, NULL);
          }
        else
          {
            int country = _ent_extractor_doc_entity_country (ctx, s);

            _ent_extractor_add_relation (ctx, ENT_RELATION_SIGNED, s, t, NULL);
            /* A president or minister signs for their country. */
            if (country >= 0)
              _ent_extractor_add_relation (ctx, ENT_RELATION_PARTY_TO, country, t, NULL);
          }
      }

  /* "Azerbaijan, Georgia and Türkiye signed a trilateral protocol": states
   * that sign together cooperate. */
  for (guint a = 0; a < signers->len; a++)
    countries += doc_entity (ctx, g_array_index (signers, int, a))->type == ENT_ENTITY_COUNTRY;
  if (countries >= 2 && agreements->len > 0 && !demonyms)
    for (guint a = 0; a < signers->len; a++)
      for (guint b = a + 1; b < signers->len; b++)
        _ent_extractor_add_relation (ctx, ENT_RELATION_COOPERATES_WITH, g_array_index (signers, int, a),
                                     g_array_index (signers, int, b), NULL);
}

static const char *sign_words[] = { "signed", "signs", "sign", "signing", "inked", "inks", "sealed",
                                    "endorsed", "initialled", "initialed", "ratified", "agreed", NULL };

/* A deal "concluded", "reached" or "hammered out" has parties, but no
 * signatories yet. */
static const char *conclude_words[] = { "concluded", "concludes", "conclude", "reached", "reach", "reaches",
                                        "hammered", "struck", "strike", "clinched", "finalised", "finalized",
                                        "issued", "adopted", "approved", NULL };

/* "The US and Japan have hammered out 70 agreements", "a Joint Leaders'
 * Statement was issued": the states that concluded them are parties. */
static void
concluded (DocContext *ctx,
           guint       i)
{
  g_autoptr(GArray) agreements = NULL;
  g_autoptr(GArray) subjects = NULL;
  int object, subject;

  if (_ent_extractor_negated (ctx, i))
    return;
  if (_ent_extractor_passive_before (ctx, i))
    object = _ent_extractor_mention_before (ctx, i, is_agreement);
  else
    object = _ent_extractor_mention_after (ctx, i, NEAR, is_agreement);
  if (object < 0)
    return;
  agreements = _ent_extractor_coordinated (ctx, object, is_agreement, TRUE);
  subject = _ent_extractor_passive_before (ctx, i) ? -1 : _ent_extractor_subject_before (ctx, i, is_signer);
  subjects = _ent_extractor_to_countries (ctx, _ent_extractor_coordinated (ctx, subject, is_signer, FALSE));
  /* Without a subject ("a statement was issued"), the agreement's own
   * parties, as the document gives them. */
  if (subjects->len == 0)
    for (guint a = 0; a < agreements->len; a++)
      {
        int parties[2];

        _ent_extractor_agreement_parties_of (ctx, g_array_index (agreements, int, a), parties);
        for (guint p = 0; p < 2; p++)
          if (parties[p] >= 0)
            _ent_extractor_add_relation (ctx, ENT_RELATION_PARTY_TO, parties[p],
                                         g_array_index (agreements, int, a), NULL);
      }
  _ent_extractor_relate_all (ctx, ENT_RELATION_PARTY_TO, subjects, agreements, NULL);
}

void
_ent_extractor_rule_signed (DocContext *ctx,
                            guint       i)
{
  g_autoptr(GArray) signers = NULL;
  g_autoptr(GArray) agreements = NULL;
  int subject, object, with;
  gboolean demonyms = FALSE;

  if (tok_in (ctx, i, conclude_words))
    {
      concluded (ctx, i);
      return;
    }
  if (!tok_in (ctx, i, sign_words) || _ent_extractor_negated (ctx, i))
    return;
  if (key_is (ctx, i, "agreed") && !key_is (ctx, i + 1, "on") && !key_is (ctx, i + 1, "upon"))
    return;
  /* "attended the signing ceremony", "ended with the signing of several
   * documents": the signing as an event says nothing of who signed;
   * "X's accession was formalised through the signing of Y": X is a party. */
  if (key_is (ctx, i, "signing") && i > 0 && (is_determiner (ctx, i - 1) || key_is (ctx, i - 1, "at")))
    {
      int by = _ent_extractor_index_of_word (ctx, i + 1, i + 8, (const char *[]) { "by", NULL });
      int object = _ent_extractor_mention_after (ctx, i, NEAR, is_agreement);

      if (object < 0)
        return;
      agreements = _ent_extractor_coordinated (ctx, object, is_agreement, TRUE);
      if (by >= 0)
        {
          signers = _ent_extractor_coordinated (ctx, _ent_extractor_mention_after (ctx, (guint) by, 4, is_signer),
                                                is_signer, TRUE);
          sign_each (ctx, signers, agreements, FALSE);
        }
      else if (_ent_extractor_index_of_word (ctx, i > 8 ? i - 8 : 0, i + 2,
                                             (const char *[]) { "attended", "attend", "attends", "witnessed",
                                                                "witness", "presence", "ceremony", "presided",
                                                                "ended", "began", "opened", NULL }) < 0)
        {
          g_autoptr(GArray) parties = _ent_extractor_to_countries (
            ctx, _ent_extractor_coordinated (ctx, _ent_extractor_subject_before (ctx, i, is_signer), is_signer, FALSE));

          _ent_extractor_relate_all (ctx, ENT_RELATION_PARTY_TO, parties, agreements, NULL);
        }
      return;
    }
  /* "A, B and C … by signing a memorandum": every party of the clause signs. */
  if (key_is (ctx, i, "signing") && i > 0 && key_is (ctx, i - 1, "by"))
    {
      int object = _ent_extractor_mention_after (ctx, i, NEAR, is_agreement);

      if (object < 0)
        return;
      agreements = _ent_extractor_coordinated (ctx, object, is_agreement, TRUE);
      signers = g_array_new (FALSE, FALSE, sizeof (int));
      for (guint n = 0; n < ctx->mentions->len; n++)
        {
          Mention *actor = ctx_mention (ctx, n);

          if (actor->last <= i && is_party (ctx, actor) &&
              _ent_extractor_same_clause_past_asides (ctx, actor->last - 1, i))
            g_array_append_val (signers, actor->entity);
        }
      sign_each (ctx, signers, agreements, FALSE);
      return;
    }

  if (_ent_extractor_passive_before (ctx, i))
    {
      int by = _ent_extractor_index_of_word (ctx, i + 1, i + 4, (const char *[]) { "by", NULL });

      if (by < 0)
        return;
      subject = _ent_extractor_mention_after (ctx, (guint) by, 4, is_signer);
      object = _ent_extractor_mention_before (ctx, i, is_agreement);
      signers = _ent_extractor_coordinated (ctx, subject, is_signer, TRUE);
      agreements = _ent_extractor_coordinated (ctx, object, is_agreement, FALSE);
    }
  else
    {
      subject = _ent_extractor_subject_before (ctx, i, is_signer);
      /* "X met her counterpart Y … and signed": both sign. */
      if (subject >= 0 && (key_is (ctx, i - 1, "and") || (key_is (ctx, i - 2, "and") && key_is (ctx, i - 1, "also"))))
        {
          int first = -1;

          for (guint k = 0; k < (guint) subject && first < 0; k++)
            if (is_signer (ctx, ctx_mention (ctx, k)) && ctx_mention (ctx, k)->type == ENT_ENTITY_PERSON &&
                _ent_extractor_same_clause (ctx, ctx_mention (ctx, k)->last, i))
              first = (int) k;
          if (first >= 0 && _ent_extractor_related_in_sentence (ctx, ctx_mention (ctx, first)->entity,
                                                                ctx_mention (ctx, subject)->entity))
            {
              object = _ent_extractor_mention_after (ctx, i, NEAR, is_agreement);
              signers = g_array_new (FALSE, FALSE, sizeof (int));
              g_array_append_val (signers, ctx_mention (ctx, first)->entity);
              g_array_append_val (signers, ctx_mention (ctx, subject)->entity);
              agreements = _ent_extractor_coordinated (ctx, object, is_agreement, TRUE);
              sign_each (ctx, signers, agreements, FALSE);
              return;
            }
        }
      if (subject >= 0 && ctx_mention (ctx, subject)->kind == MK_DEMONYM)
        demonyms = TRUE;
      if (subject < 0)
        {
          subject = _ent_extractor_mention_before (ctx, i, (MentionFilter) is_country);
          demonyms = subject >= 0;
        }
      object = _ent_extractor_mention_after (ctx, i, NEAR, is_agreement);
      /* "the agreements he signed with the Iranian president" */
      if (object < 0 && subject > 0 && is_agreement (ctx, ctx_mention (ctx, subject - 1)))
        object = subject - 1;
      signers = _ent_extractor_coordinated (ctx, subject, demonyms ? (MentionFilter) is_country : is_signer, FALSE);
      agreements = _ent_extractor_coordinated (ctx, object, is_agreement, TRUE);

      with = _ent_extractor_index_of_word (ctx, i + 1, i + 3, (const char *[]) { "with", NULL });
      if (with >= 0)
        {
          int partner = _ent_extractor_mention_after (ctx, (guint) with, 4, is_signer);
          int ents[MAX_GROUP];

          for (guint n = _ent_extractor_mention_entities (ctx, partner, ents), e = 0; e < n; e++)
            g_array_append_val (signers, ents[e]);
        }
    }
  sign_each (ctx, signers, agreements, demonyms);
}

/* "a roadmap … between Tehran and Minsk": the parties of an agreement. */
void
_ent_extractor_rule_parties (DocContext *ctx,
                             guint       k)
{
  Mention *m = ctx_mention (ctx, k);
  int between;

  if (!is_agreement (ctx, m))
    return;
  /* "a roadmap between Tehran and Minsk", "a declaration on cooperation
   * between the group's members", "a MoU with the Export Credit Bank" */
  between = _ent_extractor_index_of_word (ctx, m->last, m->last + 8, (const char *[]) { "between", NULL });
  if (between < 0 && key_is (ctx, m->last, "with"))
    between = (int) m->last;
  if (between >= 0)
    {
      int first = _ent_extractor_mention_after (ctx, (guint) between, 3, is_party);
      g_autoptr(GArray) parties = _ent_extractor_coordinated (ctx, first, is_party, TRUE);

      for (guint p = 0; p < parties->len; p++)
        _ent_extractor_add_relation (ctx, ENT_RELATION_PARTY_TO, g_array_index (parties, int, p), m->entity, NULL);
    }
}
