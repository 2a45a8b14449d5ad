/* ent-layout-graphviz.c — the Graphviz worker: one thread, one job at a time.
 *
 * Graphviz keeps global state (the GVC context, cgraph's error handling,
 * plugin tables) and is not reentrant, so every call into it happens on one
 * dedicated thread fed by a GAsyncQueue. A job measures the labels, builds
 * the cgraph graph, runs the engine, copies the positions out, and finishes
 * the geometry; no Graphviz pointer leaves the job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gvc.h>

#include "ent-layout-private.h"
#include "ent-shape-private.h"

/* Graphviz's spline router is quadratic or worse: measured on this machine,
 * neato with splines=true takes ~90 ms at 20 edges and 20 s at 400, while dot
 * routes its own splines quickly up to a few hundred nodes. Beyond these
 * sizes edges are straight (or bowed, for parallel ones) and computed here. */
#define FORCE_SPLINES_MAX_EDGES 20
#define DOT_SPLINES_MAX_NODES   300
/* Full prism overlap removal costs ~6 s on 5,000 nodes; ten iterations leave
 * a few overlaps, which ent_layout_separate_nodes() removes quickly. */
#define PRISM_FULL_MAX_NODES    1000
/* Beyond this, dot (and circo/twopi) take minutes: refuse and say why. */
#define SLOW_ENGINE_MAX_NODES   2500
/* Graphviz packs every connected component with a polyomino packer whose
 * cost explodes with the number of components: a thousand unrelated
 * entities cost sfdp three seconds. Past this many, entities without any
 * shown relation go on a shelf under the graph instead, placed by us. */
#define SHELF_MIN_ISOLATED 16

/* Graphviz */

typedef struct {
  EntLayoutEngine engine;
  gboolean        graphviz_splines;
  gboolean        separate;         /* remove leftover overlaps ourselves */
  gboolean       *shelved;          /* nodes left out of Graphviz, or NULL */
  guint           n_shelved;
} Plan;

static Plan
plan_for (EntLayout       *layout,
          EntLayoutEngine  engine)
{
  Plan plan = { engine, FALSE, FALSE, NULL, 0 };

  if (plan.engine == ENT_LAYOUT_AUTO)
    plan.engine = ent_layout_engine_choose (layout->n_nodes, layout->n_edges);

  switch (plan.engine)
    {
    case ENT_LAYOUT_DOT:
      plan.graphviz_splines = layout->n_nodes <= DOT_SPLINES_MAX_NODES;
      break;
    case ENT_LAYOUT_NEATO:
    case ENT_LAYOUT_FDP:
    case ENT_LAYOUT_TWOPI:
      plan.graphviz_splines = layout->n_edges <= FORCE_SPLINES_MAX_EDGES;
      plan.separate = !plan.graphviz_splines;
      break;
    case ENT_LAYOUT_CIRCO:
      plan.graphviz_splines = layout->n_edges <= FORCE_SPLINES_MAX_EDGES;
      break;
    case ENT_LAYOUT_SFDP:
      plan.separate = TRUE;
      break;
    case ENT_LAYOUT_AUTO:
    case ENT_N_LAYOUT_ENGINES:
    default:
      g_assert_not_reached ();
    }

  return plan;
}

static void
set_graph_attributes (Agraph_t  *g,
                      EntLayout *layout,
                      Plan      *plan,
                      gboolean   has_hints)
{
  /* "none" skips Graphviz's edge routing altogether when we route edges. */
  agsafeset (g, (char *) "splines", (char *) (plan->graphviz_splines ? "true" : "none"), (char *) "");
  agsafeset (g, (char *) "pad", (char *) "0", (char *) "");

  switch (plan->engine)
    {
    case ENT_LAYOUT_DOT:
      agsafeset (g, (char *) "nodesep", (char *) "0.3", (char *) "");
      agsafeset (g, (char *) "ranksep", (char *) "0.5", (char *) "");
      break;
    case ENT_LAYOUT_SFDP:
      agsafeset (g, (char *) "overlap",
                 (char *) (layout->n_nodes <= PRISM_FULL_MAX_NODES ? "prism" : "prism10"),
                 (char *) "");
      agsafeset (g, (char *) "sep", (char *) "+6", (char *) "");
      break;
    case ENT_LAYOUT_NEATO:
    case ENT_LAYOUT_FDP:
    case ENT_LAYOUT_TWOPI:
      agsafeset (g, (char *) "overlap", (char *) "prism", (char *) "");
      agsafeset (g, (char *) "sep", (char *) "+6", (char *) "");
      agsafeset (g, (char *) "esep", (char *) "+3", (char *) "");
      break;
    case ENT_LAYOUT_CIRCO:
    case ENT_LAYOUT_AUTO:
    case ENT_N_LAYOUT_ENGINES:
    default:
      break;
    }

  /* Start positions are given in points, like the ones read back. */
  if (has_hints)
    agsafeset (g, (char *) "inputscale", (char *) "72", (char *) "");
}

