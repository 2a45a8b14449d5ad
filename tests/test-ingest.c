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

static int
compare_strings (const char * const *a,
                 const char * const *b,
                 gpointer            user_data)
{
  return strcmp (*a, *b);
}

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

/* The graph as a sorted list of lines that do not depend on store ids or on
 * the direction a symmetric relation happens to be stored in. */
static GPtrArray *
graph_lines (EntStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = ent_store_load_graph (store, &error);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntGraphEntity *e = ent_graph_get_entity (graph, i);
      g_autoptr(GPtrArray) aliases = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      for (guint k = 0; k < e->aliases->len; k++)
        g_ptr_array_add (aliases, g_ptr_array_index (e->aliases, k));
      g_ptr_array_add (aliases, NULL);
      g_qsort_with_data (aliases->pdata, aliases->len - 1, sizeof (char *), (GCompareDataFunc) compare_strings, NULL);
      joined = g_strjoinv ("|", (char **) aliases->pdata);
      g_ptr_array_add (lines, g_strdup_printf ("entity %s %s [%s] %u", ent_entity_type_to_string (e->type),
                                               e->name, joined, e->mentions));
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntGraphRelation *r = ent_graph_get_relation (graph, i);
      const char *a = ent_graph_get_entity (graph, r->source)->name;
      const char *b = ent_graph_get_entity (graph, r->target)->name;
      g_autoptr(GString) line = g_string_new (NULL);
      g_autoptr(GPtrArray) texts = g_ptr_array_new ();

      if (ent_relation_type_is_symmetric (r->type) && strcmp (a, b) > 0)
        {
          const char *t = a;

          a = b, b = t;
        }
      for (guint k = 0; k < r->evidence->len; k++)
        g_ptr_array_add (texts, ((EntGraphEvidence *) g_ptr_array_index (r->evidence, k))->text);
      g_qsort_with_data (texts->pdata, texts->len, sizeof (char *), (GCompareDataFunc) compare_strings, NULL);
      g_string_printf (line, "relation %s %s -> %s (%s)", ent_relation_type_to_string (r->type), a, b,
                       (const char *) g_hash_table_lookup (r->attributes, "role"));
      for (guint k = 0; k < texts->len; k++)
        g_string_append_printf (line, "\n  %s", (const char *) g_ptr_array_index (texts, k));
      g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
    }
  g_qsort_with_data (lines->pdata, lines->len, sizeof (char *), (GCompareDataFunc) compare_strings, NULL);
  return lines;
}

static GPtrArray *
ingest_in_runs (const char *project,
                GPtrArray  *runs)
{
  g_autoptr(EntStore) store = fixture_open (project);

  for (guint r = 0; r < runs->len; r++)
    {
      const char * const *paths = g_ptr_array_index (runs, r);
      g_autoptr(GError) error = NULL;
      EntIngestSummary summary;

      g_assert_true (ent_ingest_paths (store, paths, NULL, NULL, NULL, NULL, &summary, &error));
      g_assert_no_error (error);
    }
  return graph_lines (store);
}

static void
assert_same_lines (GPtrArray  *expected,
                   GPtrArray  *got,
                   const char *what)
{
  for (guint i = 0; i < MAX (expected->len, got->len); i++)
    {
      const char *e = i < expected->len ? g_ptr_array_index (expected, i) : "(nothing)";
      const char *g = i < got->len ? g_ptr_array_index (got, i) : "(nothing)";

      if (!g_str_equal (e, g))
        {
          for (guint k = 0; k < expected->len; k++)
            if (!g_ptr_array_find_with_equal_func (got, g_ptr_array_index (expected, k), g_str_equal, NULL))
              g_test_message ("only in one run: %s", (const char *) g_ptr_array_index (expected, k));
          for (guint k = 0; k < got->len; k++)
            if (!g_ptr_array_find_with_equal_func (expected, g_ptr_array_index (got, k), g_str_equal, NULL))
              g_test_message ("only in %s: %s", what, (const char *) g_ptr_array_index (got, k));
          g_error ("%s gives another graph (%s instead of %s)", what, g, e);
        }
    }
}

