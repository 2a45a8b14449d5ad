/* test-layout.c — Graphviz layout on its worker, geometry and hit-testing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-layout"

#include "config.h"

#include <math.h>

#include "ent-layout.h"
#include "ent-layout-private.h"
#include "ent-view.h"

/* A small diplomatic graph: every entity type, directed and symmetric
 * relations, and two relations between the same pair. */
static EntGraph *
small_graph (void)
{
  EntGraph *graph = ent_graph_new ();
  guint doc = ent_graph_add_document (graph, 1, "Visit", NULL, "2023-03-13", NULL);
  guint luk = ent_graph_add_entity (graph, 1, ENT_ENTITY_PERSON, "Alexander Lukashenko", 20);
  guint rai = ent_graph_add_entity (graph, 2, ENT_ENTITY_PERSON, "Ebrahim Raisi", 15);
  guint blr = ent_graph_add_entity (graph, 3, ENT_ENTITY_COUNTRY, "Belarus", 12);
  guint irn = ent_graph_add_entity (graph, 4, ENT_ENTITY_COUNTRY, "Iran", 14);
  guint sco = ent_graph_add_entity (graph, 5, ENT_ENTITY_ORGANIZATION, "Shanghai Cooperation Organisation", 3);
  guint map = ent_graph_add_entity (graph, 6, ENT_ENTITY_AGREEMENT, "Comprehensive cooperation roadmap 2023-2026", 4);
  guint teh = ent_graph_add_entity (graph, 7, ENT_ENTITY_PLACE, "Tehran", 6);
  guint nsc = ent_graph_add_entity (graph, 8, ENT_ENTITY_PROJECT, "North-South corridor", 2);
  guint vis = ent_graph_add_entity (graph, 9, ENT_ENTITY_EVENT, "State visit", 2);
  struct { EntRelationType type; guint s, t; } rel[] = {
    { ENT_RELATION_HOLDS_OFFICE, luk, blr }, { ENT_RELATION_HOLDS_OFFICE, rai, irn },
    { ENT_RELATION_MET, luk, rai }, { ENT_RELATION_HOSTED, rai, luk },
    { ENT_RELATION_VISITED, luk, teh }, { ENT_RELATION_SIGNED, luk, map },
    { ENT_RELATION_SIGNED, rai, map }, { ENT_RELATION_MEMBER_OF, irn, sco },
    { ENT_RELATION_LOCATED_IN, teh, irn }, { ENT_RELATION_INVOLVES, nsc, irn },
    { ENT_RELATION_INVOLVES, vis, blr }, { ENT_RELATION_COOPERATES_WITH, blr, irn },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rel); i++)
    {
      guint r = ent_graph_add_relation (graph, i + 1, rel[i].type, rel[i].s, rel[i].t);

      ent_graph_relation_add_evidence (graph, r, doc, 0, 10, "A sentence.");
    }
  ent_graph_finish (graph);
  return graph;
}

/* A scale-free-ish graph of @n entities and about 2n relations. */
static EntGraph *
random_graph (guint n,
              guint seed)
{
  EntGraph *graph = ent_graph_new ();
  GRand *rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  guint doc = ent_graph_add_document (graph, 1, "d", NULL, NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Entity number %u", i);

      ent_graph_add_entity (graph, i + 1, g_rand_int_range (rand, 0, ENT_N_ENTITY_TYPES), name, 1);
    }
  for (guint i = 1; i < 2 * n; i++)
    {
      guint a = i < n ? i : (guint) g_rand_int_range (rand, 0, n);
      guint b = ends->len > 0 && g_rand_boolean (rand)
                ? g_array_index (ends, guint, g_rand_int_range (rand, 0, ends->len))
                : (guint) g_rand_int_range (rand, 0, MAX (a, 1));
      guint r;

      if (a == b)
        continue;
      r = ent_graph_add_relation (graph, i, ENT_RELATION_MET + (i % 3), a, b);
      ent_graph_relation_add_evidence (graph, r, doc, 0, 1, "x");
      g_array_append_val (ends, a);
      g_array_append_val (ends, b);
    }
  ent_graph_finish (graph);
  g_rand_free (rand);
  return graph;
}

