/* ent-window-actions.c — the window's actions, their shortcuts, file choosers
 * and drag and drop. Menus, buttons, shortcuts and tests all go through these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ent-export.h"
#include "ent-path-dialog.h"
#include "ent-window-private.h"

/* At most this many failures are listed in the report dialog. */
#define MAX_REPORTED_FAILURES 200

/* File choosers ------------------------------------------------------------ */

static GtkFileFilter *
filter_new (const char  *name,
            const char **patterns)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  return filter;
}

static void
add_project_filters (GtkFileChooser *chooser)
{
  static const char *project[] = { "*.entente", NULL };
  static const char *all[] = { "*", NULL };
  g_autoptr(GtkFileFilter) projects = filter_new (_("Entente Projects"), project);
  g_autoptr(GtkFileFilter) everything = filter_new (_("All Files"), all);

  gtk_file_chooser_add_filter (chooser, projects);
  gtk_file_chooser_add_filter (chooser, everything);
  gtk_file_chooser_set_filter (chooser, projects);
}

static GtkFileChooserNative *
chooser_new (EntWindow            *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label,
             GCallback             response_cb)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                               accept_label, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", response_cb, self);
  return chooser;
}

static GStrv
chosen_paths (GtkFileChooser *chooser)
{
  g_autoptr(GListModel) files = gtk_file_chooser_get_files (chooser);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_strv_builder_add (builder, path);
    }
  return g_strv_builder_end (builder);
}

/* Opening in this window, or in a new one when this one is busy adding
 * documents: its work should not be thrown away. */
static void
open_path (EntWindow  *self,
           const char *path,
           gboolean    create)
{
  EntWindow *target = self;

  if (self->project != NULL && ent_project_get_busy (self->project))
    {
      target = ent_window_new (ENT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      gtk_window_present (GTK_WINDOW (target));
    }
  _ent_window_open_in_place (target, path, create);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  EntWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_auto(GStrv) paths = chosen_paths (GTK_FILE_CHOOSER (dialog));

      if (paths[0] != NULL)
        open_path (self, paths[0], FALSE);
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  EntWindow *self = ENT_WINDOW (widget);
  GtkFileChooserNative *chooser = chooser_new (self, _("Open Project"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), G_CALLBACK (open_response_cb));

  add_project_filters (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_project_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         EntWindow       *self)
{
  g_auto(GStrv) paths = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  paths = chosen_paths (GTK_FILE_CHOOSER (dialog));
  if (paths[0] == NULL)
    goto out;

  path = g_str_has_suffix (paths[0], ".entente") ? g_strdup (paths[0])
                                                 : g_strconcat (paths[0], ".entente", NULL);
  file = g_file_new_for_path (path);
  /* The user confirmed replacing it: to the trash, never destroyed. */
  if (g_file_query_exists (file, NULL) && !g_file_trash (file, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” could not be replaced: %s"),
                                                  path, error->message);
      _ent_window_show_banner (self, "dialog-warning-symbolic", message, NULL, NULL, 0);
      goto out;
    }
  open_path (self, path, TRUE);

out:
  g_object_unref (dialog);
}

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  EntWindow *self = ENT_WINDOW (widget);
  GtkFileChooserNative *chooser = chooser_new (self, _("New Project"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Create"), G_CALLBACK (new_project_response_cb));

  add_project_filters (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Untitled.entente"));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  open_path (ENT_WINDOW (widget), g_variant_get_string (param, NULL), FALSE);
}

static void
open_default_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  g_autofree char *path = ent_store_default_path ();

  open_path (ENT_WINDOW (widget), path, TRUE);
}

static void
add_response_cb (GtkNativeDialog *dialog,
                 int              response,
                 EntWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_auto(GStrv) paths = chosen_paths (GTK_FILE_CHOOSER (dialog));
      ent_window_add_documents (self, (const char * const *) paths);
    }
  g_object_unref (dialog);
}

static void
add_documents_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  EntWindow *self = ENT_WINDOW (widget);
  gboolean folder = g_str_equal (action_name, "win.add-folder");
  static const char *document_patterns[] = {
    "*.txt", "*.text", "*.md", "*.markdown", "*.html", "*.htm", "*.xhtml", "*.pdf", NULL
  };
  GtkFileChooserNative *chooser;

  chooser = chooser_new (self, folder ? _("Add a Folder of Documents") : _("Add Documents"),
                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                         _("_Add"), G_CALLBACK (add_response_cb));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (!folder)
    {
      g_autoptr(GtkFileFilter) filter = filter_new (_("Documents"), document_patterns);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_ingestion_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  EntWindow *self = ENT_WINDOW (widget);

  g_cancellable_cancel (self->ingest_cancellable);
  gtk_label_set_label (self->progress_label, _("Stopping after the current document…"));
}

static void
show_ingest_report_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  EntWindow *self = ENT_WINDOW (widget);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *dialog, *scroller, *label;
  guint n;

  if (self->last_report == NULL)
    return;

  n = self->last_report->failures->len;
  for (guint i = 0; i < n && i < MAX_REPORTED_FAILURES; i++)
    {
      EntIngestFailure *failure = g_ptr_array_index (self->last_report->failures, i);
      g_autofree char *line = g_markup_printf_escaped ("<b>%s</b>\n%s\n\n", failure->path, failure->message);
      g_string_append (text, line);
    }
  if (n > MAX_REPORTED_FAILURES)
    g_string_append_printf (text, _("and %u more"), n - MAX_REPORTED_FAILURES);
  if (self->last_report->error != NULL)
    {
      g_autofree char *line = g_markup_escape_text (self->last_report->error->message, -1);
      g_string_append (text, line);
    }

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_CLOSE,
                                   g_dngettext (NULL, "%u file could not be added",
                                                "%u files could not be added", n),
                                   n);
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), text->str);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_box_append (GTK_BOX (gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog))), scroller);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export ------------------------------------------------------------------- */

