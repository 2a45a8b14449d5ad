/* ent-extract-coreference.c — pronouns, the speaker, collectives and salience.
 *
 * "he", "his", "we" in a quotation, "the two presidents", "both countries":
 * what they refer to, from the people and countries the text has just named.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include "ent-extractor-private.h"

gboolean
_ent_extractor_is_person_mention (DocContext *ctx,
                                  Mention    *m)
{
  return m->type == ENT_ENTITY_PERSON && m->entity >= 0 && m->kind != MK_COLLECTIVE &&
         !doc_entity (ctx, m->entity)->role_only;
}

/* "he": the first person of this sentence before it, else the subject of
 * the sentences before. */
int
_ent_extractor_resolve_pronoun (DocContext *ctx,
                                guint       at)
{
  gboolean quoted = (ctx_token (ctx, at)->flags & TOK_QUOTED) != 0;

  for (guint k = 0; k < ctx->mentions->len; k++)
    {
      Mention *m = ctx_mention (ctx, k);

      if (m->first >= at)
        break;
      if (_ent_extractor_is_person_mention (ctx, m) && m->quoted == quoted)
        return m->entity;
    }
  return ctx->last_subject;
}

void
_ent_extractor_note_person (DocContext *ctx,
                            int         person)
{
  if (person < 0 || ctx->recent_persons[0] == person)
    return;
  for (guint k = G_N_ELEMENTS (ctx->recent_persons) - 1; k > 0; k--)
    ctx->recent_persons[k] = ctx->recent_persons[k - 1];
  ctx->recent_persons[0] = person;
  for (guint k = 1; k < G_N_ELEMENTS (ctx->recent_persons); k++)
    if (ctx->recent_persons[k] == person)
      ctx->recent_persons[k] = -1;
}

static const char *collective_country_nouns[] = { "countries", "nations", "states", "governments", "sides", NULL };

static const char *collective_person_nouns[] = { "presidents", "leaders", "ministers", "officials", "heads", "men", "premiers", NULL };

guint
_ent_extractor_match_collective (DocContext *ctx,
                                 guint       i)
{
  guint j = i;
  Mention *m;

  if (key_is (ctx, j, "the") || key_is (ctx, j, "both"))
    {
      if (key_is (ctx, j, "the"))
        j++;
    }
  if (!(key_is (ctx, j, "two") || key_is (ctx, j, "both")))
    return 0;
  j++;
  /* A collective is "the two" and what follows: a noun or a verb. */
  if (j >= ctx_n_tokens (ctx))
    return 0;

  if (is_word (ctx, j) && word_in (ctx_key (ctx, j), collective_country_nouns))
    {
      int a = ctx->country_pair[0], b = ctx->country_pair[1];

      if (a < 0 || b < 0)
        _ent_extractor_doc_top_countries (ctx, &a, &b);
      if (a < 0 || b < 0)
        return j + 1 - i;
      m = _ent_extractor_add_mention (ctx, i, j + 1, a, ENT_ENTITY_COUNTRY, MK_COLLECTIVE);
      m->entity2 = b;
      m->plural = TRUE;
      return j + 1 - i;
    }

  if ((is_word (ctx, j) && word_in (ctx_key (ctx, j), collective_person_nouns)) ||
      (!is_word (ctx, j) || !(ctx_token (ctx, j)->flags & TOK_CAP)))
    {
      guint title_len = 1;
      const LexMatch *title = is_word (ctx, j) ? _ent_extractor_plural_title_span (ctx, j, &title_len) : NULL;
      gboolean noun = title != NULL || (is_word (ctx, j) && word_in (ctx_key (ctx, j), collective_person_nouns));
      const char *role = title != NULL ? ent_lexicon_get_title (ctx->lexicon, title->index)->role : NULL;
      int a, b;

      if (title != NULL)
        j += title_len - 1;

      /* "both" before a name ("both Iran and Belarus") is no collective. */
      if (!noun && is_word (ctx, j) && (ctx_token (ctx, j)->flags & TOK_CAP))
        return 0;
      if (!noun && !(ctx_triggers (ctx, j) & (PERSON_VERBS | TRIG_COOPERATE)) &&
          !key_is (ctx, j, "have") && !key_is (ctx, j, "are") && !key_is (ctx, j, "also"))
        return 0;
      a = _ent_extractor_collective_persons (ctx, role, NULL, &b);
      if (a < 0)
        return noun ? j + 1 - i : j - i;
      m = _ent_extractor_add_mention (ctx, i, noun ? j + 1 : j, a, ENT_ENTITY_PERSON, MK_COLLECTIVE);
      m->entity2 = b;
      m->plural = TRUE;
      ctx->collective[0] = a;
      ctx->collective[1] = b;
      return noun ? j + 1 - i : j - i;
    }
  return 0;
}

