/* fuzz-tokenizer.c — the extractor's tokenizer over every sentence of a text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-tokenizer"

#include "config.h"

#include "ent-tokenizer.h"
#include "fuzz-common.h"

static EntLexicon *lexicon;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  lexicon = ent_lexicon_get_default ();
  return 0;
}

static void
check_tokens (EntTokens     *tokens,
              const char    *text,
              const EntSpan *span)
{
  guint32 last_end = (guint32) span->start;

  for (guint i = 0; i < tokens->tokens->len; i++)
    {
      const EntToken *token = ent_tokens_get (tokens, i);

      fuzz_check (token->start < token->end);
      fuzz_check (token->start >= last_end);
      fuzz_check (token->end <= span->end);
      fuzz_check (((guchar) text[token->start] & 0xC0) != 0x80);
      fuzz_check (token->key < tokens->keys->len);
      fuzz_check (g_utf8_validate (ent_tokens_key (tokens, i), -1, NULL));
      last_end = token->end;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *valid = fuzz_valid_utf8 (data, size);
  g_autofree char *text = NULL;
  g_autoptr(GArray) spans = NULL;
  EntTokens tokens;
  gboolean in_quote = FALSE;
  gsize length;

  text = ent_text_normalize (valid, strlen (valid), &length);
  spans = ent_text_split_sentences (text, length);

  ent_tokens_init (&tokens);
  for (guint i = 0; i < spans->len; i++)
    {
      const EntSpan *span = &g_array_index (spans, EntSpan, i);

      ent_tokenize (&tokens, lexicon, text, span->start, span->end, &in_quote);
      check_tokens (&tokens, text, span);
    }
  ent_tokens_clear (&tokens);
  return 0;
}
