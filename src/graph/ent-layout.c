/* ent-layout.c — a view laid out by Graphviz, as plain geometry we own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gvc.h>

#include "ent-label-private.h"
#include "ent-layout-private.h"
#include "ent-shape-private.h"

#define MARGIN 12.0
/* Spacing between parallel edges of the same pair of nodes. */
#define BOW_STEP 16.0
/* Graphviz's spline router is quadratic or worse: measured on this machine,
 * neato with splines=true takes ~90 ms at 20 edges and 20 s at 400, while dot
 * routes its own splines quickly up to a few hundred nodes. Beyond these
 * sizes edges are straight (or bowed, for parallel ones) and computed here. */
#define FORCE_SPLINES_MAX_EDGES 20
#define DOT_SPLINES_MAX_NODES   300
/* Full prism overlap removal costs ~6 s on 5,000 nodes; ten iterations leave
 * a few overlaps, which separate_nodes() removes in milliseconds. */
#define PRISM_FULL_MAX_NODES    1000
/* Beyond this, dot (and circo/twopi) take minutes: refuse and say why. */
#define SLOW_ENGINE_MAX_NODES   2500
#define AUTO_NEATO_MAX_NODES    100
#define NODE_GAP 4.0

typedef struct {
  gatomicrefcount ref_count;
  guint          *node_of_entity;    /* graph entity -> layout node, or NONE */
  guint           n_entities;
  guint          *edge_of_relation;  /* graph relation -> layout edge, or NONE */
  guint           n_relations;
  /* The spatial index: a uniform grid, items of cell c at [start[c], start[c+1]). */
  double          cell;
  guint           cols, rows;
  guint          *node_start;
  guint          *node_items;
  guint          *edge_start;
  guint          *edge_items;
} LayoutPrivate;

#define PRIV(layout) ((LayoutPrivate *) (layout)->priv)

G_DEFINE_QUARK (ent-layout-error-quark, ent_layout_error)

G_DEFINE_BOXED_TYPE (EntLayout, ent_layout, ent_layout_ref, ent_layout_unref)

static const char *engine_names[ENT_N_LAYOUT_ENGINES] = {
  "auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi",
};

const char *
ent_layout_engine_to_string (EntLayoutEngine engine)
{
  g_return_val_if_fail (engine < ENT_N_LAYOUT_ENGINES, NULL);
  return engine_names[engine];
}

gboolean
ent_layout_engine_from_string (const char      *str,
                               EntLayoutEngine *engine)
{
  g_return_val_if_fail (engine != NULL, FALSE);

  for (guint i = 0; str != NULL && i < ENT_N_LAYOUT_ENGINES; i++)
    if (g_ascii_strcasecmp (str, engine_names[i]) == 0)
      {
        *engine = i;
        return TRUE;
      }
  return FALSE;
}

EntLayoutEngine
ent_layout_engine_choose (guint n_nodes,
                          guint n_edges)
{
  if (n_nodes <= AUTO_NEATO_MAX_NODES && n_edges <= 4 * AUTO_NEATO_MAX_NODES)
    return ENT_LAYOUT_NEATO;
  return ENT_LAYOUT_SFDP;
}

EntNodeShape
ent_node_shape_for_type (EntEntityType type)
{
  switch (type)
    {
    case ENT_ENTITY_PERSON:       return ENT_NODE_SHAPE_ELLIPSE;
    case ENT_ENTITY_COUNTRY:      return ENT_NODE_SHAPE_HEXAGON;
    case ENT_ENTITY_ORGANIZATION: return ENT_NODE_SHAPE_ROUNDED_BOX;
    case ENT_ENTITY_AGREEMENT:    return ENT_NODE_SHAPE_NOTE;
    case ENT_ENTITY_PLACE:        return ENT_NODE_SHAPE_PIN;
    case ENT_ENTITY_PROJECT:      return ENT_NODE_SHAPE_DIAMOND;
    case ENT_ENTITY_EVENT:        return ENT_NODE_SHAPE_OCTAGON;
    case ENT_N_ENTITY_TYPES:
    default:                      return ENT_NODE_SHAPE_ROUNDED_BOX;
    }
}

gboolean
ent_rect_intersects (const EntRect *a,
                     const EntRect *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->x <= b->x + b->width && b->x <= a->x + a->width
         && a->y <= b->y + b->height && b->y <= a->y + a->height;
}

gboolean
ent_rect_contains_point (const EntRect *rect,
                         double         x,
                         double         y)
{
  g_return_val_if_fail (rect != NULL, FALSE);

  return x >= rect->x && x <= rect->x + rect->width
         && y >= rect->y && y <= rect->y + rect->height;
}

/* Life cycle */

