/* ent-text.c — normalisation, sentence segmentation, byte -> char offsets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-text"

#include "config.h"

#include <string.h>

#include "ent-text.h"

/* ------------------------------------------------------------------ */
/* Normalisation                                                        */
/* ------------------------------------------------------------------ */

/* g_utf8_normalize() works on UCS-4 copies; cutting the text into pieces
 * bounds that memory. A cut is made just before an ASCII character, which is
 * never the second half of a canonical composition, so the pieces normalise
 * exactly as the whole would. */
#define NFC_CHUNK_BYTES (64 * 1024)

static gboolean
is_ascii (const char *text,
          gsize       length)
{
  const guchar *p = (const guchar *) text;
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 word;

      memcpy (&word, p + i, sizeof word);
      if (word & G_GUINT64_CONSTANT (0x8080808080808080))
        return FALSE;
    }
  for (; i < length; i++)
    if (p[i] & 0x80)
      return FALSE;

  return TRUE;
}

/* Appends the ASCII bytes text[from, to), folding line ends and dropping
 * controls; ordinary bytes are copied in runs. */
static void
append_ascii (GString    *out,
              const char *text,
              gsize       from,
              gsize       to)
{
  gsize run = from;

  for (gsize i = from; i < to; i++)
    {
      guchar c = (guchar) text[i];

      if (c >= 0x20 && c != 0x7f)
        continue;
      g_string_append_len (out, text + run, i - run);
      run = i + 1;
      if (c == '\t')
        g_string_append_c (out, '\t');
      else if (c == '\r')
        g_string_append_c (out, '\n');
      else if (c == '\n' && (i == 0 || text[i - 1] != '\r'))
        g_string_append_c (out, '\n');
      else if (c == '\v' || c == '\f')
        /* A form feed is a page break in extracted text: removing it would
         * glue the last word of one page to the first of the next. */
        g_string_append_c (out, '\n');
    }
  g_string_append_len (out, text + run, to - run);
}

static gboolean
is_unicode_space (gunichar ch)
{
  return ch == 0x00A0 || ch == 0x1680 || (ch >= 0x2000 && ch <= 0x200A) ||
         ch == 0x202F || ch == 0x205F || ch == 0x3000;
}

/* The character-level part of normalisation, before NFC. */
static GString *
map_characters (const char *text,
                gsize       length)
{
  GString *out = g_string_sized_new (length + 1);
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      const char *run = p;
      gunichar ch;
      const char *next;

      while (p < end && (guchar) *p < 0x80)
        p++;
      append_ascii (out, text, run - text, p - text);
      if (p == end)
        break;

      ch = g_utf8_get_char_validated (p, end - p);
      if (ch == (gunichar) -1 || ch == (gunichar) -2)
        {
          /* The caller promised UTF-8; stay within bounds if it lied. */
          g_string_append (out, "\xEF\xBF\xBD");
          p++;
          continue;
        }
      next = g_utf8_next_char (p);
      if (ch == 0x2028 || ch == 0x2029 || ch == 0x0085)
        g_string_append_c (out, '\n');
      else if (is_unicode_space (ch))
        g_string_append_c (out, ' ');
      else if (ch == 0xFEFF || (ch >= 0x80 && ch <= 0x9F))
        ; /* byte order marks and C1 controls carry no text */
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }

  return out;
}

static void
append_nfc (GString    *out,
            const char *text,
            gsize       length)
{
  g_autofree char *nfc = NULL;

  if (is_ascii (text, length))
    {
      g_string_append_len (out, text, length);
      return;
    }

  nfc = g_utf8_normalize (text, length, G_NORMALIZE_NFC);
  if (nfc != NULL)
    g_string_append (out, nfc);
  else
    g_string_append_len (out, text, length);
}

static GString *
compose (const char *text,
         gsize       length)
{
  GString *out = g_string_sized_new (length + 16);
  gsize start = 0;

  while (start < length)
    {
      gsize cut = MIN (length, start + NFC_CHUNK_BYTES);

      while (cut < length && (guchar) text[cut] >= 0x80)
        cut++;
      append_nfc (out, text + start, cut - start);
      start = cut;
    }

  return out;
}

char *
ent_text_normalize (const char *text,
                    gsize       length,
                    gsize      *out_length)
{
  g_autoptr(GString) mapped = NULL;
  GString *composed;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (is_ascii (text, length))
    {
      GString *out = g_string_sized_new (length + 1);

      append_ascii (out, text, 0, length);
      if (out_length != NULL)
        *out_length = out->len;
      return g_string_free (out, FALSE);
    }

  mapped = map_characters (text, length);
  composed = compose (mapped->str, mapped->len);
  if (out_length != NULL)
    *out_length = composed->len;

  return g_string_free (composed, FALSE);
}

