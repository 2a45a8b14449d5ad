/* ent-extract-lexicon.c — mentions of what the lexicon knows.
 *
 * Countries, demonyms, capitals (as a city or as its government), metonyms
 * ("the Kremlin"), international organizations and places.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include "ent-extractor-private.h"

static gboolean
locative_before (DocContext *ctx,
                 guint       i)
{
  if (i == 0 || !is_word (ctx, i - 1))
    return FALSE;
  if (!(ctx_triggers (ctx, i - 1) & TRIG_LOCATIVE))
    return FALSE;
  if (!key_is (ctx, i - 1, "to"))
    return TRUE;
  /* "to Tehran" is a destination after a visit or a trip, not in "ties to". */
  for (guint k = i > 10 ? i - 10 : 0; k + 1 < i; k++)
    if (ctx_triggers (ctx, k) & (TRIG_VISIT | TRIG_ARRIVE))
      return TRUE;
  return FALSE;
}

static gboolean
longer_name_at (DocContext *ctx,
                guint       i,
                guint       len)
{
  guint span;

  /* Only a capitalised word, a glued dash or "of" after the entry can make
   * it longer. */
  if (i + len >= ctx_n_tokens (ctx) ||
      !((ctx_token (ctx, i + len)->flags & (TOK_CAP | TOK_JOINED)) || key_is (ctx, i + len, "of")))
    return FALSE;
  span = MAX (_ent_extractor_org_name_span (ctx, i), _ent_extractor_name_span (ctx, i, TRIG_SITE_HEAD));
  if (span <= len)
    return FALSE;
  for (guint k = i + len; k < i + span; k++)
    {
      const GArray *matches;
      guint known = is_word (ctx, k) ? _ent_extractor_match_phrase_at (ctx, k, &matches) : 0;

      if (known > 0 && k + known == i + span)
        return FALSE;
    }
  return TRUE;
}

