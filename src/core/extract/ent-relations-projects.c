/* ent-relations-projects.c — what projects involve, what they are part of, who advocates them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include "ent-extractor-private.h"

static const char *advocate_words[] = { "advocate", "advocates", "advocated", "championed", "champions",
                                        "backs", "backed", "supports", "supported", "urged", "urges",
                                        "proposed", "proposes", "promoted", "promotes", "raised", "called",
                                        "calls", "pushed", "pushes", "favours", "favors", "referred",
                                        "praised", "hailed", NULL };

/* "The leaders of the US, Australia and Britain endorsed the AUKUS
 * project": a project several states back together involves them all. */
static void
joint_project (DocContext *ctx,
               GArray     *actors,
               GArray     *objects)
{
  g_autoptr(GArray) countries = _ent_extractor_to_countries (ctx, actors);

  if (countries->len < 2)
    return;
  for (guint o = 0; o < objects->len; o++)
    if (doc_entity (ctx, g_array_index (objects, int, o))->type == ENT_ENTITY_PROJECT)
      for (guint c = 0; c < countries->len; c++)
        _ent_extractor_add_relation (ctx, ENT_RELATION_INVOLVES, g_array_index (objects, int, o),
                                     g_array_index (countries, int, c), NULL);
}

void
_ent_extractor_rule_advocates (DocContext *ctx,
                               guint       i)
{
  int actor, object;

  if (!tok_in (ctx, i, advocate_words) || _ent_extractor_negated (ctx, i))
    return;
  actor = _ent_extractor_mention_before (ctx, i, is_actor);
  object = _ent_extractor_mention_after (ctx, i, NEAR, is_advocated);
  if (actor >= 0 && object >= 0)
    {
      g_autoptr(GArray) actors = _ent_extractor_coordinated (ctx, actor, is_actor, FALSE);
      g_autoptr(GArray) objects = _ent_extractor_coordinated (ctx, object, is_advocated, TRUE);

      _ent_extractor_relate_all (ctx, ENT_RELATION_ADVOCATES, actors, objects, NULL);
      joint_project (ctx, actors, objects);
    }
}

static const char *involve_words[] = { "benefit", "benefits", "involve", "involves", "involving", "link",
                                       "links", "linking", "connect", "connects", "connecting", "interest",
                                       "between", "through", "serve", "serves", NULL };

void
_ent_extractor_rule_involves (DocContext *ctx,
                              guint       k)
{
  Mention *m = ctx_mention (ctx, k);
  int trigger;

  if (m->entity < 0 || m->type != ENT_ENTITY_PROJECT)
    return;
  trigger = _ent_extractor_index_of_word (ctx, m->last, m->last + NEAR, involve_words);
  if (trigger < 0 || !_ent_extractor_same_clause (ctx, m->last, (guint) trigger))
    return;

  /* Every state named after the trigger in the clause: "Iran, Belarus,
   * Russia and the region", "both countries, as well as Russia". */
  for (guint n = 0; n < ctx->mentions->len; n++)
    {
      Mention *other = ctx_mention (ctx, n);
      int ents[MAX_GROUP];

      if (other->first <= (guint) trigger || !_ent_extractor_same_clause (ctx, (guint) trigger, other->first))
        continue;
      if (!(is_country (ctx, other) || is_organization (ctx, other)) || other->kind == MK_DEMONYM)
        continue;
      for (guint c = _ent_extractor_mention_entities (ctx, (int) n, ents), e = 0; e < c; e++)
        _ent_extractor_add_relation (ctx, ENT_RELATION_INVOLVES, m->entity, ents[e], NULL);
    }
}

static const char *build_words[] = { "build", "builds", "building", "built", "construct", "constructing",
                                     "finance", "finances", "financing", "financed", "fund", "funds", "funding",
                                     "develop", "developing", "launch", "launched", "complete", "completed",
                                     "finish", "extend", "extending", "upgrade", "modernise", "modernize",
                                     "implement", "implementing", "revive", "speed", "set", "establish",
                                     "establishing", "create", "creating", NULL };

/* "Laotian" in "Laotian President X": the holder of an office, not an actor. */
static gboolean
is_holder_mention_of_person (DocContext *ctx,
                             guint       n)
{
  Mention *m = ctx_mention (ctx, n);

  return m->modifier || (n + 1 < ctx->mentions->len && ctx_mention (ctx, n + 1)->first == m->last &&
                         ctx_mention (ctx, n + 1)->type == ENT_ENTITY_PERSON);
}

