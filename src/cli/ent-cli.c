/* ent-cli.c — the command-line verbs of DESIGN.md: dispatch and shared help.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ent-cli.h"
#include "ent-cli-private.h"

typedef struct {
  const char *verb;
  int       (*run) (int argc, char **argv);
} Verb;

static const Verb verbs[] = {
  { "ingest", ent_cli_ingest },
  { "export", ent_cli_export },
  { "show",   ent_cli_show },
  { "stats",  ent_cli_stats },
};

static const char *const other_words[] = { "help", "--help", "-h", "--version" };

gboolean
ent_cli_is_verb (const char *word)
{
  if (word == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (word, verbs[i].verb))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (other_words); i++)
    if (g_str_equal (word, other_words[i]))
      return TRUE;

  return FALSE;
}

static void
print_usage (void)
{
  g_print (_("Usage:\n"
             "  entente [PROJECT]                    open the viewer (default project if none)\n"
             "  entente ingest [--db FILE] PATH...   add files or folders (recursively) to a project\n"
             "  entente export [--db FILE] --format png|svg|pdf|dot|json|graphml|gexf|csv\n"
             "                 [--focus NAME] [--depth 1-3] [--layout dot|neato|fdp|sfdp|circo|twopi]\n"
             "                 [-o FILE]             write the graph (to standard output without -o)\n"
             "  entente show [--db FILE] NAME        an entity with its relations and evidence\n"
             "  entente stats [--db FILE]            what a project holds\n"
             "  entente help | --help | --version\n"
             "\n"
             "Without --db, the default project is used:\n"
             "  %s\n"
             "\n"
             "Exit status: 0 when everything went well, 1 when something failed\n"
             "(everything else was done), 2 for a wrong command line.\n"),
           "$XDG_DATA_HOME/entente/default.entente");
}

int
ent_cli_run (int    argc,
             char **argv)
{
  const char *word;

  g_return_val_if_fail (argc > 1 && argv != NULL, ENT_CLI_STATUS_USAGE);

  word = argv[1];
  if (g_str_equal (word, "--version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return ENT_CLI_STATUS_OK;
    }
  if (g_str_equal (word, "help") || g_str_equal (word, "--help") || g_str_equal (word, "-h"))
    {
      print_usage ();
      return ENT_CLI_STATUS_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (word, verbs[i].verb))
      return verbs[i].run (argc - 1, argv + 1);

  return ent_cli_usage_error (word, _("unknown command"));
}

/* Messages */

void
ent_cli_error (const char *subject,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (subject != NULL)
    g_printerr ("entente: %s: %s\n", subject, message);
  else
    g_printerr ("entente: %s\n", message);
}

int
ent_cli_usage_error (const char *verb,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr (_("entente: %s: %s (see “entente help”)\n"), verb, message);
  return ENT_CLI_STATUS_USAGE;
}

gboolean
ent_cli_parse_options (GOptionContext   *context,
                       const char       *verb,
                       char           ***args)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse_strv (context, args, &error))
    return TRUE;

  ent_cli_usage_error (verb, "%s", error->message);
  return FALSE;
}

/* Projects */

EntStore *
ent_cli_open_project (const char *db,
                      gboolean    create)
{
  g_autofree char *path = db != NULL ? g_strdup (db) : ent_store_default_path ();
  g_autoptr(GError) error = NULL;
  EntStore *store;

  store = ent_store_open (path, create ? ENT_STORE_OPEN_CREATE : ENT_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      if (!create && g_error_matches (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND))
        ent_cli_error (path, _("no such project (create one with “entente ingest”)"));
      else
        ent_cli_error (path, "%s", error->message);
    }

  return store;
}

EntGraph *
ent_cli_load_graph (EntStore *store)
{
  g_autoptr(GError) error = NULL;
  EntGraph *graph = ent_store_load_graph (store, &error);

  if (graph == NULL)
    ent_cli_error (ent_store_get_path (store), "%s", error->message);
  else
    ent_cli_report_damage (store);

  return graph;
}

