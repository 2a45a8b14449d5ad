/* ent-search-popover.h — Ctrl+F: entity names and aliases as you type, and
 * the sentences of the sources that contain the words (FTS5).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ent-project.h"

G_BEGIN_DECLS

#define ENT_TYPE_SEARCH_POPOVER (ent_search_popover_get_type ())
G_DECLARE_FINAL_TYPE (EntSearchPopover, ent_search_popover, ENT, SEARCH_POPOVER, GtkPopover)

GtkWidget *ent_search_popover_new               (void);
void       ent_search_popover_set_project       (EntSearchPopover *self,
                                                 EntProject       *project);
/* Puts @text in the entry; results follow asynchronously. */
void       ent_search_popover_set_text          (EntSearchPopover *self,
                                                 const char       *text);
/* The entities listed for the current text, best first. */
GArray    *ent_search_popover_get_entity_results (EntSearchPopover *self);
guint      ent_search_popover_get_n_sentence_results (EntSearchPopover *self);

/* Entities whose name or an alias contains @query (case-insensitive): exact
 * matches, then prefixes, then word starts, then the rest, each by mentions.
 * (element-type guint): entity indices. */
GArray    *ent_search_match_entities           (EntGraph         *graph,
                                                 const char       *query,
                                                 guint             limit);

G_END_DECLS