static gboolean
rect_contains_rect (const EntRect *outer,
                    const EntRect *inner)
{
  return inner->x >= outer->x - 1e-6 && inner->y >= outer->y - 1e-6
         && inner->x + inner->width <= outer->x + outer->width + 1e-6
         && inner->y + inner->height <= outer->y + outer->height + 1e-6;
}

static void
assert_geometry (EntLayout *layout)
{
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      EntRect box;

      ent_layout_node_bounds (layout, i, &box);
      g_assert_true (rect_contains_rect (&layout->bounds, &box));
      g_assert_cmpfloat (layout->nodes[i].width, >, layout->nodes[i].label_width);
    }

  for (guint i = 0; i < layout->n_edges; i++)
    {
      const EntLayoutEdge *edge = &layout->edges[i];
      const EntLayoutNode *target = &layout->nodes[edge->target];
      double reach = hypot (target->width, target->height) / 2 + 2;

      g_assert_cmpuint (edge->n_points, >=, 4);
      g_assert_cmpuint ((edge->n_points - 1) % 3, ==, 0);
      g_assert_true (rect_contains_rect (&layout->bounds, &edge->bounds));
      /* The curve (or its arrowhead) ends at its target. */
      g_assert_cmpfloat (hypot (edge->arrow_tip.x - target->x, edge->arrow_tip.y - target->y), <=, reach);
      if (edge->directed)
        g_assert_cmpfloat (hypot (edge->arrow_tip.x - edge->arrow_base.x,
                                  edge->arrow_tip.y - edge->arrow_base.y), >, 1.0);
      else
        g_assert_cmpfloat (hypot (edge->arrow_tip.x - edge->arrow_base.x,
                                  edge->arrow_tip.y - edge->arrow_base.y), <, 1e-6);
    }
}

static void
assert_no_overlap (EntLayout *layout)
{
  for (guint i = 0; i < layout->n_nodes; i++)
    for (guint j = i + 1; j < layout->n_nodes; j++)
      {
        const EntLayoutNode *a = &layout->nodes[i], *b = &layout->nodes[j];
        gboolean apart = fabs (a->x - b->x) >= (a->width + b->width) / 2 - 0.5
                         || fabs (a->y - b->y) >= (a->height + b->height) / 2 - 0.5;

        if (!apart)
          g_error ("nodes %u (%s) and %u (%s) overlap", i, a->label, j, b->label);
      }
}

static void
test_engine_names (void)
{
  EntLayoutEngine engine;

  for (guint i = 0; i < ENT_N_LAYOUT_ENGINES; i++)
    {
      g_assert_true (ent_layout_engine_from_string (ent_layout_engine_to_string (i), &engine));
      g_assert_cmpint (engine, ==, i);
    }
  g_assert_true (ent_layout_engine_from_string ("SFDP", &engine));
  g_assert_cmpint (engine, ==, ENT_LAYOUT_SFDP);
  g_assert_false (ent_layout_engine_from_string ("osage", &engine));
  g_assert_false (ent_layout_engine_from_string (NULL, &engine));
  g_assert_cmpint (ent_layout_engine_choose (30, 40), ==, ENT_LAYOUT_NEATO);
  g_assert_cmpint (ent_layout_engine_choose (5000, 10000), ==, ENT_LAYOUT_SFDP);
}

static void
test_each_engine (void)
{
  g_autoptr(EntGraph) graph = small_graph ();
  g_autoptr(EntView) view = ent_view_new_all (graph, NULL);

  for (EntLayoutEngine engine = ENT_LAYOUT_AUTO; engine < ENT_N_LAYOUT_ENGINES; engine++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EntLayout) layout = ent_layout_compute (view, engine, NULL, &error);

      g_test_message ("engine %s", ent_layout_engine_to_string (engine));
      g_assert_no_error (error);
      g_assert_nonnull (layout);
      g_assert_cmpuint (layout->n_nodes, ==, 9);
      g_assert_cmpuint (layout->n_edges, ==, 12);
      g_assert_cmpint (layout->engine, !=, ENT_LAYOUT_AUTO);
      if (engine != ENT_LAYOUT_AUTO)
        g_assert_cmpint (layout->engine, ==, engine);
      g_assert_true (ent_layout_get_view (layout) == view);
      assert_geometry (layout);
    }
}