/* ------------------------------------------------------------------ */
/* Sentence segmentation                                                */
/* ------------------------------------------------------------------ */

#define NO_SENTENCE G_MAXSIZE

/* A sentence longer than this is cut at a space: downstream stages work per
 * sentence, and a megabyte "sentence" from a file without punctuation would
 * make them crawl. Real news sentences stay far below it. */
#define MAX_SENTENCE_BYTES 8192

/* Hard-wrapped prose is wrapped at 60-100 columns; lines longer than this are
 * paragraphs written on one line. */
#define MAX_WRAP_CHARS 110
#define MIN_WRAP_CHARS 40

typedef enum {
  LINE_BLANK,
  LINE_TEXT,
  LINE_HEADING, /* "# Title" */
  LINE_ITEM,    /* "- item", "* item", "1. item" */
  LINE_RULE,    /* "---", "***", "===" */
} LineKind;

typedef struct {
  gsize    start;    /* first byte of the line */
  gsize    end;      /* the '\n' ending it, or the end of the text */
  gsize    body;     /* first byte of its content, after indentation and markers */
  gsize    body_end; /* one past its last non-blank byte */
  LineKind kind;
} Line;

/* How a full stop after a given word is read. */
typedef enum {
  STOP_NORMAL,  /* ends a sentence unless the next word is lower-case */
  STOP_NEVER,   /* a title before a name: "Mr.", "Dr.", "e.g." */
  STOP_STARTER, /* ends one only before a word that starts sentences: "U.S.", "Inc.", initials */
  STOP_DATE,    /* "Jan.", "Tue.": as STARTER, never before a number */
  STOP_NUMBER,  /* "No.", "p.": as NORMAL, never before a number */
} StopKind;

typedef struct {
  const char *text;
  gsize       length;
  GArray     *spans;
  gsize       start;       /* first byte of the open sentence or NO_SENTENCE */
  gboolean    has_pending; /* the current line ends with terminal punctuation */
  StopKind    pending_kind;
  gsize       pending_end; /* after that punctuation and its closing quotes */
  gsize       wrap_width;  /* the widest line so far that may be hard-wrapped */
} Splitter;

static const struct {
  const char *word;
  StopKind    kind;
} abbreviations[] = {
  { "Mr", STOP_NEVER }, { "Mrs", STOP_NEVER }, { "Ms", STOP_NEVER },
  { "Dr", STOP_NEVER }, { "Prof", STOP_NEVER }, { "Gen", STOP_NEVER },
  { "Col", STOP_NEVER }, { "Lt", STOP_NEVER }, { "Capt", STOP_NEVER },
  { "Gov", STOP_NEVER }, { "Sen", STOP_NEVER }, { "Rep", STOP_NEVER },
  { "Sgt", STOP_NEVER }, { "Maj", STOP_NEVER }, { "Adm", STOP_NEVER },
  { "Cmdr", STOP_NEVER }, { "Rev", STOP_NEVER }, { "Hon", STOP_NEVER },
  { "Pres", STOP_NEVER }, { "Supt", STOP_NEVER }, { "Messrs", STOP_NEVER },
  { "Mme", STOP_NEVER }, { "Brig", STOP_NEVER }, { "Amb", STOP_NEVER },
  { "vs", STOP_NEVER }, { "v", STOP_NEVER }, { "e.g", STOP_NEVER },
  { "i.e", STOP_NEVER }, { "cf", STOP_NEVER }, { "viz", STOP_NEVER },
  { "approx", STOP_NEVER }, { "ca", STOP_NEVER },
  { "St", STOP_STARTER }, { "Jr", STOP_STARTER }, { "Sr", STOP_STARTER },
  { "Inc", STOP_STARTER }, { "Ltd", STOP_STARTER }, { "Co", STOP_STARTER },
  { "Corp", STOP_STARTER }, { "Bros", STOP_STARTER }, { "Mt", STOP_STARTER },
  { "Ft", STOP_STARTER }, { "Ave", STOP_STARTER }, { "Rd", STOP_STARTER },
  { "Blvd", STOP_STARTER }, { "etc", STOP_STARTER }, { "al", STOP_STARTER },
  { "Dept", STOP_STARTER }, { "Univ", STOP_STARTER }, { "Govt", STOP_STARTER },
  { "Jan", STOP_DATE }, { "Feb", STOP_DATE }, { "Mar", STOP_DATE },
  { "Apr", STOP_DATE }, { "Jun", STOP_DATE }, { "Jul", STOP_DATE },
  { "Aug", STOP_DATE }, { "Sep", STOP_DATE }, { "Sept", STOP_DATE },
  { "Oct", STOP_DATE }, { "Nov", STOP_DATE }, { "Dec", STOP_DATE },
  { "Mon", STOP_DATE }, { "Tue", STOP_DATE }, { "Tues", STOP_DATE },
  { "Wed", STOP_DATE }, { "Thu", STOP_DATE }, { "Thur", STOP_DATE },
  { "Thurs", STOP_DATE }, { "Fri", STOP_DATE }, { "Sat", STOP_DATE },
  { "Sun", STOP_DATE },
  { "No", STOP_NUMBER }, { "Nos", STOP_NUMBER }, { "no", STOP_NUMBER },
  { "Art", STOP_NUMBER }, { "Sec", STOP_NUMBER }, { "Ch", STOP_NUMBER },
  { "Fig", STOP_NUMBER }, { "fig", STOP_NUMBER }, { "Vol", STOP_NUMBER },
  { "vol", STOP_NUMBER }, { "p", STOP_NUMBER }, { "pp", STOP_NUMBER },
};