void
ent_cli_report_damage (EntStore *store)
{
  g_autofree char *damage = ent_store_take_damage_report (store);

  if (damage != NULL)
    ent_cli_error (ent_store_get_path (store), "%s", damage);
}

/* Suggestions */

/* The casefolded words of @name (runs of letters and digits, 2 or more). */
static char **
name_words (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gboolean in_word = *p != '\0' && g_unichar_isalnum (g_utf8_get_char (p));

      if (in_word && start == NULL)
        start = p;
      else if (!in_word && start != NULL)
        {
          if (g_utf8_strlen (start, p - start) >= 2)
            g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      if (*p == '\0')
        break;
    }
  g_ptr_array_add (words, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

/* Levenshtein distance over characters, giving up above @limit. */
static guint
edit_distance (const char *a,
               const char *b,
               guint       limit)
{
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, NULL);
  glong la = g_utf8_strlen (a, -1), lb = g_utf8_strlen (b, -1);
  g_autofree guint *row = NULL;

  if ((guint) ABS (la - lb) > limit)
    return limit + 1;

  row = g_new (guint, lb + 1);
  for (glong j = 0; j <= lb; j++)
    row[j] = j;

  for (glong i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[lb];
}

/* 2: a word in common; 1: a word one or two letters away; 0: nothing. */
static guint
word_score (char       **query,
            const char  *candidate_name)
{
  g_auto(GStrv) words = name_words (candidate_name);
  guint score = 0;

  for (guint i = 0; query[i] != NULL; i++)
    for (guint j = 0; words[j] != NULL; j++)
      {
        glong length = g_utf8_strlen (query[i], -1);

        if (g_str_equal (query[i], words[j]))
          return 2;
        if (length >= 4 && edit_distance (query[i], words[j], length >= 8 ? 2 : 1) <= (length >= 8 ? 2u : 1u))
          score = 1;
      }

  return score;
}

typedef struct {
  guint score;
  guint mentions;
  const char *name;
} Suggestion;

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const Suggestion *sa = a, *sb = b;

  if (sa->score != sb->score)
    return sa->score > sb->score ? -1 : 1;
  if (sa->mentions != sb->mentions)
    return sa->mentions > sb->mentions ? -1 : 1;
  return g_strcmp0 (sa->name, sb->name);
}

static guint
entity_score (char           **query,
              EntGraphEntity  *entity)
{
  guint best = word_score (query, entity->name);

  for (guint i = 0; i < entity->aliases->len && best < 2; i++)
    best = MAX (best, word_score (query, g_ptr_array_index (entity->aliases, i)));

  return best;
}

char *
ent_cli_suggest_names (EntGraph   *graph,
                       const char *name)
{
  g_auto(GStrv) query = name_words (name);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Suggestion));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntGraphEntity *entity = ent_graph_get_entity (graph, i);
      Suggestion suggestion = { entity_score (query, entity), entity->mentions, entity->name };

      if (suggestion.score > 0)
        g_array_append_val (found, suggestion);
    }
  if (found->len == 0)
    return NULL;

  g_array_sort (found, compare_suggestions);
  for (guint i = 0; i < MIN (found->len, 5u); i++)
    g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "",
                            g_array_index (found, Suggestion, i).name);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

gboolean
ent_cli_find_entity (EntGraph   *graph,
                     const char *name,
                     guint      *index)
{
  g_autofree char *suggestions = NULL;

  if (g_utf8_validate (name, -1, NULL) && ent_graph_find_entity (graph, name, index))
    return TRUE;

  if (!g_utf8_validate (name, -1, NULL))
    {
      ent_cli_error (NULL, _("the name is not valid UTF-8"));
      return FALSE;
    }

  suggestions = ent_cli_suggest_names (graph, name);
  if (suggestions != NULL)
    ent_cli_error (name, _("no such entity in the project; close names: %s"), suggestions);
  else
    ent_cli_error (name, _("no such entity in the project"));

  return FALSE;
}