guint
_ent_extractor_match_pronoun (DocContext *ctx,
                              guint       i)
{
  const char *key = ctx_key (ctx, i);
  gboolean quoted = (ctx_token (ctx, i)->flags & TOK_QUOTED) != 0;
  Mention *m;

  if (ctx_triggers (ctx, i) & TRIG_PRONOUN)
    {
      int person = _ent_extractor_resolve_pronoun (ctx, i);

      if (person < 0)
        return 1;
      m = _ent_extractor_add_mention (ctx, i, i + 1, person, ENT_ENTITY_PERSON, MK_PRONOUN);
      m->possessive = key_is (ctx, i, "his") || key_is (ctx, i, "her");
      return 1;
    }
  if (quoted && (g_str_equal (key, "i") || g_str_equal (key, "my") || g_str_equal (key, "me")))
    {
      m = _ent_extractor_add_mention (ctx, i, i + 1, -1, ENT_ENTITY_PERSON, MK_SELF);
      m->possessive = g_str_equal (key, "my");
      return 1;
    }
  if (quoted && (g_str_equal (key, "we") || g_str_equal (key, "our") || g_str_equal (key, "us")))
    {
      m = _ent_extractor_add_mention (ctx, i, i + 1, -1, ENT_ENTITY_COUNTRY, MK_SELF);
      m->plural = TRUE;
      return 1;
    }
  /* "… welcomed them": the people last named together. */
  if (!quoted && (g_str_equal (key, "they") || g_str_equal (key, "their") || g_str_equal (key, "them")) &&
      ctx->last_group >= 0)
    {
      GArray *group = g_ptr_array_index (ctx->groups, ctx->last_group);

      m = _ent_extractor_add_mention (ctx, i, i + 1, g_array_index (group, int, 0), ENT_ENTITY_PERSON, MK_COLLECTIVE);
      m->entity2 = g_array_index (group, int, 1);
      m->group = ctx->last_group;
      m->plural = TRUE;
      return 1;
    }
  if (!quoted && (g_str_equal (key, "they") || g_str_equal (key, "their")) && ctx->collective[0] >= 0)
    {
      m = _ent_extractor_add_mention (ctx, i, i + 1, ctx->collective[0], ENT_ENTITY_PERSON, MK_COLLECTIVE);
      m->entity2 = ctx->collective[1];
      m->plural = TRUE;
      return 1;
    }
  return 0;
}

/* A person the sentence is about, not one in a relative clause ("which
 * President X attended") or after a preposition ("a meeting with X"). */
gboolean
_ent_extractor_is_subject_candidate (DocContext *ctx,
                                     Mention    *m)
{
  static const char *prepositions[] = { "with", "by", "of", "to", "from", "for", "at", "in", "on",
                                        "during", "after", "before", "about", "against", "between",
                                        "among", "than", "like", NULL };

  if (m->quoted || !_ent_extractor_is_person_mention (ctx, m))
    return FALSE;
  if (m->first > 0 && is_word (ctx, m->first - 1) && word_in (ctx_key (ctx, m->first - 1), prepositions))
    return FALSE;
  for (guint i = m->first; i > 0; i--)
    {
      if (punct_is (ctx, i - 1, ','))
        break;
      if (key_is (ctx, i - 1, "which") || key_is (ctx, i - 1, "who") || key_is (ctx, i - 1, "whom") ||
          key_is (ctx, i - 1, "where") || key_is (ctx, i - 1, "when"))
        return FALSE;
    }
  return TRUE;
}

