/* ent-shape-private.h — node shape geometry shared by layout and render.
 *
 * Shapes are defined in a w×h box centred on the node, y pointing down. Layout
 * uses them to size nodes around their labels, clip edges and hit-test;
 * render draws the very same outlines, so what is clicked is what is seen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ent-layout.h"

G_BEGIN_DECLS

/* Whether the offset (dx, dy) from the centre lies inside the shape. */
gboolean     ent_shape_contains        (EntNodeShape shape,
                                        double       width,
                                        double       height,
                                        double       dx,
                                        double       dy);
/* The point of the outline on the ray from the centre towards (dx, dy). */
void         ent_shape_boundary        (EntNodeShape shape,
                                        double       width,
                                        double       height,
                                        double       dx,
                                        double       dy,
                                        double      *bx,
                                        double      *by);
/* The shape's size around a label box of @label_width × @label_height. */
void         ent_shape_size_for_label  (EntNodeShape shape,
                                        double       label_width,
                                        double       label_height,
                                        double      *width,
                                        double      *height);
/* Where the label's centre sits below (positive) or above the node centre. */
double       ent_shape_label_offset    (EntNodeShape shape,
                                        double       height);
/* Graphviz's name for the nearest shape (for dot export and edge clipping). */
const char  *ent_shape_graphviz_name   (EntNodeShape shape);
/* The outline as a convex polygon (the ellipse as @ellipse_sides sides, at
 * most ENT_SHAPE_MAX_POLYGON; corners of the rounded box and the note's fold
 * left out): for drawing small nodes fast. @points holds at least
 * ENT_SHAPE_MAX_POLYGON. Returns the vertex count. */
#define ENT_SHAPE_MAX_POLYGON 16
guint        ent_shape_polygon         (EntNodeShape shape,
                                        double       x,
                                        double       y,
                                        double       width,
                                        double       height,
                                        guint        ellipse_sides,
                                        EntPoint    *points);
/* Appends the outline to @cr's path. */
void         ent_shape_append_path     (cairo_t     *cr,
                                        EntNodeShape shape,
                                        double       x,
                                        double       y,
                                        double       width,
                                        double       height);

G_END_DECLS
