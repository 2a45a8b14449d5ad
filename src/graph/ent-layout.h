/* ent-layout.h — a view laid out by Graphviz, as plain geometry we own.
 *
 * Graphviz keeps global state and is not thread-safe, so every Graphviz call
 * runs on one dedicated worker thread, one job at a time. The window asks with
 * ent_layout_compute_async() and gets the result in its own main context; the
 * command line uses ent_layout_compute(), which queues the job on the same
 * worker and waits.
 *
 * Coordinates are in points (1/72 inch), y pointing down as in cairo, with the
 * bounding box starting at (0, 0). Force-directed layouts never overlap two
 * nodes. When many entities have no shown relation, they are not handed to
 * Graphviz (whose component packing takes seconds on hundreds of them) but
 * lined up on a shelf under the graph, by type and name. No Graphviz pointer outlives the job: an
 * EntLayout is immutable, reference-counted and may be shared between threads.
 * Node sizes are measured from the labels with Pango (the same font and
 * wrapping as ent-render draws them), so labels fit their shapes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ent-graph.h"
#include "ent-view.h"

G_BEGIN_DECLS

#define ENT_LAYOUT_NONE G_MAXUINT

/* The label font, shared by measuring (layout) and drawing (render). */
#define ENT_LAYOUT_LABEL_FONT "Sans 10"

#define ENT_LAYOUT_ERROR (ent_layout_error_quark ())

typedef enum {
  ENT_LAYOUT_ERROR_FAILED,      /* Graphviz refused the graph */
  ENT_LAYOUT_ERROR_TOO_LARGE,   /* dot, circo or twopi on more than 2,500 nodes: minutes */
} EntLayoutError;

GQuark ent_layout_error_quark (void);

typedef enum {
  ENT_LAYOUT_AUTO,   /* chosen by size: see ent_layout_engine_choose() */
  ENT_LAYOUT_DOT,
  ENT_LAYOUT_NEATO,
  ENT_LAYOUT_FDP,
  ENT_LAYOUT_SFDP,
  ENT_LAYOUT_CIRCO,
  ENT_LAYOUT_TWOPI,
  ENT_N_LAYOUT_ENGINES
} EntLayoutEngine;

/* "auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi". */
const char      *ent_layout_engine_to_string   (EntLayoutEngine  engine);
gboolean         ent_layout_engine_from_string (const char      *str,
                                                EntLayoutEngine *engine);
/* The engine AUTO stands for with this many nodes and edges: neato up to
 * 100 nodes, sfdp beyond. Curved edges routed around nodes by Graphviz
 * (splines=true) cost seconds past a few dozen edges, so neato, fdp, circo
 * and twopi route them only up to 20 edges and dot up to 300 nodes; other
 * edges are straight, bowed apart when several join the same two nodes. */
EntLayoutEngine  ent_layout_engine_choose      (guint            n_nodes,
                                                guint            n_edges);

typedef enum {
  ENT_NODE_SHAPE_ELLIPSE,
  ENT_NODE_SHAPE_HEXAGON,
  ENT_NODE_SHAPE_ROUNDED_BOX,
  ENT_NODE_SHAPE_NOTE,        /* a box with a folded corner: a document */
  ENT_NODE_SHAPE_PIN,         /* a pentagon pointing down (Graphviz invhouse) */
  ENT_NODE_SHAPE_DIAMOND,
  ENT_NODE_SHAPE_OCTAGON,
  ENT_N_NODE_SHAPES
} EntNodeShape;

/* person ellipse, country hexagon, organization rounded box, agreement note,
 * place pin, project diamond, event octagon. */
EntNodeShape     ent_node_shape_for_type       (EntEntityType    type);

typedef struct {
  double x, y;
} EntPoint;

typedef struct {
  double x, y, width, height;
} EntRect;

gboolean         ent_rect_intersects           (const EntRect   *a,
                                                const EntRect   *b);
gboolean         ent_rect_contains_point       (const EntRect   *rect,
                                                double           x,
                                                double           y);

typedef struct {
  guint          entity;         /* index into the EntGraph */
  EntEntityType  type;
  EntNodeShape   shape;
  double         x, y;           /* centre */
  double         width, height;  /* of the shape */
  double         label_width;    /* of the label box drawn inside the shape */
  const char    *label;          /* the entity name (owned by the EntGraph) */
} EntLayoutNode;

