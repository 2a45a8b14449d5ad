/* ent-window.c — a window on one project: the graph, its details, the search.
 *
 * The window keeps the history of views (Back/Forward), the filter from the
 * settings, and the project; the canvas lays out and draws, the side panel
 * details the selection. Graph indices change with every snapshot of the
 * project, so when an ingestion brings a new one, views and selection are
 * carried over by store id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ent-window-private.h"

/* Beyond this, the neighbourhood of a hub keeps its strongest links. */
#define MAX_FOCUS_ENTITIES 150
/* Path views show the union of at most this many shortest paths. */
#define MAX_PATHS          8
#define MAX_HISTORY        100

enum {
  PROP_0,
  PROP_LAYOUT_ENGINE,
  PROP_FOCUS_DEPTH,
  PROP_SHOW_SIDE_PANEL,
  PROP_SHOW_LEGEND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EntWindow, ent_window, GTK_TYPE_APPLICATION_WINDOW)

static void show_project_graph (EntWindow  *self);
static void bind_settings      (EntWindow  *self,
                                GSettings  *settings);
static void ingest_progress_cb (EntProject *project,
                                guint       done,
                                guint       total,
                                const char *path,
                                EntWindow  *self);

/* Banner ------------------------------------------------------------------ */

static gboolean
banner_timeout_cb (gpointer user_data)
{
  EntWindow *self = user_data;

  self->banner_timeout_id = 0;
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

void
_ent_window_show_banner (EntWindow  *self,
                         const char *icon_name,
                         const char *message,
                         const char *button_label,
                         const char *button_action,
                         guint       timeout_seconds)
{
  g_clear_handle_id (&self->banner_timeout_id, g_source_remove);

  gtk_image_set_from_icon_name (self->banner_icon, icon_name);
  gtk_label_set_label (self->banner_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_button), button_label != NULL);
  if (button_label != NULL)
    {
      gtk_button_set_label (self->banner_button, button_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_button), button_action);
    }
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
  if (timeout_seconds > 0)
    self->banner_timeout_id = g_timeout_add_seconds (timeout_seconds, banner_timeout_cb, self);
}

static void
banner_close_clicked_cb (GtkButton *button,
                         EntWindow *self)
{
  g_clear_handle_id (&self->banner_timeout_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

/* Titles and labels -------------------------------------------------------- */

static void
update_titles (EntWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  EntGraph *graph;

  if (self->project == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), "Entente");
      gtk_label_set_label (self->title_label, "Entente");
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      return;
    }

  title = ent_project_dup_title (self->project);
  graph = ent_project_get_graph (self->project);
  {
    g_autofree char *entities = g_strdup_printf (g_dngettext (NULL, "%u entity", "%u entities",
                                                              graph->entities->len),
                                                 graph->entities->len);
    g_autofree char *relations = g_strdup_printf (g_dngettext (NULL, "%u relation", "%u relations",
                                                               graph->relations->len),
                                                  graph->relations->len);
    g_autofree char *documents = g_strdup_printf (g_dngettext (NULL, "%u document", "%u documents",
                                                               graph->documents->len),
                                                  graph->documents->len);
    subtitle = g_strdup_printf ("%s · %s · %s", entities, relations, documents);
  }

  {
    g_autofree char *window_title = g_strdup_printf ("%s — Entente", title);
    gtk_window_set_title (GTK_WINDOW (self), window_title);
  }
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), ent_project_get_path (self->project));
}

