/* ent-filter-popover.c — which entity and relation types the graph shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "ent-filter-popover.h"
#include "ent-theme.h"

struct _EntFilterPopover
{
  GtkPopover      parent_instance;

  GSettings      *settings;
  GtkCheckButton *entity_checks[ENT_N_ENTITY_TYPES];
  GtkCheckButton *relation_checks[ENT_N_RELATION_TYPES];
  guint           updating : 1;

  GtkGrid        *entity_grid;
  GtkGrid        *relation_grid;
  GtkSpinButton  *min_sources;
};

G_DEFINE_FINAL_TYPE (EntFilterPopover, ent_filter_popover, GTK_TYPE_POPOVER)

void
ent_filter_from_settings (EntViewFilter *filter,
                          GSettings     *settings)
{
  g_auto(GStrv) hidden_entities = NULL;
  g_auto(GStrv) hidden_relations = NULL;
  guint min_sources;

  g_return_if_fail (filter != NULL);
  g_return_if_fail (G_IS_SETTINGS (settings));

  ent_view_filter_init_default (filter);
  filter->entity_types = ENT_VIEW_ALL_ENTITY_TYPES;
  filter->relation_types = ENT_VIEW_ALL_RELATION_TYPES;

  hidden_entities = g_settings_get_strv (settings, "hidden-entity-types");
  for (guint i = 0; hidden_entities[i] != NULL; i++)
    {
      EntEntityType type;
      if (ent_entity_type_from_string (hidden_entities[i], &type))
        ent_view_filter_set_entity_type (filter, type, FALSE);
    }

  hidden_relations = g_settings_get_strv (settings, "hidden-relation-types");
  for (guint i = 0; hidden_relations[i] != NULL; i++)
    {
      EntRelationType type;
      if (ent_relation_type_from_string (hidden_relations[i], &type))
        ent_view_filter_set_relation_type (filter, type, FALSE);
    }

  /* "Sources" counts distinct documents, for relations and entities alike. */
  min_sources = g_settings_get_uint (settings, "min-sources");
  filter->min_weight = min_sources;
  filter->min_sources = min_sources;
  /* An entity with no relation on screen is noise in a whole-graph view (a
   * grid of loose nodes); search and focus still reach it. */
  filter->hide_isolated = TRUE;
}

static void
sync_from_settings (EntFilterPopover *self)
{
  EntViewFilter filter;

  if (self->settings == NULL)
    return;

  ent_filter_from_settings (&filter, self->settings);
  self->updating = TRUE;
  for (guint i = 0; i < ENT_N_ENTITY_TYPES; i++)
    gtk_check_button_set_active (self->entity_checks[i],
                                 ent_view_filter_shows_entity_type (&filter, i));
  for (guint i = 0; i < ENT_N_RELATION_TYPES; i++)
    gtk_check_button_set_active (self->relation_checks[i],
                                 ent_view_filter_shows_relation_type (&filter, i));
  gtk_spin_button_set_value (self->min_sources, MAX (filter.min_weight, 1));
  self->updating = FALSE;
}

static void
write_hidden (EntFilterPopover *self,
              const char       *key,
              GtkCheckButton  **checks,
              guint             n_checks,
              const char     *(*to_string) (guint))
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) hidden = NULL;

  for (guint i = 0; i < n_checks; i++)
    if (!gtk_check_button_get_active (checks[i]))
      g_strv_builder_add (builder, to_string (i));
  hidden = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, key, (const char * const *) hidden);
}

static const char *
entity_type_string (guint type)
{
  return ent_entity_type_to_string (type);
}

static const char *
relation_type_string (guint type)
{
  return ent_relation_type_to_string (type);
}

static void
check_toggled_cb (GtkCheckButton   *check,
                  EntFilterPopover *self)
{
  if (self->updating || self->settings == NULL)
    return;

  if (g_object_get_data (G_OBJECT (check), "entity") != NULL)
    write_hidden (self, "hidden-entity-types", self->entity_checks, ENT_N_ENTITY_TYPES,
                  entity_type_string);
  else
    write_hidden (self, "hidden-relation-types", self->relation_checks, ENT_N_RELATION_TYPES,
                  relation_type_string);
}

static void
min_sources_changed_cb (GtkSpinButton    *spin,
                        EntFilterPopover *self)
{
  if (self->updating || self->settings == NULL)
    return;
  g_settings_set_uint (self->settings, "min-sources", (guint) gtk_spin_button_get_value_as_int (spin));
}

static void
reset_clicked_cb (GtkButton        *button,
                  EntFilterPopover *self)
{
  if (self->settings == NULL)
    return;
  g_settings_reset (self->settings, "hidden-entity-types");
  g_settings_reset (self->settings, "hidden-relation-types");
  g_settings_reset (self->settings, "min-sources");
}

static GtkCheckButton *
check_new (EntFilterPopover *self,
           const char       *label,
           GtkWidget        *swatch)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_label_new (label);

  if (swatch != NULL)
    gtk_box_append (GTK_BOX (box), swatch);
  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_box_append (GTK_BOX (box), text);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  return GTK_CHECK_BUTTON (check);
}

static void
ent_filter_popover_dispose (GObject *object)
{
  EntFilterPopover *self = ENT_FILTER_POPOVER (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_FILTER_POPOVER);

  G_OBJECT_CLASS (ent_filter_popover_parent_class)->dispose (object);
}

static void
ent_filter_popover_class_init (EntFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_filter_popover_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/entente/Entente/ent-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, EntFilterPopover, entity_grid);
  gtk_widget_class_bind_template_child (widget_class, EntFilterPopover, relation_grid);
  gtk_widget_class_bind_template_child (widget_class, EntFilterPopover, min_sources);
  gtk_widget_class_bind_template_callback (widget_class, min_sources_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);
}

static void
ent_filter_popover_init (EntFilterPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < ENT_N_ENTITY_TYPES; i++)
    {
      self->entity_checks[i] = check_new (self, ent_entity_type_to_label (i),
                                          ent_theme_type_swatch_new (i, 12));
      g_object_set_data (G_OBJECT (self->entity_checks[i]), "entity", GINT_TO_POINTER (1));
      gtk_grid_attach (self->entity_grid, GTK_WIDGET (self->entity_checks[i]), i % 2, i / 2, 1, 1);
    }
  for (guint i = 0; i < ENT_N_RELATION_TYPES; i++)
    {
      self->relation_checks[i] = check_new (self, ent_relation_type_to_label (i), NULL);
      gtk_grid_attach (self->relation_grid, GTK_WIDGET (self->relation_checks[i]), i % 2, i / 2, 1, 1);
    }
}

GtkWidget *
ent_filter_popover_new (void)
{
  return g_object_new (ENT_TYPE_FILTER_POPOVER, NULL);
}

void
ent_filter_popover_set_settings (EntFilterPopover *self,
                                 GSettings        *settings)
{
  g_return_if_fail (ENT_IS_FILTER_POPOVER (self));
  g_return_if_fail (!settings || G_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    {
      g_signal_connect_swapped (settings, "changed::hidden-entity-types",
                                G_CALLBACK (sync_from_settings), self);
      g_signal_connect_swapped (settings, "changed::hidden-relation-types",
                                G_CALLBACK (sync_from_settings), self);
      g_signal_connect_swapped (settings, "changed::min-sources",
                                G_CALLBACK (sync_from_settings), self);
    }
  sync_from_settings (self);
}