static EntLayout *
layout_alloc (EntView         *view,
              EntLayoutEngine  engine)
{
  EntLayout *layout = g_new0 (EntLayout, 1);
  LayoutPrivate *priv = g_new0 (LayoutPrivate, 1);
  EntGraph *graph = ent_view_get_graph (view);

  g_atomic_ref_count_init (&priv->ref_count);
  layout->priv = priv;
  layout->view = ent_view_ref (view);
  layout->engine = engine;
  layout->n_nodes = ent_view_get_n_entities (view);
  layout->n_edges = ent_view_get_n_relations (view);
  layout->nodes = g_new0 (EntLayoutNode, MAX (layout->n_nodes, 1));
  layout->edges = g_new0 (EntLayoutEdge, MAX (layout->n_edges, 1));

  priv->n_entities = graph->entities->len;
  priv->n_relations = graph->relations->len;
  priv->node_of_entity = g_new (guint, MAX (priv->n_entities, 1));
  priv->edge_of_relation = g_new (guint, MAX (priv->n_relations, 1));
  memset (priv->node_of_entity, 0xff, MAX (priv->n_entities, 1) * sizeof (guint));
  memset (priv->edge_of_relation, 0xff, MAX (priv->n_relations, 1) * sizeof (guint));

  return layout;
}

EntLayout *
ent_layout_ref (EntLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  g_atomic_ref_count_inc (&PRIV (layout)->ref_count);
  return layout;
}

void
ent_layout_unref (EntLayout *layout)
{
  LayoutPrivate *priv;

  g_return_if_fail (layout != NULL);

  priv = PRIV (layout);
  if (!g_atomic_ref_count_dec (&priv->ref_count))
    return;

  for (guint i = 0; i < layout->n_edges; i++)
    g_free (layout->edges[i].points);
  g_free (layout->edges);
  g_free (layout->nodes);
  g_free (priv->node_of_entity);
  g_free (priv->edge_of_relation);
  g_free (priv->node_start);
  g_free (priv->node_items);
  g_free (priv->edge_start);
  g_free (priv->edge_items);
  g_free (priv);
  ent_view_unref (layout->view);
  g_free (layout);
}

/* Nodes and edges, before any position */

static void
layout_init_nodes (EntLayout *layout)
{
  static PangoContext *context;  /* the worker's own: Pango is per thread */
  g_autoptr(PangoLayout) label = NULL;
  EntGraph *graph = ent_view_get_graph (layout->view);
  const guint *entities = ent_view_get_entities (layout->view, NULL);

  if (context == NULL)
    context = ent_label_context_new (NULL);
  label = ent_label_layout_new (context, ENT_LAYOUT_LABEL_FONT, "");

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      EntLayoutNode *node = &layout->nodes[i];
      EntGraphEntity *entity = ent_graph_get_entity (graph, entities[i]);
      double label_height;

      node->entity = entities[i];
      node->type = entity->type;
      node->shape = ent_node_shape_for_type (entity->type);
      node->label = entity->name;
      ent_label_layout_set (label, entity->name);
      ent_label_layout_size (label, &node->label_width, &label_height);
      ent_shape_size_for_label (node->shape, node->label_width, MAX (label_height, 8.0),
                                &node->width, &node->height);
      PRIV (layout)->node_of_entity[entities[i]] = i;
    }
}

static void
layout_init_edges (EntLayout *layout)
{
  EntGraph *graph = ent_view_get_graph (layout->view);
  const guint *relations = ent_view_get_relations (layout->view, NULL);
  LayoutPrivate *priv = PRIV (layout);

  for (guint i = 0; i < layout->n_edges; i++)
    {
      EntLayoutEdge *edge = &layout->edges[i];
      EntGraphRelation *relation = ent_graph_get_relation (graph, relations[i]);

      edge->relation = relations[i];
      edge->type = relation->type;
      edge->source = priv->node_of_entity[relation->source];
      edge->target = priv->node_of_entity[relation->target];
      edge->weight = relation->weight;
      edge->directed = !ent_relation_type_is_symmetric (relation->type);
      priv->edge_of_relation[relations[i]] = i;
      g_assert (edge->source != ENT_LAYOUT_NONE && edge->target != ENT_LAYOUT_NONE);
    }
}

/* Graphviz */

typedef struct {
  EntLayoutEngine engine;
  gboolean        graphviz_splines;
  gboolean        separate;         /* remove leftover overlaps ourselves */
} Plan;