typedef struct {
  EntView         *view;
  EntLayout       *layout;
  EntExportFormat  format;
  char            *title;
  char            *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  ent_view_unref (job->view);
  ent_layout_unref (job->layout);
  g_free (job->title);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  EntExportOptions options;
  GError *error = NULL;

  ent_export_options_init (&options);
  options.title = job->title;
  if (ent_export_to_path (job->view, job->layout, job->format, &options, job->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  EntWindow *self = ENT_WINDOW (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (job->path);
  g_autofree char *message = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The window was closed meanwhile: nobody to tell. */
      if (self->main_stack == NULL)
        return;
      message = g_strdup_printf (_("Exported to “%s”."), name);
      _ent_window_show_banner (self, "emblem-ok-symbolic", message, NULL, NULL, 6);
    }
  else if (self->main_stack != NULL)
    {
      message = g_strdup_printf (_("“%s” could not be written: %s"), name, error->message);
      _ent_window_show_banner (self, "dialog-warning-symbolic", message, NULL, NULL, 0);
    }
}

void
_ent_window_export_image (EntWindow  *self,
                          const char *path)
{
  EntLayout *layout = ent_graph_canvas_get_layout (self->canvas);
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  if (layout == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->view = ent_view_ref (ent_layout_get_view (layout));
  job->layout = ent_layout_ref (layout);
  job->title = self->project != NULL ? ent_project_dup_title (self->project) : NULL;
  if (ent_export_format_from_path (path, &job->format))
    job->path = g_strdup (path);
  else
    {
      job->format = ENT_EXPORT_PNG;
      job->path = g_strconcat (path, ".png", NULL);
    }

  /* Cairo only, no Graphviz: any thread will do. */
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, _ent_window_export_image);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    EntWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_auto(GStrv) paths = chosen_paths (GTK_FILE_CHOOSER (dialog));

      if (paths[0] != NULL)
        _ent_window_export_image (self, paths[0]);
    }
  g_object_unref (dialog);
}

static void
export_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  EntWindow *self = ENT_WINDOW (widget);
  static const struct {
    const char *name;
    const char *pattern;
  } formats[] = {
    { N_("PNG Image"), "*.png" },
    { N_("SVG Image"), "*.svg" },
    { N_("PDF Document"), "*.pdf" },
  };
  GtkFileChooserNative *chooser;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  chooser = chooser_new (self, _("Export Image"), GTK_FILE_CHOOSER_ACTION_SAVE,
                         _("_Export"), G_CALLBACK (export_response_cb));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const char *patterns[] = { formats[i].pattern, NULL };
      g_autoptr(GtkFileFilter) filter = filter_new (_(formats[i].name), patterns);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  title = self->project != NULL ? ent_project_dup_title (self->project) : g_strdup ("graph");
  name = g_strdup_printf ("%s.png", title);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Exploring ---------------------------------------------------------------- */

static void
navigation_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  EntWindow *self = ENT_WINDOW (widget);

  if (g_str_equal (action_name, "win.go-back"))
    _ent_window_go_back (self);
  else
    _ent_window_go_forward (self);
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  EntWindow *self = ENT_WINDOW (widget);
  g_autoptr(EntView) view = NULL;

  if (self->project == NULL)
    return;
  view = ent_view_new_all (ent_project_get_graph (self->project), &self->filter);
  _ent_window_navigate (self, view, _ent_window_get_selected_entity (self));
}

