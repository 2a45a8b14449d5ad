/* test-lexicon-data.c — the lexicon's data files: their format, that no
 * phrase stands for two things, coverage, and the look-ups the extractor
 * relies on, made through the real loader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-lexicon-data"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ent-extraction.h"
#include "ent-lexicon-private.h"

#define LEXICON_SRCDIR TEST_SRCDIR "/../data/lexicon"

/* The extractor looks phrases up by at most this many words. */
#define MAX_PHRASE_WORDS 16

typedef struct {
  guint  line;
  GStrv  fields;
} Row;

typedef struct {
  char      *path;
  GPtrArray *rows;  /* Row* */
} Table;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_strfreev (row->fields);
  g_free (row);
}

static void
table_free (Table *table)
{
  g_free (table->path);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

static char *
built_countries_path (void)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");

  g_assert_nonnull (builddir);
  return g_build_filename (builddir, "..", "data", "lexicon", "countries.tsv", NULL);
}

/* Reads a lexicon file; every data line must have exactly @n_columns
 * tab-separated fields, no field padded with spaces. */
static Table *
table_read (const char *path,
            guint       n_columns)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;
  Table *table;

  if (!g_file_get_contents (path, &text, &length, &error))
    g_error ("%s", error->message);
  g_assert_true (g_utf8_validate (text, length, NULL));
  if (strchr (text, '\r') != NULL)
    g_error ("%s: carriage return (DOS line ending)", path);

  table = g_new0 (Table, 1);
  table->path = g_strdup (path);
  table->rows = g_ptr_array_new_with_free_func (row_free);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      Row *row;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      row = g_new0 (Row, 1);
      row->line = i + 1;
      row->fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (row->fields) != n_columns)
        g_error ("%s:%u: %u columns, expected %u", path, row->line,
                 g_strv_length (row->fields), n_columns);
      for (guint f = 0; row->fields[f] != NULL; f++)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (row->fields[f]));

          if (strcmp (stripped, row->fields[f]) != 0)
            g_error ("%s:%u: column %u has spaces around it", path, row->line, f + 1);
        }
      g_ptr_array_add (table->rows, row);
    }
  return table;
}

static Table *
read_lexicon_file (const char *name,
                   guint       n_columns)
{
  g_autofree char *path = g_build_filename (LEXICON_SRCDIR, name, NULL);

  return table_read (path, n_columns);
}

static Table *
read_countries (void)
{
  g_autofree char *path = built_countries_path ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("%s is missing: build the project first (ninja)", path);
  return table_read (path, 8);
}

static const char *
field (Row  *row,
       guint i)
{
  return row->fields[i];
}

/* A phrase the tokenizer can match: no punctuation that splits tokens,
 * not empty once folded, at most MAX_PHRASE_WORDS words. */
static void
check_phrase (Table      *table,
              Row        *row,
              const char *phrase)
{
  g_autofree char *key = ent_name_key (phrase);
  g_auto(GStrv) words = NULL;

  if (*phrase == '\0' || g_ascii_isspace (*phrase) ||
      g_ascii_isspace (phrase[strlen (phrase) - 1]))
    g_error ("%s:%u: empty or padded phrase '%s'", table->path, row->line, phrase);
  if (strpbrk (phrase, ",;:()[]{}/\"") != NULL)
    g_error ("%s:%u: '%s' holds a character that splits tokens", table->path, row->line, phrase);
  if (*key == '\0')
    g_error ("%s:%u: '%s' is empty once folded", table->path, row->line, phrase);
  words = g_strsplit (key, " ", -1);
  if (g_strv_length (words) > MAX_PHRASE_WORDS)
    g_error ("%s:%u: '%s' is longer than %d words", table->path, row->line, phrase,
             MAX_PHRASE_WORDS);
}

