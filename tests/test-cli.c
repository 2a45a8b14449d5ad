/* test-cli.c — the entente command line, run as a user runs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <json-glib/json-glib.h>

#include "store-fixtures.h"

static const char article_one[] =
  "Tehran, 13 March. President Alexander Lukashenko of Belarus arrived in Tehran on Sunday. "
  "Iranian President Ebrahim Raisi hosted Lukashenko at the Saadabad Palace.\n\n"
  "Iran and Belarus signed a cooperation roadmap.\n";

static const char article_two[] =
  "# Talks in Tehran\n\n"
  "Lukashenko met Supreme Leader Ali Khamenei on Monday. "
  "Khamenei said Iran and Belarus should cooperate within the Shanghai Cooperation Organisation.\n";

typedef struct {
  char *dir;
  char *corpus;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;

  fixture->dir = fixture_temp_dir ();
  fixture->corpus = g_build_filename (fixture->dir, "corpus", NULL);
  fixture->db = g_build_filename (fixture->dir, "project.entente", NULL);
  g_assert_cmpint (g_mkdir (fixture->corpus, 0755), ==, 0);
  one = g_build_filename (fixture->corpus, "visit.txt", NULL);
  two = g_build_filename (fixture->corpus, "talks.md", NULL);
  g_assert_true (g_file_set_contents (one, article_one, -1, NULL));
  g_assert_true (g_file_set_contents (two, article_two, -1, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fixture_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->corpus);
  g_free (fixture->db);
}

static void
ingest (Fixture *fixture)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err,
                                "ingest", "--db", fixture->db, fixture->corpus, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

static JsonObject *
parse_json (JsonParser *parser,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static gboolean
json_has_entity (JsonObject *root,
                 const char *name)
{
  JsonArray *entities = json_object_get_array_member (root, "entities");

  for (guint i = 0; i < json_array_get_length (entities); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (entities, i), "name"), name))
      return TRUE;
  return FALSE;
}

static void
test_cli_version_and_help (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err, "--version", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "entente " PACKAGE_VERSION "\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err, i == 0 ? "help" : "--help", NULL), ==, 0);
      g_assert_nonnull (strstr (out, "entente ingest"));
      g_assert_nonnull (strstr (out, "entente export"));
      g_assert_nonnull (strstr (out, "entente show"));
      g_assert_nonnull (strstr (out, "entente stats"));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }
}

static void
test_cli_ingest (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err,
                                "ingest", "--db", fixture->db, fixture->corpus, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  /* One summary line. */
  g_assert_cmpuint (fixture_count_lines (out), ==, 1);
  g_assert_nonnull (strstr (out, "2 new, 0 replaced, 0 unchanged, 0 failed"));
  g_assert_nonnull (strstr (out, "2 documents"));
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Relative paths work and the same files are recognised. */
  g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err,
                                "ingest", "--db", "project.entente", "corpus/visit.txt", "corpus", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "0 new, 0 replaced, 2 unchanged, 0 failed"));
}

