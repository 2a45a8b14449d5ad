/* ent-extractor-relations.c — relations read off one sentence.
 *
 * The mentions of the sentence are resolved to entities already (names,
 * pronouns, descriptions, collectives). Each rule looks for a trigger word
 * and the actors on either side of it within the same clause: the nearest
 * actor before the trigger is its subject, the first one after it (or after
 * "with", "by", "to", "between", "on") its object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include <string.h>

#include "ent-extractor-private.h"

#define NEAR 12   /* tokens: how far an object may stand from its trigger */

typedef gboolean (*MentionFilter) (DocContext *ctx,
                                   Mention    *m);

/* ------------------------------------------------------------------ */
/* Emitting                                                            */

static gboolean
relation_fits (DocContext      *ctx,
               EntRelationType  type,
               int              source,
               int              target)
{
  EntEntityType s = doc_entity (ctx, source)->type;
  EntEntityType t = doc_entity (ctx, target)->type;
  gboolean actor_s = s == ENT_ENTITY_PERSON || s == ENT_ENTITY_COUNTRY || s == ENT_ENTITY_ORGANIZATION;

  switch (type)
    {
    case ENT_RELATION_HOLDS_OFFICE:
      return s == ENT_ENTITY_PERSON && (t == ENT_ENTITY_COUNTRY || t == ENT_ENTITY_ORGANIZATION);
    case ENT_RELATION_MET:
    case ENT_RELATION_HOSTED:
    case ENT_RELATION_INVITED:
      return s == ENT_ENTITY_PERSON && t == ENT_ENTITY_PERSON;
    case ENT_RELATION_VISITED:
      return s == ENT_ENTITY_PERSON && (t == ENT_ENTITY_PLACE || t == ENT_ENTITY_COUNTRY);
    case ENT_RELATION_SIGNED:
      return actor_s && t == ENT_ENTITY_AGREEMENT;
    case ENT_RELATION_PARTY_TO:
      return (s == ENT_ENTITY_COUNTRY || s == ENT_ENTITY_ORGANIZATION) && t == ENT_ENTITY_AGREEMENT;
    case ENT_RELATION_MEMBER_OF:
      return s == ENT_ENTITY_COUNTRY && t == ENT_ENTITY_ORGANIZATION;
    case ENT_RELATION_COOPERATES_WITHIN:
      return (s == ENT_ENTITY_COUNTRY || s == ENT_ENTITY_PERSON) && t == ENT_ENTITY_ORGANIZATION;
    case ENT_RELATION_COOPERATES_WITH:
    case ENT_RELATION_SANCTIONS:
      return (s == ENT_ENTITY_COUNTRY || (type == ENT_RELATION_SANCTIONS && s == ENT_ENTITY_ORGANIZATION)) &&
             t == ENT_ENTITY_COUNTRY;
    case ENT_RELATION_ADVOCATES:
      return (s == ENT_ENTITY_PERSON || s == ENT_ENTITY_COUNTRY) &&
             (t == ENT_ENTITY_PROJECT || t == ENT_ENTITY_AGREEMENT || t == ENT_ENTITY_ORGANIZATION);
    case ENT_RELATION_INVOLVES:
      return (s == ENT_ENTITY_PROJECT || s == ENT_ENTITY_AGREEMENT || s == ENT_ENTITY_EVENT) &&
             (t == ENT_ENTITY_COUNTRY || t == ENT_ENTITY_ORGANIZATION);
    case ENT_RELATION_PART_OF:
      return (s == ENT_ENTITY_PROJECT || s == ENT_ENTITY_PLACE) && s == t;
    case ENT_RELATION_ALLIED_WITH:
      return actor_s && (t == ENT_ENTITY_PERSON || t == ENT_ENTITY_COUNTRY || t == ENT_ENTITY_ORGANIZATION);
    case ENT_RELATION_LOCATED_IN:
      return s == ENT_ENTITY_PLACE && (t == ENT_ENTITY_PLACE || t == ENT_ENTITY_COUNTRY);
    case ENT_RELATION_CO_MENTIONED:
      return TRUE;
    case ENT_N_RELATION_TYPES:
    default:
      return FALSE;
    }
}

void
add_relation (DocContext      *ctx,
              EntRelationType  type,
              int              source,
              int              target,
              const char      *role)
{
  if (ctx->discover || source < 0 || target < 0 || source == target)
    return;
  if (doc_entity (ctx, source)->role_only && type != ENT_RELATION_MET &&
      type != ENT_RELATION_HOSTED && type != ENT_RELATION_INVITED && type != ENT_RELATION_CO_MENTIONED)
    return;
  if (!relation_fits (ctx, type, source, target))
    return;
  if (ent_relation_type_is_symmetric (type) && source > target)
    {
      int t = source;

      source = target, target = t;
    }

  for (guint k = 0; k < ctx->sentence_relations->len; k++)
    {
      SentenceRelation *r = &g_array_index (ctx->sentence_relations, SentenceRelation, k);

      if (r->type == type && r->source == source && r->target == target && g_strcmp0 (r->role, role) == 0)
        return;
    }
  ent_extraction_add_relation (ctx->ex, type, (guint) source, (guint) target, role, ctx->sentence);
  {
    SentenceRelation r = { type, source, target,
                           g_array_index (ctx->ex->relations, EntExtractedRelation, ctx->ex->relations->len - 1).role };

    g_array_append_val (ctx->sentence_relations, r);
  }
}

