/* ent-render.c — one cairo drawing function for the canvas widget and exports.
 *
 * Speed comes from three things: only what the spatial index finds in the
 * visible rectangle is drawn; items of one look (type, width, opacity) go
 * into one path and one fill or stroke, so cairo rasterises a few large paths
 * instead of thousands of small ones; and detail (labels, outlines,
 * arrowheads) is left out when it would be smaller than a few pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ent-label-private.h"
#include "ent-layout-private.h"
#include "ent-raster-private.h"
#include "ent-render.h"
#include "ent-shape-private.h"

#define ALPHA_LEVELS      16
#define WIDTH_BUCKETS     4
#define EDGE_LABEL_FONT   "Sans 12px"
#define LEGEND_FONT       "Sans 9"
/* Below these sizes on screen, a detail is noise. */
#define MIN_ARROW_PIXELS  3.0
#define MIN_STROKE_PIXELS 7.0
/* Nodes smaller than this on screen are drawn as boxes. */
#define MIN_SHAPE_PIXELS  4.0
/* Taller nodes go through cairo, with their exact outlines. */
#define MAX_RASTER_NODE_PIXELS 24.0
/* Wider lines go through cairo: the rasteriser's cost grows with width. */
#define MAX_RASTER_PIXELS 8.0
/* Items per cairo path: one path per thousands of shapes makes cairo's scan
 * converter juggle every shape on every row. */
#define PATH_CHUNK        48

/* Palettes */

/* Okabe & Ito, "Color Universal Design" (2008): distinguishable with every
 * common colour-vision deficiency. One per entity type, in enum order. */
static const guint32 okabe_ito[ENT_N_ENTITY_TYPES] = {
  0x0072B2,  /* person: blue */
  0xE69F00,  /* country: orange */
  0x009E73,  /* organization: bluish green */
  0xCC79A7,  /* agreement: reddish purple */
  0x56B4E9,  /* place: sky blue */
  0xD55E00,  /* project: vermillion */
  0xF0E442,  /* event: yellow */
};

static EntColor
rgb (guint32 hex,
     double  alpha)
{
  EntColor c = { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                 (hex & 0xff) / 255.0, alpha };
  return c;
}

static EntColor
mix (EntColor a,
     EntColor b,
     double   t)
{
  EntColor c = { a.red + (b.red - a.red) * t, a.green + (b.green - a.green) * t,
                 a.blue + (b.blue - a.blue) * t, 1.0 };
  return c;
}

static void
palette_build (EntPalette     *palette,
               EntPaletteKind  kind)
{
  gboolean dark = kind == ENT_PALETTE_DARK;
  EntColor white = rgb (0xffffff, 1), black = rgb (0x000000, 1);

  palette->background = dark ? rgb (0x1e1e1e, 1) : rgb (0xffffff, 1);
  palette->foreground = dark ? rgb (0xf0f0f0, 1) : rgb (0x1a1a1a, 1);
  for (guint i = 0; i < ENT_N_ENTITY_TYPES; i++)
    {
      EntColor base = rgb (okabe_ito[i], 1);

      /* Light: pale tints under dark text. Dark: deep shades under light
       * text. The saturated colour itself draws the outline. */
      palette->node_fill[i] = dark ? mix (base, black, 0.6) : mix (base, white, 0.62);
      palette->node_stroke[i] = dark ? mix (base, white, 0.1) : mix (base, black, 0.2);
      palette->node_text[i] = dark ? rgb (0xf4f4f4, 1) : rgb (0x141414, 1);
    }
  palette->edge = dark ? rgb (0x9a9a9a, 0.85) : rgb (0x5e5e5e, 0.8);
  palette->edge_highlight = dark ? rgb (0x99c1f1, 1) : rgb (0x1c71d8, 1);
  palette->edge_label = palette->foreground;
  palette->edge_label_background = dark ? rgb (0x303030, 0.92) : rgb (0xffffff, 0.92);
  palette->selection = dark ? rgb (0x99c1f1, 1) : rgb (0x1c71d8, 1);
  palette->hover = dark ? rgb (0xdeddda, 1) : rgb (0x3d3846, 1);
  palette->dim_alpha = dark ? 0.22 : 0.18;
}

const EntPalette *
ent_palette_get (EntPaletteKind kind)
{
  static EntPalette palettes[ENT_N_PALETTES];
  static gsize initialised;

  g_return_val_if_fail (kind < ENT_N_PALETTES, NULL);

  if (g_once_init_enter (&initialised))
    {
      for (guint i = 0; i < ENT_N_PALETTES; i++)
        palette_build (&palettes[i], i);
      g_once_init_leave (&initialised, 1);
    }

  return &palettes[kind];
}

/* State */

void
ent_render_state_init (EntRenderState *state)
{
  g_return_if_fail (state != NULL);

  memset (state, 0, sizeof *state);
  state->selected_node = ENT_RENDER_NONE;
  state->selected_edge = ENT_RENDER_NONE;
  state->hover_node = ENT_RENDER_NONE;
  state->hover_edge = ENT_RENDER_NONE;
}

void
ent_render_state_clear_highlight (EntRenderState *state)
{
  g_return_if_fail (state != NULL);

  g_clear_pointer (&state->highlight_nodes, g_free);
  g_clear_pointer (&state->highlight_edges, g_free);
  state->n_highlight_nodes = 0;
  state->n_highlight_edges = 0;
}

void
ent_render_state_clear (EntRenderState *state)
{
  g_return_if_fail (state != NULL);

  ent_render_state_clear_highlight (state);
  ent_render_state_init (state);
}

void
ent_render_state_highlight_neighbourhood (EntRenderState *state,
                                          EntLayout      *layout,
                                          guint           node)
{
  g_return_if_fail (state != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (node < layout->n_nodes);

  ent_render_state_clear_highlight (state);
  state->n_highlight_nodes = layout->n_nodes;
  state->n_highlight_edges = layout->n_edges;
  state->highlight_nodes = g_malloc0 (MAX (layout->n_nodes, 1));
  state->highlight_edges = g_malloc0 (MAX (layout->n_edges, 1));

  state->highlight_nodes[node] = 1;
  for (guint i = 0; i < layout->n_edges; i++)
    {
      const EntLayoutEdge *edge = &layout->edges[i];

      if (edge->source != node && edge->target != node)
        continue;
      state->highlight_edges[i] = 1;
      state->highlight_nodes[edge->source] = 1;
      state->highlight_nodes[edge->target] = 1;
    }
}

void
ent_render_options_init (EntRenderOptions *options,
                         EntPaletteKind    palette)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->palette = ent_palette_get (palette);
  options->label_min_scale = 0.65;
  options->draw_background = FALSE;
  options->max_edge_pixels = 4.0e5;
}

