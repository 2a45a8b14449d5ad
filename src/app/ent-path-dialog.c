/* ent-path-dialog.c — "How is A connected to B?": two entities to join.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-path-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ent-path-dialog.h"

struct _EntPathDialog
{
  GtkWindow    parent_instance;

  EntGraph    *graph;
  GArray      *order;  /* dropdown position -> entity index */

  GtkDropDown *from_dropdown;
  GtkDropDown *to_dropdown;
  GtkButton   *show_button;
};

enum {
  PATH_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EntPathDialog, ent_path_dialog, GTK_TYPE_WINDOW)

/* Collation keys made once: collating names pairwise while sorting thousands
 * of them would hold the dialog back. */
static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  char **keys = user_data;

  return strcmp (keys[*(const guint *) a], keys[*(const guint *) b]);
}

static guint
position_of (EntPathDialog *self,
             guint          entity)
{
  for (guint i = 0; i < self->order->len; i++)
    if (g_array_index (self->order, guint, i) == entity)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static guint
selected_entity (EntPathDialog *self,
                 GtkDropDown   *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->order->len)
    return G_MAXUINT;
  return g_array_index (self->order, guint, position);
}

static void
update_sensitivity (EntPathDialog *self)
{
  guint from, to;

  /* The template sets the dropdowns up before the entities are known. */
  if (self->order == NULL)
    return;
  from = selected_entity (self, self->from_dropdown);
  to = selected_entity (self, self->to_dropdown);

  gtk_widget_set_sensitive (GTK_WIDGET (self->show_button),
                            from != G_MAXUINT && to != G_MAXUINT && from != to);
}

static void
show_clicked_cb (GtkButton     *button,
                 EntPathDialog *self)
{
  guint from = selected_entity (self, self->from_dropdown);
  guint to = selected_entity (self, self->to_dropdown);

  if (from == G_MAXUINT || to == G_MAXUINT || from == to)
    return;
  g_signal_emit (self, signals[PATH_REQUESTED], 0, from, to);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
swap_clicked_cb (GtkButton     *button,
                 EntPathDialog *self)
{
  guint from = gtk_drop_down_get_selected (self->from_dropdown);

  gtk_drop_down_set_selected (self->from_dropdown, gtk_drop_down_get_selected (self->to_dropdown));
  gtk_drop_down_set_selected (self->to_dropdown, from);
}

static void
cancel_clicked_cb (GtkButton     *button,
                   EntPathDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ent_path_dialog_dispose (GObject *object)
{
  EntPathDialog *self = ENT_PATH_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_PATH_DIALOG);
  g_clear_pointer (&self->graph, ent_graph_unref);
  g_clear_pointer (&self->order, g_array_unref);

  G_OBJECT_CLASS (ent_path_dialog_parent_class)->dispose (object);
}

static void
ent_path_dialog_class_init (EntPathDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_path_dialog_dispose;

  /* (from, to): entity indices. */
  signals[PATH_REQUESTED] =
    g_signal_new ("path-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/entente/Entente/ent-path-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EntPathDialog, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntPathDialog, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntPathDialog, show_button);
  gtk_widget_class_bind_template_callback (widget_class, show_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, swap_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_sensitivity);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ent_path_dialog_init (EntPathDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
setup_dropdown (GtkDropDown *dropdown,
                GListModel  *model,
                guint        selected)
{
  g_autoptr(GtkExpression) expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_model (dropdown, model);
  gtk_drop_down_set_selected (dropdown, selected);
}

EntPathDialog *
ent_path_dialog_new (GtkWindow *parent,
                     EntGraph  *graph,
                     guint      from)
{
  EntPathDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (graph != NULL, NULL);

  self = g_object_new (ENT_TYPE_PATH_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->graph = ent_graph_ref (graph);
  self->order = g_array_sized_new (FALSE, FALSE, sizeof (guint), graph->entities->len);
  keys = g_new0 (char *, graph->entities->len + 1);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      keys[i] = g_utf8_collate_key (ent_graph_get_entity (graph, i)->name, -1);
      g_array_append_val (self->order, i);
    }
  g_array_sort_with_data (self->order, compare_keys, keys);
  for (guint i = 0; i < self->order->len; i++)
    gtk_string_list_append (names, ent_graph_get_entity (graph, g_array_index (self->order, guint, i))->name);

  setup_dropdown (self->from_dropdown, G_LIST_MODEL (names),
                  from != G_MAXUINT ? position_of (self, from) : GTK_INVALID_LIST_POSITION);
  setup_dropdown (self->to_dropdown, G_LIST_MODEL (names), GTK_INVALID_LIST_POSITION);
  update_sensitivity (self);

  return self;
}
