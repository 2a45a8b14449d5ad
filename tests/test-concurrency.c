/* test-concurrency.c — several writers on one project at once.
 *
 * Two `entente ingest` started together on a new project raced to create the
 * schema: one failed with "table documents already exists" and its documents
 * were lost. Here several processes (and, in process, several connections on
 * threads) write to one new project at the same moment, over overlapping
 * documents; every document must be there exactly once, and the graph must be
 * the one a single sequential run builds from the same documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-concurrency"

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "ent-json.h"
#include "store-fixtures.h"

#define N_PROCESSES 4
#define N_SHARED 20
#define N_OWN 20
#define N_ROUNDS 3
#define N_CREATORS 6
#define N_CREATE_ROUNDS 20

/* Signatures */

/* What a JSON export says, as a multiset of lines: "D title" per document,
 * "E type name mentions" per entity, "R type source target attributes
 * n_evidence" per relation (ends by name, symmetric ones in name order,
 * since which end is the source depends on the order rows were created). */
static GHashTable *
signature_from_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *signature = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *root;
  JsonArray *array;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

#define ADD_LINE(line) \
  G_STMT_START { \
    char *key_ = (line); \
    g_hash_table_insert (signature, key_, \
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (signature, key_)) + 1)); \
  } G_STMT_END

  array = json_object_get_array_member (root, "documents");
  for (guint i = 0; i < json_array_get_length (array); i++)
    ADD_LINE (g_strdup_printf ("D %s", json_object_get_string_member (json_array_get_object_element (array, i),
                                                                      "title")));

  array = json_object_get_array_member (root, "entities");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entity = json_array_get_object_element (array, i);

      g_hash_table_insert (names, (gpointer) json_object_get_string_member (entity, "id"),
                           (gpointer) json_object_get_string_member (entity, "name"));
      ADD_LINE (g_strdup_printf ("E %s %s %" G_GINT64_FORMAT,
                                 json_object_get_string_member (entity, "type"),
                                 json_object_get_string_member (entity, "name"),
                                 json_object_get_int_member (entity, "mentions")));
    }

  array = json_object_get_array_member (root, "relations");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *relation = json_array_get_object_element (array, i);
      const char *type_name = json_object_get_string_member (relation, "type");
      const char *source = g_hash_table_lookup (names, json_object_get_string_member (relation, "source"));
      const char *target = g_hash_table_lookup (names, json_object_get_string_member (relation, "target"));
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *attributes = NULL;
      EntRelationType type;

      g_assert_true (ent_relation_type_from_string (type_name, &type));
      if (ent_relation_type_is_symmetric (type) && g_strcmp0 (source, target) > 0)
        {
          const char *swap = source;

          source = target;
          target = swap;
        }
      json_generator_set_root (generator, json_object_get_member (relation, "attributes"));
      attributes = json_generator_to_data (generator, NULL);
      ADD_LINE (g_strdup_printf ("R %s %s %s %s %u", type_name, source, target, attributes,
                                 json_array_get_length (json_object_get_array_member (relation, "evidence"))));
    }
#undef ADD_LINE

  return signature;
}

static void
assert_same_signature (GHashTable *got,
                       GHashTable *expected)
{
  GHashTableIter iter;
  gpointer line, count;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &line, &count))
    if (g_hash_table_lookup (got, line) != count)
      g_error ("expected %u × “%s”, got %u", GPOINTER_TO_UINT (count), (char *) line,
               GPOINTER_TO_UINT (g_hash_table_lookup (got, line)));
  g_assert_cmpuint (g_hash_table_size (got), ==, g_hash_table_size (expected));
}

/* Each of @n_documents "D" lines once. */
static void
assert_documents_once (GHashTable *signature,
                       guint       n_documents)
{
  GHashTableIter iter;
  gpointer line, count;
  guint n = 0;

  g_hash_table_iter_init (&iter, signature);
  while (g_hash_table_iter_next (&iter, &line, &count))
    if (g_str_has_prefix (line, "D "))
      {
        g_assert_cmpuint (GPOINTER_TO_UINT (count), ==, 1);
        n++;
      }
  g_assert_cmpuint (n, ==, n_documents);
}

