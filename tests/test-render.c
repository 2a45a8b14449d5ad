/* test-render.c — drawing a layout with cairo: colours, culling, state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-render"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ent-layout.h"
#include "ent-render.h"
#include "ent-view.h"

static EntGraph *
small_graph (void)
{
  EntGraph *graph = ent_graph_new ();
  guint doc = ent_graph_add_document (graph, 1, "Visit", NULL, NULL, NULL);
  static const struct { EntEntityType type; const char *name; } entities[] = {
    { ENT_ENTITY_PERSON, "Alexander Lukashenko" }, { ENT_ENTITY_PERSON, "Ebrahim Raisi" },
    { ENT_ENTITY_COUNTRY, "Belarus" }, { ENT_ENTITY_COUNTRY, "Iran" },
    { ENT_ENTITY_ORGANIZATION, "Shanghai Cooperation Organisation" },
    { ENT_ENTITY_AGREEMENT, "Cooperation roadmap" }, { ENT_ENTITY_PLACE, "Tehran" },
    { ENT_ENTITY_PROJECT, "North-South corridor" }, { ENT_ENTITY_EVENT, "State visit" },
  };
  static const struct { EntRelationType type; guint s, t; } relations[] = {
    { ENT_RELATION_HOLDS_OFFICE, 0, 2 }, { ENT_RELATION_HOLDS_OFFICE, 1, 3 },
    { ENT_RELATION_MET, 0, 1 }, { ENT_RELATION_VISITED, 0, 6 }, { ENT_RELATION_SIGNED, 0, 5 },
    { ENT_RELATION_SIGNED, 1, 5 }, { ENT_RELATION_MEMBER_OF, 3, 4 },
    { ENT_RELATION_LOCATED_IN, 6, 3 }, { ENT_RELATION_INVOLVES, 7, 3 },
    { ENT_RELATION_INVOLVES, 8, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    ent_graph_add_entity (graph, i + 1, entities[i].type, entities[i].name, 1);
  for (guint i = 0; i < G_N_ELEMENTS (relations); i++)
    {
      guint r = ent_graph_add_relation (graph, i + 1, relations[i].type, relations[i].s, relations[i].t);

      ent_graph_relation_add_evidence (graph, r, doc, 0, 1, "x");
    }
  ent_graph_finish (graph);
  return graph;
}

static EntLayout *
small_layout (void)
{
  g_autoptr(EntGraph) graph = small_graph ();
  g_autoptr(EntView) view = ent_view_new_all (graph, NULL);
  g_autoptr(GError) error = NULL;
  EntLayout *layout = ent_layout_compute (view, ENT_LAYOUT_NEATO, NULL, &error);

  g_assert_no_error (error);
  return layout;
}

typedef struct {
  cairo_surface_t *surface;
  cairo_t         *cr;
} Canvas;

/* A canvas of the layout's size, one pixel per point, background painted. */
static void
canvas_init (Canvas           *canvas,
             EntLayout        *layout,
             const EntPalette *palette)
{
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                (int) ceil (layout->bounds.width),
                                                (int) ceil (layout->bounds.height));
  canvas->cr = cairo_create (canvas->surface);
  cairo_set_source_rgb (canvas->cr, palette->background.red, palette->background.green,
                        palette->background.blue);
  cairo_paint (canvas->cr);
}

static void
canvas_clear (Canvas *canvas)
{
  cairo_destroy (canvas->cr);
  cairo_surface_destroy (canvas->surface);
}

static void
pixel_at (Canvas   *canvas,
          double    x,
          double    y,
          EntColor *color)
{
  unsigned char *data;
  guint32 pixel;
  int stride;

  cairo_surface_flush (canvas->surface);
  data = cairo_image_surface_get_data (canvas->surface);
  stride = cairo_image_surface_get_stride (canvas->surface);
  pixel = *(guint32 *) (data + (int) y * stride + (int) x * 4);
  color->red = ((pixel >> 16) & 0xff) / 255.0;
  color->green = ((pixel >> 8) & 0xff) / 255.0;
  color->blue = (pixel & 0xff) / 255.0;
  color->alpha = ((pixel >> 24) & 0xff) / 255.0;
}