/* The items of a |-list, each checked as a phrase. */
static GStrv
phrase_list (Table      *table,
             Row        *row,
             const char *list)
{
  GStrv items;

  if (*list == '\0')
    return g_new0 (char *, 1);
  items = g_strsplit (list, "|", -1);
  for (guint i = 0; items[i] != NULL; i++)
    check_phrase (table, row, items[i]);
  return items;
}

static gboolean
is_valid_code (GHashTable *codes,
               const char *code)
{
  return *code == '\0' || g_hash_table_contains (codes, code);
}

static gboolean
in_set (const char        *value,
        const char *const *set)
{
  return g_strv_contains (set, value);
}

/* ------------------------------------------------------------------ */
/* Folded phrases: who owns which                                       */

typedef struct {
  char *owner;   /* "IR", "org:Shanghai Cooperation Organization" */
  char *column;  /* "alias", "capital" ... */
  char *where;   /* file:line */
} Claim;

static void
claim_free (gpointer data)
{
  Claim *claim = data;

  g_free (claim->owner);
  g_free (claim->column);
  g_free (claim->where);
  g_free (claim);
}

static GHashTable *
claims_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, claim_free);
}

/* Records that @phrase stands for @owner; fails when it already stands for
 * something else. The one exception: a city state's capital has its name. */
static void
claim (GHashTable *claims,
       const char *phrase,
       const char *owner,
       const char *column,
       Table      *table,
       Row        *row)
{
  g_autofree char *key = ent_name_key (phrase);
  Claim *previous = g_hash_table_lookup (claims, key);
  Claim *claim;

  if (previous != NULL)
    {
      gboolean city_state = g_str_equal (previous->owner, owner) &&
                            !g_str_equal (previous->column, column) &&
                            (g_str_equal (column, "capital") ||
                             g_str_equal (previous->column, "capital"));

      if (!city_state)
        g_error ("%s:%u: '%s' (%s %s) is already %s %s at %s", table->path, row->line,
                 phrase, owner, column, previous->owner, previous->column, previous->where);
      return;
    }

  claim = g_new0 (Claim, 1);
  claim->owner = g_strdup (owner);
  claim->column = g_strdup (column);
  claim->where = g_strdup_printf ("%s:%u", table->path, row->line);
  g_hash_table_insert (claims, g_steal_pointer (&key), claim);
}

static void
claim_list (GHashTable *claims,
            Table      *table,
            Row        *row,
            const char *list,
            const char *owner,
            const char *column)
{
  g_auto(GStrv) items = phrase_list (table, row, list);

  for (guint i = 0; items[i] != NULL; i++)
    claim (claims, items[i], owner, column, table, row);
}

static const char *const country_columns[] = {
  "code", "name", "official_name", "aliases", "demonyms", "capital",
  "capital_aliases", "metonyms", NULL
};

/* The kind each country column gives a phrase in the loader. */
static const char *
country_column_kind (guint column)
{
  switch (column)
    {
    case 1: case 2: case 3: return "country";
    case 4: return "demonym";
    case 5: case 6: return "capital";
    case 7: return "metonym";
    default: break;
    }
  g_assert_not_reached ();
  return NULL;
}

/* Every phrase of countries.tsv, folded, with the country it stands for. */
static GHashTable *
country_claims (Table      *countries,
                GHashTable *codes)
{
  GHashTable *claims = claims_new ();

  for (guint i = 0; i < countries->rows->len; i++)
    {
      Row *row = g_ptr_array_index (countries->rows, i);

      for (guint c = 1; country_columns[c] != NULL; c++)
        claim_list (claims, countries, row, field (row, c), field (row, 0),
                    country_column_kind (c));
      if (codes != NULL)
        g_hash_table_add (codes, g_strdup (field (row, 0)));
    }
  return claims;
}

static GHashTable *
country_codes (Table *countries)
{
  GHashTable *codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_unref (country_claims (countries, codes));
  return codes;
}

/* ------------------------------------------------------------------ */
/* countries.tsv and countries-extra.tsv                                */