static GHashTable *
export_signature (const char *dir,
                  const char *db)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (fixture_run (dir, NULL, &out, &err, "export", "--db", db, "--format", "json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  return signature_from_json (out);
}

/* Documents */

static const char *const countries[] = { "Iran", "Belarus", "Kazakhstan", "India" };

/* Document @n: an envoy of its own, who visited one of four countries. */
static void
add_numbered_document (EntStore  *store,
                       guint      n,
                       GError   **error)
{
  g_autofree char *path = g_strdup_printf ("/corpus/doc-%03u.txt", n);
  g_autofree char *title = g_strdup_printf ("Document %03u", n);
  g_autofree char *person = g_strdup_printf ("Envoy Number%03u", n);
  g_autofree char *text = g_strdup_printf ("%s visited %s. The envoy met officials there.",
                                           person, countries[n % G_N_ELEMENTS (countries)]);
  g_autoptr(FixtureDocument) document = fixture_document (path, title, text);
  g_autoptr(EntExtraction) extraction = ent_extraction_new ();
  guint envoy, country;

  fixture_all_sentences (extraction, document);
  envoy = fixture_entity (extraction, ENT_ENTITY_PERSON, person, 2);
  country = fixture_entity (extraction, ENT_ENTITY_COUNTRY, countries[n % G_N_ELEMENTS (countries)], 1);
  ent_extraction_add_relation (extraction, ENT_RELATION_VISITED, envoy, country, NULL, 0);
  ent_store_add_document (store, document, extraction, NULL, error);
}

/* Processes */

static const char *const persons[][3] = {
  { "President", "Ebrahim Raisi", "Iran" },
  { "President", "Alexander Lukashenko", "Belarus" },
  { "Foreign Minister", "Hossein Amir-Abdollahian", "Iran" },
  { "Foreign Minister", "Sergei Aleinik", "Belarus" },
  { "President", "Kassym-Jomart Tokayev", "Kazakhstan" },
  { "Prime Minister", "Narendra Modi", "India" },
  { "President", "Emmanuel Macron", "France" },
  { "Chancellor", "Olaf Scholz", "Germany" },
  { "Prime Minister", "Fumio Kishida", "Japan" },
  { "President", "Cyril Ramaphosa", "South Africa" },
};

static const char *const cities[] = {
  "Tehran", "Minsk", "Astana", "New Delhi", "Paris", "Berlin", "Tokyo", "Pretoria",
};

/* A short news item: two office holders of two countries meet in a city. */
static void
write_document (GRand      *rand,
                const char *folder,
                const char *name,
                guint       day)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *text = NULL;
  guint a = g_rand_int_range (rand, 0, G_N_ELEMENTS (persons));
  guint b = (a + g_rand_int_range (rand, 1, G_N_ELEMENTS (persons))) % G_N_ELEMENTS (persons);
  const char *city = cities[g_rand_int_range (rand, 0, G_N_ELEMENTS (cities))];

  text = g_strdup_printf ("%s %s of %s met %s %s of %s in %s on day %u. "
                          "The two leaders discussed trade and energy.\n",
                          persons[a][0], persons[a][1], persons[a][2],
                          persons[b][0], persons[b][1], persons[b][2], city, day);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* dir/shared with N_SHARED documents every process ingests, and dir/pN with
 * N_OWN documents of process N alone. Returns the folders, shared first. */
static GPtrArray *
write_corpus (const char *dir,
              guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *folders = g_ptr_array_new_with_free_func (g_free);
  guint day = 0;

  for (guint p = 0; p <= N_PROCESSES; p++)
    {
      char *folder = p == 0 ? g_build_filename (dir, "shared", NULL)
                            : g_strdup_printf ("%s/p%u", dir, p);

      g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
      for (guint i = 0; i < (p == 0 ? N_SHARED : N_OWN); i++)
        {
          g_autofree char *name = p == 0 ? g_strdup_printf ("shared-%02u.txt", i)
                                         : g_strdup_printf ("p%u-%02u.txt", p, i);

          write_document (rand, folder, name, ++day);
        }
      g_ptr_array_add (folders, folder);
    }

  return folders;
}

static GSubprocess *
start_ingest (const char  *db,
              const char  *first,
              const char  *second)
{
  const char *argv[] = { g_getenv ("ENTENTE_EXE"), "ingest", "--db", db, first, second, NULL };
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_assert_nonnull (argv[0]);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  return process;
}

/* Waits for @process: it must have succeeded, said nothing on stderr, and
 * failed no document. */
static void
assert_ingest_succeeded (GSubprocess *process)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_test_message ("%s", out);
  if (err[0] != '\0')
    g_error ("stderr of a concurrent ingest: %s", err);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_nonnull (strstr (out, " 0 failed"));
}

