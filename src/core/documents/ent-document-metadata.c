/* ent-document-metadata.c — dates, titles and sources found in the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-document"

#include "config.h"

#include <string.h>

#include "ent-document-private.h"

/* Metadata is looked for near the top (and the foot) of a document only. */
#define HEAD_LINES 20
#define HEAD_BYTES (8 * 1024)
#define TAIL_LINES 10

#define MAX_TITLE_CHARS 300

/* ------------------------------------------------------------------ */
/* Dates and titles                                                     */
/* ------------------------------------------------------------------ */

typedef enum {
  TOKEN_NUMBER,
  TOKEN_MONTH,
  TOKEN_WORD,
} TokenKind;

typedef struct {
  TokenKind kind;
  guint     value;  /* the number, or the month 1-12 */
  guint     digits;
  gsize     start;
  gsize     end;
} Token;

#define MAX_DATE_TOKENS 256

static guint
month_number (const char *word,
              gsize       len)
{
  static const char * const months[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
  };

  if (len < 3 || len > 9)
    return 0;
  if (len == 4 && g_ascii_strncasecmp (word, "sept", 4) == 0)
    return 9;
  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    if (g_ascii_strncasecmp (word, months[m], len) == 0 &&
        (len == 3 || months[m][len] == '\0'))
      return m + 1;
  return 0;
}

static gboolean
is_ordinal_suffix (const char *word,
                   gsize       len)
{
  return len == 2 && (g_ascii_strncasecmp (word, "st", 2) == 0 ||
                      g_ascii_strncasecmp (word, "nd", 2) == 0 ||
                      g_ascii_strncasecmp (word, "rd", 2) == 0 ||
                      g_ascii_strncasecmp (word, "th", 2) == 0);
}

/* Splits @text into runs of digits and runs of letters; an ordinal suffix
 * stays with its number ("5th"). */
static guint
tokenize_date (const char *text,
               gsize       length,
               Token      *tokens)
{
  guint n = 0;
  gsize p = 0;

  while (p < length && n < MAX_DATE_TOKENS)
    {
      gsize start = p;
      Token *t = &tokens[n];

      if (g_ascii_isdigit (text[p]))
        {
          guint value = 0;

          for (; p < length && g_ascii_isdigit (text[p]); p++)
            value = MIN (value * 10 + (guint) (text[p] - '0'), 100000u);
          *t = (Token) { TOKEN_NUMBER, value, (guint) (p - start), start, p };
          n++;
        }
      else if (g_ascii_isalpha (text[p]))
        {
          while (p < length && g_ascii_isalpha (text[p]))
            p++;
          if (n > 0 && tokens[n - 1].kind == TOKEN_NUMBER && tokens[n - 1].end == start &&
              is_ordinal_suffix (text + start, p - start))
            {
              tokens[n - 1].end = p;
              continue;
            }
          *t = (Token) { TOKEN_WORD, month_number (text + start, p - start), 0, start, p };
          if (t->value != 0)
            t->kind = TOKEN_MONTH;
          n++;
        }
      else
        p++;
    }
  return n;
}

