/* test-generalize.c — the extractor on articles it was not tuned on.
 *
 * Two sets of articles written for Entente, each with a hand annotation:
 * tests/fixtures/generalize/ (article and annotation side by side) and the
 * bundled sample corpus data/corpus/ (annotations in
 * tests/fixtures/corpus-annotations/). Each article is extracted into a
 * project of its own and scored against its annotation; the figures add up
 * over the set. The whole corpus is then ingested into one project to check
 * that people, countries and projects named by several articles become one
 * entity each.
 *
 * Thresholds guard what the extractor reaches on articles it was not tuned
 * on (entity recall >= 0.90, relation recall >= 0.70, precisions >= 0.90,
 * all evidence verbatim); relation recall is the known weak spot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-generalize"

#include "config.h"

#include <string.h>

#include "ent-document.h"
#include "eval-common.h"

#define FIXTURES_DIR           TEST_SRCDIR "/fixtures/generalize"
#define CORPUS_ANNOTATIONS_DIR TEST_SRCDIR "/fixtures/corpus-annotations"
#define CORPUS_DIR             TEST_SRCDIR "/../data/corpus"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted paths of the files in @dir whose name ends with @suffix. */
static GPtrArray *
list_files (const char *dir,
            const char *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);

  return paths;
}

static EvalAnnotation *
load_annotation (const char *path)
{
  g_autoptr(EvalAnnotation) annotation = eval_annotation_new ();
  g_autoptr(GError) error = NULL;

  eval_annotation_load (annotation, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (eval_annotation_get_documents (annotation)->len, ==, 1);
  if (error != NULL || eval_annotation_get_documents (annotation)->len != 1)
    return NULL;

  return g_steal_pointer (&annotation);
}

/* Extracts one article into a project of its own and scores it. */
static void
evaluate_article (const char *annotation_path,
                  const char *article_dir,
                  EvalScore  *total)
{
  g_autoptr(EvalAnnotation) annotation = load_annotation (annotation_path);
  const char *name;
  g_autofree char *path = NULL;
  const char *paths[] = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autofree char *dir = NULL;
  EvalScore score = { 0 };
  EntStore *store;

  if (annotation == NULL)
    return;
  name = g_ptr_array_index (eval_annotation_get_documents (annotation), 0);
  path = g_build_filename (article_dir, name, NULL);
  paths[0] = path;

  store = eval_project_new (&dir, &error);
  g_assert_no_error (error);
  if (store == NULL)
    return;
  if (eval_ingest_files (store, paths, &error))
    graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);

  if (graph != NULL)
    {
      eval_score (annotation, store, graph, name, &score);
      eval_score_report (name, &score);
      eval_score_add (total, &score);
    }
  eval_project_remove (store, dir);
}

static void
evaluate_set (const char *label,
              const char *annotation_dir,
              const char *article_dir)
{
  g_autoptr(GPtrArray) annotations = list_files (annotation_dir, ".json");
  EvalScore total = { 0 };

  g_assert_cmpuint (annotations->len, >=, 6);
  for (guint i = 0; i < annotations->len; i++)
    evaluate_article (g_ptr_array_index (annotations, i), article_dir, &total);

  eval_score_report (label, &total);
  g_assert_cmpfloat (eval_entity_recall (&total), >=, 0.90);
  g_assert_cmpfloat (eval_entity_precision (&total), >=, 0.90);
  g_assert_cmpfloat (eval_relation_recall (&total), >=, 0.70);
  g_assert_cmpfloat (eval_relation_precision (&total), >=, 0.90);
  g_assert_cmpuint (total.evidence, >, 0);
  g_assert_cmpuint (total.evidence_verbatim, ==, total.evidence);
}

/* Every article has an annotation, every annotation an article, and every
 * annotation respects the ontology (eval_annotation_load checks). */
