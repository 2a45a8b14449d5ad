/* ent-export-private.h — the text formats of ent-export, and their escaping.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-export.h"

G_BEGIN_DECLS

/* Text from documents made safe for XML 1.0: invalid UTF-8 repaired, the
 * five special characters escaped, characters XML forbids (most C0
 * controls, U+FFFE, U+FFFF) dropped. */
void     ent_export_append_xml_escaped (GString    *out,
                                        const char *text);
/* One RFC 4180 field: quoted when it holds a comma, quote, CR or LF (quotes
 * doubled); a field a spreadsheet would run as a formula (= + - @ at the
 * start) gets a leading apostrophe. */
void     ent_export_append_csv_field   (GString    *out,
                                        const char *text);
/* A DOT double-quoted string, quotes included. */
void     ent_export_append_dot_string  (GString    *out,
                                        const char *text);

gboolean ent_export_write_dot     (EntLayout              *layout,
                                   const EntExportOptions *options,
                                   GOutputStream          *stream,
                                   GCancellable           *cancellable,
                                   GError                **error);
gboolean ent_export_write_graphml (EntView                *view,
                                   EntLayout              *layout,
                                   GOutputStream          *stream,
                                   GCancellable           *cancellable,
                                   GError                **error);
gboolean ent_export_write_gexf    (EntView                *view,
                                   EntLayout              *layout,
                                   const EntExportOptions *options,
                                   GOutputStream          *stream,
                                   GCancellable           *cancellable,
                                   GError                **error);
gboolean ent_export_write_csv     (EntView                *view,
                                   GOutputStream          *stream,
                                   GCancellable           *cancellable,
                                   GError                **error);

G_END_DECLS
