/* ent-theme.c — the graph's colours where GTK widgets need them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-theme"

#include "config.h"

#include "ent-theme.h"

EntPaletteKind
ent_theme_get_palette (GtkWidget *widget)
{
  GdkRGBA color;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), ENT_PALETTE_LIGHT);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  return 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue > 0.5
    ? ENT_PALETTE_DARK : ENT_PALETTE_LIGHT;
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  EntEntityType type = GPOINTER_TO_UINT (user_data);
  const EntPalette *palette = ent_palette_get (ent_theme_get_palette (GTK_WIDGET (area)));
  const EntColor *fill = &palette->node_fill[type];
  const EntColor *stroke = &palette->node_stroke[type];

  ent_render_shape_path (cr, ent_node_shape_for_type (type),
                         width / 2.0, height / 2.0, width - 2.0, height - 4.0);
  cairo_set_source_rgba (cr, fill->red, fill->green, fill->blue, fill->alpha);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, stroke->red, stroke->green, stroke->blue, stroke->alpha);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

GtkWidget *
ent_theme_type_swatch_new (EntEntityType type,
                           int           size)
{
  GtkWidget *area;

  g_return_val_if_fail (type < ENT_N_ENTITY_TYPES, NULL);

  area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), size * 3 / 2);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), size);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch,
                                  GUINT_TO_POINTER (type), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ent_entity_type_to_label (type), -1);
  return area;
}
