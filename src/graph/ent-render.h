/* ent-render.h — one cairo drawing function for the canvas widget and exports.
 *
 * ent_render_draw() draws a layout in layout coordinates (points, see
 * ent-layout.h): the caller sets the cairo transformation (pan and zoom) and
 * the clip. Only what intersects the visible rectangle is drawn (by default
 * the clip extents), and detail follows the zoom: labels appear above a scale
 * threshold, arrowheads and outlines when they are big enough to see. This is
 * what keeps 5,000 nodes at 60 frames per second.
 *
 * Colours come from a palette for light or dark backgrounds built on the
 * Okabe–Ito colour-blind-safe set, with text contrast of at least 4.5:1 on
 * every node fill.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ent-layout.h"

G_BEGIN_DECLS

#define ENT_RENDER_NONE ENT_LAYOUT_NONE

typedef struct {
  double red, green, blue, alpha;
} EntColor;

typedef enum {
  ENT_PALETTE_LIGHT,
  ENT_PALETTE_DARK,
  ENT_N_PALETTES
} EntPaletteKind;

typedef struct {
  EntColor background;
  EntColor foreground;                      /* titles, legend text */
  EntColor node_fill[ENT_N_ENTITY_TYPES];
  EntColor node_stroke[ENT_N_ENTITY_TYPES];
  EntColor node_text[ENT_N_ENTITY_TYPES];
  EntColor edge;
  EntColor edge_highlight;                  /* edges of the highlighted set */
  EntColor edge_label;                      /* relation type on hover/selection */
  EntColor edge_label_background;
  EntColor selection;                       /* outline of the selected item */
  EntColor hover;                           /* outline of the hovered item */
  double   dim_alpha;                       /* opacity of what is outside the highlight */
} EntPalette;

const EntPalette *ent_palette_get (EntPaletteKind kind);

/* Interactive state, in layout indices (EntLayout.nodes / .edges). */
typedef struct {
  guint   selected_node;   /* ENT_RENDER_NONE when nothing */
  guint   selected_edge;
  guint   hover_node;
  guint   hover_edge;
  /* The highlighted set: when set, nodes and edges outside it are dimmed.
   * One byte per layout node/edge, non-zero = highlighted; NULL = no dimming. */
  guint8 *highlight_nodes;
  guint8 *highlight_edges;
  guint   n_highlight_nodes;
  guint   n_highlight_edges;
} EntRenderState;

/* Nothing selected, hovered nor highlighted. */
void  ent_render_state_init                  (EntRenderState *state);
void  ent_render_state_clear                 (EntRenderState *state);
/* Highlight @node, its neighbours and the edges between @node and them. */
void  ent_render_state_highlight_neighbourhood (EntRenderState *state,
                                                EntLayout      *layout,
                                                guint           node);
void  ent_render_state_clear_highlight       (EntRenderState *state);

typedef struct {
  const EntPalette     *palette;
  const EntRenderState *state;           /* NULL: nothing selected */
  /* In layout coordinates; width or height <= 0: the cairo clip extents. */
  EntRect               visible;
  /* Labels are drawn only when one layout point spans at least this many
   * device pixels (default 0.65: a 10 pt label is then 6.5 px tall, below
   * which it is noise); 0 always draws them, as exports do. */
  double                label_min_scale;
  /* Below label_min_scale, the best connected visible nodes still get a
   * small label drawn at screen size, at most this many and never on top of
   * each other, so that a zoomed-out graph stays readable; 0: none (exports
   * and tests that count pixels). */
  guint                 overview_labels;
  gboolean              draw_background;  /* fill @visible with the background first */
  gboolean              antialias_fast;   /* cheaper antialiasing while animating */
  /* Level of detail for edges: at most this many device pixels of edge
   * (length times width, at least one pixel wide) per frame; 0: no limit.
   * When the visible edges add up to more (a zoomed-out hairball), the
   * selected, hovered and highlighted ones are drawn first, then the
   * heaviest, then the shortest, until the budget is spent: the frame stays
   * fast and shows the backbone of the graph. Default 400,000, about 8 ms
   * on a slow core; exports draw everything. */
  double                max_edge_pixels;
} EntRenderOptions;

void  ent_render_options_init  (EntRenderOptions *options,
                                EntPaletteKind    palette);

/* Draws @layout with @cr's current transformation mapping layout points to
 * device space. Saves and restores @cr. */
void  ent_render_draw          (cairo_t                *cr,
                                EntLayout              *layout,
                                const EntRenderOptions *options);

/* One frame of the animation from @from to @to at @t (0..1; eased by the
 * caller): nodes of both move from their old place to their new one, nodes
 * only in @to fade in, nodes only in @from fade out, and edges follow their
 * ends. At t = 1 this draws exactly what ent_render_draw (@to) draws. @from
 * may be NULL (everything fades in). State indices refer to @to. */
void  ent_render_draw_transition (cairo_t                *cr,
                                  EntLayout              *from,
                                  EntLayout              *to,
                                  double                  t,
                                  const EntRenderOptions *options);

/* Draws the part @rect (layout points) of @layout at @scale device pixels
 * per point into a new ARGB32 image surface of ceil (rect size × scale)
 * pixels (transparent unless options->draw_background). With @from not
 * NULL, draws the transition frame at @t instead.
 *
 * This is the fast way to draw on screen: on an image surface the renderer
 * writes thin edges and small shapes into the pixels itself, several times
 * faster than cairo's rasteriser, while GTK 4's cairo render nodes record
 * the drawing and replay it through cairo. Wrap the surface's pixels in a
 * GdkMemoryTexture (GDK_MEMORY_DEFAULT, premultiplied BGRA on little-endian
 * machines) and append a texture node. Free with cairo_surface_destroy(). */
cairo_surface_t *ent_render_to_image (EntLayout              *layout,
                                      EntLayout              *from,
                                      double                  t,
                                      const EntRenderOptions *options,
                                      const EntRect          *rect,
                                      double                  scale);

/* The legend of the entity types present in @layout (shape, colour, name),
 * and, when the layout has any, the directed/symmetric edge styles. Size in
 * points; drawn with its top-left corner at (x, y) in the current user space,
 * on a box of the palette's background. */
void  ent_render_legend_size   (EntLayout         *layout,
                                const EntPalette  *palette,
                                double            *width,
                                double            *height);
void  ent_render_draw_legend   (cairo_t           *cr,
                                EntLayout         *layout,
                                const EntPalette  *palette,
                                double             x,
                                double             y);

/* Draws one node shape (path only, no fill/stroke) of the given size centred
 * at (x, y): for legends and icons elsewhere. */
void  ent_render_shape_path    (cairo_t           *cr,
                                EntNodeShape       shape,
                                double             x,
                                double             y,
                                double             width,
                                double             height);

G_END_DECLS
