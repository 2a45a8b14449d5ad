/* ent-layout-private.h — what sibling files and tests may use of ent-layout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-layout.h"

G_BEGIN_DECLS

/* Arrowhead size in points, shared with render. */
#define ENT_LAYOUT_ARROW_LENGTH 9.0
#define ENT_LAYOUT_ARROW_WIDTH  7.0

/* What EntLayout.priv points to. */
typedef struct {
  gatomicrefcount ref_count;
  guint          *node_of_entity;    /* graph entity -> layout node, or NONE */
  guint           n_entities;
  guint          *edge_of_relation;  /* graph relation -> layout edge, or NONE */
  guint           n_relations;
  /* The spatial index: a uniform grid, items of cell c at [start[c], start[c+1]). */
  double          cell;
  guint           cols, rows;
  guint          *node_start;
  guint          *node_items;
  guint          *edge_start;
  guint          *edge_items;
} EntLayoutPrivate;

#define ENT_LAYOUT_PRIV(layout) ((EntLayoutPrivate *) (layout)->priv)

/* The steps of a layout job, in order (ent-layout-graphviz.c runs them). */

/* Nodes and edges of the view, positions not yet known. */
EntLayout *ent_layout_new_for_view      (EntView         *view,
                                         EntLayoutEngine  engine);
/* Node sizes from their labels (Pango, on the calling thread). */
void       ent_layout_measure_nodes     (EntLayout       *layout);
void       ent_layout_link_edges        (EntLayout       *layout);
/* Nodes without any edge (@n_isolated of them), one flag per node. */
gboolean  *ent_layout_find_isolated     (EntLayout       *layout,
                                         guint           *n_isolated);
/* Rows of the flagged nodes under the others. */
void       ent_layout_place_shelf       (EntLayout       *layout,
                                         const gboolean  *shelved);
/* Pushes overlapping nodes apart. */
void       ent_layout_separate_nodes    (EntLayout       *layout);
/* Straight (or bowed) edges clipped to node outlines, with arrowheads. */
void       ent_layout_route_edges       (EntLayout       *layout);
void       ent_layout_route_edge        (EntLayout       *layout,
                                         guint            index,
                                         guint            rank,
                                         guint            count);
/* Edge bounds, coordinates from (0, 0), the spatial index. */
void       ent_layout_finish            (EntLayout       *layout);

/* The most Graphviz jobs ever seen running at once (tests: must stay 1). */
guint    ent_layout_worker_peak_jobs  (void);
/* The number of jobs the worker skipped because they were cancelled first. */
guint    ent_layout_worker_skipped_jobs (void);

/* A point of the edge's curve, @t in 0..1 over all its segments. */
void     ent_layout_edge_eval         (const EntLayoutEdge *edge,
                                       double               t,
                                       EntPoint            *point);

G_END_DECLS
