/* ent-status-page.h — a big icon, a title, a description and some buttons,
 * for the states of the window that have no graph to show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ENT_TYPE_STATUS_PAGE (ent_status_page_get_type ())
G_DECLARE_FINAL_TYPE (EntStatusPage, ent_status_page, ENT, STATUS_PAGE, GtkWidget)

GtkWidget  *ent_status_page_new             (void);
const char *ent_status_page_get_icon_name   (EntStatusPage *self);
void        ent_status_page_set_icon_name   (EntStatusPage *self,
                                             const char    *icon_name);
const char *ent_status_page_get_title       (EntStatusPage *self);
void        ent_status_page_set_title       (EntStatusPage *self,
                                             const char    *title);
const char *ent_status_page_get_description (EntStatusPage *self);
/* Pango markup. */
void        ent_status_page_set_description (EntStatusPage *self,
                                             const char    *description);
GtkWidget  *ent_status_page_get_child       (EntStatusPage *self);
void        ent_status_page_set_child       (EntStatusPage *self,
                                             GtkWidget     *child);

G_END_DECLS
