/* ent-status-page.c — a big icon, a title, a description and some buttons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-status-page"

#include "config.h"

#include "ent-status-page.h"

struct _EntStatusPage
{
  GtkWidget   parent_instance;

  GtkWidget  *scroller;
  GtkImage   *image;
  GtkLabel   *title_label;
  GtkLabel   *description_label;
  GtkBox     *child_box;
  GtkWidget  *child;
};

enum {
  PROP_0,
  PROP_ICON_NAME,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EntStatusPage, ent_status_page, GTK_TYPE_WIDGET)

static void
ent_status_page_dispose (GObject *object)
{
  EntStatusPage *self = ENT_STATUS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_STATUS_PAGE);
  self->child = NULL;

  G_OBJECT_CLASS (ent_status_page_parent_class)->dispose (object);
}

static void
ent_status_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EntStatusPage *self = ENT_STATUS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, ent_status_page_get_icon_name (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, ent_status_page_get_title (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, ent_status_page_get_description (self));
      break;

    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_status_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EntStatusPage *self = ENT_STATUS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      ent_status_page_set_icon_name (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      ent_status_page_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      ent_status_page_set_description (self, g_value_get_string (value));
      break;

    case PROP_CHILD:
      ent_status_page_set_child (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_status_page_class_init (EntStatusPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_status_page_dispose;
  object_class->get_property = ent_status_page_get_property;
  object_class->set_property = ent_status_page_set_property;

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/entente/Entente/ent-status-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EntStatusPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, EntStatusPage, image);
  gtk_widget_class_bind_template_child (widget_class, EntStatusPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EntStatusPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, EntStatusPage, child_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statuspage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ent_status_page_init (EntStatusPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ent_status_page_new (void)
{
  return g_object_new (ENT_TYPE_STATUS_PAGE, NULL);
}

const char *
ent_status_page_get_icon_name (EntStatusPage *self)
{
  g_return_val_if_fail (ENT_IS_STATUS_PAGE (self), NULL);

  return gtk_image_get_icon_name (self->image);
}

void
ent_status_page_set_icon_name (EntStatusPage *self,
                               const char    *icon_name)
{
  g_return_if_fail (ENT_IS_STATUS_PAGE (self));

  if (g_strcmp0 (icon_name, ent_status_page_get_icon_name (self)) == 0)
    return;
  gtk_image_set_from_icon_name (self->image, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->image), icon_name != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

const char *
ent_status_page_get_title (EntStatusPage *self)
{
  g_return_val_if_fail (ENT_IS_STATUS_PAGE (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
ent_status_page_set_title (EntStatusPage *self,
                           const char    *title)
{
  g_return_if_fail (ENT_IS_STATUS_PAGE (self));

  if (g_strcmp0 (title, ent_status_page_get_title (self)) == 0)
    return;
  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL && *title != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
ent_status_page_get_description (EntStatusPage *self)
{
  g_return_val_if_fail (ENT_IS_STATUS_PAGE (self), NULL);

  return gtk_label_get_label (self->description_label);
}

void
ent_status_page_set_description (EntStatusPage *self,
                                 const char    *description)
{
  g_return_if_fail (ENT_IS_STATUS_PAGE (self));

  if (g_strcmp0 (description, ent_status_page_get_description (self)) == 0)
    return;
  gtk_label_set_markup (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && *description != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

GtkWidget *
ent_status_page_get_child (EntStatusPage *self)
{
  g_return_val_if_fail (ENT_IS_STATUS_PAGE (self), NULL);

  return self->child;
}

void
ent_status_page_set_child (EntStatusPage *self,
                           GtkWidget     *child)
{
  g_return_if_fail (ENT_IS_STATUS_PAGE (self));
  g_return_if_fail (!child || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  if (self->child != NULL)
    gtk_box_remove (self->child_box, self->child);
  self->child = child;
  if (child != NULL)
    gtk_box_append (self->child_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->child_box), child != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}
