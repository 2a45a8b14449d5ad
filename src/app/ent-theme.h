/* ent-theme.h — the graph's colours where GTK widgets need them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ent-render.h"

G_BEGIN_DECLS

/* The palette that suits the theme @widget is drawn with (light text: dark). */
EntPaletteKind  ent_theme_get_palette      (GtkWidget     *widget);
/* A small picture of the shape and colour an entity type has in the graph. */
GtkWidget      *ent_theme_type_swatch_new  (EntEntityType  type,
                                            int            size);

G_END_DECLS
