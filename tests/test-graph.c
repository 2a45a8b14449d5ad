/* test-graph.c — the in-memory graph snapshot and its builders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-graph"

#include "config.h"

#include "ent-graph.h"

/* Two documents; Raisi (president of Iran) met Lukashenko in both. */
static EntGraph *
build_sample (void)
{
  EntGraph *graph = ent_graph_new ();
  guint d1, d2, raisi, lukashenko, iran, met, office;

  d1 = ent_graph_add_document (graph, 10, "Visit", "/a.txt", "2023-03-13", "IRNA");
  d2 = ent_graph_add_document (graph, 20, "Talks", NULL, NULL, NULL);
  raisi = ent_graph_add_entity (graph, 100, ENT_ENTITY_PERSON, "Ebrahim Raisi", 5);
  lukashenko = ent_graph_add_entity (graph, 200, ENT_ENTITY_PERSON, "Alexander Lukashenko", 9);
  iran = ent_graph_add_entity (graph, 300, ENT_ENTITY_COUNTRY, "Iran", 12);
  g_ptr_array_add (ent_graph_get_entity (graph, raisi)->aliases, g_strdup ("Raisi"));

  met = ent_graph_add_relation (graph, 1000, ENT_RELATION_MET, raisi, lukashenko);
  ent_graph_relation_add_evidence (graph, met, d1, 0, 20, "Raisi met Lukashenko.");
  ent_graph_relation_add_evidence (graph, met, d1, 40, 60, "They met again.");
  ent_graph_relation_add_evidence (graph, met, d2, 5, 30, "The two met.");

  office = ent_graph_add_relation (graph, 1001, ENT_RELATION_HOLDS_OFFICE, raisi, iran);
  g_hash_table_insert (ent_graph_get_relation (graph, office)->attributes,
                       g_strdup ("role"), g_strdup ("President"));
  ent_graph_relation_add_evidence (graph, office, d2, 0, 10, "President Raisi");

  ent_graph_entity_add_claim (graph, iran, "count", "7", d1, "seven memorandums");
  ent_graph_finish (graph);

  return graph;
}

static void
test_graph_build (void)
{
  g_autoptr(EntGraph) graph = build_sample ();
  EntGraphRelation *met;
  EntGraphEntity *raisi;

  g_assert_cmpuint (graph->documents->len, ==, 2);
  g_assert_cmpuint (graph->entities->len, ==, 3);
  g_assert_cmpuint (graph->relations->len, ==, 2);

  met = ent_graph_get_relation (graph, 0);
  g_assert_cmpuint (met->evidence->len, ==, 3);
  /* Weight counts distinct documents, not pieces of evidence. */
  g_assert_cmpuint (met->weight, ==, 2);
  g_assert_cmpuint (ent_graph_get_relation (graph, 1)->weight, ==, 1);

  raisi = ent_graph_get_entity (graph, 0);
  g_assert_cmpuint (raisi->relations->len, ==, 2);
  g_assert_cmpuint (ent_graph_get_entity (graph, 1)->relations->len, ==, 1);
  g_assert_cmpuint (raisi->n_sources, ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (ent_graph_get_relation (graph, 1)->attributes, "role"),
                   ==, "President");
  g_assert_cmpuint (ent_graph_get_entity (graph, 2)->claims->len, ==, 1);
  g_assert_cmpstr (ent_graph_get_document (graph, 1)->title, ==, "Talks");
  g_assert_null (ent_graph_get_document (graph, 1)->date);
}

static void
test_graph_finish_twice (void)
{
  g_autoptr(EntGraph) graph = build_sample ();

  /* A second finish must not duplicate adjacency. */
  ent_graph_finish (graph);
  g_assert_cmpuint (ent_graph_get_entity (graph, 0)->relations->len, ==, 2);
  g_assert_cmpuint (ent_graph_get_relation (graph, 0)->weight, ==, 2);
}

static void
test_graph_lookup (void)
{
  g_autoptr(EntGraph) graph = build_sample ();
  guint index = G_MAXUINT;

  g_assert_true (ent_graph_lookup_entity_id (graph, 300, &index));
  g_assert_cmpuint (index, ==, 2);
  g_assert_false (ent_graph_lookup_entity_id (graph, 301, &index));
  g_assert_true (ent_graph_lookup_document_id (graph, 20, &index));
  g_assert_cmpuint (index, ==, 1);
  g_assert_false (ent_graph_lookup_document_id (graph, 30, NULL));

  g_assert_cmpuint (ent_graph_relation_other (graph, 0, 0), ==, 1);
  g_assert_cmpuint (ent_graph_relation_other (graph, 0, 1), ==, 0);
}

static void
test_graph_find (void)
{
  g_autoptr(EntGraph) graph = build_sample ();
  guint index = G_MAXUINT;
  guint other;

  g_assert_true (ent_graph_find_entity (graph, "alexander lukashenko", &index));
  g_assert_cmpuint (index, ==, 1);
  /* Aliases count, and surrounding spaces do not. */
  g_assert_true (ent_graph_find_entity (graph, "  RAISI ", &index));
  g_assert_cmpuint (index, ==, 0);
  g_assert_false (ent_graph_find_entity (graph, "Rais", &index));
  g_assert_false (ent_graph_find_entity (graph, "\xff\xfe", &index));

  /* Two entities with the same name: the one mentioned most wins. */
  other = ent_graph_add_entity (graph, 400, ENT_ENTITY_PLACE, "Iran", 50);
  ent_graph_finish (graph);
  g_assert_true (ent_graph_find_entity (graph, "iran", &index));
  g_assert_cmpuint (index, ==, other);
}

static void
test_graph_ref (void)
{
  EntGraph *graph = build_sample ();

  g_assert_true (ent_graph_ref (graph) == graph);
  ent_graph_unref (graph);
  /* Still alive after one unref. */
  g_assert_cmpuint (graph->entities->len, ==, 3);
  ent_graph_unref (graph);
}

static void
test_graph_empty (void)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();

  ent_graph_finish (graph);
  g_assert_cmpuint (graph->entities->len, ==, 0);
  g_assert_false (ent_graph_find_entity (graph, "anything", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/graph/build", test_graph_build);
  g_test_add_func ("/entente/graph/finish-twice", test_graph_finish_twice);
  g_test_add_func ("/entente/graph/lookup", test_graph_lookup);
  g_test_add_func ("/entente/graph/find", test_graph_find);
  g_test_add_func ("/entente/graph/ref", test_graph_ref);
  g_test_add_func ("/entente/graph/empty", test_graph_empty);

  return g_test_run ();
}
