/* ent-relations.c — relations read off one sentence.
 *
 * The mentions of the sentence are resolved to entities already. Each rule of
 * the table below looks for its trigger words; the families of rules live in
 * ent-relations-<family>.c. Every relation is checked against the ontology
 * before it is kept, and kept once per sentence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include "ent-extractor-private.h"

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
      return s == ENT_ENTITY_COUNTRY && t == ENT_ENTITY_COUNTRY;
    case ENT_RELATION_SANCTIONS:
      /* A state or a body sanctions a state, a person or a company. */
      return (s == ENT_ENTITY_COUNTRY || s == ENT_ENTITY_ORGANIZATION) &&
             (t == ENT_ENTITY_COUNTRY || t == ENT_ENTITY_PERSON || t == ENT_ENTITY_ORGANIZATION);
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
_ent_extractor_add_relation (DocContext      *ctx,
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

gboolean
_ent_extractor_related_in_sentence (DocContext *ctx,
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
  int seen[6] = { 0 };  /* all set before use; -O3 cannot tell */
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
        gboolean related = _ent_extractor_related_in_sentence (ctx, s, t);

        if (!co_mention_worthy (ctx, s) && !co_mention_worthy (ctx, t))
          continue;
        if (!related)
          _ent_extractor_add_relation (ctx, ENT_RELATION_CO_MENTIONED, s, t, NULL);
      }
}

/* Rules read at a trigger word: the token's lexicon triggers say which. */
typedef void (*TokenRule) (DocContext *ctx,
                           guint       i);

static const struct {
  guint32   triggers;
  TokenRule rule;
} token_rules[] = {
  { TRIG_MEET | TRIG_SPEECH | TRIG_MEMBER, _ent_extractor_rule_met },
  { TRIG_HOST,                             _ent_extractor_rule_hosted },
  { TRIG_VISIT | TRIG_ARRIVE | TRIG_LOCATIVE, _ent_extractor_rule_visited },
  { TRIG_INVITE,                           _ent_extractor_rule_invited },
  { TRIG_SIGN,                             _ent_extractor_rule_signed },
  { TRIG_COOPERATE,                        _ent_extractor_rule_cooperates_with },
  { TRIG_WITHIN | TRIG_COOPERATE,          _ent_extractor_rule_cooperates_within },
  { TRIG_MEMBER,                           _ent_extractor_rule_member_of },
  { TRIG_ADVOCATE,                         _ent_extractor_rule_advocates },
  { TRIG_PART,                             _ent_extractor_rule_part_of },
  { TRIG_SANCTION,                         _ent_extractor_rule_sanctions },
  { TRIG_ALLY,                             _ent_extractor_rule_allied },
};

/* Rules read at a mention: what an agreement, a project or a place says. */
typedef void (*MentionRule) (DocContext *ctx,
                             guint       k);

static const MentionRule mention_rules[] = {
  _ent_extractor_rule_parties,
  _ent_extractor_rule_involves,
  _ent_extractor_rule_builds,
  _ent_extractor_rule_project_name,
  _ent_extractor_rule_located_in,
};

void
_ent_extractor_extract_relations (DocContext *ctx)
{
  guint n = ctx_n_tokens (ctx);

  if (ctx->mentions->len == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      const LexWord *lex = ctx_token (ctx, i)->lex;

      if (ctx_token (ctx, i)->flags & TOK_CURRENCY)
        _ent_extractor_claim_money (ctx, i);
      if (lex == NULL || lex->triggers == 0)
        continue;
      for (guint r = 0; r < G_N_ELEMENTS (token_rules); r++)
        if (lex->triggers & token_rules[r].triggers)
          token_rules[r].rule (ctx, i);
    }

  for (guint k = 0; k < ctx->mentions->len; k++)
    for (guint r = 0; r < G_N_ELEMENTS (mention_rules); r++)
      mention_rules[r] (ctx, k);

  rule_co_mentioned (ctx);
}