static void
test_concurrency_ingest_processes (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *sequential = g_build_filename (dir, "sequential.entente", NULL);
  g_autoptr(GPtrArray) folders = write_corpus (dir, 2023);
  g_autoptr(GHashTable) expected = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* The graph one process builds from all of it. */
  g_assert_cmpint (fixture_run (dir, NULL, &out, &err, "ingest", "--db", sequential,
                                g_ptr_array_index (folders, 0), g_ptr_array_index (folders, 1),
                                g_ptr_array_index (folders, 2), g_ptr_array_index (folders, 3),
                                g_ptr_array_index (folders, 4), NULL), ==, 0);
  expected = export_signature (dir, sequential);
  assert_documents_once (expected, N_SHARED + N_PROCESSES * N_OWN);

  /* Races are a matter of luck: a few rounds, each on a new project. */
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *db = g_strdup_printf ("%s/concurrent-%u.entente", dir, round);
      GSubprocess *processes[N_PROCESSES];
      g_autoptr(GHashTable) got = NULL;

      for (guint p = 0; p < N_PROCESSES; p++)
        processes[p] = start_ingest (db, g_ptr_array_index (folders, 0), g_ptr_array_index (folders, p + 1));
      for (guint p = 0; p < N_PROCESSES; p++)
        {
          assert_ingest_succeeded (processes[p]);
          g_object_unref (processes[p]);
        }

      g_assert_cmpint (fixture_sql_int64 (db, "SELECT count(*) FROM documents"), ==, N_SHARED + N_PROCESSES * N_OWN);
      got = export_signature (dir, db);
      assert_documents_once (got, N_SHARED + N_PROCESSES * N_OWN);
      assert_same_signature (got, expected);
    }

  fixture_remove_dir (dir);
}

/* Several processes opening a project that needs an upgrade: one upgrades
 * it, the others find it done. */