static void
test_cli_default_project (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *home = g_build_filename (fixture->dir, "data-home", NULL);
  g_autofree char *project = g_build_filename (home, "entente", "default.entente", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* Reading verbs do not create the default project. */
  g_assert_cmpint (fixture_run (fixture->dir, home, &out, &err, "stats", NULL), ==, 1);
  g_assert_false (g_file_test (project, G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (err, "default.entente"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (fixture_run (fixture->dir, home, &out, &err, "ingest", fixture->corpus, NULL), ==, 0);
  g_assert_true (g_file_test (project, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (fixture_run (fixture->dir, home, &out, &err, "stats", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Documents: 2"));
}

static void
test_cli_stats (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ingest (fixture);
  g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err, "stats", "--db", fixture->db, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, fixture->db));
  g_assert_nonnull (strstr (out, "Documents: 2"));
  g_assert_nonnull (strstr (out, "Entities: "));
  g_assert_nonnull (strstr (out, "country"));
  g_assert_nonnull (strstr (out, "Relations: "));
}

static void
test_cli_show (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ingest (fixture);
  g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err, "show", "--db", fixture->db, "belarus", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_test_message ("%s", out);
  g_assert_true (g_str_has_prefix (out, "Belarus (country)\n"));
  g_assert_nonnull (strstr (out, "Mentioned "));
  /* Evidence comes with its document's title. */
  g_assert_nonnull (strstr (out, "” — "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* An unknown name: one clear line with close names, and a failure status. */
  g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err, "show", "--db", fixture->db, "Belarrus", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpuint (fixture_count_lines (err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "entente: Belarrus: "));
  g_assert_nonnull (strstr (err, "“Belarus”"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err, "show", "--db", fixture->db, "Zzyzx", NULL), ==, 1);
  g_assert_cmpuint (fixture_count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, "Zzyzx"));
}

static void
test_cli_export_json (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *file = g_build_filename (fixture->dir, "graph.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) whole_parser = json_parser_new ();
  g_autoptr(JsonParser) focus_parser = json_parser_new ();
  g_autoptr(JsonParser) file_parser = json_parser_new ();
  JsonObject *whole, *focus, *from_file;

  ingest (fixture);
  g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err,
                                "export", "--db", fixture->db, "--format", "json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  whole = parse_json (whole_parser, out);
  g_assert_cmpstr (json_object_get_string_member (whole, "format"), ==, "entente-graph");
  g_assert_cmpint (json_object_get_int_member (whole, "version"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (whole, "documents")), ==, 2);
  g_assert_true (json_has_entity (whole, "Belarus"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err,
                                "export", "--db", fixture->db, "--format", "JSON",
                                "--focus", "Belarus", "--depth", "1", NULL), ==, 0);
  focus = parse_json (focus_parser, out);
  g_assert_true (json_has_entity (focus, "Belarus"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (focus, "entities")), <=,
                    json_array_get_length (json_object_get_array_member (whole, "entities")));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err,
                                "export", "--db", fixture->db, "--format", "json", "-o", "graph.json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  from_file = parse_json (file_parser, contents);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (from_file, "relations")), ==,
                    json_array_get_length (json_object_get_array_member (whole, "relations")));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A focus nobody has: an error with close names, nothing written. */
  g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err,
                                "export", "--db", fixture->db, "--format", "json", "--focus", "Belaru", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpuint (fixture_count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, "“Belarus”"));
}

static void
test_cli_export_formats (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct {
    const char *format;
    const char *file;
    const char *starts_with;
  } cases[] = {
    { "svg", "graph.svg", NULL },
    { "png", "graph.png", "\x89PNG" },
    { "pdf", "graph.pdf", "%PDF" },
    { "dot", "graph.dot", NULL },
    { "graphml", "graph.graphml", "<?xml" },
    { "gexf", "graph.gexf", "<?xml" },
    { "csv", "graph.csv", NULL },
  };

  ingest (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *path = g_build_filename (fixture->dir, cases[i].file, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err,
                                    "export", "--db", fixture->db, "--format", cases[i].format,
                                    "--layout", "dot", "-o", cases[i].file, NULL), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 0);
      if (cases[i].starts_with != NULL)
        g_assert_true (g_str_has_prefix (contents, cases[i].starts_with));
    }
}

static void
test_cli_binary_to_terminal (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *script = g_find_program_in_path ("script");
  g_autofree char *exe = NULL;
  g_autofree char *db = NULL;
  g_autofree char *command = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (script == NULL)
    {
      g_test_skip ("script(1) is needed to give entente a terminal");
      return;
    }

  ingest (fixture);
  exe = g_shell_quote (g_getenv ("ENTENTE_EXE"));
  db = g_shell_quote (fixture->db);
  command = g_strdup_printf ("%s export --db %s --format png", exe, db);

  /* Under script(1) standard output is a terminal: a PNG would garble it. */
  {
    const char *argv[] = { script, "-qec", command, "/dev/null", NULL };
    int wait_status = 0;
    g_autoptr(GError) error = NULL;

    g_assert_true (g_spawn_sync (fixture->dir, (char **) argv, NULL, G_SPAWN_DEFAULT,
                                 NULL, NULL, &out, &err, &wait_status, &error));
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (wait_status));
    g_assert_cmpint (WEXITSTATUS (wait_status), ==, 2);
    g_assert_nonnull (strstr (out, "terminal"));
    g_assert_null (strstr (out, "PNG"));
  }
}

static void
test_cli_usage_errors (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *const cases[][8] = {
    { "export", "--db", "project.entente", NULL },
    { "export", "--db", "project.entente", "--format", "bmp", NULL },
    { "export", "--db", "project.entente", "--format", "json", "--depth", "0", NULL },
    { "export", "--db", "project.entente", "--format", "json", "--depth", "4", NULL },
    { "export", "--db", "project.entente", "--format", "json", "--depth", "two", NULL },
    { "export", "--db", "project.entente", "--format", "svg", "--layout", "spring", NULL },
    { "export", "--db", "project.entente", "--format", NULL },
    { "export", "--frobnicate", NULL },
    { "ingest", "--db", "project.entente", NULL },
    { "ingest", "--unknown", "corpus", NULL },
    { "show", "--db", "project.entente", NULL },
    { "stats", "--db", "project.entente", "extra", NULL },
  };

  ingest (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *const *args = cases[i];

      g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err,
                                    args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7]),
                       ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "entente: "));
      g_assert_cmpuint (fixture_count_lines (err), ==, 1);
    }
}

