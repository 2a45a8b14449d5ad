/* ent-extract-holders.c — whom an office is held for, when the title does
 * not say.
 *
 * News often introduces officials without their country: "Prime Minister
 * Anthony Albanese met Chinese President Xi Jinping", "President X and
 * Prime Minister Y received the visitor". The country is stated elsewhere:
 * by a description later on ("the first visit by an Australian leader"), by
 * whom the official represents ("Angola was represented by Minister X",
 * "Y, who represents Nigeria", "on behalf of the Algerian side"), or by the
 * shape of the story (in a report on two countries whose other officials
 * are all of one, the others are of the second). The first pass learns the
 * holder here, and the second pass states the office with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include <string.h>

#include "ent-extractor-private.h"

/* Offices that make their holder a country's leader. */
static gboolean
is_leader_role (const char *role)
{
  static const char *leaders[] = { "President", "Prime Minister", "Chancellor", "King", "Queen", "Emir",
                                   "Sultan", "Supreme Leader", "Monarch", "Emperor", "Acting President",
                                   "Head of State", "Head of Government", "General Secretary", NULL };

  return role != NULL && g_strv_contains (leaders, role);
}

/* Whether a description of @role fits the office @person holds: "leader"
 * fits any head of state or government. */
static gboolean
description_fits (Person     *person,
                  const char *role)
{
  if (g_ascii_strcasecmp (role, "Leader") == 0)
    return is_leader_role (person->role);
  return _ent_extractor_role_matches (person->role, role);
}

static gboolean
holder_known (Person *p)
{
  return p->country >= 0 || p->org >= 0;
}

/* "the Brazilian president", "an Australian leader": a description of an
 * office of a country that only one person of the document holds without
 * a country is that person, and tells their country. */
void
_ent_extractor_learn_holder_from_description (DocContext *ctx,
                                              const char *role,
                                              int         country)
{
  Person *found = NULL;

  if (!ctx->discover || role == NULL || country < 0)
    return;
  for (guint i = 0; i < ctx->office_holders->len; i++)
    {
      Person *p = &g_array_index (ctx->persons, Person, g_array_index (ctx->office_holders, guint, i));

      if (!description_fits (p, role))
        continue;
      /* Someone already holds it for that country: the description is theirs. */
      if (p->country == country)
        return;
      if (holder_known (p))
        continue;
      if (found != NULL)
        return;
      found = p;
    }
  if (found != NULL)
    found->country = country;
}

static Person *
office_holder_of (DocContext *ctx,
                  int         k)
{
  Person *p;

  if (k < 0 || !is_person (ctx, ctx_mention (ctx, (guint) k)))
    return NULL;
  p = _ent_extractor_doc_person_of (ctx, ctx_mention (ctx, (guint) k)->entity);
  return p != NULL && p->role != NULL && !holder_known (p) ? p : NULL;
}

static gboolean
is_holder_mention (DocContext *ctx,
                   Mention    *m)
{
  return m->entity >= 0 && m->kind != MK_COLLECTIVE && m->kind != MK_SELF &&
         (m->type == ENT_ENTITY_COUNTRY || m->type == ENT_ENTITY_ORGANIZATION);
}

static void
set_holder (DocContext *ctx,
            Person     *p,
            int         k)
{
  Mention *m = ctx_mention (ctx, (guint) k);

  if (m->type == ENT_ENTITY_COUNTRY)
    {
      const char *code = g_hash_table_lookup (doc_entity (ctx, m->entity)->attributes, "code");

      p->country = ent_lexicon_find_country (ctx->lexicon, code);
    }
  else
    p->org = m->entity;
}

/* "Angola was represented by Minister X", "Y, who represents Nigeria",
 * "Z, representing the EU", "W … on behalf of the Algerian side", "the
 * Venezuelan government led by President V". */
