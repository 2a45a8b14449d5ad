/* test-view.c — which entities and relations a view shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-view"

#include "config.h"

#include "ent-view.h"

enum { A, B, C, D, E, F, G, H, I, J, N_ENTITIES };

/*      G        H (co_mentioned with A only)
 *      |        I (no relation at all)
 *  F - C - A - B
 *      |       |
 *      +-- D --+        two shortest paths A..E: via B and via C
 *          |
 *          E - J
 */
static EntGraph *
build_graph (void)
{
  EntGraph *graph = ent_graph_new ();
  guint d1 = ent_graph_add_document (graph, 10, "One", NULL, NULL, NULL);
  guint d2 = ent_graph_add_document (graph, 11, "Two", NULL, NULL, NULL);
  static const struct { EntEntityType type; const char *name; } entities[N_ENTITIES] = {
    { ENT_ENTITY_PERSON, "Alexander Lukashenko" }, { ENT_ENTITY_PERSON, "Ebrahim Raisi" },
    { ENT_ENTITY_COUNTRY, "Belarus" }, { ENT_ENTITY_ORGANIZATION, "SCO" },
    { ENT_ENTITY_PERSON, "Ali Khamenei" }, { ENT_ENTITY_PLACE, "Minsk" },
    { ENT_ENTITY_AGREEMENT, "Roadmap" }, { ENT_ENTITY_PERSON, "Someone Else" },
    { ENT_ENTITY_PERSON, "Loner" }, { ENT_ENTITY_COUNTRY, "Iran" },
  };
  static const struct { EntRelationType type; guint s, t, docs; } relations[] = {
    { ENT_RELATION_MET, A, B, 2 },            /* r0, the only weight-2 relation */
    { ENT_RELATION_HOLDS_OFFICE, A, C, 1 },   /* r1 */
    { ENT_RELATION_HOLDS_OFFICE, B, D, 1 },   /* r2 */
    { ENT_RELATION_MEMBER_OF, C, D, 1 },      /* r3 */
    { ENT_RELATION_COOPERATES_WITHIN, E, D, 1 }, /* r4 */
    { ENT_RELATION_HOLDS_OFFICE, E, J, 1 },   /* r5 */
    { ENT_RELATION_LOCATED_IN, F, C, 1 },     /* r6 */
    { ENT_RELATION_SIGNED, A, G, 1 },         /* r7 */
    { ENT_RELATION_CO_MENTIONED, A, H, 1 },   /* r8 */
  };

  for (guint i = 0; i < N_ENTITIES; i++)
    ent_graph_add_entity (graph, 100 + i, entities[i].type, entities[i].name, 1);
  for (guint i = 0; i < G_N_ELEMENTS (relations); i++)
    {
      guint r = ent_graph_add_relation (graph, 200 + i, relations[i].type, relations[i].s, relations[i].t);

      ent_graph_relation_add_evidence (graph, r, d1, 0, 5, "One sentence.");
      if (relations[i].docs > 1)
        ent_graph_relation_add_evidence (graph, r, d2, 0, 5, "Another sentence.");
    }
  ent_graph_finish (graph);
  return graph;
}

static void
assert_entities (EntView     *view,
                 const guint *expected,
                 guint        n_expected)
{
  guint n;
  const guint *entities = ent_view_get_entities (view, &n);

  g_assert_cmpuint (n, ==, n_expected);
  g_assert_cmpuint (ent_view_get_n_entities (view), ==, n_expected);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (entities[i], ==, expected[i]);
      g_assert_true (ent_view_contains_entity (view, expected[i]));
    }
}

static void
assert_relations (EntView     *view,
                  const guint *expected,
                  guint        n_expected)
{
  guint n;
  const guint *relations = ent_view_get_relations (view, &n);

  g_assert_cmpuint (n, ==, n_expected);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (relations[i], ==, expected[i]);
      g_assert_true (ent_view_contains_relation (view, expected[i]));
    }
}

#define ASSERT_ENTITIES(view, ...) G_STMT_START { \
  const guint expected_[] = { __VA_ARGS__ }; \
  assert_entities (view, expected_, G_N_ELEMENTS (expected_)); \
} G_STMT_END
#define ASSERT_RELATIONS(view, ...) G_STMT_START { \
  const guint expected_[] = { __VA_ARGS__ }; \
  assert_relations (view, expected_, G_N_ELEMENTS (expected_)); \
} G_STMT_END

