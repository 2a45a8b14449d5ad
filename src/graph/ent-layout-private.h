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

/* The most Graphviz jobs ever seen running at once (tests: must stay 1). */
guint    ent_layout_worker_peak_jobs  (void);
/* The number of jobs the worker skipped because they were cancelled first. */
guint    ent_layout_worker_skipped_jobs (void);

/* A point of the edge's curve, @t in 0..1 over all its segments. */
void     ent_layout_edge_eval         (const EntLayoutEdge *edge,
                                       double               t,
                                       EntPoint            *point);

G_END_DECLS