guint
_ent_extractor_match_lexicon (DocContext *ctx,
                              guint       i)
{
  const GArray *matches;
  guint len = _ent_extractor_match_phrase_at (ctx, i, &matches);
  const LexMatch *m;
  g_autofree char *surface = NULL;
  int entity;

  if (len == 0 || (m = _ent_extractor_pick_entity_match (ctx, i, matches)) == NULL)
    return 0;
  /* "Hiroshima Peace Memorial Park", "Kenya Railways": no place or country
   * is read out of a longer name, unless the lexicon knows the rest ("U.S."
   * before "Department of the Treasury"). */
  if (longer_name_at (ctx, i, len))
    return 0;
  if ((m->kind == LEX_PLACE || m->kind == LEX_CAPITAL) && is_word (ctx, i + len) &&
      (ctx_token (ctx, i + len)->flags & TOK_CAP))
    {
      guint name_len = _ent_extractor_scan_name (ctx, i, TRUE, TRUE);
      int person = name_len > len ? _ent_extractor_person_entity (ctx, i, i + name_len, FALSE) : -1;

      if (person >= 0)
        {
          g_autofree char *name = _ent_extractor_token_text (ctx, i, i + name_len);

          _ent_extractor_add_mention (ctx, i, i + name_len, person, ENT_ENTITY_PERSON, MK_NAME);
          _ent_extractor_doc_count_mention (ctx, person, name);
          return name_len;
        }
    }
  if (ctx->discover && (m->kind == LEX_CAPITAL || m->kind == LEX_METONYM))
    {
      _ent_extractor_note_country (ctx, _ent_extractor_doc_country_entity (ctx, (int) m->index));
      return len;
    }
  if (ctx->discover && m->kind != LEX_COUNTRY && m->kind != LEX_DEMONYM && m->kind != LEX_ORG)
    return len;

  surface = _ent_extractor_token_text (ctx, i, i + len);
  switch (m->kind)
    {
    case LEX_COUNTRY:
      {
        /* "Mauro Teixeira Costa of Brazil". Read before _ent_extractor_add_mention, which
         * may move the array the previous mention lives in. */
        Mention *before = last_mention (ctx);
        gboolean of_person = i >= 1 && key_is (ctx, i - 1, "of") && before != NULL &&
                             before->last == i - 1 && before->type == ENT_ENTITY_PERSON;
        Mention *cm;

        entity = _ent_extractor_doc_country_entity (ctx, (int) m->index);
        cm = _ent_extractor_add_mention (ctx, i, i + len, entity, ENT_ENTITY_COUNTRY, MK_NAME);
        cm->modifier = of_person;
        /* "Democratic Republic of Congo", "St. Vincent": how the text
         * names the country is worth keeping beside its lexicon name. */
        _ent_extractor_doc_count_mention (ctx, entity, surface);
      }
      break;

    case LEX_DEMONYM:
      /* "the Iranian capital" is a place. */
      if (key_is (ctx, i + len, "capital") && _ent_extractor_doc_capital_place (ctx, (int) m->index) >= 0)
        {
          entity = _ent_extractor_doc_capital_place (ctx, (int) m->index);
          _ent_extractor_add_mention (ctx, i, i + len + 1, entity, ENT_ENTITY_PLACE, MK_ROLE);
          _ent_extractor_doc_count_mention (ctx, entity, NULL);
          return len + 1;
        }
      entity = _ent_extractor_doc_country_entity (ctx, (int) m->index);
      /* "the Algerian authorities", "the Peruvian regime": the state itself. */
      if (tok_in (ctx, i + len, (const char *[]) { "government", "authorities", "administration", "regime",
                                                   "side", "leadership", NULL }))
        {
          g_autofree char *phrase = _ent_extractor_token_text (ctx, i, i + len + 1);

          _ent_extractor_add_mention (ctx, i, i + len + 1, entity, ENT_ENTITY_COUNTRY, MK_GOVERNMENT);
          _ent_extractor_doc_count_mention (ctx, entity, phrase);
          return len + 1;
        }
      _ent_extractor_add_mention (ctx, i, i + len, entity, ENT_ENTITY_COUNTRY, MK_DEMONYM);
      _ent_extractor_doc_count_mention (ctx, entity, NULL);
      break;

    case LEX_CAPITAL:
      /* "arrived in Tehran", "Tehran, Iran –": the city. "between Tehran
       * and Minsk", "Tehran has": the government. */
      if (locative_before (ctx, i) ||
          (punct_is (ctx, i + len, ',') && is_word (ctx, i + len + 1) &&
           _ent_extractor_lexicon_starts_at (ctx, i + len + 1) && !(ctx_triggers (ctx, i + len + 1) & TRIG_STOP) &&
           !(ctx_token (ctx, i + len)->flags & TOK_QUOTED)))
        {
          const LexCountry *c = ent_lexicon_get_country (ctx->lexicon, m->index);

          entity = _ent_extractor_place_entity (ctx, c->capital != NULL ? c->capital : surface, "city", (int) m->index);
          _ent_extractor_add_mention (ctx, i, i + len, entity, ENT_ENTITY_PLACE, MK_NAME);
          _ent_extractor_doc_count_mention (ctx, entity, surface);
        }
      else
        {
          entity = _ent_extractor_doc_country_entity (ctx, (int) m->index);
          _ent_extractor_add_mention (ctx, i, i + len, entity, ENT_ENTITY_COUNTRY, MK_GOVERNMENT);
          _ent_extractor_doc_count_mention (ctx, entity, NULL);
        }
      break;

    case LEX_METONYM:
      entity = _ent_extractor_doc_country_entity (ctx, (int) m->index);
      _ent_extractor_add_mention (ctx, i, i + len, entity, ENT_ENTITY_COUNTRY, MK_GOVERNMENT);
      _ent_extractor_doc_count_mention (ctx, entity, NULL);
      break;

    case LEX_ORG:
      {
        const LexOrg *org = ent_lexicon_get_org (ctx->lexicon, m->index);

        entity = _ent_extractor_doc_org_entity (ctx, org->name, org->kind, org->country);
        _ent_extractor_add_mention (ctx, i, i + len, entity, ENT_ENTITY_ORGANIZATION, MK_NAME);
        _ent_extractor_doc_count_mention (ctx, entity, surface);
      }
      break;

    case LEX_PLACE:
      {
        const LexPlace *place = ent_lexicon_get_place (ctx->lexicon, m->index);

        entity = _ent_extractor_place_entity (ctx, place->name, place->kind, place->country);
        _ent_extractor_add_mention (ctx, i, i + len, entity, ENT_ENTITY_PLACE, MK_NAME);
        _ent_extractor_doc_count_mention (ctx, entity, surface);
      }
      break;

    case LEX_TITLE:
    default:
      return 0;
    }
  return len;
}
