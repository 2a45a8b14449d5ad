/* ent-lexicon.c — loads the lexicon files into look-up tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-lexicon"

#include "config.h"

#include <string.h>

#include "ent-extraction.h"
#include "ent-lexicon-private.h"
#include "ent-lexicon-resources.h"

struct _EntLexicon
{
  GArray     *countries;  /* LexCountry */
  GArray     *orgs;       /* LexOrg */
  GArray     *places;     /* LexPlace */
  GArray     *titles;     /* LexTitle */
  GHashTable *words;      /* folded word -> LexWord* */
  GHashTable *phrases;    /* folded phrase -> GArray of LexMatch */
  GHashTable *codes;      /* "IR" -> country index + 1 */
};

typedef gboolean (*RowFunc) (EntLexicon  *self,
                             char       **fields,
                             guint        n_fields,
                             GError     **error);

static void
country_clear (gpointer data)
{
  LexCountry *c = data;

  g_free (c->code);
  g_free (c->name);
  g_free (c->capital);
}

static void
org_clear (gpointer data)
{
  LexOrg *o = data;

  g_free (o->name);
  g_free (o->kind);
}

static void
place_clear (gpointer data)
{
  LexPlace *p = data;

  g_free (p->name);
  g_free (p->kind);
}

static void
title_clear (gpointer data)
{
  g_free (((LexTitle *) data)->role);
}

static EntLexicon *
lexicon_new (void)
{
  EntLexicon *self = g_new0 (EntLexicon, 1);

  self->countries = g_array_new (FALSE, TRUE, sizeof (LexCountry));
  g_array_set_clear_func (self->countries, country_clear);
  self->orgs = g_array_new (FALSE, TRUE, sizeof (LexOrg));
  g_array_set_clear_func (self->orgs, org_clear);
  self->places = g_array_new (FALSE, TRUE, sizeof (LexPlace));
  g_array_set_clear_func (self->places, place_clear);
  self->titles = g_array_new (FALSE, TRUE, sizeof (LexTitle));
  g_array_set_clear_func (self->titles, title_clear);
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->phrases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_array_unref);
  self->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
ent_lexicon_free (EntLexicon *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->countries);
  g_array_unref (self->orgs);
  g_array_unref (self->places);
  g_array_unref (self->titles);
  g_hash_table_unref (self->words);
  g_hash_table_unref (self->phrases);
  g_hash_table_unref (self->codes);
  g_free (self);
}

static LexWord *
ensure_word (EntLexicon *self,
             const char *key)
{
  LexWord *word = g_hash_table_lookup (self->words, key);

  if (word == NULL)
    {
      word = g_new0 (LexWord, 1);
      g_hash_table_insert (self->words, g_strdup (key), word);
    }
  return word;
}

static gboolean
is_acronym (const char *surface)
{
  guint letters = 0;

  for (const char *p = surface; *p; p++)
    {
      if (g_ascii_islower (*p))
        return FALSE;
      if (g_ascii_isupper (*p))
        letters++;
    }
  return letters >= 2;
}

static void
add_phrase (EntLexicon *self,
            const char *surface,
            LexKind     kind,
            guint       index)
{
  g_autofree char *key = ent_name_key (surface);
  g_auto(GStrv) words = NULL;
  LexMatch match = { 0 };
  GArray *matches;
  guint n;

  if (*key == '\0')
    return;

  words = g_strsplit (key, " ", -1);
  n = g_strv_length (words);
  if (n > 255)
    return;

  match.kind = kind;
  match.index = index;
  match.n_words = (guint8) n;
  match.acronym = is_acronym (surface);

  matches = g_hash_table_lookup (self->phrases, key);
  if (matches == NULL)
    {
      matches = g_array_new (FALSE, FALSE, sizeof (LexMatch));
      g_hash_table_insert (self->phrases, g_strdup (key), matches);
    }
  for (guint i = 0; i < matches->len; i++)
    {
      LexMatch *m = &g_array_index (matches, LexMatch, i);

      if (m->kind == kind && m->index == index)
        {
          m->acronym = m->acronym && match.acronym;
          return;
        }
    }
  g_array_append_val (matches, match);

  {
    LexWord *first = ensure_word (self, words[0]);

    first->max_phrase = MAX (first->max_phrase, (guint8) n);
  }
}