void
_ent_extractor_learn_holders_from_representation (DocContext *ctx)
{
  if (!ctx->discover)
    return;
  for (guint i = 0; i < ctx_n_tokens (ctx); i++)
    {
      const char *key;
      Person *p;
      int holder;

      /* Most words are none of these: look at the first letter first. */
      if (!is_word (ctx, i) || ((key = ctx_key (ctx, i))[0] != 'l' && key[0] != 'r' && key[0] != 'b'))
        continue;
      /* "the Venezuelan government led by President X" */
      if (key_is (ctx, i, "led") && key_is (ctx, i + 1, "by") && i >= 2 &&
          tok_in (ctx, i - 1, (const char *[]) { "government", "administration", "regime", "cabinet", NULL }))
        {
          holder = _ent_extractor_mention_before (ctx, i, is_holder_mention);
          if (holder >= 0 && ctx_mention (ctx, (guint) holder)->last + 1 < i)
            holder = -1;
          p = office_holder_of (ctx, _ent_extractor_mention_after (ctx, i + 1, 6, is_person));
        }
      else if (key_is (ctx, i, "represented") && key_is (ctx, i + 1, "by"))
        {
          holder = _ent_extractor_mention_before (ctx, i, is_holder_mention);
          p = office_holder_of (ctx, _ent_extractor_mention_after (ctx, i + 1, 10, is_person));
        }
      else if (tok_in (ctx, i, (const char *[]) { "represents", "represent", "representing", NULL }) ||
               (key_is (ctx, i, "behalf") && key_is (ctx, i + 1, "of")))
        {
          p = office_holder_of (ctx, _ent_extractor_mention_before (ctx, i, is_person));
          holder = _ent_extractor_mention_after (ctx, key_is (ctx, i, "behalf") ? i + 1 : i, 3, is_holder_mention);
        }
      else
        continue;
      if (p != NULL && holder >= 0)
        set_holder (ctx, p, holder);
    }
}

/* Whether the document is about the two countries @sides: they have most
 * of its country mentions, and @other is named more than once. */
static gboolean
two_sided (DocContext *ctx,
           int         sides[2],
           int         other)
{
  guint total = 0, both = 0;

  for (guint i = 0; i < ctx->country_mentions->len; i++)
    {
      guint n = g_array_index (ctx->country_mentions, guint, i);

      total += n;
      if ((int) i == sides[0] || (int) i == sides[1])
        both += n;
    }
  return (guint) other < ctx->country_mentions->len &&
         g_array_index (ctx->country_mentions, guint, other) >= 2 && both * 10 >= total * 6;
}

/* After the first pass: in a report on two countries whose officials with
 * a known country are all of one, those whose country is not given are of
 * the other ("President X received US President Biden" in a Vietnamese
 * report on Biden's visit). */
void
_ent_extractor_infer_holders_from_sides (DocContext *ctx)
{
  int sides[2], known_side = -1;
  guint unknown = 0;

  _ent_extractor_doc_top_countries (ctx, &sides[0], &sides[1]);
  if (sides[0] < 0 || sides[1] < 0)
    return;
  for (guint i = 0; i < ctx->office_holders->len; i++)
    {
      Person *p = &g_array_index (ctx->persons, Person, g_array_index (ctx->office_holders, guint, i));
      int country;

      if (p->org >= 0)
        continue;
      if (p->country < 0)
        {
          unknown += p->holder_kind != LEX_HOLDER_ORGANIZATION;
          continue;
        }
      country = _ent_extractor_doc_country_entity (ctx, p->country);
      if (country != sides[0] && country != sides[1])
        return;
      if (known_side >= 0 && country != known_side)
        return;
      known_side = country;
    }
  if (known_side < 0 || unknown == 0 || !two_sided (ctx, sides, known_side == sides[0] ? sides[1] : sides[0]))
    return;
  for (guint i = 0; i < ctx->office_holders->len; i++)
    {
      Person *p = &g_array_index (ctx->persons, Person, g_array_index (ctx->office_holders, guint, i));
      int other = known_side == sides[0] ? sides[1] : sides[0];
      const char *code = g_hash_table_lookup (doc_entity (ctx, other)->attributes, "code");

      if (!holder_known (p) && p->holder_kind != LEX_HOLDER_ORGANIZATION)
        p->country = ent_lexicon_find_country (ctx->lexicon, code);
    }
}