static void
selection_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  EntWindow *self = ENT_WINDOW (widget);
  guint entity = _ent_window_get_selected_entity (self);
  EntView *current = ent_history_get_current (self->history);
  g_autoptr(EntView) view = NULL;

  if (entity == ENT_GRAPH_CANVAS_NONE || current == NULL)
    return;

  if (g_str_equal (action_name, "win.focus-selection"))
    {
      _ent_window_focus_entity (self, entity);
      return;
    }

  if (g_str_equal (action_name, "win.expand-selection"))
    {
      view = ent_view_expand (current, entity);
      _ent_window_navigate (self, view, entity);
    }
  else
    {
      view = ent_view_hide (current, entity);
      ent_graph_canvas_clear_selection (self->canvas);
      _ent_window_navigate (self, view, ENT_GRAPH_CANVAS_NONE);
    }
}

static void
path_requested_cb (EntPathDialog *dialog,
                   guint          from,
                   guint          to,
                   EntWindow     *self)
{
  ent_window_show_path (self, from, to);
}

static void
find_path_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  EntWindow *self = ENT_WINDOW (widget);
  EntPathDialog *dialog;

  if (self->project == NULL)
    return;
  dialog = ent_path_dialog_new (GTK_WINDOW (self), ent_project_get_graph (self->project),
                                _ent_window_get_selected_entity (self));
  g_signal_connect_object (dialog, "path-requested", G_CALLBACK (path_requested_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
popup_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  EntWindow *self = ENT_WINDOW (widget);

  if (g_str_equal (action_name, "win.find"))
    gtk_menu_button_popup (self->search_button);
  else
    gtk_menu_button_popup (self->filter_button);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  EntWindow *self = ENT_WINDOW (widget);

  if (g_str_equal (action_name, "win.zoom-in"))
    ent_graph_canvas_zoom_in (self->canvas);
  else if (g_str_equal (action_name, "win.zoom-out"))
    ent_graph_canvas_zoom_out (self->canvas);
  else
    ent_graph_canvas_zoom_fit (self->canvas);
}

static void
next_layout_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  EntWindow *self = ENT_WINDOW (widget);
  EntLayoutEngine engine;

  if (!ent_layout_engine_from_string (self->layout_engine, &engine))
    engine = ENT_LAYOUT_AUTO;
  engine = (engine + 1) % ENT_N_LAYOUT_ENGINES;
  g_object_set (self, "layout-engine", ent_layout_engine_to_string (engine), NULL);
}

/* Drag and drop ------------------------------------------------------------ */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         EntWindow     *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);
      if (path != NULL)
        g_strv_builder_add (builder, path);
    }
  paths = g_strv_builder_end (builder);
  if (paths[0] == NULL)
    return FALSE;

  /* A project opens; anything else is a document to add. */
  if (paths[1] == NULL && g_str_has_suffix (paths[0], ".entente"))
    {
      open_path (self, paths[0], FALSE);
      return TRUE;
    }
  if (self->project == NULL)
    {
      _ent_window_show_banner (self, "dialog-information-symbolic",
                               _("Open or create a project first, then drop documents on it."),
                               NULL, NULL, 6);
      return FALSE;
    }
  ent_window_add_documents (self, (const char * const *) paths);
  return TRUE;
}

/* Mouse buttons 8 and 9 go back and forward, as in a browser. */
static void
side_button_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        EntWindow       *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == 8)
    _ent_window_go_back (self);
  else if (button == 9)
    _ent_window_go_forward (self);
  else
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