static void
add_phrase_list (EntLexicon *self,
                 const char *list,
                 LexKind     kind,
                 guint       index)
{
  g_auto(GStrv) items = g_strsplit (list, "|", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (*items[i] != '\0')
        add_phrase (self, items[i], kind, index);
    }
}

static const char *
field (char **fields,
       guint  n_fields,
       guint  i)
{
  return i < n_fields ? fields[i] : "";
}

static char *
nonempty_dup (const char *s)
{
  return s != NULL && *s != '\0' ? g_strdup (s) : NULL;
}

static char *
first_of_list (const char *list)
{
  const char *bar = strchr (list, '|');

  return bar != NULL ? g_strndup (list, bar - list) : nonempty_dup (list);
}

/* code, name, official_name, aliases, demonyms, capital, capital_aliases, metonyms */
static gboolean
country_row (EntLexicon  *self,
             char       **fields,
             guint        n_fields,
             GError     **error)
{
  LexCountry country = { 0 };
  guint index = self->countries->len;

  if (n_fields < 2 || *fields[0] == '\0' || *fields[1] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "a country needs a code and a name");
      return FALSE;
    }

  country.code = g_strdup (fields[0]);
  country.name = g_strdup (fields[1]);
  country.capital = first_of_list (field (fields, n_fields, 5));
  g_array_append_val (self->countries, country);
  g_hash_table_insert (self->codes, g_strdup (fields[0]), GUINT_TO_POINTER (index + 1));

  add_phrase (self, fields[1], LEX_COUNTRY, index);
  add_phrase_list (self, field (fields, n_fields, 2), LEX_COUNTRY, index);
  add_phrase_list (self, field (fields, n_fields, 3), LEX_COUNTRY, index);
  add_phrase_list (self, field (fields, n_fields, 4), LEX_DEMONYM, index);
  add_phrase_list (self, field (fields, n_fields, 5), LEX_CAPITAL, index);
  add_phrase_list (self, field (fields, n_fields, 6), LEX_CAPITAL, index);
  add_phrase_list (self, field (fields, n_fields, 7), LEX_METONYM, index);
  return TRUE;
}

static int
country_index (EntLexicon *self,
               const char *code)
{
  gpointer value;

  if (code == NULL || *code == '\0')
    return -1;
  value = g_hash_table_lookup (self->codes, code);
  return value != NULL ? (int) GPOINTER_TO_UINT (value) - 1 : -2;
}

static gboolean
check_country (EntLexicon  *self,
               const char  *code,
               int         *out,
               GError     **error)
{
  *out = country_index (self, code);
  if (*out == -2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "unknown country code “%s”", code);
      return FALSE;
    }
  return TRUE;
}

/* name, aliases, kind, country */
static gboolean
org_row (EntLexicon  *self,
         char       **fields,
         guint        n_fields,
         GError     **error)
{
  LexOrg org = { 0 };
  guint index = self->orgs->len;

  if (*fields[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "empty name");
      return FALSE;
    }
  if (!check_country (self, field (fields, n_fields, 3), &org.country, error))
    return FALSE;

  org.name = g_strdup (fields[0]);
  org.kind = g_strdup (field (fields, n_fields, 2));
  g_array_append_val (self->orgs, org);
  add_phrase (self, fields[0], LEX_ORG, index);
  add_phrase_list (self, field (fields, n_fields, 1), LEX_ORG, index);
  return TRUE;
}

/* name, country, kind, aliases */
static gboolean
place_row (EntLexicon  *self,
           char       **fields,
           guint        n_fields,
           GError     **error)
{
  LexPlace place = { 0 };
  guint index = self->places->len;

  if (*fields[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "empty name");
      return FALSE;
    }
  if (!check_country (self, field (fields, n_fields, 1), &place.country, error))
    return FALSE;

  place.name = g_strdup (fields[0]);
  place.kind = g_strdup (*field (fields, n_fields, 2) ? field (fields, n_fields, 2) : "city");
  g_array_append_val (self->places, place);
  add_phrase (self, fields[0], LEX_PLACE, index);
  add_phrase_list (self, field (fields, n_fields, 3), LEX_PLACE, index);
  return TRUE;
}