/* Capitalised words that usually open a sentence rather than continue a name
 * after "U.S." or an initial. */
static const char * const starters[] = {
  "A", "According", "After", "Also", "Although", "An", "And", "Another", "As",
  "At", "Because", "Before", "Both", "But", "By", "Despite", "During", "Each",
  "Earlier", "Even", "Finally", "For", "From", "Furthermore", "He", "Her",
  "Here", "His", "How", "However", "I", "If", "In", "Instead", "It", "Its",
  "Last", "Later", "Many", "Meanwhile", "Moreover", "Most", "My", "Next", "No",
  "Nor", "Not", "Now", "On", "Once", "One", "Only", "Or", "Our", "She", "Since",
  "So", "Some", "Still", "Such", "That", "The", "Their", "Then", "There",
  "These", "They", "This", "Those", "Though", "Thus", "To", "Today", "Under",
  "Until", "We", "What", "When", "Where", "While", "Who", "Why", "With",
  "Without", "Yesterday", "Yet", "You",
};

/* Small words a headline in title case leaves in lower case. */
static const char * const title_small_words[] = {
  "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of",
  "on", "or", "over", "the", "to", "up", "via", "vs", "with",
};

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static inline gboolean
is_ascii_digit (char c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_ascii_lower (char c)
{
  return c >= 'a' && c <= 'z';
}

static inline gboolean
is_ascii_upper (char c)
{
  return c >= 'A' && c <= 'Z';
}

static inline gboolean
is_ascii_alpha (char c)
{
  return is_ascii_lower (c) || is_ascii_upper (c);
}

/* Length of a closing quote or bracket at @p, 0 if none. */
static gsize
closer_at (const char *p,
           const char *end)
{
  guchar c = (guchar) p[0];

  if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == '*' || c == '_')
    return 1;
  if (c == 0xE2 && end - p >= 3 && (guchar) p[1] == 0x80 &&
      ((guchar) p[2] == 0x9D || (guchar) p[2] == 0x99 || (guchar) p[2] == 0xBA))
    return 3; /* ” ’ › */
  if (c == 0xC2 && end - p >= 2 && (guchar) p[1] == 0xBB)
    return 2; /* » */
  return 0;
}

/* Length of an opening quote or bracket at @p, 0 if none. */
static gsize
opener_at (const char *p,
           const char *end)
{
  guchar c = (guchar) p[0];

  if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '*' || c == '_')
    return 1;
  if (c == 0xE2 && end - p >= 3 && (guchar) p[1] == 0x80 &&
      ((guchar) p[2] == 0x9C || (guchar) p[2] == 0x98 ||
       (guchar) p[2] == 0x9E || (guchar) p[2] == 0xB9))
    return 3; /* “ ‘ „ ‹ */
  if (c == 0xC2 && end - p >= 2 && ((guchar) p[1] == 0xAB || (guchar) p[1] == 0xBF ||
                                    (guchar) p[1] == 0xA1))
    return 2; /* « ¿ ¡ */
  return 0;
}

static gsize
skip_openers (const char *text,
              gsize       pos,
              gsize       end)
{
  gsize n;

  while (pos < end && (n = opener_at (text + pos, text + end)) > 0)
    pos += n;
  return pos;
}

typedef enum {
  CASE_NONE,  /* digits, symbols, scripts without case */
  CASE_LOWER,
  CASE_UPPER,
  CASE_DIGIT,
} CharCase;