static void
test_labels_sized (void)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autoptr(EntView) view = NULL;
  g_autoptr(EntLayout) layout = NULL;
  guint a, b, c;

  for (guint i = 0; i < 2000; i++)
    g_string_append (long_name, "Organisation ");
  a = ent_graph_add_entity (graph, 1, ENT_ENTITY_ORGANIZATION, long_name->str, 1);
  b = ent_graph_add_entity (graph, 2, ENT_ENTITY_COUNTRY, "Iran", 1);
  c = ent_graph_add_entity (graph, 3, ENT_ENTITY_PERSON, "Not \xff valid UTF-8", 1);
  ent_graph_add_relation (graph, 1, ENT_RELATION_MEMBER_OF, b, a);
  ent_graph_add_relation (graph, 2, ENT_RELATION_HOLDS_OFFICE, c, b);
  ent_graph_finish (graph);

  view = ent_view_new_all (graph, NULL);
  layout = ent_layout_compute (view, ENT_LAYOUT_NEATO, NULL, NULL);
  g_assert_nonnull (layout);
  /* A huge name is ellipsised to a bounded box; a short one gets a small one. */
  g_assert_cmpfloat (layout->nodes[0].label_width, <=, 151);
  g_assert_cmpfloat (layout->nodes[0].height, <, 60);
  g_assert_cmpfloat (layout->nodes[1].width, <, layout->nodes[0].width);
  g_assert_cmpfloat (layout->nodes[1].label_width, >, 10);
  assert_geometry (layout);
}

