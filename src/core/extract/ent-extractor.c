/* ent-extractor.c — mentions, and the entities they are.
 *
 * Two passes over the sentences of a document. The first (discover) only
 * looks for people as the text introduces them — with a title ("Belarusian
 * President Alexander Lukashenko"), an apposition ("X, the President of
 * Belarus") or as the actor of a verb that only people do ("X held talks") —
 * so that the second pass knows every person and office of the document,
 * including those introduced after their first short mention. The second pass
 * finds every mention, resolves surnames, pronouns, descriptions ("the
 * Belarusian president", "his Iranian counterpart") and collectives ("the two
 * presidents") to entities, and hands each sentence to the relation rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ent-extractor-private.h"
#include "ent-text.h"

struct _EntExtractor
{
  EntLexicon *lexicon;
};

#define MAX_NAME_WORDS 5
#define MAX_AGREEMENT_MODIFIERS 3

/* Verbs whose actor is a person: a capitalised name next to one is a person. */
#define PERSON_VERBS (TRIG_SPEECH | TRIG_MEET | TRIG_HOST | TRIG_ARRIVE | \
                      TRIG_INVITE | TRIG_SIGN | TRIG_VISIT | TRIG_ADVOCATE)

EntExtractor *
ent_extractor_new (EntLexicon *lexicon)
{
  EntExtractor *self;

  g_return_val_if_fail (lexicon != NULL, NULL);

  self = g_new0 (EntExtractor, 1);
  self->lexicon = lexicon;
  return self;
}

void
ent_extractor_free (EntExtractor *self)
{
  g_free (self);
}

/* ------------------------------------------------------------------ */
/* Entities of the document                                            */

EntExtractedEntity *
doc_entity (DocContext *ctx,
            int         index)
{
  g_assert (index >= 0 && (guint) index < ctx->ex->entities->len);
  return g_ptr_array_index (ctx->ex->entities, index);
}

static int
lookup_entity (DocContext *ctx,
               const char *key)
{
  gpointer value = g_hash_table_lookup (ctx->entity_keys, key);

  return value != NULL ? GPOINTER_TO_INT (value) - 1 : -1;
}

static int
ensure_entity (DocContext    *ctx,
               const char    *key,
               EntEntityType  type,
               const char    *name)
{
  EntExtractedEntity *entity;
  int index = lookup_entity (ctx, key);
  guint new_index;

  if (index >= 0)
    return index;

  entity = ent_extraction_add_entity (ctx->ex, type, name, &new_index);
  entity->mentions = 0;
  g_hash_table_insert (ctx->entity_keys, g_strdup (key), GINT_TO_POINTER (new_index + 1));
  return (int) new_index;
}

void
doc_count_mention (DocContext *ctx,
                   int         index,
                   const char *surface)
{
  EntExtractedEntity *entity;

  if (ctx->discover || index < 0)
    return;
  entity = doc_entity (ctx, index);
  entity->mentions++;
  if (surface != NULL && entity->type != ENT_ENTITY_COUNTRY)
    ent_extracted_entity_add_alias (entity, surface);
}

int
doc_country_entity (DocContext *ctx,
                    int         lexicon_country)
{
  const LexCountry *country = ent_lexicon_get_country (ctx->lexicon, lexicon_country);
  g_autofree char *key = g_strconcat ("c:", country->code, NULL);
  int index = lookup_entity (ctx, key);

  if (index < 0)
    {
      index = ensure_entity (ctx, key, ENT_ENTITY_COUNTRY, country->name);
      g_hash_table_insert (doc_entity (ctx, index)->attributes,
                           g_strdup ("code"), g_strdup (country->code));
      g_free (doc_entity (ctx, index)->key);
      doc_entity (ctx, index)->key = ent_name_key (country->name);
    }
  return index;
}

static int
place_entity (DocContext *ctx,
              const char *name,
              const char *kind,
              int         lexicon_country)
{
  g_autofree char *folded = ent_name_key (name);
  g_autofree char *key = g_strconcat ("l:", folded, NULL);
  int index = lookup_entity (ctx, key);

  if (index < 0)
    {
      EntExtractedEntity *entity;

      index = ensure_entity (ctx, key, ENT_ENTITY_PLACE, name);
      entity = doc_entity (ctx, index);
      g_hash_table_insert (entity->attributes, g_strdup ("kind"), g_strdup (kind));
      if (lexicon_country >= 0)
        g_hash_table_insert (entity->attributes, g_strdup ("country"),
                             g_strdup (ent_lexicon_get_country (ctx->lexicon, lexicon_country)->code));
    }
  return index;
}

int
doc_capital_place (DocContext *ctx,
                   int         lexicon_country)
{
  const LexCountry *country = ent_lexicon_get_country (ctx->lexicon, lexicon_country);

  if (country->capital == NULL)
    return -1;
  return place_entity (ctx, country->capital, "city", lexicon_country);
}

int
doc_org_entity (DocContext *ctx,
                const char *name,
                const char *kind,
                int         lexicon_country)
{
  g_autofree char *folded = ent_name_key (name);
  g_autofree char *key = g_strconcat ("o:", folded, NULL);
  int index = lookup_entity (ctx, key);

  if (index < 0)
    {
      EntExtractedEntity *entity;

      index = ensure_entity (ctx, key, ENT_ENTITY_ORGANIZATION, name);
      entity = doc_entity (ctx, index);
      if (kind != NULL && *kind != '\0')
        g_hash_table_insert (entity->attributes, g_strdup ("kind"), g_strdup (kind));
      if (lexicon_country >= 0)
        g_hash_table_insert (entity->attributes, g_strdup ("country"),
                             g_strdup (ent_lexicon_get_country (ctx->lexicon, lexicon_country)->code));
    }
  return index;
}

Person *
doc_person_of (DocContext *ctx,
               int         entity)
{
  int index;

  if (entity < 0 || (guint) entity >= ctx->person_of_entity->len)
    return NULL;
  index = g_array_index (ctx->person_of_entity, int, entity);
  return index >= 0 ? &g_array_index (ctx->persons, Person, index) : NULL;
}

static void
index_person_word (DocContext *ctx,
                   guint       index,
                   const char *word)
{
  GArray *list;

  if (*word == '\0')
    return;
  list = g_hash_table_lookup (ctx->persons_by_word, word);
  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (ctx->persons_by_word, g_strdup (word), list);
    }
  if (list->len == 0 || g_array_index (list, guint, list->len - 1) != index)
    g_array_append_val (list, index);
}

/* Each given name on its own ("Wang" of "Wang Lei"). */
static void
index_person_words (DocContext *ctx,
                    guint       index,
                    const char *words)
{
  g_auto(GStrv) split = g_strsplit (words, " ", -1);

  for (guint i = 0; split[i] != NULL; i++)
    index_person_word (ctx, index, split[i]);
}

static const GArray *
persons_with_word (DocContext *ctx,
                   const char *word)
{
  return g_hash_table_lookup (ctx->persons_by_word, word);
}

/* The country a person acts for (their office), or a country itself. */
int
doc_entity_country (DocContext *ctx,
                    int         entity)
{
  EntExtractedEntity *e;
  Person *p;

  if (entity < 0)
    return -1;
  e = doc_entity (ctx, entity);
  if (e->type == ENT_ENTITY_COUNTRY)
    return entity;
  if (e->type == ENT_ENTITY_PERSON && (p = doc_person_of (ctx, entity)) != NULL && p->country >= 0)
    return doc_country_entity (ctx, p->country);
  return -1;
}