void
_ent_window_setup_controllers (EntWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  GtkGesture *gesture = gtk_gesture_click_new ();

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->paned), GTK_EVENT_CONTROLLER (target));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (side_button_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

/* State -------------------------------------------------------------------- */

void
_ent_window_update_actions (EntWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  EntGraph *graph = self->project != NULL ? ent_project_get_graph (self->project) : NULL;
  gboolean has_graph = graph != NULL && graph->entities->len > 0;
  gboolean busy = self->project != NULL && ent_project_get_busy (self->project);
  gboolean has_layout = ent_graph_canvas_get_layout (self->canvas) != NULL;
  gboolean selected = ent_graph_canvas_get_selected_entity (self->canvas) != ENT_GRAPH_CANVAS_NONE;
  gboolean graph_page = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "graph") == 0;

  /* Details, search and filters mean nothing without a graph on screen. */
  gtk_widget_set_visible (self->side_panel_box, self->show_side_panel && graph_page);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_button), has_graph);
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_button), has_graph);
  gtk_widget_set_sensitive (GTK_WIDGET (self->view_button), has_graph);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), self->project != NULL);

  gtk_widget_action_set_enabled (widget, "win.add-documents", self->project != NULL && !busy);
  gtk_widget_action_set_enabled (widget, "win.add-folder", self->project != NULL && !busy);
  gtk_widget_action_set_enabled (widget, "win.cancel-ingestion", busy);
  gtk_widget_action_set_enabled (widget, "win.show-ingest-report", self->last_report != NULL);
  gtk_widget_action_set_enabled (widget, "win.export-image", has_layout);
  gtk_widget_action_set_enabled (widget, "win.go-back", ent_history_can_go_back (self->history));
  gtk_widget_action_set_enabled (widget, "win.go-forward", ent_history_can_go_forward (self->history));
  gtk_widget_action_set_enabled (widget, "win.show-all", has_graph);
  gtk_widget_action_set_enabled (widget, "win.focus-selection", selected);
  gtk_widget_action_set_enabled (widget, "win.expand-selection", selected);
  gtk_widget_action_set_enabled (widget, "win.hide-selection", selected);
  gtk_widget_action_set_enabled (widget, "win.find-path", graph != NULL && graph->entities->len >= 2);
  gtk_widget_action_set_enabled (widget, "win.find", has_graph);
  gtk_widget_action_set_enabled (widget, "win.filters", self->project != NULL);
  gtk_widget_action_set_enabled (widget, "win.zoom-in", has_layout);
  gtk_widget_action_set_enabled (widget, "win.zoom-out", has_layout);
  gtk_widget_action_set_enabled (widget, "win.zoom-fit", has_layout);
}

void
_ent_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-default", NULL, open_default_action);
  gtk_widget_class_install_action (widget_class, "win.add-documents", NULL, add_documents_action);
  gtk_widget_class_install_action (widget_class, "win.add-folder", NULL, add_documents_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-ingestion", NULL, cancel_ingestion_action);
  gtk_widget_class_install_action (widget_class, "win.show-ingest-report", NULL, show_ingest_report_action);
  gtk_widget_class_install_action (widget_class, "win.export-image", NULL, export_image_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, navigation_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, navigation_action);
  gtk_widget_class_install_action (widget_class, "win.show-all", NULL, show_all_action);
  gtk_widget_class_install_action (widget_class, "win.focus-selection", NULL, selection_action);
  gtk_widget_class_install_action (widget_class, "win.expand-selection", NULL, selection_action);
  gtk_widget_class_install_action (widget_class, "win.hide-selection", NULL, selection_action);
  gtk_widget_class_install_action (widget_class, "win.find-path", NULL, find_path_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, popup_action);
  gtk_widget_class_install_action (widget_class, "win.filters", NULL, popup_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.next-layout", NULL, next_layout_action);
  gtk_widget_class_install_property_action (widget_class, "win.layout-engine", "layout-engine");
  gtk_widget_class_install_property_action (widget_class, "win.focus-depth", "focus-depth");
  gtk_widget_class_install_property_action (widget_class, "win.show-side-panel", "show-side-panel");
  gtk_widget_class_install_property_action (widget_class, "win.show-legend", "show-legend");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.add-documents", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_period, GDK_CONTROL_MASK, "win.cancel-ingestion", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.go-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0, "win.go-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.show-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_SHIFT_MASK, "win.expand-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_SHIFT_MASK, "win.expand-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.hide-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.hide-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.find-path", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.filters", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.next-layout", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.show-legend", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-side-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.focus-depth", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.focus-depth", "i", 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.focus-depth", "i", 3);
}
