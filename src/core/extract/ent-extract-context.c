/* ent-extract-context.c — the document being read: its entities, mentions and tokens.
 *
 * Entities are keyed within the document ("c:IR" for a country, "P:…" for
 * a person) so that every mention of one thing is one entity; the resolver
 * later makes them one across the project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include <string.h>

#include "ent-extractor-private.h"
#include "ent-text.h"

int
_ent_extractor_lookup_entity (DocContext *ctx,
                              const char *key)
{
  gpointer value = g_hash_table_lookup (ctx->entity_keys, key);

  return value != NULL ? GPOINTER_TO_INT (value) - 1 : -1;
}

int
_ent_extractor_ensure_entity (DocContext    *ctx,
                              const char    *key,
                              EntEntityType  type,
                              const char    *name)
{
  EntExtractedEntity *entity;
  int index = _ent_extractor_lookup_entity (ctx, key);
  guint new_index;

  if (index >= 0)
    return index;

  entity = ent_extraction_add_entity (ctx->ex, type, name, &new_index);
  entity->mentions = 0;
  g_hash_table_insert (ctx->entity_keys, g_strdup (key), GINT_TO_POINTER (new_index + 1));
  return (int) new_index;
}

void
_ent_extractor_doc_count_mention (DocContext *ctx,
                                  int         index,
                                  const char *surface)
{
  EntExtractedEntity *entity;

  if (ctx->discover || index < 0)
    return;
  entity = doc_entity (ctx, index);
  entity->mentions++;
  if (surface != NULL)
    ent_extracted_entity_add_alias (entity, surface);
}

int
_ent_extractor_doc_country_entity (DocContext *ctx,
                                   int         lexicon_country)
{
  const LexCountry *country = ent_lexicon_get_country (ctx->lexicon, lexicon_country);
  g_autofree char *key = g_strconcat ("c:", country->code, NULL);
  int index = _ent_extractor_lookup_entity (ctx, key);

  if (index < 0)
    {
      index = _ent_extractor_ensure_entity (ctx, key, ENT_ENTITY_COUNTRY, country->name);
      g_hash_table_insert (doc_entity (ctx, index)->attributes,
                           g_strdup ("code"), g_strdup (country->code));
      g_free (doc_entity (ctx, index)->key);
      doc_entity (ctx, index)->key = ent_name_key (country->name);
    }
  return index;
}

/* Records the country a place or an organization is in (its code), when
 * the lexicon knows it: @lexicon_country may be -1. */
static void
set_country (DocContext         *ctx,
             EntExtractedEntity *entity,
             int                 lexicon_country)
{
  if (lexicon_country >= 0)
    g_hash_table_insert (entity->attributes, g_strdup ("country"),
                         g_strdup (ent_lexicon_get_country (ctx->lexicon, lexicon_country)->code));
}

int
_ent_extractor_place_entity (DocContext *ctx,
                             const char *name,
                             const char *kind,
                             int         lexicon_country)
{
  g_autofree char *folded = ent_name_key (name);
  g_autofree char *key = g_strconcat ("l:", folded, NULL);
  int index = _ent_extractor_lookup_entity (ctx, key);

  if (index < 0)
    {
      EntExtractedEntity *entity;

      index = _ent_extractor_ensure_entity (ctx, key, ENT_ENTITY_PLACE, name);
      entity = doc_entity (ctx, index);
      g_hash_table_insert (entity->attributes, g_strdup ("kind"), g_strdup (kind));
      set_country (ctx, entity, lexicon_country);
    }
  return index;
}

int
_ent_extractor_doc_capital_place (DocContext *ctx,
                                  int         lexicon_country)
{
  const LexCountry *country = ent_lexicon_get_country (ctx->lexicon, lexicon_country);

  if (country->capital == NULL)
    return -1;
  return _ent_extractor_place_entity (ctx, country->capital, "city", lexicon_country);
}

/* An organization's key: its folded name without the legal form ("Capital
 * Tap Holding L.L.C." is "capital tap holding"). */