/* Between the parts of "13 /Mar/ 2023" or "March 13, 2023". */
static gboolean
is_date_separator (const char *text,
                   gsize       from,
                   gsize       to)
{
  if (to <= from || to - from > 4)
    return FALSE;
  for (gsize i = from; i < to; i++)
    if (strchr (" \t,./-", text[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
is_iso_separator (const char *text,
                  const Token *a,
                  const Token *b,
                  char         sep)
{
  return b->start == a->end + 1 && text[a->end] == sep;
}

char *
ent_document_format_date (guint year,
                          guint month,
                          guint day)
{
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

static char *
match_date (const char  *text,
            const Token *t,
            guint        n)
{
  gboolean sep01, sep12;

  if (n < 3)
    return NULL;
  sep01 = is_date_separator (text, t[0].end, t[1].start);
  sep12 = is_date_separator (text, t[1].end, t[2].start);

  /* 2023-03-13, 2023/03/13 */
  if (t[0].kind == TOKEN_NUMBER && t[0].digits == 4 &&
      t[1].kind == TOKEN_NUMBER && t[1].digits <= 2 &&
      t[2].kind == TOKEN_NUMBER && t[2].digits <= 2)
    {
      char sep = text[t[0].end];

      if ((sep == '-' || sep == '/') && is_iso_separator (text, &t[0], &t[1], sep) &&
          is_iso_separator (text, &t[1], &t[2], sep))
        return ent_document_format_date (t[0].value, t[1].value, t[2].value);
      return NULL;
    }
  if (!sep01 || !sep12)
    return NULL;
  /* 13 March 2023 */
  if (t[0].kind == TOKEN_NUMBER && t[0].digits <= 2 && t[1].kind == TOKEN_MONTH &&
      t[2].kind == TOKEN_NUMBER && t[2].digits == 4)
    return ent_document_format_date (t[2].value, t[1].value, t[0].value);
  /* March 13, 2023 */
  if (t[0].kind == TOKEN_MONTH && t[1].kind == TOKEN_NUMBER && t[1].digits <= 2 &&
      t[2].kind == TOKEN_NUMBER && t[2].digits == 4)
    return ent_document_format_date (t[2].value, t[0].value, t[1].value);
  return NULL;
}

char *
ent_document_parse_date (const char *text,
                         gsize       length)
{
  Token tokens[MAX_DATE_TOKENS];
  guint n;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  n = tokenize_date (text, MIN (length, 4096), tokens);
  for (guint i = 0; i + 2 < n; i++)
    {
      char *date = match_date (text, tokens + i, n - i);

      if (date != NULL)
        return date;
    }
  return NULL;
}

char *
ent_document_clean_line (const char *text,
                         gssize      length)
{
  g_autoptr(GString) out = NULL;
  const char *end;
  gboolean space = FALSE;
  glong chars = 0;

  if (text == NULL)
    return NULL;
  if (length < 0)
    length = strlen (text);
  end = text + length;
  out = g_string_sized_new (MIN ((gsize) length, 1024));

  for (const char *p = text; p < end && chars < MAX_TITLE_CHARS; )
    {
      gunichar ch = g_utf8_get_char_validated (p, end - p);
      const char *next;

      if (ch == (gunichar) -1 || ch == (gunichar) -2)
        {
          p++;
          continue;
        }
      next = g_utf8_next_char (p);
      if (g_unichar_isspace (ch) || ch == 0xA0)
        space = out->len > 0;
      else if (!g_unichar_iscntrl (ch))
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_len (out, p, next - p);
          chars++;
        }
      p = next;
    }

  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char * const title_separators[] = {
  " - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ",
};

static guint
count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean blank = g_ascii_isspace (*p);

      if (!blank && !in_word)
        words++;
      in_word = !blank;
    }
  return words;
}

gsize
ent_document_title_length (const char *title,
                           const char *site,
                           gboolean    any_site)
{
  gsize length;
  const char *best = NULL;
  gsize best_len = 0;
  const char *suffix;
  g_autofree char *date = NULL;

  g_return_val_if_fail (title != NULL, 0);

  length = strlen (title);
  for (gsize i = 0; i < G_N_ELEMENTS (title_separators); i++)
    {
      const char *sep = g_strrstr (title, title_separators[i]);

      if (sep != NULL && sep > title && (best == NULL || sep > best))
        {
          best = sep;
          best_len = strlen (title_separators[i]);
        }
    }
  if (best == NULL)
    return length;

  suffix = best + best_len;
  date = ent_document_parse_date (suffix, strlen (suffix));
  if ((date != NULL && strlen (suffix) <= 30) ||
      (site != NULL && g_ascii_strcasecmp (suffix, site) == 0) ||
      (any_site && strlen (suffix) <= 30 && count_words (suffix) <= 4 &&
       (gsize) (best - title) >= strlen (suffix)))
    return best - title;
  return length;
}

/* ------------------------------------------------------------------ */
/* Metadata from plain text                                             */
/* ------------------------------------------------------------------ */

typedef struct {
  const char *text;
  gsize       length;
  gsize       pos;
} LineReader;

/* Next non-blank line, trimmed; FALSE at the end. */
static gboolean
next_line (LineReader  *reader,
           const char **line,
           gsize       *line_length)
{
  while (reader->pos < reader->length)
    {
      const char *start = reader->text + reader->pos;
      const char *nl = memchr (start, '\n', reader->length - reader->pos);
      const char *end = nl != NULL ? nl : reader->text + reader->length;

      reader->pos = (end - reader->text) + (nl != NULL ? 1 : 0);
      while (start < end && g_ascii_isspace (*start))
        start++;
      while (end > start && g_ascii_isspace (end[-1]))
        end--;
      if (end > start)
        {
          *line = start;
          *line_length = end - start;
          return TRUE;
        }
    }
  return FALSE;
}

/* "date 2023-03-13" at the start of @line: its length, or 0. */
static gsize
date_marker_length (const char *line,
                    gsize       length)
{
  gsize i = 4;

  if (length < 15 || g_ascii_strncasecmp (line, "date", 4) != 0)
    return 0;
  if (line[i] == ':')
    i++;
  while (i < length && line[i] == ' ')
    i++;
  if (length - i < 10 || i == 4)
    return 0;
  for (gsize k = 0; k < 10; k++)
    if ((k == 4 || k == 7) ? line[i + k] != '-' : !g_ascii_isdigit (line[i + k]))
      return 0;
  return i + 10;
}

/* "Financialtribune.com", "www.irna.ir" */
static gboolean
is_bare_domain (const char *line,
                gsize       length)
{
  const char *dot = NULL;
  gsize tld;

  if (length < 4 || length > 80)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (line[i] == '.')
        dot = line + i;
      else if (!g_ascii_isalnum (line[i]) && line[i] != '-')
        return FALSE;
    }
  if (dot == NULL || dot == line)
    return FALSE;
  tld = line + length - dot - 1;
  if (tld < 2 || tld > 24)
    return FALSE;
  for (gsize i = 1; i <= tld; i++)
    if (!g_ascii_isalpha (dot[i]))
      return FALSE;
  return TRUE;
}

static guint
count_line_words (const char *line,
                  gsize       length,
                  guint      *letters)
{
  guint words = 0;
  gboolean in_word = FALSE;

  *letters = 0;
  for (gsize i = 0; i < length; i++)
    {
      gboolean blank = g_ascii_isspace (line[i]);

      if (g_ascii_isalpha (line[i]))
        (*letters)++;
      if (!blank && !in_word)
        words++;
      in_word = !blank;
    }
  return words;
}

static gboolean
is_rule_line (const char *line,
              gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (strchr ("-*_= ", line[i]) == NULL)
      return FALSE;
  return length >= 3;
}

static gboolean
is_date_line (const char *line,
              gsize       length)
{
  g_autofree char *date = length <= 40 ? ent_document_parse_date (line, length) : NULL;

  return date != NULL;
}

/* Lines at the top that are no headline: section labels, dates, bylines
 * of one or two words, site names, separators. */
static gboolean
is_title_noise (const char *line,
                gsize       length)
{
  guint letters;
  guint words = count_line_words (line, length, &letters);

  return words < 3 || letters < 6 || is_rule_line (line, length) || is_bare_domain (line, length) ||
         g_ascii_strncasecmp (line, "source:", 7) == 0 || is_date_line (line, length);
}

static gboolean
is_headline (const char *line,
             gsize       length)
{
  char last = line[length - 1];

  return length <= 200 && strchr (".,;:", last) == NULL && !g_ascii_islower (line[0]);
}

static char *
heading_text (const char *line,
              gsize       length)
{
  gsize hashes = 0;

  while (hashes < length && line[hashes] == '#')
    hashes++;
  if (hashes == 0 || hashes > 6 || (hashes < length && line[hashes] != ' ' && line[hashes] != '\t'))
    return NULL;
  while (length > hashes && (line[length - 1] == '#' || line[length - 1] == ' '))
    length--;
  return ent_document_clean_line (line + hashes, length - hashes);
}

static char *
first_heading (const char *text,
               gsize       length)
{
  LineReader reader = { text, MIN (length, 64 * 1024), 0 };
  const char *line;
  gsize n;

  while (next_line (&reader, &line, &n))
    {
      char *heading = heading_text (line, n);

      if (heading != NULL)
        return heading;
    }
  return NULL;
}

static char *
trimmed_title (char *title)
{
  if (title != NULL)
    title[ent_document_title_length (title, NULL, FALSE)] = '\0';
  return title;
}

/* "Caspian News Agency / 12 October 2024 / Three-way talks in Baku …": an
 * outlet's name over the date, with the headline under them. A headline
 * over the date has the article's first paragraph under them instead,
 * which ends with a full stop. @reader is at the line after @line. */
static gboolean
is_masthead (LineReader  reader,
             const char *line,
             gsize       length)
{
  const char *next;
  gsize n;

  if (length > 60 || !is_headline (line, length))
    return FALSE;
  if (!next_line (&reader, &next, &n) || !is_date_line (next, n))
    return FALSE;
  return next_line (&reader, &next, &n) && !is_title_noise (next, n) && is_headline (next, n);
}

/* The first line when it reads as a headline (after labels, dates, site
 * names and an outlet's name over the date), else the first Markdown
 * heading. */
char *
ent_document_text_title (const char *text,
                         gsize       length)
{
  LineReader reader = { text, MIN (length, HEAD_BYTES), 0 };
  const char *line;
  gsize n;

  for (guint i = 0; i < HEAD_LINES && next_line (&reader, &line, &n); i++)
    {
      char *heading = heading_text (line, n);
      gsize marker = date_marker_length (line, n);

      if (heading != NULL)
        return trimmed_title (heading);
      if (marker > 0)
        {
          line += marker;
          n -= marker;
          while (n > 0 && g_ascii_isspace (*line))
            line++, n--;
          if (n == 0)
            continue;
        }
      if (is_title_noise (line, n) || is_masthead (reader, line, n))
        continue;
      if (is_headline (line, n))
        return trimmed_title (ent_document_clean_line (line, n));
      break;
    }
  return trimmed_title (first_heading (text, length));
}

char *
ent_document_text_date (const char *text,
                        gsize       length)
{
  LineReader reader = { text, MIN (length, HEAD_BYTES), 0 };
  const char *line;
  gsize n;

  for (guint i = 0; i < HEAD_LINES && next_line (&reader, &line, &n); i++)
    {
      /* A whole short line, or the dateline at the start of a paragraph:
       * dates further into the prose are about other things. */
      char *date = ent_document_parse_date (line, n <= 120 ? n : 60);

      if (date != NULL)
        return date;
    }
  return NULL;
}

/* "TEHRAN, March 13 (Reuters) - ..." -> "Reuters" */
static char *
dateline_source (const char *line,
                 gsize       length)
{
  const char *end = line + MIN (length, 120);

  for (const char *p = line; p < end; p++)
    {
      const char *q = p + 1;
      const char *after;

      if (*p != '(' || q >= end || !g_ascii_isupper (*q))
        continue;
      while (q < end && q - p <= 30 && (g_ascii_isalpha (*q) || strchr (" .&'-", *q) != NULL))
        q++;
      if (q >= end || *q != ')')
        continue;
      after = q + 1;
      while (after < end && *after == ' ')
        after++;
      if (after < end && (*after == '-' || g_str_has_prefix (after, "\xE2\x80\x93") ||
                          g_str_has_prefix (after, "\xE2\x80\x94")))
        return g_strndup (p + 1, q - p - 1);
    }
  return NULL;
}

static char *
source_from_line (const char *line,
                  gsize       length)
{
  if (g_ascii_strncasecmp (line, "source:", 7) == 0 && length > 7)
    return ent_document_clean_line (line + 7, MIN (length - 7, 80));
  if (is_bare_domain (line, length))
    return g_strndup (line, length);
  return NULL;
}

/* Start of the @n-th last non-blank line region. */
static gsize
tail_start (const char *text,
            gsize       length,
            guint       n)
{
  gsize pos = length;

  while (pos > 0 && n > 0)
    {
      pos--;
      if (text[pos] == '\n' && pos + 1 < length && text[pos + 1] != '\n')
        n--;
      if (length - pos > HEAD_BYTES)
        break;
    }
  return pos;
}

char *
ent_document_text_source (const char *text,
                          gsize       length)
{
  LineReader reader = { text, MIN (length, HEAD_BYTES), 0 };
  LineReader tail = { text, length, tail_start (text, length, TAIL_LINES) };
  const char *line;
  gsize n;
  char *source;

  for (guint i = 0; i < HEAD_LINES && next_line (&reader, &line, &n); i++)
    if ((source = source_from_line (line, n)) != NULL)
      return source;
  while (next_line (&tail, &line, &n))
    if ((source = source_from_line (line, n)) != NULL)
      return source;

  reader.pos = 0;
  if (next_line (&reader, &line, &n) && is_masthead (reader, line, n))
    return ent_document_clean_line (line, n);

  reader.pos = 0;
  for (guint i = 0; i < HEAD_LINES && next_line (&reader, &line, &n); i++)
    if ((source = dateline_source (line, n)) != NULL)
      return source;
  return NULL;
}
