/* ent-extractor.c — the extractor: two passes over the sentences of a document.
 *
 * The first pass (discover) only looks for people as the text introduces them
 * — with a title ("Belarusian President Alexander Lukashenko"), an apposition
 * ("X, the President of Belarus") or as the actor of a verb that only people
 * do ("X held talks") — so that the second pass knows every person and office
 * of the document, including those introduced after their first short
 * mention. The second pass finds every mention, resolves surnames, pronouns,
 * descriptions and collectives to entities, and hands each sentence to the
 * relation rules (ent-relations.c).
 *
 * Where a behaviour lives:
 *   ent-extract-context.c      the document's entities, mentions, token helpers
 *   ent-extract-lexicon.c      countries, capitals, organizations, places the lexicon knows
 *   ent-extract-people.c       people, their names and offices
 *   ent-extract-titles.c       titles, descriptions, appositions, counterparts
 *   ent-extract-holders.c      whom an office is held for when its title does not say
 *   ent-extract-agreements.c   agreements and counted claims
 *   ent-extract-projects.c     projects and named events
 *   ent-extract-coreference.c  pronouns, the speaker, collectives, salience
 *   ent-extract-clauses.c      clause structure and finding the actors of a trigger
 *   ent-relations*.c           the relation rules, one family per file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include "ent-extractor-private.h"
#include "ent-text.h"

struct _EntExtractor
{
  EntLexicon *lexicon;
};

EntExtractor *
ent_extractor_new (EntLexicon *lexicon)
{
  EntExtractor *self;

  g_return_val_if_fail (lexicon != NULL, NULL);

  self = g_new0 (EntExtractor, 1);
  self->lexicon = lexicon;
  return self;
}

void
ent_extractor_free (EntExtractor *self)
{
  g_free (self);
}

/* "trans-Saharan": a lower-case prefix glued to a name. */
static gboolean
glued_to_name (DocContext *ctx,
               guint       i)
{
  return i + 2 < ctx_n_tokens (ctx) && (ctx_token (ctx, i + 1)->flags & TOK_JOINED) &&
         (ctx_token (ctx, i + 2)->flags & TOK_CAP);
}

static void
find_mentions (DocContext *ctx)
{
  gboolean headline = _ent_extractor_is_headline (ctx);
  guint i = 0, n = ctx_n_tokens (ctx);

  g_array_set_size (ctx->mentions, 0);
  while (i < n)
    {
      EntToken *t = ctx_token (ctx, i);
      guint32 trig;
      gboolean cap, phrase;
      guint len;

      /* "(Anatolia Wire)" after a dateline names the outlet, not a place. */
      if ((t->flags & TOK_PUNCT) && t->punct == '(' && i > 0 && i < 8 &&
          (ctx_token (ctx, i - 1)->flags & TOK_NUMBER))
        {
          while (i < n && !punct_is (ctx, i, ')'))
            i++;
          continue;
        }
      if (!(t->flags & TOK_WORD) || (t->flags & TOK_DOMAIN))
        {
          i++;
          continue;
        }
      /* Cheap tests first: most words are none of these. */
      trig = t->lex != NULL ? t->lex->triggers : 0;
      cap = (t->flags & TOK_CAP) != 0;
      phrase = t->lex != NULL && t->lex->max_phrase > 0;

      if (((key_is (ctx, i + 1, "of") || key_is (ctx, i + 2, "of") || punct_is (ctx, i + 1, ',') ||
            punct_is (ctx, i + 2, ',') || (cap && is_word (ctx, i + 1) && (ctx_token (ctx, i + 1)->flags & TOK_CAP) &&
                                           g_str_has_suffix (ctx_key (ctx, i), "s"))) &&
           (len = _ent_extractor_match_plural_office (ctx, i)) > 0) ||
          ((cap || glued_to_name (ctx, i)) && (len = _ent_extractor_match_project (ctx, i)) > 0) ||
          ((cap || (t->flags & TOK_NUMBER)) && (len = _ent_extractor_match_event (ctx, i)) > 0) ||
          (cap && (len = _ent_extractor_match_named_agreement (ctx, i)) > 0) ||
          ((phrase || key_is (ctx, i, "leader")) && (len = _ent_extractor_match_title (ctx, i)) > 0) ||
          (phrase && (len = _ent_extractor_match_lexicon (ctx, i)) > 0) ||
          ((key_is (ctx, i, "counterpart") || key_is (ctx, i, "counterparts")) &&
           (len = _ent_extractor_match_counterpart (ctx, i)) > 0))
        {
          i += len;
          continue;
        }
      if (!ctx->discover &&
          (((trig & TRIG_AGREEMENT) && (len = _ent_extractor_match_agreement (ctx, i)) > 0) ||
           ((trig & TRIG_STOP) && (len = _ent_extractor_match_project_reference (ctx, i)) > 0) ||
           ((trig & TRIG_STOP) && (len = _ent_extractor_match_bloc_reference (ctx, i)) > 0) ||
           ((trig & (TRIG_COLLECTIVE | TRIG_STOP)) && (len = _ent_extractor_match_collective (ctx, i)) > 0) ||
           ((trig & (TRIG_PRONOUN | TRIG_STOP) || (t->flags & TOK_QUOTED)) &&
            (len = _ent_extractor_match_pronoun (ctx, i)) > 0)))
        {
          i += len;
          continue;
        }
      if ((cap || ((t->flags & TOK_NUMBER) && is_word (ctx, i + 1) && (ctx_token (ctx, i + 1)->flags & TOK_CAP))) &&
          (len = _ent_extractor_match_name (ctx, i, headline)) > 0)
        {
          i += len;
          continue;
        }
      i++;
    }
}