/* What one frame draws: layout items at possibly moved places and opacities
 * (a plain draw uses them as they are; a transition interpolates). */

typedef struct {
  const EntLayoutNode *node;
  double               x, y;
  double               alpha;
  guint                index;   /* in the layout the state refers to, or NONE */
} NodeItem;

typedef struct {
  const EntLayoutEdge *edge;
  EntPoint             shift_source;  /* displacement of the curve's source end */
  EntPoint             shift_target;
  double               alpha;
  guint                index;
} EdgeItem;

typedef struct {
  cairo_t                *cr;
  EntLayout              *layout;    /* the one the state refers to */
  const EntRenderOptions *options;
  const EntPalette       *palette;
  const EntRenderState   *state;
  double                  scale;     /* device pixels per layout point */
  EntRect                 visible;
  GArray                 *nodes;     /* (element-type NodeItem) */
  GArray                 *edges;     /* (element-type EdgeItem) */
} Frame;

static gboolean
node_dimmed (const Frame *frame,
             guint        index)
{
  const EntRenderState *state = frame->state;

  return state != NULL && state->highlight_nodes != NULL
         && (index >= state->n_highlight_nodes || !state->highlight_nodes[index]);
}

static int
edge_highlight (const Frame *frame,
                guint        index)
{
  const EntRenderState *state = frame->state;

  if (state == NULL || state->highlight_edges == NULL)
    return 0;
  if (index < state->n_highlight_edges && state->highlight_edges[index])
    return 1;
  return -1;
}

