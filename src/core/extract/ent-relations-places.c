/* ent-relations-places.c — where places are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include "ent-extractor-private.h"

void
_ent_extractor_rule_located_in (DocContext *ctx,
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
          _ent_extractor_add_relation (ctx, ENT_RELATION_LOCATED_IN, m->entity, next->entity, NULL);
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
        _ent_extractor_add_relation (ctx, ENT_RELATION_LOCATED_IN, m->entity, other->entity, NULL);
    }
  if (m->kind == MK_ROLE)
    {
      /* The demonym was folded into the description: "the Iranian capital". */
      EntLexicon *lexicon = ctx->lexicon;
      int country = ent_lexicon_find_country (lexicon, code);

      if (country >= 0)
        _ent_extractor_add_relation (ctx, ENT_RELATION_LOCATED_IN, m->entity,
                                     _ent_extractor_doc_country_entity (ctx, country), NULL);
    }
}
