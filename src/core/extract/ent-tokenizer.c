/* ent-tokenizer.c
 *
 * A single pass over the bytes of a sentence. ASCII is handled without
 * decoding; other characters are decoded once. Each word is folded (lower
 * case, diacritics removed, dots and apostrophes dropped) into one shared
 * buffer and looked up in the lexicon once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-tokenizer"

#include "config.h"

#include <string.h>

#include "ent-extraction.h"
#include "ent-tokenizer.h"

void
ent_tokens_init (EntTokens *tokens)
{
  tokens->tokens = g_array_sized_new (FALSE, FALSE, sizeof (EntToken), 128);
  tokens->keys = g_string_sized_new (1024);
  tokens->end = (EntToken) { 0 };
}

void
ent_tokens_clear (EntTokens *tokens)
{
  g_clear_pointer (&tokens->tokens, g_array_unref);
  if (tokens->keys != NULL)
    g_string_free (tokens->keys, TRUE);
  tokens->keys = NULL;
}

static inline gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

static inline gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 ||
         c == 0x2013 || c == 0x2014 || c == 0x2212;
}

static inline gboolean
is_quote (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E ||
         c == 0x00AB || c == 0x00BB;
}

static inline gunichar
char_at (const char *p,
         const char *end)
{
  if (p >= end)
    return 0;
  if ((guchar) *p < 0x80)
    return (guchar) *p;
  return g_utf8_get_char (p);
}

static inline const char *
next_char (const char *p)
{
  return (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);
}

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum ((char) c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Appends the folded form of text[start, end) to keys. */
static void
fold_word (GString    *keys,
           const char *start,
           const char *end)
{
  gboolean ascii = TRUE;

  for (const char *p = start; p < end; p++)
    if ((guchar) *p >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  if (ascii)
    {
      for (const char *p = start; p < end; p++)
        if (*p != '.' && *p != '\'')
          g_string_append_c (keys, g_ascii_tolower (*p));
    }
  else
    {
      g_autofree char *word = g_strndup (start, end - start);
      g_autofree char *key = ent_name_key (word);

      g_string_append (keys, key);
    }
  g_string_append_c (keys, '\0');
}

/* "U.S." "U.K." "a.m.": single letters each followed by a dot. */
static const char *
scan_dotted_acronym (const char *p,
                     const char *end)
{
  const char *q = p;
  guint letters = 0;

  while (q + 1 < end && g_ascii_isalpha (q[0]) && q[1] == '.')
    {
      letters++;
      q += 2;
    }
  return letters >= 2 && (q >= end || !g_ascii_isalpha (*q)) ? q : NULL;
}

/* "leader.ir", "www.irna.ir", "Financialtribune.com": a dot between letters
 * with no space, ending in a short top-level domain. */
static const char *
scan_domain (const char *p,
             const char *end)
{
  const char *q = p, *last_dot = NULL;

  while (q < end && (g_ascii_isalnum (*q) || *q == '.' || *q == '-'))
    {
      if (*q == '.')
        {
          if (q + 1 >= end || !g_ascii_isalpha (q[1]))
            break;
          last_dot = q;
        }
      q++;
    }
  if (last_dot == NULL)
    return NULL;
  if (q - last_dot - 1 < 2 || q - last_dot - 1 > 6)
    return NULL;
  for (const char *t = last_dot + 1; t < q; t++)
    if (!g_ascii_isalpha (*t))
      return NULL;
  return q;
}

static void
add_token (EntTokens  *tokens,
           EntLexicon *lexicon,
           const char *text,
           const char *start,
           const char *end,
           guint32     flags,
           gunichar    punct)
{
  EntToken token = { 0 };

  token.start = (guint32) (start - text);
  token.end = (guint32) (end - text);
  token.flags = flags;
  token.punct = punct;
  token.key = (guint32) tokens->keys->len;

  if (flags & TOK_WORD)
    {
      fold_word (tokens->keys, start, end);
      token.lex = ent_lexicon_lookup_word (lexicon, tokens->keys->str + token.key);
    }
  else
    g_string_append_c (tokens->keys, '\0');

  g_array_append_val (tokens->tokens, token);
}

static guint32
word_case_flags (const char *start,
                 const char *end)
{
  guint upper = 0, lower = 0;
  gunichar first = char_at (start, end);
  guint32 flags = 0;

  for (const char *p = start; p < end; p = next_char (p))
    {
      if ((guchar) *p < 0x80)
        {
          upper += g_ascii_isupper (*p);
          lower += g_ascii_islower (*p);
        }
      else
        {
          gunichar c = char_at (p, end);

          upper += g_unichar_isupper (c);
          lower += g_unichar_islower (c);
        }
    }
  if (first < 0x80 ? g_ascii_isupper ((char) first) : g_unichar_isupper (first))
    flags |= TOK_CAP;
  if (upper >= 2 && lower == 0)
    flags |= TOK_ALLCAPS;
  if (first < 0x80 && g_ascii_isdigit ((char) first))
    flags |= TOK_NUMBER;
  return flags;
}

static const char *
scan_word (const char *p,
           const char *end)
{
  const char *q = p;

  while (q < end)
    {
      gunichar c = char_at (q, end);

      if (is_word_char (c))
        q = next_char (q);
      /* 3.5, 1,000 and O'Brien stay one word; "Iran's" does not. */
      else if ((c == '.' || c == ',') && q + 1 < end && g_ascii_isdigit (q[1]) &&
               q > p && g_ascii_isdigit (q[-1]))
        q++;
      else if (is_apostrophe (c) && q > p && q + 1 < end && is_word_char (char_at (next_char (q), end)) &&
               next_char (q) - p - 1 <= 2 && !(char_at (next_char (q), end) == 's' &&
                                               !is_word_char (char_at (next_char (q) + 1, end))))
        q = next_char (q);
      else
        break;
    }
  return q;
}

void
ent_tokenize (EntTokens  *tokens,
              EntLexicon *lexicon,
              const char *text,
              gsize       start,
              gsize       end_offset,
              gboolean   *in_quote)
{
  const char *p = text + start;
  const char *end = text + end_offset;
  gboolean space = TRUE;
  gboolean first_word = TRUE;

  g_array_set_size (tokens->tokens, 0);
  g_string_truncate (tokens->keys, 0);

  while (p < end)
    {
      gunichar c = char_at (p, end);
      guint32 quoted = *in_quote ? TOK_QUOTED : 0;
      const char *q;

      if (c == ' ' || c == '\n' || c == '\t' || g_unichar_isspace (c))
        {
          space = TRUE;
          p = next_char (p);
          continue;
        }

      if (is_word_char (c))
        {
          guint32 flags = TOK_WORD | quoted | (space ? TOK_SPACE : 0);

          if ((q = scan_dotted_acronym (p, end)) == NULL &&
              (q = scan_domain (p, end)) != NULL)
            flags |= TOK_DOMAIN;
          if (q == NULL)
            q = scan_word (p, end);
          flags |= word_case_flags (p, q);
          if (first_word)
            flags |= TOK_FIRST;
          first_word = FALSE;
          add_token (tokens, lexicon, text, p, q, flags, 0);

          /* Possessive: Iran's, Iran’s, countries’ */
          if (q < end && is_apostrophe (char_at (q, end)))
            {
              const char *after = next_char (q);
              gunichar s = char_at (after, end);

              if ((s == 's' || s == 'S') && !is_word_char (char_at (after + 1, end)))
                {
                  ent_tokens_get (tokens, tokens->tokens->len - 1)->flags |= TOK_POSSESSIVE;
                  q = after + 1;
                }
              else if (!is_word_char (s) && q > p && (q[-1] == 's' || q[-1] == 'S'))
                {
                  ent_tokens_get (tokens, tokens->tokens->len - 1)->flags |= TOK_POSSESSIVE;
                  q = after;
                }
            }
          p = q;
          space = FALSE;
          continue;
        }

      q = next_char (p);
      {
        guint32 flags = TOK_PUNCT | quoted | (space ? TOK_SPACE : 0);

        if (is_quote (c) || ((c == 0x2018 || c == 0x2019 || c == '\'') && (space || !is_word_char (char_at (q, end)))))
          {
            /* A straight quote opens when it follows space, closes otherwise. */
            gboolean opens = c == 0x201C || c == 0x201E || c == 0x00AB || c == 0x2018 ||
                             ((c == '"' || c == '\'') && space);
            gboolean closes = c == 0x201D || c == 0x00BB || c == 0x2019 ||
                              ((c == '"' || c == '\'') && !space);

            if (c == '"' && !space && !*in_quote)
              opens = TRUE, closes = FALSE;
            flags |= TOK_QUOTE_MARK;
            if (opens && !closes)
              *in_quote = TRUE;
            else if (closes)
              *in_quote = FALSE;
          }
        if (is_dash (c) || c == '/')
          {
            flags |= TOK_DASH;
            if (!space && q < end && is_word_char (char_at (q, end)))
              flags |= TOK_JOINED;
          }
        if (c == '$' || c == 0x20AC || c == 0x00A3)
          flags |= TOK_CURRENCY;
        add_token (tokens, lexicon, text, p, q, flags, c);
      }
      p = q;
      space = FALSE;
    }
}
