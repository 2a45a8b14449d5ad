/* fuzz-common.h — what the libFuzzer harnesses share.
 *
 * Every harness makes GLib warnings and criticals fatal (fuzz_init): a g_return_if_fail()
 * tripped by an input is a bug the fuzzer must report like a crash. The
 * checks (fuzz_check) abort too, with the broken invariant in the message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "ent-text.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Not g_assert(): G_DISABLE_ASSERT must not turn the oracles off. */
#define fuzz_check(expr) \
  G_STMT_START { \
    if (G_UNLIKELY (!(expr))) \
      { \
        /* stdout too: the PDF harness closes stderr (-close_fd_mask=2). */ \
        fprintf (stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #expr); \
        printf ("%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #expr); \
        fflush (stdout); \
        abort (); \
      } \
  } G_STMT_END

/* Every warning and critical aborts, so that libFuzzer reports it with the
 * input, except poppler's warnings about the damaged PDFs it is fed
 * ("unexpected tz val"): they say the input is bad, which it is. */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  const char *domain = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
      domain = fields[i].value;
  if ((level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Poppler") == 0)
    return G_LOG_WRITER_HANDLED;
  g_log_writer_default (level, fields, n_fields, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      fflush (stderr);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_init (void)
{
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
  /* Keep debug chatter of the readers off the fuzzer's output. */
  g_setenv ("G_MESSAGES_DEBUG", "", TRUE);
}

/* A "YYYY-MM-DD" that names a real day of a plausible year, or NULL. */
static inline gboolean
fuzz_date_is_valid (const char *date)
{
  guint y, m, d;

  if (date == NULL)
    return TRUE;
  if (strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  y = (guint) atoi (date);
  m = (guint) atoi (date + 5);
  d = (guint) atoi (date + 8);
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 &&
         g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* A NUL-terminated copy of the bytes, made valid UTF-8 (the promise the text
 * functions of core expect from their callers). */
static inline char *
fuzz_valid_utf8 (const uint8_t *data,
                 size_t         size)
{
  g_autofree char *copy = g_strndup ((const char *) data, size);

  /* g_strndup() stops at a NUL: what comes after it is lost, which is what
   * a C string would do too. */
  return g_utf8_make_valid (copy, -1);
}

/* A text as core stores it: valid UTF-8 without controls but TAB and LF. */
static inline gboolean
fuzz_text_is_clean (const char *text,
                    gsize       length)
{
  if (!g_utf8_validate_len (text, length, NULL) || text[length] != '\0')
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
        return FALSE;
    }
  return TRUE;
}

/* Byte spans of sentences: in order, inside the text, on character
 * boundaries, not starting or ending with blank space. */
static inline void
fuzz_check_spans (const char *text,
                  gsize       length,
                  GArray     *spans)
{
  gsize last_end = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const EntSpan *span = &g_array_index (spans, EntSpan, i);

      fuzz_check (span->start < span->end);
      fuzz_check (span->end <= length);
      fuzz_check (span->start >= last_end);
      fuzz_check (((guchar) text[span->start] & 0xC0) != 0x80);
      fuzz_check (span->end == length || ((guchar) text[span->end] & 0xC0) != 0x80);
      fuzz_check (!g_ascii_isspace (text[span->start]));
      fuzz_check (!g_ascii_isspace (text[span->end - 1]));
      last_end = span->end;
    }
}