static void
test_cli_missing_project (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.entente", NULL);
  const char *verbs[][5] = {
    { "stats", "--db", missing, NULL },
    { "show", "--db", missing, "Belarus", NULL },
    { "export", "--db", missing, "--format", "json" },
  };

  /* Reading verbs never create a project. */
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err, verbs[i][0], verbs[i][1], verbs[i][2],
                                    verbs[i][3], verbs[i][4], NULL), ==, 1);
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
      g_assert_true (g_str_has_prefix (err, "entente: "));
      g_assert_nonnull (strstr (err, missing));
      g_assert_cmpuint (fixture_count_lines (err), ==, 1);
    }
}

/* File names and names in a project may hold terminal escape sequences (a
 * file called "\e[31mvisit\e[0m.txt", a name corrected by hand): show and
 * stats print them escaped ("\x1b"), never raw, and keep Persian or
 * Cyrillic as they are. */
static void
test_cli_controls_escaped (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *odd = g_build_filename (fixture->dir, "odd", NULL);
  g_autofree char *escape_name = g_build_filename (odd, "\x1b[31mvisit\x1b[0m.txt", NULL);
  g_autofree char *persian_name = g_build_filename (odd, "\xda\xaf\xd9\x81\xd8\xaa\xda\xaf\xd9\x88.txt", NULL);
  g_autofree char *odd_db = g_build_filename (fixture->dir, "\x1b]0;owned\x07\xd0\x9f\xd1\x80\xd0\xbe.entente", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  guint belarus;

  g_assert_cmpint (g_mkdir (odd, 0755), ==, 0);
  g_assert_true (g_file_set_contents (escape_name,
                                      "Belarusian President Alexander Lukashenko met Chinese President "
                                      "Xi Jinping in Beijing on Tuesday.\n", -1, NULL));
  g_assert_true (g_file_set_contents (persian_name,
                                      "Belarusian Prime Minister Roman Golovchenko visited Tehran on Monday.\n",
                                      -1, NULL));
  g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err, "ingest", "--db", odd_db, odd, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A name corrected by hand; the old one stays an alias. */
  store = ent_store_open (odd_db, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_true (ent_graph_find_entity (graph, "Belarus", &belarus));
  g_assert_true (ent_store_rename_entity (store, ent_graph_get_entity (graph, belarus)->id,
                                          "Belarus\x1b[2J\xc2\x9b", &error));
  g_assert_no_error (error);
  g_clear_pointer (&store, ent_store_free);

  g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err, "show", "--db", odd_db, "belarus", NULL), ==, 0);
  g_test_message ("%s", out);
  g_assert_null (strchr (out, '\x1b'));
  g_assert_null (strstr (out, "\xc2\x9b"));
  g_assert_true (g_str_has_prefix (out, "Belarus\\x1b[2J\\u009b (country)\n"));
  g_assert_nonnull (strstr (out, "\\x1b[31mvisit\\x1b[0m"));
  g_assert_nonnull (strstr (out, "\xda\xaf\xd9\x81\xd8\xaa\xda\xaf\xd9\x88"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (fixture_run (fixture->dir, NULL, &out, &err, "stats", "--db", odd_db, NULL), ==, 0);
  g_test_message ("%s", out);
  g_assert_null (strchr (out, '\x1b'));
  g_assert_null (strchr (out, '\x07'));
  g_assert_nonnull (strstr (out, "\\x1b]0;owned\\x07\xd0\x9f\xd1\x80\xd0\xbe.entente"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The tests run the built program; meson says where it is. */
  g_assert_nonnull (g_getenv ("ENTENTE_EXE"));

#define ADD(path, func) \
  g_test_add ("/entente/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("version-and-help", test_cli_version_and_help);
  ADD ("ingest", test_cli_ingest);
  ADD ("default-project", test_cli_default_project);
  ADD ("stats", test_cli_stats);
  ADD ("show", test_cli_show);
  ADD ("controls-escaped", test_cli_controls_escaped);
  ADD ("export-json", test_cli_export_json);
  ADD ("export-formats", test_cli_export_formats);
  ADD ("binary-to-terminal", test_cli_binary_to_terminal);
  ADD ("usage-errors", test_cli_usage_errors);
  ADD ("missing-project", test_cli_missing_project);
#undef ADD

  return g_test_run ();
}