/* Where a node of @layout was in @previous, in Graphviz coordinates. */
static gboolean
previous_position (EntLayout *layout,
                   EntLayout *previous,
                   guint      node,
                   double    *x,
                   double    *y)
{
  EntGraph *graph = ent_view_get_graph (layout->view);
  EntGraph *old_graph = ent_view_get_graph (previous->view);
  guint entity = layout->nodes[node].entity;
  guint old;

  if (graph != old_graph
      && !ent_graph_lookup_entity_id (old_graph, ent_graph_get_entity (graph, entity)->id, &entity))
    return FALSE;
  if (!ent_layout_lookup_entity (previous, entity, &old))
    return FALSE;

  *x = previous->nodes[old].x;
  *y = -previous->nodes[old].y;
  return TRUE;
}

/* Start positions: old nodes where they were, new ones at the middle of
 * their placed neighbours (a little apart, so they do not coincide). */
static gboolean
compute_hints (EntLayout *layout,
               EntLayout *previous,
               EntPoint  *hints,
               gboolean  *hinted)
{
  g_autofree EntPoint *sum = g_new0 (EntPoint, MAX (layout->n_nodes, 1));
  g_autofree guint *count = g_new0 (guint, MAX (layout->n_nodes, 1));
  guint n_hinted = 0;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      hinted[i] = previous_position (layout, previous, i, &hints[i].x, &hints[i].y);
      n_hinted += hinted[i];
    }
  if (n_hinted == 0)
    return FALSE;

  for (guint j = 0; j < layout->n_edges; j++)
    {
      guint s = layout->edges[j].source, t = layout->edges[j].target;

      if (hinted[s] && !hinted[t])
        {
          sum[t].x += hints[s].x;
          sum[t].y += hints[s].y;
          count[t]++;
        }
      else if (hinted[t] && !hinted[s])
        {
          sum[s].x += hints[t].x;
          sum[s].y += hints[t].y;
          count[s]++;
        }
    }

  for (guint i = 0; i < layout->n_nodes; i++)
    if (!hinted[i] && count[i] > 0)
      {
        /* Golden-angle offsets keep siblings of one parent apart. */
        hints[i].x = sum[i].x / count[i] + 30 * cos (i * 2.399963);
        hints[i].y = sum[i].y / count[i] + 30 * sin (i * 2.399963);
        hinted[i] = TRUE;
      }

  return TRUE;
}