static void
test_no_overlap (void)
{
  const struct { EntLayoutEngine engine; guint n; } cases[] = {
    { ENT_LAYOUT_NEATO, 60 },
    { ENT_LAYOUT_SFDP, 60 },
    { ENT_LAYOUT_FDP, 40 },
    /* Above the full-prism limit: prism10 plus our own separation. */
    { ENT_LAYOUT_SFDP, 1200 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EntGraph) graph = random_graph (cases[i].n, 7 + i);
      g_autoptr(EntView) view = ent_view_new_all (graph, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(EntLayout) layout = ent_layout_compute (view, cases[i].engine, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (layout->n_nodes, ==, cases[i].n);
      assert_no_overlap (layout);
      assert_geometry (layout);
    }
}

static void
test_hit_testing (void)
{
  g_autoptr(EntGraph) graph = small_graph ();
  g_autoptr(EntView) view = ent_view_new_all (graph, NULL);
  g_autoptr(EntLayout) layout = ent_layout_compute (view, ENT_LAYOUT_NEATO, NULL, NULL);
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
  EntRect far = { -5000, -5000, 10, 10 };
  guint found;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const EntLayoutNode *node = &layout->nodes[i];
      EntRect around = { node->x - 1, node->y - 1, 2, 2 };
      guint index;

      g_assert_true (ent_layout_node_at (layout, node->x, node->y, &found));
      g_assert_cmpuint (found, ==, i);
      g_assert_true (ent_layout_lookup_entity (layout, node->entity, &index));
      g_assert_cmpuint (index, ==, i);
      ent_layout_query_rect (layout, &around, nodes, NULL);
      g_assert_cmpuint (nodes->len, ==, 1);
      g_assert_cmpuint (g_array_index (nodes, guint, 0), ==, i);
      /* Just outside the bounding box of the shape: nothing. */
      g_assert_false (ent_layout_node_at (layout, node->x + node->width / 2 + 0.5,
                                          node->y + node->height / 2 + 0.5, &found)
                      && found == i);
    }

  /* The corners of the layout are empty margin. */
  g_assert_false (ent_layout_node_at (layout, 1, 1, &found));
  g_assert_false (ent_layout_node_at (layout, layout->bounds.width - 1, layout->bounds.height - 1, &found));
  g_assert_false (ent_layout_edge_at (layout, 1, 1, 3, &found));
  g_assert_false (ent_layout_node_at (layout, -100, -100, &found));

  for (guint i = 0; i < layout->n_edges; i++)
    {
      const EntLayoutEdge *edge = &layout->edges[i];
      EntPoint mid;
      guint index;

      ent_layout_edge_eval (edge, 0.5, &mid);
      g_assert_true (ent_layout_edge_at (layout, mid.x, mid.y, 2, &found));
      /* Another edge may cross exactly there; then it must be as close. */
      if (found != i)
        g_test_message ("edge %u: edge %u crosses its middle", i, found);
      g_assert_true (ent_layout_lookup_relation (layout, edge->relation, &index));
      g_assert_cmpuint (index, ==, i);
    }

  ent_layout_query_rect (layout, &layout->bounds, nodes, edges);
  g_assert_cmpuint (nodes->len, ==, layout->n_nodes);
  g_assert_cmpuint (edges->len, ==, layout->n_edges);
  for (guint i = 1; i < nodes->len; i++)
    g_assert_cmpuint (g_array_index (nodes, guint, i - 1), <, g_array_index (nodes, guint, i));
  ent_layout_query_rect (layout, &far, nodes, edges);
  g_assert_cmpuint (nodes->len, ==, 0);
  g_assert_cmpuint (edges->len, ==, 0);
}

static void
test_query_large (void)
{
  g_autoptr(EntGraph) graph = random_graph (1500, 3);
  g_autoptr(EntView) view = ent_view_new_all (graph, NULL);
  g_autoptr(EntLayout) layout = ent_layout_compute (view, ENT_LAYOUT_SFDP, NULL, NULL);
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
  EntRect quarter = { layout->bounds.width / 4, layout->bounds.height / 4,
                      layout->bounds.width / 4, layout->bounds.height / 4 };
  EntRect near = { quarter.x - 8, quarter.y - 8, quarter.width + 16, quarter.height + 16 };
  guint expected_nodes = 0, may_edges = 0, must_edges = 0;

  /* The grid answers exactly what a linear scan answers. */
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      EntRect box;

      ent_layout_node_bounds (layout, i, &box);
      expected_nodes += ent_rect_intersects (&box, &quarter);
    }
  ent_layout_query_rect (layout, &quarter, nodes, edges);
  g_assert_cmpuint (nodes->len, ==, expected_nodes);

  /* Edges: every one with a point of its curve in the rectangle is found,
   * none whose bounds miss it. */
  for (guint i = 0, k = 0; i < layout->n_edges; i++)
    {
      const EntLayoutEdge *edge = &layout->edges[i];
      gboolean returned = k < edges->len && g_array_index (edges, guint, k) == i;
      gboolean inside = FALSE;

      for (guint s = 0; s <= 200 && !inside; s++)
        {
          EntPoint p;

          ent_layout_edge_eval (edge, s / 200.0, &p);
          inside = ent_rect_contains_point (&quarter, p.x, p.y);
        }
      if (inside)
        g_assert_true (returned);
      if (returned)
        {
          g_assert_true (ent_rect_intersects (&edge->bounds, &near));
          k++;
        }
      may_edges += ent_rect_intersects (&edge->bounds, &quarter);
      must_edges += inside;
    }
  g_test_message ("edges: %u with a point inside, %u returned, %u boxes", must_edges, edges->len, may_edges);
  g_assert_cmpuint (edges->len, >=, must_edges);
  g_assert_cmpuint (edges->len, <=, may_edges);
  g_assert_cmpuint (nodes->len, >, 0);
  g_assert_cmpuint (nodes->len, <, layout->n_nodes);

  for (guint i = 0; i < layout->n_nodes; i += 37)
    {
      guint found;

      g_assert_true (ent_layout_node_at (layout, layout->nodes[i].x, layout->nodes[i].y, &found));
      g_assert_cmpuint (found, ==, i);
    }
}