static gboolean
same_color (const EntColor *a,
            const EntColor *b)
{
  return fabs (a->red - b->red) < 0.02 && fabs (a->green - b->green) < 0.02
         && fabs (a->blue - b->blue) < 0.02;
}

static gboolean
pixel_is (Canvas         *canvas,
          double          x,
          double          y,
          const EntColor *expected)
{
  EntColor color;

  pixel_at (canvas, x, y, &color);
  return same_color (&color, expected);
}

static double
luminance (const EntColor *c)
{
  double channel[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    channel[i] = channel[i] <= 0.03928 ? channel[i] / 12.92 : pow ((channel[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

static double
contrast (const EntColor *a,
          const EntColor *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
test_palettes (void)
{
  const EntPalette *light = ent_palette_get (ENT_PALETTE_LIGHT);
  const EntPalette *dark = ent_palette_get (ENT_PALETTE_DARK);

  g_assert_false (same_color (&light->background, &dark->background));
  g_assert_cmpfloat (luminance (&light->background), >, luminance (&dark->background));
  for (guint p = 0; p < ENT_N_PALETTES; p++)
    {
      const EntPalette *palette = ent_palette_get (p);

      /* WCAG AA for labels on every node, and a title readable on the page. */
      g_assert_cmpfloat (contrast (&palette->foreground, &palette->background), >=, 7.0);
      for (guint i = 0; i < ENT_N_ENTITY_TYPES; i++)
        {
          g_assert_cmpfloat (contrast (&palette->node_text[i], &palette->node_fill[i]), >=, 4.5);
          g_assert_false (same_color (&light->node_fill[i], &dark->node_fill[i]));
          for (guint j = 0; j < i; j++)
            g_assert_false (same_color (&palette->node_fill[i], &palette->node_fill[j]));
        }
    }
}

/* A point well inside the node's shape, below its label. */
static void
inner_point (const EntLayoutNode *node,
             double              *x,
             double              *y)
{
  *x = node->x;
  *y = node->y + node->height * 0.3;
}

static void
draw_plain (Canvas                 *canvas,
            EntLayout              *layout,
            const EntRenderOptions *options)
{
  ent_render_draw (canvas->cr, layout, options);
}

static void
test_fill_colours (void)
{
  g_autoptr(EntLayout) layout = small_layout ();

  for (EntPaletteKind kind = 0; kind < ENT_N_PALETTES; kind++)
    {
      EntRenderOptions options;
      Canvas canvas;

      ent_render_options_init (&options, kind);
      options.label_min_scale = 1000;  /* no labels over the centres */
      canvas_init (&canvas, layout, options.palette);
      draw_plain (&canvas, layout, &options);

      for (guint i = 0; i < layout->n_nodes; i++)
        {
          const EntLayoutNode *node = &layout->nodes[i];

          double x, y;

          g_assert_true (pixel_is (&canvas, node->x, node->y, &options.palette->node_fill[node->type]));
          inner_point (node, &x, &y);
          g_assert_true (pixel_is (&canvas, x, y, &options.palette->node_fill[node->type]));
        }
      /* The corner is margin: background. */
      g_assert_true (pixel_is (&canvas, 1, 1, &options.palette->background));
      canvas_clear (&canvas);
    }
}

/* Counts the pixels of the canvas under @rect that are (@like) or are not
 * @color. Both counts walk the same pixels: the unlike count used to be the
 * rectangle's area less the like count, but a rectangle at a fractional x
 * covers one column more than its truncated width, so with a font whose
 * labels measure differently the difference went below zero and wrapped
 * to 4294967286. Pixels off the canvas are not read. */
static guint
count_pixels (Canvas         *canvas,
              const EntRect  *rect,
              const EntColor *color,
              gboolean        like)
{
  int width = cairo_image_surface_get_width (canvas->surface);
  int height = cairo_image_surface_get_height (canvas->surface);
  guint n = 0;

  for (int y = MAX ((int) rect->y, 0); y < MIN ((int) (rect->y + rect->height), height); y++)
    for (int x = MAX ((int) rect->x, 0); x < MIN ((int) (rect->x + rect->width), width); x++)
      n += pixel_is (canvas, x, y, color) == like;
  return n;
}

static guint
count_pixels_of (Canvas         *canvas,
                 const EntRect  *rect,
                 const EntColor *color)
{
  return count_pixels (canvas, rect, color, TRUE);
}

static guint
count_pixels_unlike (Canvas         *canvas,
                     const EntRect  *rect,
                     const EntColor *color)
{
  return count_pixels (canvas, rect, color, FALSE);
}

static void
test_labels_level_of_detail (void)
{
  g_autoptr(EntLayout) layout = small_layout ();
  const EntLayoutNode *node = &layout->nodes[0];
  EntRect label = { node->x - node->label_width / 2, node->y - 5, node->label_width, 10 };
  const EntColor *fill = &ent_palette_get (ENT_PALETTE_LIGHT)->node_fill[node->type];
  EntRenderOptions options;
  Canvas near, far;
  guint text_near, text_far;

  ent_render_options_init (&options, ENT_PALETTE_LIGHT);
  canvas_init (&near, layout, options.palette);
  draw_plain (&near, layout, &options);
  text_near = count_pixels_unlike (&near, &label, fill);

  /* Below the threshold scale: shapes only. */
  canvas_init (&far, layout, options.palette);
  options.label_min_scale = 2.0;
  draw_plain (&far, layout, &options);
  text_far = count_pixels_unlike (&far, &label, fill);

  g_test_message ("label pixels: %u with labels, %u without", text_near, text_far);
  g_assert_cmpuint (text_near, >, 100);
  g_assert_cmpuint (text_far, ==, 0);
  canvas_clear (&near);
  canvas_clear (&far);
}

static void
test_culling (void)
{
  g_autoptr(EntLayout) layout = small_layout ();
  const EntLayoutNode *kept = &layout->nodes[3];
  EntRenderOptions options;
  Canvas canvas, empty;
  EntRect around = { kept->x - 2, kept->y - 2, 4, 4 };
  EntRect nowhere = { 0, 0, 3, 3 };
  EntRect everything = { 0, 0, ceil (layout->bounds.width), ceil (layout->bounds.height) };

  ent_render_options_init (&options, ENT_PALETTE_LIGHT);
  options.label_min_scale = 1000;

  /* Only what meets the visible rectangle is drawn, clip or not. */
  canvas_init (&canvas, layout, options.palette);
  options.visible = around;
  draw_plain (&canvas, layout, &options);
  g_assert_true (pixel_is (&canvas, kept->x, kept->y, &options.palette->node_fill[kept->type]));
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const EntLayoutNode *node = &layout->nodes[i];
      EntRect box;

      ent_layout_node_bounds (layout, i, &box);
      if (ent_rect_intersects (&box, &around))
        continue;
      g_assert_false (pixel_is (&canvas, node->x, node->y, &options.palette->node_fill[node->type]));
    }

  /* An empty corner: not one pixel changes. */
  canvas_init (&empty, layout, options.palette);
  options.visible = nowhere;
  draw_plain (&empty, layout, &options);
  g_assert_cmpuint (count_pixels_of (&empty, &everything, &options.palette->background), ==,
                    (guint) ((int) ceil (layout->bounds.width) * (int) ceil (layout->bounds.height)));

  /* With no explicit rectangle, the clip decides. */
  canvas_clear (&empty);
  canvas_init (&empty, layout, options.palette);
  options.visible.width = 0;
  cairo_rectangle (empty.cr, 0, 0, 3, 3);
  cairo_clip (empty.cr);
  draw_plain (&empty, layout, &options);
  cairo_reset_clip (empty.cr);
  g_assert_cmpuint (count_pixels_of (&empty, &everything, &options.palette->background), ==,
                    (guint) ((int) ceil (layout->bounds.width) * (int) ceil (layout->bounds.height)));

  canvas_clear (&canvas);
  canvas_clear (&empty);
}

static void
test_state (void)
{
  g_autoptr(EntLayout) layout = small_layout ();
  EntRenderOptions options;
  EntRenderState state;
  Canvas canvas;
  guint focus = 0, far = ENT_RENDER_NONE;
  const EntLayoutNode *node = &layout->nodes[focus];
  EntColor dimmed;

  ent_render_options_init (&options, ENT_PALETTE_LIGHT);
  options.label_min_scale = 1000;
  ent_render_state_init (&state);
  state.selected_node = focus;
  ent_render_state_highlight_neighbourhood (&state, layout, focus);
  options.state = &state;

  /* A node outside the neighbourhood of the selected one. */
  for (guint i = 0; i < layout->n_nodes && far == ENT_RENDER_NONE; i++)
    if (!state.highlight_nodes[i])
      far = i;
  g_assert_cmpuint (far, !=, ENT_RENDER_NONE);
  g_assert_true (state.highlight_nodes[focus]);

  canvas_init (&canvas, layout, options.palette);
  draw_plain (&canvas, layout, &options);

  /* Selection: an outline just outside the shape's left end. */
  g_assert_true (pixel_is (&canvas, node->x - node->width / 2 - 3, node->y, &options.palette->selection));
  g_assert_true (pixel_is (&canvas, node->x, node->y, &options.palette->node_fill[node->type]));

  /* Outside the highlight: faded towards the background. */
  pixel_at (&canvas, layout->nodes[far].x, layout->nodes[far].y, &dimmed);
  g_assert_false (same_color (&dimmed, &options.palette->node_fill[layout->nodes[far].type]));
  g_assert_cmpfloat (contrast (&dimmed, &options.palette->background), <,
                     contrast (&options.palette->node_fill[layout->nodes[far].type], &options.palette->background));

  ent_render_state_clear (&state);
  g_assert_null (state.highlight_nodes);
  g_assert_cmpuint (state.selected_node, ==, ENT_RENDER_NONE);
  canvas_clear (&canvas);
}

static gboolean
surfaces_equal (cairo_surface_t *a,
                cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) height * stride) == 0;
}

static void
test_transition (void)
{
  g_autoptr(EntGraph) graph = small_graph ();
  g_autoptr(EntView) before_view = ent_view_new_focus (graph, NULL, 0, 1);
  g_autoptr(EntView) after_view = ent_view_expand (before_view, 1);
  g_autoptr(EntLayout) before = ent_layout_compute (before_view, ENT_LAYOUT_NEATO, NULL, NULL);
  g_autoptr(EntLayout) after = ent_layout_compute (after_view, ENT_LAYOUT_NEATO, NULL, NULL);
  g_autoptr(GArray) added = ent_view_diff_new_entities (after_view, before_view);
  EntRenderOptions options;
  Canvas end, plain, start;
  guint new_node, old_in_after, old_in_before;

  ent_render_options_init (&options, ENT_PALETTE_LIGHT);
  options.label_min_scale = 1000;
  g_assert_cmpuint (added->len, >, 0);

  /* t = 1 is exactly the plain drawing of the new layout. */
  canvas_init (&end, after, options.palette);
  canvas_init (&plain, after, options.palette);
  ent_render_draw_transition (end.cr, before, after, 1.0, &options);
  draw_plain (&plain, after, &options);
  g_assert_true (surfaces_equal (end.surface, plain.surface));

  /* t = 0: old nodes where they were, new ones not there yet. */
  g_assert_true (ent_layout_lookup_entity (after, g_array_index (added, guint, 0), &new_node));
  g_assert_true (ent_layout_lookup_entity (after, 0, &old_in_after));
  g_assert_true (ent_layout_lookup_entity (before, 0, &old_in_before));
  canvas_init (&start, after, options.palette);
  ent_render_draw_transition (start.cr, before, after, 0.0, &options);
  if (before->nodes[old_in_before].x < after->bounds.width && before->nodes[old_in_before].y < after->bounds.height)
    g_assert_true (pixel_is (&start, before->nodes[old_in_before].x, before->nodes[old_in_before].y,
                             &options.palette->node_fill[before->nodes[old_in_before].type]));
  g_assert_false (pixel_is (&start, after->nodes[new_node].x, after->nodes[new_node].y,
                            &options.palette->node_fill[after->nodes[new_node].type]));

  canvas_clear (&end);
  canvas_clear (&plain);
  canvas_clear (&start);
}

static void
test_legend (void)
{
  g_autoptr(EntLayout) layout = small_layout ();
  g_autoptr(EntGraph) people = ent_graph_new ();
  g_autoptr(EntView) people_view = NULL;
  g_autoptr(EntLayout) people_layout = NULL;
  const EntPalette *palette = ent_palette_get (ENT_PALETTE_LIGHT);
  double width, height, small_width, small_height;
  cairo_surface_t *surface;
  cairo_t *cr;
  EntRect box;
  Canvas canvas;

  ent_graph_add_entity (people, 1, ENT_ENTITY_PERSON, "One", 1);
  ent_graph_add_entity (people, 2, ENT_ENTITY_PERSON, "Two", 1);
  ent_graph_finish (people);
  people_view = ent_view_new_all (people, NULL);
  people_layout = ent_layout_compute (people_view, ENT_LAYOUT_NEATO, NULL, NULL);

  ent_render_legend_size (layout, palette, &width, &height);
  ent_render_legend_size (people_layout, palette, &small_width, &small_height);
  g_assert_cmpfloat (width, >, 40);
  /* One row per type present (and per edge style): seven types and arrows
   * need more room than one type alone. */
  g_assert_cmpfloat (height, >, 3 * small_height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width + 10, (int) height + 10);
  cr = cairo_create (surface);
  canvas.surface = surface;
  canvas.cr = cr;
  ent_render_draw_legend (cr, layout, palette, 5, 5);
  /* The swatches are in the type colours. */
  box.x = 5;
  box.y = 5;
  box.width = width;
  box.height = height;
  for (guint i = 0; i < ENT_N_ENTITY_TYPES; i++)
    g_assert_cmpuint (count_pixels_of (&canvas, &box, &palette->node_fill[i]), >, 20);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_shape_path (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 10, 10);
  cairo_t *cr = cairo_create (surface);

  for (guint shape = 0; shape < ENT_N_NODE_SHAPES; shape++)
    {
      double x0, y0, x1, y1;

      cairo_new_path (cr);
      ent_render_shape_path (cr, shape, 50, 40, 60, 20);
      cairo_path_extents (cr, &x0, &y0, &x1, &y1);
      g_assert_cmpfloat (fabs (x0 - 20), <, 0.5);
      g_assert_cmpfloat (fabs (x1 - 80), <, 0.5);
      g_assert_cmpfloat (fabs (y0 - 30), <, 0.5);
      g_assert_cmpfloat (fabs (y1 - 50), <, 0.5);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Mean absolute difference per channel, in 0..255. */
static double
mean_difference (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *pa, *pb;
  double sum = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  pa = cairo_image_surface_get_data (a);
  pb = cairo_image_surface_get_data (b);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 4; x++)
      sum += abs ((int) pa[y * stride + x] - (int) pb[y * stride + x]);
  return sum / ((double) width * height * 4);
}

/* Draws @layout at @zoom on a fresh image surface, either directly (the
 * renderer writes pixels itself) or through a recording surface (cairo
 * draws everything), with an optional device scale (HiDPI) and group. */
static cairo_surface_t *
draw_at (EntLayout *layout,
         double     zoom,
         gboolean   through_cairo,
         double     device_scale,
         gboolean   in_group)
{
  int width = (int) ceil (layout->bounds.width * zoom * device_scale);
  int height = (int) ceil (layout->bounds.height * zoom * device_scale);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_t *target = image;
  EntRenderOptions options;
  cairo_t *cr;

  cairo_surface_set_device_scale (image, device_scale, device_scale);
  if (through_cairo)
    {
      cairo_rectangle_t extents = { 0, 0, width / device_scale, height / device_scale };

      target = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
    }

  cr = cairo_create (target);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (in_group)
    cairo_push_group (cr);
  cairo_scale (cr, zoom, zoom);
  ent_render_options_init (&options, ENT_PALETTE_LIGHT);
  options.label_min_scale = 1000;
  ent_render_draw (cr, layout, &options);
  if (in_group)
    {
      cairo_pop_group_to_source (cr);
      cairo_identity_matrix (cr);
      cairo_paint (cr);
    }
  cairo_destroy (cr);

  if (through_cairo)
    {
      cr = cairo_create (image);
      cairo_set_source_surface (cr, target, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (target);
    }
  return image;
}

static void
test_fast_path_matches_cairo (void)
{
  g_autoptr(EntLayout) layout = small_layout ();
  const struct { double zoom, device_scale; gboolean group; } cases[] = {
    { 1.0, 1.0, FALSE }, { 0.3, 1.0, FALSE }, { 0.15, 1.0, FALSE },
    { 0.5, 2.0, FALSE }, { 0.7, 1.0, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cairo_surface_t *fast = draw_at (layout, cases[i].zoom, FALSE, cases[i].device_scale, cases[i].group);
      cairo_surface_t *slow = draw_at (layout, cases[i].zoom, TRUE, cases[i].device_scale, cases[i].group);
      double difference = mean_difference (fast, slow);

      /* Same shapes at the same places: only anti-aliasing and the
       * polygonal ellipses differ, by well under a level on average. */
      g_test_message ("zoom %.2f scale %.0f group %d: mean difference %.2f",
                      cases[i].zoom, cases[i].device_scale, cases[i].group, difference);
      g_assert_cmpfloat (difference, <, 0.7);
      cairo_surface_destroy (fast);
      cairo_surface_destroy (slow);
    }
}

/* Moving everything off by a few pixels must show: the comparison above
 * would catch a misplaced fast path. */
static void
test_difference_detects_shift (void)
{
  g_autoptr(EntLayout) layout = small_layout ();
  cairo_surface_t *a = draw_at (layout, 1.0, FALSE, 1.0, FALSE);
  cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                   cairo_image_surface_get_width (a),
                                                   cairo_image_surface_get_height (a));
  cairo_t *cr = cairo_create (b);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_surface (cr, a, 6, 4);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpfloat (mean_difference (a, b), >, 0.7);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_to_image (void)
{
  g_autoptr(EntLayout) layout = small_layout ();
  const EntLayoutNode *node = &layout->nodes[2];
  EntRect rect = { node->x - 40, node->y - 20, 80, 40 };
  EntRenderOptions options;
  cairo_surface_t *image;
  Canvas canvas;

  ent_render_options_init (&options, ENT_PALETTE_DARK);
  options.label_min_scale = 1000;
  options.draw_background = TRUE;
  image = ent_render_to_image (layout, NULL, 1.0, &options, &rect, 2.0);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 160);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 80);
  canvas.surface = image;
  canvas.cr = NULL;
  /* The node sits in the middle of the picture, at twice the size. */
  g_assert_true (pixel_is (&canvas, 80, 40, &options.palette->node_fill[node->type]));
  cairo_surface_destroy (image);

  /* A transition frame at t = 0 with the layout itself as "from" is the
   * plain picture. */
  image = ent_render_to_image (layout, layout, 0.0, &options, &rect, 1.0);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 80);
  canvas.surface = image;
  g_assert_true (pixel_is (&canvas, 40, 20, &options.palette->node_fill[node->type]));
  cairo_surface_destroy (image);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/render/palettes", test_palettes);
  g_test_add_func ("/entente/render/fill-colours", test_fill_colours);
  g_test_add_func ("/entente/render/labels-lod", test_labels_level_of_detail);
  g_test_add_func ("/entente/render/culling", test_culling);
  g_test_add_func ("/entente/render/state", test_state);
  g_test_add_func ("/entente/render/transition", test_transition);
  g_test_add_func ("/entente/render/legend", test_legend);
  g_test_add_func ("/entente/render/shape-path", test_shape_path);
  g_test_add_func ("/entente/render/fast-path-matches-cairo", test_fast_path_matches_cairo);
  g_test_add_func ("/entente/render/difference-detects-shift", test_difference_detects_shift);
  g_test_add_func ("/entente/render/to-image", test_to_image);

  return g_test_run ();
}
