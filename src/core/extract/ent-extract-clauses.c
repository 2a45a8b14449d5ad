/* ent-extract-clauses.c — clause structure and the actors of a trigger.
 *
 * Relation rules look for a trigger word and the actors on either side of it
 * within the same clause: the nearest suitable mention before the trigger is
 * its subject, the first one after it its object; coordinated mentions
 * ("Iran and Belarus", "X, Y and Z") act together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include <string.h>

#include "ent-extractor-private.h"

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
  /* Scare quotes around a few words ("rebalance", "Buenos Aires Declaration,")
   * do not split a clause. */
  for (guint k = i + 1; k < ctx_n_tokens (ctx) && k <= i + 6; k++)
    if (ctx_token (ctx, k)->flags & TOK_QUOTE_MARK)
      return FALSE;
  for (guint k = i; k > 0 && k + 6 >= i; k--)
    if (ctx_token (ctx, k - 1)->flags & TOK_QUOTE_MARK)
      return FALSE;
  return TRUE;
}

gboolean
_ent_extractor_same_clause (DocContext *ctx,
                            guint       a,
                            guint       b)
{
  guint lo = MIN (a, b), hi = MAX (a, b);

  for (guint i = lo; i < hi; i++)
    if (is_clause_break (ctx, i))
      return FALSE;
  return TRUE;
}

/* The same, where a parenthesis ("the Africa Finance Corporation (AFC)")
 * does not end the clause. */
gboolean
_ent_extractor_same_clause_past_asides (DocContext *ctx,
                                        guint       a,
                                        guint       b)
{
  guint lo = MIN (a, b), hi = MAX (a, b);

  for (guint i = lo; i < hi; i++)
    if (is_clause_break (ctx, i) && !punct_is (ctx, i, '(') && !punct_is (ctx, i, ')'))
      return FALSE;
  return TRUE;
}

gboolean
_ent_extractor_negated (DocContext *ctx,
                        guint       i)
{
  for (guint k = i > 3 ? i - 3 : 0; k < i; k++)
    if (ctx_triggers (ctx, k) & TRIG_NEGATION)
      return TRUE;
  return FALSE;
}

gboolean
_ent_extractor_passive_before (DocContext *ctx,
                               guint       i)
{
  static const char *aux[] = { "was", "were", "been", "be", "being", "is", "are", "get", "got", NULL };

  for (guint k = i > 3 ? i - 3 : 0; k < i; k++)
    if (tok_in (ctx, k, aux))
      return TRUE;
  return FALSE;
}

/* The nearest mention before token @i in its clause (the subject side). A
 * mention that is the holder of the office right after it ("Belarusian" in
 * "Belarusian President X") is not an actor on its own. */
int
_ent_extractor_mention_before (DocContext    *ctx,
                               guint          i,
                               MentionFilter  filter)
{
  for (guint k = ctx->mentions->len; k > 0; k--)
    {
      Mention *m = ctx_mention (ctx, k - 1);

      if (m->last > i)
        continue;
      if (!_ent_extractor_same_clause (ctx, m->last - 1, i))
        return -1;
      if (filter (ctx, m))
        return (int) (k - 1);
    }
  return -1;
}

/* The subject of the verb at token @i: the nearest suitable mention before
 * it, looking past what is only said in passing: a parenthesis ("(832-mile)")
 * and a relative clause ("Finland, which shares a border with Russia,
 * became …"). */