static void
test_empty_view (void)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(EntView) view = NULL;
  g_autoptr(EntLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  guint found;

  ent_graph_finish (graph);
  view = ent_view_new_all (graph, NULL);
  layout = ent_layout_compute (view, ENT_LAYOUT_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (layout->n_nodes, ==, 0);
  g_assert_cmpfloat (layout->bounds.width, >, 0);
  g_assert_false (ent_layout_node_at (layout, 5, 5, &found));
}

typedef struct {
  GMainContext *context;
  GThread      *thread;
  EntLayout    *layout;
  GError       *error;
  guint         done;
} AsyncResult;

static void
on_layout_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncResult *state = user_data;

  /* Delivered on the caller's thread, in its thread-default context. */
  g_assert_true (g_thread_self () == state->thread);
  g_assert_true (g_main_context_get_thread_default () == state->context);
  if (state->layout == NULL && state->error == NULL)
    state->layout = ent_layout_compute_finish (result, &state->error);
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EntLayout) extra = ent_layout_compute_finish (result, &error);
    }
  state->done++;
}

static void
test_async_context (void)
{
  g_autoptr(EntGraph) graph = small_graph ();
  g_autoptr(EntView) view = ent_view_new_all (graph, NULL);
  g_autoptr(GMainContext) context = g_main_context_new ();
  AsyncResult state = { context, g_thread_self (), NULL, NULL, 0 };

  g_main_context_push_thread_default (context);
  ent_layout_compute_async (view, ENT_LAYOUT_DOT, NULL, on_layout_done, &state);
  while (state.done == 0)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  g_assert_no_error (state.error);
  g_assert_nonnull (state.layout);
  g_assert_cmpint (state.layout->engine, ==, ENT_LAYOUT_DOT);
  assert_geometry (state.layout);
  ent_layout_unref (state.layout);
}

static void
on_cancelled_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AsyncResult *state = user_data;

  state->layout = ent_layout_compute_finish (result, &state->error);
  state->done++;
}