/* "Uzbekistan, Afghanistan and Pakistan signed an agreement to build the
 * Trans-Afghan railway": the countries that build a project take part in it. */
void
_ent_extractor_rule_builds (DocContext *ctx,
                            guint       k)
{
  Mention *m = ctx_mention (ctx, k);
  int verb;

  if (m->entity < 0 || m->type != ENT_ENTITY_PROJECT || m->first < 2)
    return;
  verb = _ent_extractor_index_of_word (ctx, m->first > 6 ? m->first - 6 : 0, m->first, build_words);
  if (verb < 0 || _ent_extractor_negated (ctx, (guint) verb))
    return;
  /* Every state and organization of the clause before the verb takes part:
   * "the AfDB and the AFC join the United States in support of Angola and
   * Zambia to develop the corridor". */
  for (guint n = 0; n < ctx->mentions->len; n++)
    {
      Mention *actor = ctx_mention (ctx, n);
      int ents[MAX_GROUP];

      if (actor->last > (guint) verb || !_ent_extractor_same_clause_past_asides (ctx, actor->last - 1, (guint) verb))
        continue;
      if (is_state_actor (ctx, actor) && !is_holder_mention_of_person (ctx, n))
        {
          for (guint c = _ent_extractor_mention_entities (ctx, (int) n, ents), e = 0; e < c; e++)
            _ent_extractor_add_relation (ctx, ENT_RELATION_INVOLVES, m->entity,
                                         _ent_extractor_doc_entity_country (ctx, ents[e]), NULL);
        }
      else if (is_organization (ctx, actor) && !actor->modifier)
        _ent_extractor_add_relation (ctx, ENT_RELATION_INVOLVES, m->entity, actor->entity, NULL);
    }
}

/* "China–Pakistan Economic Corridor", "Budapest-Belgrade railway": the
 * countries a project's name names, or whose cities it names. */
void
_ent_extractor_rule_project_name (DocContext *ctx,
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
      len = _ent_extractor_match_phrase_at (ctx, i, &matches);
      for (guint n = 0; len > 0 && n < matches->len && country == NULL; n++)
        {
          const LexMatch *lm = &g_array_index (matches, LexMatch, n);

          if (lm->kind == LEX_COUNTRY || (lm->kind == LEX_CAPITAL && !event))
            country = ent_lexicon_get_country (ctx->lexicon, lm->index);
          else if (lm->kind == LEX_ORG && event)
            {
              const LexOrg *org = ent_lexicon_get_org (ctx->lexicon, lm->index);
              int entity = _ent_extractor_doc_org_entity (ctx, org->name, org->kind, org->country);

              /* "ASEAN summit" mentions ASEAN. */
              _ent_extractor_doc_count_mention (ctx, entity, NULL);
              _ent_extractor_add_relation (ctx, ENT_RELATION_INVOLVES, m->entity, entity, NULL);
            }
          else if (lm->kind == LEX_PLACE && !event && ent_lexicon_get_place (ctx->lexicon, lm->index)->country >= 0)
            country = ent_lexicon_get_country (ctx->lexicon, ent_lexicon_get_place (ctx->lexicon, lm->index)->country);
        }
      if (country != NULL)
        {
          int entity = _ent_extractor_doc_country_entity (ctx, ent_lexicon_find_country (ctx->lexicon, country->code));

          if (doc_entity (ctx, entity)->mentions == 0)
            _ent_extractor_doc_count_mention (ctx, entity, NULL);
          _ent_extractor_add_relation (ctx, ENT_RELATION_INVOLVES, m->entity, entity, NULL);
        }
      if (len > 1)
        i += len - 1;
    }
}

void
_ent_extractor_rule_part_of (DocContext *ctx,
                             guint       i)
{
  int whole, part;

  if (!tok_in (ctx, i, (const char *[]) { "part", "section", "segment", "leg", "component", "stretch", NULL }) ||
      !key_is (ctx, i + 1, "of"))
    return;
  part = _ent_extractor_mention_before (ctx, i, is_project_or_place);
  whole = _ent_extractor_mention_after (ctx, i + 1, 4, is_project_or_place);
  if (part >= 0 && whole >= 0)
    _ent_extractor_add_relation (ctx, ENT_RELATION_PART_OF, ctx_mention (ctx, part)->entity,
                                 ctx_mention (ctx, whole)->entity, NULL);
}