static gboolean
related_in_sentence (DocContext *ctx,
                     int         a,
                     int         b)
{
  for (guint k = 0; k < ctx->sentence_relations->len; k++)
    {
      SentenceRelation *r = &g_array_index (ctx->sentence_relations, SentenceRelation, k);

      if ((r->source == a && r->target == b) || (r->source == b && r->target == a))
        return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Sentence structure                                                  */

static gboolean
tok_in (DocContext  *ctx,
        guint        i,
        const char **words)
{
  return i < ctx_n_tokens (ctx) && (ctx_token (ctx, i)->flags & TOK_WORD) &&
         g_strv_contains (words, ctx_key (ctx, i));
}

/* Clauses end at ; : ( ) and spaced dashes; quotations are clauses too. */
static gboolean
is_clause_break (DocContext *ctx,
                 guint       i)
{
  EntToken *t = ctx_token (ctx, i);

  if (!(t->flags & TOK_PUNCT))
    return FALSE;
  if (t->punct == ';' || t->punct == ':' || t->punct == '(' || t->punct == ')')
    return TRUE;
  if ((t->flags & TOK_DASH) && !(t->flags & TOK_JOINED) && (t->flags & TOK_SPACE))
    return TRUE;
  if (!(t->flags & TOK_QUOTE_MARK))
    return FALSE;
  /* Scare quotes around a word or two ("rebalance") do not split a clause. */
  for (guint k = i + 1; k < ctx_n_tokens (ctx) && k <= i + 4; k++)
    if (ctx_token (ctx, k)->flags & TOK_QUOTE_MARK)
      return FALSE;
  for (guint k = i; k > 0 && k + 4 >= i; k--)
    if (ctx_token (ctx, k - 1)->flags & TOK_QUOTE_MARK)
      return FALSE;
  return TRUE;
}

static gboolean
same_clause (DocContext *ctx,
             guint       a,
             guint       b)
{
  guint lo = MIN (a, b), hi = MAX (a, b);

  for (guint i = lo; i < hi; i++)
    if (is_clause_break (ctx, i))
      return FALSE;
  return TRUE;
}

static gboolean
negated (DocContext *ctx,
         guint       i)
{
  for (guint k = i > 3 ? i - 3 : 0; k < i; k++)
    if (ctx_triggers (ctx, k) & TRIG_NEGATION)
      return TRUE;
  return FALSE;
}

static gboolean
passive_before (DocContext *ctx,
                guint       i)
{
  static const char *aux[] = { "was", "were", "been", "be", "being", "is", "are", "get", "got", NULL };

  for (guint k = i > 3 ? i - 3 : 0; k < i; k++)
    if (tok_in (ctx, k, aux))
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Finding actors                                                      */

static gboolean
is_person (DocContext *ctx,
           Mention    *m)
{
  return m->type == ENT_ENTITY_PERSON && m->entity >= 0;
}

static gboolean
is_state_actor (DocContext *ctx,
                Mention    *m)
{
  if (m->entity < 0 || m->kind == MK_DEMONYM)
    return FALSE;
  if (m->type == ENT_ENTITY_COUNTRY)
    return TRUE;
  return m->type == ENT_ENTITY_PERSON && doc_entity_country (ctx, m->entity) >= 0;
}

static gboolean
is_country (DocContext *ctx,
            Mention    *m)
{
  return m->type == ENT_ENTITY_COUNTRY && m->entity >= 0;
}

static gboolean
is_country_name (DocContext *ctx,
                 Mention    *m)
{
  return is_country (ctx, m) && m->kind != MK_DEMONYM;
}

static gboolean
is_destination (DocContext *ctx,
                Mention    *m)
{
  return m->entity >= 0 && (m->type == ENT_ENTITY_PLACE ||
                            (m->type == ENT_ENTITY_COUNTRY && m->kind != MK_DEMONYM && m->kind != MK_COLLECTIVE));
}

static gboolean
is_agreement (DocContext *ctx,
              Mention    *m)
{
  return m->type == ENT_ENTITY_AGREEMENT && m->entity >= 0;
}

static gboolean
is_advocated (DocContext *ctx,
              Mention    *m)
{
  return m->entity >= 0 && (m->type == ENT_ENTITY_PROJECT || m->type == ENT_ENTITY_AGREEMENT);
}

static gboolean
is_organization (DocContext *ctx,
                 Mention    *m)
{
  return m->type == ENT_ENTITY_ORGANIZATION && m->entity >= 0;
}

static gboolean
is_actor (DocContext *ctx,
          Mention    *m)
{
  return m->entity >= 0 && m->kind != MK_DEMONYM &&
         (m->type == ENT_ENTITY_PERSON || m->type == ENT_ENTITY_COUNTRY || m->type == ENT_ENTITY_ORGANIZATION);
}

static gboolean
is_project_or_place (DocContext *ctx,
                     Mention    *m)
{
  return m->entity >= 0 && (m->type == ENT_ENTITY_PROJECT || m->type == ENT_ENTITY_PLACE);
}

/* The nearest mention before token @i in its clause (the subject side). A
 * mention that is the holder of the office right after it ("Belarusian" in
 * "Belarusian President X") is not an actor on its own. */
static int
mention_before (DocContext    *ctx,
                guint          i,
                MentionFilter  filter)
{
  for (guint k = ctx->mentions->len; k > 0; k--)
    {
      Mention *m = ctx_mention (ctx, k - 1);

      if (m->last > i)
        continue;
      if (!same_clause (ctx, m->last - 1, i))
        return -1;
      if (filter (ctx, m))
        return (int) (k - 1);
    }
  return -1;
}

static int
mention_after (DocContext    *ctx,
               guint          i,
               guint          window,
               MentionFilter  filter)
{
  for (guint k = 0; k < ctx->mentions->len; k++)
    {
      Mention *m = ctx_mention (ctx, k);

      if (m->first <= i)
        continue;
      if (m->first > i + window || !same_clause (ctx, i, m->first))
        return -1;
      /* "hosted his counterpart, X": "his" only says whose counterpart. */
      if (m->kind == MK_PRONOUN && m->possessive)
        continue;
      if (filter (ctx, m))
        return (int) k;
    }
  return -1;
}

/* The entities a mention stands for: one, or two for a collective. */
static guint
mention_entities (DocContext *ctx,
                  int         k,
                  int         out[2])
{
  Mention *m;

  if (k < 0)
    return 0;
  m = ctx_mention (ctx, (guint) k);
  if (m->entity < 0)
    return 0;
  out[0] = m->entity;
  if (m->kind == MK_COLLECTIVE && m->entity2 >= 0)
    {
      out[1] = m->entity2;
      return 2;
    }
  return 1;
}

/* A country named only as the holder of the office after it:
 * "Laotian President", "Türkiye's Vice President". */
static gboolean
is_holder (DocContext *ctx,
           Mention    *m)
{
  return m->kind == MK_DEMONYM || m->modifier || (m->type == ENT_ENTITY_COUNTRY && m->possessive);
}

static gboolean
punct_is_comma (EntToken *t)
{
  return (t->flags & TOK_PUNCT) && t->punct == ',';
}

/* A mention and those coordinated with it: "Iran and Belarus", "X, Y and Z". */
static GArray *
coordinated (DocContext    *ctx,
             int            k,
             MentionFilter  filter,
             gboolean       forward)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));
  int ents[2];

  if (k < 0)
    return out;
  for (guint n = mention_entities (ctx, k, ents), e = 0; e < n; e++)
    g_array_append_val (out, ents[e]);

  for (;;)
    {
      int next = forward ? k + 1 : k - 1;
      Mention *cur, *other;
      guint gap_lo, gap_hi;
      gboolean joined = TRUE, conjunction = FALSE;

      /* Demonyms are part of the title of the next name: "X and Laotian
       * President Y". */
      while (next >= 0 && (guint) next < ctx->mentions->len && is_holder (ctx, ctx_mention (ctx, (guint) next)) &&
             !filter (ctx, ctx_mention (ctx, (guint) next)))
        next += forward ? 1 : -1;
      if (next < 0 || (guint) next >= ctx->mentions->len)
        break;
      cur = ctx_mention (ctx, (guint) k);
      other = ctx_mention (ctx, (guint) next);
      gap_lo = forward ? cur->last : other->last;
      gap_hi = forward ? other->first : cur->first;
      if (gap_hi < gap_lo || gap_hi - gap_lo > 7 || !filter (ctx, other))
        break;
      for (guint i = gap_lo; i < gap_hi; i++)
        {
          EntToken *t = ctx_token (ctx, i);

          /* "Iran and Belarus", "X, Y", "Tehran-Minsk" */
          if (key_is (ctx, i, "and") || punct_is_comma (t) || ((t->flags & TOK_PUNCT) && (t->flags & TOK_JOINED)))
            conjunction = TRUE;
          else if (!(key_is (ctx, i, "the") || key_is (ctx, i, "a") || key_is (ctx, i, "an") || key_is (ctx, i, "of") ||
                     key_is (ctx, i, "both") || key_is (ctx, i, "as") ||
                     key_is (ctx, i, "well") || (t->flags & (TOK_CAP | TOK_NUMBER | TOK_JOINED)) ||
                     (ctx_triggers (ctx, i) & TRIG_NUMBER) || (t->lex != NULL && t->lex->max_phrase > 0)))
            joined = FALSE;
        }
      if (!joined || !conjunction)
        break;
      for (guint n = mention_entities (ctx, next, ents), e = 0; e < n; e++)
        g_array_append_val (out, ents[e]);
      k = next;
    }
  return out;
}

