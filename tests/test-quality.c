/* test-quality.c — the extractor against the hand annotation of the five
 * seed articles (the Belarus–Iran state visit of March 2023).
 *
 * The seeds are real news articles kept outside the repository; the test
 * reads them from $ENTENTE_SEEDS_DIR and skips when they are not there. The
 * annotation, tests/annotations/seeds.json, holds facts only, no text.
 *
 * Thresholds: what the seeds reached when extraction was generalised to the
 * development set (issue 6), which they must not fall below: entity recall
 * and precision 1.0 (right type, no duplicate), relation recall >= 0.93,
 * relation precision 1.0, and every piece of evidence verbatim. Roles of holds_office are compared loosely: the role in
 * the graph must contain one of the annotated forms ("Belarusian President"
 * contains "president").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-quality"

#include "config.h"

#include <glib/gstdio.h>

#include "eval-common.h"

#define SEEDS_ANNOTATION TEST_SRCDIR "/annotations/seeds.json"

typedef struct {
  gboolean   done;
  char      *skip_reason;  /* the seeds are not there */
  GError    *error;        /* the pipeline failed */
  EvalScore  score;
} SeedsRun;

static EvalAnnotation *
load_seeds_annotation (void)
{
  g_autoptr(EvalAnnotation) annotation = eval_annotation_new ();
  g_autoptr(GError) error = NULL;

  eval_annotation_load (annotation, SEEDS_ANNOTATION, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&annotation);
}

/* The seed files the annotation covers, or NULL with @skip_reason set. */
static GStrv
find_seed_paths (EvalAnnotation  *annotation,
                 char           **skip_reason)
{
  const char *dir = g_getenv ("ENTENTE_SEEDS_DIR");
  GPtrArray *documents = eval_annotation_get_documents (annotation);
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      *skip_reason = g_strdup ("ENTENTE_SEEDS_DIR is not set or not a folder");
      return NULL;
    }
  for (guint i = 0; i < documents->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (documents, i), NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          *skip_reason = g_strdup_printf ("seed article %s is missing", path);
          return NULL;
        }
      g_strv_builder_add (paths, path);
    }

  return g_strv_builder_end (paths);
}

static void
run_seeds (SeedsRun *run)
{
  g_autoptr(EvalAnnotation) annotation = load_seeds_annotation ();
  g_auto(GStrv) paths = find_seed_paths (annotation, &run->skip_reason);
  g_autoptr(EntGraph) graph = NULL;
  g_autofree char *dir = NULL;
  EntStore *store;

  if (paths == NULL)
    return;

  store = eval_project_new (&dir, &run->error);
  if (store == NULL)
    return;
  if (eval_ingest_files (store, (const char * const *) paths, &run->error))
    graph = ent_store_load_graph (store, &run->error);
  if (graph != NULL)
    {
      eval_score (annotation, store, graph, "seeds", &run->score);
      eval_score_report ("seeds", &run->score);
    }
  eval_project_remove (store, dir);
}

/* The pipeline runs once; each test case asserts one aspect of its result. */
static SeedsRun *
get_seeds_run (void)
{
  static SeedsRun run;

  if (!run.done)
    {
      run.done = TRUE;
      run_seeds (&run);
    }
  if (run.skip_reason == NULL)
    g_assert_no_error (run.error);

  return &run;
}

/* The judge judged: a small graph with one mistake of each kind the
 * evaluator must catch, against a small annotation. */