static void
test_concurrency_upgrade_processes (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *db = g_build_filename (dir, "old.entente", NULL);
  g_autoptr(GPtrArray) folders = write_corpus (dir, 13);
  GSubprocess *processes[N_PROCESSES];
  EntStore *store = fixture_open (db);
  sqlite3 *handle = NULL;

  add_numbered_document (store, 1, NULL);
  ent_store_free (store);

  /* Version 1 had no relations_key index. Enough relations that building it
   * takes a while: the others open the project meanwhile. */
  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)"
                                 " INSERT INTO relations (type, source, target, role)"
                                 " SELECT 'met', 1, 2, 'r' || i FROM n;"
                                 "DROP INDEX relations_key; PRAGMA user_version = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  for (guint p = 0; p < N_PROCESSES; p++)
    processes[p] = start_ingest (db, g_ptr_array_index (folders, p + 1), g_ptr_array_index (folders, 0));
  for (guint p = 0; p < N_PROCESSES; p++)
    {
      assert_ingest_succeeded (processes[p]);
      g_object_unref (processes[p]);
    }

  g_assert_cmpint (fixture_sql_int64 (db, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (fixture_sql_int64 (db, "SELECT count(*) FROM documents"), ==, 1 + N_SHARED + N_PROCESSES * N_OWN);

  fixture_remove_dir (dir);
}

/* Threads: one connection each, in this process */

#define N_THREADS 3
#define N_THREAD_SHARED 10
#define N_THREAD_OWN 10

typedef struct {
  const char *path;
  guint       thread;
  /* Every thread opens the project once all are ready: the race is on. */
  GMutex     *mutex;
  GCond      *cond;
  guint      *n_ready;
  GError     *error;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  g_autoptr(EntStore) store = NULL;

  g_mutex_lock (writer->mutex);
  if (++*writer->n_ready == N_THREADS)
    g_cond_broadcast (writer->cond);
  while (*writer->n_ready < N_THREADS)
    g_cond_wait (writer->cond, writer->mutex);
  g_mutex_unlock (writer->mutex);

  store = ent_store_open (writer->path, ENT_STORE_OPEN_CREATE, &writer->error);
  if (store == NULL)
    return NULL;

  /* Shared documents in a different order in each thread. */
  for (guint i = 0; i < N_THREAD_SHARED + N_THREAD_OWN && writer->error == NULL; i++)
    {
      guint n = i < N_THREAD_SHARED ? (i + writer->thread * 3) % N_THREAD_SHARED
                                    : 100 * (writer->thread + 1) + i;

      add_numbered_document (store, n, &writer->error);
    }

  return NULL;
}

static GHashTable *
store_signature (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_no_error (error);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_true (ent_json_write_graph (graph, NULL, out, &error));
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_no_error (error);

  return signature_from_json (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)));
}

static void
test_concurrency_threads (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *sequential = g_build_filename (dir, "sequential.entente", NULL);
  g_autoptr(GHashTable) expected = NULL;
  guint n_documents = N_THREAD_SHARED + N_THREADS * N_THREAD_OWN;

  {
    g_autoptr(EntStore) store = fixture_open (sequential);
    g_autoptr(GError) error = NULL;

    for (guint t = 0; t < N_THREADS; t++)
      for (guint i = 0; i < N_THREAD_SHARED + N_THREAD_OWN; i++)
        {
          add_numbered_document (store, i < N_THREAD_SHARED ? i : 100 * (t + 1) + i, &error);
          g_assert_no_error (error);
        }
  }
  expected = store_signature (sequential);
  assert_documents_once (expected, n_documents);

  for (guint round = 0; round < 10; round++)
    {
      g_autofree char *path = g_strdup_printf ("%s/threads-%u.entente", dir, round);
      g_autoptr(GHashTable) got = NULL;
      Writer writers[N_THREADS];
      GThread *threads[N_THREADS];
      GMutex mutex;
      GCond cond;
      guint n_ready = 0;

      g_mutex_init (&mutex);
      g_cond_init (&cond);
      for (guint t = 0; t < N_THREADS; t++)
        {
          writers[t] = (Writer) { path, t, &mutex, &cond, &n_ready, NULL };
          threads[t] = g_thread_new ("writer", writer_thread, &writers[t]);
        }
      for (guint t = 0; t < N_THREADS; t++)
        {
          g_thread_join (threads[t]);
          g_assert_no_error (writers[t].error);
        }
      g_mutex_clear (&mutex);
      g_cond_clear (&cond);

      got = store_signature (path);
      assert_documents_once (got, n_documents);
      assert_same_signature (got, expected);
    }

  fixture_remove_dir (dir);
}

/* Processes that only create the project, many times: the race between one
 * process inspecting a new file and another creating its schema is narrow.
 * (Threads in one process do not show it: SQLite's locks within a process
 * are not those between processes.) */
