/* ent-document-pdf.c — the text layer of a PDF, through poppler-glib.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-document"

#include "config.h"

#include <string.h>

#include "ent-document-private.h"

#if HAVE_POPPLER

#include <poppler.h>

/* "coope-\nration" -> "cooperation": a hyphen at the end of a line, after a
 * letter and before a lower-case letter, only split the word for layout. */
static gboolean
is_line_end_hyphen (const char *text,
                    gsize       pos,
                    gsize       length)
{
  gsize next = pos + 1;

  if (text[pos] != '-' || pos == 0 || !g_ascii_isalpha (text[pos - 1]))
    return FALSE;
  while (next < length && text[next] == ' ')
    next++;
  if (next >= length || text[next] != '\n')
    return FALSE;
  next++;
  while (next < length && text[next] == ' ')
    next++;
  return next < length && g_ascii_islower (text[next]);
}

static void
append_page_text (GString    *out,
                  const char *text)
{
  gsize length = strlen (text);
  gsize i = 0;

  while (i < length)
    {
      const char *soft = NULL;

      if (is_line_end_hyphen (text, i, length))
        {
          i = (const char *) memchr (text + i, '\n', length - i) - text + 1;
          while (i < length && text[i] == ' ')
            i++;
          continue;
        }
      /* A soft hyphen (U+00AD) at a line end is the same thing. */
      if ((guchar) text[i] == 0xC2 && i + 1 < length && (guchar) text[i + 1] == 0xAD)
        soft = text + i + 2;
      if (soft != NULL && *soft == '\n')
        {
          i += 3;
          continue;
        }
      g_string_append_c (out, text[i]);
      i++;
    }
}

static char *
clean_metadata (char *value)
{
  g_autofree char *owned = value;

  return ent_document_clean_line (owned, -1);
}

static void
read_pages (PopplerDocument *document,
            GString         *out)
{
  int n_pages = poppler_document_get_n_pages (document);

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *text = NULL;

      if (page == NULL)
        continue;
      text = poppler_page_get_text (page);
      g_object_unref (page);
      if (text == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, "\n\n");
      append_page_text (out, text);
    }
}

gboolean
ent_document_read_pdf (GBytes            *bytes,
                       EntDocumentParts  *parts,
                       GError           **error)
{
  PopplerDocument *document;
  g_autoptr(GError) local_error = NULL;
  GDateTime *created;

  /* From memory, never a URI: the file was read and checked already. */
  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_MALFORMED,
                             "password-protected PDF");
      else
        g_set_error (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_MALFORMED,
                     "not a PDF or damaged PDF: %s", local_error->message);
      return FALSE;
    }

  parts->text = g_string_new (NULL);
  read_pages (document, parts->text);
  parts->title = clean_metadata (poppler_document_get_title (document));
  created = poppler_document_get_creation_date_time (document);
  if (created != NULL)
    {
      /* Through the same check as every other date: poppler reads a
       * truncated "D:20" as the year 20, which %Y printed as "20-01-01". */
      parts->date = ent_document_format_date ((guint) g_date_time_get_year (created),
                                              (guint) g_date_time_get_month (created),
                                              (guint) g_date_time_get_day_of_month (created));
      g_date_time_unref (created);
    }
  g_object_unref (document);
  return TRUE;
}

#else /* !HAVE_POPPLER */

gboolean
ent_document_read_pdf (GBytes            *bytes,
                       EntDocumentParts  *parts,
                       GError           **error)
{
  g_set_error_literal (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_NO_PDF_SUPPORT,
                       "this build of Entente reads no PDF (built without poppler-glib)");
  return FALSE;
}

#endif
