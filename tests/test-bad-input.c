/* test-bad-input.c — what the store and the command line do with damaged,
 * foreign, too new, read-only or missing files. (Bad documents are the
 * document readers' tests; here they only have to be reported and skipped.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-bad-input"

#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store-fixtures.h"

typedef struct {
  char   *contents;
  gsize   length;
  gint64  mtime_ns;
  gint64  size;
} Snapshot;

static void
snapshot_take (Snapshot   *snapshot,
               const char *path)
{
  struct stat st;

  g_assert_true (g_file_get_contents (path, &snapshot->contents, &snapshot->length, NULL));
  g_assert_cmpint (stat (path, &st), ==, 0);
  snapshot->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  snapshot->size = st.st_size;
}

/* The file is exactly as it was: bytes, size and modification time. */
static void
snapshot_assert_unchanged (Snapshot   *snapshot,
                           const char *path)
{
  Snapshot now = { 0 };

  snapshot_take (&now, path);
  g_assert_cmpint (now.size, ==, snapshot->size);
  g_assert_cmpint (now.mtime_ns, ==, snapshot->mtime_ns);
  g_assert_true (now.length == snapshot->length &&
                 memcmp (now.contents, snapshot->contents, now.length) == 0);
  g_free (now.contents);
  g_clear_pointer (&snapshot->contents, g_free);
}

/* A small real project, closed (so its WAL is checkpointed into the file). */
static void
make_project (const char *path)
{
  g_autoptr(EntStore) store = fixture_open (path);

  for (guint n = 0; n < 20; n++)
    {
      g_autofree char *text = g_strdup_printf ("Document %u says that Iran met Belarus. "
                                               "It is a long sentence number %u with filler words.", n, n);
      g_autofree char *doc_path = g_strdup_printf ("/corpus/%u.txt", n);
      g_autoptr(FixtureDocument) document = fixture_document (doc_path, "Doc", text);
      g_autoptr(EntExtraction) extraction = ent_extraction_new ();
      guint iran, belarus;

      fixture_all_sentences (extraction, document);
      iran = fixture_entity (extraction, ENT_ENTITY_COUNTRY, "Iran", 1);
      belarus = fixture_entity (extraction, ENT_ENTITY_COUNTRY, "Belarus", 1);
      ent_extraction_add_relation (extraction, ENT_RELATION_MET, iran, belarus, NULL, 0);
      fixture_add (store, document, extraction);
    }
}

static void
assert_open_fails (const char       *path,
                   EntStoreOpenFlags flags,
                   int               code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = ent_store_open (path, flags, &error);

  g_assert_null (store);
  g_assert_error (error, ENT_STORE_ERROR, code);
  g_assert_nonnull (error->message);
  g_test_message ("%s: %s", path, error->message);
}

static void
test_bad_input_random_bytes (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "random.entente", NULL);
  g_autofree char *headed = g_build_filename (dir, "headed.entente", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  Snapshot snapshot = { 0 };

  for (guint i = 0; i < 8192; i++)
    {
      guint8 byte = g_rand_int_range (rand, 0, 256);

      g_byte_array_append (bytes, &byte, 1);
    }
  g_assert_true (g_file_set_contents (path, (const char *) bytes->data, bytes->len, NULL));
  snapshot_take (&snapshot, path);

  store = ent_store_open (path, ENT_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT);
  g_assert_cmpstr (error->message, ==, "not an Entente project: file is not a database");
  snapshot_assert_unchanged (&snapshot, path);

  /* A SQLite header followed by garbage. */
  memcpy (bytes->data, "SQLite format 3", 16);
  g_assert_true (g_file_set_contents (headed, (const char *) bytes->data, bytes->len, NULL));
  snapshot_take (&snapshot, headed);
  assert_open_fails (headed, ENT_STORE_OPEN_CREATE, ENT_STORE_ERROR_CORRUPT);
  snapshot_assert_unchanged (&snapshot, headed);

  fixture_remove_dir (dir);
}