static Plan
plan_for (EntLayout       *layout,
          EntLayoutEngine  engine)
{
  Plan plan = { engine, FALSE, FALSE };

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
  agsafeset (g, (char *) "splines", (char *) (plan->graphviz_splines ? "true" : "false"), (char *) "");
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
  Agsym_t *shape, *width, *height, *fixedsize, *label, *pos, *dir;
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
  fixedsize = agattr (g, AGNODE, (char *) "fixedsize", (char *) "true");
  label = agattr (g, AGNODE, (char *) "label", (char *) "");
  pos = has_hints ? agattr (g, AGNODE, (char *) "pos", (char *) "") : NULL;
  dir = agattr (g, AGEDGE, (char *) "dir", (char *) "forward");
  (void) fixedsize;
  (void) label;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const EntLayoutNode *node = &layout->nodes[i];
      char name[32], buffer[64];

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
  if (gvLayout (gvc, g, engine_names[plan->engine]) != 0)
    {
      const char *message = aglasterr ();

      g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_FAILED,
                   "Graphviz %s could not lay out the graph: %s",
                   engine_names[plan->engine], message != NULL ? message : "unknown error");
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

/* Overlap removal */

static int
compare_cells (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const guint *cell_of = user_data;
  guint ca = cell_of[*(const guint *) a], cb = cell_of[*(const guint *) b];

  return ca < cb ? -1 : (ca > cb);
}

/* Pushes overlapping pairs apart along their axis of least overlap. */
static guint
separate_pass (EntLayout *layout,
               double     cell,
               guint     *order,
               guint     *cell_of)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE;
  guint cols, moved = 0;
  g_autofree guint *start = NULL;
  guint n = layout->n_nodes, n_cells;
  double x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  guint rows;

  for (guint i = 0; i < n; i++)
    {
      x0 = MIN (x0, layout->nodes[i].x);
      y0 = MIN (y0, layout->nodes[i].y);
      x1 = MAX (x1, layout->nodes[i].x);
      y1 = MAX (y1, layout->nodes[i].y);
    }
  cell = MAX (cell, sqrt ((x1 - x0 + 1) * (y1 - y0 + 1) / 4e6));
  cols = (guint) ((x1 - x0) / cell) + 1;
  rows = (guint) ((y1 - y0) / cell) + 1;
  n_cells = cols * rows;

  start = g_new0 (guint, n_cells + 1);
  for (guint i = 0; i < n; i++)
    {
      guint cx = (guint) ((layout->nodes[i].x - x0) / cell);
      guint cy = (guint) ((layout->nodes[i].y - y0) / cell);

      cell_of[i] = MIN (cy, rows - 1) * cols + MIN (cx, cols - 1);
      order[i] = i;
      start[cell_of[i] + 1]++;
    }
  for (guint c = 0; c < n_cells; c++)
    start[c + 1] += start[c];
  g_qsort_with_data (order, n, sizeof (guint), compare_cells, cell_of);

  for (guint i = 0; i < n; i++)
    {
      EntLayoutNode *a = &layout->nodes[i];
      guint cx = cell_of[i] % cols, cy = cell_of[i] / cols;

      for (guint yy = cy > 0 ? cy - 1 : 0; yy <= MIN (cy + 1, rows - 1); yy++)
        for (guint xx = cx > 0 ? cx - 1 : 0; xx <= MIN (cx + 1, cols - 1); xx++)
          for (guint k = start[yy * cols + xx]; k < start[yy * cols + xx + 1]; k++)
            {
              guint j = order[k];
              EntLayoutNode *b = &layout->nodes[j];
              double dx, dy, ox, oy;

              if (j <= i)
                continue;
              dx = b->x - a->x;
              dy = b->y - a->y;
              ox = (a->width + b->width) / 2 + NODE_GAP - fabs (dx);
              oy = (a->height + b->height) / 2 + NODE_GAP - fabs (dy);
              if (ox <= 0 || oy <= 0)
                continue;
              if (ox < oy)
                {
                  double s = (dx > 0 || (dx == 0 && j > i)) ? 1 : -1;

                  a->x -= s * ox / 2;
                  b->x += s * ox / 2;
                }
              else
                {
                  double s = (dy > 0 || (dy == 0 && j > i)) ? 1 : -1;

                  a->y -= s * oy / 2;
                  b->y += s * oy / 2;
                }
              moved++;
            }
    }

  return moved;
}

static void
separate_nodes (EntLayout *layout)
{
  g_autofree guint *order = g_new (guint, MAX (layout->n_nodes, 1));
  g_autofree guint *cell_of = g_new (guint, MAX (layout->n_nodes, 1));
  double cell = 1;

  /* A cell at least as large as any node (plus the gap) means overlapping
   * pairs always sit in neighbouring cells. */
  for (guint i = 0; i < layout->n_nodes; i++)
    cell = MAX (cell, MAX (layout->nodes[i].width, layout->nodes[i].height) + NODE_GAP);

  for (guint pass = 0; pass < 100 && layout->n_nodes > 1; pass++)
    if (separate_pass (layout, cell, order, cell_of) == 0)
      break;
}