static char *
describe_view (EntView *view)
{
  EntGraph *graph = ent_view_get_graph (view);
  g_autofree char *what = NULL;
  g_autofree char *counts = NULL;

  switch (ent_view_get_kind (view))
    {
    case ENT_VIEW_KIND_FOCUS:
      if (ent_view_get_focus (view) == ENT_VIEW_NONE)
        what = g_strdup (_("Neighbourhood"));
      else
        what = g_strdup_printf (g_dngettext (NULL, "Within %u step of %s", "Within %u steps of %s",
                                             ent_view_get_depth (view)),
                                ent_view_get_depth (view),
                                ent_graph_get_entity (graph, ent_view_get_focus (view))->name);
      break;

    case ENT_VIEW_KIND_PATH:
      {
        const char *from = ent_graph_get_entity (graph, ent_view_get_path_from (view))->name;
        const char *to = ent_graph_get_entity (graph, ent_view_get_path_to (view))->name;
        guint length = ent_view_get_path_length (view);

        if (length == ENT_VIEW_NONE)
          what = g_strdup_printf (_("No connection between %s and %s"), from, to);
        else
          what = g_strdup_printf (g_dngettext (NULL, "%s to %s: %u step", "%s to %s: %u steps", length),
                                  from, to, length);
      }
      break;

    case ENT_VIEW_KIND_ENTITIES:
      what = g_strdup (_("Chosen entities"));
      break;

    case ENT_VIEW_KIND_ALL:
    default:
      what = g_strdup (_("Whole graph"));
      break;
    }

  if (ent_view_get_n_entities (view) == 0)
    return g_strdup_printf ("%s · %s", what, _("nothing matches the filters"));

  {
    guint n_entities = ent_view_get_n_entities (view);
    guint n_relations = ent_view_get_n_relations (view);
    g_autofree char *entities = g_strdup_printf (g_dngettext (NULL, "%u entity", "%u entities", n_entities),
                                                 n_entities);
    g_autofree char *relations = g_strdup_printf (g_dngettext (NULL, "%u relation", "%u relations", n_relations),
                                                  n_relations);
    counts = g_strdup_printf ("%s · %s", entities, relations);
  }
  return g_strdup_printf ("%s · %s", what, counts);
}

/* Selection and side panel ------------------------------------------------ */

guint
_ent_window_get_selected_entity (EntWindow *self)
{
  return ent_graph_canvas_get_selected_entity (self->canvas);
}

static void
update_side_panel (EntWindow *self)
{
  EntView *view = ent_history_get_current (self->history);
  guint entity = ent_graph_canvas_get_selected_entity (self->canvas);
  guint relation = ent_graph_canvas_get_selected_relation (self->canvas);

  if (view != NULL && entity != ENT_GRAPH_CANVAS_NONE)
    ent_side_panel_show_entity (self->side_panel, view, entity);
  else if (view != NULL && relation != ENT_GRAPH_CANVAS_NONE)
    ent_side_panel_show_relation (self->side_panel, view, relation);
  else
    ent_side_panel_show_overview (self->side_panel, view);
}

static void
selection_changed_cb (EntGraphCanvas *canvas,
                      EntWindow      *self)
{
  update_side_panel (self);
  _ent_window_update_actions (self);
}

static void
panel_entity_activated_cb (EntSidePanel *panel,
                           guint         entity,
                           EntWindow    *self)
{
  EntView *view = ent_history_get_current (self->history);

  /* Like a link: select it where it is, or go where it is. */
  if (view != NULL && ent_view_contains_entity (view, entity))
    ent_graph_canvas_select_entity (self->canvas, entity, TRUE);
  else
    _ent_window_focus_entity (self, entity);
}

static void
panel_relation_activated_cb (EntSidePanel *panel,
                             guint         relation,
                             EntWindow    *self)
{
  EntView *view = ent_history_get_current (self->history);

  if (view != NULL && ent_view_contains_relation (view, relation))
    ent_graph_canvas_select_relation (self->canvas, relation);
  else if (view != NULL)
    ent_side_panel_show_relation (self->side_panel, view, relation);
}

/* Views ------------------------------------------------------------------- */

static void
apply_view (EntWindow           *self,
            EntView             *view,
            EntGraphCanvasFlags  flags)
{
  g_autofree char *description = describe_view (view);

  gtk_label_set_label (self->view_label, description);
  ent_graph_canvas_set_view (self->canvas, view, flags);
  update_side_panel (self);
  _ent_window_update_actions (self);
}

/* Views in the history keep the filter they were made with; the one shown
 * always follows the current filter. */
static EntView *
current_view_filtered (EntWindow *self)
{
  EntView *view = ent_history_get_current (self->history);
  g_autoptr(EntView) filtered = NULL;

  if (view == NULL)
    return NULL;
  filtered = ent_view_with_filter (view, &self->filter);
  if (filtered != view)
    ent_history_replace (self->history, filtered);
  return ent_history_get_current (self->history);
}

void
_ent_window_navigate (EntWindow *self,
                      EntView   *view,
                      guint      select_entity)
{
  g_return_if_fail (view != NULL);

  ent_history_push (self->history, view);
  if (select_entity != ENT_GRAPH_CANVAS_NONE)
    ent_graph_canvas_select_entity (self->canvas, select_entity, FALSE);
  apply_view (self, ent_history_get_current (self->history), ENT_GRAPH_CANVAS_ANIMATE);
}