static void
test_default_filter (void)
{
  EntViewFilter filter;

  ent_view_filter_init_default (&filter);
  g_assert_false (ent_view_filter_shows_relation_type (&filter, ENT_RELATION_CO_MENTIONED));
  g_assert_true (ent_view_filter_shows_relation_type (&filter, ENT_RELATION_MET));
  for (guint i = 0; i < ENT_N_ENTITY_TYPES; i++)
    g_assert_true (ent_view_filter_shows_entity_type (&filter, i));

  ent_view_filter_set_entity_type (&filter, ENT_ENTITY_PLACE, FALSE);
  g_assert_false (ent_view_filter_shows_entity_type (&filter, ENT_ENTITY_PLACE));
  ent_view_filter_set_relation_type (&filter, ENT_RELATION_CO_MENTIONED, TRUE);
  g_assert_true (ent_view_filter_shows_relation_type (&filter, ENT_RELATION_CO_MENTIONED));
}

static void
test_all (void)
{
  g_autoptr(EntGraph) graph = build_graph ();
  g_autoptr(EntView) all = ent_view_new_all (graph, NULL);
  g_autoptr(EntView) connected = NULL;
  EntViewFilter filter;

  /* Everything but the co_mentioned link, which is off by default. */
  ASSERT_ENTITIES (all, A, B, C, D, E, F, G, H, I, J);
  ASSERT_RELATIONS (all, 0, 1, 2, 3, 4, 5, 6, 7);
  g_assert_false (ent_view_contains_relation (all, 8));
  g_assert_cmpint (ent_view_get_kind (all), ==, ENT_VIEW_KIND_ALL);
  g_assert_cmpuint (ent_view_get_focus (all), ==, ENT_VIEW_NONE);

  ent_view_filter_init_default (&filter);
  filter.hide_isolated = TRUE;
  connected = ent_view_new_all (graph, &filter);
  ASSERT_ENTITIES (connected, A, B, C, D, E, F, G, J);

  /* Out-of-range indices are not in any view. */
  g_assert_false (ent_view_contains_entity (all, 1000));
  g_assert_false (ent_view_contains_relation (all, 1000));
}

static void
test_focus_depth (void)
{
  g_autoptr(EntGraph) graph = build_graph ();
  g_autoptr(EntView) one = ent_view_new_focus (graph, NULL, A, 1);
  g_autoptr(EntView) two = ent_view_new_focus (graph, NULL, A, 2);
  g_autoptr(EntView) three = ent_view_new_focus (graph, NULL, A, 3);
  g_autoptr(EntView) clamped = ent_view_new_focus (graph, NULL, A, 9);
  g_autoptr(GArray) neighbours = ent_view_get_neighbours (one, A);

  ASSERT_ENTITIES (one, A, B, C, G);
  ASSERT_RELATIONS (one, 0, 1, 7);
  g_assert_cmpuint (ent_view_get_focus (one), ==, A);
  g_assert_cmpuint (ent_view_get_depth (one), ==, 1);

  ASSERT_ENTITIES (two, A, B, C, D, F, G);
  ASSERT_RELATIONS (two, 0, 1, 2, 3, 6, 7);

  ASSERT_ENTITIES (three, A, B, C, D, E, F, G);
  ASSERT_RELATIONS (three, 0, 1, 2, 3, 4, 6, 7);
  g_assert_cmpuint (ent_view_get_depth (clamped), ==, 3);
  g_assert_true (ent_view_equal (three, clamped));

  g_assert_cmpuint (neighbours->len, ==, 3);
  g_assert_cmpuint (g_array_index (neighbours, guint, 0), ==, B);
  g_assert_cmpuint (g_array_index (neighbours, guint, 1), ==, C);
  g_assert_cmpuint (g_array_index (neighbours, guint, 2), ==, G);
}

