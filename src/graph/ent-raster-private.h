/* ent-raster-private.h — a software rasteriser for thin lines and tiny boxes.
 *
 * Cairo 1.16 rasterises every stroke through a 15×17-sample scan converter
 * whose cost grows with the rows a line crosses times the lines active on
 * each row: ten thousand edges of a zoomed-out graph take hundreds of
 * milliseconds. Drawn straight into an image surface with a distance-based
 * coverage (a line's pixels are visited once each), the same edges take a
 * few milliseconds. Render uses this when it draws into an image surface
 * with an axis-aligned transformation and falls back to cairo otherwise
 * (recording, PDF and SVG surfaces, rotated views).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ent-layout.h"
#include "ent-render.h"

G_BEGIN_DECLS

typedef struct {
  cairo_surface_t *surface;
  guint8          *data;
  int              stride;
  gboolean         opaque;          /* RGB24: no alpha channel to keep */
  int              clip_x0, clip_y0, clip_x1, clip_y1;  /* device pixels, end exclusive */
  double           xx, yy, x0, y0;  /* user to device: x' = xx x + x0, y' = yy y + y0 */
  /* The source, premultiplied, 0..255. */
  int              r, g, b, a;
  double           half_width;      /* device pixels */
  double           dash_on, dash_off;  /* device pixels; 0: solid */
} EntRaster;

/* Whether @cr draws into an image surface with an axis-aligned
 * transformation and a rectangular clip; if so, prepares @raster (flushing
 * the surface). Call ent_raster_finish() before cairo draws again. */
gboolean ent_raster_begin        (EntRaster      *raster,
                                  cairo_t        *cr);
void     ent_raster_finish       (EntRaster      *raster);

void     ent_raster_set_source   (EntRaster      *raster,
                                  const EntColor *color,
                                  double          alpha);
/* In user units (scaled like cairo line widths). */
void     ent_raster_set_width    (EntRaster      *raster,
                                  double          width);
void     ent_raster_set_dash     (EntRaster      *raster,
                                  double          on,
                                  double          off);

/* Strokes a cubic Bézier chain (1 + 3k points, user space). */
void     ent_raster_stroke_curve (EntRaster      *raster,
                                  const EntPoint *points,
                                  guint           n_points);
/* Fills a convex polygon (user space, at most 32 vertices), anti-aliased
 * with four samples per pixel row. */
void     ent_raster_fill_convex  (EntRaster      *raster,
                                  const EntPoint *points,
                                  guint           n_points);
/* Strokes a closed polygon (user space) with the current width. */
void     ent_raster_stroke_closed (EntRaster     *raster,
                                   const EntPoint *points,
                                   guint           n_points);
/* Fills an axis-aligned box (user space) with anti-aliased edges. */
void     ent_raster_fill_box     (EntRaster      *raster,
                                  double          x,
                                  double          y,
                                  double          width,
                                  double          height);

G_END_DECLS