static Agraph_t *
build_agraph (EntLayout *layout,
              EntLayout *previous,
              Plan      *plan)
{
  Agraph_t *g;
  Agnode_t **agnodes = g_new (Agnode_t *, MAX (layout->n_nodes, 1));
  g_autofree EntPoint *hints = NULL;
  g_autofree gboolean *hinted = NULL;
  gboolean has_hints = FALSE;
  Agsym_t *shape, *width, *height, *pos, *dir;
  guint focus = ent_view_get_focus (layout->view);
  guint focus_node;

  g = agopen ((char *) "view", Agdirected, NULL);

  if (previous != NULL)
    {
      hints = g_new0 (EntPoint, MAX (layout->n_nodes, 1));
      hinted = g_new0 (gboolean, MAX (layout->n_nodes, 1));
      has_hints = compute_hints (layout, previous, hints, hinted);
    }
  set_graph_attributes (g, layout, plan, has_hints);

  shape = agattr (g, AGNODE, (char *) "shape", (char *) "box");
  width = agattr (g, AGNODE, (char *) "width", (char *) "0.75");
  height = agattr (g, AGNODE, (char *) "height", (char *) "0.5");
  /* Sizes are ours (measured with Pango): Graphviz must not grow nodes
   * around labels it would measure differently. */
  agattr (g, AGNODE, (char *) "fixedsize", (char *) "true");
  agattr (g, AGNODE, (char *) "label", (char *) "");
  pos = has_hints ? agattr (g, AGNODE, (char *) "pos", (char *) "") : NULL;
  dir = agattr (g, AGEDGE, (char *) "dir", (char *) "forward");

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const EntLayoutNode *node = &layout->nodes[i];
      char name[32], buffer[64];

      if (plan->shelved != NULL && plan->shelved[i])
        continue;
      g_snprintf (name, sizeof name, "n%u", i);
      agnodes[i] = agnode (g, name, TRUE);
      agxset (agnodes[i], shape, (char *) ent_shape_graphviz_name (node->shape));
      g_ascii_formatd (buffer, sizeof buffer, "%.4f", node->width / 72.0);
      agxset (agnodes[i], width, buffer);
      g_ascii_formatd (buffer, sizeof buffer, "%.4f", node->height / 72.0);
      agxset (agnodes[i], height, buffer);
      if (has_hints && hinted[i])
        {
          char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

          g_snprintf (buffer, sizeof buffer, "%s,%s",
                      g_ascii_formatd (x, sizeof x, "%.2f", hints[i].x),
                      g_ascii_formatd (y, sizeof y, "%.2f", hints[i].y));
          agxset (agnodes[i], pos, buffer);
        }
    }

  for (guint i = 0; i < layout->n_edges; i++)
    {
      const EntLayoutEdge *edge = &layout->edges[i];
      Agedge_t *e;
      char name[32];

      g_snprintf (name, sizeof name, "e%u", i);
      e = agedge (g, agnodes[edge->source], agnodes[edge->target], name, TRUE);
      if (!edge->directed)
        agxset (e, dir, (char *) "none");
    }

  /* The radial and circular engines centre on the focus when there is one. */
  if (focus != ENT_VIEW_NONE && ent_layout_lookup_entity (layout, focus, &focus_node)
      && (plan->shelved == NULL || !plan->shelved[focus_node])
      && (plan->engine == ENT_LAYOUT_TWOPI || plan->engine == ENT_LAYOUT_CIRCO))
    agsafeset (g, (char *) "root", agnameof (agnodes[focus_node]), (char *) "");

  g_free (agnodes);
  return g;
}

static void
reverse_points (EntPoint *points,
                guint     n)
{
  for (guint i = 0; i < n / 2; i++)
    {
      EntPoint tmp = points[i];

      points[i] = points[n - 1 - i];
      points[n - 1 - i] = tmp;
    }
}

static void
read_edge_splines (EntLayoutEdge *edge,
                   Agedge_t      *e)
{
  splines *spl = ED_spl (e);
  GArray *points;
  bezier *first, *last;

  if (spl == NULL || spl->size == 0)
    return;

  points = g_array_new (FALSE, FALSE, sizeof (EntPoint));
  for (int b = 0; b < spl->size; b++)
    {
      bezier *bz = &spl->list[b];

      /* Consecutive pieces share their joint. */
      for (int k = (b == 0 ? 0 : 1); k < bz->size; k++)
        {
          EntPoint p = { bz->list[k].x, -bz->list[k].y };

          g_array_append_val (points, p);
        }
    }

  if (points->len < 4 || (points->len - 1) % 3 != 0)
    {
      g_array_unref (points);
      return;
    }

  first = &spl->list[0];
  last = &spl->list[spl->size - 1];
  edge->n_points = points->len;
  edge->points = (EntPoint *) g_array_free (points, FALSE);

  /* An arrow at the start means the curve runs from head to tail: turn it
   * round so that every curve here ends at its arrowhead. */
  if (edge->directed && !last->eflag && first->sflag)
    {
      reverse_points (edge->points, edge->n_points);
      edge->arrow_tip.x = first->sp.x;
      edge->arrow_tip.y = -first->sp.y;
      edge->arrow_base = edge->points[edge->n_points - 1];
      return;
    }

  edge->arrow_base = edge->points[edge->n_points - 1];
  edge->arrow_tip = edge->arrow_base;
  if (edge->directed && last->eflag)
    {
      edge->arrow_tip.x = last->ep.x;
      edge->arrow_tip.y = -last->ep.y;
    }
}

