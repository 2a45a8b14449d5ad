/* ent-document-markdown.c — Markdown to the plain text Entente stores.
 *
 * Not a full CommonMark renderer: it removes the syntax a reader does not
 * see (heading markers, emphasis, link targets, images, comments, list
 * markers) and keeps every word, so that evidence reads as the article does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-document"

#include "config.h"

#include <string.h>

#include "ent-document-private.h"

/* Link text may hold emphasis or code, but not links in links: nesting past
 * this depth is copied as it is. */
#define MAX_INLINE_DEPTH 4

/* How far a construct is looked for its closing half, and how many bytes
 * all such look-aheads of one line may read in total (per byte of the line):
 * a line full of unmatched brackets or backticks must not take quadratic
 * time. Past the budget, the rest of the line is read as plain text. */
#define MAX_INLINE_SCAN 2048
#define SCAN_BUDGET_PER_BYTE 8

typedef struct {
  GString          *out;
  EntDocumentParts *parts;
  gboolean          in_paragraph;
  gsize             paragraph_start; /* in out */
  gboolean          in_comment;      /* inside a multi-line <!-- --> */
  char              fence_char;      /* '`' or '~' inside a code fence, else 0 */
  gsize             fence_length;
  gssize            budget;          /* look-ahead bytes left for this line */
} Markdown;

static void inline_text (Markdown *md, const char *p, const char *end, guint depth);

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t';
}

static gboolean
is_punct (char c)
{
  return g_ascii_ispunct (c);
}

static void
end_paragraph (Markdown *md)
{
  md->in_paragraph = FALSE;
}

/* Starts a paragraph, or continues the open one on a new line. */
static void
begin_line (Markdown *md)
{
  if (md->in_paragraph)
    {
      g_string_append_c (md->out, '\n');
      return;
    }
  if (md->out->len > 0)
    g_string_append (md->out, "\n\n");
  md->in_paragraph = TRUE;
  md->paragraph_start = md->out->len;
}

/* Takes @n bytes of look-ahead from the line's budget; FALSE when spent. */
static gboolean
spend (Markdown *md,
       gsize     n)
{
  md->budget -= (gssize) n;
  return md->budget >= 0;
}

/* Position of the bracket closing the one at @open, or NULL. */
static const char *
matching (Markdown   *md,
          const char *open,
          const char *end,
          char        left,
          char        right)
{
  int depth = 0;
  const char *p;

  if (md->budget <= 0)
    return NULL;
  end = MIN (end, open + MIN (MAX_INLINE_SCAN, md->budget));
  for (p = open; p < end; p++)
    {
      if (*p == '\\' && p + 1 < end)
        p++;
      else if (*p == left)
        depth++;
      else if (*p == right && --depth == 0)
        break;
    }
  if (!spend (md, p - open) || p >= end)
    return NULL;
  return p;
}

/* "[text](url)", "[text][ref]", "![alt](src)": returns where the construct
 * ends, or NULL when @p does not start one. */
static const char *
link_end (Markdown    *md,
          const char  *p,
          const char  *end,
          const char **text_end)
{
  const char *close = matching (md, p, end, '[', ']');
  const char *target;

  if (close == NULL || close + 1 >= end)
    return NULL;
  *text_end = close;
  if (close[1] == '(')
    target = matching (md, close + 1, end, '(', ')');
  else if (close[1] == '[')
    target = matching (md, close + 1, end, '[', ']');
  else
    return NULL;
  return target != NULL ? target + 1 : NULL;
}

/* A run of backticks and the code it encloses: the code is kept as text. */
static const char *
code_span (Markdown   *md,
           const char *p,
           const char *end)
{
  const char *limit = MIN (end, p + MAX_INLINE_SCAN);
  const char *q;
  gsize run = 0;

  while (p + run < end && p[run] == '`')
    run++;
  q = p + run;
  while (q < limit && md->budget >= 0)
    {
      gsize close = 0;

      md->budget--;
      if (*q != '`')
        {
          q++;
          continue;
        }
      while (q + close < end && q[close] == '`')
        close++;
      if (close == run)
        {
          g_string_append_len (md->out, p + run, q - p - run);
          return q + run;
        }
      q += close;
    }
  g_string_append_len (md->out, p, run);
  return p + run;
}

