/* ent-search-popover.c — entity names as you type, sentences by full text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-search"

#include "config.h"

#include <glib/gi18n.h>

#include "ent-search-popover.h"
#include "ent-theme.h"

#define MAX_ENTITY_RESULTS   12
#define MAX_SENTENCE_RESULTS 40

struct _EntSearchPopover
{
  GtkPopover      parent_instance;

  EntProject     *project;
  GCancellable   *cancellable;
  GArray         *entity_results;
  guint           n_sentence_results;

  GtkSearchEntry *entry;
  GtkListBox     *results;
  GtkLabel       *status_label;
  GtkWidget      *scroller;
};

enum {
  ENTITY_CHOSEN,
  SENTENCE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EntSearchPopover, ent_search_popover, GTK_TYPE_POPOVER)

/* Matching ---------------------------------------------------------------- */

typedef struct {
  guint entity;
  guint rank;
  guint mentions;
} Match;

static guint
rank_match (const char *key,
            const char *query)
{
  const char *found = strstr (key, query);

  if (found == NULL)
    return G_MAXUINT;
  if (found == key)
    return g_str_equal (key, query) ? 0 : 1;
  /* The start of a word: "lukash" finds "Alexander Lukashenko" before "Blukash". */
  if (!g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (found))))
    return 2;
  return 3;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a, *mb = b;

  if (ma->rank != mb->rank)
    return ma->rank < mb->rank ? -1 : 1;
  if (ma->mentions != mb->mentions)
    return ma->mentions > mb->mentions ? -1 : 1;
  return ma->entity < mb->entity ? -1 : (ma->entity > mb->entity);
}

GArray *
ent_search_match_entities (EntGraph   *graph,
                           const char *query,
                           guint       limit)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autofree char *folded_query = NULL;
  g_autofree char *stripped = NULL;
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (graph != NULL, result);
  g_return_val_if_fail (query != NULL, result);

  stripped = g_strstrip (g_strdup (query));
  if (*stripped == '\0' || !g_utf8_validate (stripped, -1, NULL))
    return result;
  folded_query = g_utf8_casefold (stripped, -1);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntGraphEntity *entity = ent_graph_get_entity (graph, i);
      guint best = G_MAXUINT;

      for (guint j = 0; j <= entity->aliases->len && best > 0; j++)
        {
          const char *name = j == 0 ? entity->name : g_ptr_array_index (entity->aliases, j - 1);
          g_autofree char *key = NULL;
          guint rank;

          if (name == NULL)
            continue;
          key = g_utf8_casefold (name, -1);
          rank = rank_match (key, folded_query);
          /* An alias match ranks just behind the same match on the name. */
          if (rank != G_MAXUINT && j > 0 && rank > 0)
            rank = rank * 2 + 1;
          else if (rank != G_MAXUINT)
            rank = rank * 2;
          best = MIN (best, rank);
        }

      if (best != G_MAXUINT)
        {
          Match match = { i, best, entity->mentions };
          g_array_append_val (matches, match);
        }
    }

  g_array_sort (matches, compare_matches);
  for (guint i = 0; i < matches->len && (limit == 0 || i < limit); i++)
    g_array_append_val (result, g_array_index (matches, Match, i).entity);
  return result;
}

/* Rows -------------------------------------------------------------------- */

typedef enum {
  ROW_ENTITY,
  ROW_SENTENCE,
} RowKind;

static GtkWidget *
entity_row_new (EntGraph *graph,
                guint     index)
{
  EntGraphEntity *entity = ent_graph_get_entity (graph, index);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *name = gtk_label_new (entity->name);
  GtkWidget *type = gtk_label_new (ent_entity_type_to_label (entity->type));

  gtk_box_append (GTK_BOX (box), ent_theme_type_swatch_new (entity->type, 14));
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), name);
  gtk_widget_add_css_class (type, "dim-label");
  gtk_widget_add_css_class (type, "caption");
  gtk_box_append (GTK_BOX (box), type);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "kind", GUINT_TO_POINTER (ROW_ENTITY));
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  return row;
}