static void
check_pairing (const char *annotation_dir,
               const char *article_dir)
{
  g_autoptr(GPtrArray) annotations = list_files (annotation_dir, ".json");
  g_autoptr(GHashTable) annotated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  for (guint i = 0; i < annotations->len; i++)
    {
      g_autoptr(EvalAnnotation) annotation = load_annotation (g_ptr_array_index (annotations, i));
      const char *document;
      g_autofree char *path = NULL;

      if (annotation == NULL)
        continue;
      document = g_ptr_array_index (eval_annotation_get_documents (annotation), 0);
      path = g_build_filename (article_dir, document, NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_true (ent_document_is_supported_path (path));
      g_hash_table_add (annotated, g_strdup (document));
    }

  listing = g_dir_open (article_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (article_dir, name, NULL);

      if (g_str_equal (name, "README.md") || !ent_document_is_supported_path (path))
        continue;
      if (!g_hash_table_contains (annotated, name))
        g_test_message ("%s has no annotation", name);
      g_assert_true (g_hash_table_contains (annotated, name));
    }
}

static void
test_annotations_valid (void)
{
  check_pairing (FIXTURES_DIR, FIXTURES_DIR);
  check_pairing (CORPUS_ANNOTATIONS_DIR, CORPUS_DIR);
}

static void
test_fixtures (void)
{
  evaluate_set ("generalize fixtures", FIXTURES_DIR, FIXTURES_DIR);
}

static void
test_corpus (void)
{
  evaluate_set ("sample corpus", CORPUS_ANNOTATIONS_DIR, CORPUS_DIR);
}

/* The sample corpus in one project, as a user sees it on first start:
 * whatever several articles name must be one node. */
static void
test_corpus_cross_document (void)
{
  g_autoptr(GPtrArray) annotation_paths = list_files (CORPUS_ANNOTATIONS_DIR, ".json");
  g_autoptr(EvalAnnotation) annotation = eval_annotation_new ();
  g_autoptr(GPtrArray) article_paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) shared = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autofree char *dir = NULL;
  GPtrArray *documents;
  EvalScore score = { 0 };
  guint resolved = 0;
  EntStore *store;

  for (guint i = 0; i < annotation_paths->len; i++)
    {
      eval_annotation_load (annotation, g_ptr_array_index (annotation_paths, i), &error);
      g_assert_no_error (error);
      if (error != NULL)
        return;
    }
  documents = eval_annotation_get_documents (annotation);
  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (article_paths, g_build_filename (CORPUS_DIR, g_ptr_array_index (documents, i), NULL));
  g_ptr_array_add (article_paths, NULL);

  store = eval_project_new (&dir, &error);
  g_assert_no_error (error);
  if (store == NULL)
    return;
  if (eval_ingest_files (store, (const char * const *) article_paths->pdata, &error))
    graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  if (graph == NULL)
    {
      eval_project_remove (store, dir);
      return;
    }

  shared = eval_annotation_shared_ids (annotation, 2);
  g_assert_cmpuint (shared->len, >=, 10);
  if (shared->len == 0)
    {
      eval_project_remove (store, dir);
      return;
    }
  for (guint i = 0; i < shared->len; i++)
    {
      guint n = eval_count_matches (annotation, graph, g_ptr_array_index (shared, i));

      if (n == 1)
        resolved++;
      else
        g_test_message ("corpus: \"%s\", named by several articles, is %u graph entities",
                        (char *) g_ptr_array_index (shared, i), n);
    }
  g_test_message ("corpus: %u of %u entities named by several articles resolved to one node",
                  resolved, shared->len);

  /* Only the evidence is scored here: generic names ("joint statement")
   * rightly stay apart across articles, which the per-article scores handle. */
  eval_score_evidence (store, graph, "corpus (one project)", &score);
  g_test_message ("corpus (one project): %u entities, %u relations, evidence verbatim %u of %u",
                  graph->entities->len, graph->relations->len,
                  score.evidence_verbatim, score.evidence);
  eval_project_remove (store, dir);

  g_assert_cmpfloat ((double) resolved / shared->len, >=, 0.85);
  g_assert_cmpuint (score.evidence_verbatim, ==, score.evidence);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A failed threshold must not hide the figures of the other cases. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/entente/generalize/annotations-valid", test_annotations_valid);
  g_test_add_func ("/entente/generalize/fixtures", test_fixtures);
  g_test_add_func ("/entente/generalize/corpus", test_corpus);
  g_test_add_func ("/entente/generalize/corpus/cross-document", test_corpus_cross_document);

  return g_test_run ();
}