/* The two countries the document is most about ("the two countries"). */
void
doc_top_countries (DocContext *ctx,
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
static void
note_country (DocContext *ctx,
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

/* ------------------------------------------------------------------ */
/* Text helpers                                                        */

static char *
token_text (DocContext *ctx,
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

static gboolean
punct_is (DocContext *ctx,
          guint       i,
          gunichar    c)
{
  return i < ctx_n_tokens (ctx) && (ctx_token (ctx, i)->flags & TOK_PUNCT) &&
         ctx_token (ctx, i)->punct == c;
}

static gboolean
is_determiner (DocContext *ctx,
               guint       i)
{
  static const char *dets[] = { "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", NULL };

  return is_word (ctx, i) && g_strv_contains (dets, ctx_key (ctx, i));
}

/* Looks up the longest lexicon phrase starting at token @i (dashes glued
 * inside it are skipped: "Guinea-Bissau"). Returns the number of tokens. */
guint
match_phrase_at (DocContext    *ctx,
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

      if (t->flags & TOK_WORD)
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
          g_string_append (key, ctx_key (ctx, idx[k]));
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

static gboolean
lexicon_starts_at (DocContext *ctx,
                   guint       i)
{
  const GArray *matches;

  return match_phrase_at (ctx, i, &matches) > 0;
}

/* The best non-title lexicon entry for tokens [i, i+n): names must be
 * written with a capital, acronyms in capitals ("us" is not the US). */
static const LexMatch *
pick_entity_match (DocContext   *ctx,
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
        if (m->acronym && !(first->flags & TOK_ALLCAPS) &&
            ctx_token (ctx, i)->end - ctx_token (ctx, i)->start > 1 &&
            !strchr (ctx->document->text + first->start, '.'))
          continue;
        return m;
      }
  return NULL;
}

static const LexMatch *
pick_title_match (const GArray *matches)
{
  for (guint k = 0; matches != NULL && k < matches->len; k++)
    {
      const LexMatch *m = &g_array_index (matches, LexMatch, k);

      if (m->kind == LEX_TITLE)
        return m;
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Mentions                                                            */

static Mention *
add_mention (DocContext    *ctx,
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
  m.type = type;
  m.kind = kind;
  m.holder_country = -1;
  m.holder_org = -1;
  m.quoted = (ctx_token (ctx, first)->flags & TOK_QUOTED) != 0;
  m.possessive = (ctx_token (ctx, last - 1)->flags & TOK_POSSESSIVE) != 0;
  g_array_append_val (ctx->mentions, m);
  if (type == ENT_ENTITY_COUNTRY && kind != MK_COLLECTIVE)
    note_country (ctx, entity);
  return &g_array_index (ctx->mentions, Mention, ctx->mentions->len - 1);
}

static Mention *
last_mention (DocContext *ctx)
{
  return ctx->mentions->len > 0 ? ctx_mention (ctx, ctx->mentions->len - 1) : NULL;
}

/* The country or organization named right before token @i ("Belarusian",
 * "Iran's", "SCO"), which an office that follows is held for. */
static void
holder_before (DocContext *ctx,
               guint       i,
               int        *country,
               int        *org)
{
  Mention *m = last_mention (ctx);

  *country = -1;
  *org = -1;
  /* A self mention ("our President" in a quotation) stands for the
   * speaker's country, which is known only once the sentence is read. */
  if (m == NULL || m->last != i || m->entity < 0)
    return;
  if (m->type == ENT_ENTITY_COUNTRY && m->kind != MK_COLLECTIVE)
    {
      const char *code = g_hash_table_lookup (doc_entity (ctx, m->entity)->attributes, "code");

      *country = ent_lexicon_find_country (ctx->lexicon, code);
    }
  else if (m->type == ENT_ENTITY_ORGANIZATION)
    *org = m->entity;
}

/* Name words from @i: capitalised words, particles and glued dashes between
 * them, stopping at anything the lexicon knows. Returns the token count. */
/* Whether the lexicon entry at @j ends a name. Right after a title, a
 * place is a first name ("President Milan Jovic", "Jordan Bardella"). */
static gboolean
lexicon_ends_name (DocContext *ctx,
                   guint       j,
                   gboolean    after_title)
{
  const GArray *matches;

  if (match_phrase_at (ctx, j, &matches) == 0)
    return FALSE;
  if (!after_title)
    return TRUE;
  for (guint k = 0; k < matches->len; k++)
    {
      LexKind kind = g_array_index (matches, LexMatch, k).kind;

      if (kind != LEX_PLACE && kind != LEX_CAPITAL)
        return TRUE;
    }
  return FALSE;
}

static guint
scan_name (DocContext *ctx,
           guint       i,
           gboolean    allow_stop_first,
           gboolean    after_title)
{
  guint j = i, words = 0, end = i;

  while (j < ctx_n_tokens (ctx) && words < MAX_NAME_WORDS)
    {
      EntToken *t = ctx_token (ctx, j);

      if (t->flags & TOK_WORD)
        {
          gboolean particle = !(t->flags & TOK_CAP) && words > 0 &&
                              ent_name_is_particle (ctx_key (ctx, j));

          if (particle)
            {
              j++;
              continue;
            }
          if (!(t->flags & TOK_CAP) || (t->flags & (TOK_DOMAIN | TOK_NUMBER)))
            break;
          if ((t->flags & TOK_ALLCAPS) && t->end - t->start > 1)
            break;
          if ((ctx_triggers (ctx, j) & TRIG_STOP) && !(words == 0 && allow_stop_first))
            break;
          if (lexicon_ends_name (ctx, j, after_title))
            break;
          words++;
          j++;
          end = j;
          if (t->flags & TOK_POSSESSIVE)
            break;
        }
      else if ((t->flags & TOK_JOINED) && words > 0)
        {
          /* "Park Ji-hoon": a short lower-case part after a dash belongs to
           * the name; "-led", "-based" do not. */
          static const char *suffixes[] = { "led", "based", "backed", "born", "owned", "run", "era", "style",
                                            "made", "bound", "linked", "held", "like", NULL };

          if (is_word (ctx, j + 1) && !(ctx_token (ctx, j + 1)->flags & TOK_CAP))
            {
              if (ctx_token (ctx, j + 1)->end - ctx_token (ctx, j + 1)->start > 4 ||
                  g_strv_contains (suffixes, ctx_key (ctx, j + 1)))
                break;
              j += 2;
              end = j;
              continue;
            }
          j++;
        }
      else if (punct_is (ctx, j, '.') && words > 0 && j == end &&
               ctx_token (ctx, j - 1)->end - ctx_token (ctx, j - 1)->start == 1)
        j++;  /* an initial: "George W. Bush" */
      else
        break;
    }
  return end - i;
}

static Person *
find_person (DocContext *ctx,
             const char *given,
             const char *surname)
{
  const GArray *candidates = persons_with_word (ctx, surname);
  Person *found = NULL;

  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      Person *p = &g_array_index (ctx->persons, Person, g_array_index (candidates, guint, i));

      if (!g_str_equal (p->surname, surname))
        continue;
      if (!ent_given_names_compatible (p->given, given))
        continue;
      /* The fuller match wins: "Ali Khamenei" over another Khamenei. */
      if (found == NULL || g_str_equal (p->given, given))
        found = p;
    }
  return found;
}

/* "Wang" for "Wang Lei", "Faisal" for "Faisal bin Jassim Al Thani",
 * "Monteiro" for "Rafael Monteiro Lins": a word of exactly one person's name. */
static Person *
find_person_by_any_name (DocContext *ctx,
                         const char *word)
{
  const GArray *candidates = persons_with_word (ctx, word);
  Person *found = NULL;

  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      Person *p = &g_array_index (ctx->persons, Person, g_array_index (candidates, guint, i));
      g_auto(GStrv) given = g_strsplit (p->given, " ", -1);

      if (!g_strv_contains ((const char * const *) given, word))
        continue;
      if (found != NULL)
        return NULL;
      found = p;
    }
  return found;
}

static int
person_entity (DocContext *ctx,
               guint       first,
               guint       last,
               gboolean    create)
{
  g_autofree char *name = token_text (ctx, first, last);
  g_autofree char *key = ent_name_key (name);
  g_autofree char *given = NULL;
  g_autofree char *surname = NULL;
  Person *person;

  ent_person_name_split (key, &given, &surname);
  if (*surname == '\0')
    return -1;

  person = find_person (ctx, given, surname);
  if (person == NULL && *given == '\0')
    person = find_person_by_any_name (ctx, surname);
  if (person != NULL)
    {
      EntExtractedEntity *entity = doc_entity (ctx, person->entity);

      /* A fuller form of the name becomes the canonical one. */
      if (strlen (given) > strlen (person->given))
        {
          ent_extracted_entity_add_alias (entity, entity->name);
          g_free (entity->name);
          entity->name = g_strdup (name);
          g_free (entity->key);
          entity->key = g_strdup (key);
          g_free (person->given);
          person->given = g_strdup (given);
          index_person_words (ctx, (guint) (person - (Person *) ctx->persons->data), given);
          g_ptr_array_remove (entity->aliases, (gpointer) name);
          for (guint k = 0; k < entity->aliases->len; k++)
            if (g_str_equal (g_ptr_array_index (entity->aliases, k), name))
              g_ptr_array_remove_index (entity->aliases, k--);
        }
      return person->entity;
    }

  if (!create)
    return -1;

  {
    g_autofree char *pkey = g_strconcat ("P:", key, NULL);
    Person p = { 0 };

    p.entity = ensure_entity (ctx, pkey, ENT_ENTITY_PERSON, name);
    p.surname = g_steal_pointer (&surname);
    p.given = g_steal_pointer (&given);
    p.country = -1;
    p.org = -1;
    g_array_append_val (ctx->persons, p);
    if ((guint) p.entity >= ctx->person_of_entity->len)
      {
        guint old_len = ctx->person_of_entity->len;

        g_array_set_size (ctx->person_of_entity, p.entity + 1);
        for (guint k = old_len; k < ctx->person_of_entity->len; k++)
          g_array_index (ctx->person_of_entity, int, k) = -1;
      }
    g_array_index (ctx->person_of_entity, int, p.entity) = (int) ctx->persons->len - 1;
    /* The surname whole ("al sisi"), as find_person looks it up. */
    index_person_word (ctx, ctx->persons->len - 1, p.surname);
    index_person_words (ctx, ctx->persons->len - 1, p.given);
    return p.entity;
  }
}

static void
person_set_office (DocContext *ctx,
                   int         entity,
                   const char *role,
                   int         country,
                   int         org)
{
  Person *p = doc_person_of (ctx, entity);

  if (p == NULL || role == NULL)
    return;
  /* The first office the text gives is the one descriptions refer to. */
  if (p->role == NULL)
    {
      guint index = (guint) (p - (Person *) ctx->persons->data);

      p->role = g_strdup (role);
      p->country = country;
      p->org = org;
      g_array_append_val (ctx->office_holders, index);
    }
  else if (p->country < 0 && country >= 0 && g_str_equal (p->role, role))
    p->country = country;
}

static void
emit_office (DocContext *ctx,
             int         person,
             const char *role,
             int         country,
             int         org)
{
  int holder = -1;

  person_set_office (ctx, person, role, country, org);
  if (ctx->discover || role == NULL)
    return;
  if (country >= 0)
    holder = doc_country_entity (ctx, country);
  else if (org >= 0)
    holder = org;
  if (holder >= 0)
    add_relation (ctx, ENT_RELATION_HOLDS_OFFICE, person, holder, role);
}

/* Does the word at @i make the capitalised words before it a person? */
static gboolean
person_context_after (DocContext *ctx,
                      guint       i)
{
  guint32 trig;

  /* "X, the president of Y" / "X, who" / "X and his delegation" */
  if (punct_is (ctx, i, ',') && (key_is (ctx, i + 1, "who") || is_determiner (ctx, i + 1)))
    return TRUE;
  if (key_is (ctx, i, "and") && (key_is (ctx, i + 1, "his") || key_is (ctx, i + 1, "her")))
    return TRUE;
  /* "X also met", "X later said" */
  if (is_word (ctx, i) && g_str_has_suffix (ctx_key (ctx, i), "ly") && !(ctx_token (ctx, i)->flags & TOK_CAP))
    i++;
  if (key_is (ctx, i, "also") || key_is (ctx, i, "then") || key_is (ctx, i, "has") || key_is (ctx, i, "had") ||
      key_is (ctx, i, "was") || key_is (ctx, i, "will") || key_is (ctx, i, "would"))
    i++;
  if (!is_word (ctx, i))
    return FALSE;
  trig = ctx_triggers (ctx, i);
  return (trig & PERSON_VERBS) != 0 && !(ctx_token (ctx, i)->flags & TOK_CAP);
}

static gboolean
person_context_before (DocContext *ctx,
                       guint       i)
{
  static const char *words[] = { "with", "by", "told", "met", "meets", "invited", "received",
                                 "hosted", "welcomed", "counterpart", "ally", NULL };

  return i > 0 && is_word (ctx, i - 1) && g_strv_contains (words, ctx_key (ctx, i - 1));
}

/* A sentence set in title case ("Sanctioned States Should Cooperate"): its
 * capitals say nothing about names. */
static gboolean
is_headline (DocContext *ctx)
{
  static const char *small_words[] = { "with", "from", "into", "onto", "over", "upon", "amid", "than",
                                       "that", "this", NULL };
  guint words = 0;

  /* Title case capitalises every word but the small ones. */
  for (guint i = 0; i < ctx_n_tokens (ctx); i++)
    {
      EntToken *t = ctx_token (ctx, i);

      if (!(t->flags & TOK_WORD) || (t->flags & TOK_NUMBER))
        continue;
      words++;
      if (!(t->flags & TOK_CAP) && t->end - t->start >= 4 && !g_strv_contains (small_words, ctx_key (ctx, i)))
        return FALSE;
    }
  return words >= 4;
}

/* ------------------------------------------------------------------ */
/* Titles: "Belarusian President Alexander Lukashenko", "the Leader"   */

/* Plural offices: "the presidents of Iran and Belarus", "the two prime
 * ministers". Returns the title and sets @out_len to its number of tokens. */
static const LexMatch *
plural_title_span (DocContext *ctx,
                   guint       i,
                   guint      *out_len)
{
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint n = 0; n < 4 && i + n < ctx_n_tokens (ctx) && is_word (ctx, i + n); n++)
    {
      const char *word = ctx_key (ctx, i + n);
      gsize len = strlen (word);
      const LexMatch *m;

      if (n > 0)
        g_string_append_c (key, ' ');
      if (len >= 4 && word[len - 1] == 's')
        {
          g_autofree char *singular = g_strdup_printf ("%s%.*s", key->str, (int) len - 1, word);

          m = pick_title_match (ent_lexicon_lookup_phrase (ctx->lexicon, singular));
          if (m != NULL)
            {
              *out_len = n + 1;
              return m;
            }
        }
      g_string_append (key, word);
    }
  return NULL;
}


static int
collective_persons (DocContext  *ctx,
                    const char  *role,
                    int          countries[2],
                    int         *second);

/* A country named right after a person: "Mauro Teixeira Costa of Brazil". */
static int
country_of_at (DocContext *ctx,
               guint       k,
               guint      *out_len)
{
  const GArray *matches;
  guint len;
  const LexMatch *cm;

  if (!key_is (ctx, k, "of") || !is_word (ctx, k + 1))
    return -1;
  len = match_phrase_at (ctx, k + 1, &matches);
  cm = len > 0 ? pick_entity_match (ctx, k + 1, matches) : NULL;
  if (cm == NULL || cm->kind != LEX_COUNTRY)
    return -1;
  *out_len = len + 1;
  return (int) cm->index;
}

/* "Their foreign ministers, Mauro Teixeira Costa of Brazil and Alicia
 * Beltrán Ruiz of Mexico, signed": each name takes the office. */
static guint
match_plural_office_names (DocContext     *ctx,
                           guint           i,
                           guint           comma,
                           const LexTitle *title)
{
  int named[2] = { -1, -1 }, countries[2] = { -1, -1 };
  guint k = comma + 1;
  Mention *mention;

  for (guint n = 0; n < 2; n++)
    {
      guint len = scan_name (ctx, k, TRUE, TRUE), of_len = 0;

      if (len == 0)
        return 0;
      named[n] = person_entity (ctx, k, k + len, TRUE);
      k += len;
      if ((countries[n] = country_of_at (ctx, k, &of_len)) >= 0)
        k += of_len;
      if (n == 0 && !key_is (ctx, k++, "and"))
        return 0;
    }
  for (guint n = 0; n < 2; n++)
    if (named[n] >= 0)
      emit_office (ctx, named[n], title->role, countries[n], -1);
  if (ctx->discover || named[0] < 0 || named[1] < 0 || named[0] == named[1])
    return comma - i;
  mention = add_mention (ctx, i, comma, named[0], ENT_ENTITY_PERSON, MK_COLLECTIVE);
  mention->entity2 = named[1];
  mention->plural = TRUE;
  ctx->collective[0] = named[0];
  ctx->collective[1] = named[1];
  return comma - i;
}

/* "the presidents of Iran and Belarus": two people by office; "the foreign
 * ministers of the two countries, Aigerim Nurpeisova and Hakan Demirel":
 * two people named, each taking the office. */
static guint
match_plural_office (DocContext *ctx,
                     guint       i)
{
  guint title_len = 0;
  const LexMatch *m = plural_title_span (ctx, i, &title_len);
  const LexTitle *title;
  int countries[2] = { -1, -1 };
  int named[2] = { -1, -1 };
  gboolean explicit = FALSE;
  guint j = i + title_len, n = 0;
  Mention *mention;
  int a, b;

  if (m == NULL)
    return 0;
  title = ent_lexicon_get_title (ctx->lexicon, m->index);
  if (title->role == NULL)
    return 0;
  if (punct_is (ctx, j, ','))
    return match_plural_office_names (ctx, i, j, title);
  if (!key_is (ctx, j, "of"))
    return 0;
  j++;
  if (key_is (ctx, j, "the") && key_is (ctx, j + 1, "two") && is_word (ctx, j + 2))
    j += 3;
  else if (key_is (ctx, j, "both") && is_word (ctx, j + 1))
    j += 2;
  else
    {
      while (j < ctx_n_tokens (ctx) && n < 2)
        {
          const GArray *matches;
          guint len = is_word (ctx, j) ? match_phrase_at (ctx, j, &matches) : 0;
          const LexMatch *cm = len > 0 ? pick_entity_match (ctx, j, matches) : NULL;

          if (cm == NULL || (cm->kind != LEX_COUNTRY && cm->kind != LEX_CAPITAL))
            break;
          countries[n++] = (int) cm->index;
          j += len;
          if (key_is (ctx, j, "and") || punct_is (ctx, j, ','))
            j++;
          else
            break;
        }
      if (n < 2)
        return 0;
      explicit = TRUE;
      if (punct_is (ctx, j - 1, ','))
        j--;
    }

  /* The two names in apposition, in the order of the countries. */
  if (punct_is (ctx, j, ','))
    {
      guint k = j + 1, len1 = scan_name (ctx, k, TRUE, TRUE), len2;

      if (len1 > 0 && key_is (ctx, k + len1, "and") && (len2 = scan_name (ctx, k + len1 + 1, TRUE, TRUE)) > 0)
        {
          named[0] = person_entity (ctx, k, k + len1, TRUE);
          named[1] = person_entity (ctx, k + len1 + 1, k + len1 + 1 + len2, TRUE);
          for (guint p = 0; p < 2; p++)
            if (named[p] >= 0)
              emit_office (ctx, named[p], title->role, explicit ? countries[p] : -1, -1);
        }
    }
  if (ctx->discover)
    return j - i;

  if (named[0] >= 0 && named[1] >= 0 && named[0] != named[1])
    a = named[0], b = named[1];
  else
    a = collective_persons (ctx, title->role, explicit ? countries : NULL, &b);
  mention = add_mention (ctx, i, j, a, ENT_ENTITY_PERSON, MK_COLLECTIVE);
  mention->entity2 = b;
  mention->plural = TRUE;
  if (a >= 0 && b >= 0)
    {
      ctx->collective[0] = a;
      ctx->collective[1] = b;
    }
  for (guint k = 0; explicit && k < 2; k++)
    {
      int c = doc_country_entity (ctx, countries[k]);

      doc_count_mention (ctx, c, NULL);
      note_country (ctx, c);
    }
  return j - i;
}

/* The noun an office is named by: "Minister" in "Minister of State for
 * Foreign Trade" and in "Foreign Minister". */
static gboolean
role_head_is (const char *role,
              const char *word)
{
  const char *of = strstr (role, " of ");
  const char *for_ = strstr (role, " for ");
  const char *end = of != NULL ? of : for_ != NULL ? for_ : role + strlen (role);
  const char *start = end;

  while (start > role && start[-1] != ' ')
    start--;
  return (gsize) (end - start) == strlen (word) && g_ascii_strncasecmp (start, word, end - start) == 0 &&
         g_ascii_strncasecmp (role, "vice", 4) != 0 && g_ascii_strncasecmp (role, "deputy", 6) != 0 &&
         g_ascii_strncasecmp (role, "former", 6) != 0;
}

static gboolean
role_matches (const char *have,
              const char *want)
{
  gsize lh, lw;

  if (have == NULL || want == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (have, want) == 0)
    return TRUE;
  /* A one-word description ("the minister") names any office of that kind. */
  if (strchr (want, ' ') == NULL && role_head_is (have, want))
    return TRUE;
  if (strchr (have, ' ') == NULL && role_head_is (want, have))
    return TRUE;
  /* "Leader" names the "Supreme Leader" (and the other way round);
   * "President" is not the "Vice President". */
  lh = strlen (have), lw = strlen (want);
  if (lh < lw)
    {
      const char *t = have;

      have = want, want = t;
      lh = strlen (have), lw = strlen (want);
    }
  return lh > lw && have[lh - lw - 1] == ' ' && g_ascii_strcasecmp (have + lh - lw, want) == 0 &&
         g_ascii_strncasecmp (have, "vice", 4) != 0 && g_ascii_strncasecmp (have, "deputy", 6) != 0 &&
         g_ascii_strncasecmp (have, "former", 6) != 0 && g_ascii_strncasecmp (have, "first deputy", 12) != 0;
}

/* The person of the document holding @role for @country (-1: any). */
static int
person_by_role (DocContext *ctx,
                const char *role,
                int         country,
                int         exclude)
{
  int found = -1, in_country = -1;
  guint n = 0, n_in_country = 0;

  for (guint i = 0; i < ctx->office_holders->len; i++)
    {
      Person *p = &g_array_index (ctx->persons, Person, g_array_index (ctx->office_holders, guint, i));

      if (p->entity == exclude || !role_matches (p->role, role))
        continue;
      if (country >= 0 && p->country >= 0 && p->country != country)
        continue;
      if (country >= 0 && p->country == country)
        {
          in_country = p->entity;
          n_in_country++;
        }
      found = p->entity;
      n++;
    }
  /* Only one person may fit; two ministers of one country are no answer. */
  if (n_in_country > 0)
    return n_in_country == 1 ? in_country : -1;
  return n == 1 ? found : -1;
}

static int
person_by_country (DocContext *ctx,
                   int         country,
                   int         exclude)
{
  int found = -1;
  guint n = 0;

  for (guint i = 0; i < ctx->office_holders->len; i++)
    {
      Person *p = &g_array_index (ctx->persons, Person, g_array_index (ctx->office_holders, guint, i));

      if (p->entity != exclude && p->country == country && country >= 0)
        {
          found = p->entity;
          n++;
        }
    }
  return n == 1 ? found : -1;
}

static int
collective_persons (DocContext *ctx,
                    const char *role,
                    int         countries[2],
                    int        *second)
{
  int a = -1, b = -1;

  *second = -1;
  if (countries != NULL && countries[0] >= 0)
    {
      a = person_by_role (ctx, role, countries[0], -1);
      b = person_by_role (ctx, role, countries[1], a);
    }
  if ((a < 0 || b < 0) && role != NULL)
    {
      /* The two holders of that office in the document. */
      int found[2] = { -1, -1 };
      guint n = 0;

      for (guint i = 0; i < ctx->office_holders->len && n <= 2; i++)
        {
          Person *p = &g_array_index (ctx->persons, Person, g_array_index (ctx->office_holders, guint, i));

          if (role_matches (p->role, role))
            {
              if (n < 2)
                found[n] = p->entity;
              n++;
            }
        }
      if (n == 2)
        a = found[0], b = found[1];
    }
  if (a < 0 || b < 0)
    {
      a = ctx->recent_persons[0];
      b = ctx->recent_persons[1];
    }
  if (a < 0 || b < 0 || a == b)
    return -1;
  *second = b;
  return a;
}

/* An unresolved description ("the Belarusian president") becomes an entity
 * of its own that the project may know: the resolver looks its office up. */
static int
role_only_entity (DocContext *ctx,
                  const char *role,
                  int         country)
{
  const LexCountry *c;
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  EntExtractedEntity *entity;
  int index;

  if (role == NULL || country < 0)
    return -1;
  c = ent_lexicon_get_country (ctx->lexicon, country);
  name = g_strdup_printf ("%s of %s", role, c->name);
  key = g_strconcat ("R:", name, NULL);
  index = lookup_entity (ctx, key);
  if (index >= 0)
    return index;

  index = ensure_entity (ctx, key, ENT_ENTITY_PERSON, name);
  entity = doc_entity (ctx, index);
  entity->role_only = TRUE;
  entity->role = g_strdup (role);
  entity->role_country = ent_name_key (c->name);
  {
    RoleOnly r = { index, entity->role, country };

    g_array_append_val (ctx->role_only, r);
  }
  return index;
}

static int
resolve_description (DocContext *ctx,
                     const char *role,
                     int         country,
                     gboolean    subject)
{
  int person = person_by_role (ctx, role, country, -1);

  if (person >= 0)
    return person;
  /* "the Ethiopian leader": the one person of that country with an office. */
  if (g_ascii_strcasecmp (role, "Leader") == 0 && country >= 0 &&
      (person = person_by_country (ctx, country, -1)) >= 0)
    return person;

  /* "Ghalibaf held a meeting … The speaker said": a description right after
   * a sentence about someone whose office the text has not given yet. */
  if (subject && country < 0 && ctx->last_subject >= 0)
    {
      Person *p = doc_person_of (ctx, ctx->last_subject);

      if (p != NULL && p->role == NULL)
        {
          person_set_office (ctx, p->entity, role, country, -1);
          return p->entity;
        }
    }
  return role_only_entity (ctx, role, country);
}

static int resolve_pronoun (DocContext *ctx, guint at);

/* "his Iranian counterpart": the person of the other country holding the
 * same office as the one "his" refers to. */
/* The person named right after a comma, behind any honorifics; the name
 * must end the phrase ("…, Ayatollah Ali Khamenei." or "…, X, said"). */
static int
person_after_comma (DocContext *ctx,
                    guint       j)
{
  guint len;

  for (;;)
    {
      const GArray *matches;
      guint tlen = is_word (ctx, j) ? match_phrase_at (ctx, j, &matches) : 0;
      const LexMatch *tm = tlen > 0 ? pick_title_match (matches) : NULL;

      if (tm == NULL || ent_lexicon_get_title (ctx->lexicon, tm->index)->klass != LEX_TITLE_HONORIFIC)
        break;
      j += tlen;
      if (punct_is (ctx, j, '.'))
        j++;
    }
  len = scan_name (ctx, j, TRUE, TRUE);
  if (len == 0 || !(j + len >= ctx_n_tokens (ctx) || (ctx_token (ctx, j + len)->flags & TOK_PUNCT)))
    return -1;
  return person_entity (ctx, j, j + len, TRUE);
}

/* "his Iranian counterpart": the person of the other country holding the
 * same office as the one "his" refers to. "his counterpart, Alexander
 * Lukashenko": the name follows and takes that office. */
static guint
match_counterpart (DocContext *ctx,
                   guint       i)
{
  int country = -1, org = -1, owner, person = -1, named = -1;
  guint start = i;
  Person *p;

  holder_before (ctx, i, &country, &org);
  if (country >= 0)
    {
      ctx->mentions->len--;  /* the demonym is part of this description */
      start = ctx_mention (ctx, ctx->mentions->len)->first;
    }
  /* "their South Korean counterparts, Foreign Minister A and Defence
   * Minister B": the offices named next are South Korea's. */
  if (key_is (ctx, i, "counterparts"))
    {
      if (country >= 0)
        {
          ctx->apposition_country = country;
          ctx->apposition_until = i + 16;
        }
      return 1;
    }
  if (!(start > 0 && (key_is (ctx, start - 1, "his") || key_is (ctx, start - 1, "her"))))
    return 1;
  owner = resolve_pronoun (ctx, start - 1);
  p = owner >= 0 ? doc_person_of (ctx, owner) : NULL;

  if (punct_is (ctx, i + 1, ','))
    named = person_after_comma (ctx, i + 2);
  else if (scan_name (ctx, i + 1, FALSE, TRUE) > 0)
    named = person_entity (ctx, i + 1, i + 1 + scan_name (ctx, i + 1, FALSE, TRUE), TRUE);
  if (named >= 0)
    {
      /* Creating the named person may have moved the array p points into. */
      p = owner >= 0 ? doc_person_of (ctx, owner) : NULL;
      if (named != owner && p != NULL && p->role != NULL)
        {
          g_autofree char *role = g_strdup (p->role);

          emit_office (ctx, named, role, country, -1);
        }
      return 1;
    }
  if (ctx->discover)
    return 1;

  if (p != NULL && p->role != NULL)
    person = person_by_role (ctx, p->role, country, owner);
  if (person < 0 && country >= 0)
    person = person_by_country (ctx, country, owner);
  if (person >= 0)
    {
      Mention *m = add_mention (ctx, start - 1, i + 1, person, ENT_ENTITY_PERSON, MK_ROLE);

      m->role = p != NULL ? p->role : NULL;
      doc_count_mention (ctx, person, NULL);
    }
  return 1;
}

/* After "X," — attaches "the President of Belarus" to X. */
static int
apposition_owner (DocContext *ctx,
                  guint       start)
{
  Mention *m;
  guint comma = start;

  if (comma == 0)
    return -1;
  comma--;
  if (!punct_is (ctx, comma, ','))
    return -1;
  for (guint k = ctx->mentions->len; k > 0; k--)
    {
      m = ctx_mention (ctx, k - 1);
      if (m->last == comma && m->type == ENT_ENTITY_PERSON && m->kind == MK_NAME)
        return m->entity;
      if (m->last <= comma)
        break;
    }
  return -1;
}

/* "Leader" is too common a word for the lexicon, but "Iran's leader", "the
 * Leader" and "opposition leader X" describe an office all the same; its role
 * matches any office ending in it ("Supreme Leader"). */
static const LexTitle leader_title = { (char *) "Leader", LEX_TITLE_DESCRIPTOR, LEX_HOLDER_ANY, -1 };

static guint
match_title (DocContext *ctx,
             guint       i)
{
  const GArray *matches;
  guint len = match_phrase_at (ctx, i, &matches);
  const LexMatch *m = pick_title_match (len > 0 ? matches : NULL);
  const LexTitle *title, *office = NULL;
  int country = -1, org = -1;
  guint j, name_len, desc_start = i;
  gboolean determiner;
  int owner, person;
  g_autofree char *role_buffer = NULL;
  const char *role = NULL;

  if (m == NULL && key_is (ctx, i, "leader") && i > 0 &&
      (is_determiner (ctx, i - 1) || (ctx_token (ctx, i - 1)->flags & TOK_POSSESSIVE) ||
       (last_mention (ctx) != NULL && last_mention (ctx)->last == i && last_mention (ctx)->type == ENT_ENTITY_COUNTRY)))
    {
      title = &leader_title;
      len = 1;
    }
  else if (m == NULL)
    return 0;
  else
    title = ent_lexicon_get_title (ctx->lexicon, m->index);
  if (title->klass != LEX_TITLE_HONORIFIC)
    office = title;

  /* "the Prime Minister's office" names no one. */
  if (ctx_token (ctx, i + len - 1)->flags & TOK_POSSESSIVE)
    return len;

  /* Who the office is held for, when the text says it first:
   * "Belarusian President", "Iran's Supreme Leader", "SCO Secretary-General". */
  holder_before (ctx, i, &country, &org);
  if (country >= 0 || org >= 0)
    desc_start = ctx_mention (ctx, ctx->mentions->len - 1)->first;

  /* More titles may follow: "Supreme Leader Ayatollah Seyyed Ali Khamenei". */
  j = i + len;
  for (;;)
    {
      const GArray *more;
      guint more_len;
      const LexMatch *mm;

      if (punct_is (ctx, j, '.'))
        j++;
      more_len = j < ctx_n_tokens (ctx) && is_word (ctx, j) ? match_phrase_at (ctx, j, &more) : 0;
      mm = more_len > 0 ? pick_title_match (more) : NULL;
      if (mm == NULL)
        break;
      if (office == NULL && ent_lexicon_get_title (ctx->lexicon, mm->index)->klass != LEX_TITLE_HONORIFIC)
        office = ent_lexicon_get_title (ctx->lexicon, mm->index);
      j += more_len;
    }

  /* "President of Belarus", "Secretary-General of the United Nations" */
  if (office != NULL && key_is (ctx, j, "of"))
    {
      guint k = j + 1;
      guint clen;

      if (key_is (ctx, k, "the"))
        k++;
      clen = k < ctx_n_tokens (ctx) && is_word (ctx, k) ? match_phrase_at (ctx, k, &matches) : 0;
      if (clen > 0)
        {
          const LexMatch *cm = pick_entity_match (ctx, k, matches);

          if (cm != NULL && (cm->kind == LEX_COUNTRY || cm->kind == LEX_CAPITAL || cm->kind == LEX_DEMONYM))
            {
              int ce = doc_country_entity (ctx, (int) cm->index);

              country = (int) cm->index;
              add_mention (ctx, k, k + clen, ce, ENT_ENTITY_COUNTRY, MK_NAME);
              doc_count_mention (ctx, ce, NULL);
              j = k + clen;
            }
          else if (cm != NULL && cm->kind == LEX_ORG)
            {
              const LexOrg *lo = ent_lexicon_get_org (ctx->lexicon, cm->index);

              org = doc_org_entity (ctx, lo->name, lo->kind, lo->country);
              add_mention (ctx, k, k + clen, org, ENT_ENTITY_ORGANIZATION, MK_NAME);
              doc_count_mention (ctx, org, NULL);
              j = k + clen;
            }
        }
    }
  /* "minister of international relations", "minister for trade" */
  if (office != NULL && (key_is (ctx, j, "of") || key_is (ctx, j, "for")))
    {
      guint k = j + 1;

      while (k < ctx_n_tokens (ctx) && k - j <= 4 && is_word (ctx, k) &&
             !(ctx_token (ctx, k)->flags & TOK_CAP) && !(ctx_triggers (ctx, k) & TRIG_STOP))
        k++;
      if (k > j + 1 && (punct_is (ctx, k, ',') || (k < ctx_n_tokens (ctx) && (ctx_token (ctx, k)->flags & TOK_CAP))))
        {
          g_autofree char *complement = token_text (ctx, j, k);

          role_buffer = g_strdup_printf ("%s %s", office->role, complement);
          role = role_buffer;
          j = k;
        }
    }
  if (office != NULL && role == NULL)
    role = office->role;

  /* "its foreign minister": the country the sentence is about. */
  if (office != NULL && country < 0 && org < 0 && desc_start > 0 &&
      (key_is (ctx, desc_start - 1, "its") || key_is (ctx, desc_start - 1, "their")))
    {
      for (guint k = ctx->mentions->len; k > 0 && country < 0; k--)
        {
          Mention *m = ctx_mention (ctx, k - 1);

          if (m->type == ENT_ENTITY_COUNTRY && m->kind != MK_COLLECTIVE && m->entity >= 0)
            country = ent_lexicon_find_country (ctx->lexicon,
                                                g_hash_table_lookup (doc_entity (ctx, m->entity)->attributes, "code"));
        }
    }

  if (office != NULL && country < 0 && org < 0 && office->country >= 0)
    country = office->country;
  if (office != NULL && country < 0 && org < 0 && i < ctx->apposition_until)
    country = ctx->apposition_country;

  if (key_is (ctx, j, "the") && is_word (ctx, j + 1) && !(ctx_token (ctx, j + 1)->flags & TOK_CAP))
    return j - i;

  /* A name follows: a person introduced with a title. */
  name_len = scan_name (ctx, j, TRUE, TRUE);
  if (name_len > 0)
    {
      person = person_entity (ctx, j, j + name_len, TRUE);
      if (person >= 0)
        {
          g_autofree char *surface = token_text (ctx, j, j + name_len);
          Mention *pm = add_mention (ctx, j, j + name_len, person, ENT_ENTITY_PERSON, MK_NAME);

          pm->titled = TRUE;
          doc_count_mention (ctx, person, surface);
          emit_office (ctx, person, role, country, org);
        }
      return j + name_len - i;
    }

  if (office == NULL)
    return j - i;

  /* "Iran's leader, Ayatollah Ali Khamenei": the name after a comma. */
  if (punct_is (ctx, j, ',') && (person = person_after_comma (ctx, j + 1)) >= 0)
    {
      emit_office (ctx, person, role, country, org);
      return j - i;
    }

  /* No name: a description. "Alexander Lukashenko, the President of Belarus"
   * is an apposition; "the Belarusian president said" refers back. */
  determiner = desc_start > 0 && is_determiner (ctx, desc_start - 1);
  owner = apposition_owner (ctx, determiner ? desc_start - 1 : desc_start);
  if (owner >= 0)
    {
      emit_office (ctx, owner, role, country, org);
      return j - i;
    }
  if (ctx->discover)
    return j - i;

  if (determiner || (ctx_token (ctx, i)->flags & TOK_CAP) || country >= 0)
    {
      gboolean subject = desc_start <= 1;
      guint first = determiner ? desc_start - 1 : desc_start;
      Mention *rm;

      person = resolve_description (ctx, role, country, subject);
      if (person < 0)
        return j - i;
      /* The demonym before the office belongs to this description. */
      if (desc_start < i)
        ctx->mentions->len--;
      rm = add_mention (ctx, first, j, person, ENT_ENTITY_PERSON, MK_ROLE);
      rm->role = role;
      rm->holder_country = country;
      doc_count_mention (ctx, person, NULL);
      if (!doc_entity (ctx, person)->role_only)
        {
          /* "the Kazakh leader" for a president: evidence of the office the
           * text gave, not a second office named "Leader". */
          Person *p = doc_person_of (ctx, person);
          g_autofree char *own = p != NULL && p->role != NULL ? g_strdup (p->role) : NULL;

          emit_office (ctx, person, own != NULL ? own : role, country, org);
        }
    }
  return j - i;
}

/* ------------------------------------------------------------------ */
/* Projects: "North-South Transport Corridor", "Rasht–Astara railway"  */

static const char *project_heads[] = {
  "corridor", "corridors", "railway", "railroad", "pipeline", "highway", "motorway", "expressway",
  "initiative", "canal", "bridge", "tunnel", "project", "line", "road", "rail", "route", NULL
};

static const char *project_noise[] = { "the", "international", "transport", "transit", NULL };

static const char *
project_head_family (const char *head)
{
  static const struct { const char *head, *family; } families[] = {
    { "railway", "railway" }, { "railroad", "railway" }, { "rail", "railway" }, { "line", "railway" },
    { "highway", "road" }, { "motorway", "road" }, { "expressway", "road" }, { "road", "road" },
    { "corridor", "corridor" }, { "corridors", "corridor" }, { "route", "corridor" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    if (g_str_equal (head, families[i].head))
      return families[i].family;
  return head;
}

static int
project_entity (DocContext *ctx,
                guint       first,
                guint       last)
{
  g_autofree char *name = token_text (ctx, first, last);
  GString *pkey = g_string_new (NULL);
  g_autofree char *key = NULL;
  int index;

  for (guint k = first; k < last; k++)
    {
      const char *word;

      if (!is_word (ctx, k))
        continue;
      word = ctx_key (ctx, k);
      if (g_strv_contains (project_noise, word))
        continue;
      if (pkey->len > 0)
        g_string_append_c (pkey, ' ');
      /* "corridors" and "corridor" are one project, and so are the
       * "Baku-Tbilisi-Kars line" and the "Baku-Tbilisi-Kars railway". */
      if (k == last - 1)
        g_string_append (pkey, project_head_family (word));
      else
        g_string_append (pkey, word);
    }
  key = g_strconcat ("j:", pkey->str, NULL);
  index = lookup_entity (ctx, key);
  if (index < 0)
    {
      index = ensure_entity (ctx, key, ENT_ENTITY_PROJECT, name);
      g_free (doc_entity (ctx, index)->key);
      doc_entity (ctx, index)->key = g_strdup (pkey->str);
    }
  else if (strlen (name) > strlen (doc_entity (ctx, index)->name))
    {
      EntExtractedEntity *e = doc_entity (ctx, index);

      ent_extracted_entity_add_alias (e, e->name);
      g_free (e->name);
      e->name = g_strdup (name);
    }
  g_string_free (pkey, TRUE);
  return index;
}

static guint
match_project (DocContext *ctx,
               guint       i)
{
  guint j = i, caps = 0;

  if (!(ctx_token (ctx, i)->flags & TOK_CAP) || (ctx_triggers (ctx, i) & TRIG_STOP &&
      !key_is (ctx, i, "international")))
    return 0;

  while (j < ctx_n_tokens (ctx) && j - i < 14)
    {
      EntToken *t = ctx_token (ctx, j);

      if ((t->flags & TOK_WORD) && g_strv_contains (project_heads, ctx_key (ctx, j)) && caps > 0)
        {
          int project;

          if (ctx->discover)
            return j + 1 - i;
          project = project_entity (ctx, i, j + 1);
          add_mention (ctx, i, j + 1, project, ENT_ENTITY_PROJECT, MK_NAME);
          doc_count_mention (ctx, project, NULL);
          {
            g_autofree char *surface = token_text (ctx, i, j + 1);

            ent_extracted_entity_add_alias (doc_entity (ctx, project), surface);
          }
          ctx->last_project = project;
          return j + 1 - i;
        }
      if ((t->flags & TOK_WORD) && (t->flags & TOK_CAP) && !(t->flags & TOK_POSSESSIVE))
        caps++;
      else if (!(t->flags & TOK_JOINED) && !((t->flags & TOK_DASH) && caps > 0) &&
               !(key_is (ctx, j, "and") && caps > 0))
        return 0;
      j++;
    }
  return 0;
}

/* Events: "Munich Security Conference", "GCC summit", "the 45th summit of
 * the Arab League" is left alone; only capitalised names with an event word. */
static const char *event_heads[] = {
  "summit", "conference", "forum", "congress", "dialogue", "expo", "olympics", "games", "assembly",
  "cop", NULL
};

static guint
match_event (DocContext *ctx,
             guint       i)
{
  guint j = i, caps = 0;

  /* "The …" at a sentence start is no name; "Baltic", "Arab" are. */
  if (((ctx_triggers (ctx, i) & TRIG_STOP) && (ctx_token (ctx, i)->flags & TOK_FIRST)) ||
      !(ctx_token (ctx, i)->flags & (TOK_CAP | TOK_NUMBER)) || (ctx_token (ctx, i)->flags & TOK_POSSESSIVE))
    return 0;
  while (j < ctx_n_tokens (ctx) && j - i < 8)
    {
      EntToken *t = ctx_token (ctx, j);

      if ((t->flags & TOK_WORD) && caps > 0 && g_strv_contains (event_heads, ctx_key (ctx, j)) &&
          !g_str_equal (ctx_key (ctx, j), "cop") && !g_str_equal (ctx_key (ctx, j), "assembly"))
        {
          g_autofree char *name = NULL;
          g_autofree char *folded = NULL;
          g_autofree char *key = NULL;
          int event;

          const GArray *known;

          /* "Pacific Islands Forum" is an organization the lexicon knows. */
          if (match_phrase_at (ctx, i, &known) == j + 1 - i)
            for (guint k = 0; k < known->len; k++)
              if (g_array_index (known, LexMatch, k).kind == LEX_ORG)
                return 0;
          if (ctx->discover)
            return j + 1 - i;
          name = token_text (ctx, i, j + 1);
          folded = ent_name_key (name);
          key = g_strconcat ("v:", folded, NULL);
          event = lookup_entity (ctx, key);
          if (event < 0)
            {
              event = ensure_entity (ctx, key, ENT_ENTITY_EVENT, name);
              g_free (doc_entity (ctx, event)->key);
              doc_entity (ctx, event)->key = g_strdup (folded);
            }
          add_mention (ctx, i, j + 1, event, ENT_ENTITY_EVENT, MK_NAME);
          doc_count_mention (ctx, event, NULL);
          return j + 1 - i;
        }
      if ((t->flags & TOK_WORD) && (t->flags & (TOK_CAP | TOK_NUMBER)) && !(t->flags & TOK_POSSESSIVE))
        caps += (t->flags & TOK_CAP) != 0;
      else if (!(t->flags & TOK_JOINED))
        return 0;
      j++;
    }
  return 0;
}

/* "the corridor", "this railway": the last project with that head. */
static guint
match_project_reference (DocContext *ctx,
                         guint       i)
{
  const char *word;
  EntExtractedEntity *project;

  if (ctx->last_project < 0 || !is_word (ctx, i) || !is_determiner (ctx, i))
    return 0;
  if (!is_word (ctx, i + 1))
    return 0;
  word = ctx_key (ctx, i + 1);
  if (!g_strv_contains (project_heads, word))
    return 0;
  project = doc_entity (ctx, ctx->last_project);
  /* "the project" is whichever project; "the railway" the last railway. */
  if (!g_str_equal (word, "project") && !g_str_has_suffix (project->key, project_head_family (word)))
    return 0;
  add_mention (ctx, i, i + 2, ctx->last_project, ENT_ENTITY_PROJECT, MK_ROLE);
  doc_count_mention (ctx, ctx->last_project, NULL);
  return 2;
}

/* ------------------------------------------------------------------ */
/* Agreements: "a cooperation roadmap", "seven memorandums of understanding" */

typedef struct {
  const char *head;
  const char *lemma;   /* what makes two mentions one agreement */
  const char *display; /* how the lemma reads in a name */
  gboolean    strong;  /* names an agreement even without a signing verb */
} AgreementHead;

static const AgreementHead agreement_heads[] = {
  { "roadmap", "roadmap", "roadmap", TRUE },
  { "roadmaps", "roadmap", "roadmap", TRUE },
  { "memorandum", "mou", "memorandum of understanding", TRUE },
  { "memorandums", "mou", "memorandums of understanding", TRUE },
  { "memoranda", "mou", "memorandums of understanding", TRUE },
  { "mou", "mou", "memorandum of understanding", TRUE },
  { "mous", "mou", "memorandums of understanding", TRUE },
  { "agreement", "agreement", "agreement", TRUE },
  { "agreements", "agreements", "agreements", TRUE },
  { "accord", "agreement", "accord", TRUE },
  { "accords", "agreements", "accords", TRUE },
  { "treaty", "treaty", "treaty", TRUE },
  { "pact", "agreement", "pact", TRUE },
  { "deal", "deal", "deal", FALSE },
  { "deals", "deals", "deals", FALSE },
  { "contract", "contract", "contract", FALSE },
  { "contracts", "contracts", "contracts", FALSE },
  { "statement", "statement", "statement", FALSE },
  { "declaration", "declaration", "declaration", FALSE },
  { "protocol", "protocol", "protocol", FALSE },
  { "charter", "charter", "charter", FALSE },
  { "convention", "convention", "convention", FALSE },
  { "programme", "program", "programme", FALSE },
  { "program", "program", "program", FALSE },
  { "plan", "plan", "plan", FALSE },
  { "document", "document", "document", FALSE },
  { "consensus", "consensus", "consensus", FALSE },
  { "documents", "documents", "documents", FALSE },
};

static const AgreementHead *
agreement_head (DocContext *ctx,
                guint       i)
{
  if (!is_word (ctx, i) || !(ctx_triggers (ctx, i) & TRIG_AGREEMENT))
    return NULL;
  for (guint k = 0; k < G_N_ELEMENTS (agreement_heads); k++)
    if (g_str_equal (ctx_key (ctx, i), agreement_heads[k].head))
      return &agreement_heads[k];
  return NULL;
}

static gboolean
sentence_has_trigger (DocContext *ctx,
                      guint32     triggers)
{
  for (guint i = 0; i < ctx_n_tokens (ctx); i++)
    if (ctx_triggers (ctx, i) & triggers)
      return TRUE;
  return FALSE;
}

/* "seven memorandums", "8 agreements": the count right before @i, or 0. */
static guint
number_before (DocContext *ctx,
               guint       i)
{
  if (i == 0)
    return 0;
  if (ctx_token (ctx, i - 1)->flags & TOK_NUMBER)
    {
      const char *key = ctx_key (ctx, i - 1);
      guint64 v = g_ascii_strtoull (key, NULL, 10);

      return v > 0 && v < 1000 ? (guint) v : 0;
    }
  if (is_word (ctx, i - 1) && ctx_token (ctx, i - 1)->lex != NULL && ctx_token (ctx, i - 1)->lex->number > 0)
    return ctx_token (ctx, i - 1)->lex->number;
  return 0;
}

/* Countries the agreement is between: those the sentence names, else the two
 * the document is about when the sentence speaks of "the two". */
static void
agreement_parties (DocContext *ctx,
                   int         parties[2])
{
  guint n = 0;

  parties[0] = parties[1] = -1;
  for (guint k = 0; k < ctx->mentions->len && n < 2; k++)
    {
      Mention *m = ctx_mention (ctx, k);
      int c = m->type == ENT_ENTITY_COUNTRY ? m->entity : doc_entity_country (ctx, m->entity);

      if (m->kind == MK_COLLECTIVE || c < 0 || c == parties[0])
        continue;
      parties[n++] = c;
    }
  if (n < 2)
    {
      int a, b;

      doc_top_countries (ctx, &a, &b);
      if (n == 0)
        parties[0] = a, parties[1] = b;
      else if (parties[0] == a)
        parties[1] = b;
      else if (parties[0] == b)
        parties[1] = a;
    }
}

/* How good a name a mention gives an agreement. */
typedef enum {
  NAME_GENERATED,   /* "Belarus–Iran roadmap", from a bare "the roadmap" */
  NAME_MODIFIED,    /* "cooperation roadmap" */
  NAME_COMPLEMENT,  /* "agreement on the supply of defence equipment" */
  NAME_PROPER,      /* "Strategic Partnership Roadmap" */
} NameRank;

static int
agreement_entity (DocContext          *ctx,
                  const AgreementHead *head,
                  const char          *surface,
                  NameRank             rank,
                  const char          *topic)
{
  int parties[2];
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;
  const char *pa = NULL, *pb = NULL;
  int index;

  agreement_parties (ctx, parties);
  if (parties[0] >= 0)
    pa = doc_entity (ctx, parties[0])->name;
  if (parties[1] >= 0)
    pb = doc_entity (ctx, parties[1])->name;
  if (pa != NULL && pb != NULL && strcmp (pa, pb) > 0)
    {
      const char *t = pa;

      pa = pb, pb = t;
    }

  /* A weak head reads better with its modifiers: "executive program document". */
  {
    const char *what = head->strong ? head->display : surface;

    /* "an agreement on biofuels" and "an accord on visas" between the same
     * two countries are two agreements. */
    g_autofree char *lemma = topic != NULL ? g_strdup_printf ("%s %s", head->lemma, topic) : g_strdup (head->lemma);

    if (pa != NULL && pb != NULL)
      {
        key = g_strdup_printf ("%s %s %s", lemma, pa, pb);
        name = g_strdup_printf ("%s–%s %s", pa, pb, what);
      }
    else if (pa != NULL)
      {
        key = g_strdup_printf ("%s %s", lemma, pa);
        name = g_strdup_printf ("%s %s", pa, what);
      }
    else
      {
        key = g_strdup_printf ("%s %s", head->lemma, surface);
        name = g_strdup (surface);
      }
  }
  if (rank > NAME_GENERATED)
    {
      g_free (name);
      name = g_strdup (surface);
    }

  {
    g_autofree char *folded = ent_name_key (key);
    g_autofree char *ekey = g_strconcat ("a:", folded, NULL);

    index = lookup_entity (ctx, ekey);
    if (index < 0)
      {
        index = ensure_entity (ctx, ekey, ENT_ENTITY_AGREEMENT, name);
        g_free (doc_entity (ctx, index)->key);
        doc_entity (ctx, index)->key = g_strdup (folded);
        g_hash_table_insert (doc_entity (ctx, index)->attributes, g_strdup ("name_rank"),
                             g_strdup_printf ("%d", rank));
      }
    else
      {
        EntExtractedEntity *e = doc_entity (ctx, index);
        const char *had = g_hash_table_lookup (e->attributes, "name_rank");

        /* The most descriptive form the document gives becomes the name. */
        if (had != NULL && rank > (NameRank) atoi (had))
          {
            ent_extracted_entity_add_alias (e, e->name);
            g_free (e->name);
            e->name = g_strdup (surface);
            g_hash_table_insert (e->attributes, g_strdup ("name_rank"), g_strdup_printf ("%d", rank));
          }
      }
    g_hash_table_insert (doc_entity (ctx, index)->attributes, g_strdup ("lemma"), g_strdup (head->lemma));
  }
  ent_extracted_entity_add_alias (doc_entity (ctx, index), surface);
  return index;
}

static int
agreement_by_lemma (DocContext *ctx,
                    const char *lemma)
{
  /* Only the recent past: a bare "the roadmap" refers to one named nearby,
   * and a look-back without bound would make huge documents quadratic. */
  guint stop = ctx->ex->entities->len > 256 ? ctx->ex->entities->len - 256 : 0;

  for (guint k = ctx->ex->entities->len; k > stop; k--)
    {
      EntExtractedEntity *e = g_ptr_array_index (ctx->ex->entities, k - 1);
      const char *l = g_hash_table_lookup (e->attributes, "lemma");

      if (e->type == ENT_ENTITY_AGREEMENT && e->mentions > 0 && l != NULL &&
          (g_str_equal (l, lemma) || (g_str_has_prefix (l, lemma) && l[strlen (lemma)] == 's') ||
           (g_str_has_prefix (lemma, l) && lemma[strlen (l)] == 's')))
        return (int) (k - 1);
    }
  return -1;
}

static void add_count_claim (DocContext *ctx, int agreement, guint count);

/* "… on the supply of defence equipment and technology", "… of intent on
 * cooperation in the Pacific": what the agreement is about, up to a comma
 * or a word that starts something else. Returns the end token. */
static guint
agreement_complement (DocContext *ctx,
                      guint       end)
{
  static const char *enders[] = { "that", "which", "who", "between", "with", "by", "during", "after", "before",
                                  "at", "signed", "worth", "was", "were", "is", "are", "will", "would", "to",
                                  "last", "this", "next", "as", NULL };
  guint k, last_good;

  if (!(key_is (ctx, end, "on") || key_is (ctx, end, "for") || key_is (ctx, end, "of")))
    return end;
  /* "on the occasion of", "on the sidelines of": when, not what. */
  if (key_is (ctx, end + 1, "the") &&
      (key_is (ctx, end + 2, "occasion") || key_is (ctx, end + 2, "sidelines") || key_is (ctx, end + 2, "margins") ||
       key_is (ctx, end + 2, "eve") || key_is (ctx, end + 2, "basis") || key_is (ctx, end + 2, "part")))
    return end;
  k = end + 1;
  last_good = end;
  while (k < ctx_n_tokens (ctx) && k - end <= 9)
    {
      EntToken *t = ctx_token (ctx, k);

      if (!(t->flags & TOK_WORD) && !(t->flags & TOK_JOINED))
        break;
      if ((t->flags & TOK_NUMBER) || ((t->flags & TOK_CAP) && (ctx_triggers (ctx, k) & TRIG_STOP)) ||
          ((t->flags & TOK_WORD) && g_strv_contains (enders, ctx_key (ctx, k))))
        break;
      /* "… in Novi Sad and a protocol on …": a second agreement starts. */
      if (key_is (ctx, k, "and") && (key_is (ctx, k + 1, "a") || key_is (ctx, k + 1, "an") ||
                                     agreement_head (ctx, k + 1) != NULL || is_determiner (ctx, k + 1)))
        break;
      k++;
      if ((t->flags & TOK_WORD) && !key_is (ctx, k - 1, "and") && !key_is (ctx, k - 1, "the") &&
          !key_is (ctx, k - 1, "of") && !key_is (ctx, k - 1, "in") && !key_is (ctx, k - 1, "on") &&
          !key_is (ctx, k - 1, "a") && !key_is (ctx, k - 1, "an"))
        last_good = k;
    }
  return last_good;
}

/* "a Strategic Partnership Roadmap", "the Treaty on Friendship": capitalised
 * words ending in (or begun by) an agreement head. */
static guint
match_named_agreement (DocContext *ctx,
                       guint       i)
{
  const AgreementHead *head = NULL;
  guint j = i, caps = 0, count;
  g_autofree char *surface = NULL;
  int agreement;

  if (ctx->discover || !(ctx_token (ctx, i)->flags & TOK_CAP) || (ctx_token (ctx, i)->flags & TOK_FIRST &&
      ctx_triggers (ctx, i) & TRIG_STOP))
    return 0;
  /* Capitalised words, then the head, itself capitalised or not ("ANZUS
   * treaty", "Five-Point Consensus"). */
  while (j < ctx_n_tokens (ctx) && j - i < 6)
    {
      EntToken *t = ctx_token (ctx, j);

      if ((t->flags & TOK_WORD) && (head = agreement_head (ctx, j)) != NULL && caps > 0)
        break;
      head = NULL;
      if ((t->flags & TOK_JOINED) && caps > 0)
        {
          j++;
          continue;
        }
      if (!(t->flags & TOK_WORD) || !(t->flags & TOK_CAP) || (t->flags & TOK_POSSESSIVE))
        return 0;
      if (lexicon_starts_at (ctx, j) && caps == 0)
        return 0;
      caps++;
      j++;
    }
  if (head == NULL)
    return 0;
  j++;
  if (key_is (ctx, j, "of") && key_is (ctx, j + 1, "understanding"))
    j += 2;

  surface = token_text (ctx, i, j);
  agreement = agreement_entity (ctx, head, surface, NAME_PROPER, NULL);
  add_mention (ctx, i, j, agreement, ENT_ENTITY_AGREEMENT, MK_NAME);
  doc_count_mention (ctx, agreement, NULL);
  ctx->last_agreement = agreement;
  count = number_before (ctx, i);
  add_count_claim (ctx, agreement, count);
  return j - i;
}

static void
add_count_claim (DocContext *ctx,
                 int         agreement,
                 guint       count)
{
  g_autofree char *value = NULL;

  if (count <= 1)
    return;
  value = g_strdup_printf ("%u", count);
  ent_extraction_add_claim (ctx->ex, (guint) agreement, "count", value, ctx->sentence);
}

/* The subject of a single agreement: the first content word after "on"
 * ("agreement on the supply of defence equipment" -> "supply"). A set of
 * agreements ("eight agreements on trade, mining …") has none: outlets list
 * different subjects for the same set. */
static const char *
agreement_topic (DocContext          *ctx,
                 const AgreementHead *head,
                 guint                end,
                 guint                complement_end)
{
  if (complement_end <= end || !key_is (ctx, end, "on") || g_str_has_suffix (head->lemma, "s") ||
      g_str_equal (head->lemma, "mou"))
    return NULL;
  for (guint k = end + 1; k < complement_end; k++)
    if (is_word (ctx, k) && !(ctx_triggers (ctx, k) & TRIG_STOP))
      return ctx_key (ctx, k);
  return NULL;
}

static guint
match_agreement (DocContext *ctx,
                 guint       i)
{
  const AgreementHead *head = agreement_head (ctx, i);
  guint first = i, end, complement_end, count, modifiers = 0;
  gboolean signing, named = FALSE;
  g_autofree char *surface = NULL;
  int agreement;
  Mention *m;

  if (head == NULL || ctx->discover)
    return 0;

  /* Modifiers before the head: "comprehensive", "cooperation", "joint". */
  while (first > 0 && modifiers < MAX_AGREEMENT_MODIFIERS && is_word (ctx, first - 1))
    {
      EntToken *t = ctx_token (ctx, first - 1);
      guint32 trig = ctx_triggers (ctx, first - 1);

      if ((t->flags & (TOK_CAP | TOK_NUMBER)) || (trig & (TRIG_STOP | TRIG_SIGN | TRIG_NUMBER | TRIG_SPEECH)) ||
          g_str_has_suffix (ctx_key (ctx, first - 1), "ed"))
        break;
      first--;
      modifiers++;
    }
  /* Without a determiner or a number before them, the words before the head
   * are more likely a verb phrase ("to reach agreements") than modifiers. */
  if (modifiers > 0 && !(first > 0 && (is_determiner (ctx, first - 1) ||
                                       (ctx_token (ctx, first - 1)->flags & TOK_NUMBER) ||
                                       (ctx_triggers (ctx, first - 1) & TRIG_NUMBER) ||
                                       key_is (ctx, first - 1, "and") || punct_is (ctx, first - 1, ','))))
    {
      first = i;
      modifiers = 0;
    }

  /* More heads and "of understanding" after it: "roadmap document". */
  end = i + 1;
  while (agreement_head (ctx, end) != NULL)
    end++;
  if (key_is (ctx, end, "of") && key_is (ctx, end + 1, "understanding"))
    end += 2;
  complement_end = agreement_complement (ctx, end);
  /* "an agreement on a comprehensive roadmap" is the roadmap. */
  for (guint k = end; k < complement_end; k++)
    if (agreement_head (ctx, k) != NULL)
      return end - i;

  count = number_before (ctx, first);
  signing = sentence_has_trigger (ctx, TRIG_SIGN);
  named = modifiers > 0 || end > i + 1 || complement_end > end;

  if (!head->strong && !(signing && named))
    return end - i;
  if (!signing && count == 0 && !named)
    {
      /* A bare "the roadmap" refers to the roadmap already in the text. */
      int earlier = agreement_by_lemma (ctx, head->lemma);

      if (earlier < 0)
        return end - i;
      m = add_mention (ctx, i, end, earlier, ENT_ENTITY_AGREEMENT, MK_ROLE);
      doc_count_mention (ctx, earlier, NULL);
      return end - i;
    }

  surface = token_text (ctx, first, complement_end);
  agreement = agreement_entity (ctx, head, surface,
                                complement_end > end ? NAME_COMPLEMENT :
                                modifiers > 0 || end > i + 1 ? NAME_MODIFIED : NAME_GENERATED,
                                agreement_topic (ctx, head, end, complement_end));
  if (complement_end > end)
    {
      g_autofree char *short_form = token_text (ctx, first, end);

      ent_extracted_entity_add_alias (doc_entity (ctx, agreement), short_form);
    }
  m = add_mention (ctx, first, end, agreement, ENT_ENTITY_AGREEMENT, MK_NAME);
  m->plural = g_str_has_suffix (ctx_key (ctx, i), "s");
  doc_count_mention (ctx, agreement, NULL);
  ctx->last_agreement = agreement;
  add_count_claim (ctx, agreement, count);
  return end - i;
}

/* ------------------------------------------------------------------ */
/* Pronouns, the speaker and collectives                               */

static gboolean
is_person_mention (DocContext *ctx,
                   Mention    *m)
{
  return m->type == ENT_ENTITY_PERSON && m->entity >= 0 && m->kind != MK_COLLECTIVE &&
         !doc_entity (ctx, m->entity)->role_only;
}

/* "he": the first person of this sentence before it, else the subject of
 * the sentences before. */
static int
resolve_pronoun (DocContext *ctx,
                 guint       at)
{
  gboolean quoted = (ctx_token (ctx, at)->flags & TOK_QUOTED) != 0;

  for (guint k = 0; k < ctx->mentions->len; k++)
    {
      Mention *m = ctx_mention (ctx, k);

      if (m->first >= at)
        break;
      if (is_person_mention (ctx, m) && m->quoted == quoted)
        return m->entity;
    }
  return ctx->last_subject;
}

static void
note_person (DocContext *ctx,
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

static guint
match_collective (DocContext *ctx,
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

  if (is_word (ctx, j) && g_strv_contains (collective_country_nouns, ctx_key (ctx, j)))
    {
      int a = ctx->country_pair[0], b = ctx->country_pair[1];

      if (a < 0 || b < 0)
        doc_top_countries (ctx, &a, &b);
      if (a < 0 || b < 0)
        return j + 1 - i;
      m = add_mention (ctx, i, j + 1, a, ENT_ENTITY_COUNTRY, MK_COLLECTIVE);
      m->entity2 = b;
      m->plural = TRUE;
      return j + 1 - i;
    }

  if ((is_word (ctx, j) && g_strv_contains (collective_person_nouns, ctx_key (ctx, j))) ||
      (!is_word (ctx, j) || !(ctx_token (ctx, j)->flags & TOK_CAP)))
    {
      guint title_len = 1;
      const LexMatch *title = is_word (ctx, j) ? plural_title_span (ctx, j, &title_len) : NULL;
      gboolean noun = title != NULL || (is_word (ctx, j) && g_strv_contains (collective_person_nouns, ctx_key (ctx, j)));
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
      a = collective_persons (ctx, role, NULL, &b);
      if (a < 0)
        return noun ? j + 1 - i : j - i;
      m = add_mention (ctx, i, noun ? j + 1 : j, a, ENT_ENTITY_PERSON, MK_COLLECTIVE);
      m->entity2 = b;
      m->plural = TRUE;
      ctx->collective[0] = a;
      ctx->collective[1] = b;
      return noun ? j + 1 - i : j - i;
    }
  return 0;
}

/* ------------------------------------------------------------------ */
/* The lexicon: countries, demonyms, capitals, organizations, places    */

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

static guint
match_lexicon (DocContext *ctx,
               guint       i)
{
  const GArray *matches;
  guint len = match_phrase_at (ctx, i, &matches);
  const LexMatch *m;
  g_autofree char *surface = NULL;
  int entity;

  if (len == 0 || (m = pick_entity_match (ctx, i, matches)) == NULL)
    return 0;
  if ((m->kind == LEX_PLACE || m->kind == LEX_CAPITAL) && is_word (ctx, i + len) &&
      (ctx_token (ctx, i + len)->flags & TOK_CAP))
    {
      guint name_len = scan_name (ctx, i, TRUE, TRUE);
      int person = name_len > len ? person_entity (ctx, i, i + name_len, FALSE) : -1;

      if (person >= 0)
        {
          g_autofree char *name = token_text (ctx, i, i + name_len);

          add_mention (ctx, i, i + name_len, person, ENT_ENTITY_PERSON, MK_NAME);
          doc_count_mention (ctx, person, name);
          return name_len;
        }
    }
  if (ctx->discover && (m->kind == LEX_CAPITAL || m->kind == LEX_METONYM))
    {
      note_country (ctx, doc_country_entity (ctx, (int) m->index));
      return len;
    }
  if (ctx->discover && m->kind != LEX_COUNTRY && m->kind != LEX_DEMONYM && m->kind != LEX_ORG)
    return len;

  surface = token_text (ctx, i, i + len);
  switch (m->kind)
    {
    case LEX_COUNTRY:
      {
        /* "Mauro Teixeira Costa of Brazil". Read before add_mention, which
         * may move the array the previous mention lives in. */
        Mention *before = last_mention (ctx);
        gboolean of_person = i >= 1 && key_is (ctx, i - 1, "of") && before != NULL &&
                             before->last == i - 1 && before->type == ENT_ENTITY_PERSON;
        Mention *cm;

        entity = doc_country_entity (ctx, (int) m->index);
        cm = add_mention (ctx, i, i + len, entity, ENT_ENTITY_COUNTRY, MK_NAME);
        cm->modifier = of_person;
        doc_count_mention (ctx, entity, NULL);
      }
      break;

    case LEX_DEMONYM:
      /* "the Iranian capital" is a place. */
      if (key_is (ctx, i + len, "capital") && doc_capital_place (ctx, (int) m->index) >= 0)
        {
          entity = doc_capital_place (ctx, (int) m->index);
          add_mention (ctx, i, i + len + 1, entity, ENT_ENTITY_PLACE, MK_ROLE);
          doc_count_mention (ctx, entity, NULL);
          return len + 1;
        }
      entity = doc_country_entity (ctx, (int) m->index);
      add_mention (ctx, i, i + len, entity, ENT_ENTITY_COUNTRY, MK_DEMONYM);
      doc_count_mention (ctx, entity, NULL);
      break;

    case LEX_CAPITAL:
      /* "arrived in Tehran", "Tehran, Iran –": the city. "between Tehran
       * and Minsk", "Tehran has": the government. */
      if (locative_before (ctx, i) ||
          (punct_is (ctx, i + len, ',') && is_word (ctx, i + len + 1) &&
           lexicon_starts_at (ctx, i + len + 1) && !(ctx_triggers (ctx, i + len + 1) & TRIG_STOP) &&
           !(ctx_token (ctx, i + len)->flags & TOK_QUOTED)))
        {
          const LexCountry *c = ent_lexicon_get_country (ctx->lexicon, m->index);

          entity = place_entity (ctx, c->capital != NULL ? c->capital : surface, "city", (int) m->index);
          add_mention (ctx, i, i + len, entity, ENT_ENTITY_PLACE, MK_NAME);
          doc_count_mention (ctx, entity, surface);
        }
      else
        {
          entity = doc_country_entity (ctx, (int) m->index);
          add_mention (ctx, i, i + len, entity, ENT_ENTITY_COUNTRY, MK_GOVERNMENT);
          doc_count_mention (ctx, entity, NULL);
        }
      break;

    case LEX_METONYM:
      entity = doc_country_entity (ctx, (int) m->index);
      add_mention (ctx, i, i + len, entity, ENT_ENTITY_COUNTRY, MK_GOVERNMENT);
      doc_count_mention (ctx, entity, NULL);
      break;

    case LEX_ORG:
      {
        const LexOrg *org = ent_lexicon_get_org (ctx->lexicon, m->index);

        entity = doc_org_entity (ctx, org->name, org->kind, org->country);
        add_mention (ctx, i, i + len, entity, ENT_ENTITY_ORGANIZATION, MK_NAME);
        doc_count_mention (ctx, entity, surface);
      }
      break;

    case LEX_PLACE:
      {
        const LexPlace *place = ent_lexicon_get_place (ctx->lexicon, m->index);

        entity = place_entity (ctx, place->name, place->kind, place->country);
        add_mention (ctx, i, i + len, entity, ENT_ENTITY_PLACE, MK_NAME);
        doc_count_mention (ctx, entity, surface);
      }
      break;

    case LEX_TITLE:
    default:
      return 0;
    }
  return len;
}

/* ------------------------------------------------------------------ */
/* Names the lexicon does not know: people and organizations           */

static guint
match_org_name (DocContext *ctx,
                guint       i,
                guint       name_len)
{
  guint j = i + name_len, end = 0;
  gboolean head = FALSE;
  int org;

  for (guint k = i; k < j; k++)
    if (is_word (ctx, k) && (ctx_triggers (ctx, k) & TRIG_ORG_HEAD))
      head = TRUE, end = k + 1;

  /* "Ministry of Foreign Affairs", "Central Bank of Iran" */
  if (key_is (ctx, j, "of") && (head || (is_word (ctx, j - 1) && (ctx_triggers (ctx, j - 1) & TRIG_ORG_HEAD))))
    {
      guint k = j + 1;

      if (key_is (ctx, k, "the"))
        k++;
      while (k < ctx_n_tokens (ctx) && is_word (ctx, k) && (ctx_token (ctx, k)->flags & TOK_CAP) && k - j < 6)
        k++;
      if (k > j + 1 && (ctx_token (ctx, k - 1)->flags & TOK_CAP))
        end = k, head = TRUE;
    }
  if (!head || end - i < 2)
    return 0;
  if (ctx->discover)
    return end - i;

  {
    g_autofree char *name = token_text (ctx, i, end);

    org = doc_org_entity (ctx, name, NULL, -1);
    add_mention (ctx, i, end, org, ENT_ENTITY_ORGANIZATION, MK_NAME);
    doc_count_mention (ctx, org, NULL);
  }
  return end - i;
}

static guint
capitalised_words (DocContext *ctx,
                   guint       first,
                   guint       last)
{
  guint n = 0;

  for (guint k = first; k < last; k++)
    n += is_word (ctx, k) && (ctx_token (ctx, k)->flags & TOK_CAP) != 0;
  return n;
}

static guint
match_name (DocContext *ctx,
            guint       i,
            gboolean    headline)
{
  EntToken *t = ctx_token (ctx, i);
  guint len, org_len;
  int person;
  gboolean first = (t->flags & TOK_FIRST) != 0;

  if (!(t->flags & TOK_CAP))
    return 0;

  /* Organizations may begin with words like "National" or "Supreme". */
  len = scan_name (ctx, i, TRUE, FALSE);
  if (len == 0)
    {
      guint j = i;

      while (j < ctx_n_tokens (ctx) && is_word (ctx, j) && (ctx_token (ctx, j)->flags & TOK_CAP) && j - i < 6)
        j++;
      org_len = j > i ? match_org_name (ctx, i, j - i) : 0;
      return org_len;
    }
  if ((org_len = match_org_name (ctx, i, len)) > 0)
    return org_len;
  if (headline)
    return len;

  /* A sentence-initial word like "The" is not part of a name. */
  if (first && (t->lex != NULL && (t->lex->triggers & TRIG_STOP)))
    return 1;
  /* People do not take an article: "the Islamic Revolution" is no one. */
  if (i > 0 && key_is (ctx, i - 1, "the"))
    return len;

  person = person_entity (ctx, i, i + len, FALSE);
  if (person < 0 && ctx->discover && capitalised_words (ctx, i, i + len) >= 2 &&
      !(ctx_triggers (ctx, i) & TRIG_NUMBER) &&
      (person_context_after (ctx, i + len) || person_context_before (ctx, i)))
    person = person_entity (ctx, i, i + len, TRUE);

  if (person >= 0)
    {
      g_autofree char *surface = token_text (ctx, i, i + len);

      add_mention (ctx, i, i + len, person, ENT_ENTITY_PERSON, MK_NAME);
      doc_count_mention (ctx, person, surface);
    }
  return len;
}

static guint
match_pronoun (DocContext *ctx,
               guint       i)
{
  const char *key = ctx_key (ctx, i);
  gboolean quoted = (ctx_token (ctx, i)->flags & TOK_QUOTED) != 0;
  Mention *m;

  if (ctx_triggers (ctx, i) & TRIG_PRONOUN)
    {
      int person = resolve_pronoun (ctx, i);

      if (person < 0)
        return 1;
      m = add_mention (ctx, i, i + 1, person, ENT_ENTITY_PERSON, MK_PRONOUN);
      m->possessive = key_is (ctx, i, "his") || key_is (ctx, i, "her");
      return 1;
    }
  if (quoted && (g_str_equal (key, "i") || g_str_equal (key, "my") || g_str_equal (key, "me")))
    {
      m = add_mention (ctx, i, i + 1, -1, ENT_ENTITY_PERSON, MK_SELF);
      m->possessive = g_str_equal (key, "my");
      return 1;
    }
  if (quoted && (g_str_equal (key, "we") || g_str_equal (key, "our") || g_str_equal (key, "us")))
    {
      m = add_mention (ctx, i, i + 1, -1, ENT_ENTITY_COUNTRY, MK_SELF);
      m->plural = TRUE;
      return 1;
    }
  if (!quoted && (g_str_equal (key, "they") || g_str_equal (key, "their")) && ctx->collective[0] >= 0)
    {
      m = add_mention (ctx, i, i + 1, ctx->collective[0], ENT_ENTITY_PERSON, MK_COLLECTIVE);
      m->entity2 = ctx->collective[1];
      m->plural = TRUE;
      return 1;
    }
  return 0;
}

/* ------------------------------------------------------------------ */
/* Sentences                                                           */

static void
find_mentions (DocContext *ctx)
{
  gboolean headline = is_headline (ctx);
  guint i = 0, n = ctx_n_tokens (ctx);

  g_array_set_size (ctx->mentions, 0);
  while (i < n)
    {
      EntToken *t = ctx_token (ctx, i);
      guint32 trig;
      gboolean cap, phrase;
      guint len;

      /* "(Anatolia Wire)" after a dateline names the outlet, not a place. */
      if ((t->flags & TOK_PUNCT) && t->punct == '(' && i > 0 && i < 8 &&
          (ctx_token (ctx, i - 1)->flags & TOK_NUMBER))
        {
          while (i < n && !punct_is (ctx, i, ')'))
            i++;
          continue;
        }
      if (!(t->flags & TOK_WORD) || (t->flags & TOK_DOMAIN))
        {
          i++;
          continue;
        }
      /* Cheap tests first: most words are none of these. */
      trig = t->lex != NULL ? t->lex->triggers : 0;
      cap = (t->flags & TOK_CAP) != 0;
      phrase = t->lex != NULL && t->lex->max_phrase > 0;

      if (((key_is (ctx, i + 1, "of") || key_is (ctx, i + 2, "of") || punct_is (ctx, i + 1, ',') ||
            punct_is (ctx, i + 2, ',')) && (len = match_plural_office (ctx, i)) > 0) ||
          (cap && (len = match_project (ctx, i)) > 0) ||
          ((cap || (t->flags & TOK_NUMBER)) && (len = match_event (ctx, i)) > 0) ||
          (cap && (len = match_named_agreement (ctx, i)) > 0) ||
          ((phrase || key_is (ctx, i, "leader")) && (len = match_title (ctx, i)) > 0) ||
          (phrase && (len = match_lexicon (ctx, i)) > 0) ||
          ((key_is (ctx, i, "counterpart") || key_is (ctx, i, "counterparts")) && (len = match_counterpart (ctx, i)) > 0))
        {
          i += len;
          continue;
        }
      if (!ctx->discover &&
          (((trig & TRIG_AGREEMENT) && (len = match_agreement (ctx, i)) > 0) ||
           ((trig & TRIG_STOP) && (len = match_project_reference (ctx, i)) > 0) ||
           ((trig & (TRIG_COLLECTIVE | TRIG_STOP)) && (len = match_collective (ctx, i)) > 0) ||
           ((trig & (TRIG_PRONOUN | TRIG_STOP) || (t->flags & TOK_QUOTED)) && (len = match_pronoun (ctx, i)) > 0)))
        {
          i += len;
          continue;
        }
      if (cap && (len = match_name (ctx, i, headline)) > 0)
        {
          i += len;
          continue;
        }
      i++;
    }
}

/* A person the sentence is about, not one in a relative clause ("which
 * President X attended") or after a preposition ("a meeting with X"). */
static gboolean
is_subject_candidate (DocContext *ctx,
                      Mention    *m)
{
  static const char *prepositions[] = { "with", "by", "of", "to", "from", "for", "at", "in", "on",
                                        "during", "after", "before", "about", "against", "between",
                                        "among", "than", "like", NULL };

  if (m->quoted || !is_person_mention (ctx, m))
    return FALSE;
  if (m->first > 0 && is_word (ctx, m->first - 1) && g_strv_contains (prepositions, ctx_key (ctx, m->first - 1)))
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

static int
sentence_subject (DocContext *ctx)
{
  for (guint k = 0; k < ctx->mentions->len; k++)
    {
      Mention *m = ctx_mention (ctx, k);

      if (is_subject_candidate (ctx, m))
        return m->entity;
    }
  return -1;
}

/* The person a speech verb outside quotes attributes the quotation to. */
static int
sentence_speaker (DocContext *ctx)
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

          if (m->quoted || !is_person_mention (ctx, m))
            continue;
          if (distance < best_distance)
            best = m->entity, best_distance = distance;
        }
      if (best >= 0)
        return best;
    }
  return -1;
}

static gboolean
sentence_has_quote (DocContext *ctx)
{
  for (guint i = 0; i < ctx_n_tokens (ctx); i++)
    if (ctx_token (ctx, i)->flags & TOK_QUOTED)
      return TRUE;
  return FALSE;
}

/* I/my in a quotation: the speaker; we/our: the speaker's country. */
static void
resolve_self_mentions (DocContext *ctx,
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
        m->entity = doc_entity_country (ctx, speaker);
    }
}

/* "New Zealand and Australia …": what a later "both countries" means. */
static void
note_country_pair (DocContext *ctx)
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

static void
process_sentence (DocContext *ctx,
                  EntSpan    *span)
{
  int subject, speaker;

  ent_tokenize (&ctx->tokens, ctx->lexicon, ctx->document->text,
                span->start, span->end, &ctx->in_quote);
  ctx->apposition_until = 0;  /* token indices start again */
  find_mentions (ctx);
  if (ctx->discover)
    {
      subject = sentence_subject (ctx);
      if (subject >= 0)
        ctx->last_subject = subject;
      return;
    }

  speaker = sentence_speaker (ctx);
  if (speaker < 0 && sentence_has_quote (ctx))
    speaker = ctx->last_speaker;
  resolve_self_mentions (ctx, speaker);

  extract_relations (ctx);
  note_country_pair (ctx);

  subject = sentence_subject (ctx);
  if (subject >= 0)
    ctx->last_subject = subject;
  if (speaker >= 0)
    ctx->last_speaker = speaker;
  for (guint k = ctx->mentions->len; k > 0; k--)
    {
      Mention *m = ctx_mention (ctx, k - 1);

      if (is_person_mention (ctx, m))
        note_person (ctx, m->entity);
    }
}

static void
person_clear (gpointer data)
{
  Person *p = data;

  g_free (p->surname);
  g_free (p->given);
  g_free (p->role);
}

static void
reset_salience (DocContext *ctx)
{
  ctx->last_subject = -1;
  ctx->last_speaker = -1;
  ctx->last_project = -1;
  ctx->last_agreement = -1;
  ctx->last_country = -1;
  ctx->collective[0] = ctx->collective[1] = -1;
  ctx->country_pair[0] = ctx->country_pair[1] = -1;
  for (guint k = 0; k < G_N_ELEMENTS (ctx->recent_persons); k++)
    ctx->recent_persons[k] = -1;
  ctx->in_quote = FALSE;
}

/* "The Leader of the Islamic Revolution met Lukashenko … Ayatollah Khamenei
 * … The Leader said": a description read before the text tied its office to
 * a person is that person, once the document has. */
static void
merge_role_only (DocContext *ctx)
{
  EntExtraction *ex = ctx->ex;

  for (guint k = 0; k < ctx->role_only->len; k++)
    {
      RoleOnly *r = &g_array_index (ctx->role_only, RoleOnly, k);
      int person = person_by_role (ctx, r->role, r->country, -1);
      Person *p = person >= 0 ? doc_person_of (ctx, person) : NULL;
      EntExtractedEntity *description = doc_entity (ctx, r->entity);

      if (p == NULL || (p->country >= 0 && p->country != r->country))
        {
          /* Unresolved and tied to nothing: left to the project only when
           * it takes part in a relation, else it is noise. */
          gboolean related = FALSE;

          for (guint n = 0; n < ex->relations->len && !related; n++)
            {
              EntExtractedRelation *rel = &g_array_index (ex->relations, EntExtractedRelation, n);

              related = rel->type != ENT_RELATION_CO_MENTIONED &&
                        (rel->source == (guint) r->entity || rel->target == (guint) r->entity);
            }
          if (!related)
            description->mentions = 0;
          continue;
        }
      for (guint n = 0; n < ex->relations->len; n++)
        {
          EntExtractedRelation *rel = &g_array_index (ex->relations, EntExtractedRelation, n);

          if (rel->source == (guint) r->entity)
            rel->source = (guint) person;
          if (rel->target == (guint) r->entity)
            rel->target = (guint) person;
        }
      for (guint n = ex->relations->len; n > 0; n--)
        if (g_array_index (ex->relations, EntExtractedRelation, n - 1).source ==
            g_array_index (ex->relations, EntExtractedRelation, n - 1).target)
          g_array_remove_index (ex->relations, n - 1);
      doc_entity (ctx, person)->mentions += description->mentions;
      description->mentions = 0;
      if (p->country < 0)
        p->country = r->country;
    }
}

/* Entities never mentioned in the second pass (a person discovered from a
 * construction the second pass read otherwise) are dropped, and the indices
 * of relations and claims follow. */
static void
drop_unmentioned (EntExtraction *ex)
{
  g_autofree int *remap = g_new (int, ex->entities->len);
  guint kept = 0;

  for (guint k = 0; k < ex->entities->len; k++)
    remap[k] = ((EntExtractedEntity *) g_ptr_array_index (ex->entities, k))->mentions > 0 ? (int) kept++ : -1;
  if (kept == ex->entities->len)
    return;

  for (guint k = ex->relations->len; k > 0; k--)
    {
      EntExtractedRelation *r = &g_array_index (ex->relations, EntExtractedRelation, k - 1);

      if (remap[r->source] < 0 || remap[r->target] < 0)
        g_array_remove_index (ex->relations, k - 1);
      else
        r->source = (guint) remap[r->source], r->target = (guint) remap[r->target];
    }
  for (guint k = ex->claims->len; k > 0; k--)
    {
      EntExtractedClaim *c = &g_array_index (ex->claims, EntExtractedClaim, k - 1);

      if (remap[c->entity] < 0)
        g_array_remove_index (ex->claims, k - 1);
      else
        c->entity = (guint) remap[c->entity];
    }
  for (guint k = ex->entities->len; k > 0; k--)
    if (remap[k - 1] < 0)
      g_ptr_array_remove_index (ex->entities, k - 1);
}

EntExtraction *
ent_extractor_extract (EntExtractor      *self,
                       const EntDocument *document)
{
  DocContext ctx = { 0 };
  g_autoptr(GArray) sentences = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (document != NULL && document->text != NULL, NULL);

  ctx.extractor = self;
  ctx.lexicon = self->lexicon;
  ctx.document = document;
  ctx.ex = ent_extraction_new ();
  ent_tokens_init (&ctx.tokens);
  ctx.mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  ctx.entity_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.persons = g_array_new (FALSE, TRUE, sizeof (Person));
  g_array_set_clear_func (ctx.persons, person_clear);
  ctx.country_mentions = g_array_new (FALSE, TRUE, sizeof (guint));
  ctx.person_of_entity = g_array_new (FALSE, FALSE, sizeof (int));
  ctx.persons_by_word = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  ctx.office_holders = g_array_new (FALSE, FALSE, sizeof (guint));
  ctx.sentence_relations = g_array_new (FALSE, FALSE, sizeof (SentenceRelation));
  ctx.role_only = g_array_new (FALSE, FALSE, sizeof (RoleOnly));

  sentences = ent_text_split_sentences (document->text, document->length);
  g_array_append_vals (ctx.ex->sentences, sentences->data, sentences->len);

  for (int pass = 0; pass < 2; pass++)
    {
      ctx.discover = pass == 0;
      reset_salience (&ctx);
      for (guint s = 0; s < sentences->len; s++)
        {
          ctx.sentence = s;
          g_array_set_size (ctx.sentence_relations, 0);
          process_sentence (&ctx, &g_array_index (sentences, EntSpan, s));
        }
    }

  merge_role_only (&ctx);
  drop_unmentioned (ctx.ex);

  ent_tokens_clear (&ctx.tokens);
  g_array_unref (ctx.mentions);
  g_hash_table_unref (ctx.entity_keys);
  g_array_unref (ctx.persons);
  g_array_unref (ctx.country_mentions);
  g_array_unref (ctx.person_of_entity);
  g_hash_table_unref (ctx.persons_by_word);
  g_array_unref (ctx.office_holders);
  g_array_unref (ctx.sentence_relations);
  g_array_unref (ctx.role_only);
  return ctx.ex;
}