/* phrase, role, class, holder[, country] */
static gboolean
title_row (EntLexicon  *self,
           char       **fields,
           guint        n_fields,
           GError     **error)
{
  LexTitle title = { 0 };
  const char *klass = field (fields, n_fields, 2);
  const char *holder = field (fields, n_fields, 3);
  guint index = self->titles->len;

  if (*fields[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "empty phrase");
      return FALSE;
    }

  if (g_str_equal (klass, "honorific"))
    title.klass = LEX_TITLE_HONORIFIC;
  else if (g_str_equal (klass, "descriptor"))
    title.klass = LEX_TITLE_DESCRIPTOR;
  else if (g_str_equal (klass, "office") || *klass == '\0')
    title.klass = LEX_TITLE_OFFICE;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown class “%s”", klass);
      return FALSE;
    }

  if (g_str_equal (holder, "country"))
    title.holder = LEX_HOLDER_COUNTRY;
  else if (g_str_equal (holder, "organization"))
    title.holder = LEX_HOLDER_ORGANIZATION;
  else
    title.holder = LEX_HOLDER_ANY;

  if (!check_country (self, field (fields, n_fields, 4), &title.country, error))
    return FALSE;

  title.role = nonempty_dup (field (fields, n_fields, 1));
  if (title.role == NULL && title.klass != LEX_TITLE_HONORIFIC)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "an office needs a role");
      return FALSE;
    }
  g_array_append_val (self->titles, title);
  add_phrase_list (self, fields[0], LEX_TITLE, index);
  return TRUE;
}

static const struct {
  const char *name;
  LexTrigger  bit;
} trigger_classes[] = {
  { "meet", TRIG_MEET }, { "host", TRIG_HOST }, { "visit", TRIG_VISIT },
  { "arrive", TRIG_ARRIVE }, { "invite", TRIG_INVITE }, { "sign", TRIG_SIGN },
  { "cooperate", TRIG_COOPERATE }, { "sanction", TRIG_SANCTION },
  { "ally", TRIG_ALLY }, { "advocate", TRIG_ADVOCATE }, { "benefit", TRIG_BENEFIT },
  { "member", TRIG_MEMBER }, { "speech", TRIG_SPEECH }, { "part", TRIG_PART },
  { "agreement", TRIG_AGREEMENT }, { "project", TRIG_PROJECT },
  { "org_head", TRIG_ORG_HEAD }, { "number", TRIG_NUMBER }, { "stop", TRIG_STOP },
  { "pronoun", TRIG_PRONOUN }, { "collective", TRIG_COLLECTIVE },
  { "locative", TRIG_LOCATIVE }, { "within", TRIG_WITHIN },
  { "negation", TRIG_NEGATION }, { "place_head", TRIG_PLACE_HEAD },
  { "event_head", TRIG_EVENT_HEAD },
  { "portfolio", TRIG_PORTFOLIO },
};

static const struct {
  const char *word;
  guint8      value;
} number_words[] = {
  { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 },
  { "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 },
  { "eleven", 11 }, { "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 },
  { "fifteen", 15 }, { "sixteen", 16 }, { "seventeen", 17 }, { "eighteen", 18 },
  { "nineteen", 19 }, { "twenty", 20 }, { "thirty", 30 }, { "forty", 40 },
  { "fifty", 50 }, { "dozen", 12 },
};

/* class, words */
static gboolean
trigger_row (EntLexicon  *self,
             char       **fields,
             guint        n_fields,
             GError     **error)
{
  g_auto(GStrv) words = NULL;
  guint32 bit = 0;

  for (guint i = 0; i < G_N_ELEMENTS (trigger_classes); i++)
    if (g_str_equal (fields[0], trigger_classes[i].name))
      bit = trigger_classes[i].bit;
  if (bit == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "unknown trigger class “%s”", fields[0]);
      return FALSE;
    }

  words = g_strsplit (field (fields, n_fields, 1), "|", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *key = ent_name_key (g_strstrip (words[i]));

      if (*key != '\0')
        ensure_word (self, key)->triggers |= bit;
    }
  return TRUE;
}

static gboolean
parse_tsv (EntLexicon  *self,
           const char  *name,
           const char  *text,
           gsize        length,
           guint        min_fields,
           RowFunc      row_func,
           GError     **error)
{
  const char *end = text + length;
  guint line_number = 0;

  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: not valid UTF-8", name);
      return FALSE;
    }

  for (const char *line = text; line < end; )
    {
      const char *eol = memchr (line, '\n', end - line);
      g_autofree char *copy = NULL;
      g_auto(GStrv) fields = NULL;
      g_autoptr(GError) local_error = NULL;
      guint n_fields;

      if (eol == NULL)
        eol = end;
      line_number++;
      copy = g_strndup (line, eol - line);
      line = eol + 1;

      g_strchomp (copy);
      if (*copy == '\0' || *copy == '#')
        continue;

      fields = g_strsplit (copy, "\t", -1);
      n_fields = g_strv_length (fields);
      for (guint i = 0; i < n_fields; i++)
        g_strstrip (fields[i]);
      if (n_fields < min_fields)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s:%u: %u fields, expected at least %u",
                       name, line_number, n_fields, min_fields);
          return FALSE;
        }
      if (!row_func (self, fields, n_fields, &local_error))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s:%u: %s", name, line_number, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static const struct {
  const char *file;
  guint       min_fields;
  RowFunc     row_func;
} lexicon_files[] = {
  /* Countries first: the others refer to them by code. */
  { "countries.tsv", 2, country_row },
  { "organizations.tsv", 1, org_row },
  { "places.tsv", 1, place_row },
  { "titles.tsv", 1, title_row },
  { "triggers.tsv", 2, trigger_row },
};