/* Edges computed here: straight, or bowed when several share two nodes. */

static EntPoint
point_on_outline (const EntLayoutNode *node,
                  double               tx,
                  double               ty)
{
  EntPoint p;

  ent_shape_boundary (node->shape, node->width, node->height,
                      tx - node->x, ty - node->y, &p.x, &p.y);
  p.x += node->x;
  p.y += node->y;
  return p;
}

static void
edge_set_quadratic (EntLayoutEdge *edge,
                    EntPoint       start,
                    EntPoint       control,
                    EntPoint       end)
{
  edge->n_points = 4;
  edge->points = g_new (EntPoint, 4);
  edge->points[0] = start;
  edge->points[1].x = start.x + 2.0 / 3 * (control.x - start.x);
  edge->points[1].y = start.y + 2.0 / 3 * (control.y - start.y);
  edge->points[2].x = end.x + 2.0 / 3 * (control.x - end.x);
  edge->points[2].y = end.y + 2.0 / 3 * (control.y - end.y);
  edge->points[3] = end;
}

/* The curve from @a to @b through @control, clipped to both outlines, the
 * arrowhead taken off its end. */
static void
route_between (EntLayoutEdge       *edge,
               const EntLayoutNode *a,
               const EntLayoutNode *b,
               EntPoint             control)
{
  EntPoint start = point_on_outline (a, control.x, control.y);
  EntPoint tip = point_on_outline (b, control.x, control.y);
  EntPoint base = tip;

  if (edge->directed)
    {
      double dx = tip.x - control.x, dy = tip.y - control.y;
      double len = hypot (dx, dy);

      /* Nodes almost touching: the control point sits on the outline. */
      if (len < 1)
        {
          dx = b->x - a->x;
          dy = b->y - a->y;
          len = hypot (dx, dy);
        }
      if (len > 1e-6)
        {
          base.x = tip.x - dx / len * ENT_LAYOUT_ARROW_LENGTH;
          base.y = tip.y - dy / len * ENT_LAYOUT_ARROW_LENGTH;
        }
    }

  edge_set_quadratic (edge, start, control, base);
  edge->arrow_base = base;
  edge->arrow_tip = tip;
}

static void
route_loop (EntLayoutEdge       *edge,
            const EntLayoutNode *node,
            guint                rank)
{
  double reach = 24 + 12 * rank;
  EntPoint start = point_on_outline (node, node->x + node->width / 4, node->y - node->height);
  EntPoint tip = point_on_outline (node, node->x + node->width, node->y - node->height / 4);

  edge->n_points = 4;
  edge->points = g_new (EntPoint, 4);
  edge->points[0] = start;
  edge->points[1].x = start.x;
  edge->points[1].y = start.y - reach;
  edge->points[2].x = tip.x + reach;
  edge->points[2].y = tip.y;
  edge->points[3] = tip;
  edge->arrow_base = tip;
  edge->arrow_tip = tip;
  if (edge->directed)
    {
      edge->points[3].x = tip.x + ENT_LAYOUT_ARROW_LENGTH;
      edge->arrow_base = edge->points[3];
    }
}

typedef struct {
  guint a, b;    /* a <= b */
  guint edge;
} PairKey;

static int
compare_pairs (gconstpointer pa,
               gconstpointer pb)
{
  const PairKey *a = pa, *b = pb;

  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  if (a->b != b->b)
    return a->b < b->b ? -1 : 1;
  return a->edge < b->edge ? -1 : (a->edge > b->edge);
}

static void
route_edge (EntLayout *layout,
            guint      index,
            guint      rank,
            guint      count)
{
  EntLayoutEdge *edge = &layout->edges[index];
  const EntLayoutNode *s = &layout->nodes[edge->source];
  const EntLayoutNode *t = &layout->nodes[edge->target];
  const EntLayoutNode *lo = edge->source <= edge->target ? s : t;
  const EntLayoutNode *hi = edge->source <= edge->target ? t : s;
  double dx = hi->x - lo->x, dy = hi->y - lo->y;
  double len = hypot (dx, dy);
  double offset = (rank - (count - 1) / 2.0) * BOW_STEP;
  EntPoint control = { (s->x + t->x) / 2, (s->y + t->y) / 2 };

  if (edge->source == edge->target)
    {
      route_loop (edge, s, rank);
      return;
    }

  /* The normal is taken from the lower-numbered end so that edges of both
   * directions between the same two nodes bow to different sides. Doubling
   * the offset puts the curve's middle at the offset. */
  if (len > 1e-6)
    {
      control.x += -dy / len * offset * 2;
      control.y += dx / len * offset * 2;
    }
  route_between (edge, s, t, control);
}

