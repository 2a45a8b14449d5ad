/* fuzz-metadata.c — dates, titles and sources read from text.
 *
 * The parsers behind every document's date (ISO, English, datelines, meta
 * tags, front matter, PDF) must give a real day in "YYYY-MM-DD" or nothing:
 * no 2023-02-31, no year 0020, no month 13.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-metadata"

#include "config.h"

#include "ent-document-private.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
check_line (const char *line)
{
  if (line == NULL)
    return;
  fuzz_check (line[0] != '\0');
  fuzz_check (g_utf8_validate (line, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *raw_date = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *source = NULL;
  g_autofree char *line = NULL;
  const char *site;
  gsize length, cut;

  /* Raw bytes: a meta tag's content reaches the parser as it is. */
  raw_date = ent_document_parse_date ((const char *) data, size);
  fuzz_check (fuzz_date_is_valid (raw_date));

  valid = fuzz_valid_utf8 (data, size);
  text = ent_text_normalize (valid, strlen (valid), &length);

  title = ent_document_text_title (text, length);
  check_line (title);
  date = ent_document_text_date (text, length);
  fuzz_check (fuzz_date_is_valid (date));
  source = ent_document_text_source (text, length);
  fuzz_check (source == NULL || g_utf8_validate (source, -1, NULL));

  line = ent_document_clean_line (valid, -1);
  check_line (line);

  /* A title and a site: the text after its last newline names the site. */
  site = strrchr (text, '\n');
  cut = ent_document_title_length (text, site != NULL ? site + 1 : NULL, size % 2 == 0);
  fuzz_check (cut <= length);
  return 0;
}