static char *
org_key (const char *name)
{
  static const char *forms[] = { "llc", "ltd", "limited", "inc", "incorporated", "plc", "sa", "jsc", "pjsc",
                                 "gmbh", "ag", "corp", "co", "llp", "bv", "nv", NULL };
  char *folded = ent_name_key (name);
  char *space;

  while ((space = strrchr (folded, ' ')) != NULL && g_strv_contains (forms, space + 1))
    *space = '\0';
  return folded;
}

/* The organization of this document whose name is @folded followed by "of
 * …", or that @folded is followed by "of …"; -1 when there is none. */
static int
org_named_shorter_or_longer (DocContext *ctx,
                             const char *folded)
{
  guint stop = ctx->ex->entities->len > 256 ? ctx->ex->entities->len - 256 : 0;

  for (guint k = ctx->ex->entities->len; k > stop; k--)
    {
      EntExtractedEntity *e = g_ptr_array_index (ctx->ex->entities, k - 1);
      g_autofree char *other = NULL;
      gsize lo, lf;

      if (e->type != ENT_ENTITY_ORGANIZATION || g_hash_table_contains (e->attributes, "kind"))
        continue;
      other = org_key (e->name);
      lo = strlen (other), lf = strlen (folded);
      if ((lf > lo && g_str_has_prefix (folded, other) && g_str_has_prefix (folded + lo, " of ")) ||
          (lo > lf && g_str_has_prefix (other, folded) && g_str_has_prefix (other + lf, " of ")))
        return (int) (k - 1);
    }
  return -1;
}

int
_ent_extractor_doc_org_entity (DocContext *ctx,
                               const char *name,
                               const char *kind,
                               int         lexicon_country)
{
  g_autofree char *folded = org_key (name);
  g_autofree char *key = g_strconcat ("o:", folded, NULL);
  int index = _ent_extractor_lookup_entity (ctx, key);

  /* "the Supreme State Council" and "the Supreme State Council of the Union
   * State" in one article are one body. */
  if (index < 0 && kind == NULL && (index = org_named_shorter_or_longer (ctx, folded)) >= 0)
    {
      if (strlen (name) > strlen (doc_entity (ctx, index)->name))
        ent_extracted_entity_rename (doc_entity (ctx, index), name);
      else
        ent_extracted_entity_add_alias (doc_entity (ctx, index), name);
      g_hash_table_insert (ctx->entity_keys, g_strdup (key), GINT_TO_POINTER (index + 1));
      return index;
    }
  if (index < 0)
    {
      EntExtractedEntity *entity;

      index = _ent_extractor_ensure_entity (ctx, key, ENT_ENTITY_ORGANIZATION, name);
      entity = doc_entity (ctx, index);
      if (kind != NULL && *kind != '\0')
        g_hash_table_insert (entity->attributes, g_strdup ("kind"), g_strdup (kind));
      set_country (ctx, entity, lexicon_country);
    }
  return index;
}

/* The country a person acts for (their office), or a country itself. */
int
_ent_extractor_doc_entity_country (DocContext *ctx,
                                   int         entity)
{
  EntExtractedEntity *e;
  Person *p;

  if (entity < 0)
    return -1;
  e = doc_entity (ctx, entity);
  if (e->type == ENT_ENTITY_COUNTRY)
    return entity;
  if (e->type == ENT_ENTITY_PERSON && (p = _ent_extractor_doc_person_of (ctx, entity)) != NULL && p->country >= 0)
    return _ent_extractor_doc_country_entity (ctx, p->country);
  return -1;
}

/* The two countries the document is most about ("the two countries"). */
void
_ent_extractor_doc_top_countries (DocContext *ctx,
                                  int        *a,
                                  int        *b)
{
  guint best = 0, second = 0;

  *a = *b = -1;
  for (guint i = 0; i < ctx->country_mentions->len; i++)
    {
      guint n = g_array_index (ctx->country_mentions, guint, i);

      if (n == 0)
        continue;
      if (n > best)
        {
          second = best, *b = *a;
          best = n, *a = (int) i;
        }
      else if (n > second)
        second = n, *b = (int) i;
    }
}