static void
route_own_edges (EntLayout *layout)
{
  g_autofree PairKey *pairs = g_new (PairKey, MAX (layout->n_edges, 1));

  for (guint i = 0; i < layout->n_edges; i++)
    {
      pairs[i].a = MIN (layout->edges[i].source, layout->edges[i].target);
      pairs[i].b = MAX (layout->edges[i].source, layout->edges[i].target);
      pairs[i].edge = i;
    }
  qsort (pairs, layout->n_edges, sizeof (PairKey), compare_pairs);

  for (guint i = 0; i < layout->n_edges;)
    {
      guint j = i;

      while (j < layout->n_edges && pairs[j].a == pairs[i].a && pairs[j].b == pairs[i].b)
        j++;
      for (guint k = i; k < j; k++)
        route_edge (layout, pairs[k].edge, k - i, j - i);
      i = j;
    }
}

/* Finishing: edge bounds, normalised coordinates, spatial index */

static void
bezier_eval (const EntPoint *p,
             double          t,
             EntPoint       *out)
{
  double u = 1 - t;
  double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;

  out->x = a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x;
  out->y = a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y;
}

void
ent_layout_edge_eval (const EntLayoutEdge *edge,
                      double               t,
                      EntPoint            *point)
{
  guint segments, segment;
  double local;

  g_return_if_fail (edge != NULL && point != NULL);

  if (edge->n_points < 4)
    {
      *point = edge->arrow_tip;
      return;
    }

  segments = (edge->n_points - 1) / 3;
  t = CLAMP (t, 0, 1) * segments;
  segment = MIN ((guint) t, segments - 1);
  local = t - segment;
  bezier_eval (&edge->points[segment * 3], local, point);
}

static void
edge_finish (EntLayoutEdge *edge)
{
  double x0 = edge->arrow_tip.x, y0 = edge->arrow_tip.y;
  double x1 = x0, y1 = y0;

  for (guint i = 0; i < edge->n_points; i++)
    {
      x0 = MIN (x0, edge->points[i].x);
      y0 = MIN (y0, edge->points[i].y);
      x1 = MAX (x1, edge->points[i].x);
      y1 = MAX (y1, edge->points[i].y);
    }
  /* Room for the arrowhead's wings and the widest stroke. */
  edge->bounds.x = x0 - ENT_LAYOUT_ARROW_WIDTH;
  edge->bounds.y = y0 - ENT_LAYOUT_ARROW_WIDTH;
  edge->bounds.width = x1 - x0 + 2 * ENT_LAYOUT_ARROW_WIDTH;
  edge->bounds.height = y1 - y0 + 2 * ENT_LAYOUT_ARROW_WIDTH;
  ent_layout_edge_eval (edge, 0.5, &edge->label_pos);
}

static void
translate (EntLayout *layout,
           double     dx,
           double     dy)
{
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      layout->nodes[i].x += dx;
      layout->nodes[i].y += dy;
    }
  for (guint i = 0; i < layout->n_edges; i++)
    {
      EntLayoutEdge *edge = &layout->edges[i];

      for (guint k = 0; k < edge->n_points; k++)
        {
          edge->points[k].x += dx;
          edge->points[k].y += dy;
        }
      edge->arrow_base.x += dx;
      edge->arrow_base.y += dy;
      edge->arrow_tip.x += dx;
      edge->arrow_tip.y += dy;
    }
}

/* Moves everything so that the bounding box starts at (0, 0), margin included. */
static void
normalise (EntLayout *layout)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const EntLayoutNode *node = &layout->nodes[i];

      x0 = MIN (x0, node->x - node->width / 2);
      y0 = MIN (y0, node->y - node->height / 2);
      x1 = MAX (x1, node->x + node->width / 2);
      y1 = MAX (y1, node->y + node->height / 2);
    }
  for (guint i = 0; i < layout->n_edges; i++)
    {
      edge_finish (&layout->edges[i]);
      x0 = MIN (x0, layout->edges[i].bounds.x);
      y0 = MIN (y0, layout->edges[i].bounds.y);
      x1 = MAX (x1, layout->edges[i].bounds.x + layout->edges[i].bounds.width);
      y1 = MAX (y1, layout->edges[i].bounds.y + layout->edges[i].bounds.height);
    }
  if (layout->n_nodes == 0)
    x0 = y0 = x1 = y1 = 0;

  translate (layout, MARGIN - x0, MARGIN - y0);
  for (guint i = 0; i < layout->n_edges; i++)
    edge_finish (&layout->edges[i]);

  layout->bounds.x = 0;
  layout->bounds.y = 0;
  layout->bounds.width = x1 - x0 + 2 * MARGIN;
  layout->bounds.height = y1 - y0 + 2 * MARGIN;
}

typedef struct {
  guint cell;
  guint item;
} CellItem;