static CharCase
case_at (const char *text,
         gsize       pos,
         gsize       end)
{
  char c;
  gunichar ch;

  if (pos >= end)
    return CASE_NONE;
  c = text[pos];
  if (is_ascii_lower (c))
    return CASE_LOWER;
  if (is_ascii_upper (c))
    return CASE_UPPER;
  if (is_ascii_digit (c))
    return CASE_DIGIT;
  if ((guchar) c < 0x80)
    return CASE_NONE;
  ch = g_utf8_get_char_validated (text + pos, end - pos);
  if (ch == (gunichar) -1 || ch == (gunichar) -2)
    return CASE_NONE;
  if (g_unichar_islower (ch))
    return CASE_LOWER;
  if (g_unichar_isupper (ch) || g_unichar_istitle (ch))
    return CASE_UPPER;
  return CASE_NONE;
}

/* Case of the first letter of the word at @pos, looking through quotes. A
 * comma or semicolon continues the sentence as a lower-case word would. */
static CharCase
next_word_case (const char *text,
                gsize       pos,
                gsize       end)
{
  gsize p = skip_openers (text, pos, end);
  char c;

  if (p >= end)
    return CASE_NONE;
  c = text[p];
  if (c == ',' || c == ';' || c == ')' || c == ']')
    return CASE_LOWER;
  return case_at (text, p, end);
}

/* Whether @word (@len bytes, not NUL-terminated) is @literal. Not strncmp():
 * a NUL byte in @word would stop it early and leave @literal[len] read past
 * its end. */
static inline gboolean
word_is (const char *literal,
         const char *word,
         gsize       len)
{
  return literal[0] == word[0] && strlen (literal) == len && memcmp (literal, word, len) == 0;
}

static gboolean
word_in_list (const char         *word,
              gsize               len,
              const char * const *list,
              gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (word_is (list[i], word, len))
      return TRUE;
  return FALSE;
}

static gboolean
is_starter_word (const char *text,
                 gsize       pos,
                 gsize       end)
{
  gsize p = skip_openers (text, pos, end);
  gsize q = p;

  while (q < end && is_ascii_alpha (text[q]))
    q++;
  if (q == p || q - p > 12 || (q < end && (guchar) text[q] >= 0x80))
    return FALSE;
  return word_in_list (text + p, q - p, starters, G_N_ELEMENTS (starters));
}

/* "U.S", "a.m", "Ph.D": letters with inner dots. */
static gboolean
is_dotted_acronym (const char *word,
                   gsize       len)
{
  gboolean dot = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (word[i] == '.')
        dot = TRUE;
      else if (!is_ascii_alpha (word[i]))
        return FALSE;
    }
  return dot && is_ascii_alpha (word[len - 1]);
}

/* Classifies the word that ends at the full stop at @dot. */
static StopKind
stop_kind (const char *text,
           gsize       line_start,
           gsize       dot)
{
  gsize start = dot;
  gsize len;
  const char *word;

  while (start > line_start && !is_blank (text[start - 1]) && dot - start < 32)
    start--;
  start = skip_openers (text, start, dot);
  word = text + start;
  len = dot - start;

  if (len == 0)
    return STOP_NORMAL;
  if (len == 1 && is_ascii_upper (word[0]))
    return STOP_STARTER; /* an initial */
  if (len <= 6)
    for (gsize i = 0; i < G_N_ELEMENTS (abbreviations); i++)
      if (word_is (abbreviations[i].word, word, len))
        return abbreviations[i].kind;
  if (is_dotted_acronym (word, len))
    return STOP_STARTER;
  return STOP_NORMAL;
}

/* Whether the punctuation read as @kind ends the sentence, given the word
 * that follows at @next. @line_break: the word is on the next line, and the
 * line is not one of a hard-wrapped paragraph. */
static gboolean
stop_ends_sentence (StopKind    kind,
                    const char *text,
                    gsize       next,
                    gsize       end,
                    gboolean    line_break)
{
  CharCase c = next_word_case (text, next, end);

  switch (kind)
    {
    case STOP_NEVER:
      return FALSE;
    case STOP_NUMBER:
      return c != CASE_LOWER && c != CASE_DIGIT;
    case STOP_DATE:
      if (c == CASE_DIGIT)
        return FALSE;
      G_GNUC_FALLTHROUGH;
    case STOP_STARTER:
      return c == CASE_UPPER && (line_break || is_starter_word (text, next, end));
    case STOP_NORMAL:
    default:
      return c != CASE_LOWER;
    }
}

static void
emit (Splitter *s,
      gsize     start,
      gsize     end)
{
  EntSpan span;

  while (start < end && is_blank (s->text[start]))
    start++;
  while (end > start && is_blank (s->text[end - 1]))
    end--;
  if (start == end)
    return;

  span.start = start;
  span.end = end;
  g_array_append_val (s->spans, span);
}

static void
close_sentence (Splitter *s,
                gsize     end)
{
  if (s->start != NO_SENTENCE && end > s->start)
    emit (s, s->start, end);
  s->start = NO_SENTENCE;
  s->has_pending = FALSE;
}