static void
process_sentence (DocContext *ctx,
                  EntSpan    *span)
{
  int subject, speaker;

  ent_tokenize (&ctx->tokens, ctx->lexicon, ctx->document->text,
                span->start, span->end, &ctx->in_quote);
  ctx->apposition_until = 0;  /* token indices start again */
  ctx->apposition_person = -1;
  g_array_set_size (ctx->appositions, 0);
  find_mentions (ctx);
  if (ctx->discover)
    {
      _ent_extractor_learn_holders_from_representation (ctx);
      subject = _ent_extractor_sentence_subject (ctx);
      if (subject >= 0)
        ctx->last_subject = subject;
      return;
    }

  speaker = _ent_extractor_sentence_speaker (ctx);
  if (speaker < 0 && _ent_extractor_sentence_has_quote (ctx))
    speaker = ctx->last_speaker;
  _ent_extractor_resolve_self_mentions (ctx, speaker);

  _ent_extractor_extract_relations (ctx);
  _ent_extractor_note_country_pair (ctx);

  subject = _ent_extractor_sentence_subject (ctx);
  if (subject >= 0)
    ctx->last_subject = subject;
  if (speaker >= 0)
    ctx->last_speaker = speaker;
  for (guint k = ctx->mentions->len; k > 0; k--)
    {
      Mention *m = ctx_mention (ctx, k - 1);

      if (_ent_extractor_is_person_mention (ctx, m))
        _ent_extractor_note_person (ctx, m->entity);
    }
}

static void
person_clear (gpointer data)
{
  Person *p = data;

  g_free (p->surname);
  g_free (p->given);
  g_free (p->role);
}

static void
reset_salience (DocContext *ctx)
{
  ctx->last_subject = -1;
  ctx->last_speaker = -1;
  ctx->last_project = -1;
  ctx->last_agreement = -1;
  ctx->last_country = -1;
  ctx->last_bloc = -1;
  ctx->last_sanctioner = -1;
  ctx->collective[0] = ctx->collective[1] = -1;
  ctx->country_pair[0] = ctx->country_pair[1] = -1;
  for (guint k = 0; k < G_N_ELEMENTS (ctx->recent_persons); k++)
    ctx->recent_persons[k] = -1;
  ctx->in_quote = FALSE;
}

/* "The Leader of the Islamic Revolution met Lukashenko … Ayatollah Khamenei
 * … The Leader said": a description read before the text tied its office to
 * a person is that person, once the document has. */
static void
merge_role_only (DocContext *ctx)
{
  EntExtraction *ex = ctx->ex;

  for (guint k = 0; k < ctx->role_only->len; k++)
    {
      RoleOnly *r = &g_array_index (ctx->role_only, RoleOnly, k);
      int person = _ent_extractor_person_by_role (ctx, r->role, r->country, -1);
      Person *p = person >= 0 ? _ent_extractor_doc_person_of (ctx, person) : NULL;
      EntExtractedEntity *description = doc_entity (ctx, r->entity);

      if (p == NULL || (p->country >= 0 && p->country != r->country))
        {
          /* Unresolved and tied to nothing: left to the project only when
           * it takes part in a relation, else it is noise. */
          gboolean related = FALSE;

          for (guint n = 0; n < ex->relations->len && !related; n++)
            {
              EntExtractedRelation *rel = &g_array_index (ex->relations, EntExtractedRelation, n);

              related = rel->type != ENT_RELATION_CO_MENTIONED &&
                        (rel->source == (guint) r->entity || rel->target == (guint) r->entity);
            }
          if (!related)
            description->mentions = 0;
          continue;
        }
      for (guint n = 0; n < ex->relations->len; n++)
        {
          EntExtractedRelation *rel = &g_array_index (ex->relations, EntExtractedRelation, n);

          if (rel->source == (guint) r->entity)
            rel->source = (guint) person;
          if (rel->target == (guint) r->entity)
            rel->target = (guint) person;
        }
      for (guint n = ex->relations->len; n > 0; n--)
        if (g_array_index (ex->relations, EntExtractedRelation, n - 1).source ==
            g_array_index (ex->relations, EntExtractedRelation, n - 1).target)
          g_array_remove_index (ex->relations, n - 1);
      doc_entity (ctx, person)->mentions += description->mentions;
      description->mentions = 0;
      if (p->country < 0)
        p->country = r->country;
    }
}

