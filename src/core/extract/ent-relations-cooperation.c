/* ent-relations-cooperation.c — cooperation and alliances.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include "ent-extractor-private.h"

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
  g_autoptr(GArray) countries = _ent_extractor_to_countries (ctx, group);

  for (guint a = 0; a < countries->len; a++)
    for (guint b = a + 1; b < countries->len; b++)
      _ent_extractor_add_relation (ctx, ENT_RELATION_COOPERATES_WITH, g_array_index (countries, int, a),
                                   g_array_index (countries, int, b), NULL);
}

void
_ent_extractor_rule_cooperates_with (DocContext *ctx,
                                     guint       i)
{
  int k;

  if (!is_cooperation_word (ctx, i) || _ent_extractor_negated (ctx, i))
    return;

  /* "cooperation between Iran and Belarus", "ties between the two countries" */
  if (key_is (ctx, i + 1, "between") || (key_is (ctx, i + 2, "between") && !(ctx_token (ctx, i + 1)->flags & TOK_CAP)))
    {
      guint at = key_is (ctx, i + 1, "between") ? i + 1 : i + 2;
      int first = _ent_extractor_mention_after (ctx, at, 6, is_state_actor);
      g_autoptr(GArray) group = _ent_extractor_coordinated (ctx, first, is_state_actor, TRUE);

      cooperate_pairs (ctx, group);
    }

  /* "Tehran-Minsk cooperation", "Iran and Belarus … their ties" */
  k = _ent_extractor_mention_before (ctx, i, is_state_actor);
  if (k >= 0)
    {
      g_autoptr(GArray) group = _ent_extractor_coordinated (ctx, k, is_state_actor, FALSE);

      if (group->len >= 2)
        cooperate_pairs (ctx, group);
    }

  /* "enhance its ties with Belarus", "ties Tehran has established with Moscow" */
  {
    int with = _ent_extractor_index_of_word (ctx, i + 1, i + 8, (const char *[]) { "with", NULL });

    if (with >= 0)
      {
        int object = _ent_extractor_mention_after (ctx, (guint) with, 3, is_state_actor);
        /* The nearest actor is the subject; a person whose country the
         * document does not give says nothing about countries. */
        int subject = _ent_extractor_mention_before (ctx, (guint) with, is_actor);

        if (subject >= 0 && !is_state_actor (ctx, ctx_mention (ctx, subject)))
          subject = -1;
        if (object >= 0 && subject >= 0 && subject != object)
          {
            g_autoptr(GArray) group = g_array_new (FALSE, FALSE, sizeof (int));
            int ents[2];

            for (guint n = _ent_extractor_mention_entities (ctx, subject, ents), e = 0; e < n; e++)
              g_array_append_val (group, ents[e]);
            for (guint n = _ent_extractor_mention_entities (ctx, object, ents), e = 0; e < n; e++)
              g_array_append_val (group, ents[e]);
            cooperate_pairs (ctx, group);
          }
      }
  }
}

void
_ent_extractor_rule_cooperates_within (DocContext *ctx,
                                       guint       i)
{
  int org, actor;

  if (!(ctx_triggers (ctx, i) & (TRIG_WITHIN | TRIG_COOPERATE)) || _ent_extractor_negated (ctx, i))
    return;
  if (!tok_in (ctx, i, (const char *[]) { "within", "through", "cooperate", "cooperation", "cooperating",
                                           "collaboration", NULL }))
    return;
  org = _ent_extractor_mention_after (ctx, i, 8, is_organization);
  if (org < 0)
    return;
  actor = _ent_extractor_mention_before (ctx, i, is_state_actor);
  if (actor >= 0)
    {
      g_autoptr(GArray) actors = _ent_extractor_coordinated (ctx, actor, is_state_actor, FALSE);
      g_autoptr(GArray) countries = _ent_extractor_to_countries (ctx, actors);
      g_autoptr(GArray) orgs = _ent_extractor_coordinated (ctx, org, is_organization, TRUE);

      _ent_extractor_relate_all (ctx, ENT_RELATION_COOPERATES_WITHIN, countries, orgs, NULL);
    }
}

void
_ent_extractor_rule_allied (DocContext *ctx,
                            guint       i)
{
  int left, right;

  if (!tok_in (ctx, i, (const char *[]) { "ally", "allies", "allied", NULL }) || _ent_extractor_negated (ctx, i))
    return;
  left = _ent_extractor_mention_before (ctx, i, is_actor);
  /* "an ally of X", "allied with X", "allies X and Y" */
  right = -1;
  if (key_is (ctx, i + 1, "of") || key_is (ctx, i + 1, "with") || key_is (ctx, i + 1, "to"))
    right = _ent_extractor_mention_after (ctx, i + 1, 5, is_actor);
  if (left < 0)
    return;
  if (right < 0)
    {
      g_autoptr(GArray) group = _ent_extractor_coordinated (ctx, left, is_actor, FALSE);

      if (group->len >= 2 && key_is (ctx, i, "allies"))
        {
          int with = _ent_extractor_index_of_word (ctx, i + 1, i + NEAR, (const char *[]) { "with", NULL });
          int under = _ent_extractor_index_of_word (ctx, i + 1, i + 3, (const char *[]) { "under", NULL });

          /* "… are allies under the ANZUS treaty, together with the United States" */
          if (with >= 0 && (right = _ent_extractor_mention_after (ctx, (guint) with, 3, is_actor)) >= 0)
            g_array_append_val (group, ctx_mention (ctx, right)->entity);
          _ent_extractor_relate_all (ctx, ENT_RELATION_ALLIED_WITH, group, group, NULL);
          if (under >= 0 && (right = _ent_extractor_mention_after (ctx, (guint) under, 3, is_agreement)) >= 0)
            {
              g_autoptr(GArray) treaty = g_array_new (FALSE, FALSE, sizeof (int));

              g_array_append_val (treaty, ctx_mention (ctx, right)->entity);
              _ent_extractor_relate_all (ctx, ENT_RELATION_PARTY_TO, group, treaty, NULL);
            }
          return;
        }
    }
  if (right >= 0)
    {
      _ent_extractor_add_relation (ctx, ENT_RELATION_ALLIED_WITH, ctx_mention (ctx, left)->entity,
                                   ctx_mention (ctx, right)->entity, NULL);
      return;
    }
  /* "Russia, which both consider a close ally": both = the two countries. */
  if (_ent_extractor_index_of_word (ctx, ctx_mention (ctx, left)->last, i, (const char *[]) { "both", NULL }) >= 0)
    {
      int a, b;
      int ally = ctx_mention (ctx, left)->entity;

      _ent_extractor_doc_top_countries (ctx, &a, &b);
      if (a >= 0 && a != ally)
        _ent_extractor_add_relation (ctx, ENT_RELATION_ALLIED_WITH, a, ally, NULL);
      if (b >= 0 && b != ally)
        _ent_extractor_add_relation (ctx, ENT_RELATION_ALLIED_WITH, b, ally, NULL);
    }
}
