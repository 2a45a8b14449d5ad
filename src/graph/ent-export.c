/* ent-export.c — writing a view to a file: images, graph formats, CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "ent-export.h"
#include "ent-export-private.h"
#include "ent-json.h"
#include "ent-label-private.h"

#define PAGE_MARGIN  16.0
#define LEGEND_GAP   16.0
#define TITLE_FONT   "Sans Bold 16"
#define TITLE_GAP    10.0
/* Cairo image surfaces stop at 32767 pixels a side. */
#define PNG_HARD_LIMIT 32767u

G_DEFINE_QUARK (ent-export-error-quark, ent_export_error)

static const struct {
  const char *name;
  const char *extension;
  const char *mime_type;
  gboolean    needs_layout;
} formats[ENT_N_EXPORT_FORMATS] = {
  { "png",     "png",     "image/png",               TRUE  },
  { "svg",     "svg",     "image/svg+xml",           TRUE  },
  { "pdf",     "pdf",     "application/pdf",         TRUE  },
  { "dot",     "gv",      "text/vnd.graphviz",       TRUE  },
  { "json",    "json",    "application/json",        FALSE },
  { "graphml", "graphml", "application/graphml+xml", FALSE },
  { "gexf",    "gexf",    "application/gexf+xml",    FALSE },
  { "csv",     "csv",     "text/csv",                FALSE },
};

const char *
ent_export_format_to_string (EntExportFormat format)
{
  g_return_val_if_fail (format < ENT_N_EXPORT_FORMATS, NULL);
  return formats[format].name;
}

gboolean
ent_export_format_from_string (const char      *str,
                               EntExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (str, "gv") == 0)
    {
      *format = ENT_EXPORT_DOT;
      return TRUE;
    }
  for (guint i = 0; i < ENT_N_EXPORT_FORMATS; i++)
    if (g_ascii_strcasecmp (str, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
ent_export_format_from_path (const char      *path,
                             EntExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (format != NULL, FALSE);

  if (path == NULL)
    return FALSE;
  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, '/') != NULL)
    return FALSE;
  return ent_export_format_from_string (dot + 1, format);
}

gboolean
ent_export_format_needs_layout (EntExportFormat format)
{
  g_return_val_if_fail (format < ENT_N_EXPORT_FORMATS, FALSE);
  return formats[format].needs_layout;
}

const char *
ent_export_format_get_mime_type (EntExportFormat format)
{
  g_return_val_if_fail (format < ENT_N_EXPORT_FORMATS, NULL);
  return formats[format].mime_type;
}

const char *
ent_export_format_get_extension (EntExportFormat format)
{
  g_return_val_if_fail (format < ENT_N_EXPORT_FORMATS, NULL);
  return formats[format].extension;
}

void
ent_export_options_init (EntExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->palette = ENT_PALETTE_LIGHT;
  options->legend = TRUE;
  options->scale = 1.5;
  options->max_pixels = 8192;
}

/* Images */

typedef struct {
  double width, height;           /* the page, in points */
  double title_height;
  double legend_width, legend_height;
  double graph_x, graph_y;
} Page;