static void
grid_cell_range (LayoutPrivate *priv,
                 double         x0,
                 double         y0,
                 double         x1,
                 double         y1,
                 guint         *cx0,
                 guint         *cy0,
                 guint         *cx1,
                 guint         *cy1)
{
  double fx0 = floor (x0 / priv->cell), fy0 = floor (y0 / priv->cell);
  double fx1 = floor (x1 / priv->cell), fy1 = floor (y1 / priv->cell);

  *cx0 = (guint) CLAMP (fx0, 0, priv->cols - 1);
  *cy0 = (guint) CLAMP (fy0, 0, priv->rows - 1);
  *cx1 = (guint) CLAMP (fx1, 0, priv->cols - 1);
  *cy1 = (guint) CLAMP (fy1, 0, priv->rows - 1);
}

static void
grid_add_box (LayoutPrivate *priv,
              GArray        *pairs,
              guint          item,
              double         x0,
              double         y0,
              double         x1,
              double         y1)
{
  guint cx0, cy0, cx1, cy1;

  grid_cell_range (priv, x0, y0, x1, y1, &cx0, &cy0, &cx1, &cy1);
  for (guint cy = cy0; cy <= cy1; cy++)
    for (guint cx = cx0; cx <= cx1; cx++)
      {
        CellItem pair = { cy * priv->cols + cx, item };

        g_array_append_val (pairs, pair);
      }
}

/* Counting sort of (cell, item) pairs into CSR arrays, duplicates dropped. */
static void
grid_pack (LayoutPrivate *priv,
           GArray        *pairs,
           guint        **start_out,
           guint        **items_out)
{
  guint n_cells = priv->cols * priv->rows;
  guint *start = g_new0 (guint, n_cells + 1);
  guint *items = g_new (guint, MAX (pairs->len, 1));
  g_autofree guint *fill = NULL;
  guint kept = 0;

  for (guint i = 0; i < pairs->len; i++)
    start[g_array_index (pairs, CellItem, i).cell + 1]++;
  for (guint c = 0; c < n_cells; c++)
    start[c + 1] += start[c];
  fill = g_memdup2 (start, (n_cells + 1) * sizeof (guint));
  for (guint i = 0; i < pairs->len; i++)
    {
      const CellItem *pair = &g_array_index (pairs, CellItem, i);

      items[fill[pair->cell]++] = pair->item;
    }

  /* Pairs were added item by item, so the copies of one item in a cell are
   * next to each other. */
  for (guint c = 0; c < n_cells; c++)
    {
      guint begin = start[c], end = start[c + 1];

      start[c] = kept;
      for (guint k = begin; k < end; k++)
        if (k == begin || items[k] != items[k - 1])
          items[kept++] = items[k];
    }
  start[n_cells] = kept;

  *start_out = start;
  *items_out = items;
}

/* Pieces of the curve short enough that their boxes hug it. */
static guint
edge_pieces (const EntLayoutEdge *edge,
             guint                segment,
             double               cell)
{
  const EntPoint *p = &edge->points[segment * 3];
  double length = hypot (p[1].x - p[0].x, p[1].y - p[0].y)
                  + hypot (p[2].x - p[1].x, p[2].y - p[1].y)
                  + hypot (p[3].x - p[2].x, p[3].y - p[2].y);

  return (guint) CLAMP (ceil (length / cell), 1, 512);
}

static void
grid_add_edge (LayoutPrivate       *priv,
               GArray              *pairs,
               guint                index,
               const EntLayoutEdge *edge)
{
  const double pad = ENT_LAYOUT_ARROW_WIDTH;

  for (guint s = 0; edge->n_points >= 4 && s < (edge->n_points - 1) / 3; s++)
    {
      guint pieces = edge_pieces (edge, s, priv->cell);
      EntPoint prev = edge->points[s * 3];

      for (guint k = 1; k <= pieces; k++)
        {
          EntPoint next;

          bezier_eval (&edge->points[s * 3], (double) k / pieces, &next);
          grid_add_box (priv, pairs, index,
                        MIN (prev.x, next.x) - pad, MIN (prev.y, next.y) - pad,
                        MAX (prev.x, next.x) + pad, MAX (prev.y, next.y) + pad);
          prev = next;
        }
    }
  grid_add_box (priv, pairs, index,
                MIN (edge->arrow_base.x, edge->arrow_tip.x) - pad,
                MIN (edge->arrow_base.y, edge->arrow_tip.y) - pad,
                MAX (edge->arrow_base.x, edge->arrow_tip.x) + pad,
                MAX (edge->arrow_base.y, edge->arrow_tip.y) + pad);
}