static void
test_countries_codes (void)
{
  g_autoptr(Table) countries = read_countries ();
  g_autoptr(Table) extra = read_lexicon_file ("countries-extra.tsv", 7);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) extra_codes = g_hash_table_new (g_str_hash, g_str_equal);

  /* iso-codes 4.15 lists 249; a newer one may add a territory. */
  g_assert_cmpuint (countries->rows->len, >=, 249);

  for (guint i = 0; i < countries->rows->len; i++)
    {
      Row *row = g_ptr_array_index (countries->rows, i);
      const char *code = field (row, 0);

      if (strlen (code) != 2 || !g_ascii_isupper (code[0]) || !g_ascii_isupper (code[1]))
        g_error ("%s:%u: '%s' is not an alpha-2 code", countries->path, row->line, code);
      if (!g_hash_table_add (codes, (gpointer) code))
        g_error ("%s:%u: %s twice", countries->path, row->line, code);
      if (*field (row, 1) == '\0')
        g_error ("%s:%u: %s has no name", countries->path, row->line, code);
    }

  /* The hand-written file covers every country, once, and nothing else. */
  for (guint i = 0; i < extra->rows->len; i++)
    {
      Row *row = g_ptr_array_index (extra->rows, i);

      if (!g_hash_table_contains (codes, field (row, 0)))
        g_error ("%s:%u: unknown code '%s'", extra->path, row->line, field (row, 0));
      if (!g_hash_table_add (extra_codes, (gpointer) field (row, 0)))
        g_error ("%s:%u: %s twice", extra->path, row->line, field (row, 0));
    }
  g_assert_cmpuint (g_hash_table_size (extra_codes), ==, g_hash_table_size (codes));
}

static void
test_countries_unique (void)
{
  g_autoptr(Table) countries = read_countries ();
  g_autoptr(GHashTable) claims = NULL;

  /* Fails on the first phrase that stands for two countries, or that a
   * country lists twice. */
  claims = country_claims (countries, NULL);
  g_assert_cmpuint (g_hash_table_size (claims), >, 1200);
}

/* Territories without people of their own, and countries whose only
 * demonym another country uses (Congolese, Dominican). */
static const char *const no_demonym[] = {
  "AQ", "BV", "HM", "GS", "UM", "TF", "SJ", "CG", "DM", "VA", NULL
};

static void
test_countries_coverage (void)
{
  g_autoptr(Table) countries = read_countries ();
  guint capitals = 0;

  for (guint i = 0; i < countries->rows->len; i++)
    {
      Row *row = g_ptr_array_index (countries->rows, i);
      const char *code = field (row, 0);
      gboolean has_demonym = *field (row, 4) != '\0';

      if (*field (row, 5) != '\0')
        capitals++;
      if (*field (row, 6) != '\0' && *field (row, 5) == '\0')
        g_error ("%s:%u: capital aliases without a capital", countries->path, row->line);
      if (!has_demonym && !in_set (code, no_demonym))
        g_error ("%s:%u: %s has no demonym", countries->path, row->line, code);
      if (has_demonym && in_set (code, no_demonym))
        g_error ("%s:%u: %s has a demonym now: drop it from no_demonym", countries->path,
                 row->line, code);
    }
  g_assert_cmpuint (capitals, >=, 190);
}

/* ------------------------------------------------------------------ */
/* organizations.tsv                                                     */

static const char *const org_kinds[] = {
  "intergovernmental", "un-agency", "bloc", "bank", "court", "news-agency",
  "media", "parliament", "military", "intelligence", "government", "party",
  "armed-group", "ngo", "religious", "company", NULL
};