static char *
safe_markup (const char *snippet,
             const char *text)
{
  /* The store escapes its snippets; a broken one must not break the row. */
  if (snippet != NULL && pango_parse_markup (snippet, -1, 0, NULL, NULL, NULL, NULL))
    return g_strdup (snippet);
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static GtkWidget *
sentence_row_new (EntGraph       *graph,
                  EntSentenceHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *markup = safe_markup (hit->snippet, hit->text);
  GtkWidget *sentence = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (hit->document_title);
  guint document = G_MAXUINT;

  gtk_label_set_markup (GTK_LABEL (sentence), markup);
  gtk_label_set_xalign (GTK_LABEL (sentence), 0.0);
  gtk_label_set_wrap (GTK_LABEL (sentence), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (sentence), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (sentence), 3);
  gtk_label_set_ellipsize (GTK_LABEL (sentence), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (sentence), 50);
  gtk_box_append (GTK_BOX (box), sentence);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_add_css_class (title, "caption");
  gtk_box_append (GTK_BOX (box), title);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  ent_graph_lookup_document_id (graph, hit->document_id, &document);
  g_object_set_data (G_OBJECT (row), "kind", GUINT_TO_POINTER (ROW_SENTENCE));
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (document));
  g_object_set_data (G_OBJECT (row), "start", GSIZE_TO_POINTER (hit->start));
  g_object_set_data (G_OBJECT (row), "end", GSIZE_TO_POINTER (hit->end));
  return row;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  RowKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kind"));
  GtkWidget *header;

  if (before != NULL && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (before), "kind")) == kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (kind == ROW_ENTITY ? _("Entities") : _("Sentences"));
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "search-section");
  gtk_list_box_row_set_header (row, header);
}

static void
clear_rows (EntSearchPopover *self,
            RowKind           kind)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->results));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child) &&
          GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "kind")) == kind)
        gtk_list_box_remove (self->results, child);
      child = next;
    }
}

static void
update_status (EntSearchPopover *self,
               gboolean          searching)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  gboolean empty = self->entity_results->len == 0 && self->n_sentence_results == 0;

  if (*text == '\0')
    gtk_label_set_label (self->status_label, _("Type a name, or words of a sentence"));
  else if (searching && empty)
    gtk_label_set_label (self->status_label, _("Searching…"));
  else if (empty)
    gtk_label_set_label (self->status_label, _("Nothing found"));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), empty);
  gtk_widget_set_visible (self->scroller, !empty);
}

/* Searching --------------------------------------------------------------- */

static void
sentences_ready_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(EntSearchPopover) self = user_data;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  EntGraph *graph;

  hits = ent_project_search_finish (ENT_PROJECT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->project == NULL)
    return;
  if (hits == NULL)
    {
      /* A query FTS5 cannot parse is a user's typo, not a failure to report. */
      g_debug ("Sentence search failed: %s", error->message);
      update_status (self, FALSE);
      return;
    }

  graph = ent_project_get_graph (self->project);
  clear_rows (self, ROW_SENTENCE);
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->results, sentence_row_new (graph, g_ptr_array_index (hits, i)));
  self->n_sentence_results = hits->len;
  update_status (self, FALSE);
}

static void
search_changed_cb (GtkSearchEntry   *entry,
                   EntSearchPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  EntGraph *graph;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_rows (self, ROW_ENTITY);
  clear_rows (self, ROW_SENTENCE);
  g_array_set_size (self->entity_results, 0);
  self->n_sentence_results = 0;

  if (self->project == NULL || *stripped == '\0')
    {
      update_status (self, FALSE);
      return;
    }

  graph = ent_project_get_graph (self->project);
  {
    g_autoptr(GArray) found = ent_search_match_entities (graph, stripped, MAX_ENTITY_RESULTS);

    for (guint i = 0; i < found->len; i++)
      {
        guint entity = g_array_index (found, guint, i);
        /* Entities go before every sentence. */
        gtk_list_box_insert (self->results, entity_row_new (graph, entity), i);
      }
    g_array_append_vals (self->entity_results, found->data, found->len);
  }

  /* One letter matches half the corpus: wait for a word. */
  if (g_utf8_strlen (stripped, -1) >= 2)
    {
      self->cancellable = g_cancellable_new ();
      ent_project_search_async (self->project, stripped, MAX_SENTENCE_RESULTS, self->cancellable,
                                sentences_ready_cb, g_object_ref (self));
    }
  update_status (self, self->cancellable != NULL);
}

