/* ent-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ENT_TYPE_APPLICATION (ent_application_get_type ())
G_DECLARE_FINAL_TYPE (EntApplication, ent_application, ENT, APPLICATION, GtkApplication)

EntApplication *ent_application_new              (void);
/* The application's settings; NULL only when the schema is nowhere to be found. */
GSettings      *ent_application_get_settings     (EntApplication *self);
/* Remembers @path as the most recent project. */
void            ent_application_add_recent       (EntApplication *self,
                                                  const char     *path);
void            ent_application_remove_recent    (EntApplication *self,
                                                  const char     *path);
/* The folder of the bundled sample corpus, or NULL when it is missing. */
char           *ent_application_dup_corpus_dir   (void);

G_END_DECLS