/* The same documents give the same graph, whatever the order and batching
 * of ingestion: one run, two runs, one document at a time in reverse. */
static void
test_ingest_order_does_not_matter (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lines_one = NULL, lines_halves = NULL, lines_reverse = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GPtrArray) halves = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) reverse = g_ptr_array_new_with_free_func (g_free);
  const char *folders[] = { TEST_SRCDIR "/../data/corpus", TEST_SRCDIR "/fixtures/generalize", NULL };
  guint n_errors = 0;

  {
    g_autoptr(GPtrArray) collected = ent_ingest_collect_files (folders, NULL, NULL, &n_errors);

    g_assert_cmpuint (n_errors, ==, 0);
    g_assert_cmpuint (collected->len, >=, 10);
    for (guint i = 0; i < collected->len; i++)
      g_ptr_array_add (files, g_strdup (g_ptr_array_index (collected, i)));
  }

  g_ptr_array_add (one, (gpointer) folders);
  {
    guint half = files->len / 2;
    const char **first = g_new0 (const char *, half + 1);
    const char **second = g_new0 (const char *, files->len - half + 1);

    for (guint i = 0; i < files->len; i++)
      {
        if (i < half)
          first[i] = g_ptr_array_index (files, i);
        else
          second[i - half] = g_ptr_array_index (files, i);
      }
    g_ptr_array_add (halves, second);
    g_ptr_array_add (halves, first);
  }
  for (guint i = files->len; i > 0; i--)
    {
      const char **single = g_new0 (const char *, 2);

      single[0] = g_ptr_array_index (files, i - 1);
      g_ptr_array_add (reverse, single);
    }

  {
    g_autofree char *p1 = g_build_filename (dir, "one.entente", NULL);
    g_autofree char *p2 = g_build_filename (dir, "halves.entente", NULL);
    g_autofree char *p3 = g_build_filename (dir, "reverse.entente", NULL);

    lines_one = ingest_in_runs (p1, one);
    lines_halves = ingest_in_runs (p2, halves);
    lines_reverse = ingest_in_runs (p3, reverse);
  }
  g_assert_cmpuint (lines_one->len, >, 100);
  assert_same_lines (lines_one, lines_halves, "Ingesting in two runs, the second half first,");
  assert_same_lines (lines_one, lines_reverse, "Ingesting one document at a time in reverse");

  fixture_remove_dir (dir);
}

static guint
count_entities_named (EntGraph      *graph,
                      EntEntityType  type,
                      const char    *part)
{
  guint n = 0;

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntGraphEntity *e = ent_graph_get_entity (graph, i);

      n += e->type == type && strstr (e->name, part) != NULL;
    }
  return n;
}

/* An agreement of one article is another article's only when both name the
 * same parties and the same agreement; "the agreements" of two visits are two. */
static void
test_ingest_agreements_across_documents (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *project = g_build_filename (dir, "p.entente", NULL);
  g_autoptr(EntStore) store = fixture_open (project);
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { corpus, NULL };
  EntIngestSummary summary;

  write_file (corpus, "a.txt",
              "Chile and Peru signed five agreements on Monday. Chile and Peru also signed a cooperation roadmap.\n");
  write_file (corpus, "b.txt",
              "Chile and Peru signed seven agreements in Lima. The roadmap between Chile and Peru was praised.\n");
  write_file (corpus, "c.txt",
              "Ghana and Togo signed three agreements on Friday.\n");
  g_assert_true (ent_ingest_paths (store, paths, NULL, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);

  /* One roadmap; each article's agreements their own. */
  g_assert_cmpuint (count_entities_named (graph, ENT_ENTITY_AGREEMENT, "roadmap"), ==, 1);
  g_assert_cmpuint (count_entities_named (graph, ENT_ENTITY_AGREEMENT, "agreements"), ==, 3);

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
  g_test_add_func ("/entente/ingest/order-does-not-matter", test_ingest_order_does_not_matter);
  g_test_add_func ("/entente/ingest/agreements-across-documents", test_ingest_agreements_across_documents);

  return g_test_run ();
}