/* "date 2023-03-13" (also "Date: 2023-03-13"), as some feeds put before the
 * first sentence; returns its length or 0. */
static gsize
date_marker_at (const char *text,
                gsize       pos,
                gsize       end)
{
  const char *p = text + pos;
  gsize n = end - pos;
  gsize i = 4;

  if (n < 15 || g_ascii_strncasecmp (p, "date", 4) != 0)
    return 0;
  if (p[i] == ':')
    i++;
  if (i >= n || (p[i] != ' ' && p[i] != '\t'))
    return 0;
  while (i < n && (p[i] == ' ' || p[i] == '\t'))
    i++;
  if (n - i < 10)
    return 0;
  for (gsize k = 0; k < 10; k++)
    {
      gboolean dash = (k == 4 || k == 7);

      if (dash ? p[i + k] != '-' : !is_ascii_digit (p[i + k]))
        return 0;
    }
  i += 10;
  if (i < n && !is_blank (p[i]))
    return 0;
  return i;
}

/* Opens a sentence at @pos (not blank), or emits a leading date marker as its
 * own segment first. Returns where scanning goes on. */
static gsize
open_sentence (Splitter *s,
               gsize     pos,
               gsize     line_end)
{
  gsize marker = date_marker_at (s->text, pos, line_end);

  s->has_pending = FALSE;
  if (marker == 0)
    {
      s->start = pos;
      return pos;
    }

  emit (s, pos, pos + marker);
  pos += marker;
  while (pos < line_end && is_blank (s->text[pos]))
    pos++;
  s->start = pos < line_end ? pos : NO_SENTENCE;
  return pos;
}

/* Cuts a run-on sentence that reached MAX_SENTENCE_BYTES at @limit. */
static void
force_break (Splitter *s,
             gsize     limit,
             gsize     line_end)
{
  gsize cut = limit;
  gsize floor = limit > s->start + 512 ? limit - 512 : s->start;

  while (cut > floor && !is_blank (s->text[cut - 1]))
    cut--;
  if (cut == floor)
    {
      /* No space nearby: cut between two characters. */
      cut = limit;
      while (cut > s->start && ((guchar) s->text[cut] & 0xC0) == 0x80)
        cut--;
    }
  emit (s, s->start, cut);
  while (cut < line_end && is_blank (s->text[cut]))
    cut++;
  s->start = cut < line_end ? cut : NO_SENTENCE;
}

static const guchar interesting[256] = {
  ['.'] = 1, ['?'] = 1, ['!'] = 1, [0xE2] = 1,
};

/* Handles a cluster of terminal punctuation starting at @p in the line
 * [@line_start, @end); returns where to continue. */
static gsize
scan_stop (Splitter *s,
           gsize     line_start,
           gsize     p,
           gsize     end)
{
  const char *text = s->text;
  gsize q = p;
  guint dots = 0;
  gboolean other = FALSE; /* '?', '!' or '…' */
  StopKind kind;
  gsize n;

  while (q < end)
    {
      if (text[q] == '.')
        dots++, q++;
      else if (text[q] == '?' || text[q] == '!')
        other = TRUE, q++;
      else if (end - q >= 3 && (guchar) text[q] == 0xE2 &&
               (guchar) text[q + 1] == 0x80 && (guchar) text[q + 2] == 0xA6)
        other = TRUE, q += 3;
      else
        break;
    }
  if (q == p)
    return p + 1; /* a 0xE2 lead byte of some other character */

  while (q < end && (n = closer_at (text + q, text + end)) > 0)
    q += n;

  kind = (dots == 1 && !other) ? stop_kind (text, line_start, p) : STOP_NORMAL;

  if (q >= end)
    {
      /* Decided with the next line: see line_ends_sentence(). */
      s->has_pending = TRUE;
      s->pending_kind = kind;
      s->pending_end = q;
      return q;
    }
  if (!is_blank (text[q]))
    return q; /* "3.5", "U.S", "www.irna.ir" */

  n = q;
  while (n < end && is_blank (text[n]))
    n++;
  if (s->start != NO_SENTENCE &&
      stop_ends_sentence (kind, text, n, end, FALSE))
    {
      emit (s, s->start, q);
      n = open_sentence (s, n, end);
    }
  return n;
}

