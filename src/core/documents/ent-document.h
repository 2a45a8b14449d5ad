/* ent-document.h — a source document: its text as stored and its metadata.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ENT_DOCUMENT_ERROR (ent_document_error_quark ())

typedef enum {
  ENT_DOCUMENT_ERROR_NOT_FOUND,      /* the path does not exist */
  ENT_DOCUMENT_ERROR_UNREADABLE,     /* permission denied, I/O error */
  ENT_DOCUMENT_ERROR_UNSUPPORTED,    /* an extension Entente does not read */
  ENT_DOCUMENT_ERROR_BINARY,         /* looks like binary data, not text */
  ENT_DOCUMENT_ERROR_ENCODING,       /* not valid UTF-8 (nor a known legacy encoding) */
  ENT_DOCUMENT_ERROR_EMPTY,          /* no text at all once read */
  ENT_DOCUMENT_ERROR_TOO_LARGE,      /* larger than ENT_DOCUMENT_MAX_BYTES */
  ENT_DOCUMENT_ERROR_MALFORMED,      /* a PDF or HTML that cannot be parsed */
  ENT_DOCUMENT_ERROR_NO_PDF_SUPPORT, /* built without poppler-glib */
} EntDocumentError;

/* Files above this size are refused rather than read into memory. */
#define ENT_DOCUMENT_MAX_BYTES (256u * 1024u * 1024u)

typedef enum {
  ENT_DOCUMENT_FORMAT_TEXT,
  ENT_DOCUMENT_FORMAT_MARKDOWN,
  ENT_DOCUMENT_FORMAT_HTML,
  ENT_DOCUMENT_FORMAT_PDF,
} EntDocumentFormat;

typedef struct _EntDocument EntDocument;

struct _EntDocument
{
  /*< public, read-only >*/
  char              *path;     /* absolute path it was read from, or NULL */
  EntDocumentFormat  format;
  char              *title;    /* never NULL: falls back to the file name */
  char              *date;     /* ISO "YYYY-MM-DD" or NULL when unknown */
  char              *source;   /* outlet/site name or NULL */
  char              *text;     /* the text as stored: valid UTF-8, NFC, '\n' line ends */
  gsize              length;   /* bytes in text */
  gsize              n_chars;  /* Unicode characters in text */
  char              *hash;     /* hex SHA-256 of text: the document's identity */
  char             **warnings; /* what was read only in part, one line each; NULL when none */
};

GQuark       ent_document_error_quark (void);

/* Reads a file of any supported format (by extension: .txt .text .md .markdown
 * .html .htm .xhtml .pdf), extracts its text and metadata. Errors name the
 * cause; the caller adds the file name. */
EntDocument *ent_document_load          (const char        *path,
                                         GError           **error);

/* Builds a document from text already in memory (tests, benchmarks, stdin).
 * @text need not be NUL-terminated when @length >= 0. */
EntDocument *ent_document_new_from_text (const char        *text,
                                         gssize             length,
                                         EntDocumentFormat  format,
                                         const char        *path,
                                         GError           **error);

gboolean     ent_document_is_supported_path (const char *path);

void         ent_document_free          (EntDocument       *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntDocument, ent_document_free)

G_END_DECLS
