/* ent-path-dialog.h — "How is A connected to B?": two entities to join.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ent-graph.h"

G_BEGIN_DECLS

#define ENT_TYPE_PATH_DIALOG (ent_path_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EntPathDialog, ent_path_dialog, ENT, PATH_DIALOG, GtkWindow)

/* @from may be G_MAXUINT for none. Emits "path-requested" (from, to) and
 * closes when the user confirms. */
EntPathDialog *ent_path_dialog_new (GtkWindow *parent,
                                    EntGraph  *graph,
                                    guint      from);

G_END_DECLS
