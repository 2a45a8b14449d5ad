/* test-tampered.c — a project file edited by hand (or by a fuzzer) with SQL:
 * NULLs where the schema says NOT NULL, spans that end before they start,
 * rows pointing at rows that are not there. Nothing may crash or spill GLib
 * criticals (the tests run with G_DEBUG=fatal-warnings); what cannot be used
 * is skipped and reported once, through the store API and the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-tampered"

#include "config.h"

#include <sqlite3.h>

#include "store-fixtures.h"

static const char visit_text[] =
  "President Ebrahim Raisi met Alexander Lukashenko in Tehran. "
  "Iran and Belarus signed eight agreements. "
  "Lukashenko visited Tehran.";

static const char talks_text[] =
  "Lukashenko met Raisi again in the afternoon. "
  "Belarus and Iran cooperate within the SCO.";

typedef struct {
  char *dir;
  char *path;
} Project;

static EntExtraction *
visit_extraction (const EntDocument *document)
{
  EntExtraction *extraction = ent_extraction_new ();
  guint raisi, lukashenko, tehran, iran, belarus, agreements;

  fixture_all_sentences (extraction, document);
  raisi = fixture_entity (extraction, ENT_ENTITY_PERSON, "Ebrahim Raisi", 1);
  ent_extracted_entity_add_alias (g_ptr_array_index (extraction->entities, raisi), "Raisi");
  lukashenko = fixture_entity (extraction, ENT_ENTITY_PERSON, "Alexander Lukashenko", 2);
  ent_extracted_entity_add_alias (g_ptr_array_index (extraction->entities, lukashenko), "Lukashenko");
  tehran = fixture_entity (extraction, ENT_ENTITY_PLACE, "Tehran", 2);
  g_hash_table_insert (((EntExtractedEntity *) g_ptr_array_index (extraction->entities, tehran))->attributes,
                       g_strdup ("kind"), g_strdup ("city"));
  iran = fixture_entity (extraction, ENT_ENTITY_COUNTRY, "Iran", 1);
  belarus = fixture_entity (extraction, ENT_ENTITY_COUNTRY, "Belarus", 1);
  agreements = fixture_entity (extraction, ENT_ENTITY_AGREEMENT, "Cooperation agreements", 1);

  ent_extraction_add_relation (extraction, ENT_RELATION_MET, raisi, lukashenko, NULL, 0);
  ent_extraction_add_relation (extraction, ENT_RELATION_HOLDS_OFFICE, raisi, iran, "President", 0);
  ent_extraction_add_relation (extraction, ENT_RELATION_PARTY_TO, iran, agreements, NULL, 1);
  ent_extraction_add_relation (extraction, ENT_RELATION_PARTY_TO, belarus, agreements, NULL, 1);
  ent_extraction_add_relation (extraction, ENT_RELATION_VISITED, lukashenko, tehran, NULL, 2);
  ent_extraction_add_claim (extraction, agreements, "count", "8", 1);

  return extraction;
}

static EntExtraction *
talks_extraction (const EntDocument *document)
{
  EntExtraction *extraction = ent_extraction_new ();
  guint raisi, lukashenko, iran, belarus, sco;

  fixture_all_sentences (extraction, document);
  lukashenko = fixture_entity (extraction, ENT_ENTITY_PERSON, "Lukashenko", 1);
  raisi = fixture_entity (extraction, ENT_ENTITY_PERSON, "Raisi", 1);
  belarus = fixture_entity (extraction, ENT_ENTITY_COUNTRY, "Belarus", 1);
  iran = fixture_entity (extraction, ENT_ENTITY_COUNTRY, "Iran", 1);
  sco = fixture_entity (extraction, ENT_ENTITY_ORGANIZATION, "SCO", 1);

  ent_extraction_add_relation (extraction, ENT_RELATION_MET, lukashenko, raisi, NULL, 0);
  ent_extraction_add_relation (extraction, ENT_RELATION_COOPERATES_WITHIN, belarus, sco, NULL, 1);
  ent_extraction_add_relation (extraction, ENT_RELATION_COOPERATES_WITHIN, iran, sco, NULL, 1);

  return extraction;
}

static void
add_document (EntStore      *store,
              const char    *path,
              const char    *title,
              const char    *text,
              EntExtraction *(*extract) (const EntDocument *))
{
  g_autoptr(FixtureDocument) document = fixture_document (path, title, text);
  g_autoptr(EntExtraction) extraction = extract (document);

  fixture_add (store, document, extraction);
}

static gint64
entity_id (EntStore   *store,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = ent_store_load_graph (store, &error);
  guint index;

  g_assert_no_error (error);
  g_assert_true (ent_graph_find_entity (graph, name, &index));
  return ent_graph_get_entity (graph, index)->id;
}

/* A real project written by the store: two documents with aliases, an
 * attribute, a claim, relations with evidence, and a correction. Closed, so
 * that its WAL is in the file. */
