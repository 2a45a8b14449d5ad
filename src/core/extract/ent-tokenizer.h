/* ent-tokenizer.h — words and punctuation of one sentence, with lexicon info.
 *
 * Private to the extractor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ent-lexicon-private.h"

G_BEGIN_DECLS

typedef enum {
  TOK_WORD        = 1u << 0,
  TOK_PUNCT       = 1u << 1,
  TOK_NUMBER      = 1u << 2,   /* starts with a digit: 100, 2023, 3.5 */
  TOK_CAP         = 1u << 3,   /* starts with an upper-case letter */
  TOK_ALLCAPS     = 1u << 4,   /* two or more letters, all upper case */
  TOK_SPACE       = 1u << 5,   /* white space before it */
  TOK_POSSESSIVE  = 1u << 6,   /* followed by 's or a bare apostrophe */
  TOK_QUOTED      = 1u << 7,   /* inside a quotation */
  TOK_DOMAIN      = 1u << 8,   /* leader.ir, www.x.com */
  TOK_FIRST       = 1u << 9,   /* the first word of the sentence */
  TOK_CURRENCY    = 1u << 10,  /* $, €, £ */
  TOK_QUOTE_MARK  = 1u << 11,  /* " “ ” ‘ ’ used as a quotation mark */
  TOK_DASH        = 1u << 12,  /* - – — */
  TOK_JOINED      = 1u << 13,  /* a dash or slash glued to words on both sides: North-South */
} TokFlags;

typedef struct {
  guint32        start;   /* bytes into the document text */
  guint32        end;
  guint32        flags;
  guint32        key;     /* offset of the folded word in EntTokens.keys */
  gunichar       punct;   /* the character of a punctuation token */
  const LexWord *lex;     /* lexicon information on the folded word, or NULL */
} EntToken;

/* Past the last token of a sentence the accessors give an end token: no
 * flags, no lexicon entry, an empty key. The rules look at the words after
 * a title or a verb ("the Minister of", "talks between the two") and news
 * cut anywhere must not make them read beyond the sentence. */
typedef struct {
  GArray   *tokens;  /* EntToken */
  GString  *keys;    /* folded words, NUL-separated */
  EntToken  end;
} EntTokens;

void        ent_tokens_init     (EntTokens  *tokens);
void        ent_tokens_clear    (EntTokens  *tokens);

/* Tokenizes text[start, end) (byte offsets into the document text).
 * @in_quote carries an open quotation across sentences. */
void        ent_tokenize        (EntTokens  *tokens,
                                 EntLexicon *lexicon,
                                 const char *text,
                                 gsize       start,
                                 gsize       end,
                                 gboolean   *in_quote);

static inline EntToken *
ent_tokens_get (EntTokens *tokens,
                guint      i)
{
  if (G_UNLIKELY (i >= tokens->tokens->len))
    {
      tokens->end = (EntToken) { .key = tokens->keys->len };
      return &tokens->end;
    }
  return &g_array_index (tokens->tokens, EntToken, i);
}

static inline const char *
ent_tokens_key (EntTokens *tokens,
                guint      i)
{
  return tokens->keys->str + ent_tokens_get (tokens, i)->key;
}

static inline guint32
ent_tokens_triggers (EntTokens *tokens,
                     guint      i)
{
  const LexWord *lex = ent_tokens_get (tokens, i)->lex;

  return lex != NULL ? lex->triggers : 0;
}

G_END_DECLS