typedef struct {
  guint            relation;     /* index into the EntGraph */
  EntRelationType  type;
  guint            source;       /* index into EntLayout.nodes */
  guint            target;
  guint            weight;       /* distinct sources */
  gboolean         directed;     /* FALSE for symmetric relations: no arrowhead */
  EntPoint        *points;       /* 1 + 3k cubic Bézier control points, source side first */
  guint            n_points;
  /* The arrowhead, when directed: from @arrow_base (where the curve ends) to
   * @arrow_tip (touching the target's outline). */
  EntPoint         arrow_base;
  EntPoint         arrow_tip;
  EntPoint         label_pos;    /* middle of the curve: where the type label goes */
  EntRect          bounds;       /* of the curve and the arrowhead */
} EntLayoutEdge;

typedef struct _EntLayout EntLayout;

struct _EntLayout
{
  /*< public, read-only >*/
  EntView         *view;
  EntLayoutEngine  engine;    /* the engine really used (never AUTO) */
  EntRect          bounds;    /* every node and edge, from (0, 0) */
  EntLayoutNode   *nodes;     /* in the order of ent_view_get_entities() */
  guint            n_nodes;
  EntLayoutEdge   *edges;     /* in the order of ent_view_get_relations() */
  guint            n_edges;
  /*< private >*/
  gpointer         priv;
};

GType        ent_layout_get_type         (void) G_GNUC_CONST;
#define ENT_TYPE_LAYOUT (ent_layout_get_type ())

EntLayout   *ent_layout_ref              (EntLayout       *layout);
void         ent_layout_unref            (EntLayout       *layout);

/* Lays @view out on the Graphviz worker and returns in the thread-default
 * main context of the caller. A cancelled job that has not started yet is
 * skipped; one that has started runs to its end and its result is dropped. */
void         ent_layout_compute_async    (EntView             *view,
                                          EntLayoutEngine      engine,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* The same, keeping the positions of @previous where possible (nodes present
 * in both start where they were, new ones near their neighbours), so a small
 * change of view moves little. Neato, fdp and sfdp start from these
 * positions; dot, circo and twopi lay out afresh. @previous may be NULL and
 * may come from another snapshot of the same project (matched by store id). */
void         ent_layout_compute_incremental_async (EntView             *view,
                                                   EntLayoutEngine      engine,
                                                   EntLayout           *previous,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
EntLayout   *ent_layout_compute_finish   (GAsyncResult    *result,
                                          GError         **error);

/* Synchronous: queues the job on the worker and waits (for the command line
 * and for tests; never call it from the GUI thread). */
EntLayout   *ent_layout_compute          (EntView         *view,
                                          EntLayoutEngine  engine,
                                          GCancellable    *cancellable,
                                          GError         **error);
EntLayout   *ent_layout_compute_incremental (EntView         *view,
                                             EntLayoutEngine  engine,
                                             EntLayout       *previous,
                                             GCancellable    *cancellable,
                                             GError         **error);

EntView     *ent_layout_get_view         (EntLayout       *layout);
/* The layout node of an entity of the graph. */
gboolean     ent_layout_lookup_entity    (EntLayout       *layout,
                                          guint            entity,
                                          guint           *node);
/* The layout edge of a relation of the graph. */
gboolean     ent_layout_lookup_relation  (EntLayout       *layout,
                                          guint            relation,
                                          guint           *edge);

/* Hit-testing through a uniform grid: the node whose shape contains (x, y),
 * the one drawn on top when several do. */
gboolean     ent_layout_node_at          (EntLayout       *layout,
                                          double           x,
                                          double           y,
                                          guint           *node);
/* The edge whose curve passes within @tolerance of (x, y), the closest one. */
gboolean     ent_layout_edge_at          (EntLayout       *layout,
                                          double           x,
                                          double           y,
                                          double           tolerance,
                                          guint           *edge);
/* Indices of the nodes whose bounds intersect @rect and of the edges whose
 * curve or arrowhead may cross it (every edge with a visible part in @rect;
 * a long edge whose bounding box merely covers @rect is left out), ascending,
 * without duplicates; either array may be NULL. The arrays (element-type
 * guint) are cleared first. For culling and rubber-band selection. */
void         ent_layout_query_rect       (EntLayout       *layout,
                                          const EntRect   *rect,
                                          GArray          *nodes,
                                          GArray          *edges);
/* The bounds of a node's shape. */
void         ent_layout_node_bounds      (EntLayout       *layout,
                                          guint            node,
                                          EntRect         *rect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntLayout, ent_layout_unref)

G_END_DECLS
