/* ent-window-private.h — what ent-window.c and ent-window-actions.c share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-filter-popover.h"
#include "ent-history.h"
#include "ent-status-page.h"
#include "ent-window.h"

G_BEGIN_DECLS

struct _EntWindow
{
  GtkApplicationWindow  parent_instance;

  GSettings            *settings;
  EntProject           *project;
  GCancellable         *open_cancellable;
  GCancellable         *ingest_cancellable;
  EntHistory           *history;
  EntViewFilter         filter;
  EntIngestReport      *last_report;
  char                 *error_title;
  char                 *opening_path;
  char                 *layout_engine;
  int                   focus_depth;
  guint                 banner_timeout_id;
  guint                 show_side_panel : 1;
  guint                 show_legend : 1;
  /* Ingest the sample corpus once the new default project is open. */
  guint                 ingest_corpus_on_open : 1;

  /* Template widgets */
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkMenuButton        *search_button;
  GtkMenuButton        *filter_button;
  GtkMenuButton        *view_button;
  GtkMenuButton        *add_button;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkRevealer          *banner_revealer;
  GtkImage             *banner_icon;
  GtkLabel             *banner_label;
  GtkButton            *banner_button;
  GtkPaned             *paned;
  GtkStack             *main_stack;
  GtkLabel             *loading_label;
  EntStatusPage        *error_page;
  EntStatusPage        *empty_page;
  EntGraphCanvas       *canvas;
  GtkLabel             *view_label;
  GtkRevealer          *layout_revealer;
  GtkWidget            *side_panel_box;
  EntSidePanel         *side_panel;
  EntSearchPopover     *search_popover;
  EntFilterPopover     *filter_popover;
  GMenu                *recent_menu;
  GMenuModel           *node_menu;
};

/* ent-window-actions.c */
void     _ent_window_class_add_actions (GtkWidgetClass *widget_class);
void     _ent_window_update_actions    (EntWindow      *self);
/* Writes the view on screen to @path (png, svg, pdf… by extension) in the
 * background; the banner tells how it went. */
void     _ent_window_export_image      (EntWindow      *self,
                                        const char     *path);
void     _ent_window_setup_controllers        (EntWindow      *self);

/* ent-window.c */
void     _ent_window_show_banner       (EntWindow      *self,
                                        const char     *icon_name,
                                        const char     *message,
                                        const char     *button_label,
                                        const char     *button_action,
                                        guint           timeout_seconds);
void     _ent_window_navigate          (EntWindow      *self,
                                        EntView        *view,
                                        guint           select_entity);
void     _ent_window_focus_entity      (EntWindow      *self,
                                        guint           entity);
void     _ent_window_go_back           (EntWindow      *self);
void     _ent_window_go_forward        (EntWindow      *self);
guint    _ent_window_get_selected_entity (EntWindow    *self);
void     _ent_window_open_in_place     (EntWindow      *self,
                                        const char     *path,
                                        gboolean        create);

G_END_DECLS
