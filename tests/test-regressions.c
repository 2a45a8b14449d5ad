/* test-regressions.c — inputs that once crashed Entente, ingested again.
 *
 * Every file in tests/fixtures/regressions/ goes through ent_ingest_paths(),
 * the path `entente ingest` takes, into a new project, one subtest per file.
 * Each must end as a stored document or as one reported bad file: never a
 * crash, an assertion or a sanitizer report.
 *
 * News text cut anywhere is also read: every word-by-word beginning of every
 * paragraph of the bundled corpus and the extraction fixtures ("the Minister
 * of", "talks between the two") goes through the extractor alone, since the
 * rules that look at the words after a title or a verb must stop where the
 * sentence stops.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-regressions"

#include "config.h"

#include "ent-extractor.h"
#include "ent-ingest.h"
#include "store-fixtures.h"

static void
count_error (const char   *path,
             const GError *error,
             gpointer      user_data)
{
  guint *n_errors = user_data;

  g_test_message ("%s: %s", path, error->message);
  (*n_errors)++;
}

static void
test_regression_input (gconstpointer data)
{
  const char *input = data;
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *project = g_build_filename (dir, "p.entente", NULL);
  g_autoptr(EntStore) store = fixture_open (project);
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { input, NULL };
  EntIngestSummary summary;
  guint n_errors = 0;
  gboolean ok;

  ok = ent_ingest_paths (store, paths, NULL, NULL, count_error, &n_errors, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.files, ==, 1);
  g_assert_cmpuint (summary.added + summary.failed, ==, 1);
  /* A file that fails is reported once, and the run says so. */
  g_assert_cmpuint (n_errors, ==, summary.failed);
  g_assert_true (ok == (summary.failed == 0));

  /* What was stored reads back. */
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (graph->documents->len, ==, summary.added);

  g_clear_pointer (&store, ent_store_free);
  fixture_remove_dir (dir);
}

/* The two inputs of the fuzzing report, with what a reader expects of them. */
static EntGraph *
ingest_text (const char *dir,
             const char *text)
{
  g_autofree char *file = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *project = g_build_filename (dir, "p.entente", NULL);
  g_autoptr(EntStore) store = fixture_open (project);
  g_autoptr(GError) error = NULL;
  const char *paths[] = { file, NULL };
  EntIngestSummary summary;
  EntGraph *graph;

  g_assert_true (g_file_set_contents (file, text, -1, NULL));
  g_assert_true (ent_ingest_paths (store, paths, NULL, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 1);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  return graph;
}

static gboolean
graph_has_entity (EntGraph   *graph,
                  const char *name)
{
  for (guint i = 0; i < graph->entities->len; i++)
    if (g_str_equal (ent_graph_get_entity (graph, i)->name, name))
      return TRUE;
  return FALSE;
}

/* "our President" in a quotation whose speaker has a country: the office is
 * the speaker's country's, and resolving it later still works. */
static void
test_regression_quoted_our_with_speaker (void)
{
  g_autofree char *dir = fixture_temp_dir ();
  g_autoptr(EntGraph) graph = NULL;

  graph = ingest_text (dir,
                       "Canadian Foreign Minister Marie Tremblay spoke in Ottawa on Monday.\n\n"
                       "\xe2\x80\x9cWe hope our President will sign,\xe2\x80\x9d Tremblay said.\n\n"
                       "The two sides then talked.\n");
  g_assert_true (graph_has_entity (graph, "Marie Tremblay"));
  g_assert_true (graph_has_entity (graph, "Canada"));
  fixture_remove_dir (dir);
}

static void
check_extraction (const EntDocument   *document,
                  const EntExtraction *extraction)
{
  for (guint i = 0; i < extraction->sentences->len; i++)
    {
      const EntSpan *span = &g_array_index (extraction->sentences, EntSpan, i);

      g_assert_cmpuint (span->start, <=, span->end);
      g_assert_cmpuint (span->end, <=, document->length);
    }
  for (guint i = 0; i < extraction->relations->len; i++)
    {
      const EntExtractedRelation *relation = &g_array_index (extraction->relations,
                                                             EntExtractedRelation, i);

      g_assert_cmpuint (relation->source, <, extraction->entities->len);
      g_assert_cmpuint (relation->target, <, extraction->entities->len);
      g_assert_cmpuint (relation->sentence, <, extraction->sentences->len);
    }
}

/* Extracts every beginning of every paragraph of @text that ends at a word's
 * end; returns how many were extracted. */
static guint
extract_paragraph_prefixes (EntExtractor *extractor,
                            const char   *text)
{
  guint n = 0;

  for (const char *paragraph = text; *paragraph != '\0';)
    {
      const char *end = strstr (paragraph, "\n\n");

      if (end == NULL)
        end = paragraph + strlen (paragraph);
      for (const char *p = paragraph; p <= end; p++)
        {
          g_autoptr(EntDocument) document = NULL;
          g_autoptr(EntExtraction) extraction = NULL;

          if (p > paragraph && p < end && !(*p == ' ' && p[-1] != ' '))
            continue;
          if (p == paragraph)
            continue;
          document = ent_document_new_from_text (paragraph, p - paragraph, ENT_DOCUMENT_FORMAT_TEXT,
                                                 "/regressions/prefix.txt", NULL);
          if (document == NULL)
            continue;
          extraction = ent_extractor_extract (extractor, document);
          g_assert_nonnull (extraction);
          check_extraction (document, extraction);
          n++;
        }
      paragraph = *end != '\0' ? end + 2 : end;
    }
  return n;
}

static void
test_regression_sentence_prefixes (void)
{
  g_autofree char *devset = g_build_filename (g_getenv ("ENTENTE_DEVSET_DIR") ?: "", "texts", NULL);
  /* The bundled text first; the seeds and the development set when they are
   * beside the checkout. */
  const char *folders[] = { TEST_SRCDIR "/../data/corpus", TEST_SRCDIR "/fixtures/generalize",
                            g_getenv ("ENTENTE_SEEDS_DIR"), devset, NULL };
  g_autoptr(EntExtractor) extractor = ent_extractor_new (ent_lexicon_get_default ());
  guint n_files = 0, n_prefixes = 0;

  for (guint f = 0; f < G_N_ELEMENTS (folders) - 1; f++)
    {
      g_autoptr(GDir) dir = folders[f] != NULL ? g_dir_open (folders[f], 0, NULL) : NULL;
      const char *name;

      if (f < 2)
        g_assert_nonnull (dir);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folders[f], name, NULL);
          g_autoptr(EntDocument) document = NULL;

          if (!ent_document_is_supported_path (path))
            continue;
          document = ent_document_load (path, NULL);
          g_assert_nonnull (document);
          n_prefixes += extract_paragraph_prefixes (extractor, document->text);
          n_files++;
        }
    }
  g_test_message ("%u beginnings of paragraphs of %u documents extracted", n_prefixes, n_files);
  g_assert_cmpuint (n_files, >=, 10);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  folder = g_test_build_filename (G_TEST_DIST, "fixtures", "regressions", NULL);
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "README.md"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strconcat ("/entente/regressions/input/", file, NULL);

      g_test_add_data_func_full (test_path, g_build_filename (folder, file, NULL),
                                 test_regression_input, g_free);
    }
  g_test_add_func ("/entente/regressions/quoted-our-with-speaker", test_regression_quoted_our_with_speaker);
  g_test_add_func ("/entente/regressions/sentence-prefixes", test_regression_sentence_prefixes);

  return g_test_run ();
}