static void
test_filters (void)
{
  g_autoptr(EntGraph) graph = build_graph ();
  g_autoptr(EntView) no_people = NULL;
  g_autoptr(EntView) heavy = NULL;
  g_autoptr(EntView) weak = NULL;
  g_autoptr(EntView) no_office = NULL;
  EntViewFilter filter;

  /* The focus stays even when its type is hidden; other people go. */
  ent_view_filter_init_default (&filter);
  ent_view_filter_set_entity_type (&filter, ENT_ENTITY_PERSON, FALSE);
  no_people = ent_view_new_focus (graph, &filter, A, 1);
  ASSERT_ENTITIES (no_people, A, C, G);
  g_assert_false (ent_view_filter_accepts_entity (&filter, graph, B));
  g_assert_true (ent_view_filter_accepts_entity (&filter, graph, C));

  ent_view_filter_init_default (&filter);
  filter.min_weight = 2;
  heavy = ent_view_new_focus (graph, &filter, A, 2);
  ASSERT_ENTITIES (heavy, A, B);
  ASSERT_RELATIONS (heavy, 0);
  g_assert_true (ent_view_filter_accepts_relation (&filter, graph, 0));
  g_assert_false (ent_view_filter_accepts_relation (&filter, graph, 1));

  ent_view_filter_init_default (&filter);
  ent_view_filter_set_relation_type (&filter, ENT_RELATION_CO_MENTIONED, TRUE);
  weak = ent_view_new_focus (graph, &filter, A, 1);
  ASSERT_ENTITIES (weak, A, B, C, G, H);
  ASSERT_RELATIONS (weak, 0, 1, 7, 8);

  ent_view_filter_init_default (&filter);
  ent_view_filter_set_relation_type (&filter, ENT_RELATION_HOLDS_OFFICE, FALSE);
  no_office = ent_view_new_all (graph, &filter);
  ASSERT_RELATIONS (no_office, 0, 3, 4, 6, 7);
}

static void
test_expand_hide (void)
{
  g_autoptr(EntGraph) graph = build_graph ();
  g_autoptr(EntView) one = ent_view_new_focus (graph, NULL, A, 1);
  g_autoptr(EntView) expanded = ent_view_expand (one, B);
  g_autoptr(EntView) two = ent_view_new_focus (graph, NULL, A, 2);
  g_autoptr(EntView) hidden = ent_view_hide (two, C);
  g_autoptr(EntView) no_focus = ent_view_hide (one, A);
  g_autoptr(EntView) back = ent_view_expand (no_focus, A);
  g_autoptr(EntView) outside = ent_view_expand (one, J);

  /* B's neighbour D comes in, with its link to C, already shown. */
  ASSERT_ENTITIES (expanded, A, B, C, D, G);
  ASSERT_RELATIONS (expanded, 0, 1, 2, 3, 7);
  /* Views are values: the original is unchanged. */
  ASSERT_ENTITIES (one, A, B, C, G);

  ASSERT_ENTITIES (hidden, A, B, D, F, G);
  ASSERT_RELATIONS (hidden, 0, 2, 7);

  ASSERT_ENTITIES (no_focus, B, C, G);
  g_assert_cmpuint (ent_view_get_n_relations (no_focus), ==, 0);
  g_assert_cmpuint (ent_view_get_focus (no_focus), ==, ENT_VIEW_NONE);
  g_assert_true (ent_view_equal (back, one));
  g_assert_cmpuint (ent_view_get_focus (back), ==, A);

  /* Expanding an entity outside the view brings it and its neighbours. */
  ASSERT_ENTITIES (outside, A, B, C, E, G, J);
  ASSERT_RELATIONS (outside, 0, 1, 5, 7);
}

static void
test_with_filter_replays (void)
{
  g_autoptr(EntGraph) graph = build_graph ();
  g_autoptr(EntView) one = ent_view_new_focus (graph, NULL, A, 1);
  g_autoptr(EntView) expanded = ent_view_expand (one, B);
  g_autoptr(EntView) hidden = ent_view_hide (expanded, G);
  g_autoptr(EntView) weak = NULL;
  g_autoptr(EntView) restored = NULL;
  g_autoptr(EntView) same = NULL;
  EntViewFilter filter;

  ent_view_filter_init_default (&filter);
  ent_view_filter_set_relation_type (&filter, ENT_RELATION_CO_MENTIONED, TRUE);
  weak = ent_view_with_filter (hidden, &filter);
  /* The same recipe (focus A, expand B, hide G) with co_mentioned on. */
  ASSERT_ENTITIES (weak, A, B, C, D, H);
  g_assert_true (ent_view_filter_equal (ent_view_get_filter (weak), &filter));

  restored = ent_view_with_filter (weak, NULL);
  g_assert_true (ent_view_equal (restored, hidden));
  same = ent_view_with_filter (hidden, NULL);
  g_assert_true (same == hidden);
}

