/* test-ingest.c — collecting files and ingesting them into a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ingest"

#include "config.h"

#include <unistd.h>

#include "ent-ingest.h"
#include "store-fixtures.h"

static const char article_one[] =
  "Minsk, 12 March. President Alexander Lukashenko of Belarus arrived in Tehran on Sunday. "
  "Iranian President Ebrahim Raisi hosted Lukashenko at the Saadabad Palace.\n\n"
  "The two presidents signed a cooperation roadmap.\n";

static const char article_two[] =
  "# Talks in Tehran\n\n"
  "Lukashenko met Supreme Leader Ali Khamenei on Monday. "
  "Khamenei said Iran and Belarus should cooperate within the Shanghai Cooperation Organisation.\n";

typedef struct {
  GPtrArray *errors;   /* "path: message" */
  guint      progress_calls;
  guint      last_done;
  guint      last_total;
  GCancellable *cancel_after_first;
} Recorder;

static void
recorder_init (Recorder *recorder)
{
  memset (recorder, 0, sizeof *recorder);
  recorder->errors = g_ptr_array_new_with_free_func (g_free);
}

static void
recorder_clear (Recorder *recorder)
{
  g_clear_pointer (&recorder->errors, g_ptr_array_unref);
}

static void
on_error (const char   *path,
          const GError *error,
          gpointer      user_data)
{
  Recorder *recorder = user_data;

  g_ptr_array_add (recorder->errors, g_strdup_printf ("%s: %s", path, error->message));
}

static void
on_progress (guint       done,
             guint       total,
             const char *path,
             gpointer    user_data)
{
  Recorder *recorder = user_data;

  g_assert_true (g_path_is_absolute (path));
  g_assert_cmpuint (done, ==, recorder->last_done + 1);
  recorder->progress_calls++;
  recorder->last_done = done;
  recorder->last_total = total;
  if (recorder->cancel_after_first != NULL)
    g_cancellable_cancel (recorder->cancel_after_first);
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static void
test_ingest_collect (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *link_to_a = g_build_filename (dir, "sub", "same-as-a.txt", NULL);
  g_autofree char *loop = g_build_filename (dir, "sub", "loop", NULL);
  g_autofree char *a = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autofree char *docx = g_build_filename (dir, "notes.docx", NULL);
  g_autoptr(GPtrArray) files = NULL;
  Recorder recorder;
  guint n_errors = 0;

  write_file (dir, "b.md", article_two);
  write_file (dir, "a.txt", article_one);
  write_file (dir, "sub/c.html", "<html><body><p>Text.</p></body></html>");
  write_file (dir, "sub/.hidden.txt", "hidden");
  write_file (dir, ".git/d.txt", "hidden folder");
  write_file (dir, "notes.docx", "not read");
  write_file (dir, "sub/deeper/e.TXT", "upper-case extension");
  g_assert_cmpint (symlink (a, link_to_a), ==, 0);
  g_assert_cmpint (symlink (dir, loop), ==, 0);

  recorder_init (&recorder);
  {
    const char *paths[] = { dir, a, missing, docx, NULL };

    files = ent_ingest_collect_files (paths, on_error, &recorder, &n_errors);
  }

  /* Sorted, each file once (the link to a.txt and the explicit a.txt are a.txt;
   * the loop is followed once), hidden ones and unsupported ones left out. */
  for (guint i = 0; i < files->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (files, i));
  g_assert_cmpuint (files->len, ==, ent_document_is_supported_path ("x.TXT") ? 4 : 3);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (files, 0), "/a.txt"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (files, 1), "/b.md"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (files, 2), "/sub/c.html"));
  for (guint i = 1; i < files->len; i++)
    g_assert_cmpint (strcmp (g_ptr_array_index (files, i - 1), g_ptr_array_index (files, i)), <, 0);

  /* The missing path and the explicitly named unsupported file are errors. */
  g_assert_cmpuint (n_errors, ==, 2);
  g_assert_cmpuint (recorder.errors->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (recorder.errors, 0), missing));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (recorder.errors, 1), docx));

  recorder_clear (&recorder);
  fixture_remove_dir (dir);
}