static gboolean
run_graphviz (EntLayout  *layout,
              EntLayout  *previous,
              Plan       *plan,
              GError    **error)
{
  static GVC_t *gvc;
  Agraph_t *g;
  Agnode_t *n;

  if (gvc == NULL)
    gvc = gvContext ();

  g = build_agraph (layout, previous, plan);
  agreseterrors ();
  if (gvLayout (gvc, g, ent_layout_engine_to_string (plan->engine)) != 0)
    {
      const char *message = aglasterr ();

      g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_FAILED,
                   "Graphviz %s could not lay out the graph: %s",
                   ent_layout_engine_to_string (plan->engine), message != NULL ? message : "unknown error");
      agclose (g);
      return FALSE;
    }

  /* Nodes come back in creation order ("n0", "n1", ...). */
  for (n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    {
      guint index = (guint) g_ascii_strtoull (agnameof (n) + 1, NULL, 10);

      g_assert (index < layout->n_nodes);
      layout->nodes[index].x = ND_coord (n).x;
      layout->nodes[index].y = -ND_coord (n).y;
    }

  if (plan->graphviz_splines)
    for (n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
      for (Agedge_t *e = agfstout (g, n); e != NULL; e = agnxtout (g, e))
        {
          guint index = (guint) g_ascii_strtoull (agnameof (e) + 1, NULL, 10);

          g_assert (index < layout->n_edges);
          read_edge_splines (&layout->edges[index], e);
        }

  gvFreeLayout (gvc, g);
  agclose (g);
  return TRUE;
}

static EntLayout *
layout_compute (EntView          *view,
                EntLayoutEngine   engine,
                EntLayout        *previous,
                GCancellable     *cancellable,
                GError          **error)
{
  g_autoptr(EntLayout) layout = NULL;
  g_autofree gboolean *shelved = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 labelled, laid_out, finished;
  Plan plan;

  layout = ent_layout_new_for_view (view, engine);
  ent_layout_measure_nodes (layout);
  ent_layout_link_edges (layout);
  plan = plan_for (layout, engine);
  layout->engine = plan.engine;
  shelved = ent_layout_find_isolated (layout, &plan.n_shelved);
  if (plan.n_shelved > SHELF_MIN_ISOLATED || plan.n_shelved == layout->n_nodes)
    plan.shelved = shelved;
  else
    plan.n_shelved = 0;
  labelled = g_get_monotonic_time ();

  if (layout->n_nodes > SLOW_ENGINE_MAX_NODES
      && (plan.engine == ENT_LAYOUT_DOT || plan.engine == ENT_LAYOUT_CIRCO
          || plan.engine == ENT_LAYOUT_TWOPI))
    {
      g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_TOO_LARGE,
                   "%s would take too long on %u nodes (limit %u): use sfdp",
                   ent_layout_engine_to_string (plan.engine), layout->n_nodes, SLOW_ENGINE_MAX_NODES);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (layout->n_nodes > plan.n_shelved && !run_graphviz (layout, previous, &plan, error))
    return NULL;
  laid_out = g_get_monotonic_time ();

  if (plan.n_shelved > 0)
    ent_layout_place_shelf (layout, plan.shelved);
  if (plan.separate)
    ent_layout_separate_nodes (layout);
  else if (plan.engine != ENT_LAYOUT_DOT && plan.engine != ENT_LAYOUT_CIRCO)
    {
      /* Graphviz's overlap removal works on its idea of the shapes, which
       * leaves ours touching now and then: separate them, and if that moved
       * a node, its splines no longer fit and we route the edges. */
      g_autofree double *before = g_new (double, 2 * MAX (layout->n_nodes, 1));
      gboolean moved = FALSE;

      for (guint i = 0; i < layout->n_nodes; i++)
        before[2 * i] = layout->nodes[i].x, before[2 * i + 1] = layout->nodes[i].y;
      ent_layout_separate_nodes (layout);
      for (guint i = 0; i < layout->n_nodes && !moved; i++)
        moved = before[2 * i] != layout->nodes[i].x || before[2 * i + 1] != layout->nodes[i].y;
      if (moved)
        plan.graphviz_splines = FALSE;
    }
  if (!plan.graphviz_splines)
    ent_layout_route_edges (layout);
  else
    for (guint i = 0; i < layout->n_edges; i++)
      if (layout->edges[i].n_points == 0)
        ent_layout_route_edge (layout, i, 0, 1);

  ent_layout_finish (layout);
  finished = g_get_monotonic_time ();

  g_debug ("%u nodes, %u edges with %s: labels %.1f ms, graphviz %.1f ms, edges and index %.1f ms",
           layout->n_nodes, layout->n_edges, ent_layout_engine_to_string (plan.engine),
           (labelled - start) / 1000.0, (laid_out - labelled) / 1000.0, (finished - laid_out) / 1000.0);

  return g_steal_pointer (&layout);
}

/* The Graphviz worker */

typedef struct {
  EntView         *view;
  EntLayoutEngine  engine;
  EntLayout       *previous;
  GCancellable    *cancellable;
  GTask           *task;         /* async jobs */
  /* Synchronous jobs */
  GMutex           mutex;
  GCond            cond;
  gboolean         done;
  EntLayout       *result;
  GError          *error;
} Job;

static GAsyncQueue *job_queue;
static GThread *worker_thread;
static gint running_jobs;
static gint peak_jobs;
static gint skipped_jobs;

static Job *
job_new (EntView         *view,
         EntLayoutEngine  engine,
         EntLayout       *previous,
         GCancellable    *cancellable)
{
  Job *job = g_new0 (Job, 1);

  job->view = ent_view_ref (view);
  job->engine = engine;
  job->previous = previous != NULL ? ent_layout_ref (previous) : NULL;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);

  return job;
}