static void
test_organizations (void)
{
  g_autoptr(Table) countries = read_countries ();
  g_autoptr(GHashTable) codes = country_codes (countries);
  g_autoptr(GHashTable) claims = country_claims (countries, NULL);
  g_autoptr(Table) orgs = read_lexicon_file ("organizations.tsv", 4);

  g_assert_cmpuint (orgs->rows->len, >=, 250);
  for (guint i = 0; i < orgs->rows->len; i++)
    {
      Row *row = g_ptr_array_index (orgs->rows, i);
      g_autofree char *owner = g_strconcat ("org:", field (row, 0), NULL);

      if (*field (row, 0) == '\0')
        g_error ("%s:%u: empty name", orgs->path, row->line);
      if (!in_set (field (row, 2), org_kinds))
        g_error ("%s:%u: unknown kind '%s'", orgs->path, row->line, field (row, 2));
      if (!is_valid_code (codes, field (row, 3)))
        g_error ("%s:%u: unknown country '%s'", orgs->path, row->line, field (row, 3));

      /* Shares the country claims: an organisation is never a country name. */
      check_phrase (orgs, row, field (row, 0));
      claim (claims, field (row, 0), owner, "name", orgs, row);
      claim_list (claims, orgs, row, field (row, 1), owner, "alias");
    }
}

/* ------------------------------------------------------------------ */
/* titles.tsv                                                            */

static const char *const title_classes[] = { "office", "descriptor", "honorific", NULL };
static const char *const title_holders[] = { "country", "organization", "any", NULL };

static void
test_titles (void)
{
  g_autoptr(Table) countries = read_countries ();
  g_autoptr(GHashTable) codes = country_codes (countries);
  g_autoptr(Table) titles = read_lexicon_file ("titles.tsv", 5);
  g_autoptr(GHashTable) claims = claims_new ();
  g_autoptr(GHashTable) office_roles = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, g_free);
  guint n_phrases = 0;

  for (guint i = 0; i < titles->rows->len; i++)
    {
      Row *row = g_ptr_array_index (titles->rows, i);
      const char *role = field (row, 1);
      const char *klass = field (row, 2);
      g_auto(GStrv) phrases = phrase_list (titles, row, field (row, 0));

      if (phrases[0] == NULL)
        g_error ("%s:%u: no phrase", titles->path, row->line);
      if (!in_set (klass, title_classes))
        g_error ("%s:%u: unknown class '%s'", titles->path, row->line, klass);
      if (!in_set (field (row, 3), title_holders))
        g_error ("%s:%u: unknown holder '%s'", titles->path, row->line, field (row, 3));
      if (!is_valid_code (codes, field (row, 4)))
        g_error ("%s:%u: unknown country '%s'", titles->path, row->line, field (row, 4));
      if (g_str_equal (klass, "honorific") != (*role == '\0'))
        g_error ("%s:%u: an honorific has no role, an office or descriptor has one",
                 titles->path, row->line);
      if (g_str_equal (klass, "honorific") &&
          (!g_str_equal (field (row, 3), "any") || *field (row, 4) != '\0'))
        g_error ("%s:%u: an honorific is held for nothing", titles->path, row->line);

      for (guint p = 0; phrases[p] != NULL; p++)
        {
          claim (claims, phrases[p], "title", "phrase", titles, row);
          if (g_str_equal (klass, "office"))
            g_hash_table_insert (office_roles, ent_name_key (phrases[p]), g_strdup (role));
          n_phrases++;
        }
    }
  g_assert_cmpuint (n_phrases, >=, 300);

  /* A role is canonical: it is itself an office phrase naming that role. */
  for (guint i = 0; i < titles->rows->len; i++)
    {
      Row *row = g_ptr_array_index (titles->rows, i);
      g_autofree char *key = NULL;
      const char *canonical;

      if (*field (row, 1) == '\0')
        continue;
      key = ent_name_key (field (row, 1));
      canonical = g_hash_table_lookup (office_roles, key);
      if (canonical == NULL || !g_str_equal (canonical, field (row, 1)))
        g_error ("%s:%u: role '%s' is not an office phrase of its own", titles->path,
                 row->line, field (row, 1));
    }
}

/* ------------------------------------------------------------------ */
/* places.tsv                                                            */

