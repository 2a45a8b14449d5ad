/* ent-side-panel.h — the details of what is selected: an entity with its
 * relations, a relation with its evidence, a document with a sentence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ent-project.h"
#include "ent-view.h"

G_BEGIN_DECLS

#define ENT_TYPE_SIDE_PANEL (ent_side_panel_get_type ())
G_DECLARE_FINAL_TYPE (EntSidePanel, ent_side_panel, ENT, SIDE_PANEL, GtkWidget)

GtkWidget  *ent_side_panel_new            (void);
/* Documents are read from it. */
void        ent_side_panel_set_project    (EntSidePanel *self,
                                           EntProject   *project);
/* Nothing selected: what the view and the project hold. */
void        ent_side_panel_show_overview  (EntSidePanel *self,
                                           EntView      *view);
void        ent_side_panel_show_entity    (EntSidePanel *self,
                                           EntView      *view,
                                           guint         entity);
void        ent_side_panel_show_relation  (EntSidePanel *self,
                                           EntView      *view,
                                           guint         relation);
/* The full text of a document with characters [start, end) highlighted
 * (start == end: nothing). */
void        ent_side_panel_show_document  (EntSidePanel *self,
                                           EntGraph     *graph,
                                           guint         document,
                                           gsize         start,
                                           gsize         end);
/* "overview", "entity", "relation" or "document". */
const char *ent_side_panel_get_page       (EntSidePanel *self);
/* The heading of the page shown (an entity name, a relation, a title). */
const char *ent_side_panel_get_heading    (EntSidePanel *self);

G_END_DECLS