static void
add_number_words (EntLexicon *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
    ensure_word (self, number_words[i].word)->number = number_words[i].value;
}

typedef GBytes *(*LoadFunc) (const char *file, gpointer data, GError **error);

static EntLexicon *
lexicon_load (LoadFunc   load,
              gpointer   data,
              GError   **error)
{
  EntLexicon *self = lexicon_new ();

  for (guint i = 0; i < G_N_ELEMENTS (lexicon_files); i++)
    {
      g_autoptr(GBytes) bytes = load (lexicon_files[i].file, data, error);
      gsize length;
      const char *text;

      if (bytes == NULL)
        {
          ent_lexicon_free (self);
          return NULL;
        }
      text = g_bytes_get_data (bytes, &length);
      if (!parse_tsv (self, lexicon_files[i].file, text != NULL ? text : "", length,
                      lexicon_files[i].min_fields, lexicon_files[i].row_func, error))
        {
          ent_lexicon_free (self);
          return NULL;
        }
    }
  add_number_words (self);
  return self;
}

static GBytes *
load_resource (const char  *file,
               gpointer     data,
               GError     **error)
{
  g_autofree char *path = g_strconcat ("/org/entente/lexicon/", file, NULL);

  return g_resource_lookup_data (ent_lexicon_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

static GBytes *
load_file (const char  *file,
           gpointer     data,
           GError     **error)
{
  g_autofree char *path = g_build_filename (data, file, NULL);
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return g_bytes_new_take (contents, length);
}

EntLexicon *
ent_lexicon_get_default (void)
{
  static EntLexicon *lexicon;

  if (g_once_init_enter (&lexicon))
    {
      g_autoptr(GError) error = NULL;
      EntLexicon *loaded = lexicon_load (load_resource, NULL, &error);

      if (loaded == NULL)
        g_error ("The built-in lexicon is broken: %s", error->message);
      g_once_init_leave (&lexicon, loaded);
    }
  return lexicon;
}

EntLexicon *
ent_lexicon_new_from_dir (const char  *dir,
                          GError     **error)
{
  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return lexicon_load (load_file, (gpointer) dir, error);
}

const LexWord *
ent_lexicon_lookup_word (EntLexicon *self,
                         const char *key)
{
  return g_hash_table_lookup (self->words, key);
}

const GArray *
ent_lexicon_lookup_phrase (EntLexicon *self,
                           const char *key)
{
  return g_hash_table_lookup (self->phrases, key);
}

const LexCountry *
ent_lexicon_get_country (EntLexicon *self,
                         guint       index)
{
  g_assert (index < self->countries->len);
  return &g_array_index (self->countries, LexCountry, index);
}

const LexOrg *
ent_lexicon_get_org (EntLexicon *self,
                     guint       index)
{
  g_assert (index < self->orgs->len);
  return &g_array_index (self->orgs, LexOrg, index);
}

const LexPlace *
ent_lexicon_get_place (EntLexicon *self,
                       guint       index)
{
  g_assert (index < self->places->len);
  return &g_array_index (self->places, LexPlace, index);
}

const LexTitle *
ent_lexicon_get_title (EntLexicon *self,
                       guint       index)
{
  g_assert (index < self->titles->len);
  return &g_array_index (self->titles, LexTitle, index);
}

int
ent_lexicon_find_country (EntLexicon *self,
                          const char *code)
{
  int index = country_index (self, code);

  return index >= 0 ? index : -1;
}