static void
test_ingest_run (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *project = g_build_filename (dir, "p.entente", NULL);
  g_autoptr(EntStore) store = fixture_open (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = NULL;
  const char *paths[] = { corpus, NULL };
  EntIngestSummary summary;
  Recorder recorder;

  write_file (corpus, "one.txt", article_one);
  write_file (corpus, "two.md", article_two);

  recorder_init (&recorder);
  g_assert_true (ent_ingest_paths (store, paths, NULL, on_progress, on_error, &recorder, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.files, ==, 2);
  g_assert_cmpuint (summary.added, ==, 2);
  g_assert_cmpuint (summary.failed, ==, 0);
  g_assert_cmpuint (summary.words, >, 40);
  g_assert_cmpuint (recorder.progress_calls, ==, 2);
  g_assert_cmpuint (recorder.last_total, ==, 2);
  g_assert_cmpuint (recorder.errors->len, ==, 0);

  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (graph->documents->len, ==, 2);
  g_assert_true (g_path_is_absolute (ent_graph_get_document (graph, 0)->path));
  g_assert_cmpuint (graph->entities->len, >, 0);

  /* Again: nothing new. Then one file changes. */
  recorder_clear (&recorder);
  recorder_init (&recorder);
  g_assert_true (ent_ingest_paths (store, paths, NULL, on_progress, on_error, &recorder, &summary, &error));
  g_assert_cmpuint (summary.unchanged, ==, 2);
  g_assert_cmpuint (summary.added, ==, 0);

  write_file (corpus, "two.md", "# Talks\n\nLukashenko met Khamenei again on Tuesday.\n");
  g_assert_true (ent_ingest_paths (store, paths, NULL, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.replaced, ==, 1);
  g_assert_cmpuint (summary.unchanged, ==, 1);

  recorder_clear (&recorder);
  g_clear_pointer (&store, ent_store_free);
  fixture_remove_dir (dir);
}

static void
test_ingest_bad_files (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *project = g_build_filename (dir, "p.entente", NULL);
  g_autofree char *binary = g_build_filename (corpus, "binary.txt", NULL);
  g_autofree char *empty = g_build_filename (corpus, "empty.txt", NULL);
  g_autoptr(EntStore) store = fixture_open (project);
  g_autoptr(GError) error = NULL;
  const char *paths[] = { corpus, NULL };
  static const char zeros[64] = { 0 };
  EntIngestSummary summary;
  Recorder recorder;

  write_file (corpus, "good.txt", article_one);
  write_file (corpus, "empty.txt", "");
  g_assert_true (g_file_set_contents (binary, zeros, sizeof zeros, NULL));

  /* The good file goes in; each bad one is reported with its path; the run
   * says something failed. */
  recorder_init (&recorder);
  g_assert_false (ent_ingest_paths (store, paths, NULL, on_progress, on_error, &recorder, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.files, ==, 3);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpuint (summary.failed, ==, 2);
  g_assert_cmpuint (recorder.progress_calls, ==, 3);
  g_assert_cmpuint (recorder.errors->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (recorder.errors, 0), binary));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (recorder.errors, 1), empty));

  recorder_clear (&recorder);
  g_clear_pointer (&store, ent_store_free);
  fixture_remove_dir (dir);
}

static void
test_ingest_cancel (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *project = g_build_filename (dir, "p.entente", NULL);
  g_autoptr(EntStore) store = fixture_open (project);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  const char *paths[] = { corpus, NULL };
  EntIngestSummary summary;
  Recorder recorder;

  write_file (corpus, "one.txt", article_one);
  write_file (corpus, "two.md", article_two);

  /* Cancelled after the first file: that one is in, the second is not. */
  recorder_init (&recorder);
  recorder.cancel_after_first = cancellable;
  g_assert_false (ent_ingest_paths (store, paths, cancellable, on_progress, on_error, &recorder, &summary, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpuint (recorder.progress_calls, ==, 1);

  recorder_clear (&recorder);
  g_clear_pointer (&store, ent_store_free);
  fixture_remove_dir (dir);
}

static void
test_ingest_read_only_project (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *project = g_build_filename (dir, "p.entente", NULL);
  g_autoptr(EntStore) store = fixture_open (project);
  g_autoptr(GError) error = NULL;
  const char *paths[] = { corpus, NULL };
  EntIngestSummary summary;

  write_file (corpus, "one.txt", article_one);
  g_clear_pointer (&store, ent_store_free);
  g_assert_cmpint (g_chmod (project, 0444), ==, 0);
  store = fixture_open (project);

  /* The whole run stops with one error about the project. */
  g_assert_false (ent_ingest_paths (store, paths, NULL, NULL, NULL, NULL, &summary, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY);
  g_assert_cmpuint (summary.added, ==, 0);

  g_clear_pointer (&store, ent_store_free);
  fixture_remove_dir (dir);
}

static void
test_ingest_seeds (void)
{
  const char *seeds = g_getenv ("ENTENTE_SEEDS_DIR");
  g_autofree char *dir = NULL;
  g_autofree char *project = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = NULL;
  EntIngestSummary summary;
  const char *paths[] = { seeds, NULL };

  if (seeds == NULL || !g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("ENTENTE_SEEDS_DIR is not set or absent");
      return;
    }

  dir = fixture_temp_dir ();
  project = g_build_filename (dir, "seeds.entente", NULL);
  store = fixture_open (project);
  g_assert_true (ent_ingest_paths (store, paths, NULL, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, summary.files);

  /* Every piece of evidence is the text at its offsets in its document. */
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  for (guint d = 0; d < graph->documents->len; d++)
    {
      EntGraphDocument *document = ent_graph_get_document (graph, d);
      g_autofree char *text = ent_store_get_document_text (store, document->id, &error);

      g_assert_no_error (error);
      for (guint r = 0; r < graph->relations->len; r++)
        {
          EntGraphRelation *relation = ent_graph_get_relation (graph, r);

          for (guint e = 0; e < relation->evidence->len; e++)
            {
              EntGraphEvidence *evidence = g_ptr_array_index (relation->evidence, e);
              g_autofree char *substring = NULL;

              if (evidence->document != d)
                continue;
              substring = g_utf8_substring (text, evidence->start, evidence->end);
              g_assert_cmpstr (substring, ==, evidence->text);
            }
        }
    }

  g_clear_pointer (&store, ent_store_free);
  fixture_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/ingest/collect", test_ingest_collect);
  g_test_add_func ("/entente/ingest/run", test_ingest_run);
  g_test_add_func ("/entente/ingest/bad-files", test_ingest_bad_files);
  g_test_add_func ("/entente/ingest/cancel", test_ingest_cancel);
  g_test_add_func ("/entente/ingest/read-only-project", test_ingest_read_only_project);
  g_test_add_func ("/entente/ingest/seeds", test_ingest_seeds);

  return g_test_run ();
}
