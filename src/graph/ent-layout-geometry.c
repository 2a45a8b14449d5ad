/* ent-layout-geometry.c — what we do to Graphviz's positions: overlaps
 * removed, edges routed, entities without relations shelved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ent-layout-private.h"
#include "ent-shape-private.h"

#define NODE_GAP 4.0
/* Spacing between parallel edges of the same pair of nodes. */
#define BOW_STEP 16.0
#define SHELF_GAP 12.0

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
              /* Pairs merely closer than the gap are eased apart but do not
               * keep the passes going. */
              if (ox > NODE_GAP + 0.25 && oy > NODE_GAP + 0.25)
                moved++;
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
            }
    }

  return moved;
}

/* Spreads the positions by @factor around their centre: room for crowds
 * that pairwise pushing only shuffles around. */
static void
spread (EntLayout *layout,
        double     factor)
{
  double cx = 0, cy = 0;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      cx += layout->nodes[i].x;
      cy += layout->nodes[i].y;
    }
  cx /= MAX (layout->n_nodes, 1);
  cy /= MAX (layout->n_nodes, 1);
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      layout->nodes[i].x = cx + (layout->nodes[i].x - cx) * factor;
      layout->nodes[i].y = cy + (layout->nodes[i].y - cy) * factor;
    }
}

void
ent_layout_separate_nodes (EntLayout *layout)
{
  g_autofree guint *order = g_new (guint, MAX (layout->n_nodes, 1));
  g_autofree guint *cell_of = g_new (guint, MAX (layout->n_nodes, 1));
  double cell = 1;
  guint pass, overlapping = 0;

  /* A cell at least as large as any node (plus the gap) means overlapping
   * pairs always sit in neighbouring cells. */
  for (guint i = 0; i < layout->n_nodes; i++)
    cell = MAX (cell, MAX (layout->nodes[i].width, layout->nodes[i].height) + NODE_GAP);

  for (pass = 0; pass < 120 && layout->n_nodes > 1; pass++)
    {
      overlapping = separate_pass (layout, cell, order, cell_of);
      if (overlapping == 0)
        break;
      if (pass % 20 == 19)
        spread (layout, 1.03);
    }
  g_debug ("separation: %u passes, %u overlapping pairs left", pass, overlapping);
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

void
ent_layout_route_edge (EntLayout *layout,
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

void
ent_layout_route_edges (EntLayout *layout)
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
        ent_layout_route_edge (layout, pairs[k].edge, k - i, j - i);
      i = j;
    }
}

/* The shelf: entities without relations, in rows under the graph */

gboolean *
ent_layout_find_isolated (EntLayout *layout,
               guint     *n_isolated)
{
  gboolean *isolated = g_new (gboolean, MAX (layout->n_nodes, 1));

  for (guint i = 0; i < layout->n_nodes; i++)
    isolated[i] = TRUE;
  for (guint i = 0; i < layout->n_edges; i++)
    isolated[layout->edges[i].source] = isolated[layout->edges[i].target] = FALSE;

  *n_isolated = 0;
  for (guint i = 0; i < layout->n_nodes; i++)
    *n_isolated += isolated[i];
  return isolated;
}

static int
compare_shelf_order (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  EntLayout *layout = user_data;
  const EntLayoutNode *na = &layout->nodes[*(const guint *) a];
  const EntLayoutNode *nb = &layout->nodes[*(const guint *) b];

  if (na->type != nb->type)
    return na->type < nb->type ? -1 : 1;
  return g_strcmp0 (na->label, nb->label);
}

/* Rows of shelved nodes, by type then name, as wide as the graph above. */
void
ent_layout_place_shelf (EntLayout      *layout,
                        const gboolean *shelved)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  double x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE, area = 0;
  double row_width, x, y, row_height = 0;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const EntLayoutNode *node = &layout->nodes[i];

      if (shelved[i])
        {
          g_array_append_val (order, i);
          area += (node->width + SHELF_GAP) * (node->height + SHELF_GAP);
          continue;
        }
      x0 = MIN (x0, node->x - node->width / 2);
      x1 = MAX (x1, node->x + node->width / 2);
      y1 = MAX (y1, node->y + node->height / 2);
    }
  if (x0 > x1)
    x0 = x1 = y1 = 0;
  else
    y1 += 4 * SHELF_GAP;

  g_array_sort_with_data (order, compare_shelf_order, layout);
  row_width = MAX (x1 - x0, sqrt (area) * 1.6);
  x = x0;
  y = y1;
  for (guint k = 0; k < order->len; k++)
    {
      EntLayoutNode *node = &layout->nodes[g_array_index (order, guint, k)];

      if (x > x0 && x + node->width > x0 + row_width)
        {
          x = x0;
          y += row_height + SHELF_GAP;
          row_height = 0;
        }
      node->x = x + node->width / 2;
      node->y = y + node->height / 2;
      x += node->width + SHELF_GAP;
      row_height = MAX (row_height, node->height);
    }
}