static void
graph_changed_cb (EntSearchPopover *self)
{
  search_changed_cb (self->entry, self);
}

static void
row_activated_cb (GtkListBox       *box,
                  GtkListBoxRow    *row,
                  EntSearchPopover *self)
{
  RowKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kind"));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));

  gtk_popover_popdown (GTK_POPOVER (self));
  if (kind == ROW_ENTITY)
    g_signal_emit (self, signals[ENTITY_CHOSEN], 0, index);
  else if (index != G_MAXUINT)
    g_signal_emit (self, signals[SENTENCE_CHOSEN], 0, index,
                   (guint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "start")),
                   (guint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "end")));
}

static void
entry_activate_cb (GtkSearchEntry   *entry,
                   EntSearchPopover *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results, 0);

  if (first != NULL)
    row_activated_cb (self->results, first, self);
}

static void
stop_search_cb (GtkSearchEntry   *entry,
                EntSearchPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      EntSearchPopover      *self)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  first = gtk_list_box_get_row_at_index (self->results, 0);
  if (first == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

static void
ent_search_popover_map (GtkWidget *widget)
{
  EntSearchPopover *self = ENT_SEARCH_POPOVER (widget);

  GTK_WIDGET_CLASS (ent_search_popover_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

/* GObject ----------------------------------------------------------------- */

static void
ent_search_popover_dispose (GObject *object)
{
  EntSearchPopover *self = ENT_SEARCH_POPOVER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_SEARCH_POPOVER);

  G_OBJECT_CLASS (ent_search_popover_parent_class)->dispose (object);
}

static void
ent_search_popover_finalize (GObject *object)
{
  EntSearchPopover *self = ENT_SEARCH_POPOVER (object);

  g_array_unref (self->entity_results);

  G_OBJECT_CLASS (ent_search_popover_parent_class)->finalize (object);
}

static void
ent_search_popover_class_init (EntSearchPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_search_popover_dispose;
  object_class->finalize = ent_search_popover_finalize;

  widget_class->map = ent_search_popover_map;

  signals[ENTITY_CHOSEN] =
    g_signal_new ("entity-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /* (document index, start, end): a sentence in the characters of the document. */
  signals[SENTENCE_CHOSEN] =
    g_signal_new ("sentence-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT64, G_TYPE_UINT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/entente/Entente/ent-search-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, EntSearchPopover, entry);
  gtk_widget_class_bind_template_child (widget_class, EntSearchPopover, results);
  gtk_widget_class_bind_template_child (widget_class, EntSearchPopover, status_label);
  gtk_widget_class_bind_template_child (widget_class, EntSearchPopover, scroller);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

static void
ent_search_popover_init (EntSearchPopover *self)
{
  GtkEventController *controller;

  self->entity_results = g_array_new (FALSE, FALSE, sizeof (guint));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->results, header_func, NULL, NULL);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);

  update_status (self, FALSE);
}

GtkWidget *
ent_search_popover_new (void)
{
  return g_object_new (ENT_TYPE_SEARCH_POPOVER, NULL);
}

void
ent_search_popover_set_project (EntSearchPopover *self,
                                EntProject       *project)
{
  g_return_if_fail (ENT_IS_SEARCH_POPOVER (self));
  g_return_if_fail (!project || ENT_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  /* Results hold indices of a graph snapshot: a new one needs new results. */
  if (project != NULL)
    g_signal_connect_object (project, "notify::graph", G_CALLBACK (graph_changed_cb),
                             self, G_CONNECT_SWAPPED);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  search_changed_cb (self->entry, self);
}

void
ent_search_popover_set_text (EntSearchPopover *self,
                             const char       *text)
{
  g_return_if_fail (ENT_IS_SEARCH_POPOVER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
}

GArray *
ent_search_popover_get_entity_results (EntSearchPopover *self)
{
  g_return_val_if_fail (ENT_IS_SEARCH_POPOVER (self), NULL);

  return self->entity_results;
}

guint
ent_search_popover_get_n_sentence_results (EntSearchPopover *self)
{
  g_return_val_if_fail (ENT_IS_SEARCH_POPOVER (self), 0);

  return self->n_sentence_results;
}