static void
test_paths (void)
{
  g_autoptr(EntGraph) graph = build_graph ();
  g_autoptr(EntView) all = ent_view_new_path (graph, NULL, A, E, 0);
  g_autoptr(EntView) one = ent_view_new_path (graph, NULL, A, E, 1);
  g_autoptr(EntView) none = ent_view_new_path (graph, NULL, A, I, 0);
  g_autoptr(EntView) to_j = ent_view_new_path (graph, NULL, J, A, 0);
  g_autoptr(EntView) direct = ent_view_new_path (graph, NULL, A, B, 0);
  g_autoptr(EntView) no_org = NULL;
  EntViewFilter filter;

  ASSERT_ENTITIES (all, A, B, C, D, E);
  ASSERT_RELATIONS (all, 0, 1, 2, 3, 4);
  g_assert_cmpuint (ent_view_get_path_length (all), ==, 3);
  g_assert_cmpuint (ent_view_get_path_from (all), ==, A);
  g_assert_cmpuint (ent_view_get_path_to (all), ==, E);

  /* One path, the heaviest first: through B (A-B has two sources). */
  ASSERT_ENTITIES (one, A, B, D, E);
  ASSERT_RELATIONS (one, 0, 2, 4);

  ASSERT_ENTITIES (none, A, I);
  g_assert_cmpuint (ent_view_get_n_relations (none), ==, 0);
  g_assert_cmpuint (ent_view_get_path_length (none), ==, ENT_VIEW_NONE);

  /* Direction does not matter; E->J and E->D are walked backwards. */
  ASSERT_ENTITIES (to_j, A, B, C, D, E, J);
  g_assert_cmpuint (ent_view_get_path_length (to_j), ==, 4);
  ASSERT_RELATIONS (direct, 0);

  /* Paths only go through shown entities. */
  ent_view_filter_init_default (&filter);
  ent_view_filter_set_entity_type (&filter, ENT_ENTITY_ORGANIZATION, FALSE);
  no_org = ent_view_new_path (graph, &filter, A, E, 0);
  g_assert_cmpuint (ent_view_get_path_length (no_org), ==, ENT_VIEW_NONE);
}

static void
test_new_entities (void)
{
  g_autoptr(EntGraph) graph = build_graph ();
  g_autoptr(EntGraph) reloaded = build_graph ();
  g_autoptr(EntView) one = ent_view_new_focus (graph, NULL, A, 1);
  g_autoptr(EntView) two = ent_view_new_focus (graph, NULL, A, 2);
  g_autoptr(EntView) two_reloaded = ent_view_new_focus (reloaded, NULL, A, 2);
  g_autoptr(GArray) added = ent_view_diff_new_entities (two, one);
  g_autoptr(GArray) removed = ent_view_diff_removed_entities (one, two);
  g_autoptr(GArray) none_removed = ent_view_diff_removed_entities (two, one);
  g_autoptr(GArray) everything = ent_view_diff_new_entities (one, NULL);
  g_autoptr(GArray) across = ent_view_diff_new_entities (two_reloaded, one);

  g_assert_cmpuint (added->len, ==, 2);
  g_assert_cmpuint (g_array_index (added, guint, 0), ==, D);
  g_assert_cmpuint (g_array_index (added, guint, 1), ==, F);
  g_assert_cmpuint (removed->len, ==, 2);
  g_assert_cmpuint (none_removed->len, ==, 0);
  g_assert_cmpuint (everything->len, ==, 4);
  /* A reloaded graph is compared by store id. */
  g_assert_cmpuint (across->len, ==, 2);
  g_assert_false (ent_view_equal (two, two_reloaded));
}

