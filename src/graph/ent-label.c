/* ent-label.c — node labels, measured and drawn alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-label"

#include "config.h"

#include "ent-label-private.h"

PangoContext *
ent_label_context_new (cairo_t *cr)
{
  PangoContext *context;
  cairo_font_options_t *options;

  if (cr != NULL)
    context = pango_cairo_create_context (cr);
  else
    context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  /* Unhinted metrics make a label as wide at zoom 0.3 as at zoom 4, so the
   * size measured on the worker holds on screen. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

PangoLayout *
ent_label_layout_new (PangoContext *context,
                      const char   *font,
                      const char   *text)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (ENT_LABEL_MAX_WIDTH * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -ENT_LABEL_MAX_LINES);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  ent_label_layout_set (layout, text);

  return layout;
}

void
ent_label_layout_set (PangoLayout *layout,
                      const char  *text)
{
  /* Names come from documents: Pango rejects invalid UTF-8 with a warning. */
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    text = "";
  pango_layout_set_text (layout, text, -1);
}

void
ent_label_layout_size (PangoLayout *layout,
                       double      *width,
                       double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}
