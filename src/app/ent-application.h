/* ent-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ENT_TYPE_APPLICATION (ent_application_get_type ())
G_DECLARE_FINAL_TYPE (EntApplication, ent_application, ENT, APPLICATION, GtkApplication)

EntApplication *ent_application_new (void);

G_END_DECLS
