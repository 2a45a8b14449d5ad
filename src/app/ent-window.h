/* ent-window.h — a window on one project: the graph, its details, the search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ent-application.h"
#include "ent-graph-canvas.h"
#include "ent-project.h"
#include "ent-search-popover.h"
#include "ent-side-panel.h"

G_BEGIN_DECLS

#define ENT_TYPE_WINDOW (ent_window_get_type ())
G_DECLARE_FINAL_TYPE (EntWindow, ent_window, ENT, WINDOW, GtkApplicationWindow)

EntWindow        *ent_window_new              (EntApplication     *application);
/* Opens @path in this window (with @create, makes it when missing). Errors
 * are shown in the window. */
void              ent_window_open_project     (EntWindow          *self,
                                               const char         *path,
                                               gboolean            create);
/* The default project; on the first start it is created and the sample
 * corpus ingested in the background. */
void              ent_window_open_default     (EntWindow          *self);
/* Ingests files and folders into the open project, in the background. */
void              ent_window_add_documents    (EntWindow          *self,
                                               const char * const *paths);

const char       *ent_window_get_project_path (EntWindow          *self);
EntProject       *ent_window_get_project      (EntWindow          *self);
/* What the window shows: "loading", "error", "empty" or "graph". */
const char       *ent_window_get_state        (EntWindow          *self);
/* The title of the message the window shows in the "error" state. */
const char       *ent_window_get_error_title  (EntWindow          *self);
EntView          *ent_window_get_view         (EntWindow          *self);
EntGraphCanvas   *ent_window_get_canvas       (EntWindow          *self);
EntSidePanel     *ent_window_get_side_panel   (EntWindow          *self);
EntSearchPopover *ent_window_get_search       (EntWindow          *self);
/* The view of the shortest connections between two entities. */
void              ent_window_show_path        (EntWindow          *self,
                                               guint               from,
                                               guint               to);

G_END_DECLS
