/* ent-filter-popover.h — which entity and relation types the graph shows,
 * and how many sources a relation needs. The settings are the model: the
 * window follows their changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ent-view.h"

G_BEGIN_DECLS

#define ENT_TYPE_FILTER_POPOVER (ent_filter_popover_get_type ())
G_DECLARE_FINAL_TYPE (EntFilterPopover, ent_filter_popover, ENT, FILTER_POPOVER, GtkPopover)

GtkWidget *ent_filter_popover_new          (void);
void       ent_filter_popover_set_settings (EntFilterPopover *self,
                                            GSettings        *settings);

/* The view filter the settings describe. */
void       ent_filter_from_settings        (EntViewFilter    *filter,
                                            GSettings        *settings);

G_END_DECLS