static int
index_of_word (DocContext  *ctx,
               guint        from,
               guint        to,
               const char **words)
{
  for (guint i = from; i < MIN (to, ctx_n_tokens (ctx)); i++)
    if (tok_in (ctx, i, words))
      return (int) i;
  return -1;
}

static void
relate_all (DocContext      *ctx,
            EntRelationType  type,
            GArray          *sources,
            GArray          *targets,
            const char      *role)
{
  for (guint a = 0; a < sources->len; a++)
    for (guint b = 0; b < targets->len; b++)
      add_relation (ctx, type, g_array_index (sources, int, a), g_array_index (targets, int, b), role);
}

static GArray *
to_countries (DocContext *ctx,
              GArray     *entities)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint k = 0; k < entities->len; k++)
    {
      int c = doc_entity_country (ctx, g_array_index (entities, int, k));

      if (c >= 0)
        g_array_append_val (out, c);
    }
  return out;
}

/* ------------------------------------------------------------------ */
/* Rules                                                               */

/* "X held talks in Jakarta with Y": who met in a city of a country other
 * than their own came there. */
static void
meeting_place_visits (DocContext *ctx,
                      guint       i,
                      GArray     *left,
                      GArray     *right)
{
  int in = index_of_word (ctx, i + 1, i + 4, (const char *[]) { "in", NULL });
  int place;
  const char *code;
  GArray *sides[2] = { left, right };

  if (in < 0 || (place = mention_after (ctx, (guint) in, 1, is_destination)) < 0 ||
      ctx_mention (ctx, place)->type != ENT_ENTITY_PLACE)
    return;
  code = g_hash_table_lookup (doc_entity (ctx, ctx_mention (ctx, place)->entity)->attributes, "country");
  if (code == NULL)
    return;
  for (guint s = 0; s < 2; s++)
    for (guint k = 0; k < sides[s]->len; k++)
      {
        int person = g_array_index (sides[s], int, k);
        int country = doc_entity_country (ctx, person);
        const char *own = country >= 0 ? g_hash_table_lookup (doc_entity (ctx, country)->attributes, "code") : NULL;

        if (own != NULL && !g_str_equal (own, code))
          add_relation (ctx, ENT_RELATION_VISITED, person, ctx_mention (ctx, place)->entity, NULL);
      }
}

static const char *meet_words[] = { "met", "meet", "meets", "meeting", "meetings", "talks", "conferred",
                                    "consultations", "told", NULL };

static void
rule_met (DocContext *ctx,
          guint       i)
{
  g_autoptr(GArray) left = NULL;
  g_autoptr(GArray) right = NULL;
  int after;
  guint from = i;

  if (key_is (ctx, i, "joined") &&
      index_of_word (ctx, i + 1, i + NEAR, (const char *[]) { "meeting", "talks", "meetings", NULL }) < 0)
    return;
  if (!tok_in (ctx, i, meet_words) && !key_is (ctx, i, "joined"))
    return;
  if (negated (ctx, i))
    return;

  left = coordinated (ctx, mention_before (ctx, i, is_person), is_person, FALSE);
  if (key_is (ctx, i + 1, "with") || key_is (ctx, i + 1, "between"))
    from = i + 1;
  after = mention_after (ctx, from, NEAR, is_person);
  /* "told Lukashenko": the object must follow at once. */
  if (key_is (ctx, i, "told") && (after < 0 || ctx_mention (ctx, after)->first > i + 3))
    return;
  right = coordinated (ctx, after, is_person, TRUE);

  meeting_place_visits (ctx, i, left, right);
  if (left->len > 0 && right->len > 0)
    relate_all (ctx, ENT_RELATION_MET, left, right, NULL);
  else if (left->len >= 2 && right->len == 0)
    relate_all (ctx, ENT_RELATION_MET, left, left, NULL);
  else if (left->len == 0 && right->len >= 2 && key_is (ctx, i + 1, "between"))
    relate_all (ctx, ENT_RELATION_MET, right, right, NULL);
}

static const char *host_words[] = { "hosted", "hosts", "host", "hosting", "received", "receives", "receive",
                                    "welcomed", "welcomes", "greeted", "greets", NULL };

static void
rule_hosted (DocContext *ctx,
             guint       i)
{
  int host, guest;

  if (!tok_in (ctx, i, host_words) || negated (ctx, i))
    return;
  if (passive_before (ctx, i) || key_is (ctx, i + 1, "by"))
    {
      /* "was received on Thursday by his Mexican counterpart, X" */
      int by = index_of_word (ctx, i + 1, i + 6, (const char *[]) { "by", NULL });

      host = mention_after (ctx, by >= 0 ? (guint) by : i, 8, is_person);
      guest = mention_before (ctx, i, is_person);
    }
  else
    {
      host = mention_before (ctx, i, is_person);
      guest = mention_after (ctx, i, 8, is_person);
    }
  if (host >= 0 && guest >= 0)
    {
      g_autoptr(GArray) hosts = coordinated (ctx, host, is_person, TRUE);
      g_autoptr(GArray) guests = coordinated (ctx, guest, is_person, FALSE);

      relate_all (ctx, ENT_RELATION_HOSTED, hosts, guests, NULL);
      /* Whoever hosts a visitor meets them. */
      relate_all (ctx, ENT_RELATION_MET, hosts, guests, NULL);
    }
}

static const char *arrive_words[] = { "arrived", "arrives", "arrive", "arriving", "travelled", "traveled",
                                      "travels", "came", "come", "comes", "flew", "landed", "visited",
                                      "visits", "toured", NULL };
static const char *visit_nouns[] = { "visit", "visits", "trip", "trips", "tour", NULL };

