/* ent-history.h — the views a window went through, for Back and Forward.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-view.h"

G_BEGIN_DECLS

typedef struct _EntHistory EntHistory;

/* Remaps a view onto another graph; returns a new reference or NULL to drop it. */
typedef EntView *(*EntHistoryMapFunc) (EntView  *view,
                                       gpointer  user_data);

EntHistory *ent_history_new          (guint              max_length);
void        ent_history_free         (EntHistory        *self);
/* Makes @view the current one; everything forward of the old current is dropped. */
void        ent_history_push         (EntHistory        *self,
                                      EntView           *view);
/* Replaces the current view without adding a step (a filter change). */
void        ent_history_replace      (EntHistory        *self,
                                      EntView           *view);
EntView    *ent_history_get_current  (EntHistory        *self);
gboolean    ent_history_can_go_back  (EntHistory        *self);
gboolean    ent_history_can_go_forward (EntHistory      *self);
/* Returns the new current view (borrowed), or NULL at either end. */
EntView    *ent_history_go_back      (EntHistory        *self);
EntView    *ent_history_go_forward   (EntHistory        *self);
/* Every view through @func; views it drops are removed. */
void        ent_history_map          (EntHistory        *self,
                                      EntHistoryMapFunc  func,
                                      gpointer           user_data);
void        ent_history_clear        (EntHistory        *self);
guint       ent_history_get_length   (EntHistory        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntHistory, ent_history_free)

G_END_DECLS