static void
test_bad_input_truncated (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "project.entente", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  Snapshot snapshot = { 0 };

  make_project (path);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16384);

  /* Cut in the middle of the data: the header still says "SQLite". Every
   * verb says so in one line, and leaves the file as it is. */
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
  snapshot_take (&snapshot, path);
  assert_open_fails (path, ENT_STORE_OPEN_CREATE, ENT_STORE_ERROR_CORRUPT);
  assert_open_fails (path, ENT_STORE_OPEN_READ_ONLY, ENT_STORE_ERROR_CORRUPT);
  for (guint v = 0; v < 3; v++)
    {
      const char *verbs[][3] = { { "stats", NULL }, { "show", "Iran" }, { "export", "--format=json" } };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (fixture_run (dir, NULL, &out, &err, verbs[v][0], "--db", path,
                                    verbs[v][1], NULL), ==, 1);
      g_assert_cmpuint (fixture_count_lines (err), ==, 1);
      g_assert_nonnull (strstr (err, "damaged project"));
    }
  snapshot_assert_unchanged (&snapshot, path);

  /* Cut inside the first page. */
  g_assert_true (g_file_set_contents (path, contents, 50, NULL));
  assert_open_fails (path, ENT_STORE_OPEN_CREATE, ENT_STORE_ERROR_CORRUPT);

  fixture_remove_dir (dir);
}

static void
test_bad_input_other_application (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *plain = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *marked = g_build_filename (dir, "other.sqlite", NULL);
  g_autofree char *wal = g_build_filename (dir, "wal.sqlite", NULL);
  Snapshot snapshot = { 0 };

  /* Tables but no Entente marker. */
  fixture_sql_exec (plain, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                    "INSERT INTO notes (body) VALUES ('keep me');");
  snapshot_take (&snapshot, plain);
  assert_open_fails (plain, ENT_STORE_OPEN_CREATE, ENT_STORE_ERROR_NOT_A_PROJECT);
  assert_open_fails (plain, ENT_STORE_OPEN_READ_ONLY, ENT_STORE_ERROR_NOT_A_PROJECT);
  snapshot_assert_unchanged (&snapshot, plain);

  /* Another application's id, even without any table. */
  fixture_sql_exec (marked, "PRAGMA application_id = 1234");
  snapshot_take (&snapshot, marked);
  assert_open_fails (marked, ENT_STORE_OPEN_CREATE, ENT_STORE_ERROR_NOT_A_PROJECT);
  snapshot_assert_unchanged (&snapshot, marked);

  /* One in rollback-journal mode must not be switched to WAL. */
  fixture_sql_exec (wal, "PRAGMA journal_mode = DELETE; CREATE TABLE t (x);");
  snapshot_take (&snapshot, wal);
  assert_open_fails (wal, ENT_STORE_OPEN_CREATE, ENT_STORE_ERROR_NOT_A_PROJECT);
  snapshot_assert_unchanged (&snapshot, wal);

  fixture_remove_dir (dir);
}

static void
test_bad_input_too_new (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "future.entente", NULL);
  Snapshot snapshot = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;

  make_project (path);
  fixture_sql_exec (path, "PRAGMA user_version = 99");
  snapshot_take (&snapshot, path);

  store = ent_store_open (path, ENT_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));
  assert_open_fails (path, ENT_STORE_OPEN_READ_ONLY, ENT_STORE_ERROR_TOO_NEW);
  snapshot_assert_unchanged (&snapshot, path);

  fixture_remove_dir (dir);
}

/* A version no Entente ever wrote (the fuzzing probe's PRAGMA user_version = -1
 * hit an assertion in the migration code): a clear error, file untouched. */
static void
test_bad_input_unsupported_version (void)
{
  const char *versions[] = { "-1", "-2147483648", "0" };
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "odd.entente", NULL);

  make_project (path);
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %s", versions[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(EntStore) store = NULL;
      Snapshot snapshot = { 0 };

      fixture_sql_exec (path, sql);
      snapshot_take (&snapshot, path);

      store = ent_store_open (path, ENT_STORE_OPEN_CREATE, &error);
      g_assert_null (store);
      g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_A_PROJECT);
      g_assert_nonnull (strstr (error->message, "unsupported format version"));
      assert_open_fails (path, ENT_STORE_OPEN_READ_ONLY, ENT_STORE_ERROR_NOT_A_PROJECT);
      snapshot_assert_unchanged (&snapshot, path);
    }

  fixture_remove_dir (dir);
}