static void
rule_visited (DocContext *ctx,
              guint       i)
{
  int visitor = -1, destination = -1;

  if (negated (ctx, i))
    return;
  if (tok_in (ctx, i, arrive_words))
    {
      /* "invited Raisi to visit" is no visit; "came to Iran" is. */
      visitor = mention_before (ctx, i, is_person);
      destination = mention_after (ctx, i, 5, is_destination);
    }
  else if (tok_in (ctx, i, visit_nouns) && !key_is (ctx, i - 1, "to"))
    {
      /* "invited Aksoy to pay a state visit", "will visit": not yet a visit. */
      if (index_of_word (ctx, i > 6 ? i - 6 : 0, i, (const char *[]) { "invited", "invitation", "pay", "will",
                                                                        "would", "plans", "planned", "expected",
                                                                        "next", NULL }) >= 0)
        return;
      int to = index_of_word (ctx, i + 1, i + 3, (const char *[]) { "to", "in", NULL });
      int by = index_of_word (ctx, i + 1, i + 2, (const char *[]) { "by", NULL });

      if (to < 0 && by < 0)
        return;
      if (by >= 0)
        {
          visitor = mention_after (ctx, (guint) by, 6, is_person);
          to = visitor >= 0 ? index_of_word (ctx, ctx_mention (ctx, visitor)->last,
                                             ctx_mention (ctx, visitor)->last + 2,
                                             (const char *[]) { "to", "in", NULL }) : -1;
        }
      else
        visitor = mention_before (ctx, i, is_person);
      if (to >= 0)
        destination = mention_after (ctx, (guint) to, 2, is_destination);
    }
  else
    return;

  if (visitor >= 0 && destination >= 0)
    add_relation (ctx, ENT_RELATION_VISITED, ctx_mention (ctx, visitor)->entity,
                  ctx_mention (ctx, destination)->entity, NULL);
}

static void
rule_invited (DocContext *ctx,
              guint       i)
{
  int inviter, invitee;

  if (!(key_is (ctx, i, "invited") || key_is (ctx, i, "invites")) || negated (ctx, i))
    return;
  if (passive_before (ctx, i))
    return;
  inviter = mention_before (ctx, i, is_person);
  invitee = mention_after (ctx, i, 3, is_person);
  if (inviter >= 0 && invitee >= 0)
    add_relation (ctx, ENT_RELATION_INVITED, ctx_mention (ctx, inviter)->entity,
                  ctx_mention (ctx, invitee)->entity, NULL);
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
              add_relation (ctx, ENT_RELATION_SIGNED, s, t, NULL);
            add_relation (ctx, ENT_RELATION_PARTY_TO, s, t, NULL);
          }
        else
          {
            int country = doc_entity_country (ctx, s);

            add_relation (ctx, ENT_RELATION_SIGNED, s, t, NULL);
            /* A president or minister signs for their country. */
            if (country >= 0)
              add_relation (ctx, ENT_RELATION_PARTY_TO, country, t, NULL);
          }
      }

  /* "Azerbaijan, Georgia and Türkiye signed a trilateral protocol": states
   * that sign together cooperate. */
  for (guint a = 0; a < signers->len; a++)
    countries += doc_entity (ctx, g_array_index (signers, int, a))->type == ENT_ENTITY_COUNTRY;
  if (countries >= 2 && agreements->len > 0 && !demonyms)
    for (guint a = 0; a < signers->len; a++)
      for (guint b = a + 1; b < signers->len; b++)
        add_relation (ctx, ENT_RELATION_COOPERATES_WITH, g_array_index (signers, int, a),
                      g_array_index (signers, int, b), NULL);
}

static const char *sign_words[] = { "signed", "signs", "sign", "signing", "inked", "inks", "concluded",
                                    "sealed", "endorsed", "initialled", "initialed", "ratified",
                                    "agreed", NULL };

static void
rule_signed (DocContext *ctx,
             guint       i)
{
  g_autoptr(GArray) signers = NULL;
  g_autoptr(GArray) agreements = NULL;
  int subject, object, with;
  gboolean demonyms = FALSE;

  if (!tok_in (ctx, i, sign_words) || negated (ctx, i))
    return;
  if (key_is (ctx, i, "agreed") && !key_is (ctx, i + 1, "on") && !key_is (ctx, i + 1, "upon"))
    return;

  if (passive_before (ctx, i))
    {
      int by = index_of_word (ctx, i + 1, i + 4, (const char *[]) { "by", NULL });

      if (by < 0)
        return;
      subject = mention_after (ctx, (guint) by, 4, is_signer);
      object = mention_before (ctx, i, is_agreement);
      signers = coordinated (ctx, subject, is_signer, TRUE);
      agreements = coordinated (ctx, object, is_agreement, FALSE);
    }
  else
    {
      subject = mention_before (ctx, i, is_signer);
      /* "X met her counterpart Y … and signed": both sign. */
      if (subject >= 0 && (key_is (ctx, i - 1, "and") || (key_is (ctx, i - 2, "and") && key_is (ctx, i - 1, "also"))))
        {
          int first = -1;

          for (guint k = 0; k < (guint) subject && first < 0; k++)
            if (is_signer (ctx, ctx_mention (ctx, k)) && ctx_mention (ctx, k)->type == ENT_ENTITY_PERSON &&
                same_clause (ctx, ctx_mention (ctx, k)->last, i))
              first = (int) k;
          if (first >= 0 && related_in_sentence (ctx, ctx_mention (ctx, first)->entity, ctx_mention (ctx, subject)->entity))
            {
              object = mention_after (ctx, i, NEAR, is_agreement);
              signers = g_array_new (FALSE, FALSE, sizeof (int));
              g_array_append_val (signers, ctx_mention (ctx, first)->entity);
              g_array_append_val (signers, ctx_mention (ctx, subject)->entity);
              agreements = coordinated (ctx, object, is_agreement, TRUE);
              sign_each (ctx, signers, agreements, FALSE);
              return;
            }
        }
      if (subject >= 0 && ctx_mention (ctx, subject)->kind == MK_DEMONYM)
        demonyms = TRUE;
      if (subject < 0)
        {
          subject = mention_before (ctx, i, (MentionFilter) is_country);
          demonyms = subject >= 0;
        }
      object = mention_after (ctx, i, NEAR, is_agreement);
      /* "the agreements he signed with the Iranian president" */
      if (object < 0 && subject > 0 && is_agreement (ctx, ctx_mention (ctx, subject - 1)))
        object = subject - 1;
      signers = coordinated (ctx, subject, demonyms ? (MentionFilter) is_country : is_signer, FALSE);
      agreements = coordinated (ctx, object, is_agreement, TRUE);

      with = index_of_word (ctx, i + 1, i + 3, (const char *[]) { "with", NULL });
      if (with >= 0)
        {
          int partner = mention_after (ctx, (guint) with, 4, is_signer);
          int ents[2];

          for (guint n = mention_entities (ctx, partner, ents), e = 0; e < n; e++)
            g_array_append_val (signers, ents[e]);
        }
    }
  sign_each (ctx, signers, agreements, demonyms);
}

/* "a roadmap … between Tehran and Minsk": the parties of an agreement. */
static void
rule_parties (DocContext *ctx,
              guint       k)
{
  Mention *m = ctx_mention (ctx, k);
  int between;

  if (!is_agreement (ctx, m))
    return;
  between = index_of_word (ctx, m->last, m->last + 8, (const char *[]) { "between", NULL });
  if (between >= 0)
    {
      int first = mention_after (ctx, (guint) between, 3, (MentionFilter) is_country);
      g_autoptr(GArray) parties = coordinated (ctx, first, (MentionFilter) is_country, TRUE);

      for (guint p = 0; p < parties->len; p++)
        add_relation (ctx, ENT_RELATION_PARTY_TO, g_array_index (parties, int, p), m->entity, NULL);
    }
}