static void
set_source (cairo_t        *cr,
            const EntColor *color,
            double          alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static guint
alpha_level (double alpha)
{
  return (guint) CLAMP (lround (alpha * ALPHA_LEVELS), 0, ALPHA_LEVELS);
}

/* Groups item indices by key (counting sort): order[start[k]..start[k+1]). */
static void
group_by_key (const guint *keys,
              guint        n,
              guint        n_keys,
              guint       *start,
              guint       *order)
{
  g_autofree guint *fill = g_new0 (guint, n_keys + 1);

  memset (start, 0, (n_keys + 1) * sizeof (guint));
  for (guint i = 0; i < n; i++)
    start[keys[i] + 1]++;
  for (guint k = 0; k < n_keys; k++)
    start[k + 1] += start[k];
  memcpy (fill, start, (n_keys + 1) * sizeof (guint));
  for (guint i = 0; i < n; i++)
    order[fill[keys[i]]++] = i;
}

/* Edges */

static guint
width_bucket (guint weight)
{
  if (weight <= 1)
    return 0;
  if (weight == 2)
    return 1;
  if (weight <= 4)
    return 2;
  return 3;
}

static double
bucket_width (guint bucket)
{
  static const double widths[WIDTH_BUCKETS] = { 1.0, 1.8, 2.6, 3.6 };

  return widths[bucket];
}

static EntPoint
shifted (const EdgeItem *item,
         guint           k)
{
  const EntLayoutEdge *edge = item->edge;
  double u = edge->n_points > 1 ? (double) k / (edge->n_points - 1) : 0;
  EntPoint p = edge->points[k];

  p.x += item->shift_source.x * (1 - u) + item->shift_target.x * u;
  p.y += item->shift_source.y * (1 - u) + item->shift_target.y * u;
  return p;
}

static void
append_edge_curve (cairo_t        *cr,
                   const EdgeItem *item)
{
  const EntLayoutEdge *edge = item->edge;
  EntPoint p = shifted (item, 0);

  cairo_move_to (cr, p.x, p.y);
  for (guint k = 1; k + 2 < edge->n_points; k += 3)
    {
      EntPoint a = shifted (item, k), b = shifted (item, k + 1), c = shifted (item, k + 2);

      cairo_curve_to (cr, a.x, a.y, b.x, b.y, c.x, c.y);
    }
}

static void
append_arrowhead (cairo_t        *cr,
                  const EdgeItem *item,
                  double          size)
{
  const EntLayoutEdge *edge = item->edge;
  double tx = edge->arrow_tip.x + item->shift_target.x;
  double ty = edge->arrow_tip.y + item->shift_target.y;
  double bx = edge->arrow_base.x + item->shift_target.x;
  double by = edge->arrow_base.y + item->shift_target.y;
  double dx = tx - bx, dy = ty - by;
  double len = sqrt (dx * dx + dy * dy);
  double half = ENT_LAYOUT_ARROW_WIDTH / 2 * size;

  if (len < 1e-6)
    return;
  dx /= len;
  dy /= len;
  /* Heavier edges get slightly larger heads, measured back from the tip. */
  bx = tx - dx * ENT_LAYOUT_ARROW_LENGTH * size;
  by = ty - dy * ENT_LAYOUT_ARROW_LENGTH * size;
  cairo_move_to (cr, tx, ty);
  cairo_line_to (cr, bx - dy * half, by + dx * half);
  cairo_line_to (cr, bx + dy * half, by - dx * half);
  cairo_close_path (cr);
}

static double
arrow_size (guint bucket)
{
  return 1.0 + 0.12 * bucket;
}

static guint
edge_key (const Frame    *frame,
          const EdgeItem *item)
{
  int highlight = edge_highlight (frame, item->index);
  double alpha = item->alpha * (highlight < 0 ? frame->palette->dim_alpha : 1);
  guint dashed = item->edge->type == ENT_RELATION_CO_MENTIONED;

  return ((alpha_level (alpha) * 2 + (highlight > 0)) * 2 + dashed) * WIDTH_BUCKETS
         + width_bucket (item->edge->weight);
}

static void
stroke_edges_cairo (Frame       *frame,
                    const guint *members,
                    guint        n,
                    double       width,
                    gboolean     dashed)
{
  cairo_t *cr = frame->cr;

  cairo_set_line_width (cr, width);
  if (dashed)
    {
      double dash[] = { 4.0, 3.0 };

      cairo_set_dash (cr, dash, 2, 0);
    }
  for (guint i = 0; i < n; i++)
    {
      append_edge_curve (cr, &g_array_index (frame->edges, EdgeItem, members[i]));
      if ((i + 1) % PATH_CHUNK == 0 || i + 1 == n)
        cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

static gboolean
stroke_edges_raster (Frame          *frame,
                     const guint    *members,
                     guint           n,
                     double          width,
                     gboolean        dashed,
                     const EntColor *color,
                     double          alpha)
{
  EntRaster raster;
  EntPoint *points = NULL;
  guint allocated = 0;

  if (width * frame->scale > MAX_RASTER_PIXELS || !ent_raster_begin (&raster, frame->cr))
    return FALSE;

  ent_raster_set_source (&raster, color, alpha);
  ent_raster_set_width (&raster, width);
  if (dashed)
    ent_raster_set_dash (&raster, 4.0, 3.0);
  for (guint i = 0; i < n; i++)
    {
      const EdgeItem *item = &g_array_index (frame->edges, EdgeItem, members[i]);

      if (allocated < item->edge->n_points)
        {
          allocated = item->edge->n_points;
          points = g_renew (EntPoint, points, allocated);
        }
      for (guint k = 0; k < item->edge->n_points; k++)
        points[k] = shifted (item, k);
      ent_raster_stroke_curve (&raster, points, item->edge->n_points);
    }
  g_free (points);
  ent_raster_finish (&raster);
  return TRUE;
}

static void
draw_edge_group (Frame       *frame,
                 guint        key,
                 const guint *members,
                 guint        n)
{
  cairo_t *cr = frame->cr;
  guint bucket = key % WIDTH_BUCKETS;
  gboolean dashed = (key / WIDTH_BUCKETS) % 2;
  gboolean highlight = (key / WIDTH_BUCKETS / 2) % 2;
  double alpha = (double) (key / WIDTH_BUCKETS / 4) / ALPHA_LEVELS;
  const EntColor *color = highlight ? &frame->palette->edge_highlight : &frame->palette->edge;
  double width = MAX (bucket_width (bucket), 0.8 / frame->scale);
  gboolean arrows = ENT_LAYOUT_ARROW_LENGTH * frame->scale >= MIN_ARROW_PIXELS;
  guint n_arrows = 0;

  if (alpha <= 0)
    return;

  set_source (cr, color, alpha);
  cairo_new_path (cr);
  if (!stroke_edges_raster (frame, members, n, width, dashed, color, alpha))
    stroke_edges_cairo (frame, members, n, width, dashed);

  if (!arrows)
    return;
  for (guint i = 0; i < n; i++)
    {
      const EdgeItem *item = &g_array_index (frame->edges, EdgeItem, members[i]);

      if (!item->edge->directed)
        continue;
      append_arrowhead (cr, item, arrow_size (bucket));
      if (++n_arrows % PATH_CHUNK == 0)
        cairo_fill (cr);
    }
  cairo_fill (cr);
}

static void
draw_edges (Frame *frame)
{
  const guint n_keys = (ALPHA_LEVELS + 1) * 2 * 2 * WIDTH_BUCKETS;
  guint n = frame->edges->len;
  g_autofree guint *keys = g_new (guint, MAX (n, 1));
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree guint *start = g_new (guint, n_keys + 1);

  for (guint i = 0; i < n; i++)
    keys[i] = edge_key (frame, &g_array_index (frame->edges, EdgeItem, i));
  group_by_key (keys, n, n_keys, start, order);

  cairo_set_line_cap (frame->cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (frame->cr, CAIRO_LINE_JOIN_ROUND);
  /* Dim ones first, highlighted ones last: on top. */
  for (guint k = 0; k < n_keys; k++)
    if (start[k + 1] > start[k])
      draw_edge_group (frame, k, order + start[k], start[k + 1] - start[k]);
}

static void
draw_edge_emphasis (Frame          *frame,
                    const EdgeItem *item,
                    const EntColor *color)
{
  cairo_t *cr = frame->cr;
  guint bucket = width_bucket (item->edge->weight);

  cairo_new_path (cr);
  append_edge_curve (cr, item);
  set_source (cr, color, item->alpha);
  cairo_set_line_width (cr, bucket_width (bucket) + 2.0 / frame->scale);
  cairo_stroke (cr);
  if (item->edge->directed)
    {
      append_arrowhead (cr, item, arrow_size (bucket) + 0.2);
      cairo_fill (cr);
    }
}

/* Nodes */

static guint
node_key (const Frame    *frame,
          const NodeItem *item)
{
  double alpha = item->alpha * (node_dimmed (frame, item->index) ? frame->palette->dim_alpha : 1);

  return alpha_level (alpha) * ENT_N_ENTITY_TYPES + item->node->type;
}

/* Nodes up to a few dozen pixels tall go straight into the pixels: boxes
 * when tiny, their polygons otherwise. Returns in @done which ones. */
static void
draw_nodes_raster (Frame         *frame,
                   EntEntityType  type,
                   double         alpha,
                   const guint   *members,
                   guint          n,
                   gboolean      *done)
{
  EntRaster raster;
  EntPoint polygon[ENT_SHAPE_MAX_POLYGON];
  double outline = MAX (1.2, 0.6 / frame->scale);
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const NodeItem *item = &g_array_index (frame->nodes, NodeItem, members[i]);

      done[i] = item->node->height * frame->scale <= MAX_RASTER_NODE_PIXELS;
      any |= done[i];
    }
  if (!any || !ent_raster_begin (&raster, frame->cr))
    {
      memset (done, 0, n * sizeof (gboolean));
      return;
    }

  ent_raster_set_width (&raster, outline);
  for (guint i = 0; i < n; i++)
    {
      const NodeItem *item = &g_array_index (frame->nodes, NodeItem, members[i]);
      const EntLayoutNode *node = item->node;
      guint n_points;

      if (!done[i])
        continue;
      if (MAX (node->width, node->height) * frame->scale < MIN_SHAPE_PIXELS)
        {
          ent_raster_set_source (&raster, &frame->palette->node_stroke[type], alpha);
          ent_raster_fill_box (&raster, item->x - node->width / 2, item->y - node->height / 2,
                               node->width, node->height);
          continue;
        }
      /* Eight sides are a smooth ellipse below a dozen pixels. */
      n_points = ent_shape_polygon (node->shape, item->x, item->y, node->width, node->height,
                                    node->height * frame->scale < 12 ? 8 : 16, polygon);
      ent_raster_set_source (&raster, &frame->palette->node_fill[type], alpha);
      ent_raster_fill_convex (&raster, polygon, n_points);
      if (MIN (node->width, node->height) * frame->scale >= MIN_STROKE_PIXELS)
        {
          ent_raster_set_source (&raster, &frame->palette->node_stroke[type], alpha);
          ent_raster_stroke_closed (&raster, polygon, n_points);
        }
    }
  ent_raster_finish (&raster);
}

static void
fill_and_stroke (Frame         *frame,
                 EntEntityType  type,
                 double         alpha,
                 gboolean       outlines)
{
  cairo_t *cr = frame->cr;

  set_source (cr, &frame->palette->node_fill[type], alpha);
  if (!outlines)
    {
      cairo_fill (cr);
      return;
    }
  cairo_fill_preserve (cr);
  set_source (cr, &frame->palette->node_stroke[type], alpha);
  cairo_set_line_width (cr, MAX (1.2, 0.6 / frame->scale));
  cairo_stroke (cr);
}

static void
draw_node_group (Frame       *frame,
                 guint        key,
                 const guint *members,
                 guint        n)
{
  cairo_t *cr = frame->cr;
  EntEntityType type = key % ENT_N_ENTITY_TYPES;
  double alpha = (double) (key / ENT_N_ENTITY_TYPES) / ALPHA_LEVELS;
  g_autofree gboolean *done = g_new (gboolean, MAX (n, 1));
  gboolean outlines = FALSE;
  guint in_path = 0;

  if (alpha <= 0)
    return;

  draw_nodes_raster (frame, type, alpha, members, n, done);
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      const NodeItem *item = &g_array_index (frame->nodes, NodeItem, members[i]);
      const EntLayoutNode *node = item->node;

      if (done[i])
        continue;
      ent_shape_append_path (cr, node->shape, item->x, item->y, node->width, node->height);
      outlines |= MIN (node->width, node->height) * frame->scale >= MIN_STROKE_PIXELS;
      if (++in_path == PATH_CHUNK)
        {
          fill_and_stroke (frame, type, alpha, outlines);
          in_path = 0;
          outlines = FALSE;
        }
    }
  if (in_path > 0)
    fill_and_stroke (frame, type, alpha, outlines);
}

static void
draw_nodes (Frame *frame)
{
  const guint n_keys = (ALPHA_LEVELS + 1) * ENT_N_ENTITY_TYPES;
  guint n = frame->nodes->len;
  g_autofree guint *keys = g_new (guint, MAX (n, 1));
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree guint *start = g_new (guint, n_keys + 1);

  for (guint i = 0; i < n; i++)
    keys[i] = node_key (frame, &g_array_index (frame->nodes, NodeItem, i));
  group_by_key (keys, n, n_keys, start, order);

  cairo_set_line_join (frame->cr, CAIRO_LINE_JOIN_ROUND);
  for (guint k = 0; k < n_keys; k++)
    if (start[k + 1] > start[k])
      draw_node_group (frame, k, order + start[k], start[k + 1] - start[k]);
}

static void
draw_node_outline (Frame          *frame,
                   const NodeItem *item,
                   const EntColor *color,
                   double          pixels)
{
  cairo_t *cr = frame->cr;
  const EntLayoutNode *node = item->node;
  double grow = pixels / frame->scale;

  cairo_new_path (cr);
  ent_shape_append_path (cr, node->shape, item->x, item->y,
                         node->width + grow * 2, node->height + grow * 2);
  set_source (cr, color, item->alpha);
  cairo_set_line_width (cr, pixels / frame->scale);
  cairo_stroke (cr);
}

typedef struct {
  guint  item;
  guint  degree;
} LabelCandidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const LabelCandidate *ca = a, *cb = b;

  if (ca->degree != cb->degree)
    return ca->degree > cb->degree ? -1 : 1;
  return ca->item < cb->item ? -1 : ca->item > cb->item;
}

static gboolean
device_rects_overlap (const EntRect *placed,
                      guint          n,
                      const EntRect *rect)
{
  for (guint i = 0; i < n; i++)
    if (ent_rect_intersects (&placed[i], rect))
      return TRUE;
  return FALSE;
}

/* Zoomed out: labels at screen size for the best connected nodes, placed
 * greedily under their node wherever they do not cover another label. */
static void
draw_overview_labels (Frame *frame)
{
  cairo_t *cr = frame->cr;
  EntLayout *layout = frame->layout;
  guint max = frame->options->overview_labels;
  g_autofree guint *degree = g_new0 (guint, MAX (layout->n_nodes, 1));
  g_autofree LabelCandidate *candidates = g_new (LabelCandidate, frame->nodes->len);
  g_autofree EntRect *placed = g_new (EntRect, max);
  g_autoptr(PangoLayout) text = NULL;
  PangoFontDescription *font;
  cairo_matrix_t to_device;
  guint n_candidates = 0, n_placed = 0;

  for (guint e = 0; e < layout->n_edges; e++)
    {
      degree[layout->edges[e].source]++;
      degree[layout->edges[e].target]++;
    }
  for (guint i = 0; i < frame->nodes->len; i++)
    {
      const NodeItem *item = &g_array_index (frame->nodes, NodeItem, i);

      if (item->alpha > 0.5 && item->index < layout->n_nodes && !node_dimmed (frame, item->index))
        candidates[n_candidates++] = (LabelCandidate) { i, degree[item->index] };
    }
  qsort (candidates, n_candidates, sizeof *candidates, compare_candidates);

  /* The layout is made in device space: hinted for the zoomed-out matrix,
   * the letters would be spaced for a different size. */
  cairo_get_matrix (cr, &to_device);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  text = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Sans 7.5");
  pango_layout_set_font_description (text, font);
  pango_font_description_free (font);
  pango_layout_set_width (text, 150 * PANGO_SCALE);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (text, TRUE);

  for (guint c = 0; c < n_candidates && n_placed < max; c++)
    {
      const NodeItem *item = &g_array_index (frame->nodes, NodeItem, candidates[c].item);
      double x = item->x, y = item->y + item->node->height / 2;
      PangoRectangle ink, logical;
      EntRect rect;

      cairo_matrix_transform_point (&to_device, &x, &y);
      pango_layout_set_text (text, item->node->label, -1);
      pango_layout_get_pixel_extents (text, &ink, &logical);
      rect = (EntRect) { x - logical.width / 2.0 - 3, y + 1, logical.width + 6, logical.height + 2 };
      if (device_rects_overlap (placed, n_placed, &rect))
        continue;
      placed[n_placed++] = rect;

      set_source (cr, &frame->palette->edge_label_background, item->alpha);
      cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
      cairo_fill (cr);
      set_source (cr, &frame->palette->foreground, item->alpha);
      cairo_move_to (cr, rect.x + 3 - logical.x, rect.y + 1);
      pango_cairo_show_layout (cr, text);
    }
  cairo_restore (cr);
}

static void
draw_labels (Frame *frame)
{
  cairo_t *cr = frame->cr;
  PangoContext *context = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (frame->nodes->len == 0)
    return;
  if (frame->scale < frame->options->label_min_scale)
    {
      if (frame->options->overview_labels > 0 && frame->layout != NULL)
        draw_overview_labels (frame);
      return;
    }

  context = ent_label_context_new (cr);
  layout = ent_label_layout_new (context, ENT_LAYOUT_LABEL_FONT, "");
  g_object_unref (context);

  for (guint i = 0; i < frame->nodes->len; i++)
    {
      const NodeItem *item = &g_array_index (frame->nodes, NodeItem, i);
      const EntLayoutNode *node = item->node;
      double alpha = item->alpha * (node_dimmed (frame, item->index) ? frame->palette->dim_alpha : 1);
      double width, height;

      if (alpha <= 0.02)
        continue;
      ent_label_layout_set (layout, node->label);
      ent_label_layout_size (layout, &width, &height);
      /* The layout is ENT_LABEL_MAX_WIDTH wide with centred lines. */
      cairo_move_to (cr, item->x - ENT_LABEL_MAX_WIDTH / 2,
                     item->y + ent_shape_label_offset (node->shape, node->height) - height / 2);
      set_source (cr, &frame->palette->node_text[node->type], alpha);
      pango_cairo_show_layout (cr, layout);
    }
}

/* Frames */

static double
frame_scale (cairo_t *cr)
{
  cairo_matrix_t m;

  cairo_get_matrix (cr, &m);
  return sqrt (fabs (m.xx * m.yy - m.xy * m.yx));
}

static void
frame_init (Frame                  *frame,
            cairo_t                *cr,
            const EntRenderOptions *options)
{
  memset (frame, 0, sizeof *frame);
  frame->cr = cr;
  frame->options = options;
  frame->palette = options->palette != NULL ? options->palette : ent_palette_get (ENT_PALETTE_LIGHT);
  frame->state = options->state;
  frame->scale = MAX (frame_scale (cr), 1e-6);
  if (options->visible.width > 0 && options->visible.height > 0)
    frame->visible = options->visible;
  else
    {
      double x0, y0, x1, y1;

      cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
      frame->visible.x = x0;
      frame->visible.y = y0;
      frame->visible.width = x1 - x0;
      frame->visible.height = y1 - y0;
    }
  frame->nodes = g_array_new (FALSE, FALSE, sizeof (NodeItem));
  frame->edges = g_array_new (FALSE, FALSE, sizeof (EdgeItem));
}

static void
frame_clear (Frame *frame)
{
  g_clear_pointer (&frame->nodes, g_array_unref);
  g_clear_pointer (&frame->edges, g_array_unref);
}

/* The relation type (and role, if any) next to a hovered or selected edge,
 * at a constant size on screen. */
static void
draw_edge_label (Frame          *frame,
                 const EdgeItem *item)
{
  cairo_t *cr = frame->cr;
  EntGraph *graph = ent_view_get_graph (frame->layout->view);
  EntGraphRelation *relation = ent_graph_get_relation (graph, item->edge->relation);
  const char *role = g_hash_table_lookup (relation->attributes, "role");
  const char *type = ent_relation_type_to_label (item->edge->type);
  g_autofree char *text = role != NULL ? g_strdup_printf ("%s: %s", type, role) : g_strdup (type);
  PangoContext *context = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double x = item->edge->label_pos.x + (item->shift_source.x + item->shift_target.x) / 2;
  double y = item->edge->label_pos.y + (item->shift_source.y + item->shift_target.y) / 2;
  double width, height;

  cairo_save (cr);
  cairo_user_to_device (cr, &x, &y);
  cairo_identity_matrix (cr);
  context = ent_label_context_new (cr);
  layout = ent_label_layout_new (context, EDGE_LABEL_FONT, text);
  g_object_unref (context);
  pango_layout_set_height (layout, -1);
  ent_label_layout_size (layout, &width, &height);

  cairo_new_path (cr);
  cairo_rectangle (cr, round (x - width / 2 - 4), round (y - height / 2 - 2),
                   ceil (width + 8), ceil (height + 4));
  set_source (cr, &frame->palette->edge_label_background, item->alpha);
  cairo_fill (cr);
  cairo_move_to (cr, round (x - ENT_LABEL_MAX_WIDTH / 2), round (y - height / 2));
  set_source (cr, &frame->palette->edge_label, item->alpha);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static const EdgeItem *
find_edge_item (Frame *frame,
                guint  index)
{
  if (index == ENT_RENDER_NONE)
    return NULL;
  for (guint i = 0; i < frame->edges->len; i++)
    if (g_array_index (frame->edges, EdgeItem, i).index == index)
      return &g_array_index (frame->edges, EdgeItem, i);
  return NULL;
}

static const NodeItem *
find_node_item (Frame *frame,
                guint  index)
{
  if (index == ENT_RENDER_NONE)
    return NULL;
  for (guint i = 0; i < frame->nodes->len; i++)
    if (g_array_index (frame->nodes, NodeItem, i).index == index)
      return &g_array_index (frame->nodes, NodeItem, i);
  return NULL;
}

/* Edge level of detail */

/* The length in device pixels of the part of the chord p→q inside @rect
 * (Liang–Barsky clipping). */
static double
clipped_length (EntPoint       p,
                EntPoint       q,
                const EntRect *rect)
{
  double t0 = 0, t1 = 1, dx = q.x - p.x, dy = q.y - p.y;
  double pk[4] = { -dx, dx, -dy, dy };
  double qk[4] = { p.x - rect->x, rect->x + rect->width - p.x,
                   p.y - rect->y, rect->y + rect->height - p.y };

  for (guint k = 0; k < 4; k++)
    {
      if (pk[k] == 0)
        {
          if (qk[k] < 0)
            return 0;
          continue;
        }
      if (pk[k] < 0)
        t0 = MAX (t0, qk[k] / pk[k]);
      else
        t1 = MIN (t1, qk[k] / pk[k]);
    }
  return t1 > t0 ? (t1 - t0) * sqrt (dx * dx + dy * dy) : 0;
}

typedef struct {
  guint  item;
  guint  rank;     /* 0: selected/hovered/highlighted; 1: the others */
  guint  weight;
  double length;
} EdgeCost;

static int
edge_cost_compare (gconstpointer a,
                   gconstpointer b)
{
  const EdgeCost *ea = a, *eb = b;

  if (ea->rank != eb->rank)
    return ea->rank < eb->rank ? -1 : 1;
  if (ea->weight != eb->weight)
    return ea->weight > eb->weight ? -1 : 1;
  if (ea->length != eb->length)
    return ea->length < eb->length ? -1 : 1;
  return ea->item < eb->item ? -1 : (ea->item > eb->item);
}

static gboolean
edge_is_marked (const Frame    *frame,
                const EdgeItem *item)
{
  const EntRenderState *state = frame->state;

  return state != NULL
         && (item->index == state->selected_edge || item->index == state->hover_edge
             || edge_highlight (frame, item->index) > 0);
}

/* Keeps the edges that fit the budget of the options, most telling first. */
static void
apply_edge_budget (Frame *frame)
{
  double budget = frame->options->max_edge_pixels;
  guint n = frame->edges->len;
  g_autofree EdgeCost *costs = NULL;
  g_autoptr(GArray) kept = NULL;
  double total = 0;

  if (budget <= 0 || n == 0)
    return;

  costs = g_new (EdgeCost, n);
  for (guint i = 0; i < n; i++)
    {
      const EdgeItem *item = &g_array_index (frame->edges, EdgeItem, i);
      const EntLayoutEdge *edge = item->edge;
      double length = 0;

      double pixels_wide = MAX (1.0, bucket_width (width_bucket (edge->weight)) * frame->scale);

      /* The chord of each Bézier segment: exact for straight edges, a
       * slight underestimate for curved ones. */
      for (guint k = 0; k + 3 < edge->n_points; k += 3)
        length += clipped_length (shifted (item, k), shifted (item, k + 3), &frame->visible);
      costs[i].item = i;
      costs[i].rank = edge_is_marked (frame, item) ? 0 : 1;
      costs[i].weight = edge->weight;
      costs[i].length = length * frame->scale * pixels_wide;
      total += costs[i].length;
    }
  if (total <= budget)
    return;

  qsort (costs, n, sizeof (EdgeCost), edge_cost_compare);
  kept = g_array_sized_new (FALSE, FALSE, sizeof (EdgeItem), n);
  total = 0;
  for (guint i = 0; i < n; i++)
    {
      if (costs[i].rank > 0 && total + costs[i].length > budget)
        continue;
      total += costs[i].length;
      g_array_append_val (kept, g_array_index (frame->edges, EdgeItem, costs[i].item));
    }
  g_array_unref (frame->edges);
  frame->edges = g_steal_pointer (&kept);
}

static void
frame_draw (Frame *frame)
{
  const EntRenderState *state = frame->state;
  const EdgeItem *hover_edge = NULL, *selected_edge = NULL;
  const NodeItem *hover_node = NULL, *selected_node = NULL;

  apply_edge_budget (frame);
  if (state != NULL)
    {
      hover_edge = find_edge_item (frame, state->hover_edge);
      selected_edge = find_edge_item (frame, state->selected_edge);
      hover_node = find_node_item (frame, state->hover_node);
      selected_node = find_node_item (frame, state->selected_node);
    }

  draw_edges (frame);
  if (hover_edge != NULL && hover_edge != selected_edge)
    draw_edge_emphasis (frame, hover_edge, &frame->palette->hover);
  if (selected_edge != NULL)
    draw_edge_emphasis (frame, selected_edge, &frame->palette->selection);

  draw_nodes (frame);
  if (hover_node != NULL && hover_node != selected_node)
    draw_node_outline (frame, hover_node, &frame->palette->hover, 2.0);
  if (selected_node != NULL)
    draw_node_outline (frame, selected_node, &frame->palette->selection, 3.0);

  draw_labels (frame);
  if (hover_edge != NULL && hover_edge != selected_edge)
    draw_edge_label (frame, hover_edge);
  if (selected_edge != NULL)
    draw_edge_label (frame, selected_edge);
}

static void
frame_begin (Frame *frame)
{
  cairo_t *cr = frame->cr;

  cairo_save (cr);
  cairo_set_antialias (cr, frame->options->antialias_fast ? CAIRO_ANTIALIAS_FAST : CAIRO_ANTIALIAS_DEFAULT);
  /* A quarter pixel of flattening error is invisible and halves the work. */
  cairo_set_tolerance (cr, 0.25);
  if (frame->options->draw_background)
    {
      cairo_rectangle (cr, frame->visible.x, frame->visible.y,
                       frame->visible.width, frame->visible.height);
      set_source (cr, &frame->palette->background, 1);
      cairo_fill (cr);
    }
}

void
ent_render_draw (cairo_t                *cr,
                 EntLayout              *layout,
                 const EntRenderOptions *options)
{
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
  Frame frame;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (options != NULL);

  frame_init (&frame, cr, options);
  frame.layout = layout;
  frame_begin (&frame);

  ent_layout_query_rect (layout, &frame.visible, nodes, edges);
  for (guint i = 0; i < nodes->len; i++)
    {
      guint index = g_array_index (nodes, guint, i);
      NodeItem item = { &layout->nodes[index], layout->nodes[index].x, layout->nodes[index].y, 1.0, index };

      g_array_append_val (frame.nodes, item);
    }
  for (guint i = 0; i < edges->len; i++)
    {
      guint index = g_array_index (edges, guint, i);
      EdgeItem item = { &layout->edges[index], { 0, 0 }, { 0, 0 }, 1.0, index };

      g_array_append_val (frame.edges, item);
    }

  frame_draw (&frame);
  cairo_restore (cr);
  frame_clear (&frame);
}

/* Transitions */

/* The node of @b showing the same entity as node @node of @a. */
static gboolean
corresponding_node (EntLayout *a,
                    guint      node,
                    EntLayout *b,
                    guint     *out)
{
  EntGraph *graph_a = ent_view_get_graph (a->view);
  EntGraph *graph_b = ent_view_get_graph (b->view);
  guint entity = a->nodes[node].entity;

  if (graph_a != graph_b
      && !ent_graph_lookup_entity_id (graph_b, ent_graph_get_entity (graph_a, entity)->id, &entity))
    return FALSE;
  return ent_layout_lookup_entity (b, entity, out);
}

static gboolean
corresponding_edge (EntLayout *a,
                    guint      edge,
                    EntLayout *b)
{
  EntGraph *graph_a = ent_view_get_graph (a->view);
  EntGraph *graph_b = ent_view_get_graph (b->view);
  guint relation = a->edges[edge].relation;

  if (graph_a != graph_b)
    {
      gint64 id = ent_graph_get_relation (graph_a, relation)->id;

      /* Relations have no id index: a reloaded graph animates its edges as new. */
      for (guint i = 0; i < b->n_edges; i++)
        if (ent_graph_get_relation (graph_b, b->edges[i].relation)->id == id)
          return TRUE;
      return FALSE;
    }
  return ent_layout_lookup_relation (b, relation, NULL);
}

static gboolean
item_visible (const Frame         *frame,
              const EntLayoutNode *node,
              double               x,
              double               y)
{
  EntRect box = { x - node->width / 2, y - node->height / 2, node->width, node->height };

  return ent_rect_intersects (&box, &frame->visible);
}

static gboolean
shifted_edge_visible (const Frame    *frame,
                      const EdgeItem *item)
{
  EntRect box = item->edge->bounds;
  double dx0 = MIN (item->shift_source.x, item->shift_target.x);
  double dy0 = MIN (item->shift_source.y, item->shift_target.y);
  double dx1 = MAX (item->shift_source.x, item->shift_target.x);
  double dy1 = MAX (item->shift_source.y, item->shift_target.y);

  box.x += dx0;
  box.y += dy0;
  box.width += dx1 - dx0;
  box.height += dy1 - dy0;
  return ent_rect_intersects (&box, &frame->visible);
}

/* Positions of the nodes of @to at time @t; @shift receives the offset from
 * their final place (the edges follow it). */
static void
transition_nodes (Frame     *frame,
                  EntLayout *from,
                  EntLayout *to,
                  double     t,
                  EntPoint  *shift)
{
  for (guint i = 0; i < to->n_nodes; i++)
    {
      const EntLayoutNode *node = &to->nodes[i];
      NodeItem item = { node, node->x, node->y, t, i };
      guint j;

      if (from != NULL && corresponding_node (to, i, from, &j))
        {
          item.x = from->nodes[j].x + (node->x - from->nodes[j].x) * t;
          item.y = from->nodes[j].y + (node->y - from->nodes[j].y) * t;
          item.alpha = 1;
        }
      shift[i].x = item.x - node->x;
      shift[i].y = item.y - node->y;
      if (item_visible (frame, node, item.x, item.y))
        g_array_append_val (frame->nodes, item);
    }
}

/* What only @from has fades out, following the nodes that stay. */
static void
transition_leaving (Frame          *frame,
                    EntLayout      *from,
                    EntLayout      *to,
                    double          t,
                    const EntPoint *shift)
{
  g_autofree EntPoint *from_shift = g_new0 (EntPoint, MAX (from->n_nodes, 1));

  for (guint j = 0; j < from->n_nodes; j++)
    {
      const EntLayoutNode *node = &from->nodes[j];
      guint i;

      if (corresponding_node (from, j, to, &i))
        {
          from_shift[j].x = to->nodes[i].x + shift[i].x - node->x;
          from_shift[j].y = to->nodes[i].y + shift[i].y - node->y;
          continue;
        }
      if (item_visible (frame, node, node->x, node->y))
        {
          NodeItem item = { node, node->x, node->y, 1 - t, ENT_RENDER_NONE };

          g_array_append_val (frame->nodes, item);
        }
    }

  for (guint j = 0; j < from->n_edges; j++)
    {
      const EntLayoutEdge *edge = &from->edges[j];
      EdgeItem item = { edge, from_shift[edge->source], from_shift[edge->target], 1 - t, ENT_RENDER_NONE };

      if (!corresponding_edge (from, j, to) && shifted_edge_visible (frame, &item))
        g_array_append_val (frame->edges, item);
    }
}

void
ent_render_draw_transition (cairo_t                *cr,
                            EntLayout              *from,
                            EntLayout              *to,
                            double                  t,
                            const EntRenderOptions *options)
{
  g_autofree EntPoint *shift = NULL;
  g_autoptr(GArray) leaving_nodes = NULL;
  Frame frame;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (to != NULL);
  g_return_if_fail (options != NULL);

  t = CLAMP (t, 0.0, 1.0);
  if (t >= 1.0 || from == to)
    {
      ent_render_draw (cr, to, options);
      return;
    }

  frame_init (&frame, cr, options);
  frame.layout = to;
  frame_begin (&frame);

  shift = g_new0 (EntPoint, MAX (to->n_nodes, 1));
  transition_nodes (&frame, from, to, t, shift);
  if (from != NULL)
    {
      /* Leaving nodes go under the others: draw them first. */
      leaving_nodes = g_steal_pointer (&frame.nodes);
      frame.nodes = g_array_new (FALSE, FALSE, sizeof (NodeItem));
      transition_leaving (&frame, from, to, t, shift);
      g_array_append_vals (frame.nodes, leaving_nodes->data, leaving_nodes->len);
    }

  for (guint i = 0; i < to->n_edges; i++)
    {
      const EntLayoutEdge *edge = &to->edges[i];
      gboolean stays = from != NULL && corresponding_edge (to, i, from);
      EdgeItem item = { edge, shift[edge->source], shift[edge->target], stays ? 1 : t, i };

      if (shifted_edge_visible (&frame, &item))
        g_array_append_val (frame.edges, item);
    }

  frame_draw (&frame);
  cairo_restore (cr);
  frame_clear (&frame);
}

cairo_surface_t *
ent_render_to_image (EntLayout              *layout,
                     EntLayout              *from,
                     double                  t,
                     const EntRenderOptions *options,
                     const EntRect          *rect,
                     double                  scale)
{
  cairo_surface_t *surface;
  EntRenderOptions local;
  cairo_t *cr;
  int width, height;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (rect != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  width = (int) CLAMP (ceil (rect->width * scale), 1, 32767);
  height = (int) CLAMP (ceil (rect->height * scale), 1, 32767);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -rect->x, -rect->y);

  local = *options;
  local.visible = *rect;
  if (from != NULL)
    ent_render_draw_transition (cr, from, layout, t, &local);
  else
    ent_render_draw (cr, layout, &local);

  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Legend */

#define LEGEND_PAD    8.0
#define LEGEND_ROW    20.0
#define LEGEND_ICON_W 26.0
#define LEGEND_ICON_H 14.0
#define LEGEND_GAP    8.0

typedef struct {
  gboolean types[ENT_N_ENTITY_TYPES];
  gboolean directed;
  gboolean symmetric;
  guint    rows;
} LegendContent;

static void
legend_content (EntLayout     *layout,
                LegendContent *content)
{
  memset (content, 0, sizeof *content);
  for (guint i = 0; i < layout->n_nodes; i++)
    content->types[layout->nodes[i].type] = TRUE;
  for (guint i = 0; i < layout->n_edges; i++)
    {
      content->directed |= layout->edges[i].directed;
      content->symmetric |= !layout->edges[i].directed;
    }
  for (guint i = 0; i < ENT_N_ENTITY_TYPES; i++)
    content->rows += content->types[i];
  content->rows += content->directed + content->symmetric;
}

static const char *
legend_edge_text (gboolean directed)
{
  return directed ? _("One-way relation") : _("Mutual relation");
}

static double
legend_text_width (PangoLayout         *layout,
                   const LegendContent *content)
{
  double widest = 0, width, height;

  for (guint i = 0; i < ENT_N_ENTITY_TYPES + 2; i++)
    {
      const char *text;

      if (i < ENT_N_ENTITY_TYPES)
        text = content->types[i] ? ent_entity_type_to_label (i) : NULL;
      else
        text = (i == ENT_N_ENTITY_TYPES ? content->directed : content->symmetric)
               ? legend_edge_text (i == ENT_N_ENTITY_TYPES) : NULL;
      if (text == NULL)
        continue;
      ent_label_layout_set (layout, text);
      ent_label_layout_size (layout, &width, &height);
      widest = MAX (widest, width);
    }

  return widest;
}

void
ent_render_legend_size (EntLayout        *layout,
                        const EntPalette *palette,
                        double           *width,
                        double           *height)
{
  PangoContext *context = NULL;
  g_autoptr(PangoLayout) text = NULL;
  LegendContent content;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (width != NULL && height != NULL);

  legend_content (layout, &content);
  if (content.rows == 0)
    {
      *width = *height = 0;
      return;
    }

  context = ent_label_context_new (NULL);
  text = ent_label_layout_new (context, LEGEND_FONT, "");
  g_object_unref (context);
  *width = ceil (2 * LEGEND_PAD + LEGEND_ICON_W + LEGEND_GAP + legend_text_width (text, &content));
  *height = 2 * LEGEND_PAD + content.rows * LEGEND_ROW;
}

static void
legend_row_text (cairo_t          *cr,
                 PangoLayout      *layout,
                 const EntPalette *palette,
                 const char       *text,
                 double            x,
                 double            y)
{
  double width, height;

  ent_label_layout_set (layout, text);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  ent_label_layout_size (layout, &width, &height);
  cairo_move_to (cr, x, y + (LEGEND_ROW - height) / 2);
  set_source (cr, &palette->foreground, 1);
  pango_cairo_show_layout (cr, layout);
}

static void
legend_edge_icon (cairo_t          *cr,
                  const EntPalette *palette,
                  gboolean          directed,
                  double            x,
                  double            y)
{
  double mid = y + LEGEND_ROW / 2;

  cairo_new_path (cr);
  cairo_move_to (cr, x + 1, mid);
  cairo_line_to (cr, x + LEGEND_ICON_W - (directed ? ENT_LAYOUT_ARROW_LENGTH : 1), mid);
  set_source (cr, &palette->edge, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  if (!directed)
    return;
  cairo_move_to (cr, x + LEGEND_ICON_W, mid);
  cairo_line_to (cr, x + LEGEND_ICON_W - ENT_LAYOUT_ARROW_LENGTH, mid - ENT_LAYOUT_ARROW_WIDTH / 2);
  cairo_line_to (cr, x + LEGEND_ICON_W - ENT_LAYOUT_ARROW_LENGTH, mid + ENT_LAYOUT_ARROW_WIDTH / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
}

void
ent_render_draw_legend (cairo_t          *cr,
                        EntLayout        *layout,
                        const EntPalette *palette,
                        double            x,
                        double            y)
{
  PangoContext *context = NULL;
  g_autoptr(PangoLayout) text = NULL;
  LegendContent content;
  double width, height, row_y;
  double icon_x = x + LEGEND_PAD, text_x = icon_x + LEGEND_ICON_W + LEGEND_GAP;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (palette != NULL);

  ent_render_legend_size (layout, palette, &width, &height);
  if (width <= 0)
    return;
  legend_content (layout, &content);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, x + 0.5, y + 0.5, width - 1, height - 1);
  set_source (cr, &palette->background, 0.92);
  cairo_fill_preserve (cr);
  set_source (cr, &palette->foreground, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  context = ent_label_context_new (cr);
  text = ent_label_layout_new (context, LEGEND_FONT, "");
  g_object_unref (context);
  /* Left-aligned text drawn from text_x needs the layout's box to start there. */
  pango_layout_set_width (text, -1);
  row_y = y + LEGEND_PAD;
  for (guint i = 0; i < ENT_N_ENTITY_TYPES; i++)
    {
      EntNodeShape shape = ent_node_shape_for_type (i);

      if (!content.types[i])
        continue;
      cairo_new_path (cr);
      ent_shape_append_path (cr, shape, icon_x + LEGEND_ICON_W / 2, row_y + LEGEND_ROW / 2,
                             LEGEND_ICON_W - 2, LEGEND_ICON_H);
      set_source (cr, &palette->node_fill[i], 1);
      cairo_fill_preserve (cr);
      set_source (cr, &palette->node_stroke[i], 1);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
      legend_row_text (cr, text, palette, ent_entity_type_to_label (i), text_x, row_y);
      row_y += LEGEND_ROW;
    }
  for (guint d = 0; d < 2; d++)
    {
      gboolean directed = d == 0;

      if (!(directed ? content.directed : content.symmetric))
        continue;
      legend_edge_icon (cr, palette, directed, icon_x, row_y);
      legend_row_text (cr, text, palette, legend_edge_text (directed), text_x, row_y);
      row_y += LEGEND_ROW;
    }
  cairo_restore (cr);
}

void
ent_render_shape_path (cairo_t      *cr,
                       EntNodeShape  shape,
                       double        x,
                       double        y,
                       double        width,
                       double        height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (shape < ENT_N_NODE_SHAPES);

  ent_shape_append_path (cr, shape, x, y, width, height);
}
