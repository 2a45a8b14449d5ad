/* ent-document-private.h — what the format readers share with ent-document.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-document.h"

G_BEGIN_DECLS

/* What a format reader hands back: the text (UTF-8, not yet normalised) and
 * the metadata the format itself carries. Any field may stay NULL. */
typedef struct {
  GString *text;
  char    *title;
  char    *date;   /* "YYYY-MM-DD" */
  char    *source;
  GPtrArray *warnings; /* (element-type utf8): what the reader had to leave out */
} EntDocumentParts;

void      ent_document_parts_clear   (EntDocumentParts  *parts);
void      ent_document_parts_warn    (EntDocumentParts  *parts,
                                      const char        *format,
                                      ...) G_GNUC_PRINTF (2, 3);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EntDocumentParts, ent_document_parts_clear)

/* @data: valid UTF-8 of an HTML page. */
gboolean  ent_document_read_html     (const char        *data,
                                      gsize              length,
                                      EntDocumentParts  *parts,
                                      GError           **error);

/* @text: normalised Markdown; the title is its first heading. */
void      ent_document_read_markdown (const char        *text,
                                      gsize              length,
                                      EntDocumentParts  *parts);

gboolean  ent_document_read_pdf      (GBytes            *bytes,
                                      EntDocumentParts  *parts,
                                      GError           **error);

/* The first date in @text written as "2023-03-13", "13 March 2023",
 * "March 13, 2023", "Mon, 13 Mar 2023", "13 /Mar/ 2023" or "Nov 5th, 2024",
 * as a newly allocated "YYYY-MM-DD", or NULL. */
char     *ent_document_parse_date    (const char        *text,
                                      gsize              length);

/* "YYYY-MM-DD" for a real day of a year from 1900 to 2100 (news dates; a
 * year 20 or 0020 is a parsing accident), else NULL. */
char     *ent_document_format_date   (guint              year,
                                      guint              month,
                                      guint              day);

/* Length of @title without a trailing " - 13 /Mar/ 2023" or " | @site"; with
 * @any_site, also without any short trailing " - Site Name". */
gsize     ent_document_title_length  (const char        *title,
                                      const char        *site,
                                      gboolean           any_site);

/* From the stored text of any format, when the format carries none: the
 * first line when it reads as a headline (or the first Markdown heading),
 * a date near the top, a site named on a line of its own or a dateline's
 * agency. NULL when there is none. */
char     *ent_document_text_title    (const char        *text,
                                      gsize              length);
char     *ent_document_text_date     (const char        *text,
                                      gsize              length);
char     *ent_document_text_source   (const char        *text,
                                      gsize              length);

/* A copy of @text with runs of whitespace collapsed and the ends trimmed, cut
 * to a sensible length for a title; NULL when nothing is left. */
char     *ent_document_clean_line    (const char        *text,
                                      gssize             length);

G_END_DECLS