static gboolean
is_cooperation_word (DocContext *ctx,
                     guint       i)
{
  return (ctx_triggers (ctx, i) & TRIG_COOPERATE) != 0;
}

static void
cooperate_pairs (DocContext *ctx,
                 GArray     *group)
{
  g_autoptr(GArray) countries = to_countries (ctx, group);

  for (guint a = 0; a < countries->len; a++)
    for (guint b = a + 1; b < countries->len; b++)
      add_relation (ctx, ENT_RELATION_COOPERATES_WITH, g_array_index (countries, int, a),
                    g_array_index (countries, int, b), NULL);
}

static void
rule_cooperates_with (DocContext *ctx,
                      guint       i)
{
  int k;

  if (!is_cooperation_word (ctx, i) || negated (ctx, i))
    return;

  /* "cooperation between Iran and Belarus", "ties between the two countries" */
  if (key_is (ctx, i + 1, "between") || (key_is (ctx, i + 2, "between") && !(ctx_token (ctx, i + 1)->flags & TOK_CAP)))
    {
      guint at = key_is (ctx, i + 1, "between") ? i + 1 : i + 2;
      g_autoptr(GArray) group = coordinated (ctx, mention_after (ctx, at, 6, is_state_actor), is_state_actor, TRUE);

      cooperate_pairs (ctx, group);
    }

  /* "Tehran-Minsk cooperation", "Iran and Belarus … their ties" */
  k = mention_before (ctx, i, is_state_actor);
  if (k >= 0)
    {
      g_autoptr(GArray) group = coordinated (ctx, k, is_state_actor, FALSE);

      if (group->len >= 2)
        cooperate_pairs (ctx, group);
    }

  /* "enhance its ties with Belarus", "ties Tehran has established with Moscow" */
  {
    int with = index_of_word (ctx, i + 1, i + 8, (const char *[]) { "with", NULL });

    if (with >= 0)
      {
        int object = mention_after (ctx, (guint) with, 3, is_state_actor);
        /* The nearest actor is the subject; a person whose country the
         * document does not give says nothing about countries. */
        int subject = mention_before (ctx, (guint) with, is_actor);

        if (subject >= 0 && !is_state_actor (ctx, ctx_mention (ctx, subject)))
          subject = -1;
        if (object >= 0 && subject >= 0 && subject != object)
          {
            g_autoptr(GArray) group = g_array_new (FALSE, FALSE, sizeof (int));
            int ents[2];

            for (guint n = mention_entities (ctx, subject, ents), e = 0; e < n; e++)
              g_array_append_val (group, ents[e]);
            for (guint n = mention_entities (ctx, object, ents), e = 0; e < n; e++)
              g_array_append_val (group, ents[e]);
            cooperate_pairs (ctx, group);
          }
      }
  }
}

static void
rule_cooperates_within (DocContext *ctx,
                        guint       i)
{
  int org, actor;

  if (!(ctx_triggers (ctx, i) & (TRIG_WITHIN | TRIG_COOPERATE)) || negated (ctx, i))
    return;
  if (!tok_in (ctx, i, (const char *[]) { "within", "through", "cooperate", "cooperation", "cooperating",
                                           "collaboration", NULL }))
    return;
  org = mention_after (ctx, i, 8, is_organization);
  if (org < 0)
    return;
  actor = mention_before (ctx, i, is_state_actor);
  if (actor >= 0)
    {
      g_autoptr(GArray) actors = coordinated (ctx, actor, is_state_actor, FALSE);
      g_autoptr(GArray) countries = to_countries (ctx, actors);
      g_autoptr(GArray) orgs = coordinated (ctx, org, is_organization, TRUE);

      relate_all (ctx, ENT_RELATION_COOPERATES_WITHIN, countries, orgs, NULL);
    }
}

static gboolean
is_member_country (DocContext *ctx,
                   Mention    *m)
{
  return is_country (ctx, m) && m->kind != MK_DEMONYM;
}

static void
members_of (DocContext *ctx,
            int         countries_at,
            gboolean    forward,
            int         org)
{
  g_autoptr(GArray) countries = coordinated (ctx, countries_at, is_member_country, forward);
  /* "members of the G20 and of CELAC" */
  g_autoptr(GArray) orgs = coordinated (ctx, org, is_organization, TRUE);

  relate_all (ctx, ENT_RELATION_MEMBER_OF, countries, orgs, NULL);
}

/* "Both countries are members of ASEAN", "Senegal is a member of ECOWAS",
 * "Hungary is an EU member", "SCO members Iran and India", "Iran joined
 * the SCO"; not "a candidate to join the EU". */
static void
rule_member_of (DocContext *ctx,
                guint       i)
{
  int org, country;

  if (negated (ctx, i) ||
      index_of_word (ctx, i > 4 ? i - 4 : 0, i, (const char *[]) { "candidate", "bid", "applied", "application",
                                                                  "observer", "partner", NULL }) >= 0)
    return;
  if (tok_in (ctx, i, (const char *[]) { "belong", "belongs", "belonged", NULL }) && key_is (ctx, i + 1, "to") &&
      (org = mention_after (ctx, i + 1, 3, is_organization)) >= 0 &&
      (country = mention_before (ctx, i, is_member_country)) >= 0)
    members_of (ctx, country, FALSE, org);
  else if (tok_in (ctx, i, (const char *[]) { "member", "members", "membership", NULL }))
    {
      /* "… are all SCO members, as are China, Russia, India and Pakistan" */
      if (punct_is_comma (ctx_token (ctx, MIN (i + 1, ctx_n_tokens (ctx) - 1))) && key_is (ctx, i + 2, "as") &&
          (key_is (ctx, i + 3, "are") || key_is (ctx, i + 3, "is")) &&
          (org = mention_before (ctx, i, is_organization)) >= 0 &&
          (country = mention_after (ctx, i + 3, 3, is_member_country)) >= 0)
        members_of (ctx, country, TRUE, org);
      if (key_is (ctx, i + 1, "of") && (org = mention_after (ctx, i + 1, 4, is_organization)) >= 0 &&
          (country = mention_before (ctx, i, is_member_country)) >= 0)
        members_of (ctx, country, FALSE, org);
      else if ((org = mention_before (ctx, i, is_organization)) >= 0 && ctx_mention (ctx, org)->last + 1 >= i)
        {
          if ((country = mention_after (ctx, i, 3, is_member_country)) >= 0)
            members_of (ctx, country, TRUE, org);
          else if ((country = mention_before (ctx, ctx_mention (ctx, org)->first, is_member_country)) >= 0)
            members_of (ctx, country, FALSE, org);
        }
    }
  else if (tok_in (ctx, i, (const char *[]) { "joined", "joins", "join", "accession", NULL }) &&
           (org = mention_after (ctx, i, 4, is_organization)) >= 0 &&
           (country = mention_before (ctx, i, is_member_country)) >= 0)
    members_of (ctx, country, FALSE, org);
}