static void
scan_line (Splitter   *s,
           const Line *line)
{
  const char *text = s->text;
  gsize p = line->body;
  gsize end = line->body_end;

  s->has_pending = FALSE;
  while (p < end)
    {
      gsize limit = end;

      if (s->start != NO_SENTENCE && s->start + MAX_SENTENCE_BYTES < limit)
        limit = MAX (p, s->start + MAX_SENTENCE_BYTES);

      while (p < limit && !interesting[(guchar) text[p]])
        p++;
      if (p >= limit)
        {
          if (limit < end)
            force_break (s, limit, end);
          continue;
        }
      s->has_pending = FALSE;
      p = scan_stop (s, line->start, p, end);
    }
}

/* "---", "***", "___", "===" (spaces allowed), nothing else. */
static gboolean
is_rule (const char *p,
         gsize       len)
{
  char c = p[0];
  guint count = 0;

  if (c != '-' && c != '*' && c != '_' && c != '=')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (p[i] == c)
        count++;
      else if (p[i] != ' ' && p[i] != '\t')
        return FALSE;
    }
  return count >= 3;
}

/* Length of a list marker ("- ", "* ", "+ ", "• ", "12. ", "3) ") or 0. */
static gsize
item_marker (const char *p,
             gsize       len)
{
  gsize i = 0;

  if (len >= 2 && (p[0] == '-' || p[0] == '*' || p[0] == '+') && (p[1] == ' ' || p[1] == '\t'))
    return 2;
  if (len >= 4 && memcmp (p, "\xE2\x80\xA2", 3) == 0 && (p[3] == ' ' || p[3] == '\t'))
    return 4;
  while (i < len && i < 3 && is_ascii_digit (p[i]))
    i++;
  if (i > 0 && i + 1 < len && (p[i] == '.' || p[i] == ')') && (p[i + 1] == ' ' || p[i + 1] == '\t'))
    return i + 2;
  return 0;
}

static void
read_line (const char *text,
           gsize       length,
           gsize       start,
           Line       *line)
{
  const char *nl = memchr (text + start, '\n', length - start);
  gsize body, end, len, n;

  line->start = start;
  line->end = nl != NULL ? (gsize) (nl - text) : length;
  body = start;
  end = line->end;
  while (body < end && is_blank (text[body]))
    body++;
  while (end > body && is_blank (text[end - 1]))
    end--;
  line->body = body;
  line->body_end = end;
  len = end - body;

  if (len == 0)
    line->kind = LINE_BLANK;
  else if (is_rule (text + body, len))
    line->kind = LINE_RULE;
  else if (text[body] == '#')
    {
      n = 0;
      while (n < len && n < 7 && text[body + n] == '#')
        n++;
      line->kind = (n <= 6 && (n == len || text[body + n] == ' ' || text[body + n] == '\t'))
                   ? LINE_HEADING : LINE_TEXT;
      if (line->kind == LINE_HEADING)
        {
          /* "## Title ##": both marker runs go */
          while (end > body + n && text[end - 1] == '#')
            end--;
          line->body = body + n;
          line->body_end = end;
        }
    }
  else if ((n = item_marker (text + body, len)) > 0)
    {
      line->kind = LINE_ITEM;
      line->body = body + n;
    }
  else
    line->kind = LINE_TEXT;

  while (line->body < line->body_end && is_blank (text[line->body]))
    line->body++;
  while (line->body_end > line->body && is_blank (text[line->body_end - 1]))
    line->body_end--;
}

/* Characters from the start of the line to the end of its content, counted
 * only as far as needed to compare with MAX_WRAP_CHARS. */
static gsize
line_width (const char *text,
            const Line *line)
{
  gsize chars = 0;

  for (gsize i = line->start; i < line->body_end && chars <= MAX_WRAP_CHARS; i++)
    if (((guchar) text[i] & 0xC0) != 0x80)
      chars++;
  return chars;
}

static gsize
first_word_width (const char *text,
                  const Line *line)
{
  gsize chars = 0;

  for (gsize i = line->body; i < line->body_end && !is_blank (text[i]); i++)
    if (((guchar) text[i] & 0xC0) != 0x80)
      chars++;
  return chars;
}

/* Whether @line is one of a hard-wrapped paragraph: not longer than a wrap
 * width, as wide as a neighbour or as the widest wrapped line so far, and the
 * next line's first word would not have fitted on it.
 * @prev_width is the width of the line before it in the same block, or 0. */
static gboolean
line_is_wrapped (Splitter   *s,
                 const Line *line,
                 const Line *next,
                 gsize       prev_width)
{
  gsize width = line_width (s->text, line);
  gsize next_width = line_width (s->text, next);
  gsize wrap = MAX (MAX (width, s->wrap_width), MAX (next_width, prev_width));
  gboolean like_prev, like_next, like_widest;

  if (width < MIN_WRAP_CHARS || width > MAX_WRAP_CHARS ||
      next_width > MAX_WRAP_CHARS || prev_width > MAX_WRAP_CHARS)
    return FALSE;

  /* Wrapped lines come in groups of similar width; proportional fonts (PDF)
   * make them uneven, so a fifth is allowed everywhere. */
  like_prev = prev_width * 5 >= width * 4;
  like_next = next_width * 5 >= width * 4;
  like_widest = s->wrap_width * 5 >= width * 4 && width * 5 >= s->wrap_width * 4;
  if (!like_prev && !like_next && !like_widest)
    return FALSE;
  return (width + 1 + first_word_width (s->text, next)) * 5 > wrap * 4;
}

