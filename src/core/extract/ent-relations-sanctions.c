/* ent-relations-sanctions.c — who sanctions whom.
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

  if (!(ctx_triggers (ctx, i) & TRIG_SANCTION) || _ent_extractor_negated (ctx, i))
    return;

  /* Who: "sanctions by the US", "sanctioned by the United States",
   * "US sanctions", "American and European sanctions". */
  by = _ent_extractor_index_of_word (ctx, i + 1, i + 8, (const char *[]) { "by", NULL });
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
      int verb = _ent_extractor_index_of_word (ctx, i > 5 ? i - 5 : 0, i, (const char *[]) { "imposed", "imposes", "impose",
                                                                              "slapped", "levied", "introduced",
                                                                              "announced", NULL });

      if (verb >= 0 && (k = _ent_extractor_mention_before (ctx, (guint) verb, is_sanctioner)) >= 0)
        {
          g_autoptr(GArray) g = _ent_extractor_coordinated (ctx, k, is_sanctioner, FALSE);

          g_array_append_vals (sources, g->data, g->len);
          source_at = ctx_mention (ctx, k)->first;
        }
    }
  if (sources->len == 0)
    return;

  /* Whom: "on Iran", "against Belarus", "imposed on both countries". */
  on = _ent_extractor_index_of_word (ctx, i + 1, i + 6, (const char *[]) { "on", "against", NULL });
  if (on >= 0)
    {
      int t = _ent_extractor_mention_after (ctx, (guint) on, 3, is_country_name);

      if (t >= 0)
        {
          g_autoptr(GArray) g = _ent_extractor_coordinated (ctx, t, is_country_name, TRUE);

          g_array_append_vals (targets, g->data, g->len);
        }
      else if ((t = the_country_after (ctx, (guint) on + 1, g_array_index (sources, int, 0))) >= 0)
        g_array_append_val (targets, t);
    }
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