static const char evaluator_annotation[] =
  "{\"document\": \"visit.txt\",\n"
  " \"entities\": [\n"
  "  {\"id\": \"aksoy\", \"type\": \"person\", \"names\": [\"Levent Aksoy\", \"Aksoy\"]},\n"
  "  {\"id\": \"seitkali\", \"type\": \"person\", \"names\": [\"Daniyar Seitkali\", \"Seitkali\"]},\n"
  "  {\"id\": \"demirel\", \"type\": \"person\", \"names\": [\"Hakan Demirel\"]},\n"
  "  {\"id\": \"turkey\", \"type\": \"country\", \"names\": [\"Türkiye\", \"Turkey\"]},\n"
  "  {\"id\": \"kazakhstan\", \"type\": \"country\", \"names\": [\"Kazakhstan\"]},\n"
  "  {\"id\": \"ankara\", \"type\": \"place\", \"names\": [\"Ankara\"]},\n"
  "  {\"id\": \"roadmap\", \"type\": \"agreement\", \"names\": [\"roadmap\"]}],\n"
  " \"acceptable_entities\": [{\"type\": \"organization\", \"names\": [\"Anatolia Wire\"]}],\n"
  " \"relations\": [\n"
  "  {\"type\": \"holds_office\", \"source\": \"aksoy\", \"target\": \"turkey\", \"role\": \"President\"},\n"
  "  {\"type\": \"holds_office\", \"source\": \"demirel\", \"target\": \"turkey\", \"role\": \"Foreign Minister\"},\n"
  "  {\"type\": \"met\", \"source\": \"aksoy\", \"target\": \"seitkali\"},\n"
  "  {\"type\": \"hosted\", \"source\": \"aksoy\", \"target\": \"seitkali\"},\n"
  "  {\"type\": \"visited\", \"source\": \"seitkali\", \"target\": \"ankara\"},\n"
  "  {\"type\": \"party_to\", \"source\": \"turkey\", \"target\": \"roadmap\"}],\n"
  " \"acceptable_relations\": [\n"
  "  {\"type\": \"located_in\", \"source\": \"ankara\", \"target\": \"turkey\"}]}\n";

static guint
add_entity (EntGraph      *graph,
            EntEntityType  type,
            const char    *name,
            const char    *alias)
{
  guint index = ent_graph_add_entity (graph, graph->entities->len + 1, type, name, 1);

  if (alias != NULL)
    g_ptr_array_add (ent_graph_get_entity (graph, index)->aliases, g_strdup (alias));
  return index;
}

static void
add_relation (EntGraph        *graph,
              EntRelationType  type,
              guint            source,
              guint            target,
              const char      *role)
{
  guint index = ent_graph_add_relation (graph, graph->relations->len + 1, type, source, target);

  if (role != NULL)
    g_hash_table_insert (ent_graph_get_relation (graph, index)->attributes,
                         g_strdup ("role"), g_strdup (role));
}

static EntGraph *
build_evaluator_graph (void)
{
  EntGraph *graph = ent_graph_new ();
  guint aksoy, seitkali, seitkali_again, demirel, turkey, ankara;

  aksoy = add_entity (graph, ENT_ENTITY_PERSON, "President Levent Aksoy", "Aksoy");
  seitkali = add_entity (graph, ENT_ENTITY_PERSON, "Seitkali", NULL);
  seitkali_again = add_entity (graph, ENT_ENTITY_PERSON, "Daniyar Seitkali", NULL);
  demirel = add_entity (graph, ENT_ENTITY_PERSON, "Hakan Demirel", NULL);
  turkey = add_entity (graph, ENT_ENTITY_COUNTRY, "Turkiye", NULL);
  add_entity (graph, ENT_ENTITY_ORGANIZATION, "Kazakhstan", NULL);
  ankara = add_entity (graph, ENT_ENTITY_PLACE, "Ankara", NULL);
  add_entity (graph, ENT_ENTITY_ORGANIZATION, "Anatolia Wire", NULL);
  add_entity (graph, ENT_ENTITY_PLACE, "Lake Van", NULL);

  add_relation (graph, ENT_RELATION_HOLDS_OFFICE, aksoy, turkey, "Turkish President");
  add_relation (graph, ENT_RELATION_HOLDS_OFFICE, demirel, turkey, "Prime Minister");
  add_relation (graph, ENT_RELATION_MET, seitkali, aksoy, NULL);
  add_relation (graph, ENT_RELATION_HOSTED, seitkali, aksoy, NULL);
  add_relation (graph, ENT_RELATION_VISITED, seitkali_again, ankara, NULL);
  add_relation (graph, ENT_RELATION_LOCATED_IN, ankara, turkey, NULL);
  add_relation (graph, ENT_RELATION_CO_MENTIONED, demirel, ankara, NULL);
  ent_graph_finish (graph);

  return graph;
}

