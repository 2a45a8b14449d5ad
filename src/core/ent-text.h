/* ent-text.h — text normalisation and sentence segmentation with offsets.
 *
 * Every span is in bytes into the stored (normalised) text; the store and the
 * JSON format count characters, so EntCharIndex converts quickly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gsize start;  /* byte offset of the first character */
  gsize end;    /* byte offset one past the last character (trailing space trimmed) */
} EntSpan;

/* Turns raw bytes that are known to be valid UTF-8 into the text Entente
 * stores: NFC, CR/CRLF -> LF, NUL and other C0 controls (but TAB, LF) removed,
 * no BOM. ASCII input takes a fast path. Returns a newly allocated string.
 * Also: form feed, U+2028, U+2029 and NEL become LF; NBSP and the other
 * Unicode spaces become ' '; DEL and C1 controls go. Typographic quotes and
 * dashes stay. */
char   *ent_text_normalize      (const char *text,
                                 gsize       length,
                                 gsize      *out_length);

/* Splits @text into sentences. Handles abbreviations (Mr, Dr, St, Jan., U.S.,
 * e.g.), initials ("George W. Bush"), decimal numbers, ellipses, closing quotes
 * and brackets after the full stop, paragraph breaks (a blank line always ends
 * a sentence; so does a line that looks like a heading), and datelines
 * ("TEHRAN, March 13 (Reuters) -" stays with its sentence). Returns a GArray of
 * EntSpan covering every non-blank sentence in order. Also: a leading
 * "date YYYY-MM-DD" marker is a segment of its own; Markdown headings and
 * list items start segments, rules are dropped; a run-on "sentence" is cut at
 * a space after at most 8 KiB. */
GArray *ent_text_split_sentences (const char *text,
                                  gsize       length);

/* A copy of @text safe to print on a terminal: C0 controls and DEL become
 * "\x1b", C1 controls "\u009b", bytes that are not UTF-8 "\xff"; every
 * other character (Persian, Cyrillic, ZWNJ...) is kept as it is. Names
 * and file names come from documents and may hold escape sequences. */
char   *ent_text_escape_controls (const char *text);

/* Byte offset -> character offset for one text, amortised O(1) when queried
 * in increasing order (the common case), O(log n) otherwise. */
typedef struct _EntCharIndex EntCharIndex;

EntCharIndex *ent_char_index_new   (const char   *text,
                                    gsize         length);
gsize         ent_char_index_lookup (EntCharIndex *index,
                                     gsize         byte_offset);
void          ent_char_index_free   (EntCharIndex *index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntCharIndex, ent_char_index_free)

G_END_DECLS
