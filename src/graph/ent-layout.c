/* ent-layout.c — the geometry we own: life cycle, spatial index, queries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ent-label-private.h"
#include "ent-layout-private.h"
#include "ent-shape-private.h"

#define MARGIN 12.0
#define AUTO_NEATO_MAX_NODES 100

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

EntLayout *
ent_layout_new_for_view (EntView         *view,
              EntLayoutEngine  engine)
{
  EntLayout *layout = g_new0 (EntLayout, 1);
  EntLayoutPrivate *priv = g_new0 (EntLayoutPrivate, 1);
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

  g_atomic_ref_count_inc (&ENT_LAYOUT_PRIV (layout)->ref_count);
  return layout;
}

void
ent_layout_unref (EntLayout *layout)
{
  EntLayoutPrivate *priv;

  g_return_if_fail (layout != NULL);

  priv = ENT_LAYOUT_PRIV (layout);
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

void
ent_layout_measure_nodes (EntLayout *layout)
{
  /* The worker's own: Pango objects belong to one thread. */
  static PangoContext *context;
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
      ENT_LAYOUT_PRIV (layout)->node_of_entity[entities[i]] = i;
    }
}

void
ent_layout_link_edges (EntLayout *layout)
{
  EntGraph *graph = ent_view_get_graph (layout->view);
  const guint *relations = ent_view_get_relations (layout->view, NULL);
  EntLayoutPrivate *priv = ENT_LAYOUT_PRIV (layout);

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
grid_cell_range (EntLayoutPrivate *priv,
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
grid_add_box (EntLayoutPrivate *priv,
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
grid_pack (EntLayoutPrivate *priv,
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
grid_add_edge (EntLayoutPrivate       *priv,
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
  EntLayoutPrivate *priv = ENT_LAYOUT_PRIV (layout);
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

void
ent_layout_finish (EntLayout *layout)
{
  normalise (layout);
  build_grid (layout);
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
  EntLayoutPrivate *priv;

  g_return_val_if_fail (layout != NULL, FALSE);

  priv = ENT_LAYOUT_PRIV (layout);
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
  EntLayoutPrivate *priv;

  g_return_val_if_fail (layout != NULL, FALSE);

  priv = ENT_LAYOUT_PRIV (layout);
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
  EntLayoutPrivate *priv;
  guint cx, cy, cell;
  gboolean found = FALSE;
  guint best = 0;

  g_return_val_if_fail (layout != NULL, FALSE);

  priv = ENT_LAYOUT_PRIV (layout);
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
      double d = edge_distance (&layout->edges[i], x, y, ENT_LAYOUT_PRIV (layout)->cell);

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
  EntLayoutPrivate *priv = ENT_LAYOUT_PRIV (layout);
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
  EntLayoutPrivate *priv;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (rect != NULL);

  priv = ENT_LAYOUT_PRIV (layout);
  if (nodes != NULL)
    query_items (layout, rect, priv->node_start, priv->node_items, layout->n_nodes, TRUE, nodes);
  if (edges != NULL)
    query_items (layout, rect, priv->edge_start, priv->edge_items, layout->n_edges, FALSE, edges);
}