static const char *const place_kinds[] = {
  "city", "port", "region", "island", "sea", "gulf", "ocean", "strait",
  "canal", "river", "lake", "mountain", "site", NULL
};

static void
test_places (void)
{
  g_autoptr(Table) countries = read_countries ();
  g_autoptr(GHashTable) codes = country_codes (countries);
  g_autoptr(GHashTable) claims = country_claims (countries, NULL);
  g_autoptr(Table) orgs = read_lexicon_file ("organizations.tsv", 4);
  g_autoptr(Table) places = read_lexicon_file ("places.tsv", 4);

  for (guint i = 0; i < orgs->rows->len; i++)
    {
      Row *row = g_ptr_array_index (orgs->rows, i);
      g_autofree char *owner = g_strconcat ("org:", field (row, 0), NULL);

      claim (claims, field (row, 0), owner, "name", orgs, row);
      claim_list (claims, orgs, row, field (row, 1), owner, "alias");
    }

  g_assert_cmpuint (places->rows->len, >=, 400);
  for (guint i = 0; i < places->rows->len; i++)
    {
      Row *row = g_ptr_array_index (places->rows, i);
      g_autofree char *owner = g_strconcat ("place:", field (row, 0), NULL);

      if (*field (row, 0) == '\0')
        g_error ("%s:%u: empty name", places->path, row->line);
      if (!is_valid_code (codes, field (row, 1)))
        g_error ("%s:%u: unknown country '%s'", places->path, row->line, field (row, 1));
      if (!in_set (field (row, 2), place_kinds))
        g_error ("%s:%u: unknown kind '%s'", places->path, row->line, field (row, 2));

      /* Never a country, a capital or an organisation, nor listed twice. */
      check_phrase (places, row, field (row, 0));
      claim (claims, field (row, 0), owner, "name", places, row);
      claim_list (claims, places, row, field (row, 3), owner, "alias");
    }
}

/* ------------------------------------------------------------------ */
/* Look-ups through the loader                                           */

static void
copy_into (const char *from,
           const char *dir,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *to = g_build_filename (dir, name, NULL);
  gsize length;

  if (!g_file_get_contents (from, &contents, &length, &error) ||
      !g_file_set_contents (to, contents, length, &error))
    g_error ("%s", error->message);
}

