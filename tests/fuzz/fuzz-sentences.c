/* fuzz-sentences.c — normalisation, sentence splitting and character offsets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-sentences"

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
check_char_index (const char *text,
                  gsize       length,
                  GArray     *spans)
{
  g_autoptr(EntCharIndex) index = ent_char_index_new (text, length);

  /* In increasing order (the fast path), then backwards. */
  for (guint i = 0; i < spans->len; i++)
    {
      const EntSpan *span = &g_array_index (spans, EntSpan, i);

      fuzz_check (ent_char_index_lookup (index, span->start) ==
                  (gsize) g_utf8_strlen (text, span->start));
      fuzz_check (ent_char_index_lookup (index, span->end) ==
                  (gsize) g_utf8_strlen (text, span->end));
    }
  for (guint i = spans->len; i-- > 0; )
    {
      const EntSpan *span = &g_array_index (spans, EntSpan, i);

      fuzz_check (ent_char_index_lookup (index, span->start) ==
                  (gsize) g_utf8_strlen (text, span->start));
    }
  fuzz_check (ent_char_index_lookup (index, length + 10) == (gsize) g_utf8_strlen (text, length));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *valid = fuzz_valid_utf8 (data, size);
  g_autofree char *text = NULL;
  g_autoptr(GArray) raw_spans = NULL;
  g_autoptr(GArray) spans = NULL;
  gsize length;

  text = ent_text_normalize (valid, strlen (valid), &length);
  fuzz_check (strlen (text) == length);
  fuzz_check (fuzz_text_is_clean (text, length));

  spans = ent_text_split_sentences (text, length);
  fuzz_check_spans (text, length, spans);
  check_char_index (text, length, spans);

  /* The splitter is also handed text that was never normalised (tests, the
   * bytes of a document before its reader is done): it must stay in bounds. */
  raw_spans = ent_text_split_sentences ((const char *) data, size);
  for (guint i = 0; i < raw_spans->len; i++)
    {
      const EntSpan *span = &g_array_index (raw_spans, EntSpan, i);

      fuzz_check (span->start < span->end && span->end <= size);
    }
  return 0;
}