static void
job_free (Job *job)
{
  ent_view_unref (job->view);
  g_clear_pointer (&job->previous, ent_layout_unref);
  g_clear_object (&job->cancellable);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

static EntLayout *
job_execute (Job     *job,
             GError **error)
{
  EntLayout *layout;
  gint running;

  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    {
      g_atomic_int_inc (&skipped_jobs);
      return NULL;
    }

  running = g_atomic_int_add (&running_jobs, 1) + 1;
  if (running > g_atomic_int_get (&peak_jobs))
    g_atomic_int_set (&peak_jobs, running);
  layout = layout_compute (job->view, job->engine, job->previous, job->cancellable, error);
  g_atomic_int_add (&running_jobs, -1);

  return layout;
}

static void
job_run (Job *job)
{
  GError *error = NULL;
  EntLayout *layout = job_execute (job, &error);

  if (job->task != NULL)
    {
      GTask *task = g_steal_pointer (&job->task);

      if (layout != NULL)
        g_task_return_pointer (task, layout, (GDestroyNotify) ent_layout_unref);
      else
        g_task_return_error (task, error);
      g_object_unref (task);
      job_free (job);
      return;
    }

  g_mutex_lock (&job->mutex);
  job->result = layout;
  job->error = error;
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);
}

static int
graphviz_error (char *message)
{
  g_debug ("graphviz: %s", message);
  return 0;
}

static gpointer
worker_main (gpointer data)
{
  GAsyncQueue *queue = data;

  agseterrf (graphviz_error);
  agseterr (AGERR);
  for (;;)
    job_run (g_async_queue_pop (queue));

  return NULL;
}

static GAsyncQueue *
worker_queue (void)
{
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      job_queue = g_async_queue_new ();
      worker_thread = g_thread_new ("entente-graphviz", worker_main, job_queue);
      g_once_init_leave (&initialised, 1);
    }

  return job_queue;
}

guint
ent_layout_worker_peak_jobs (void)
{
  return (guint) g_atomic_int_get (&peak_jobs);
}

guint
ent_layout_worker_skipped_jobs (void)
{
  return (guint) g_atomic_int_get (&skipped_jobs);
}

void
ent_layout_compute_async (EntView             *view,
                          EntLayoutEngine      engine,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  ent_layout_compute_incremental_async (view, engine, NULL, cancellable, callback, user_data);
}

void
ent_layout_compute_incremental_async (EntView             *view,
                                      EntLayoutEngine      engine,
                                      EntLayout           *previous,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Job *job;

  g_return_if_fail (view != NULL);
  g_return_if_fail (engine < ENT_N_LAYOUT_ENGINES);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (view, engine, previous, cancellable);
  job->task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, ent_layout_compute_async);
  g_task_set_name (job->task, "[entente] layout");
  g_async_queue_push (worker_queue (), job);
}

EntLayout *
ent_layout_compute_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ent_layout_compute_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

EntLayout *
ent_layout_compute (EntView          *view,
                    EntLayoutEngine   engine,
                    GCancellable     *cancellable,
                    GError          **error)
{
  return ent_layout_compute_incremental (view, engine, NULL, cancellable, error);
}

EntLayout *
ent_layout_compute_incremental (EntView          *view,
                                EntLayoutEngine   engine,
                                EntLayout        *previous,
                                GCancellable     *cancellable,
                                GError          **error)
{
  Job *job;
  EntLayout *layout;
  GAsyncQueue *queue;

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (engine < ENT_N_LAYOUT_ENGINES, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  queue = worker_queue ();
  job = job_new (view, engine, previous, cancellable);

  /* Called from a job itself (an exporter on the worker): queueing would
   * wait for ourselves. */
  if (g_thread_self () == worker_thread)
    {
      layout = job_execute (job, error);
      job_free (job);
      return layout;
    }

  g_mutex_lock (&job->mutex);
  g_async_queue_push (queue, job);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);

  layout = job->result;
  if (job->error != NULL)
    g_propagate_error (error, job->error);
  job_free (job);

  return layout;
}