void
_ent_window_focus_entity (EntWindow *self,
                          guint      entity)
{
  g_autoptr(EntView) view = NULL;
  EntGraph *graph;

  if (self->project == NULL)
    return;
  graph = ent_project_get_graph (self->project);
  g_return_if_fail (entity < graph->entities->len);

  view = ent_view_new_focus_limited (graph, &self->filter, entity, self->focus_depth,
                                     MAX_FOCUS_ENTITIES);
  _ent_window_navigate (self, view, entity);
}

void
_ent_window_go_back (EntWindow *self)
{
  if (ent_history_go_back (self->history) == NULL)
    return;
  apply_view (self, current_view_filtered (self), ENT_GRAPH_CANVAS_ANIMATE);
}

void
_ent_window_go_forward (EntWindow *self)
{
  if (ent_history_go_forward (self->history) == NULL)
    return;
  apply_view (self, current_view_filtered (self), ENT_GRAPH_CANVAS_ANIMATE);
}

void
ent_window_show_path (EntWindow *self,
                      guint      from,
                      guint      to)
{
  g_autoptr(EntView) view = NULL;
  EntGraph *graph;

  g_return_if_fail (ENT_IS_WINDOW (self));

  if (self->project == NULL)
    return;
  graph = ent_project_get_graph (self->project);
  g_return_if_fail (from < graph->entities->len && to < graph->entities->len);

  view = ent_view_new_path (graph, &self->filter, from, to, MAX_PATHS);
  _ent_window_navigate (self, view, from);

  if (ent_view_get_path_length (view) == ENT_VIEW_NONE)
    {
      g_autofree char *message =
        g_strdup_printf (_("No chain of relations joins %s and %s with the current filters."),
                         ent_graph_get_entity (graph, from)->name,
                         ent_graph_get_entity (graph, to)->name);
      _ent_window_show_banner (self, "dialog-information-symbolic", message, NULL, NULL, 8);
    }
}

static void
filter_changed_cb (EntWindow *self)
{
  EntView *view;

  ent_filter_from_settings (&self->filter, self->settings);
  view = current_view_filtered (self);
  if (view != NULL)
    apply_view (self, view, ENT_GRAPH_CANVAS_ANIMATE);
}

static void
canvas_entity_activated_cb (EntGraphCanvas *canvas,
                            guint           entity,
                            EntWindow      *self)
{
  _ent_window_focus_entity (self, entity);
}

static void
canvas_layout_failed_cb (EntGraphCanvas *canvas,
                         const GError   *error,
                         EntWindow      *self)
{
  g_autofree char *message = g_strdup_printf (_("This view could not be laid out: %s"), error->message);

  _ent_window_show_banner (self, "dialog-warning-symbolic", message, NULL, NULL, 0);
}

static void
canvas_layout_changed_cb (EntGraphCanvas *canvas,
                          EntWindow      *self)
{
  _ent_window_update_actions (self);
}

static void
canvas_busy_changed_cb (EntGraphCanvas *canvas,
                        GParamSpec     *pspec,
                        EntWindow      *self)
{
  gtk_revealer_set_reveal_child (self->layout_revealer, ent_graph_canvas_get_busy (canvas));
}

/* A new snapshot of the same project ---------------------------------------- */

typedef struct {
  EntGraph *graph;
  EntGraph *old_graph;
} Remap;

static gboolean
lookup_by_id (Remap *remap,
              guint  old_index,
              guint *new_index)
{
  gint64 id;

  if (old_index == ENT_VIEW_NONE || old_index >= remap->old_graph->entities->len)
    return FALSE;
  id = ent_graph_get_entity (remap->old_graph, old_index)->id;
  return ent_graph_lookup_entity_id (remap->graph, id, new_index);
}