/* A headline: every word capitalised but small ones ("Iran and Belarus Sign
 * a Roadmap"). */
static gboolean
line_is_title (const char *text,
               const Line *line)
{
  gsize p = line->body;
  guint words = 0;

  if (line->body_end - line->body > 200)
    return FALSE;

  while (p < line->body_end)
    {
      gsize w;

      while (p < line->body_end && is_blank (text[p]))
        p++;
      w = p;
      while (p < line->body_end && !is_blank (text[p]))
        p++;
      if (p == w)
        break;
      words++;
      if (case_at (text, skip_openers (text, w, p), p) == CASE_LOWER &&
          !word_in_list (text + w, p - w, title_small_words, G_N_ELEMENTS (title_small_words)))
        return FALSE;
    }
  return words >= 2;
}

/* A line that stands alone even before a lower-case word: a bare domain or
 * address ("www.irna.ir"), with a dot inside, not a word and its full stop. */
static gboolean
line_is_address (const char *text,
                 const Line *line)
{
  gboolean inner_dot = FALSE;

  if (line->body_end - line->body > 100 || !g_ascii_isalnum (text[line->body_end - 1]))
    return FALSE;
  for (gsize i = line->body; i < line->body_end; i++)
    {
      char c = text[i];

      if (c == '.' && i > line->body && g_ascii_isalnum (text[i - 1]) &&
          g_ascii_isalnum (text[i + 1]))
        inner_dot = TRUE;
      else if (!g_ascii_isalnum (c) && c != '.' && c != '-' && c != '/' && c != ':' && c != '_')
        return FALSE;
    }
  return inner_dot;
}

static gboolean
ends_with_continuation (const char *text,
                        const Line *line)
{
  const char *end = text + line->body_end;
  char c = end[-1];

  if (c == ',' || c == ';' || c == '-' || c == '(')
    return TRUE;
  /* – — */
  return line->body_end - line->body >= 3 && (guchar) end[-3] == 0xE2 &&
         (guchar) end[-2] == 0x80 && ((guchar) c == 0x93 || (guchar) c == 0x94);
}

/* "TEHRAN, March 13 (Reuters)" on a line of its own: the story goes on
 * on the next line. */
static gboolean
line_is_dateline (const char *text,
                  const Line *line)
{
  gsize p = line->body;

  if (line->body_end - line->body > 80 || text[line->body_end - 1] != ')')
    return FALSE;
  while (p < line->body_end && is_ascii_upper (text[p]))
    p++;
  return p - line->body >= 3 && p < line->body_end && !is_ascii_lower (text[p]);
}

/* Decides whether the open sentence ends with @line, followed by the text
 * line @next in the same block. */
static gboolean
line_ends_sentence (Splitter   *s,
                    const Line *line,
                    const Line *next,
                    gsize       prev_width)
{
  const char *text = s->text;
  gboolean wrapped;
  CharCase c;

  if (line_is_address (text, next))
    return TRUE;

  if (s->has_pending)
    {
      wrapped = line_is_wrapped (s, line, next, prev_width);
      return stop_ends_sentence (s->pending_kind, text, next->body,
                                 next->body_end, !wrapped);
    }

  if (ends_with_continuation (text, line) || line_is_dateline (text, line))
    return FALSE;
  c = next_word_case (text, next->body, next->body_end);
  if (c == CASE_LOWER)
    return FALSE;

  /* Only a line that opened its own sentence can be a heading. */
  if (s->start >= line->start && line_is_title (text, line))
    return TRUE;
  /* Wrapped prose never continues with "The" or "He"; it does with "I". */
  if (is_starter_word (text, next->body, next->body_end) &&
      !(text[next->body] == 'I' && (next->body + 1 == next->body_end || text[next->body + 1] == ' ')))
    return TRUE;
  return !line_is_wrapped (s, line, next, prev_width);
}