/* "<http://...>", "<!-- ... -->", "<b>", "</span>": returns where it ends,
 * or NULL when the '<' is text ("a < b"). */
static const char *
angle (Markdown   *md,
       const char *p,
       const char *end)
{
  const char *close;

  if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
    {
      const char *stop = g_strstr_len (p + 4, end - p - 4, "-->");

      if (stop != NULL)
        return stop + 3;
      md->in_comment = TRUE;
      return end;
    }
  if (p + 1 >= end || !(g_ascii_isalpha (p[1]) || p[1] == '/'))
    return NULL;
  if (md->budget <= 0)
    return NULL;
  close = memchr (p, '>', MIN (end - p, MAX_INLINE_SCAN));
  if (!spend (md, close != NULL ? (gsize) (close - p) : (gsize) MIN (end - p, MAX_INLINE_SCAN)) ||
      close == NULL)
    return NULL;
  for (const char *q = p + 1; q < close; q++)
    if (*q == '<')
      return NULL;

  if (g_strstr_len (p, close - p, "://") != NULL || (memchr (p, '@', close - p) != NULL &&
                                                     memchr (p, ' ', close - p) == NULL))
    g_string_append_len (md->out, p + 1, close - p - 1); /* an autolink */
  return close + 1;
}

/* A run of '*', '_' or "~~" that opens or closes emphasis is dropped; one
 * with spaces on both sides ("2 * 3") or inside a word_like_this stays. */
static const char *
emphasis (Markdown   *md,
          const char *line,
          const char *p,
          const char *end)
{
  char c = *p;
  const char *q = p;
  gboolean before_blank, after_blank, before_punct, after_punct;
  gboolean opens, closes;

  while (q < end && *q == c)
    q++;
  if (c == '~' && q - p != 2)
    {
      g_string_append_len (md->out, p, q - p);
      return q;
    }

  before_blank = p == line || is_space (p[-1]);
  after_blank = q == end || is_space (*q);
  before_punct = !before_blank && is_punct (p[-1]);
  after_punct = !after_blank && is_punct (*q);
  opens = !after_blank && (before_blank || before_punct || !after_punct);
  closes = !before_blank && (after_blank || after_punct || !before_punct);
  if (c == '_' && opens && closes && !before_punct && !after_punct)
    opens = closes = FALSE; /* snake_case */

  if (!opens && !closes)
    g_string_append_len (md->out, p, q - p);
  return q;
}

static void
inline_text (Markdown   *md,
             const char *p,
             const char *end,
             guint       depth)
{
  const char *line = p;

  while (p < end)
    {
      const char *next = NULL;
      const char *text_end;
      char c = *p;

      if (c == '\\' && p + 1 < end && is_punct (p[1]))
        {
          g_string_append_c (md->out, p[1]);
          p += 2;
          continue;
        }
      if (c == '`')
        next = code_span (md, p, end);
      else if (c == '!' && p + 1 < end && p[1] == '[' && depth < MAX_INLINE_DEPTH)
        next = link_end (md, p + 1, end, &text_end); /* an image: dropped */
      else if (c == '[' && depth < MAX_INLINE_DEPTH &&
               (next = link_end (md, p, end, &text_end)) != NULL)
        inline_text (md, p + 1, text_end, depth + 1);
      else if (c == '<')
        next = angle (md, p, end);
      else if (c == '*' || c == '_' || c == '~')
        next = emphasis (md, line, p, end);

      if (next != NULL)
        p = next;
      else
        g_string_append_c (md->out, *p++);
    }
}

static gboolean
is_rule (const char *p,
         const char *end)
{
  char c = *p;
  guint n = 0;

  if (c != '-' && c != '*' && c != '_')
    return FALSE;
  for (; p < end; p++)
    {
      if (*p == c)
        n++;
      else if (!is_space (*p))
        return FALSE;
    }
  return n >= 3;
}