/* Countries are counted over the whole document in the first pass, so that
 * "the two countries" means the same from the first sentence on. */
void
_ent_extractor_note_country (DocContext *ctx,
                             int         entity)
{
  if (entity < 0 || doc_entity (ctx, entity)->type != ENT_ENTITY_COUNTRY)
    return;
  if (!ctx->discover)
    {
      ctx->last_country = entity;
      return;
    }
  if ((guint) entity >= ctx->country_mentions->len)
    g_array_set_size (ctx->country_mentions, entity + 1);
  g_array_index (ctx->country_mentions, guint, entity)++;
}

char *
_ent_extractor_token_text (DocContext *ctx,
                           guint       first,
                           guint       last)
{
  const char *text = ctx->document->text;
  guint32 start = ctx_token (ctx, first)->start;
  guint32 end = ctx_token (ctx, last - 1)->end;
  GString *out = g_string_sized_new (end - start);
  gboolean space = FALSE;

  /* Line breaks and runs of spaces inside a name become one space. */
  for (const char *p = text + start; p < text + end; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\t')
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* Looks up the longest lexicon phrase starting at token @i (dashes glued
 * inside it are skipped: "Guinea-Bissau"). Returns the number of tokens. */
guint
_ent_extractor_match_phrase_at (DocContext    *ctx,
                                guint          i,
                                const GArray **out_matches)
{
  const LexWord *lex = ctx_token (ctx, i)->lex;
  guint idx[16];
  guint n_words = 0;
  GString *key;
  guint best = 0;

  *out_matches = NULL;
  if (lex == NULL || lex->max_phrase == 0)
    return 0;

  for (guint j = i; j < ctx_n_tokens (ctx) && n_words < MIN (lex->max_phrase, G_N_ELEMENTS (idx)); j++)
    {
      EntToken *t = ctx_token (ctx, j);

      /* "Saint Vincent & the Grenadines", "Trinidad & Tobago" */
      if ((t->flags & TOK_WORD) || ((t->flags & TOK_PUNCT) && t->punct == '&'))
        idx[n_words++] = j;
      else if (!(t->flags & TOK_JOINED))
        break;
    }

  key = g_string_new (NULL);
  for (guint n = n_words; n > 0 && best == 0; n--)
    {
      const GArray *matches;

      g_string_truncate (key, 0);
      for (guint k = 0; k < n; k++)
        {
          if (k > 0)
            g_string_append_c (key, ' ');
          g_string_append (key, punct_is (ctx, idx[k], '&') ? "and" : ctx_key (ctx, idx[k]));
        }
      matches = ent_lexicon_lookup_phrase (ctx->lexicon, key->str);
      if (matches != NULL)
        {
          *out_matches = matches;
          best = idx[n - 1] + 1 - i;
        }
    }
  g_string_free (key, TRUE);
  return best;
}

gboolean
_ent_extractor_lexicon_starts_at (DocContext *ctx,
                                  guint       i)
{
  const GArray *matches;

  return _ent_extractor_match_phrase_at (ctx, i, &matches) > 0;
}

/* "US" and "U.S." are the country, "us" and "Un" (of "Kim Jong Un") are
 * not; house styles write longer acronyms as words: "Nato", "Asean". */
gboolean
_ent_extractor_acronym_fits (DocContext     *ctx,
                             guint           i,
                             const LexMatch *m)
{
  EntToken *t = ctx_token (ctx, i);

  return !m->acronym || (t->flags & TOK_ALLCAPS) || t->end - t->start >= 4 ||
         memchr (ctx->document->text + t->start, '.', t->end - t->start) != NULL;
}

/* The best non-title lexicon entry for tokens [i, i+n): names must be
 * written with a capital, acronyms in capitals ("us" is not the US). */
const LexMatch *
_ent_extractor_pick_entity_match (DocContext   *ctx,
                                  guint         i,
                                  const GArray *matches)
{
  static const LexKind preference[] = {
    LEX_COUNTRY, LEX_ORG, LEX_CAPITAL, LEX_METONYM, LEX_PLACE, LEX_DEMONYM,
  };
  EntToken *first = ctx_token (ctx, i);

  if (!(first->flags & TOK_CAP))
    return NULL;

  for (guint p = 0; p < G_N_ELEMENTS (preference); p++)
    for (guint k = 0; k < matches->len; k++)
      {
        const LexMatch *m = &g_array_index (matches, LexMatch, k);

        if (m->kind != preference[p])
          continue;
        if (!_ent_extractor_acronym_fits (ctx, i, m))
          continue;
        return m;
      }
  return NULL;
}

/* The entity the lexicon knows at token @i ("Sweden", "NATO", "Algerian"),
 * with the number of tokens it spans in @len; NULL when there is none. */
const LexMatch *
_ent_extractor_entity_at (DocContext *ctx,
                          guint       i,
                          guint      *len)
{
  const GArray *matches;

  *len = is_word (ctx, i) ? _ent_extractor_match_phrase_at (ctx, i, &matches) : 0;
  return *len > 0 ? _ent_extractor_pick_entity_match (ctx, i, matches) : NULL;
}

/* Whether token @i on its own is one of the things the lexicon knows, of
 * a kind in @kinds (bits 1 << LexKind): "NATO", "Georgian". */
gboolean
_ent_extractor_known_word (DocContext *ctx,
                           guint       i,
                           guint       kinds)
{
  guint len;
  const LexMatch *m = _ent_extractor_entity_at (ctx, i, &len);

  return m != NULL && len == 1 && (kinds & (1u << m->kind)) != 0;
}

const LexMatch *
_ent_extractor_pick_title_match (const GArray *matches)
{
  for (guint k = 0; matches != NULL && k < matches->len; k++)
    {
      const LexMatch *m = &g_array_index (matches, LexMatch, k);

      if (m->kind == LEX_TITLE)
        return m;
    }
  return NULL;
}

/* What "the bloc", "the alliance" will refer to: the last organization
 * countries can be members of. */
void
_ent_extractor_note_bloc (DocContext *ctx,
                          int         entity)
{
  const char *kind;

  if (entity < 0 || doc_entity (ctx, entity)->type != ENT_ENTITY_ORGANIZATION)
    return;
  kind = g_hash_table_lookup (doc_entity (ctx, entity)->attributes, "kind");
  if (g_strcmp0 (kind, "intergovernmental") == 0 || g_strcmp0 (kind, "bloc") == 0)
    ctx->last_bloc = entity;
}

Mention *
_ent_extractor_add_mention (DocContext    *ctx,
                            guint          first,
                            guint          last,
                            int            entity,
                            EntEntityType  type,
                            MentionKind    kind)
{
  Mention m = { 0 };

  m.first = first;
  m.last = last;
  m.entity = entity;
  m.entity2 = -1;
  m.group = -1;
  m.type = type;
  m.kind = kind;
  m.holder_country = -1;
  m.holder_org = -1;
  m.quoted = (ctx_token (ctx, first)->flags & TOK_QUOTED) != 0;
  m.possessive = (ctx_token (ctx, last - 1)->flags & TOK_POSSESSIVE) != 0;
  g_array_append_val (ctx->mentions, m);
  if (type == ENT_ENTITY_COUNTRY && kind != MK_COLLECTIVE)
    _ent_extractor_note_country (ctx, entity);
  if (type == ENT_ENTITY_ORGANIZATION)
    _ent_extractor_note_bloc (ctx, entity);
  return &g_array_index (ctx->mentions, Mention, ctx->mentions->len - 1);
}

gboolean
_ent_extractor_sentence_has_trigger (DocContext *ctx,
                                     guint32     triggers)
{
  for (guint i = 0; i < ctx_n_tokens (ctx); i++)
    if (ctx_triggers (ctx, i) & triggers)
      return TRUE;
  return FALSE;
}