static void
remove_dir (const char *dir)
{
  static const char *const files[] = {
    "countries.tsv", "organizations.tsv", "places.tsv", "titles.tsv", "triggers.tsv",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* The lexicon exactly as the program loads it: the generated countries.tsv
 * next to the hand-written files. */
static EntLexicon *
load_lexicon (void)
{
  static const char *const sources[] = {
    "organizations.tsv", "places.tsv", "titles.tsv", "triggers.tsv",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lexicon-data-XXXXXX", &error);
  g_autofree char *countries = built_countries_path ();
  EntLexicon *lexicon;

  g_assert_no_error (error);
  copy_into (countries, dir, "countries.tsv");
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *path = g_build_filename (LEXICON_SRCDIR, sources[i], NULL);

      copy_into (path, dir, sources[i]);
    }
  lexicon = ent_lexicon_new_from_dir (dir, &error);
  remove_dir (dir);
  g_assert_no_error (error);
  return lexicon;
}

static const LexMatch *
find_match (EntLexicon *lexicon,
            const char *phrase,
            LexKind     kind)
{
  g_autofree char *key = ent_name_key (phrase);
  const GArray *matches = ent_lexicon_lookup_phrase (lexicon, key);

  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      const LexMatch *m = &g_array_index (matches, LexMatch, i);

      if (m->kind == kind)
        return m;
    }
  g_error ("'%s' is not in the lexicon as kind %d", phrase, kind);
  return NULL;
}

static const struct {
  const char *phrase;
  LexKind     kind;
  const char *code;
} country_lookups[] = {
  { "Belarusian", LEX_DEMONYM, "BY" }, { "Belarussian", LEX_DEMONYM, "BY" },
  { "Byelorussian", LEX_DEMONYM, "BY" }, { "Iranians", LEX_DEMONYM, "IR" },
  { "Emirati", LEX_DEMONYM, "AE" }, { "Briton", LEX_DEMONYM, "GB" },
  { "Saudi", LEX_DEMONYM, "SA" }, { "Congolese", LEX_DEMONYM, "CD" },
  { "Tehran", LEX_CAPITAL, "IR" }, { "Teheran", LEX_CAPITAL, "IR" },
  { "Kyiv", LEX_CAPITAL, "UA" }, { "Kiev", LEX_CAPITAL, "UA" },
  { "Beijing", LEX_CAPITAL, "CN" }, { "Peking", LEX_CAPITAL, "CN" },
  { "Washington", LEX_CAPITAL, "US" }, { "Minsk", LEX_CAPITAL, "BY" },
  { "Nur-Sultan", LEX_CAPITAL, "KZ" }, { "Singapore", LEX_CAPITAL, "SG" },
  { "Kremlin", LEX_METONYM, "RU" }, { "White House", LEX_METONYM, "US" },
  { "Downing Street", LEX_METONYM, "GB" }, { "Elysee", LEX_METONYM, "FR" },
  { "Zhongnanhai", LEX_METONYM, "CN" }, { "Blue House", LEX_METONYM, "KR" },
  { "U.S.", LEX_COUNTRY, "US" }, { "USA", LEX_COUNTRY, "US" },
  { "United States of America", LEX_COUNTRY, "US" }, { "U.K.", LEX_COUNTRY, "GB" },
  { "Britain", LEX_COUNTRY, "GB" }, { "Great Britain", LEX_COUNTRY, "GB" },
  { "UAE", LEX_COUNTRY, "AE" }, { "DPRK", LEX_COUNTRY, "KP" },
  { "ROK", LEX_COUNTRY, "KR" }, { "PRC", LEX_COUNTRY, "CN" },
  { "Islamic Republic", LEX_COUNTRY, "IR" }, { "Persia", LEX_COUNTRY, "IR" },
  { "Burma", LEX_COUNTRY, "MM" }, { "Byelorussia", LEX_COUNTRY, "BY" },
  { "Turkey", LEX_COUNTRY, "TR" }, { "Türkiye", LEX_COUNTRY, "TR" },
  { "Czech Republic", LEX_COUNTRY, "CZ" }, { "Czechia", LEX_COUNTRY, "CZ" },
  { "Russia", LEX_COUNTRY, "RU" }, { "Russian Federation", LEX_COUNTRY, "RU" },
  { "Syria", LEX_COUNTRY, "SY" }, { "Vietnam", LEX_COUNTRY, "VN" },
  { "South Korea", LEX_COUNTRY, "KR" }, { "North Korea", LEX_COUNTRY, "KP" },
  { "Laos", LEX_COUNTRY, "LA" }, { "Moldova", LEX_COUNTRY, "MD" },
  { "Tanzania", LEX_COUNTRY, "TZ" }, { "Venezuela", LEX_COUNTRY, "VE" },
  { "Bolivia", LEX_COUNTRY, "BO" }, { "Taiwan", LEX_COUNTRY, "TW" },
  { "Palestine", LEX_COUNTRY, "PS" }, { "Congo", LEX_COUNTRY, "CD" },
  { "Ivory Coast", LEX_COUNTRY, "CI" }, { "Holy See", LEX_COUNTRY, "VA" },
};

static const struct {
  const char *phrase;
  const char *name;
  const char *kind;
  const char *code;
} org_lookups[] = {
  { "SCO", "Shanghai Cooperation Organization", "intergovernmental", NULL },
  { "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "intergovernmental", NULL },
  { "IAEA", "International Atomic Energy Agency", "un-agency", NULL },
  { "UN", "United Nations", "intergovernmental", NULL },
  { "U.N. Security Council", "United Nations Security Council", "un-agency", NULL },
  { "EAEU", "Eurasian Economic Union", "bloc", NULL },
  { "EEU", "Eurasian Economic Union", "bloc", NULL },
  { "Union State", "Union State", "intergovernmental", NULL },
  { "OPEC Plus", "OPEC+", "bloc", NULL },
  { "North Atlantic Treaty Organisation", "North Atlantic Treaty Organization", "intergovernmental", NULL },
  { "ECO", "Economic Cooperation Organization", "intergovernmental", NULL },
  { "IRGC", "Islamic Revolutionary Guard Corps", "military", "IR" },
  { "Majlis", "Islamic Consultative Assembly", "parliament", "IR" },
  { "State Duma", "State Duma", "parliament", "RU" },
  { "Pentagon", "United States Department of Defense", "government", "US" },
  { "IRNA", "Islamic Republic News Agency", "news-agency", "IR" },
  { "BelTA", "Belarusian Telegraph Agency", "news-agency", "BY" },
  { "TASS", "TASS", "news-agency", "RU" },
  { "Xinhua", "Xinhua News Agency", "news-agency", "CN" },
  { "KCNA", "Korean Central News Agency", "news-agency", "KP" },
  { "Red Cross", "International Committee of the Red Cross", "ngo", "CH" },
};

static const struct {
  const char   *phrase;
  const char   *role;  /* NULL for honorifics */
  LexTitleClass klass;
  LexHolder     holder;
  const char   *code;
} title_lookups[] = {
  { "top diplomat", "Foreign Minister", LEX_TITLE_DESCRIPTOR, LEX_HOLDER_COUNTRY, NULL },
  { "Minister of Foreign Affairs", "Foreign Minister", LEX_TITLE_OFFICE, LEX_HOLDER_COUNTRY, NULL },
  { "Foreign Affairs Minister", "Foreign Minister", LEX_TITLE_OFFICE, LEX_HOLDER_COUNTRY, NULL },
  { "Secretary of State", "Foreign Minister", LEX_TITLE_OFFICE, LEX_HOLDER_COUNTRY, "US" },
  { "Defense Minister", "Defence Minister", LEX_TITLE_OFFICE, LEX_HOLDER_COUNTRY, NULL },
  { "Minister of Roads and Urban Development", "Roads and Urban Development Minister",
    LEX_TITLE_OFFICE, LEX_HOLDER_COUNTRY, "IR" },
  { "Leader of the Islamic Revolution", "Supreme Leader", LEX_TITLE_OFFICE, LEX_HOLDER_COUNTRY, "IR" },
  { "Speaker of Parliament", "Speaker", LEX_TITLE_OFFICE, LEX_HOLDER_COUNTRY, NULL },
  { "Secretary-General", "Secretary-General", LEX_TITLE_OFFICE, LEX_HOLDER_ORGANIZATION, NULL },
  { "Spokeswoman", "Spokesperson", LEX_TITLE_OFFICE, LEX_HOLDER_ANY, NULL },
  { "Ayatollah", NULL, LEX_TITLE_HONORIFIC, LEX_HOLDER_ANY, NULL },
  { "Hujjat al-Islam wal Muslimeen", NULL, LEX_TITLE_HONORIFIC, LEX_HOLDER_ANY, NULL },
  { "Sayyid", NULL, LEX_TITLE_HONORIFIC, LEX_HOLDER_ANY, NULL },
  { "Mr.", NULL, LEX_TITLE_HONORIFIC, LEX_HOLDER_ANY, NULL },
  { "Maj. Gen.", NULL, LEX_TITLE_HONORIFIC, LEX_HOLDER_ANY, NULL },
};

static const struct {
  const char *phrase;
  const char *name;
  const char *kind;
  const char *code;  /* NULL: none */
} place_lookups[] = {
  { "Astara", "Astara", "city", NULL },
  { "Rasht", "Rasht", "city", "IR" },
  { "Chabahar", "Chabahar", "port", "IR" },
  { "St. Petersburg", "Saint Petersburg", "city", "RU" },
  { "Odessa", "Odesa", "port", "UA" },
  { "Homel", "Gomel", "city", "BY" },
  { "Crimea", "Crimea", "region", "UA" },
  { "Strait of Hormuz", "Strait of Hormuz", "strait", NULL },
  { "Caspian Sea", "Caspian Sea", "sea", NULL },
  { "South Caucasus", "South Caucasus", "region", NULL },
  { "Geneva", "Geneva", "city", "CH" },
};

static const char *
code_of (EntLexicon *lexicon,
         int         country)
{
  return country >= 0 ? ent_lexicon_get_country (lexicon, (guint) country)->code : NULL;
}

static void
test_lookups (void)
{
  g_autoptr(EntLexicon) lexicon = load_lexicon ();

  for (guint i = 0; i < G_N_ELEMENTS (country_lookups); i++)
    {
      const LexMatch *m = find_match (lexicon, country_lookups[i].phrase, country_lookups[i].kind);

      g_assert_cmpstr (code_of (lexicon, (int) m->index), ==, country_lookups[i].code);
    }

  for (guint i = 0; i < G_N_ELEMENTS (org_lookups); i++)
    {
      const LexMatch *m = find_match (lexicon, org_lookups[i].phrase, LEX_ORG);
      const LexOrg *org = ent_lexicon_get_org (lexicon, m->index);

      g_assert_cmpstr (org->name, ==, org_lookups[i].name);
      g_assert_cmpstr (org->kind, ==, org_lookups[i].kind);
      g_assert_cmpstr (code_of (lexicon, org->country), ==, org_lookups[i].code);
    }

  for (guint i = 0; i < G_N_ELEMENTS (title_lookups); i++)
    {
      const LexMatch *m = find_match (lexicon, title_lookups[i].phrase, LEX_TITLE);
      const LexTitle *title = ent_lexicon_get_title (lexicon, m->index);

      g_assert_cmpstr (title->role, ==, title_lookups[i].role);
      g_assert_cmpint (title->klass, ==, title_lookups[i].klass);
      g_assert_cmpint (title->holder, ==, title_lookups[i].holder);
      g_assert_cmpstr (code_of (lexicon, title->country), ==, title_lookups[i].code);
    }

  for (guint i = 0; i < G_N_ELEMENTS (place_lookups); i++)
    {
      const LexMatch *m = find_match (lexicon, place_lookups[i].phrase, LEX_PLACE);
      const LexPlace *place = ent_lexicon_get_place (lexicon, m->index);

      g_assert_cmpstr (place->name, ==, place_lookups[i].name);
      g_assert_cmpstr (place->kind, ==, place_lookups[i].kind);
      g_assert_cmpstr (code_of (lexicon, place->country), ==, place_lookups[i].code);
    }
}

/* All-capitals entries are flagged so that "us" is not the US. */
static void
test_acronyms (void)
{
  g_autoptr(EntLexicon) lexicon = load_lexicon ();

  g_assert_true (find_match (lexicon, "US", LEX_COUNTRY)->acronym);
  g_assert_true (find_match (lexicon, "WHO", LEX_ORG)->acronym);
  g_assert_false (find_match (lexicon, "Chad", LEX_COUNTRY)->acronym);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/lexicon-data/countries/codes", test_countries_codes);
  g_test_add_func ("/entente/lexicon-data/countries/unique", test_countries_unique);
  g_test_add_func ("/entente/lexicon-data/countries/coverage", test_countries_coverage);
  g_test_add_func ("/entente/lexicon-data/organizations", test_organizations);
  g_test_add_func ("/entente/lexicon-data/titles", test_titles);
  g_test_add_func ("/entente/lexicon-data/places", test_places);
  g_test_add_func ("/entente/lexicon-data/lookups", test_lookups);
  g_test_add_func ("/entente/lexicon-data/acronyms", test_acronyms);

  return g_test_run ();
}
