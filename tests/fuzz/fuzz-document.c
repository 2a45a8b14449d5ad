/* fuzz-document.c — one document reader on arbitrary bytes.
 *
 * Built once per format (FUZZ_FORMAT: text, Markdown, HTML, PDF) through
 * ent_document_new_from_text(), the in-memory twin of ent_document_load():
 * the same decoding, reading, normalisation and metadata. A document comes
 * back as text Entente can store, or an error says why not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-document"

#include "config.h"

#include "ent-document.h"
#include "fuzz-common.h"

#ifndef FUZZ_FORMAT
#error "FUZZ_FORMAT must name an EntDocumentFormat"
#endif

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
check_document (const EntDocument *document)
{
  fuzz_check (document->length > 0);
  fuzz_check (strlen (document->text) == document->length);
  fuzz_check (fuzz_text_is_clean (document->text, document->length));
  fuzz_check (!g_ascii_isspace (document->text[0]));
  fuzz_check (!g_ascii_isspace (document->text[document->length - 1]));
  fuzz_check (document->n_chars == (gsize) g_utf8_strlen (document->text, document->length));
  fuzz_check (document->hash != NULL && strlen (document->hash) == 64);
  fuzz_check (document->title != NULL && g_utf8_validate (document->title, -1, NULL));
  fuzz_check (document->title[0] != '\0');
  fuzz_check (fuzz_date_is_valid (document->date));
  fuzz_check (document->source == NULL || g_utf8_validate (document->source, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = ent_document_new_from_text ((const char *) data, (gssize) size, FUZZ_FORMAT,
                                         "/fuzz/input", &error);
  if (document == NULL)
    {
      fuzz_check (error != NULL && error->domain == ENT_DOCUMENT_ERROR);
      fuzz_check (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  fuzz_check (error == NULL);
  check_document (document);
  return 0;
}
