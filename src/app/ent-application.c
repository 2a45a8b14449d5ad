/* ent-application.c — placeholder until the viewer lands (issue 3).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-app"

#include "config.h"

#include "ent-application.h"

struct _EntApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (EntApplication, ent_application, GTK_TYPE_APPLICATION)

static void
ent_application_class_init (EntApplicationClass *klass)
{
}

static void
ent_application_init (EntApplication *self)
{
}

EntApplication *
ent_application_new (void)
{
  return g_object_new (ENT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