/* Entities never mentioned in the second pass (a person discovered from a
 * construction the second pass read otherwise) are dropped, and the indices
 * of relations and claims follow. */
static void
drop_unmentioned (EntExtraction *ex)
{
  g_autofree int *remap = g_new (int, ex->entities->len);
  guint kept = 0;

  for (guint k = 0; k < ex->entities->len; k++)
    remap[k] = ((EntExtractedEntity *) g_ptr_array_index (ex->entities, k))->mentions > 0 ? (int) kept++ : -1;
  if (kept == ex->entities->len)
    return;

  for (guint k = ex->relations->len; k > 0; k--)
    {
      EntExtractedRelation *r = &g_array_index (ex->relations, EntExtractedRelation, k - 1);

      if (remap[r->source] < 0 || remap[r->target] < 0)
        g_array_remove_index (ex->relations, k - 1);
      else
        r->source = (guint) remap[r->source], r->target = (guint) remap[r->target];
    }
  for (guint k = ex->claims->len; k > 0; k--)
    {
      EntExtractedClaim *c = &g_array_index (ex->claims, EntExtractedClaim, k - 1);

      if (remap[c->entity] < 0)
        g_array_remove_index (ex->claims, k - 1);
      else
        c->entity = (guint) remap[c->entity];
    }
  for (guint k = ex->entities->len; k > 0; k--)
    if (remap[k - 1] < 0)
      g_ptr_array_remove_index (ex->entities, k - 1);
}

EntExtraction *
ent_extractor_extract (EntExtractor      *self,
                       const EntDocument *document)
{
  DocContext ctx = { 0 };
  g_autoptr(GArray) sentences = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (document != NULL && document->text != NULL, NULL);

  ctx.extractor = self;
  ctx.lexicon = self->lexicon;
  ctx.document = document;
  ctx.ex = ent_extraction_new ();
  ent_tokens_init (&ctx.tokens);
  ctx.mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  ctx.entity_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.persons = g_array_new (FALSE, TRUE, sizeof (Person));
  g_array_set_clear_func (ctx.persons, person_clear);
  ctx.country_mentions = g_array_new (FALSE, TRUE, sizeof (guint));
  ctx.person_of_entity = g_array_new (FALSE, FALSE, sizeof (int));
  ctx.persons_by_word = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  ctx.office_holders = g_array_new (FALSE, FALSE, sizeof (guint));
  ctx.sentence_relations = g_array_new (FALSE, FALSE, sizeof (SentenceRelation));
  ctx.role_only = g_array_new (FALSE, FALSE, sizeof (RoleOnly));
  ctx.agreements = _ent_extractor_agreement_infos_new ();
  ctx.appositions = g_array_new (FALSE, FALSE, sizeof (guint));

  sentences = ent_text_split_sentences (document->text, document->length);
  g_array_append_vals (ctx.ex->sentences, sentences->data, sentences->len);

  for (int pass = 0; pass < 2; pass++)
    {
      ctx.discover = pass == 0;
      reset_salience (&ctx);
      for (guint s = 0; s < sentences->len; s++)
        {
          ctx.sentence = s;
          g_array_set_size (ctx.sentence_relations, 0);
          process_sentence (&ctx, &g_array_index (sentences, EntSpan, s));
        }
      if (ctx.discover)
        _ent_extractor_infer_holders_from_sides (&ctx);
    }

  merge_role_only (&ctx);
  drop_unmentioned (ctx.ex);

  ent_tokens_clear (&ctx.tokens);
  g_array_unref (ctx.mentions);
  g_hash_table_unref (ctx.entity_keys);
  g_array_unref (ctx.persons);
  g_array_unref (ctx.country_mentions);
  g_array_unref (ctx.person_of_entity);
  g_hash_table_unref (ctx.persons_by_word);
  g_array_unref (ctx.office_holders);
  g_array_unref (ctx.sentence_relations);
  g_array_unref (ctx.role_only);
  g_array_unref (ctx.agreements);
  g_array_unref (ctx.appositions);
  return ctx.ex;
}