static void
test_async_cancel (void)
{
  g_autoptr(EntGraph) big = random_graph (1500, 11);
  g_autoptr(EntGraph) graph = small_graph ();
  g_autoptr(EntView) big_view = ent_view_new_all (big, NULL);
  g_autoptr(EntView) view = ent_view_new_all (graph, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) pending = g_cancellable_new ();
  AsyncResult first = { NULL, g_thread_self (), NULL, NULL, 0 };
  AsyncResult second = { NULL, g_thread_self (), NULL, NULL, 0 };
  AsyncResult third = { NULL, g_thread_self (), NULL, NULL, 0 };
  guint skipped = ent_layout_worker_skipped_jobs ();

  /* A job cancelled before it is queued is skipped. */
  g_cancellable_cancel (cancellable);
  ent_layout_compute_async (view, ENT_LAYOUT_NEATO, cancellable, on_cancelled_done, &first);
  /* A job cancelled while an earlier one runs is skipped too. */
  ent_layout_compute_async (big_view, ENT_LAYOUT_SFDP, NULL, on_cancelled_done, &third);
  ent_layout_compute_async (view, ENT_LAYOUT_NEATO, pending, on_cancelled_done, &second);
  g_cancellable_cancel (pending);

  while (first.done == 0 || second.done == 0 || third.done == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_null (first.layout);
  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (second.layout);
  g_assert_error (second.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_no_error (third.error);
  g_assert_nonnull (third.layout);
  g_assert_cmpuint (ent_layout_worker_skipped_jobs (), ==, skipped + 2);

  g_clear_error (&first.error);
  g_clear_error (&second.error);
  ent_layout_unref (third.layout);
}

static gpointer
sync_layout_thread (gpointer data)
{
  EntView *view = data;
  g_autoptr(GError) error = NULL;
  EntLayout *layout = ent_layout_compute (view, ENT_LAYOUT_SFDP, NULL, &error);

  g_assert_no_error (error);
  return layout;
}

static void
test_serialised (void)
{
  g_autoptr(EntGraph) graph = random_graph (300, 5);
  g_autoptr(EntView) view = ent_view_new_all (graph, NULL);
  AsyncResult a = { NULL, g_thread_self (), NULL, NULL, 0 };
  AsyncResult b = { NULL, g_thread_self (), NULL, NULL, 0 };
  GThread *threads[2];
  EntLayout *results[2];

  ent_layout_compute_async (view, ENT_LAYOUT_NEATO, NULL, on_cancelled_done, &a);
  threads[0] = g_thread_new ("sync-1", sync_layout_thread, view);
  threads[1] = g_thread_new ("sync-2", sync_layout_thread, view);
  ent_layout_compute_async (view, ENT_LAYOUT_FDP, NULL, on_cancelled_done, &b);

  for (guint i = 0; i < 2; i++)
    results[i] = g_thread_join (threads[i]);
  while (a.done == 0 || b.done == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (a.error);
  g_assert_no_error (b.error);
  g_assert_cmpuint (a.layout->n_nodes, ==, 300);
  g_assert_cmpuint (b.layout->n_nodes, ==, 300);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_nonnull (results[i]);
      g_assert_cmpuint (results[i]->n_nodes, ==, 300);
      assert_no_overlap (results[i]);
      ent_layout_unref (results[i]);
    }
  /* Graphviz is not reentrant: never more than one job at a time. */
  g_assert_cmpuint (ent_layout_worker_peak_jobs (), ==, 1);

  ent_layout_unref (a.layout);
  ent_layout_unref (b.layout);
}

/* Mean distance of the common nodes between two layouts, centroids aligned. */
static double
mean_displacement (EntLayout *from,
                   EntLayout *to)
{
  double fx = 0, fy = 0, tx = 0, ty = 0, sum = 0;
  guint n = 0;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < to->n_nodes; i++)
      {
        guint j;

        if (!ent_layout_lookup_entity (from, to->nodes[i].entity, &j))
          continue;
        if (pass == 0)
          {
            fx += from->nodes[j].x;
            fy += from->nodes[j].y;
            tx += to->nodes[i].x;
            ty += to->nodes[i].y;
            n++;
          }
        else
          sum += hypot ((to->nodes[i].x - tx / n) - (from->nodes[j].x - fx / n),
                        (to->nodes[i].y - ty / n) - (from->nodes[j].y - fy / n));
      }

  return sum / MAX (n, 1);
}

static void
test_incremental_stable (void)
{
  g_autoptr(EntGraph) graph = random_graph (120, 21);
  g_autoptr(EntView) before = ent_view_new_focus (graph, NULL, 0, 1);
  g_autoptr(EntView) after = NULL;
  g_autoptr(EntLayout) first = NULL;
  g_autoptr(EntLayout) fresh = NULL;
  g_autoptr(EntLayout) kept = NULL;
  g_autoptr(GArray) neighbours = ent_view_get_neighbours (before, 0);
  double moved_fresh, moved_kept;

  g_assert_cmpuint (neighbours->len, >, 1);
  after = ent_view_expand (before, g_array_index (neighbours, guint, 0));
  g_assert_cmpuint (ent_view_get_n_entities (after), >, ent_view_get_n_entities (before));

  first = ent_layout_compute (before, ENT_LAYOUT_NEATO, NULL, NULL);
  fresh = ent_layout_compute (after, ENT_LAYOUT_NEATO, NULL, NULL);
  kept = ent_layout_compute_incremental (after, ENT_LAYOUT_NEATO, first, NULL, NULL);

  moved_fresh = mean_displacement (first, fresh);
  moved_kept = mean_displacement (first, kept);
  g_test_message ("mean displacement: fresh %.1f, incremental %.1f", moved_fresh, moved_kept);
  g_assert_cmpfloat (moved_kept, <, moved_fresh);
  assert_no_overlap (kept);
}

static void
test_shelf (void)
{
  g_autoptr(EntGraph) graph = random_graph (40, 17);
  g_autoptr(EntView) view = NULL;
  g_autoptr(EntLayout) layout = NULL;
  double lowest_connected = -G_MAXDOUBLE;
  guint first_loner = graph->entities->len;

  /* Sixty entities nobody relates to: too many for Graphviz's packer. */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Loner %u", i);

      ent_graph_add_entity (graph, 1000 + i, i % ENT_N_ENTITY_TYPES, name, 1);
    }
  ent_graph_finish (graph);
  view = ent_view_new_all (graph, NULL);
  layout = ent_layout_compute (view, ENT_LAYOUT_AUTO, NULL, NULL);
  g_assert_nonnull (layout);
  g_assert_cmpuint (layout->n_nodes, ==, 100);
  assert_geometry (layout);
  assert_no_overlap (layout);

  for (guint i = 0; i < layout->n_nodes; i++)
    if (layout->nodes[i].entity < first_loner)
      lowest_connected = MAX (lowest_connected, layout->nodes[i].y + layout->nodes[i].height / 2);
  /* They wait on a shelf below the graph, not scattered through it. */
  for (guint i = 0; i < layout->n_nodes; i++)
    if (layout->nodes[i].entity >= first_loner)
      g_assert_cmpfloat (layout->nodes[i].y - layout->nodes[i].height / 2, >, lowest_connected);
}