static EntView *
remap_view (EntView  *view,
            gpointer  user_data)
{
  Remap *remap = user_data;
  const EntViewFilter *filter = ent_view_get_filter (view);
  g_autoptr(GArray) entities = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(EntView) fresh = NULL;
  const guint *old;
  guint n_old, a, b;

  remap->old_graph = ent_view_get_graph (view);
  if (remap->old_graph == remap->graph)
    return ent_view_ref (view);

  /* A view made by a recipe alone is made again: it may gain new entities. */
  switch (ent_view_get_kind (view))
    {
    case ENT_VIEW_KIND_ALL:
      fresh = ent_view_new_all (remap->old_graph, filter);
      if (ent_view_equal (fresh, view))
        return ent_view_new_all (remap->graph, filter);
      break;

    case ENT_VIEW_KIND_FOCUS:
      fresh = ent_view_new_focus_limited (remap->old_graph, filter, ent_view_get_focus (view),
                                          ent_view_get_depth (view), MAX_FOCUS_ENTITIES);
      if (ent_view_equal (fresh, view) && lookup_by_id (remap, ent_view_get_focus (view), &a))
        return ent_view_new_focus_limited (remap->graph, filter, a, ent_view_get_depth (view),
                                           MAX_FOCUS_ENTITIES);
      break;

    case ENT_VIEW_KIND_PATH:
      if (lookup_by_id (remap, ent_view_get_path_from (view), &a) &&
          lookup_by_id (remap, ent_view_get_path_to (view), &b))
        return ent_view_new_path (remap->graph, filter, a, b, MAX_PATHS);
      break;

    case ENT_VIEW_KIND_ENTITIES:
    default:
      break;
    }

  /* Edited by hand (expanded, hidden): keep the same entities. */
  old = ent_view_get_entities (view, &n_old);
  for (guint i = 0; i < n_old; i++)
    if (lookup_by_id (remap, old[i], &a))
      g_array_append_val (entities, a);
  if (entities->len == 0)
    return NULL;
  return ent_view_new_entities (remap->graph, filter, (const guint *) entities->data, entities->len);
}

static void
project_graph_changed_cb (EntProject *project,
                          GParamSpec *pspec,
                          EntWindow  *self)
{
  EntGraph *graph = ent_project_get_graph (project);
  EntView *current = ent_history_get_current (self->history);
  guint entity = ent_graph_canvas_get_selected_entity (self->canvas);
  guint relation = ent_graph_canvas_get_selected_relation (self->canvas);
  gint64 entity_id = -1, relation_id = -1;
  Remap remap = { graph, NULL };
  guint index;

  update_titles (self);

  if (current == NULL || graph->entities->len == 0)
    {
      show_project_graph (self);
      return;
    }

  /* Keep the user's place: the same views, the same selection. */
  if (entity != ENT_GRAPH_CANVAS_NONE)
    entity_id = ent_graph_get_entity (ent_view_get_graph (current), entity)->id;
  if (relation != ENT_GRAPH_CANVAS_NONE)
    relation_id = ent_graph_get_relation (ent_view_get_graph (current), relation)->id;

  ent_history_map (self->history, remap_view, &remap);
  ent_graph_canvas_clear_selection (self->canvas);
  if (ent_history_get_current (self->history) == NULL)
    {
      show_project_graph (self);
      return;
    }

  if (entity_id >= 0 && ent_graph_lookup_entity_id (graph, entity_id, &index))
    ent_graph_canvas_select_entity (self->canvas, index, FALSE);
  else if (relation_id >= 0)
    for (guint i = 0; i < graph->relations->len; i++)
      if (ent_graph_get_relation (graph, i)->id == relation_id)
        {
          ent_graph_canvas_select_relation (self->canvas, i);
          break;
        }

  gtk_stack_set_visible_child_name (self->main_stack, "graph");
  apply_view (self, current_view_filtered (self), 0);
}

/* Project ------------------------------------------------------------------ */

