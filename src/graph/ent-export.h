/* ent-export.h — writing a view to a file: images, graph formats, CSV.
 *
 * Images (png, svg, pdf) go through cairo surfaces with ent_render_draw(), the
 * function the canvas uses, so an export looks like the screen, with a title
 * and a legend. dot writes the laid-out graph with positions (it reads back
 * into Graphviz: `neato -n` reuses them). graphml and gexf are XML for
 * graph tools (Gephi, yEd, networkx); csv is one table of edges for a
 * spreadsheet (RFC 4180). json is the DESIGN.md format, written by core.
 *
 * Image and dot formats need a layout; the others only need the view. Writers
 * escape everything that comes from documents: names may hold quotes, commas,
 * angle brackets, newlines and control characters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ent-layout.h"
#include "ent-render.h"
#include "ent-view.h"

G_BEGIN_DECLS

typedef enum {
  ENT_EXPORT_PNG,
  ENT_EXPORT_SVG,
  ENT_EXPORT_PDF,
  ENT_EXPORT_DOT,
  ENT_EXPORT_JSON,
  ENT_EXPORT_GRAPHML,
  ENT_EXPORT_GEXF,
  ENT_EXPORT_CSV,
  ENT_N_EXPORT_FORMATS
} EntExportFormat;

/* "png", "svg", "pdf", "dot", "json", "graphml", "gexf", "csv"
 * (case-insensitive when parsing; "gv" is accepted for dot). */
const char *ent_export_format_to_string      (EntExportFormat  format);
gboolean    ent_export_format_from_string    (const char      *str,
                                              EntExportFormat *format);
/* From the extension of @path ("graph.SVG" -> svg). */
gboolean    ent_export_format_from_path      (const char      *path,
                                              EntExportFormat *format);
/* png, svg, pdf and dot need a layout. */
gboolean    ent_export_format_needs_layout   (EntExportFormat  format);
/* "image/png", "image/svg+xml", "application/pdf", "text/vnd.graphviz",
 * "application/json", "application/graphml+xml", "application/gexf+xml",
 * "text/csv". */
const char *ent_export_format_get_mime_type  (EntExportFormat  format);
const char *ent_export_format_get_extension  (EntExportFormat  format);

typedef struct {
  const char     *title;         /* drawn above images, graph name in dot/gexf; NULL: none */
  EntPaletteKind  palette;       /* images: light (default) or dark */
  gboolean        legend;        /* images: draw the legend (default TRUE) */
  double          scale;         /* png: pixels per point (default 1.5) */
  guint           max_pixels;    /* png: longest side cap, the scale shrinks to fit (default 16384) */
} EntExportOptions;

void      ent_export_options_init (EntExportOptions *options);

#define ENT_EXPORT_ERROR (ent_export_error_quark ())

typedef enum {
  ENT_EXPORT_ERROR_NEEDS_LAYOUT,   /* an image or dot without a layout */
  ENT_EXPORT_ERROR_UNSUPPORTED,    /* e.g. json when core has no writer */
  ENT_EXPORT_ERROR_FAILED,         /* cairo or the stream failed */
} EntExportError;

GQuark    ent_export_error_quark (void);

/* Writes @view (through @layout when the format needs one; @layout may be
 * NULL otherwise, and must be a layout of @view when given) to @stream.
 * @options may be NULL for the defaults. The stream is not closed. Safe to
 * call from any thread (no Graphviz call). */
gboolean  ent_export_to_stream (EntView                *view,
                                EntLayout              *layout,
                                EntExportFormat         format,
                                const EntExportOptions *options,
                                GOutputStream          *stream,
                                GCancellable           *cancellable,
                                GError                **error);

/* The same to a file, replaced atomically (a failed export leaves any
 * previous file intact). */
gboolean  ent_export_to_path   (EntView                *view,
                                EntLayout              *layout,
                                EntExportFormat         format,
                                const EntExportOptions *options,
                                const char             *path,
                                GCancellable           *cancellable,
                                GError                **error);

G_END_DECLS