static void
build_grid (EntLayout *layout)
{
  LayoutPrivate *priv = PRIV (layout);
  double area = layout->bounds.width * layout->bounds.height;
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (CellItem));

  /* About one node per cell, at most 256 cells a side. */
  priv->cell = sqrt (area / MAX (layout->n_nodes, 1));
  priv->cell = MAX (priv->cell, 32.0);
  priv->cell = MAX (priv->cell, MAX (layout->bounds.width, layout->bounds.height) / 256);
  priv->cols = (guint) (layout->bounds.width / priv->cell) + 1;
  priv->rows = (guint) (layout->bounds.height / priv->cell) + 1;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const EntLayoutNode *node = &layout->nodes[i];

      grid_add_box (priv, pairs, i,
                    node->x - node->width / 2, node->y - node->height / 2,
                    node->x + node->width / 2, node->y + node->height / 2);
    }
  grid_pack (priv, pairs, &priv->node_start, &priv->node_items);

  g_array_set_size (pairs, 0);
  for (guint i = 0; i < layout->n_edges; i++)
    grid_add_edge (priv, pairs, i, &layout->edges[i]);
  grid_pack (priv, pairs, &priv->edge_start, &priv->edge_items);
}

static EntLayout *
layout_compute (EntView          *view,
                EntLayoutEngine   engine,
                EntLayout        *previous,
                GCancellable     *cancellable,
                GError          **error)
{
  g_autoptr(EntLayout) layout = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 labelled, laid_out, finished;
  Plan plan;

  layout = layout_alloc (view, engine);
  layout_init_nodes (layout);
  layout_init_edges (layout);
  plan = plan_for (layout, engine);
  layout->engine = plan.engine;
  labelled = g_get_monotonic_time ();

  if (layout->n_nodes > SLOW_ENGINE_MAX_NODES
      && (plan.engine == ENT_LAYOUT_DOT || plan.engine == ENT_LAYOUT_CIRCO
          || plan.engine == ENT_LAYOUT_TWOPI))
    {
      g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_TOO_LARGE,
                   "%s would take too long on %u nodes (limit %u): use sfdp",
                   engine_names[plan.engine], layout->n_nodes, SLOW_ENGINE_MAX_NODES);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (layout->n_nodes > 0 && !run_graphviz (layout, previous, &plan, error))
    return NULL;
  laid_out = g_get_monotonic_time ();

  if (plan.separate)
    separate_nodes (layout);
  if (!plan.graphviz_splines)
    route_own_edges (layout);
  else
    for (guint i = 0; i < layout->n_edges; i++)
      if (layout->edges[i].n_points == 0)
        route_edge (layout, i, 0, 1);

  normalise (layout);
  build_grid (layout);
  finished = g_get_monotonic_time ();

  g_debug ("%u nodes, %u edges with %s: labels %.1f ms, graphviz %.1f ms, edges and index %.1f ms",
           layout->n_nodes, layout->n_edges, engine_names[plan.engine],
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

/* Queries */

EntView *
ent_layout_get_view (EntLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return layout->view;
}

gboolean
ent_layout_lookup_entity (EntLayout *layout,
                          guint      entity,
                          guint     *node)
{
  LayoutPrivate *priv;

  g_return_val_if_fail (layout != NULL, FALSE);

  priv = PRIV (layout);
  if (entity >= priv->n_entities || priv->node_of_entity[entity] == ENT_LAYOUT_NONE)
    return FALSE;
  if (node != NULL)
    *node = priv->node_of_entity[entity];
  return TRUE;
}

gboolean
ent_layout_lookup_relation (EntLayout *layout,
                            guint      relation,
                            guint     *edge)
{
  LayoutPrivate *priv;

  g_return_val_if_fail (layout != NULL, FALSE);

  priv = PRIV (layout);
  if (relation >= priv->n_relations || priv->edge_of_relation[relation] == ENT_LAYOUT_NONE)
    return FALSE;
  if (edge != NULL)
    *edge = priv->edge_of_relation[relation];
  return TRUE;
}

void
ent_layout_node_bounds (EntLayout *layout,
                        guint      node,
                        EntRect   *rect)
{
  const EntLayoutNode *n;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (node < layout->n_nodes);
  g_return_if_fail (rect != NULL);

  n = &layout->nodes[node];
  rect->x = n->x - n->width / 2;
  rect->y = n->y - n->height / 2;
  rect->width = n->width;
  rect->height = n->height;
}

gboolean
ent_layout_node_at (EntLayout *layout,
                    double     x,
                    double     y,
                    guint     *node)
{
  LayoutPrivate *priv;
  guint cx, cy, cell;
  gboolean found = FALSE;
  guint best = 0;

  g_return_val_if_fail (layout != NULL, FALSE);

  priv = PRIV (layout);
  if (layout->n_nodes == 0 || !ent_rect_contains_point (&layout->bounds, x, y))
    return FALSE;

  grid_cell_range (priv, x, y, x, y, &cx, &cy, &cx, &cy);
  cell = cy * priv->cols + cx;
  for (guint k = priv->node_start[cell]; k < priv->node_start[cell + 1]; k++)
    {
      guint i = priv->node_items[k];
      const EntLayoutNode *n = &layout->nodes[i];

      /* Later nodes are drawn on top. */
      if ((!found || i > best)
          && ent_shape_contains (n->shape, n->width, n->height, x - n->x, y - n->y))
        {
          best = i;
          found = TRUE;
        }
    }

  if (found && node != NULL)
    *node = best;
  return found;
}

static double
segment_distance (EntPoint a,
                  EntPoint b,
                  double   x,
                  double   y)
{
  double dx = b.x - a.x, dy = b.y - a.y;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((x - a.x) * dx + (y - a.y) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (a.x + t * dx - x, a.y + t * dy - y);
}

static double
edge_distance (const EntLayoutEdge *edge,
               double               x,
               double               y,
               double               cell)
{
  double best = segment_distance (edge->arrow_base, edge->arrow_tip, x, y);

  for (guint s = 0; edge->n_points >= 4 && s < (edge->n_points - 1) / 3; s++)
    {
      guint pieces = MAX (edge_pieces (edge, s, cell / 4), 8);
      EntPoint prev = edge->points[s * 3];

      for (guint k = 1; k <= pieces; k++)
        {
          EntPoint next;

          bezier_eval (&edge->points[s * 3], (double) k / pieces, &next);
          best = MIN (best, segment_distance (prev, next, x, y));
          prev = next;
        }
    }

  return best;
}

gboolean
ent_layout_edge_at (EntLayout *layout,
                    double     x,
                    double     y,
                    double     tolerance,
                    guint     *edge)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  EntRect around = { x - tolerance, y - tolerance, 2 * tolerance, 2 * tolerance };
  double best_distance = G_MAXDOUBLE;
  guint best = ENT_LAYOUT_NONE;

  g_return_val_if_fail (layout != NULL, FALSE);

  ent_layout_query_rect (layout, &around, NULL, candidates);
  for (guint k = 0; k < candidates->len; k++)
    {
      guint i = g_array_index (candidates, guint, k);
      double d = edge_distance (&layout->edges[i], x, y, PRIV (layout)->cell);

      if (d <= tolerance && d <= best_distance)
        {
          best_distance = d;
          best = i;
        }
    }

  if (best != ENT_LAYOUT_NONE && edge != NULL)
    *edge = best;
  return best != ENT_LAYOUT_NONE;
}

/* Collects the items of the cells under @rect whose own bounds meet it. */
static void
query_items (EntLayout     *layout,
             const EntRect *rect,
             const guint   *start,
             const guint   *items,
             guint          n_items,
             gboolean       nodes,
             GArray        *out)
{
  LayoutPrivate *priv = PRIV (layout);
  g_autofree guint32 *seen = g_new0 (guint32, n_items / 32 + 1);
  guint cx0, cy0, cx1, cy1;

  g_array_set_size (out, 0);
  if (n_items == 0 || !ent_rect_intersects (rect, &layout->bounds))
    return;

  grid_cell_range (priv, rect->x, rect->y, rect->x + rect->width, rect->y + rect->height,
                   &cx0, &cy0, &cx1, &cy1);
  for (guint cy = cy0; cy <= cy1; cy++)
    for (guint cx = cx0; cx <= cx1; cx++)
      {
        guint cell = cy * priv->cols + cx;

        for (guint k = start[cell]; k < start[cell + 1]; k++)
          seen[items[k] / 32] |= 1u << (items[k] % 32);
      }

  /* Reading the bitmap in order gives sorted indices for free. */
  for (guint w = 0; w <= n_items / 32; w++)
    for (guint32 bits = seen[w]; bits != 0; bits &= bits - 1)
      {
        guint i = w * 32 + (guint) g_bit_nth_lsf (bits, -1);
        EntRect box;

        if (nodes)
          ent_layout_node_bounds (layout, i, &box);
        else
          box = layout->edges[i].bounds;
        if (ent_rect_intersects (&box, rect))
          g_array_append_val (out, i);
      }
}

void
ent_layout_query_rect (EntLayout     *layout,
                       const EntRect *rect,
                       GArray        *nodes,
                       GArray        *edges)
{
  LayoutPrivate *priv;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (rect != NULL);

  priv = PRIV (layout);
  if (nodes != NULL)
    query_items (layout, rect, priv->node_start, priv->node_items, layout->n_nodes, TRUE, nodes);
  if (edges != NULL)
    query_items (layout, rect, priv->edge_start, priv->edge_items, layout->n_edges, FALSE, edges);
}