static void
test_bad_input_read_only (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "locked.entente", NULL);
  g_autoptr(FixtureDocument) document = fixture_document ("/corpus/new.txt", "New", "Iran met Belarus again.");
  g_autoptr(EntExtraction) extraction = ent_extraction_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  Snapshot snapshot = { 0 };

  make_project (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  snapshot_take (&snapshot, path);

  /* Opens (even for root, who could write it anyway), for reading only. */
  store = ent_store_open (path, ENT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (ent_store_is_read_only (store));
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (graph->documents->len, ==, 20);

  fixture_all_sentences (extraction, document);
  fixture_entity (extraction, ENT_ENTITY_COUNTRY, "Iran", 1);
  g_assert_false (ent_store_add_document (store, document, extraction, NULL, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);
  g_assert_false (ent_store_set_entity_hidden (store, ent_graph_get_entity (graph, 0)->id, TRUE, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY);

  g_clear_pointer (&store, ent_store_free);
  snapshot_assert_unchanged (&snapshot, path);

  fixture_remove_dir (dir);
}

static void
test_bad_input_odd_paths (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *folder = g_build_filename (dir, "folder.entente", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.entente", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no", "such", "dir", "p.entente", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  assert_open_fails (folder, ENT_STORE_OPEN_CREATE, ENT_STORE_ERROR_NOT_A_PROJECT);

  /* An empty file is a new project when asked to create one, and an error
   * otherwise (it is nothing to show). */
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_open_fails (empty, ENT_STORE_OPEN_READ_ONLY, ENT_STORE_ERROR_NOT_A_PROJECT);
  store = ent_store_open (empty, ENT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_pointer (&store, ent_store_free);

  assert_open_fails (nowhere, ENT_STORE_OPEN_CREATE, ENT_STORE_ERROR_NOT_FOUND);
  assert_open_fails (nowhere, ENT_STORE_OPEN_READ_ONLY, ENT_STORE_ERROR_NOT_FOUND);

  fixture_remove_dir (dir);
}

static void
test_bad_input_unreadable_project (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root reads files without read permission");
      return;
    }

  dir = fixture_temp_dir ();
  path = g_build_filename (dir, "secret.entente", NULL);
  make_project (path);
  g_assert_cmpint (g_chmod (path, 0000), ==, 0);
  assert_open_fails (path, ENT_STORE_OPEN_CREATE, ENT_STORE_ERROR_FAILED);
  fixture_remove_dir (dir);
}

/* The command line: one line per problem naming the file, exit status 1,
 * everything that could be done done. */

static const char good_text[] =
  "President Alexander Lukashenko of Belarus arrived in Tehran on Sunday. "
  "Iranian President Ebrahim Raisi hosted Lukashenko.\n";

static gboolean
lines_name (const char *err,
            const char *name)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "entente: ") && strstr (lines[i], name) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_bad_input_cli_mixed_files (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *good = g_build_filename (corpus, "good.txt", NULL);
  g_autofree char *binary = g_build_filename (corpus, "binary.txt", NULL);
  g_autofree char *empty = g_build_filename (corpus, "empty.md", NULL);
  g_autofree char *locked = g_build_filename (corpus, "locked.txt", NULL);
  g_autofree char *docx = g_build_filename (dir, "report.docx", NULL);
  g_autofree char *db = g_build_filename (dir, "p.entente", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  static const char zeros[128] = { 0 };
  gboolean unreadable = geteuid () != 0;
  guint expected_lines = 4;

  g_assert_cmpint (g_mkdir (corpus, 0755), ==, 0);
  g_assert_true (g_file_set_contents (good, good_text, -1, NULL));
  g_assert_true (g_file_set_contents (binary, zeros, sizeof zeros, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (docx, "PK", 2, NULL));
  /* root reads a file without read permission: that case only for others. */
  if (unreadable)
    {
      g_assert_true (g_file_set_contents (locked, good_text, -1, NULL));
      g_assert_cmpint (g_chmod (locked, 0000), ==, 0);
      expected_lines++;
    }

  g_assert_cmpint (fixture_run (dir, NULL, &out, &err, "ingest", "--db", db,
                                "corpus", "missing-folder", "report.docx", NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_cmpuint (fixture_count_lines (err), ==, expected_lines);
  g_assert_true (lines_name (err, binary));
  g_assert_true (lines_name (err, empty));
  g_assert_true (lines_name (err, "missing-folder"));
  g_assert_true (lines_name (err, "report.docx"));
  if (unreadable)
    g_assert_true (lines_name (err, locked));

  /* The good file went in all the same. */
  g_assert_nonnull (strstr (out, "1 new"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (fixture_run (dir, NULL, &out, &err, "stats", "--db", db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Documents: 1"));

  fixture_remove_dir (dir);
}

static void
test_bad_input_cli_bad_projects (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *good = g_build_filename (corpus, "good.txt", NULL);
  g_autofree char *random = g_build_filename (dir, "random.entente", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.entente", NULL);
  g_autofree char *future = g_build_filename (dir, "future.entente", NULL);
  g_autofree char *negative = g_build_filename (dir, "negative.entente", NULL);
  const char *projects[] = { random, other, locked, future, negative };
  static const char junk[] = "This is not a database at all, just some text.\n";

  g_assert_cmpint (g_mkdir (corpus, 0755), ==, 0);
  g_assert_true (g_file_set_contents (good, good_text, -1, NULL));
  g_assert_true (g_file_set_contents (random, junk, -1, NULL));
  fixture_sql_exec (other, "CREATE TABLE notes (body TEXT)");
  make_project (locked);
  g_assert_cmpint (g_chmod (locked, 0444), ==, 0);
  make_project (future);
  fixture_sql_exec (future, "PRAGMA user_version = 7");
  make_project (negative);
  fixture_sql_exec (negative, "PRAGMA user_version = -1");

  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      const char *verbs[][4] = {
        { "ingest", corpus, NULL },
        { "stats", NULL },
        { "show", "Iran", NULL },
        { "export", "--format", "json", NULL },
      };
      Snapshot snapshot = { 0 };

      snapshot_take (&snapshot, projects[i]);
      for (guint v = 0; v < G_N_ELEMENTS (verbs); v++)
        {
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          int status = fixture_run (dir, NULL, &out, &err, verbs[v][0], "--db", projects[i],
                                    verbs[v][1], verbs[v][2], verbs[v][3], NULL);

          /* A read-only project can still be read. */
          if (projects[i] == locked && v > 0)
            {
              g_assert_cmpint (status, ==, 0);
              continue;
            }
          g_test_message ("%s %s: %s", verbs[v][0], projects[i], err);
          g_assert_cmpint (status, ==, 1);
          g_assert_true (g_str_has_prefix (err, "entente: "));
          g_assert_nonnull (strstr (err, projects[i]));
          g_assert_cmpuint (fixture_count_lines (err), ==, 1);
        }
      snapshot_assert_unchanged (&snapshot, projects[i]);
    }

  fixture_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/bad-input/random-bytes", test_bad_input_random_bytes);
  g_test_add_func ("/entente/bad-input/truncated", test_bad_input_truncated);
  g_test_add_func ("/entente/bad-input/other-application", test_bad_input_other_application);
  g_test_add_func ("/entente/bad-input/too-new", test_bad_input_too_new);
  g_test_add_func ("/entente/bad-input/unsupported-version", test_bad_input_unsupported_version);
  g_test_add_func ("/entente/bad-input/read-only", test_bad_input_read_only);
  g_test_add_func ("/entente/bad-input/odd-paths", test_bad_input_odd_paths);
  g_test_add_func ("/entente/bad-input/unreadable-project", test_bad_input_unreadable_project);
  g_test_add_func ("/entente/bad-input/cli-mixed-files", test_bad_input_cli_mixed_files);
  g_test_add_func ("/entente/bad-input/cli-bad-projects", test_bad_input_cli_bad_projects);

  return g_test_run ();
}