static const char *advocate_words[] = { "advocate", "advocates", "advocated", "championed", "champions",
                                        "backs", "backed", "supports", "supported", "urged", "urges",
                                        "proposed", "proposes", "promoted", "promotes", "raised", "called",
                                        "calls", "pushed", "pushes", "favours", "favors", "referred",
                                        "praised", "hailed", NULL };

static void
rule_advocates (DocContext *ctx,
                guint       i)
{
  int actor, object;

  if (!tok_in (ctx, i, advocate_words) || negated (ctx, i))
    return;
  actor = mention_before (ctx, i, is_actor);
  object = mention_after (ctx, i, NEAR, is_advocated);
  if (actor >= 0 && object >= 0)
    {
      g_autoptr(GArray) actors = coordinated (ctx, actor, is_actor, FALSE);
      g_autoptr(GArray) objects = coordinated (ctx, object, is_advocated, TRUE);

      relate_all (ctx, ENT_RELATION_ADVOCATES, actors, objects, NULL);
    }
}

static const char *involve_words[] = { "benefit", "benefits", "involve", "involves", "involving", "link",
                                       "links", "linking", "connect", "connects", "connecting", "interest",
                                       "between", "through", "serve", "serves", NULL };

static void
rule_involves (DocContext *ctx,
               guint       k)
{
  Mention *m = ctx_mention (ctx, k);
  int trigger;

  if (m->entity < 0 || m->type != ENT_ENTITY_PROJECT)
    return;
  trigger = index_of_word (ctx, m->last, m->last + NEAR, involve_words);
  if (trigger < 0 || !same_clause (ctx, m->last, (guint) trigger))
    return;

  /* Every state named after the trigger in the clause: "Iran, Belarus,
   * Russia and the region", "both countries, as well as Russia". */
  for (guint n = 0; n < ctx->mentions->len; n++)
    {
      Mention *other = ctx_mention (ctx, n);
      int ents[2];

      if (other->first <= (guint) trigger || !same_clause (ctx, (guint) trigger, other->first))
        continue;
      if (!(is_country (ctx, other) || is_organization (ctx, other)) || other->kind == MK_DEMONYM)
        continue;
      for (guint c = mention_entities (ctx, (int) n, ents), e = 0; e < c; e++)
        add_relation (ctx, ENT_RELATION_INVOLVES, m->entity, ents[e], NULL);
    }
}

static const char *build_words[] = { "build", "builds", "building", "built", "construct", "constructing",
                                     "finance", "finances", "financing", "financed", "fund", "funds", "funding",
                                     "develop", "developing", "launch", "launched", "complete", "completed",
                                     "finish", "extend", "extending", "upgrade", "modernise", "modernize",
                                     "implement", "implementing", "revive", "speed", NULL };

/* "Uzbekistan, Afghanistan and Pakistan signed an agreement to build the
 * Trans-Afghan railway": the countries that build a project take part in it. */
static void
rule_builds (DocContext *ctx,
             guint       k)
{
  Mention *m = ctx_mention (ctx, k);
  int verb, subject;

  if (m->entity < 0 || m->type != ENT_ENTITY_PROJECT || m->first < 2)
    return;
  verb = index_of_word (ctx, m->first > 6 ? m->first - 6 : 0, m->first, build_words);
  if (verb < 0 || negated (ctx, (guint) verb))
    return;
  subject = mention_before (ctx, (guint) verb, is_state_actor);
  if (subject >= 0)
    {
      g_autoptr(GArray) actors = coordinated (ctx, subject, is_state_actor, FALSE);
      g_autoptr(GArray) countries = to_countries (ctx, actors);

      for (guint n = 0; n < countries->len; n++)
        add_relation (ctx, ENT_RELATION_INVOLVES, m->entity, g_array_index (countries, int, n), NULL);
    }
}

/* "China–Pakistan Economic Corridor", "Budapest-Belgrade railway": the
 * countries a project's name names, or whose cities it names. */
static void
rule_project_name (DocContext *ctx,
                   guint       k)
{
  Mention *m = ctx_mention (ctx, k);

  gboolean event;

  if (m->entity < 0 || (m->type != ENT_ENTITY_PROJECT && m->type != ENT_ENTITY_EVENT) || m->kind != MK_NAME)
    return;
  event = m->type == ENT_ENTITY_EVENT;
  for (guint i = m->first; i < m->last; i++)
    {
      const GArray *matches;
      const LexCountry *country = NULL;
      guint len;

      if (!(ctx_token (ctx, i)->flags & TOK_WORD) || !(ctx_token (ctx, i)->flags & TOK_CAP) || ctx_token (ctx, i)->lex == NULL ||
          ctx_token (ctx, i)->lex->max_phrase == 0)
        continue;
      len = match_phrase_at (ctx, i, &matches);
      for (guint n = 0; len > 0 && n < matches->len && country == NULL; n++)
        {
          const LexMatch *lm = &g_array_index (matches, LexMatch, n);

          if (lm->kind == LEX_COUNTRY || (lm->kind == LEX_CAPITAL && !event))
            country = ent_lexicon_get_country (ctx->lexicon, lm->index);
          else if (lm->kind == LEX_ORG && event)
            {
              const LexOrg *org = ent_lexicon_get_org (ctx->lexicon, lm->index);
              int entity = doc_org_entity (ctx, org->name, org->kind, org->country);

              /* "ASEAN summit" mentions ASEAN. */
              doc_count_mention (ctx, entity, NULL);
              add_relation (ctx, ENT_RELATION_INVOLVES, m->entity, entity, NULL);
            }
          else if (lm->kind == LEX_PLACE && !event && ent_lexicon_get_place (ctx->lexicon, lm->index)->country >= 0)
            country = ent_lexicon_get_country (ctx->lexicon, ent_lexicon_get_place (ctx->lexicon, lm->index)->country);
        }
      if (country != NULL)
        {
          int entity = doc_country_entity (ctx, ent_lexicon_find_country (ctx->lexicon, country->code));

          if (doc_entity (ctx, entity)->mentions == 0)
            doc_count_mention (ctx, entity, NULL);
          add_relation (ctx, ENT_RELATION_INVOLVES, m->entity, entity, NULL);
        }
      if (len > 1)
        i += len - 1;
    }
}

static void
rule_part_of (DocContext *ctx,
              guint       i)
{
  int whole, part;

  if (!tok_in (ctx, i, (const char *[]) { "part", "section", "segment", "leg", "component", "stretch", NULL }) ||
      !key_is (ctx, i + 1, "of"))
    return;
  part = mention_before (ctx, i, is_project_or_place);
  whole = mention_after (ctx, i + 1, 4, is_project_or_place);
  if (part >= 0 && whole >= 0)
    add_relation (ctx, ENT_RELATION_PART_OF, ctx_mention (ctx, part)->entity,
                  ctx_mention (ctx, whole)->entity, NULL);
}