static void
show_project_graph (EntWindow *self)
{
  EntGraph *graph = ent_project_get_graph (self->project);
  g_autoptr(EntView) view = NULL;

  ent_history_clear (self->history);
  ent_graph_canvas_clear_selection (self->canvas);

  if (graph->entities->len == 0)
    {
      ent_graph_canvas_set_view (self->canvas, NULL, 0);
      if (ent_project_get_busy (self->project))
        {
          gtk_label_set_label (self->loading_label, _("Reading the documents…"));
          gtk_stack_set_visible_child_name (self->main_stack, "loading");
        }
      else
        {
          ent_status_page_set_description (self->empty_page,
            graph->documents->len > 0
              ? _("No entity was found in the documents of this project. Add news articles "
                  "about diplomacy — text, Markdown, HTML or PDF — or drop them here.")
              : _("Add news articles about diplomacy — text, Markdown, HTML or PDF — and "
                  "Entente will find who met, signed and allied with whom. You can also "
                  "drop files and folders here."));
          gtk_stack_set_visible_child_name (self->main_stack, "empty");
        }
      update_side_panel (self);
      _ent_window_update_actions (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "graph");
  view = ent_view_new_all (graph, &self->filter);
  ent_history_push (self->history, view);
  apply_view (self, view, 0);
}

static void
set_project (EntWindow  *self,
             EntProject *project)
{
  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_cancellable_cancel (self->ingest_cancellable);
  g_clear_object (&self->ingest_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);

  g_set_object (&self->project, project);
  ent_side_panel_set_project (self->side_panel, project);
  ent_search_popover_set_project (self->search_popover, project);

  if (project != NULL)
    {
      g_signal_connect_object (project, "notify::graph",
                               G_CALLBACK (project_graph_changed_cb), self, 0);
      g_signal_connect_object (project, "notify::busy",
                               G_CALLBACK (_ent_window_update_actions), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "progress",
                               G_CALLBACK (ingest_progress_cb), self, 0);
    }
  update_titles (self);
}

/* A damaged project still starts like a database; a file that does not was
 * never a project (a text file renamed, a download gone wrong). */
static gboolean
looks_like_sqlite (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  char header[16] = { 0, };
  FILE *file = g_fopen (path, "rb");
  gboolean found;

  if (file == NULL)
    return TRUE;
  found = fread (header, 1, sizeof header, file) == sizeof header &&
          memcmp (header, magic, sizeof magic) == 0;
  fclose (file);
  return found;
}

static void
show_error (EntWindow    *self,
            const char   *path,
            const GError *error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  if (g_error_matches (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_A_PROJECT) ||
      (g_error_matches (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT) && !looks_like_sqlite (path)))
    {
      title = g_strdup_printf (_("“%s” Is Not an Entente Project"), name);
      description = g_strdup (_("It is a file of another kind. Entente did not change it. "
                                "Open a project, or create a new one and add documents to it."));
    }
  else if (g_error_matches (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT))
    {
      title = g_strdup_printf (_("“%s” Is Damaged"), name);
      description = g_strdup_printf (_("Entente cannot read this project: %s"), escaped);
    }
  else if (g_error_matches (error, ENT_STORE_ERROR, ENT_STORE_ERROR_TOO_NEW))
    {
      title = g_strdup (_("This Project Needs a Newer Entente"));
      description = g_strdup_printf (_("“%s” was written by a newer version of Entente. "
                                       "Update Entente to open it; the file was left as it is."),
                                     name);
    }
  else if (g_error_matches (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
           g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      title = g_strdup_printf (_("“%s” Does Not Exist"), name);
      description = g_strdup_printf (_("There is no project at %s. It may have been moved or deleted."),
                                     path);
      ent_application_remove_recent (ENT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                                     path);
    }
  else
    {
      title = g_strdup_printf (_("“%s” Could Not Be Opened"), name);
      description = g_strdup (escaped);
    }

  g_free (self->error_title);
  self->error_title = g_strdup (title);
  ent_status_page_set_title (self->error_page, title);
  ent_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  _ent_window_update_actions (self);
}

/* The sample articles, without the folder's README: it describes the corpus,
 * it is not news. */
static GStrv
corpus_documents (const char *corpus)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GDir) dir = g_dir_open (corpus, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "README"))
      {
        g_autofree char *path = g_build_filename (corpus, name, NULL);
        g_strv_builder_add (builder, path);
      }
  return g_strv_builder_end (builder);
}

static void
project_opened_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(EntWindow) self = user_data;
  g_autoptr(EntProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = self->opening_path;

  project = ent_project_open_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->open_cancellable);

  if (project == NULL)
    {
      self->ingest_corpus_on_open = FALSE;
      show_error (self, path, error);
      return;
    }

  set_project (self, project);
  ent_application_add_recent (ENT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                              ent_project_get_path (project));

  if (self->ingest_corpus_on_open)
    {
      g_autofree char *corpus = ent_application_dup_corpus_dir ();

      self->ingest_corpus_on_open = FALSE;
      if (corpus != NULL)
        {
          g_auto(GStrv) paths = corpus_documents (corpus);
          ent_window_add_documents (self, (const char * const *) paths);
        }
    }

  show_project_graph (self);
}

void
_ent_window_open_in_place (EntWindow  *self,
                           const char *path,
                           gboolean    create)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *loading = g_strdup_printf (_("Opening “%s”…"), name);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
  g_free (self->opening_path);
  self->opening_path = g_strdup (path);

  set_project (self, NULL);
  ent_history_clear (self->history);
  ent_graph_canvas_clear_selection (self->canvas);
  ent_graph_canvas_set_view (self->canvas, NULL, 0);
  update_side_panel (self);
  gtk_label_set_label (self->loading_label, loading);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  _ent_window_update_actions (self);

  ent_project_open_async (path, create, self->open_cancellable,
                          project_opened_cb, g_object_ref (self));
}