static gboolean
is_setext_underline (const char *p,
                     const char *end)
{
  char c = *p;

  if (c != '=' && c != '-')
    return FALSE;
  while (p < end && *p == c)
    p++;
  while (p < end && is_space (*p))
    p++;
  return p == end;
}

/* Length of "- ", "* ", "+ ", "12. ", "3) ", or 0. */
static gsize
list_marker (const char *p,
             const char *end)
{
  gsize n = 0;

  if (end - p >= 2 && (*p == '-' || *p == '*' || *p == '+') && is_space (p[1]))
    return 2;
  while (p + n < end && n < 9 && g_ascii_isdigit (p[n]))
    n++;
  if (n > 0 && p + n + 1 < end && (p[n] == '.' || p[n] == ')') && is_space (p[n + 1]))
    return n + 2;
  return 0;
}

static void
set_title (Markdown *md,
           gsize     from)
{
  if (md->parts->title == NULL)
    md->parts->title = ent_document_clean_line (md->out->str + from, md->out->len - from);
}

/* Writes one line of inline text; a line that leaves nothing (an image, a
 * comment) leaves no empty paragraph either. */
static void
inline_line (Markdown   *md,
             const char *p,
             const char *end)
{
  gsize before = md->out->len;
  gboolean was_open = md->in_paragraph;
  gsize paragraph_start = md->paragraph_start;
  gsize content;

  begin_line (md);
  content = md->out->len;
  inline_text (md, p, end, 0);
  if (md->out->len == content)
    {
      g_string_truncate (md->out, before);
      md->in_paragraph = was_open;
      md->paragraph_start = paragraph_start;
    }
}

static void
heading (Markdown   *md,
         const char *p,
         const char *end)
{
  gsize from;

  while (p < end && *p == '#')
    p++;
  while (end > p && (end[-1] == '#' || is_space (end[-1])))
    end--;
  while (p < end && is_space (*p))
    p++;
  end_paragraph (md);
  from = md->out->len;
  inline_line (md, p, end);
  if (md->out->len > from)
    set_title (md, md->paragraph_start);
  end_paragraph (md);
}

static gboolean
is_atx_heading (const char *p,
                const char *end)
{
  gsize n = 0;

  while (p + n < end && p[n] == '#')
    n++;
  return n >= 1 && n <= 6 && (p + n == end || is_space (p[n]));
}

/* "[id]: http://..." defines a link target: nothing to read. */
static gboolean
is_reference_definition (const char *p,
                         const char *end)
{
  const char *close;

  if (*p != '[')
    return FALSE;
  close = memchr (p, ']', end - p);
  return close != NULL && close + 1 < end && close[1] == ':';
}

static gboolean
is_table_separator (const char *p,
                    const char *end)
{
  gboolean dash = FALSE;

  for (; p < end; p++)
    {
      if (*p == '-')
        dash = TRUE;
      else if (*p != '|' && *p != ':' && !is_space (*p))
        return FALSE;
    }
  return dash;
}

/* Returns TRUE when the line opened or closed a code fence, or was code. */
static gboolean
code_fence (Markdown   *md,
            const char *p,
            const char *end)
{
  gsize run = 0;
  char c = *p;

  if (c == '`' || c == '~')
    while (p + run < end && p[run] == c)
      run++;

  if (md->fence_char != 0)
    {
      if (c == md->fence_char && run >= md->fence_length && p + run == end)
        {
          md->fence_char = 0;
          end_paragraph (md);
          return TRUE;
        }
      return FALSE;
    }
  if (run >= 3)
    {
      md->fence_char = c;
      md->fence_length = run;
      end_paragraph (md);
      return TRUE;
    }
  return FALSE;
}