static void
test_only_loners (void)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(EntView) view = NULL;
  g_autoptr(EntLayout) layout = NULL;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Alone %u", i);

      ent_graph_add_entity (graph, i + 1, ENT_ENTITY_PERSON, name, 1);
    }
  ent_graph_finish (graph);
  view = ent_view_new_all (graph, NULL);
  layout = ent_layout_compute (view, ENT_LAYOUT_DOT, NULL, NULL);
  g_assert_nonnull (layout);
  assert_geometry (layout);
  assert_no_overlap (layout);
}

static void
test_self_loops (void)
{
  const EntLayoutEngine engines[] = { ENT_LAYOUT_NEATO, ENT_LAYOUT_SFDP, ENT_LAYOUT_DOT };

  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    {
      g_autoptr(EntGraph) graph = random_graph (30, 2);
      g_autoptr(EntView) view = NULL;
      g_autoptr(EntLayout) layout = NULL;
      guint edge;

      /* A relation of an entity with itself (a bad extraction, or a merge). */
      ent_graph_add_relation (graph, 999, ENT_RELATION_ADVOCATES, 3, 3);
      ent_graph_add_relation (graph, 998, ENT_RELATION_ALLIED_WITH, 3, 3);
      ent_graph_finish (graph);
      view = ent_view_new_all (graph, NULL);
      layout = ent_layout_compute (view, engines[i], NULL, NULL);
      g_assert_nonnull (layout);
      assert_geometry (layout);
      g_assert_true (ent_layout_lookup_relation (layout, graph->relations->len - 1, &edge));
      g_assert_cmpuint (layout->edges[edge].source, ==, layout->edges[edge].target);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/layout/engine-names", test_engine_names);
  g_test_add_func ("/entente/layout/each-engine", test_each_engine);
  g_test_add_func ("/entente/layout/labels-sized", test_labels_sized);
  g_test_add_func ("/entente/layout/no-overlap", test_no_overlap);
  g_test_add_func ("/entente/layout/hit-testing", test_hit_testing);
  g_test_add_func ("/entente/layout/query-large", test_query_large);
  g_test_add_func ("/entente/layout/empty-view", test_empty_view);
  g_test_add_func ("/entente/layout/async-context", test_async_context);
  g_test_add_func ("/entente/layout/async-cancel", test_async_cancel);
  g_test_add_func ("/entente/layout/serialised", test_serialised);
  g_test_add_func ("/entente/layout/incremental-stable", test_incremental_stable);
  g_test_add_func ("/entente/layout/shelf", test_shelf);
  g_test_add_func ("/entente/layout/only-loners", test_only_loners);
  g_test_add_func ("/entente/layout/self-loops", test_self_loops);

  return g_test_run ();
}