/* Public API -------------------------------------------------------------- */

EntWindow *
ent_window_new (EntApplication *application)
{
  EntWindow *self;

  g_return_val_if_fail (ENT_IS_APPLICATION (application), NULL);

  self = g_object_new (ENT_TYPE_WINDOW, "application", application, NULL);
  bind_settings (self, ent_application_get_settings (application));
  return self;
}

void
ent_window_open_project (EntWindow  *self,
                         const char *path,
                         gboolean    create)
{
  g_return_if_fail (ENT_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  _ent_window_open_in_place (self, path, create);
}

void
ent_window_open_default (EntWindow *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (ENT_IS_WINDOW (self));

  path = ent_store_default_path ();
  /* First start: a new user sees the sample graph, not an empty window. */
  self->ingest_corpus_on_open = !g_file_test (path, G_FILE_TEST_EXISTS);
  _ent_window_open_in_place (self, path, TRUE);
}

static void
ingest_progress_cb (EntProject *project,
                    guint       done,
                    guint       total,
                    const char *path,
                    EntWindow  *self)
{
  g_autofree char *label = NULL;
  g_autofree char *name = path != NULL ? g_filename_display_basename (path) : NULL;

  if (!ent_project_get_busy (project))
    return;

  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  else
    gtk_progress_bar_pulse (self->progress_bar);

  if (name != NULL)
    label = g_strdup_printf (_("Adding documents: %u of %u (%s)"), done, total, name);
  else
    label = g_strdup_printf (_("Adding documents: %u of %u"), done, total);
  gtk_label_set_label (self->progress_label, label);
}

static void
report_ingestion (EntWindow       *self,
                  EntIngestReport *report)
{
  guint added = report->summary.added + report->summary.replaced;
  guint failed = MAX (report->summary.failed, report->failures->len);
  g_autofree char *message = NULL;

  if (g_error_matches (report->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup_printf (g_dngettext (NULL, "Stopped after %u document.",
                                            "Stopped after %u documents.", added),
                               added);
  else if (report->error != NULL)
    message = g_strdup_printf (_("Adding documents failed: %s"), report->error->message);

  if (message != NULL)
    {
      _ent_window_show_banner (self, "dialog-warning-symbolic", message,
                               failed > 0 ? _("_Details") : NULL, "win.show-ingest-report", 0);
      return;
    }

  if (failed > 0)
    {
      g_autofree char *done = g_strdup_printf (g_dngettext (NULL, "%u document added.",
                                                            "%u documents added.", added),
                                               added);
      g_autofree char *bad = g_strdup_printf (g_dngettext (NULL, "%u file could not be read.",
                                                           "%u files could not be read.", failed),
                                              failed);
      message = g_strdup_printf ("%s %s", done, bad);
      _ent_window_show_banner (self, "dialog-warning-symbolic", message,
                               _("_Details"), "win.show-ingest-report", 0);
    }
  else if (report->summary.files == 0)
    _ent_window_show_banner (self, "dialog-information-symbolic",
                             _("No document found: Entente reads .txt, .md, .html and .pdf files."),
                             NULL, NULL, 10);
  else if (added == 0)
    _ent_window_show_banner (self, "dialog-information-symbolic",
                             _("These documents are already in the project."), NULL, NULL, 6);
  else
    {
      message = g_strdup_printf (g_dngettext (NULL, "%u document added.", "%u documents added.", added),
                                 added);
      _ent_window_show_banner (self, "emblem-ok-symbolic", message, NULL, NULL, 6);
    }
}

static void
ingest_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EntWindow) self = user_data;
  g_autoptr(EntIngestReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = ent_project_ingest_finish (ENT_PROJECT (object), result, &error);
  if (ENT_PROJECT (object) != self->project)
    return;

  g_clear_object (&self->ingest_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  _ent_window_update_actions (self);

  if (report == NULL)
    {
      _ent_window_show_banner (self, "dialog-warning-symbolic", error->message, NULL, NULL, 8);
      return;
    }

  report_ingestion (self, report);
  g_clear_pointer (&self->last_report, ent_ingest_report_free);
  self->last_report = g_steal_pointer (&report);

  /* The loading page waited for this ingestion; the graph may still be empty. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "loading") == 0)
    show_project_graph (self);
}

void
ent_window_add_documents (EntWindow          *self,
                          const char * const *paths)
{
  g_return_if_fail (ENT_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (self->project == NULL || paths[0] == NULL)
    return;
  if (ent_project_get_busy (self->project))
    {
      _ent_window_show_banner (self, "dialog-information-symbolic",
                               _("Documents are already being added; try again when they are done."),
                               NULL, NULL, 6);
      return;
    }

  self->ingest_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_label (self->progress_label, _("Looking for documents…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);

  ent_project_ingest_async (self->project, paths, self->ingest_cancellable,
                            ingest_done_cb, g_object_ref (self));
  _ent_window_update_actions (self);
}

const char *
ent_window_get_project_path (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->project != NULL ? ent_project_get_path (self->project) : NULL;
}

EntProject *
ent_window_get_project (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->project;
}

const char *
ent_window_get_state (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
ent_window_get_error_title (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->error_title;
}

EntView *
ent_window_get_view (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return ent_history_get_current (self->history);
}

EntGraphCanvas *
ent_window_get_canvas (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->canvas;
}

EntSidePanel *
ent_window_get_side_panel (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->side_panel;
}

EntSearchPopover *
ent_window_get_search (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->search_popover;
}

/* Search results ----------------------------------------------------------- */

static void
search_entity_chosen_cb (EntSearchPopover *popover,
                         guint             entity,
                         EntWindow        *self)
{
  _ent_window_focus_entity (self, entity);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
search_sentence_chosen_cb (EntSearchPopover *popover,
                           guint             document,
                           guint64           start,
                           guint64           end,
                           EntWindow        *self)
{
  if (self->project == NULL)
    return;
  if (!self->show_side_panel)
    g_object_set (self, "show-side-panel", TRUE, NULL);
  ent_side_panel_show_document (self->side_panel, ent_project_get_graph (self->project),
                                document, start, end);
}

/* Properties --------------------------------------------------------------- */

static void
set_layout_engine (EntWindow  *self,
                   const char *name)
{
  EntLayoutEngine engine;

  if (name == NULL || !ent_layout_engine_from_string (name, &engine))
    {
      name = "auto";
      engine = ENT_LAYOUT_AUTO;
    }
  if (g_strcmp0 (self->layout_engine, name) == 0)
    return;

  g_free (self->layout_engine);
  self->layout_engine = g_strdup (name);
  ent_graph_canvas_set_engine (self->canvas, engine);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT_ENGINE]);
}

static void
set_focus_depth (EntWindow *self,
                 int        depth)
{
  EntView *view;

  depth = CLAMP (depth, 1, 3);
  if (self->focus_depth == depth)
    return;
  self->focus_depth = depth;

  /* A focus view on screen follows the new depth at once. */
  view = ent_history_get_current (self->history);
  if (view != NULL && ent_view_get_kind (view) == ENT_VIEW_KIND_FOCUS &&
      ent_view_get_focus (view) != ENT_VIEW_NONE)
    _ent_window_focus_entity (self, ent_view_get_focus (view));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_DEPTH]);
}

static void
set_show_side_panel (EntWindow *self,
                     gboolean   show)
{
  show = !!show;
  if (self->show_side_panel == show)
    return;
  self->show_side_panel = show;
  _ent_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDE_PANEL]);
}