static void
project_set_up (Project       *project,
                gconstpointer  data)
{
  g_autoptr(EntStore) store = NULL;
  g_autoptr(GError) error = NULL;

  project->dir = fixture_temp_dir ();
  project->path = g_build_filename (project->dir, "tampered.entente", NULL);
  store = fixture_open (project->path);
  add_document (store, "/corpus/visit.txt", "State visit", visit_text, visit_extraction);
  add_document (store, "/corpus/talks.txt", "Talks", talks_text, talks_extraction);
  g_assert_true (ent_store_rename_entity (store, entity_id (store, "SCO"),
                                          "Shanghai Cooperation Organisation", &error));
  g_assert_no_error (error);
}

static void
project_tear_down (Project       *project,
                   gconstpointer  data)
{
  fixture_remove_dir (project->dir);
  g_free (project->path);
  g_free (project->dir);
}

static void
tamper (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* Rebuilds @table without its constraints (NOT NULL, keys, UNIQUE), as a
 * hostile file may have it, keeping its rows. */
static void
loosen (const char *path,
        const char *table)
{
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE loose AS SELECT * FROM %s;"
                                          "DROP TABLE %s;"
                                          "ALTER TABLE loose RENAME TO %s;",
                                          table, table, table);

  tamper (path, sql);
}

static EntStore *
open_store (const char        *path,
            EntStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  EntStore *store = ent_store_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* The store's report names @what once, with @count. */
static void
assert_damage (EntStore   *store,
               guint       count,
               const char *what)
{
  g_autofree char *report = ent_store_take_damage_report (store);
  g_autofree char *expected = g_strdup_printf ("%u %s", count, what);
  g_autofree char *again = NULL;

  g_test_message ("damage: %s", report);
  g_assert_nonnull (report);
  g_assert_true (g_str_has_prefix (report, "damaged project: skipped "));
  g_assert_nonnull (strstr (report, expected));
  g_assert_cmpuint (fixture_count_lines (report), ==, 0);

  /* Taken: not reported twice. */
  again = ent_store_take_damage_report (store);
  g_assert_null (again);
}

/* Runs a verb of the command line on the project: exit status 0, and stderr
 * is exactly one line, naming the project and @what. */
static char *
run_cli (Project    *project,
         const char *what,
         const char *verb,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *err = NULL;
  char *out = NULL;
  va_list ap;
  int status;

  va_start (ap, verb);
  for (const char *arg = verb; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  while (args->len < 8)
    g_ptr_array_add (args, NULL);

  status = fixture_run (project->dir, NULL, &out, &err,
                        g_ptr_array_index (args, 0), "--db", project->path,
                        g_ptr_array_index (args, 1), g_ptr_array_index (args, 2),
                        g_ptr_array_index (args, 3), g_ptr_array_index (args, 4),
                        g_ptr_array_index (args, 5), g_ptr_array_index (args, 6),
                        NULL);
  g_test_message ("%s: status %d, stderr: %s", verb, status, err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (fixture_count_lines (err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "entente: "));
  g_assert_nonnull (strstr (err, project->path));
  g_assert_nonnull (strstr (err, what));

  return out;
}

/* Tests */

/* The fuzzing probe's first find: a NULL kind segfaulted every writable open
 * (apply_correction compared it with g_str_equal). */
static void
test_tampered_correction_kind (Project       *project,
                               gconstpointer  data)
{
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = g_build_filename (project->dir, "new.txt", NULL);
  guint index;

  loosen (project->path, "corrections");
  tamper (project->path,
          "INSERT INTO corrections (kind, type, key) VALUES (NULL, 'person', 'ebrahim raisi');"
          "INSERT INTO corrections (kind, type, key, value) VALUES ('rename', NULL, NULL, 'X');"
          "INSERT INTO corrections (kind, type, key, value) VALUES ('hide', 'country', NULL, '1');");

  store = open_store (project->path, ENT_STORE_OPEN_DEFAULT);
  add_document (store, "/corpus/again.txt", "Again", "Lukashenko met Raisi again in the afternoon. "
                "Belarus and Iran cooperate within the SCO. Once more.", talks_extraction);

  /* The correction that is whole still applies. */
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_true (ent_graph_find_entity (graph, "Shanghai Cooperation Organisation", &index));
  g_assert_true (ent_graph_find_entity (graph, "Iran", &index));
  assert_damage (store, 3, "corrections without a kind, type or key");
  g_clear_pointer (&store, ent_store_free);

  g_assert_true (g_file_set_contents (text, "Iran met Belarus in Minsk.\n", -1, NULL));
  out = run_cli (project, "3 corrections without a kind, type or key", "ingest", text, NULL);
  g_assert_nonnull (strstr (out, "1 new"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/entente/tampered/" path, Project, NULL, project_set_up, func, project_tear_down)
  ADD ("correction-kind", test_tampered_correction_kind);
#undef ADD

  return g_test_run ();
}