int
_ent_extractor_subject_before (DocContext    *ctx,
                               guint          i,
                               MentionFilter  filter)
{
  static const char *relatives[] = { "which", "who", "whose", "whom", "where", NULL };
  g_autofree gboolean *aside = g_new0 (gboolean, i + 1);
  guint open_comma = G_MAXUINT;

  /* Mark, right to left, the tokens that are asides. */
  for (guint k = i; k > 0; k--)
    {
      guint t = k - 1;

      if (punct_is (ctx, t, ')'))
        {
          guint depth = 0;

          for (; t < G_MAXUINT; t--)
            {
              aside[t] = TRUE;
              depth += punct_is (ctx, t, ')');
              depth -= punct_is (ctx, t, '(');
              if (depth == 0 || t == 0)
                break;
            }
          k = t + 1;
          continue;
        }
      if (punct_is (ctx, t, ','))
        {
          /* ", which … ," ends at the comma seen last (to the right). */
          if (tok_in (ctx, t + 1, relatives) && open_comma != G_MAXUINT)
            for (guint a = t; a <= open_comma; a++)
              aside[a] = TRUE;
          open_comma = t;
          continue;
        }
      if (is_clause_break (ctx, t))
        break;
    }

  for (guint k = ctx->mentions->len; k > 0; k--)
    {
      Mention *m = ctx_mention (ctx, k - 1);

      if (m->last > i || aside[m->first])
        continue;
      if (!_ent_extractor_same_clause (ctx, m->last - 1, i))
        {
          gboolean only_asides = TRUE;

          for (guint t = m->last; t < i && only_asides; t++)
            only_asides = !is_clause_break (ctx, t) || aside[t];
          if (!only_asides)
            return -1;
        }
      if (filter (ctx, m))
        return (int) (k - 1);
    }
  return -1;
}