static void
set_show_legend (EntWindow *self,
                 gboolean   show)
{
  show = !!show;
  if (self->show_legend == show)
    return;
  self->show_legend = show;
  ent_graph_canvas_set_show_legend (self->canvas, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LEGEND]);
}

static void
ent_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EntWindow *self = ENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT_ENGINE:
      g_value_set_string (value, self->layout_engine);
      break;

    case PROP_FOCUS_DEPTH:
      g_value_set_int (value, self->focus_depth);
      break;

    case PROP_SHOW_SIDE_PANEL:
      g_value_set_boolean (value, self->show_side_panel);
      break;

    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  EntWindow *self = ENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT_ENGINE:
      set_layout_engine (self, g_value_get_string (value));
      break;

    case PROP_FOCUS_DEPTH:
      set_focus_depth (self, g_value_get_int (value));
      break;

    case PROP_SHOW_SIDE_PANEL:
      set_show_side_panel (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_LEGEND:
      set_show_legend (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Window state -------------------------------------------------------------- */

static void
rebuild_recent_menu (EntWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = g_filename_display_basename (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }
  if (recent[0] == NULL)
    g_menu_append (self->recent_menu, _("No Recent Projects"), "win.no-recent");
}

static gboolean
ent_window_close_request (GtkWindow *window)
{
  EntWindow *self = ENT_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (self->show_side_panel)
    {
      int panel = gtk_widget_get_width (GTK_WIDGET (self->paned)) - gtk_paned_get_position (self->paned);
      if (panel >= 200)
        g_settings_set_int (self->settings, "side-panel-width", panel);
    }

  /* Whatever is being ingested stops; what is done stays. */
  g_cancellable_cancel (self->ingest_cancellable);

  return GTK_WINDOW_CLASS (ent_window_parent_class)->close_request (window);
}

/* "application" is not a construct property: this runs once it is set. */
static void
bind_settings (EntWindow *self,
               GSettings *settings)
{
  self->settings = g_object_ref (settings);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  /* The paned spans the window: the panel keeps the width it had. */
  gtk_paned_set_position (self->paned,
                          MAX (g_settings_get_int (self->settings, "window-width") / 2,
                               g_settings_get_int (self->settings, "window-width") -
                               g_settings_get_int (self->settings, "side-panel-width")));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "layout-engine", self, "layout-engine", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "focus-depth", self, "focus-depth", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "side-panel-visible", self, "show-side-panel", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-legend", self, "show-legend", G_SETTINGS_BIND_DEFAULT);

  ent_filter_from_settings (&self->filter, self->settings);
  ent_filter_popover_set_settings (self->filter_popover, self->settings);
  g_signal_connect_object (self->settings, "changed::hidden-entity-types",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::hidden-relation-types",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::min-sources",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);

  rebuild_recent_menu (self);
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);

  _ent_window_update_actions (self);
}

static void
ent_window_dispose (GObject *object)
{
  EntWindow *self = ENT_WINDOW (object);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_cancellable_cancel (self->ingest_cancellable);
  g_clear_object (&self->ingest_cancellable);
  g_clear_handle_id (&self->banner_timeout_id, g_source_remove);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->history, ent_history_free);
  g_clear_pointer (&self->last_report, ent_ingest_report_free);

  G_OBJECT_CLASS (ent_window_parent_class)->dispose (object);
}