static gboolean
is_sanctioner (DocContext *ctx,
               Mention    *m)
{
  return m->entity >= 0 && (m->type == ENT_ENTITY_COUNTRY || m->type == ENT_ENTITY_ORGANIZATION) &&
         m->kind != MK_COLLECTIVE;
}

/* Only "and" and capitalised adjectives between a country and the noun it
 * modifies: "United States and Western sanctions", "US sanctions". */
static gboolean
adjective_gap (DocContext *ctx,
               guint       from,
               guint       to)
{
  if (to - from > 3)
    return FALSE;
  for (guint i = from; i < to; i++)
    if (!key_is (ctx, i, "and") && !(ctx_token (ctx, i)->flags & TOK_CAP) &&
        !(ctx_token (ctx, i)->flags & TOK_JOINED))
      return FALSE;
  return TRUE;
}

/* "on the country": the country the document is about that is not the source. */
static int
the_country_after (DocContext *ctx,
                   guint       at,
                   int         exclude)
{
  int a, b;

  if (!(key_is (ctx, at, "the") && key_is (ctx, at + 1, "country")))
    return -1;
  doc_top_countries (ctx, &a, &b);
  return a != exclude ? a : b;
}

static void
rule_sanctions (DocContext *ctx,
                guint       i)
{
  g_autoptr(GArray) sources = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (int));
  int by, on, k;
  guint source_at = i;

  if (!(ctx_triggers (ctx, i) & TRIG_SANCTION) || negated (ctx, i))
    return;

  /* Who: "sanctions by the US", "sanctioned by the United States",
   * "US sanctions", "American and European sanctions". */
  by = index_of_word (ctx, i + 1, i + 8, (const char *[]) { "by", NULL });
  if (by >= 0 && same_clause (ctx, i, (guint) by))
    {
      g_autoptr(GArray) g = coordinated (ctx, mention_after (ctx, (guint) by, 3, is_sanctioner), is_sanctioner, TRUE);

      g_array_append_vals (sources, g->data, g->len);
    }
  k = mention_before (ctx, i, is_sanctioner);
  if (sources->len == 0 && k >= 0 && adjective_gap (ctx, ctx_mention (ctx, k)->last, i))
    {
      g_autoptr(GArray) g = coordinated (ctx, k, is_sanctioner, FALSE);

      g_array_append_vals (sources, g->data, g->len);
      source_at = ctx_mention (ctx, k)->first;
    }
  /* "America had imposed its harshest sanctions on …" */
  if (sources->len == 0 && i >= 2)
    {
      int verb = index_of_word (ctx, i > 5 ? i - 5 : 0, i, (const char *[]) { "imposed", "imposes", "impose",
                                                                              "slapped", "levied", "introduced",
                                                                              "announced", NULL });

      if (verb >= 0 && (k = mention_before (ctx, (guint) verb, is_sanctioner)) >= 0)
        {
          g_autoptr(GArray) g = coordinated (ctx, k, is_sanctioner, FALSE);

          g_array_append_vals (sources, g->data, g->len);
          source_at = ctx_mention (ctx, k)->first;
        }
    }
  if (sources->len == 0)
    return;

  /* Whom: "on Iran", "against Belarus", "imposed on both countries". */
  on = index_of_word (ctx, i + 1, i + 6, (const char *[]) { "on", "against", NULL });
  if (on >= 0)
    {
      int t = mention_after (ctx, (guint) on, 3, is_country_name);

      if (t >= 0)
        {
          g_autoptr(GArray) g = coordinated (ctx, t, is_country_name, TRUE);

          g_array_append_vals (targets, g->data, g->len);
        }
      else if ((t = the_country_after (ctx, (guint) on + 1, g_array_index (sources, int, 0))) >= 0)
        g_array_append_val (targets, t);
    }
  /* "Both Iran and Belarus are under sanctions by the US", "Tehran has made
   * US sanctions into opportunities": the subject of the clause. */
  if (targets->len == 0)
    {
      int t = mention_before (ctx, source_at, is_country_name);

      if (t >= 0)
        {
          g_autoptr(GArray) g = coordinated (ctx, t, is_country_name, FALSE);

          g_array_append_vals (targets, g->data, g->len);
        }
    }
  relate_all (ctx, ENT_RELATION_SANCTIONS, sources, targets, NULL);
}

static void
rule_allied (DocContext *ctx,
             guint       i)
{
  int left, right;

  if (!(key_is (ctx, i, "ally") || key_is (ctx, i, "allies") || key_is (ctx, i, "allied")) || negated (ctx, i))
    return;
  left = mention_before (ctx, i, is_actor);
  /* "an ally of X", "allied with X", "allies X and Y" */
  right = -1;
  if (key_is (ctx, i + 1, "of") || key_is (ctx, i + 1, "with") || key_is (ctx, i + 1, "to"))
    right = mention_after (ctx, i + 1, 5, is_actor);
  if (left < 0)
    return;
  if (right < 0)
    {
      g_autoptr(GArray) group = coordinated (ctx, left, is_actor, FALSE);

      if (group->len >= 2 && key_is (ctx, i, "allies"))
        {
          int with = index_of_word (ctx, i + 1, i + NEAR, (const char *[]) { "with", NULL });
          int under = index_of_word (ctx, i + 1, i + 3, (const char *[]) { "under", NULL });

          /* "… are allies under the ANZUS treaty, together with the United States" */
          if (with >= 0 && (right = mention_after (ctx, (guint) with, 3, is_actor)) >= 0)
            g_array_append_val (group, ctx_mention (ctx, right)->entity);
          relate_all (ctx, ENT_RELATION_ALLIED_WITH, group, group, NULL);
          if (under >= 0 && (right = mention_after (ctx, (guint) under, 3, is_agreement)) >= 0)
            {
              g_autoptr(GArray) treaty = g_array_new (FALSE, FALSE, sizeof (int));

              g_array_append_val (treaty, ctx_mention (ctx, right)->entity);
              relate_all (ctx, ENT_RELATION_PARTY_TO, group, treaty, NULL);
            }
          return;
        }
    }
  if (right >= 0)
    {
      add_relation (ctx, ENT_RELATION_ALLIED_WITH, ctx_mention (ctx, left)->entity,
                    ctx_mention (ctx, right)->entity, NULL);
      return;
    }
  /* "Russia, which both consider a close ally": both = the two countries. */
  if (index_of_word (ctx, ctx_mention (ctx, left)->last, i, (const char *[]) { "both", NULL }) >= 0)
    {
      int a, b;
      int ally = ctx_mention (ctx, left)->entity;

      doc_top_countries (ctx, &a, &b);
      if (a >= 0 && a != ally)
        add_relation (ctx, ENT_RELATION_ALLIED_WITH, a, ally, NULL);
      if (b >= 0 && b != ally)
        add_relation (ctx, ENT_RELATION_ALLIED_WITH, b, ally, NULL);
    }
}