static void
test_focus_limited (void)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(EntView) view = NULL;
  guint doc = ent_graph_add_document (graph, 1, "d", NULL, NULL, NULL);
  guint hub = ent_graph_add_entity (graph, 1, ENT_ENTITY_COUNTRY, "Hub", 1);

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Spoke %u", i);
      guint spoke = ent_graph_add_entity (graph, 10 + i, ENT_ENTITY_PERSON, name, 1);
      guint r = ent_graph_add_relation (graph, 10 + i, ENT_RELATION_HOLDS_OFFICE, spoke, hub);

      ent_graph_relation_add_evidence (graph, r, doc, 0, 1, "x");
      /* Spokes 40..49 are stated by a second document: heavier. */
      if (i >= 40)
        ent_graph_relation_add_evidence (graph, r, ent_graph_add_document (graph, 100 + i, "e", NULL, NULL, NULL),
                                         0, 1, "y");
    }
  ent_graph_finish (graph);

  view = ent_view_new_focus_limited (graph, NULL, hub, 2, 11);
  g_assert_cmpuint (ent_view_get_n_entities (view), ==, 11);
  g_assert_true (ent_view_contains_entity (view, hub));
  for (guint i = 40; i < 50; i++)
    g_assert_true (ent_view_contains_entity (view, 1 + i));
}

/* A graph of the size the viewer must handle. */
static EntGraph *
large_graph (guint n,
             guint m)
{
  EntGraph *graph = ent_graph_new ();
  GRand *rand = g_rand_new_with_seed (42);
  guint doc = ent_graph_add_document (graph, 1, "d", NULL, NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Entity %u", i);

      ent_graph_add_entity (graph, i + 1, i % ENT_N_ENTITY_TYPES, name, 1);
    }
  for (guint i = 0; i < m; i++)
    {
      /* Squaring skews towards low indices: a few hubs, many leaves. */
      double u = g_rand_double (rand);
      guint a = (guint) (u * u * n), b = g_rand_int_range (rand, 0, n);
      guint r = ent_graph_add_relation (graph, i + 1, g_rand_int_range (rand, 0, ENT_N_RELATION_TYPES), a, b);

      ent_graph_relation_add_evidence (graph, r, doc, 0, 1, "x");
    }
  ent_graph_finish (graph);
  g_rand_free (rand);
  return graph;
}

static void
test_large_fast (void)
{
  g_autoptr(EntGraph) graph = large_graph (5000, 10000);
  gint64 start = g_get_monotonic_time ();
  g_autoptr(EntView) all = ent_view_new_all (graph, NULL);
  g_autoptr(EntView) focus = ent_view_new_focus (graph, NULL, 0, 2);
  g_autoptr(EntView) expanded = ent_view_expand (focus, 4999);
  g_autoptr(EntView) path = ent_view_new_path (graph, NULL, 4998, 4999, 0);
  g_autoptr(GArray) added = ent_view_diff_new_entities (expanded, focus);
  gint64 elapsed = g_get_monotonic_time () - start;

  g_test_message ("five views of 5000/10000 in %" G_GINT64_FORMAT " us", elapsed);
  g_assert_cmpuint (ent_view_get_n_entities (all), ==, 5000);
  g_assert_cmpuint (ent_view_get_n_entities (focus), >, 100);
  g_assert_cmpuint (added->len, >=, 1);
  g_assert_cmpuint (ent_view_get_path_length (path), !=, ENT_VIEW_NONE);
  /* Milliseconds, with a wide margin for slow or instrumented builds. */
  g_assert_cmpint (elapsed, <, 250000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/view/default-filter", test_default_filter);
  g_test_add_func ("/entente/view/all", test_all);
  g_test_add_func ("/entente/view/focus-depth", test_focus_depth);
  g_test_add_func ("/entente/view/filters", test_filters);
  g_test_add_func ("/entente/view/expand-hide", test_expand_hide);
  g_test_add_func ("/entente/view/with-filter", test_with_filter_replays);
  g_test_add_func ("/entente/view/paths", test_paths);
  g_test_add_func ("/entente/view/new-entities", test_new_entities);
  g_test_add_func ("/entente/view/focus-limited", test_focus_limited);
  g_test_add_func ("/entente/view/large-fast", test_large_fast);

  return g_test_run ();
}