static void
ent_window_finalize (GObject *object)
{
  EntWindow *self = ENT_WINDOW (object);

  g_free (self->error_title);
  g_free (self->layout_engine);
  g_free (self->opening_path);

  G_OBJECT_CLASS (ent_window_parent_class)->finalize (object);
}

static void
ent_window_class_init (EntWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ent_window_dispose;
  object_class->finalize = ent_window_finalize;
  object_class->get_property = ent_window_get_property;
  object_class->set_property = ent_window_set_property;

  window_class->close_request = ent_window_close_request;

  properties[PROP_LAYOUT_ENGINE] =
    g_param_spec_string ("layout-engine", NULL, NULL, "auto",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FOCUS_DEPTH] =
    g_param_spec_int ("focus-depth", NULL, NULL, 1, 3, 1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_SIDE_PANEL] =
    g_param_spec_boolean ("show-side-panel", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/entente/Entente/ent-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EntWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, view_button);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, banner_button);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, view_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, layout_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, side_panel_box);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, side_panel);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, search_popover);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, node_menu);
  gtk_widget_class_bind_template_callback (widget_class, banner_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_entity_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_layout_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_layout_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, canvas_busy_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_entity_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_relation_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_entity_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_sentence_chosen_cb);

  _ent_window_class_add_actions (widget_class);

  g_type_ensure (ENT_TYPE_GRAPH_CANVAS);
  g_type_ensure (ENT_TYPE_SIDE_PANEL);
  g_type_ensure (ENT_TYPE_SEARCH_POPOVER);
  g_type_ensure (ENT_TYPE_FILTER_POPOVER);
  g_type_ensure (ENT_TYPE_STATUS_PAGE);
}

static void
ent_window_init (EntWindow *self)
{
  self->history = ent_history_new (MAX_HISTORY);
  self->focus_depth = 1;
  self->show_side_panel = TRUE;
  self->show_legend = TRUE;
  self->layout_engine = g_strdup ("auto");
  ent_view_filter_init_default (&self->filter);

  gtk_widget_init_template (GTK_WIDGET (self));

  ent_graph_canvas_set_context_menu (self->canvas, self->node_menu);
  _ent_window_setup_controllers (self);
  ent_side_panel_show_overview (self->side_panel, NULL);
}