static PangoLayout *
title_layout_new (cairo_t    *cr,
                  const char *title)
{
  PangoContext *context = ent_label_context_new (cr);
  PangoLayout *layout = ent_label_layout_new (context, TITLE_FONT, title);

  g_object_unref (context);
  /* Titles get a whole line, not a node's width. */
  pango_layout_set_width (layout, -1);
  pango_layout_set_height (layout, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  return layout;
}

static void
page_measure (Page                   *page,
              EntLayout              *layout,
              const EntExportOptions *options)
{
  const EntPalette *palette = ent_palette_get (options->palette);
  double title_width = 0;

  memset (page, 0, sizeof *page);
  if (options->title != NULL && options->title[0] != '\0')
    {
      g_autoptr(PangoLayout) title = title_layout_new (NULL, options->title);

      ent_label_layout_size (title, &title_width, &page->title_height);
      page->title_height += TITLE_GAP;
    }
  if (options->legend)
    ent_render_legend_size (layout, palette, &page->legend_width, &page->legend_height);

  page->graph_x = PAGE_MARGIN;
  page->graph_y = PAGE_MARGIN + page->title_height;
  page->width = layout->bounds.width
                + (page->legend_width > 0 ? LEGEND_GAP + page->legend_width : 0);
  page->width = ceil (MAX (page->width, title_width) + 2 * PAGE_MARGIN);
  page->height = ceil (page->title_height + MAX (layout->bounds.height, page->legend_height)
                       + 2 * PAGE_MARGIN);
}

static void
page_draw (cairo_t                *cr,
           const Page             *page,
           EntLayout              *layout,
           const EntExportOptions *options)
{
  const EntPalette *palette = ent_palette_get (options->palette);
  EntRenderOptions render;

  cairo_save (cr);
  /* Paint, not a rectangle: the last pixel row of a PNG may reach past the
   * page's fractional height. */
  cairo_set_source_rgba (cr, palette->background.red, palette->background.green,
                         palette->background.blue, 1);
  cairo_paint (cr);

  if (page->title_height > 0)
    {
      g_autoptr(PangoLayout) title = title_layout_new (cr, options->title);

      cairo_move_to (cr, PAGE_MARGIN, PAGE_MARGIN);
      cairo_set_source_rgba (cr, palette->foreground.red, palette->foreground.green,
                             palette->foreground.blue, 1);
      pango_cairo_show_layout (cr, title);
    }

  if (page->legend_width > 0)
    ent_render_draw_legend (cr, layout, palette,
                            page->graph_x + layout->bounds.width + LEGEND_GAP, page->graph_y);

  cairo_translate (cr, page->graph_x, page->graph_y);
  ent_render_options_init (&render, options->palette);
  /* Everything, at full detail: a file is zoomed later by its reader. */
  render.visible = layout->bounds;
  render.label_min_scale = 0;
  render.max_edge_pixels = 0;
  ent_render_draw (cr, layout, &render);
  cairo_restore (cr);
}

typedef struct {
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
  GString       *buffer;   /* when set, bytes go here instead */
} StreamClosure;

static cairo_status_t
write_to_stream (void                *data,
                 const unsigned char *bytes,
                 unsigned int         length)
{
  StreamClosure *closure = data;

  if (closure->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (closure->buffer != NULL)
    {
      g_string_append_len (closure->buffer, (const char *) bytes, length);
      return CAIRO_STATUS_SUCCESS;
    }
  if (!g_output_stream_write_all (closure->stream, bytes, length, NULL,
                                  closure->cancellable, &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_surface (cairo_surface_t  *surface,
               StreamClosure    *closure,
               const char       *what,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (closure->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&closure->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED,
                   "Could not write the %s image: %s", what, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
export_png (EntLayout              *layout,
            const EntExportOptions *options,
            StreamClosure          *closure,
            GError                **error)
{
  Page page;
  double scale = options->scale > 0 ? options->scale : 1.0;
  guint limit = options->max_pixels > 0 ? MIN (options->max_pixels, PNG_HARD_LIMIT) : PNG_HARD_LIMIT;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;
  int width, height;

  page_measure (&page, layout, options);
  scale = MIN (scale, limit / MAX (page.width, page.height));
  width = MAX (1, (int) ceil (page.width * scale));
  height = MAX (1, (int) ceil (page.height * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  page_draw (cr, &page, layout, options);
  cairo_destroy (cr);

  if (!check_surface (surface, closure, "PNG", error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cairo_surface_write_to_png_stream (surface, write_to_stream, closure);
  ok = check_surface (surface, closure, "PNG", error);
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
export_vector (EntLayout              *layout,
               EntExportFormat         format,
               const EntExportOptions *options,
               StreamClosure          *closure,
               GError                **error)
{
  Page page;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  page_measure (&page, layout, options);
  if (format == ENT_EXPORT_SVG)
    surface = cairo_svg_surface_create_for_stream (write_to_stream, closure, page.width, page.height);
  else
    surface = cairo_pdf_surface_create_for_stream (write_to_stream, closure, page.width, page.height);

  if (format == ENT_EXPORT_PDF && options->title != NULL
      && g_utf8_validate (options->title, -1, NULL))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, options->title);
  if (format == ENT_EXPORT_PDF)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Entente");

  cr = cairo_create (surface);
  page_draw (cr, &page, layout, options);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, closure, format == ENT_EXPORT_SVG ? "SVG" : "PDF", error);
  cairo_surface_destroy (surface);
  return ok;
}

/* Cairo draws text in SVG as glyph outlines, so nothing in the file says
 * which names it shows. A layer of transparent <text> over each node makes
 * the names searchable, selectable and readable by screen readers, and a
 * <title> names the drawing. */
static void
svg_text_layer (GString                *out,
                EntLayout              *layout,
                const EntExportOptions *options,
                const Page             *page)
{
  if (options->title != NULL)
    {
      g_string_append (out, "\n<title>");
      ent_export_append_xml_escaped (out, options->title);
      g_string_append (out, "</title>");
    }
  g_string_append (out, "\n<g id=\"entente-names\" fill-opacity=\"0\" font-family=\"sans-serif\" "
                        "font-size=\"10\" text-anchor=\"middle\">\n");
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const EntLayoutNode *node = &layout->nodes[i];
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (x, sizeof x, "%.2f", node->x + page->graph_x);
      g_ascii_formatd (y, sizeof y, "%.2f", node->y + page->graph_y + 3.5);
      g_string_append_printf (out, "<text x=\"%s\" y=\"%s\">", x, y);
      ent_export_append_xml_escaped (out, node->label);
      g_string_append (out, "</text>\n");
    }
  g_string_append (out, "</g>");
}

static gboolean
export_svg (EntLayout              *layout,
            const EntExportOptions *options,
            StreamClosure          *closure,
            GError                **error)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autoptr(GString) layer = g_string_new (NULL);
  StreamClosure memory = { NULL, NULL, NULL, svg };
  const char *root, *root_end;
  Page page;

  if (!export_vector (layout, ENT_EXPORT_SVG, options, &memory, error))
    return FALSE;

  page_measure (&page, layout, options);
  svg_text_layer (layer, layout, options, &page);
  root = strstr (svg->str, "<svg");
  root_end = root != NULL ? strchr (root, '>') : NULL;
  if (root_end != NULL)
    g_string_insert (svg, root_end + 1 - svg->str, layer->str);

  return g_output_stream_write_all (closure->stream, svg->str, svg->len, NULL,
                                    closure->cancellable, error);
}

/* Graph formats */

static gboolean
export_json (EntView        *view,
             GOutputStream  *stream,
             GError        **error)
{
  guint n_entities, n_relations;
  const guint *entities = ent_view_get_entities (view, &n_entities);
  const guint *relations = ent_view_get_relations (view, &n_relations);
  g_autoptr(GArray) entity_indices = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_entities);
  g_autoptr(GArray) relation_indices = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_relations);

  g_array_append_vals (entity_indices, entities, n_entities);
  g_array_append_vals (relation_indices, relations, n_relations);
  return ent_json_write_selection (ent_view_get_graph (view), entity_indices, relation_indices,
                                   stream, error);
}

gboolean
ent_export_to_stream (EntView                *view,
                      EntLayout              *layout,
                      EntExportFormat         format,
                      const EntExportOptions *options,
                      GOutputStream          *stream,
                      GCancellable           *cancellable,
                      GError                **error)
{
  EntExportOptions defaults;
  StreamClosure closure = { stream, cancellable, NULL, NULL };

  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (format < ENT_N_EXPORT_FORMATS, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (layout == NULL || ent_layout_get_view (layout) == view
                        || ent_view_equal (ent_layout_get_view (layout), view), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      ent_export_options_init (&defaults);
      options = &defaults;
    }
  if (formats[format].needs_layout && layout == NULL)
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_NEEDS_LAYOUT,
                   "The %s format needs a layout", formats[format].name);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  switch (format)
    {
    case ENT_EXPORT_PNG:
      return export_png (layout, options, &closure, error);
    case ENT_EXPORT_SVG:
      return export_svg (layout, options, &closure, error);
    case ENT_EXPORT_PDF:
      return export_vector (layout, format, options, &closure, error);
    case ENT_EXPORT_DOT:
      return ent_export_write_dot (layout, options, stream, cancellable, error);
    case ENT_EXPORT_JSON:
      return export_json (view, stream, error);
    case ENT_EXPORT_GRAPHML:
      return ent_export_write_graphml (view, layout, stream, cancellable, error);
    case ENT_EXPORT_GEXF:
      return ent_export_write_gexf (view, layout, options, stream, cancellable, error);
    case ENT_EXPORT_CSV:
      return ent_export_write_csv (view, stream, cancellable, error);
    case ENT_N_EXPORT_FORMATS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
ent_export_to_path (EntView                *view,
                    EntLayout              *layout,
                    EntExportFormat         format,
                    const EntExportOptions *options,
                    const char             *path,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);
  /* g_file_replace() writes a temporary file and renames it on close: a
   * failed export leaves the previous file as it was. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!ent_export_to_stream (view, layout, format, options, G_OUTPUT_STREAM (stream),
                             cancellable, &local_error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      g_prefix_error (&local_error, "%s: ", path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return TRUE;
}