int
_ent_extractor_sentence_subject (DocContext *ctx)
{
  for (guint k = 0; k < ctx->mentions->len; k++)
    {
      Mention *m = ctx_mention (ctx, k);

      if (_ent_extractor_is_subject_candidate (ctx, m))
        return m->entity;
    }
  return -1;
}

/* The person a speech verb outside quotes attributes the quotation to. */
int
_ent_extractor_sentence_speaker (DocContext *ctx)
{
  for (guint i = 0; i < ctx_n_tokens (ctx); i++)
    {
      int best = -1;
      guint best_distance = 4;

      if ((ctx_token (ctx, i)->flags & TOK_QUOTED) || !(ctx_triggers (ctx, i) & TRIG_SPEECH))
        continue;
      for (guint k = 0; k < ctx->mentions->len; k++)
        {
          Mention *m = ctx_mention (ctx, k);
          guint distance = m->last <= i ? i - m->last : m->first - i;

          if (m->quoted || !_ent_extractor_is_person_mention (ctx, m))
            continue;
          if (distance < best_distance)
            best = m->entity, best_distance = distance;
        }
      if (best >= 0)
        return best;
    }
  return -1;
}

gboolean
_ent_extractor_sentence_has_quote (DocContext *ctx)
{
  for (guint i = 0; i < ctx_n_tokens (ctx); i++)
    if (ctx_token (ctx, i)->flags & TOK_QUOTED)
      return TRUE;
  return FALSE;
}

/* I/my in a quotation: the speaker; we/our: the speaker's country. */
void
_ent_extractor_resolve_self_mentions (DocContext *ctx,
                                      int         speaker)
{
  for (guint k = 0; k < ctx->mentions->len; k++)
    {
      Mention *m = ctx_mention (ctx, k);

      if (m->kind != MK_SELF)
        continue;
      if (m->type == ENT_ENTITY_PERSON)
        m->entity = speaker;
      else
        m->entity = _ent_extractor_doc_entity_country (ctx, speaker);
    }
}

/* "New Zealand and Australia …": what a later "both countries" means. */
void
_ent_extractor_note_country_pair (DocContext *ctx)
{
  for (guint k = 0; k + 1 < ctx->mentions->len; k++)
    {
      Mention *a = ctx_mention (ctx, k), *b = ctx_mention (ctx, k + 1);
      gboolean joined = b->first == a->last + 1 &&
                        (key_is (ctx, a->last, "and") || punct_is (ctx, a->last, ',') ||
                         (ctx_token (ctx, a->last)->flags & TOK_JOINED));

      if (joined && a->type == ENT_ENTITY_COUNTRY && b->type == ENT_ENTITY_COUNTRY &&
          a->kind != MK_COLLECTIVE && b->kind != MK_COLLECTIVE && a->kind != MK_DEMONYM &&
          b->kind != MK_DEMONYM && a->entity >= 0 && b->entity >= 0 && a->entity != b->entity)
        {
          ctx->country_pair[0] = a->entity;
          ctx->country_pair[1] = b->entity;
          return;
        }
    }
}

/* "the bloc", "the military alliance", "the organization's": the last
 * organization of the story that countries can be members of. */
guint
_ent_extractor_match_bloc_reference (DocContext *ctx,
                                     guint       i)
{
  static const char *nouns[] = { "bloc", "alliance", "organization", "organisation", "grouping", "group",
                                 "union", "forum", "league", "body", NULL };
  guint noun = i + 1;

  if (ctx->last_bloc < 0 || !tok_in (ctx, i, (const char *[]) { "the", "this", "that", NULL }))
    return 0;
  /* one adjective: "the military alliance", "the regional forum" */
  if (is_word (ctx, noun) && !tok_in (ctx, noun, nouns) && !(ctx_token (ctx, noun)->flags & TOK_CAP) &&
      tok_in (ctx, noun + 1, nouns))
    noun++;
  if (!tok_in (ctx, noun, nouns) || (is_word (ctx, noun + 1) && (ctx_token (ctx, noun + 1)->flags & TOK_CAP)))
    return 0;
  _ent_extractor_add_mention (ctx, i, noun + 1, ctx->last_bloc, ENT_ENTITY_ORGANIZATION, MK_ROLE);
  _ent_extractor_doc_count_mention (ctx, ctx->last_bloc, NULL);
  return noun + 1 - i;
}

