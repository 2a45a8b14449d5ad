/* ent-label-private.h — node labels, measured and drawn alike.
 *
 * Layout measures labels on the Graphviz worker and render draws them on
 * screen at any zoom: both go through these functions so that a label fits
 * the shape it was measured for. Pango's resolution is pinned to 72 dpi and
 * metrics hinting is off, so one layout unit is one point at every scale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Longest label line, in points, before wrapping/ellipsising. */
#define ENT_LABEL_MAX_WIDTH 150.0
/* Lines a label may take before it is ellipsised. */
#define ENT_LABEL_MAX_LINES 2

/* A PangoContext set up for labels (72 dpi, no metrics hinting): pass NULL
 * for measuring, or the cairo context it will draw on. */
PangoContext *ent_label_context_new   (cairo_t      *cr);
/* A layout for @text with the label font, wrapping and ellipsising. */
PangoLayout  *ent_label_layout_new    (PangoContext *context,
                                       const char   *font,
                                       const char   *text);
/* Sets @text on a layout made by ent_label_layout_new() (cheaper than a new
 * layout per label). */
void          ent_label_layout_set    (PangoLayout  *layout,
                                       const char   *text);
void          ent_label_layout_size   (PangoLayout  *layout,
                                       double       *width,
                                       double       *height);

G_END_DECLS