static void
test_evaluator (void)
{
  g_autoptr(EvalAnnotation) annotation = eval_annotation_new ();
  g_autoptr(EntGraph) graph = build_evaluator_graph ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("entente-eval-XXXXXX", &error);
  g_autofree char *path = NULL;
  EvalScore score = { 0 };

  g_assert_no_error (error);
  path = g_build_filename (dir, "visit.json", NULL);
  g_file_set_contents (path, evaluator_annotation, -1, &error);
  g_assert_no_error (error);
  eval_annotation_load (annotation, path, &error);
  g_assert_no_error (error);
  g_remove (path);
  g_rmdir (dir);

  eval_score (annotation, NULL, graph, "evaluator", &score);

  /* Found: Aksoy (through an alias), Demirel, Türkiye (folded), Ankara.
   * Seitkali is two nodes, Kazakhstan an organisation, the roadmap absent. */
  g_assert_cmpuint (score.entities, ==, 7);
  g_assert_cmpuint (score.entities_found, ==, 4);
  g_assert_cmpuint (score.entities_duplicated, ==, 1);
  g_assert_cmpuint (score.entities_mistyped, ==, 1);
  /* Lake Van and the organisation Kazakhstan are false. */
  g_assert_cmpuint (score.graph_entities, ==, 9);
  g_assert_cmpuint (score.graph_entities_correct, ==, 7);
  /* Found: Aksoy's office (a role containing "president"), met either way
   * round, visited. Not: Demirel's office (wrong role), hosted the wrong
   * way round, the roadmap. */
  g_assert_cmpuint (score.relations, ==, 6);
  g_assert_cmpuint (score.relations_found, ==, 3);
  g_assert_cmpuint (score.relations_found_ignoring_role, ==, 4);
  /* co_mentioned is left out; located_in is acceptable. */
  g_assert_cmpuint (score.graph_relations, ==, 6);
  g_assert_cmpuint (score.graph_relations_correct, ==, 4);
  g_assert_cmpuint (score.evidence, ==, 0);
}

static void
test_annotation_rejects_off_ontology (void)
{
  g_autoptr(EvalAnnotation) annotation = eval_annotation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("entente-eval-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
  const char *bad =
    "{\"entities\": [{\"id\": \"a\", \"type\": \"agreement\", \"names\": [\"deal\"]},"
    " {\"id\": \"p\", \"type\": \"project\", \"names\": [\"railway\"]}],"
    " \"relations\": [{\"type\": \"involves\", \"source\": \"a\", \"target\": \"p\"}]}";

  g_file_set_contents (path, bad, -1, &error);
  g_assert_no_error (error);
  g_assert_false (eval_annotation_load (annotation, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_annotation_valid (void)
{
  g_autoptr(EvalAnnotation) annotation = load_seeds_annotation ();
  g_autoptr(GPtrArray) ids = eval_annotation_shared_ids (annotation, 1);

  /* Five articles, and enough annotated facts for recall to mean something. */
  g_assert_cmpuint (eval_annotation_get_documents (annotation)->len, ==, 5);
  g_assert_cmpuint (ids->len, >=, 15);
}

static void
test_seed_entities (void)
{
  SeedsRun *run = get_seeds_run ();

  if (run->skip_reason != NULL)
    {
      g_test_skip (run->skip_reason);
      return;
    }
  g_assert_cmpuint (run->score.entities_duplicated, ==, 0);
  g_assert_cmpfloat (eval_entity_recall (&run->score), >=, 1.0);
  g_assert_cmpfloat (eval_entity_precision (&run->score), >=, 1.0);
}

static void
test_seed_relations (void)
{
  SeedsRun *run = get_seeds_run ();

  if (run->skip_reason != NULL)
    {
      g_test_skip (run->skip_reason);
      return;
    }
  g_assert_cmpfloat (eval_relation_recall (&run->score), >=, 0.93);
  g_assert_cmpfloat (eval_relation_precision (&run->score), >=, 1.0);
}

static void
test_seed_evidence (void)
{
  SeedsRun *run = get_seeds_run ();

  if (run->skip_reason != NULL)
    {
      g_test_skip (run->skip_reason);
      return;
    }
  g_assert_cmpuint (run->score.evidence, >, 0);
  g_assert_cmpuint (run->score.evidence_verbatim, ==, run->score.evidence);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A failed threshold must not hide the figures of the other cases. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/entente/quality/evaluator", test_evaluator);
  g_test_add_func ("/entente/quality/annotation-rejects-off-ontology", test_annotation_rejects_off_ontology);
  g_test_add_func ("/entente/quality/annotation-valid", test_annotation_valid);
  g_test_add_func ("/entente/quality/seeds/entities", test_seed_entities);
  g_test_add_func ("/entente/quality/seeds/relations", test_seed_relations);
  g_test_add_func ("/entente/quality/seeds/evidence", test_seed_evidence);

  return g_test_run ();
}