/* Remembers people named together ("A, B and C arrived"), for a later
 * "they"; returns the group's index, or -1 for fewer than two people. */
int
_ent_extractor_add_group (DocContext *ctx,
                          GArray     *people)
{
  GArray *group = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint k = 0; k < people->len && group->len < MAX_GROUP; k++)
    {
      int person = g_array_index (people, int, k);
      gboolean seen = FALSE;

      for (guint n = 0; n < group->len && !seen; n++)
        seen = g_array_index (group, int, n) == person;
      if (!seen && person >= 0 && !doc_entity (ctx, person)->role_only)
        g_array_append_val (group, person);
    }
  if (group->len < 2)
    {
      g_array_unref (group);
      return -1;
    }
  g_ptr_array_add (ctx->groups, group);
  return (int) ctx->groups->len - 1;
}

/* After a sentence: the people its subject names together. */
void
_ent_extractor_note_group (DocContext *ctx)
{
  for (guint k = 0; k < ctx->mentions->len; k++)
    {
      Mention *m = ctx_mention (ctx, k);
      g_autoptr(GArray) people = NULL;
      int group;

      if (!_ent_extractor_is_subject_candidate (ctx, m))
        continue;
      people = _ent_extractor_coordinated (ctx, (int) k, is_person, TRUE);
      if ((group = _ent_extractor_add_group (ctx, people)) >= 0)
        ctx->last_group = group;
      return;
    }
}

/* "The visiting delegation, led by A and B, …": who "the delegation" is. */
void
_ent_extractor_note_delegation (DocContext *ctx)
{
  for (guint i = 0; i + 2 < ctx_n_tokens (ctx); i++)
    {
      int first;

      if (!key_is (ctx, i, "delegation") || ctx->delegation >= 0)
        continue;
      for (guint k = i + 1; k < i + 4 && k + 1 < ctx_n_tokens (ctx); k++)
        if (key_is (ctx, k, "led") && key_is (ctx, k + 1, "by") &&
            (first = _ent_extractor_mention_after (ctx, k + 1, 3, is_person)) >= 0)
          {
            g_autoptr(GArray) people = _ent_extractor_coordinated (ctx, first, is_person, TRUE);

            ctx->delegation = _ent_extractor_add_group (ctx, people);
            if (ctx->delegation < 0 && people->len == 1)
              {
                /* One leader: the delegation is that person. */
                g_array_append_val (people, g_array_index (people, int, 0));
                ctx->delegation = _ent_extractor_add_group (ctx, people);
              }
            break;
          }
    }
}

/* "the delegation", "the visiting US-Israeli delegation": its leaders. */
guint
_ent_extractor_match_delegation (DocContext *ctx,
                                 guint       i)
{
  guint k = i + 1;
  GArray *group;
  Mention *m;

  if (ctx->delegation < 0 || !key_is (ctx, i, "the"))
    return 0;
  while (k < i + 4 && is_word (ctx, k) && !key_is (ctx, k, "delegation"))
    k++;
  while (k < i + 4 && !is_word (ctx, k))
    k++;
  if (!key_is (ctx, k, "delegation"))
    return 0;
  group = g_ptr_array_index (ctx->groups, ctx->delegation);
  m = _ent_extractor_add_mention (ctx, i, k + 1, g_array_index (group, int, 0), ENT_ENTITY_PERSON, MK_COLLECTIVE);
  m->entity2 = g_array_index (group, int, 1);
  m->group = ctx->delegation;
  m->plural = TRUE;
  return k + 1 - i;
}
