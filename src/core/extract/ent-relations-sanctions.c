/* ent-relations-sanctions.c — who sanctions whom.
 *
 * "US sanctions on Iran", "sanctioned by the EU", "the United States has
 * imposed sanctions on X", "the EU adopts its 14th sanctions package
 * against Russia", "the blockade against Cuba"; targets are states, people
 * and companies ("The sanctioned entities include A and B", "Among those
 * sanctioned are C", "D has had sanctions imposed against him"). A sentence
 * that names targets but no sanctioner continues the story's: the last
 * sanctioner the document named.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include "ent-extractor-private.h"

static gboolean
is_sanctioner (DocContext *ctx,
               Mention    *m)
{
  return m->entity >= 0 && (m->type == ENT_ENTITY_COUNTRY || m->type == ENT_ENTITY_ORGANIZATION) &&
         m->kind != MK_COLLECTIVE && !m->modifier;
}

/* A state, a named person (or "him" for one) or a company. */
static gboolean
is_target (DocContext *ctx,
           Mention    *m)
{
  if (m->entity < 0 || m->modifier || m->kind == MK_COLLECTIVE)
    return FALSE;
  if (m->type == ENT_ENTITY_PERSON)
    return !doc_entity (ctx, m->entity)->role_only;
  return is_country_name (ctx, m) || is_organization (ctx, m);
}

/* "The sanctioned entities include A, B and C", "Among those sanctioned
 * are D", "… officials including E and F": the targets listed after
 * "include", "including" or "are" in the clause of the trigger at @i. */
static void
listed_targets (DocContext *ctx,
                guint       i,
                GArray     *targets)
{
  static const char *lists[] = { "include", "includes", "included", "including", "are", "were", "is", NULL };

  for (guint k = i + 1; k < ctx_n_tokens (ctx) && _ent_extractor_same_clause (ctx, i, k); k++)
    {
      int first;

      if (!tok_in (ctx, k, lists) || (first = _ent_extractor_mention_after (ctx, k, 3, is_target)) < 0)
        continue;
      {
        g_autoptr(GArray) g = _ent_extractor_coordinated (ctx, first, is_target, TRUE);

        g_array_append_vals (targets, g->data, g->len);
      }
    }
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
  _ent_extractor_doc_top_countries (ctx, &a, &b);
  return a != exclude ? a : b;
}

void
_ent_extractor_rule_sanctions (DocContext *ctx,
                               guint       i)
{
  g_autoptr(GArray) sources = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (int));
  int by, on, k;
  guint source_at = i;

  /* "to circumvent previous sanctions", "lifted sanctions": no sanctions now. */
  if (!(ctx_triggers (ctx, i) & TRIG_SANCTION) || _ent_extractor_negated (ctx, i) ||
      tok_in (ctx, i, (const char *[]) { "restrictions", "penalties", NULL }) ||
      _ent_extractor_index_of_word (ctx, i > 4 ? i - 4 : 0, i,
                                    (const char *[]) { "circumvent", "evade", "evading", "avoid", "escape", "lift",
                                                       "lifted", "lifting", "ease", "eased", "easing", "relief",
                                                       "removed", "previous", "despite", NULL }) >= 0)
    return;

  /* Who: "sanctions by the US", "sanctioned by the United States",
   * "US sanctions", "American and European sanctions". */
  by = _ent_extractor_index_of_word (ctx, i + 1, i + 5, (const char *[]) { "by", NULL });
  if (by >= 0 && _ent_extractor_same_clause (ctx, i, (guint) by))
    {
      int first = _ent_extractor_mention_after (ctx, (guint) by, 3, is_sanctioner);
      g_autoptr(GArray) g = _ent_extractor_coordinated (ctx, first, is_sanctioner, TRUE);

      g_array_append_vals (sources, g->data, g->len);
    }
  k = _ent_extractor_mention_before (ctx, i, is_sanctioner);
  if (sources->len == 0 && k >= 0 && adjective_gap (ctx, ctx_mention (ctx, k)->last, i))
    {
      g_autoptr(GArray) g = _ent_extractor_coordinated (ctx, k, is_sanctioner, FALSE);

      g_array_append_vals (sources, g->data, g->len);
      source_at = ctx_mention (ctx, k)->first;
    }
  /* "America had imposed its harshest sanctions on …" */
  if (sources->len == 0 && i >= 2)
    {
      static const char *verbs[] = { "imposed", "imposes", "impose", "imposing", "slapped", "levied", "introduced",
                                     "announced", "adopts", "adopted", "adopt", "approved", "approves",
                                     "unveiled", "unveils", "expanded", "expands", "extended", "extends",
                                     "renewed", "renews", "tightened", "tightens", "maintains", "maintained",
                                     NULL };
      int verb = _ent_extractor_index_of_word (ctx, i > 5 ? i - 5 : 0, i, verbs);

      /* "X sanctioned Y", not "the sanctioned entities" */
      if (verb < 0 && key_is (ctx, i, "sanctioned") && !is_determiner (ctx, i - 1))
        verb = (int) i;

      if (verb >= 0 && (k = _ent_extractor_subject_before (ctx, (guint) verb, is_sanctioner)) >= 0)
        {
          g_autoptr(GArray) g = _ent_extractor_coordinated (ctx, k, is_sanctioner, FALSE);

          g_array_append_vals (sources, g->data, g->len);
          /* The subject imposes them: it names no target. */
          source_at = 0;
        }
    }
  /* Whom: "on Iran", "against Belarus", "imposed on both countries",
   * "against him", "sanctioned X". */
  on = _ent_extractor_index_of_word (ctx, i + 1, i + 6, (const char *[]) { "on", "against", NULL });
  if (on >= 0 || key_is (ctx, i, "sanctioned"))
    {
      int t = _ent_extractor_mention_after (ctx, on >= 0 ? (guint) on : i, 3, is_target);

      if (t >= 0 && (on >= 0 || !_ent_extractor_passive_before (ctx, i)))
        {
          g_autoptr(GArray) g = _ent_extractor_coordinated (ctx, t, is_target, TRUE);

          g_array_append_vals (targets, g->data, g->len);
        }
      else if (on >= 0 && sources->len > 0 &&
               (t = the_country_after (ctx, (guint) on + 1, g_array_index (sources, int, 0))) >= 0)
        g_array_append_val (targets, t);
    }
  listed_targets (ctx, i, targets);
  if (sources->len == 0 && targets->len > 0 && ctx->last_sanctioner >= 0)
    g_array_append_val (sources, ctx->last_sanctioner);
  if (sources->len == 0)
    return;
  ctx->last_sanctioner = g_array_index (sources, int, 0);

  /* "Both Iran and Belarus are under sanctions by the US", "Tehran has made
   * US sanctions into opportunities": the subject of the clause. */
  if (targets->len == 0)
    {
      int t = _ent_extractor_mention_before (ctx, source_at, is_country_name);

      if (t >= 0)
        {
          g_autoptr(GArray) g = _ent_extractor_coordinated (ctx, t, is_country_name, FALSE);

          g_array_append_vals (targets, g->data, g->len);
        }
    }
  _ent_extractor_relate_all (ctx, ENT_RELATION_SANCTIONS, sources, targets, NULL);
}