GArray *
ent_text_split_sentences (const char *text,
                          gsize       length)
{
  Splitter s = { text, length, NULL, NO_SENTENCE, FALSE, STOP_NORMAL, 0, 0 };
  Line line, next;
  gsize prev_width = 0;
  gsize width;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  s.spans = g_array_sized_new (FALSE, FALSE, sizeof (EntSpan), length / 120 + 4);
  if (length == 0)
    return s.spans;

  read_line (text, length, 0, &line);
  for (;;)
    {
      switch (line.kind)
        {
        case LINE_BLANK:
        case LINE_RULE:
          break;
        case LINE_HEADING:
          emit (&s, line.body, line.body_end);
          break;
        case LINE_ITEM:
          open_sentence (&s, line.body, line.body_end);
          scan_line (&s, &line);
          break;
        case LINE_TEXT:
        default:
          if (s.start == NO_SENTENCE)
            open_sentence (&s, line.body, line.body_end);
          scan_line (&s, &line);
          break;
        }

      if (line.end >= length)
        break;
      read_line (text, length, line.end + 1, &next);

      if (s.start != NO_SENTENCE &&
          (next.kind != LINE_TEXT ||
           line_ends_sentence (&s, &line, &next, prev_width)))
        close_sentence (&s, s.has_pending ? s.pending_end : line.body_end);

      width = line.kind == LINE_TEXT ? line_width (text, &line) : 0;
      if (width >= MIN_WRAP_CHARS && width <= MAX_WRAP_CHARS)
        s.wrap_width = MAX (s.wrap_width, width);
      prev_width = next.kind == LINE_TEXT ? width : 0;
      line = next;
    }
  close_sentence (&s, line.body_end);

  return s.spans;
}

/* ------------------------------------------------------------------ */
/* Escaping for terminals                                               */
/* ------------------------------------------------------------------ */

char *
ent_text_escape_controls (const char *text)
{
  GString *out;
  const char *p;
  const char *end;

  if (text == NULL)
    return NULL;
  end = text + strlen (text);
  out = g_string_sized_new (end - text + 1);
  for (p = text; p < end; )
    {
      gunichar ch = g_utf8_get_char_validated (p, end - p);

      if (ch == (gunichar) -1 || ch == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
        }
      else if (ch < 0x20 || ch == 0x7f)
        {
          g_string_append_printf (out, "\\x%02x", ch);
          p++;
        }
      else if (ch >= 0x80 && ch <= 0x9f)
        {
          /* A terminal reads U+009B as CSI, like ESC [. */
          g_string_append_printf (out, "\\u%04x", ch);
          p = g_utf8_next_char (p);
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
        }
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Character index                                                      */
/* ------------------------------------------------------------------ */

/* Characters before every CHAR_BLOCK-th byte; a lookup counts the lead bytes
 * of at most one block on top. */
#define CHAR_BLOCK 256

struct _EntCharIndex
{
  const char *text;
  gsize       length;
  gboolean    ascii;
  gsize      *blocks; /* blocks[i]: characters in text[0, i * CHAR_BLOCK) */
  gsize       last_byte;
  gsize       last_chars;
};

static inline gsize
count_chars (const char *text,
             gsize       from,
             gsize       to)
{
  gsize n = 0;

  for (gsize i = from; i < to; i++)
    n += ((guchar) text[i] & 0xC0) != 0x80;
  return n;
}

EntCharIndex *
ent_char_index_new (const char *text,
                    gsize       length)
{
  EntCharIndex *index;
  gsize n_blocks;
  gsize chars = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  index = g_new0 (EntCharIndex, 1);
  index->text = text;
  index->length = length;
  index->ascii = is_ascii (text, length);
  if (index->ascii)
    return index;

  n_blocks = length / CHAR_BLOCK + 1;
  index->blocks = g_new (gsize, n_blocks);
  for (gsize b = 0; b < n_blocks; b++)
    {
      gsize from = b * CHAR_BLOCK;

      index->blocks[b] = chars;
      chars += count_chars (text, from, MIN (length, from + CHAR_BLOCK));
    }
  return index;
}

gsize
ent_char_index_lookup (EntCharIndex *index,
                       gsize         byte_offset)
{
  gsize block_start;
  gsize chars;

  g_return_val_if_fail (index != NULL, 0);

  byte_offset = MIN (byte_offset, index->length);
  if (index->ascii)
    return byte_offset;

  /* Increasing queries within one block continue from the last answer. */
  block_start = byte_offset - byte_offset % CHAR_BLOCK;
  if (index->last_byte <= byte_offset && index->last_byte >= block_start)
    chars = index->last_chars + count_chars (index->text, index->last_byte, byte_offset);
  else
    chars = index->blocks[block_start / CHAR_BLOCK] +
            count_chars (index->text, block_start, byte_offset);

  index->last_byte = byte_offset;
  index->last_chars = chars;
  return chars;
}

void
ent_char_index_free (EntCharIndex *index)
{
  if (index == NULL)
    return;
  g_free (index->blocks);
  g_free (index);
}