static void
rule_located_in (DocContext *ctx,
                 guint       k)
{
  Mention *m = ctx_mention (ctx, k);
  EntExtractedEntity *place;
  const char *code;

  if (m->entity < 0 || m->type != ENT_ENTITY_PLACE)
    return;
  place = doc_entity (ctx, m->entity);
  code = g_hash_table_lookup (place->attributes, "country");

  /* "Tehran, Iran" */
  if (k + 1 < ctx->mentions->len)
    {
      Mention *next = ctx_mention (ctx, k + 1);

      if (next->first == m->last + 1 && ctx_token (ctx, m->last)->punct == ',' && is_country_name (ctx, next))
        {
          add_relation (ctx, ENT_RELATION_LOCATED_IN, m->entity, next->entity, NULL);
          return;
        }
    }
  if (code == NULL)
    return;
  /* "the Iranian capital", or the place's country named in the sentence. */
  for (guint n = 0; n < ctx->mentions->len; n++)
    {
      Mention *other = ctx_mention (ctx, n);
      const char *other_code;

      if (other->type != ENT_ENTITY_COUNTRY || other->entity < 0 || other->kind == MK_COLLECTIVE)
        continue;
      other_code = g_hash_table_lookup (doc_entity (ctx, other->entity)->attributes, "code");
      if (other_code != NULL && g_str_equal (other_code, code) &&
          (m->kind == MK_ROLE || other->kind != MK_DEMONYM))
        add_relation (ctx, ENT_RELATION_LOCATED_IN, m->entity, other->entity, NULL);
    }
  if (m->kind == MK_ROLE)
    {
      /* The demonym was folded into the description: "the Iranian capital". */
      EntLexicon *lexicon = ctx->lexicon;
      int country = ent_lexicon_find_country (lexicon, code);

      if (country >= 0)
        add_relation (ctx, ENT_RELATION_LOCATED_IN, m->entity, doc_country_entity (ctx, country), NULL);
    }
}

/* The money a trade target names: "$100 million", "$100m". */
static void
claim_money (DocContext *ctx,
             guint       i)
{
  EntToken *t = ctx_token (ctx, i);
  g_autofree char *value = NULL;
  guint end = i + 2;
  int target = -1;
  const char *kind = "trade_target";

  if (!(t->flags & TOK_CURRENCY) || !(ctx_token (ctx, i + 1 < ctx_n_tokens (ctx) ? i + 1 : i)->flags & TOK_NUMBER))
    return;
  if (tok_in (ctx, end, (const char *[]) { "million", "billion", "trillion", "m", "bn", NULL }))
    end++;
  if (index_of_word (ctx, i > 12 ? i - 12 : 0, MIN (ctx_n_tokens (ctx), i + 8),
                     (const char *[]) { "trade", "exchanges", "turnover", NULL }) < 0)
    return;

  /* "to $10 billion" is where trade should go; "from $6.4 billion" where it is. */
  {
    int from = index_of_word (ctx, i > 3 ? i - 3 : 0, i, (const char *[]) { "from", "current", "currently",
                                                                           "about", "at", "stood", NULL });
    if (from >= 0)
      kind = "trade_volume";
  }
  value = g_strndup (ctx->document->text + t->start, ctx_token (ctx, end - 1)->end - t->start);
  for (guint k = 0; k < ctx->mentions->len && target < 0; k++)
    if (is_agreement (ctx, ctx_mention (ctx, k)))
      target = ctx_mention (ctx, k)->entity;
  if (target < 0)
    {
      int a, b;

      doc_top_countries (ctx, &a, &b);
      target = a;
    }
  if (target >= 0)
    ent_extraction_add_claim (ctx->ex, (guint) target, kind, value, ctx->sentence);
}

/* The weak "mentioned together" link: only where it says something a
 * reader could not see from stronger relations, i.e. pairs that involve a
 * person, an organization, an agreement or a project (country–country and
 * place–country pairs are everywhere), and not in crowded sentences. */
static gboolean
co_mention_worthy (DocContext *ctx,
                   int         entity)
{
  EntEntityType type = doc_entity (ctx, entity)->type;

  return type == ENT_ENTITY_PERSON || type == ENT_ENTITY_ORGANIZATION ||
         type == ENT_ENTITY_AGREEMENT || type == ENT_ENTITY_PROJECT;
}

static void
rule_co_mentioned (DocContext *ctx)
{
  int seen[6];
  guint n = 0;

  for (guint k = 0; k < ctx->mentions->len && n < G_N_ELEMENTS (seen); k++)
    {
      Mention *m = ctx_mention (ctx, k);
      gboolean dup = FALSE;

      if (m->entity < 0 || m->kind == MK_PRONOUN || m->kind == MK_SELF || m->kind == MK_COLLECTIVE ||
          doc_entity (ctx, m->entity)->role_only)
        continue;
      for (guint j = 0; j < n; j++)
        dup = dup || seen[j] == m->entity;
      if (!dup)
        seen[n++] = m->entity;
    }
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        int s = MIN (seen[a], seen[b]), t = MAX (seen[a], seen[b]);
        gboolean related = related_in_sentence (ctx, s, t);

        if (!co_mention_worthy (ctx, s) && !co_mention_worthy (ctx, t))
          continue;
        if (!related)
          add_relation (ctx, ENT_RELATION_CO_MENTIONED, s, t, NULL);
      }
}

void
extract_relations (DocContext *ctx)
{
  guint n = ctx_n_tokens (ctx);

  if (ctx->mentions->len == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      const LexWord *lex = ctx_token (ctx, i)->lex;
      guint32 trig;

      if (ctx_token (ctx, i)->flags & TOK_CURRENCY)
        claim_money (ctx, i);
      if (lex == NULL)
        continue;
      trig = lex->triggers;
      if (trig & (TRIG_MEET | TRIG_SPEECH | TRIG_MEMBER))
        rule_met (ctx, i);
      if (trig & TRIG_HOST)
        rule_hosted (ctx, i);
      if (trig & (TRIG_VISIT | TRIG_ARRIVE))
        rule_visited (ctx, i);
      if (trig & TRIG_INVITE)
        rule_invited (ctx, i);
      if (trig & TRIG_SIGN)
        rule_signed (ctx, i);
      if (trig & TRIG_COOPERATE)
        rule_cooperates_with (ctx, i);
      if (trig & (TRIG_WITHIN | TRIG_COOPERATE))
        rule_cooperates_within (ctx, i);
      if (trig & TRIG_MEMBER)
        rule_member_of (ctx, i);
      if (trig & TRIG_ADVOCATE)
        rule_advocates (ctx, i);
      if (trig & TRIG_PART)
        rule_part_of (ctx, i);
      if (trig & TRIG_SANCTION)
        rule_sanctions (ctx, i);
      if (trig & TRIG_ALLY)
        rule_allied (ctx, i);
    }

  for (guint k = 0; k < ctx->mentions->len; k++)
    {
      rule_parties (ctx, k);
      rule_involves (ctx, k);
      rule_builds (ctx, k);
      rule_project_name (ctx, k);
      rule_located_in (ctx, k);
    }

  rule_co_mentioned (ctx);
}