int
_ent_extractor_mention_after (DocContext    *ctx,
                              guint          i,
                              guint          window,
                              MentionFilter  filter)
{
  for (guint k = 0; k < ctx->mentions->len; k++)
    {
      Mention *m = ctx_mention (ctx, k);

      if (m->first <= i)
        continue;
      if (m->first > i + window || !_ent_extractor_same_clause (ctx, i, m->first))
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
guint
_ent_extractor_mention_entities (DocContext *ctx,
                                 int         k,
                                 int         out[MAX_GROUP])
{
  Mention *m;

  if (k < 0)
    return 0;
  m = ctx_mention (ctx, (guint) k);
  if (m->entity < 0)
    return 0;
  if (m->group >= 0)
    {
      GArray *group = g_ptr_array_index (ctx->groups, m->group);
      guint n = MIN (group->len, MAX_GROUP);

      memcpy (out, group->data, n * sizeof (int));
      return n;
    }
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

/* A mention and those _ent_extractor_coordinated with it: "Iran and Belarus", "X, Y and Z". */
/* Whether token @i is inside an apposition of this sentence ("X, president
 * of the Central Bank, and Y"): it neither joins nor separates a list. */
static gboolean
in_apposition (DocContext *ctx,
               guint       i)
{
  for (guint k = 0; k < ctx->appositions->len; k += 2)
    if (i >= g_array_index (ctx->appositions, guint, k) && i < g_array_index (ctx->appositions, guint, k + 1))
      return TRUE;
  return FALSE;
}

void
_ent_extractor_note_apposition (DocContext *ctx,
                                guint       comma,
                                guint       end)
{
  /* What follows up to the comma before the next item of a list belongs to
   * it too: "…, president of Petroleos de Venezuela, S.A. (PdVSA), and …". */
  for (guint k = end; k < ctx_n_tokens (ctx) && k <= end + 8; k++)
    if (punct_is (ctx, k, ',') && (key_is (ctx, k + 1, "and") || key_is (ctx, k + 1, "or")))
      {
        end = k;
        break;
      }
  /* The comma that closes it belongs to it too. */
  if (punct_is (ctx, end, ','))
    end++;
  g_array_append_val (ctx->appositions, comma);
  g_array_append_val (ctx->appositions, end);
}

GArray *
_ent_extractor_coordinated (DocContext    *ctx,
                            int            k,
                            MentionFilter  filter,
                            gboolean       forward)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean seen_and = FALSE;
  int ents[MAX_GROUP];

  if (k < 0)
    return out;
  for (guint n = _ent_extractor_mention_entities (ctx, k, ents), e = 0; e < n; e++)
    g_array_append_val (out, ents[e]);

  for (;;)
    {
      int next = forward ? k + 1 : k - 1;
      Mention *cur, *other;
      guint gap_lo, gap_hi, gap = 0;
      gboolean joined = TRUE, conjunction = FALSE, and = FALSE;

      /* Demonyms are part of the title of the next name ("X and Laotian
       * President Y"); what an apposition names is not in the list. */
      while (next >= 0 && (guint) next < ctx->mentions->len &&
             ((is_holder (ctx, ctx_mention (ctx, (guint) next)) && !filter (ctx, ctx_mention (ctx, (guint) next))) ||
              in_apposition (ctx, ctx_mention (ctx, (guint) next)->first)))
        next += forward ? 1 : -1;
      if (next < 0 || (guint) next >= ctx->mentions->len)
        break;
      cur = ctx_mention (ctx, (guint) k);
      other = ctx_mention (ctx, (guint) next);
      gap_lo = forward ? cur->last : other->last;
      gap_hi = forward ? other->first : cur->first;
      /* "Netanyahu's security adviser": a possessive names no actor. */
      if (gap_hi < gap_lo || !filter (ctx, other) || (other->possessive && other->type == ENT_ENTITY_PERSON))
        break;
      for (guint i = gap_lo; i < gap_hi; i++)
        {
          EntToken *t = ctx_token (ctx, i);

          if (in_apposition (ctx, i))
            continue;
          gap++;
          /* "Iran and Belarus", "X, Y", "Tehran-Minsk" */
          if (key_is (ctx, i, "and") || key_is (ctx, i, "or"))
            conjunction = and = TRUE;
          else if (punct_is_comma (t) || ((t->flags & TOK_PUNCT) && (t->flags & TOK_JOINED)))
            conjunction = TRUE;
          else if (!(key_is (ctx, i, "the") || key_is (ctx, i, "a") || key_is (ctx, i, "an") || key_is (ctx, i, "of") ||
                     key_is (ctx, i, "both") || key_is (ctx, i, "as") ||
                     key_is (ctx, i, "well") || (t->flags & (TOK_CAP | TOK_NUMBER | TOK_JOINED)) ||
                     punct_is (ctx, i, '(') || punct_is (ctx, i, ')') ||
                     (ctx_triggers (ctx, i) & TRIG_NUMBER) || (t->lex != NULL && t->lex->max_phrase > 0)))
            joined = FALSE;
        }
      /* "Cuba and Venezuela, the CELAC countries …": after "and", a comma
       * ends the list. */
      if (!joined || !conjunction || gap > 7 || (seen_and && !and && forward))
        break;
      seen_and = seen_and || and;
      for (guint n = _ent_extractor_mention_entities (ctx, next, ents), e = 0; e < n; e++)
        g_array_append_val (out, ents[e]);
      k = next;
    }
  return out;
}

int
_ent_extractor_index_of_word (DocContext  *ctx,
                              guint        from,
                              guint        to,
                              const char **words)
{
  for (guint i = from; i < MIN (to, ctx_n_tokens (ctx)); i++)
    if (tok_in (ctx, i, words))
      return (int) i;
  return -1;
}

void
_ent_extractor_relate_all (DocContext      *ctx,
                           EntRelationType  type,
                           GArray          *sources,
                           GArray          *targets,
                           const char      *role)
{
  for (guint a = 0; a < sources->len; a++)
    for (guint b = 0; b < targets->len; b++)
      _ent_extractor_add_relation (ctx, type, g_array_index (sources, int, a), g_array_index (targets, int, b), role);
}

GArray *
_ent_extractor_to_countries (DocContext *ctx,
                             GArray     *entities)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint k = 0; k < entities->len; k++)
    {
      int c = _ent_extractor_doc_entity_country (ctx, g_array_index (entities, int, k));

      if (c >= 0)
        g_array_append_val (out, c);
    }
  return out;
}