static void
test_concurrency_create_processes (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);

  g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
  for (guint round = 0; round < N_CREATE_ROUNDS; round++)
    {
      g_autofree char *db = g_strdup_printf ("%s/new-%u.entente", dir, round);
      GSubprocess *processes[N_CREATORS];

      for (guint p = 0; p < N_CREATORS; p++)
        processes[p] = start_ingest (db, empty, NULL);
      for (guint p = 0; p < N_CREATORS; p++)
        {
          assert_ingest_succeeded (processes[p]);
          g_object_unref (processes[p]);
        }
      g_assert_cmpint (fixture_sql_int64 (db, "PRAGMA user_version"), ==, 2);
    }

  fixture_remove_dir (dir);
}

/* Another program holding the write lock */

typedef struct {
  const char *path;
  gulong      hold_us;
  GMutex      mutex;
  GCond       cond;
  gboolean    locked;
} Holder;

static gpointer
holder_thread (gpointer data)
{
  Holder *holder = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (holder->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_mutex_lock (&holder->mutex);
  holder->locked = TRUE;
  g_cond_signal (&holder->cond);
  g_mutex_unlock (&holder->mutex);

  g_usleep (holder->hold_us);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return NULL;
}

/* Starts a thread that holds the write lock of @path for @hold_us. */
static GThread *
hold_lock (Holder     *holder,
           const char *path,
           gulong      hold_us)
{
  GThread *thread;

  holder->path = path;
  holder->hold_us = hold_us;
  holder->locked = FALSE;
  g_mutex_init (&holder->mutex);
  g_cond_init (&holder->cond);

  thread = g_thread_new ("holder", holder_thread, holder);
  g_mutex_lock (&holder->mutex);
  while (!holder->locked)
    g_cond_wait (&holder->cond, &holder->mutex);
  g_mutex_unlock (&holder->mutex);

  return thread;
}

static void
holder_clear (Holder *holder)
{
  g_mutex_clear (&holder->mutex);
  g_cond_clear (&holder->cond);
}

/* A lock held longer than one attempt waits: the write is tried again
 * rather than lost. */
static void
test_concurrency_busy_retry (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "busy.entente", NULL);
  g_autoptr(EntStore) store = fixture_open (path);
  g_autoptr(GError) error = NULL;
  Holder holder;
  GThread *thread;

  ent_store_set_busy_timeout (store, 100);
  thread = hold_lock (&holder, path, 600 * 1000);
  add_numbered_document (store, 1, &error);
  g_assert_no_error (error);
  g_thread_join (thread);
  holder_clear (&holder);

  g_assert_cmpint (fixture_sql_int64 (path, "SELECT count(*) FROM documents"), ==, 1);
  g_clear_pointer (&store, ent_store_free);
  fixture_remove_dir (dir);
}

/* A lock that is not let go: a clear error after the retries, and nothing
 * of the document kept. */
static void
test_concurrency_busy_gives_up (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "stuck.entente", NULL);
  g_autoptr(EntStore) store = fixture_open (path);
  g_autoptr(GError) error = NULL;
  Holder holder;
  GThread *thread;

  ent_store_set_busy_timeout (store, 50);
  thread = hold_lock (&holder, path, 2 * G_USEC_PER_SEC);
  add_numbered_document (store, 1, &error);
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_BUSY);
  g_assert_true (g_str_has_prefix (error->message, "the project is busy"));
  g_thread_join (thread);
  holder_clear (&holder);

  g_assert_cmpint (fixture_sql_int64 (path, "SELECT count(*) FROM documents"), ==, 0);
  g_clear_error (&error);
  add_numbered_document (store, 1, &error);
  g_assert_no_error (error);

  g_clear_pointer (&store, ent_store_free);
  fixture_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/concurrency/ingest-processes", test_concurrency_ingest_processes);
  g_test_add_func ("/entente/concurrency/upgrade-processes", test_concurrency_upgrade_processes);
  g_test_add_func ("/entente/concurrency/threads", test_concurrency_threads);
  g_test_add_func ("/entente/concurrency/create-processes", test_concurrency_create_processes);
  g_test_add_func ("/entente/concurrency/busy-retry", test_concurrency_busy_retry);
  g_test_add_func ("/entente/concurrency/busy-gives-up", test_concurrency_busy_gives_up);

  return g_test_run ();
}
