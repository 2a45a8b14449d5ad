/* ent-graph-canvas.h — the widget that shows a laid-out view of the graph.
 *
 * It asks src/graph for the layout (on the Graphviz worker) and draws it with
 * ent_render_draw(), the function image exports use. Pan, zoom, hover,
 * selection and the animation from one view to the next live here; what a
 * click or a key means for the exploration is the window's business.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ent-layout.h"
#include "ent-render.h"
#include "ent-view.h"

G_BEGIN_DECLS

#define ENT_GRAPH_CANVAS_NONE ENT_VIEW_NONE

typedef enum {
  ENT_GRAPH_CANVAS_ANIMATE     = 1 << 0,  /* move nodes from their old place */
  ENT_GRAPH_CANVAS_KEEP_CAMERA = 1 << 1,  /* do not fit the new layout to the window */
} EntGraphCanvasFlags;

#define ENT_TYPE_GRAPH_CANVAS (ent_graph_canvas_get_type ())
G_DECLARE_FINAL_TYPE (EntGraphCanvas, ent_graph_canvas, ENT, GRAPH_CANVAS, GtkWidget)

GtkWidget       *ent_graph_canvas_new                  (void);

/* Lays @view out in the background and shows it when ready; a newer request
 * replaces an older one still running. NULL clears the canvas. */
void             ent_graph_canvas_set_view             (EntGraphCanvas      *self,
                                                        EntView             *view,
                                                        EntGraphCanvasFlags  flags);
EntView         *ent_graph_canvas_get_view             (EntGraphCanvas      *self);
/* The layout on screen (it may be of an older view while "busy"). */
EntLayout       *ent_graph_canvas_get_layout           (EntGraphCanvas      *self);
gboolean         ent_graph_canvas_get_busy             (EntGraphCanvas      *self);

EntLayoutEngine  ent_graph_canvas_get_engine           (EntGraphCanvas      *self);
void             ent_graph_canvas_set_engine           (EntGraphCanvas      *self,
                                                        EntLayoutEngine      engine);
gboolean         ent_graph_canvas_get_show_legend      (EntGraphCanvas      *self);
void             ent_graph_canvas_set_show_legend      (EntGraphCanvas      *self,
                                                        gboolean             show_legend);
/* Items of the node context menu (right click, long press, Menu key). */
void             ent_graph_canvas_set_context_menu     (EntGraphCanvas      *self,
                                                        GMenuModel          *menu);
EntPaletteKind   ent_graph_canvas_get_palette          (EntGraphCanvas      *self);

/* Selection, in indices of the EntGraph (ENT_GRAPH_CANVAS_NONE: nothing). At
 * most one entity or one relation is selected. */
guint            ent_graph_canvas_get_selected_entity   (EntGraphCanvas     *self);
guint            ent_graph_canvas_get_selected_relation (EntGraphCanvas     *self);
void             ent_graph_canvas_select_entity         (EntGraphCanvas     *self,
                                                         guint               entity,
                                                         gboolean            scroll_to);
void             ent_graph_canvas_select_relation       (EntGraphCanvas     *self,
                                                         guint               relation);
void             ent_graph_canvas_clear_selection       (EntGraphCanvas     *self);
/* Moves the selection to the neighbour that lies in @direction (GTK_DIR_UP,
 * _DOWN, _LEFT, _RIGHT); selects the node nearest the centre when nothing is. */
gboolean         ent_graph_canvas_move_selection        (EntGraphCanvas     *self,
                                                         GtkDirectionType    direction);

double           ent_graph_canvas_get_zoom              (EntGraphCanvas     *self);
void             ent_graph_canvas_zoom_in               (EntGraphCanvas     *self);
void             ent_graph_canvas_zoom_out              (EntGraphCanvas     *self);
void             ent_graph_canvas_zoom_fit              (EntGraphCanvas     *self);

/* Where an entity is drawn, in widget coordinates; FALSE when it is not in
 * the layout on screen. */
gboolean         ent_graph_canvas_get_entity_position   (EntGraphCanvas     *self,
                                                         guint               entity,
                                                         double             *x,
                                                         double             *y);
/* What a click of @n_press at (x, y) in widget coordinates does: the click
 * gesture calls it, and so can tests. */
void             ent_graph_canvas_click_at              (EntGraphCanvas     *self,
                                                         double              x,
                                                         double              y,
                                                         int                 n_press);

G_END_DECLS