static void
markdown_line (Markdown   *md,
               const char *line,
               const char *end)
{
  const char *p = line;
  gsize marker;

  md->budget = (gssize) MIN ((gsize) (end - line) * SCAN_BUDGET_PER_BYTE + 4 * MAX_INLINE_SCAN,
                             (gsize) G_MAXSSIZE / 2);

  if (md->in_comment)
    {
      const char *stop = g_strstr_len (p, end - p, "-->");

      if (stop == NULL)
        return;
      md->in_comment = FALSE;
      p = stop + 3;
    }

  while (p < end && is_space (*p))
    p++;
  if (md->fence_char != 0)
    {
      if (code_fence (md, p, end))
        return;
      begin_line (md); /* code is kept as it stands */
      g_string_append_len (md->out, line, end - line);
      return;
    }
  if (p == end)
    {
      end_paragraph (md);
      return;
    }
  if (code_fence (md, p, end))
    return;

  while (p < end && *p == '>')
    {
      p++;
      while (p < end && is_space (*p))
        p++;
    }
  if (p == end || is_reference_definition (p, end) || is_table_separator (p, end))
    return;

  if (md->in_paragraph && is_setext_underline (p, end))
    {
      set_title (md, md->paragraph_start);
      end_paragraph (md);
      return;
    }
  if (is_rule (p, end))
    {
      end_paragraph (md);
      return;
    }
  if (is_atx_heading (p, end))
    {
      heading (md, p, end);
      return;
    }
  if ((marker = list_marker (p, end)) > 0)
    {
      end_paragraph (md); /* each item its own paragraph */
      p += marker;
    }

  inline_line (md, p, end);
  if (md->in_comment)
    end_paragraph (md);
}

static void
front_matter_field (const char       *line,
                    const char       *end,
                    EntDocumentParts *parts)
{
  const char *colon = memchr (line, ':', end - line);
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  gsize n;

  if (colon == NULL)
    return;
  key = g_ascii_strdown (line, colon - line);
  value = ent_document_clean_line (colon + 1, end - colon - 1);
  if (value == NULL)
    return;
  n = strlen (value);
  if (n >= 2 && (value[0] == '"' || value[0] == '\'') && value[n - 1] == value[0])
    {
      memmove (value, value + 1, n - 2);
      value[n - 2] = '\0';
    }
  if (*value == '\0')
    return;

  if (strcmp (key, "title") == 0 && parts->title == NULL)
    parts->title = g_steal_pointer (&value);
  else if (strcmp (key, "date") == 0 && parts->date == NULL)
    parts->date = ent_document_parse_date (value, strlen (value));
  else if ((strcmp (key, "source") == 0 || strcmp (key, "publisher") == 0 ||
            strcmp (key, "site") == 0) && parts->source == NULL)
    parts->source = g_steal_pointer (&value);
}

/* YAML front matter: "---", "key: value" lines, "---". Returns where the
 * Markdown starts, 0 when there is none. */
static gsize
front_matter (const char       *text,
              gsize             length,
              EntDocumentParts *parts)
{
  gsize pos = 4;
  gsize close = 0;

  if (length < 8 || memcmp (text, "---\n", 4) != 0)
    return 0;
  for (guint lines = 0; pos < length && lines < 100 && close == 0; lines++)
    {
      const char *line = text + pos;
      const char *nl = memchr (line, '\n', length - pos);
      const char *end = nl != NULL ? nl : text + length;

      if (end - line == 3 && (memcmp (line, "---", 3) == 0 || memcmp (line, "...", 3) == 0))
        close = pos;
      pos = end - text + 1;
    }
  if (close == 0)
    return 0;

  for (gsize at = 4; at < close; )
    {
      const char *line = text + at;
      const char *end = memchr (line, '\n', close - at);

      front_matter_field (line, end, parts);
      at = end - text + 1;
    }
  return MIN (pos, length);
}

void
ent_document_read_markdown (const char       *text,
                            gsize             length,
                            EntDocumentParts *parts)
{
  Markdown md = { NULL, parts, FALSE, 0, FALSE, 0, 0 };
  gsize pos;

  g_return_if_fail (text != NULL || length == 0);
  g_return_if_fail (parts != NULL);

  md.out = g_string_sized_new (length + 1);
  pos = front_matter (text, length, parts);

  while (pos < length)
    {
      const char *line = text + pos;
      const char *nl = memchr (line, '\n', length - pos);
      const char *end = nl != NULL ? nl : text + length;

      markdown_line (&md, line, end);
      pos = end - text + 1;
    }

  if (parts->text != NULL)
    g_string_free (parts->text, TRUE);
  parts->text = md.out;
}
