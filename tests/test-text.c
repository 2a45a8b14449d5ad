/* test-text.c — normalisation, sentence splitting, character offsets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-text"

#include "config.h"

#include <string.h>

#include "ent-text.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static char *
normalize (const char *text,
           gssize      length)
{
  gsize out_length = 0;
  char *out;

  if (length < 0)
    length = strlen (text);
  out = ent_text_normalize (text, length, &out_length);
  g_assert_nonnull (out);
  g_assert_cmpuint (strlen (out), ==, out_length);
  g_assert_true (g_utf8_validate (out, out_length, NULL));
  return out;
}

/* Splits @text and checks the sentences against the NULL-terminated list. */
static void
assert_sentences (const char         *text,
                  const char * const *expected)
{
  g_autoptr(GArray) spans = ent_text_split_sentences (text, strlen (text));
  guint n_expected = g_strv_length ((char **) expected);

  for (guint i = 0; i < spans->len; i++)
    {
      EntSpan *span = &g_array_index (spans, EntSpan, i);
      g_autofree char *got = g_strndup (text + span->start, span->end - span->start);

      g_test_message ("sentence %u: [%s]", i, got);
      if (i < n_expected)
        g_assert_cmpstr (got, ==, expected[i]);
    }
  g_assert_cmpuint (spans->len, ==, n_expected);
}

#define SENTENCES(text, ...) \
  G_STMT_START { \
    const char * const expected_[] = { __VA_ARGS__, NULL }; \
    assert_sentences ((text), expected_); \
  } G_STMT_END

/* ------------------------------------------------------------------ */
/* Normalisation                                                        */
/* ------------------------------------------------------------------ */

static void
test_normalize_line_ends (void)
{
  g_autofree char *crlf = normalize ("one\r\ntwo\rthree\n\r\nfour", -1);

  g_assert_cmpstr (crlf, ==, "one\ntwo\nthree\n\nfour");
}

static void
test_normalize_bom (void)
{
  g_autofree char *ascii = normalize ("\xEF\xBB\xBFTehran talks", -1);
  g_autofree char *inner = normalize ("Tehran\xEF\xBB\xBF talks", -1);

  g_assert_cmpstr (ascii, ==, "Tehran talks");
  g_assert_cmpstr (inner, ==, "Tehran talks");
}

static void
test_normalize_spaces (void)
{
  /* NBSP, thin space, narrow NBSP, ideographic space; LS and PS end lines. */
  g_autofree char *out = normalize ("13\xC2\xA0March \xE2\x80\x89" "2023\xE2\x80\xAF" "at\xE3\x80\x80noon"
                                    "\xE2\x80\xA8next\xE2\x80\xA9last", -1);

  g_assert_cmpstr (out, ==, "13 March  2023 at noon\nnext\nlast");
}

static void
test_normalize_controls (void)
{
  const char input[] = "a\0b\x01" "c\td\x1b" "e\x7f" "f\x0cg\xC2\x85h\xC2\x9Bi";
  g_autofree char *out = normalize (input, sizeof input - 1);

  /* NUL, C0 (not TAB/LF), DEL and C1 go; form feed and NEL become line ends. */
  g_assert_cmpstr (out, ==, "abc\tdef\ng\nhi");
}

static void
test_normalize_nfc (void)
{
  g_autofree char *out = normalize ("Cafe\xCC\x81 in Ha\xCC\x88" "agen", -1);
  g_autofree char *hangul = normalize ("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", -1);

  g_assert_cmpstr (out, ==, "Caf\xC3\xA9 in H\xC3\xA4" "agen");
  g_assert_cmpstr (hangul, ==, "\xED\x95\x9C");
}

static void
test_normalize_keeps_typography (void)
{
  const char *text = "\xE2\x80\x9CWe agree,\xE2\x80\x9D he said \xE2\x80\x94 Iran\xE2\x80\x99s view.";
  g_autofree char *out = normalize (text, -1);

  g_assert_cmpstr (out, ==, text);
}

static void
test_normalize_ascii_identity (void)
{
  const char *text = "Plain ASCII news text.\n\nWith\ttabs and two paragraphs.";
  g_autofree char *out = normalize (text, -1);

  g_assert_cmpstr (out, ==, text);
}

/* NFC is applied in pieces; the pieces must give what the whole would. */
static void
test_normalize_long_mixed (void)
{
  g_autoptr(GString) input = g_string_new (NULL);
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  GRand *rand = g_rand_new_with_seed (42);
  static const char * const pieces[] = {
    "e\xCC\x81", "\xC3\xA9", "a", " ", "o\xCC\x88\xCC\x81", "\xE2\x80\x9C", "\xD9\x85",
    "\xCC\x81", "word", ".", "\n",
  };

  while (input->len < 300 * 1024)
    g_string_append (input, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  g_rand_free (rand);

  expected = g_utf8_normalize (input->str, input->len, G_NORMALIZE_NFC);
  out = normalize (input->str, input->len);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_normalize_empty (void)
{
  gsize length = 99;
  g_autofree char *out = ent_text_normalize ("", 0, &length);

  g_assert_cmpstr (out, ==, "");
  g_assert_cmpuint (length, ==, 0);
}

/* ------------------------------------------------------------------ */
/* Sentences                                                            */
/* ------------------------------------------------------------------ */

static void
test_split_basic (void)
{
  SENTENCES ("Iran and Belarus signed a roadmap. The deal covers trade! Will it work? Nobody knows.",
             "Iran and Belarus signed a roadmap.", "The deal covers trade!", "Will it work?",
             "Nobody knows.");
}

static void
test_split_titles (void)
{
  SENTENCES ("Mr. Raisi met Dr. Smith, Prof. Jones and Mrs. Lee. Gen. Bagheri, Col. White, "
             "Lt. Gray and Capt. Black attended. Gov. Newsom, Sen. Kaine and Rep. Omar wrote "
             "to Ms. Park. They left for St. Petersburg.",
             "Mr. Raisi met Dr. Smith, Prof. Jones and Mrs. Lee.",
             "Gen. Bagheri, Col. White, Lt. Gray and Capt. Black attended.",
             "Gov. Newsom, Sen. Kaine and Rep. Omar wrote to Ms. Park.",
             "They left for St. Petersburg.");
}

static void
test_split_company_suffixes (void)
{
  SENTENCES ("Acme Inc. said it would invest. Globex Corp. The firm denied it. "
             "Initech Ltd. Chief Executive Bill Lumbergh disagreed.",
             "Acme Inc. said it would invest.", "Globex Corp.", "The firm denied it.",
             "Initech Ltd. Chief Executive Bill Lumbergh disagreed.");
}

static void
test_split_acronyms (void)
{
  SENTENCES ("The U.S. Treasury imposed sanctions on the U.K. firm. "
             "They were sanctioned by the U.S. The decision angered Tehran. "
             "The U.N. Security Council met.",
             "The U.S. Treasury imposed sanctions on the U.K. firm.",
             "They were sanctioned by the U.S.", "The decision angered Tehran.",
             "The U.N. Security Council met.");
}

static void
test_split_initials (void)
{
  SENTENCES ("George W. Bush met fans of J. R. R. Tolkien in Texas. Nobody was surprised.",
             "George W. Bush met fans of J. R. R. Tolkien in Texas.", "Nobody was surprised.");
}

static void
test_split_numbers (void)
{
  SENTENCES ("Trade grew 3.5 percent to $1.2 billion in 2022. Version 1.2.3 was released. "
             "Visit www.irna.ir for more. In 2006. He came back.",
             "Trade grew 3.5 percent to $1.2 billion in 2022.", "Version 1.2.3 was released.",
             "Visit www.irna.ir for more.", "In 2006.", "He came back.");
}

static void
test_split_ellipsis (void)
{
  SENTENCES ("Thirty years after... the two countries agreed. Then they left... Nobody knew "
             "why\xE2\x80\xA6 It was late\xE2\x80\xA6 and dark.",
             "Thirty years after... the two countries agreed.", "Then they left...",
             "Nobody knew why\xE2\x80\xA6", "It was late\xE2\x80\xA6 and dark.");
}

static void
test_split_question_exclamation (void)
{
  SENTENCES ("\"Why?\" he asked. \"Because!\" she said. Really?! Yes.",
             "\"Why?\" he asked.", "\"Because!\" she said.", "Really?!", "Yes.");
}

static void
test_split_closing_quotes (void)
{
  SENTENCES ("He said: \"We agree.\" The talks ended. \xE2\x80\x9CIt is done.\xE2\x80\x9D "
             "Raisi nodded. (The roadmap was signed.) Then they ate. It was \xE2\x80\x98" "final.\xE2\x80\x99 Done.",
             "He said: \"We agree.\"", "The talks ended.",
             "\xE2\x80\x9CIt is done.\xE2\x80\x9D", "Raisi nodded.",
             "(The roadmap was signed.)", "Then they ate.",
             "It was \xE2\x80\x98" "final.\xE2\x80\x99", "Done.");
}

static void
test_split_opening_quotes (void)
{
  SENTENCES ("The talks ended. \xE2\x80\x9CWe will meet again,\xE2\x80\x9D Raisi said. \"Soon,\" "
             "he added. (Both agreed.)",
             "The talks ended.", "\xE2\x80\x9CWe will meet again,\xE2\x80\x9D Raisi said.",
             "\"Soon,\" he added.", "(Both agreed.)");
}

static void
test_split_dates_abbreviations (void)
{
  SENTENCES ("The deal was signed on Jan. 5 in Tehran. It took effect on Mon. 6 Feb. and "
             "lasts. Resolution No. 2231 was cited. They met at 10 a.m. The talks lasted "
             "until 3 p.m. on Monday.",
             "The deal was signed on Jan. 5 in Tehran.",
             "It took effect on Mon. 6 Feb. and lasts.",
             "Resolution No. 2231 was cited.", "They met at 10 a.m.",
             "The talks lasted until 3 p.m. on Monday.");
}

static void
test_split_latin_abbreviations (void)
{
  SENTENCES ("Some goods, e.g. oil and gas, were excluded. Others, i.e. wheat, were not. "
             "They traded fruit, nuts, etc. The list was long. Iran vs. Iraq was a war.",
             "Some goods, e.g. oil and gas, were excluded.", "Others, i.e. wheat, were not.",
             "They traded fruit, nuts, etc.", "The list was long.",
             "Iran vs. Iraq was a war.");
}

static void
test_split_blank_line (void)
{
  SENTENCES ("A paragraph without a full stop\n\nsecond paragraph starts in lower case\n\n\n  \nthird",
             "A paragraph without a full stop", "second paragraph starts in lower case", "third");
}

static void
test_split_heading_lines (void)
{
  SENTENCES ("Iran and Belarus Sign a Roadmap\nThe two presidents met on Monday.\n"
             "National\n0\nSanctioned States Should Cooperate\nA subtitle that is long enough to "
             "look like prose but has no full stop, the Leader said\nThe text goes on.",
             "Iran and Belarus Sign a Roadmap", "The two presidents met on Monday.",
             "National", "0", "Sanctioned States Should Cooperate",
             "A subtitle that is long enough to look like prose but has no full stop, the Leader said",
             "The text goes on.");
}

static void
test_split_hard_wrapped (void)
{
  SENTENCES ("The presidents of Iran and Belarus praised their close ties during\n"
             "talks in Tehran on Monday, at a time both countries are at odds with\n"
             "Western powers, most notably over the war in Ukraine. Iranian\n"
             "President Ebrahim Raisi hailed three decades of relations with\n"
             "Belarus after talks with his counterpart Alexander Lukashenko.\n",
             "The presidents of Iran and Belarus praised their close ties during\n"
             "talks in Tehran on Monday, at a time both countries are at odds with\n"
             "Western powers, most notably over the war in Ukraine.",
             "Iranian\nPresident Ebrahim Raisi hailed three decades of relations with\n"
             "Belarus after talks with his counterpart Alexander Lukashenko.");
}

static void
test_split_hard_wrapped_abbreviation (void)
{
  SENTENCES ("The delegation was received in Tehran on Monday by Mr.\n"
             "Raisi and by the speaker of parliament, who told the U.S.\n"
             "Treasury officials nothing at all about the roadmap they had signed.\n"
             "It was late.",
             "The delegation was received in Tehran on Monday by Mr.\n"
             "Raisi and by the speaker of parliament, who told the U.S.\n"
             "Treasury officials nothing at all about the roadmap they had signed.",
             "It was late.");
}

static void
test_split_one_paragraph_per_line (void)
{
  SENTENCES ("Both Iran and Belarus are under sanctions by the U.S.\n"
             "Lukashenko arrived on Sunday. \n"
             "\xE2\x80\x9CWe believe that this is attainable,\xE2\x80\x9D he said.\n"
             "he said nothing more\n",
             "Both Iran and Belarus are under sanctions by the U.S.",
             "Lukashenko arrived on Sunday.",
             "\xE2\x80\x9CWe believe that this is attainable,\xE2\x80\x9D he said.\n"
             "he said nothing more");
}

static void
test_split_markdown_structure (void)
{
  SENTENCES ("# Talks in Tehran\nThe talks began.\n\n## Results ##\n- First item\n- Second item\n"
             "  continues here.\n* Third\n1. Fourth\n\n---\n***\nThe end.",
             "Talks in Tehran", "The talks began.", "Results", "First item",
             "Second item\n  continues here.", "Third", "Fourth", "The end.");
}

static void
test_split_address_line (void)
{
  SENTENCES ("\xD8\xAF\xD9\x81\xD8\xAA\xD8\xB1 \xD9\x85\xD9\x82\xD8\xA7\xD9\x85\nwww.irna.ir\n"
             "The talks began.\nFinancialtribune.com",
             "\xD8\xAF\xD9\x81\xD8\xAA\xD8\xB1 \xD9\x85\xD9\x82\xD8\xA7\xD9\x85", "www.irna.ir",
             "The talks began.", "Financialtribune.com");
  /* A word with its full stop on a line of its own is no address. */
  SENTENCES ("Both countries are sanctioned over Iran's nuclear\nprogram.\nIt is late.",
             "Both countries are sanctioned over Iran's nuclear\nprogram.", "It is late.");
}

static void
test_split_datelines (void)
{
  SENTENCES ("TEHRAN, March 13 (Reuters) - Iran's president met his Belarusian counterpart on "
             "Monday. WASHINGTON, Jan. 5 (AP) \xE2\x80\x94 The U.S. Treasury responded. "
             "Tehran, Iran \xE2\x80\x93\nIran and Belarus have signed a roadmap.",
             "TEHRAN, March 13 (Reuters) - Iran's president met his Belarusian counterpart on Monday.",
             "WASHINGTON, Jan. 5 (AP) \xE2\x80\x94 The U.S. Treasury responded.",
             "Tehran, Iran \xE2\x80\x93\nIran and Belarus have signed a roadmap.");
  SENTENCES ("NEW YORK, June 2 (Reuters)\nThe ministers met.\nTEHRAN (IRNA) -\nThey left.",
             "NEW YORK, June 2 (Reuters)\nThe ministers met.",
             "TEHRAN (IRNA) -\nThey left.");
}

static void
test_split_date_marker (void)
{
  const char *text = " date 2023-03-13 Mohammad Bagheri Ghalibaf held a meeting with Alexander "
                     "Lukashenko. He stressed ties.";
  g_autoptr(GArray) spans = ent_text_split_sentences (text, strlen (text));

  SENTENCES (text, "date 2023-03-13",
             "Mohammad Bagheri Ghalibaf held a meeting with Alexander Lukashenko.",
             "He stressed ties.");
  g_assert_cmpuint (g_array_index (spans, EntSpan, 1).start, ==, strchr (text, 'M') - text);

  SENTENCES ("date 2023-03-13\n\nThe talks began.", "date 2023-03-13", "The talks began.");
  SENTENCES ("Talks ended. Date: 2023-03-13", "Talks ended.", "Date: 2023-03-13");
  /* Not a marker: not at the start of a sentence, or not a date. */
  SENTENCES ("The update 2023-03-13 came.\n\ndate 2023-3-13 Talks.",
             "The update 2023-03-13 came.", "date 2023-3-13 Talks.");
}

static void
test_split_offsets_trimmed (void)
{
  const char *text = "   Hello there.   \n\n \t Second one.  Third\t\n";
  g_autoptr(GArray) spans = ent_text_split_sentences (text, strlen (text));

  g_assert_cmpuint (spans->len, ==, 3);
  for (guint i = 0; i < spans->len; i++)
    {
      EntSpan *span = &g_array_index (spans, EntSpan, i);

      g_assert_cmpuint (span->start, <, span->end);
      g_assert_false (g_ascii_isspace (text[span->start]));
      g_assert_false (g_ascii_isspace (text[span->end - 1]));
    }
  g_assert_cmpuint (g_array_index (spans, EntSpan, 0).start, ==, 3);
  g_assert_cmpuint (g_array_index (spans, EntSpan, 0).end, ==, 15);
  g_assert_cmpuint (g_array_index (spans, EntSpan, 2).end, ==, strlen (text) - 2);
}

static void
test_split_blank_input (void)
{
  g_autoptr(GArray) empty = ent_text_split_sentences ("", 0);
  g_autoptr(GArray) blank = ent_text_split_sentences ("\n\n  \t \n", 6);
  g_autoptr(GArray) rules = ent_text_split_sentences ("---\n\n***\n", 9);

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
  g_assert_cmpuint (rules->len, ==, 0);
}

/* A text without punctuation is cut into bounded pieces at spaces. */
static void
test_split_run_on (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = NULL;
  gsize covered = 0;

  while (text->len < 100000)
    g_string_append (text, "sanctions corridor roadmap ");
  spans = ent_text_split_sentences (text->str, text->len);

  g_assert_cmpuint (spans->len, >, 1);
  for (guint i = 0; i < spans->len; i++)
    {
      EntSpan *span = &g_array_index (spans, EntSpan, i);

      g_assert_cmpuint (span->end - span->start, <=, 8192);
      g_assert_true (span->start == 0 || text->str[span->start - 1] == ' ');
      g_assert_true (span->end == text->len - 1 || text->str[span->end] == ' ');
      covered += span->end - span->start + 1;
    }
  g_assert_cmpuint (covered, ==, text->len);
}

/* No space at all: still bounded, and never inside a UTF-8 sequence. */
static void
test_split_run_on_no_space (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = NULL;

  while (text->len < 50000)
    g_string_append (text, "\xD8\xA7\xD9\x8A\xD8\xB1\xD8\xA7\xD9\x86x");
  spans = ent_text_split_sentences (text->str, text->len);

  for (guint i = 0; i < spans->len; i++)
    {
      EntSpan *span = &g_array_index (spans, EntSpan, i);

      g_assert_cmpuint (span->end - span->start, <=, 8192);
      g_assert_true (g_utf8_validate (text->str + span->start, span->end - span->start, NULL));
    }
  g_assert_cmpuint (g_array_index (spans, EntSpan, spans->len - 1).end, ==, text->len);
}

/* Text that was never normalised may hold NUL bytes inside a word. The
 * splitter compares words with its lists ("and", "Mr"): a NUL made the
 * comparison stop early and read the listed word past its end (ASan:
 * global-buffer-overflow, found by tests/fuzz/fuzz-sentences). The buffer
 * is copied to one of its exact size so that any read past it shows too. */
static void
test_split_nul_bytes (void)
{
  static const char text[] =
    "Iran and\0\0\0\0\0\0\0\0\0\0\0\0\0\0 Belarus Talks\n"
    "They met Mr\0\0\0. Smith and Dr\0. Jones.\n"
    "Both sides signed.";
  gsize length = sizeof text - 1;
  g_autofree char *exact = g_memdup2 (text, length);
  g_autoptr(GArray) spans = ent_text_split_sentences (exact, length);

  g_assert_cmpuint (spans->len, >=, 2);
  for (guint i = 0; i < spans->len; i++)
    {
      EntSpan *span = &g_array_index (spans, EntSpan, i);

      g_assert_cmpuint (span->start, <, span->end);
      g_assert_cmpuint (span->end, <=, length);
    }
}

/* Controls become visible escapes; other characters stay as they are. */
static void
test_escape_controls (void)
{
  static const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "Lukashenko", "Lukashenko" },
    { "\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m" },
    { "a\tb\nc\x7f", "a\\x09b\\x0ac\\x7f" },
    { "csi \xc2\x9b" "2J", "csi \\u009b2J" },
    { "bad \xff\xfe utf-8", "bad \\xff\\xfe utf-8" },
    /* Persian with its zero-width non-joiner, Cyrillic, a typographic dash */
    { "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb1\xd9\x88\xd9\x85 \xd0\x9c\xd0\xb8\xd0\xbd\xd1\x81\xd0\xba \xe2\x80\x94",
      "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb1\xd9\x88\xd9\x85 \xd0\x9c\xd0\xb8\xd0\xbd\xd1\x81\xd0\xba \xe2\x80\x94" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = ent_text_escape_controls (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
  g_assert_null (ent_text_escape_controls (NULL));
}

/* Whatever the input, spans are ordered, disjoint, inside the text, trimmed
 * and not blank. */
static void
test_split_random (void)
{
  static const char * const pieces[] = {
    "a", "The", " ", "  ", "\n", "\n\n", ".", "...", "?", "!", "\"", "'", "(", ")", "Mr.",
    "U.S.", "# ", "- ", "1. ", "---", "date 2023-03-13 ", "\xE2\x80\x9C", "\xE2\x80\x9D",
    "\xE2\x80\xA6", "\xC3\xA9", "\xE2", "3.5", "\t", "www.irna.ir", ",", "\xE2\x80\x94",
    "Date: 2023-03-13", "TEHRAN (AP)", "A. ",
  };
  GRand *rand = g_rand_new_with_seed (1234);

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GArray) spans = NULL;
      guint n = g_rand_int_range (rand, 0, 200);
      gsize last_end = 0;

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      spans = ent_text_split_sentences (text->str, text->len);

      for (guint i = 0; i < spans->len; i++)
        {
          EntSpan *span = &g_array_index (spans, EntSpan, i);

          g_assert_cmpuint (span->start, >=, last_end);
          g_assert_cmpuint (span->start, <, span->end);
          g_assert_cmpuint (span->end, <=, text->len);
          g_assert_false (g_ascii_isspace (text->str[span->start]));
          g_assert_false (g_ascii_isspace (text->str[span->end - 1]));
          last_end = span->end;
        }
    }
  g_rand_free (rand);
}

static GString *
news_text (gsize size)
{
  static const char * const sentences[] = {
    "Iranian President Ebrahim Raisi hosted Belarusian President Alexander Lukashenko in Tehran on Monday. ",
    "The two leaders signed a comprehensive cooperation roadmap, Mr. Raisi said. ",
    "\xE2\x80\x9CWe believe this is attainable,\xE2\x80\x9D he told reporters. ",
    "Trade between the countries rose 3.5 percent to $100 million, according to the U.S. Treasury. ",
    "Lukashenko also met Ayatollah Ali Khamenei.\n\n",
    "TEHRAN, March 13 (Reuters) - Both countries are under Western sanctions.\n",
  };
  GString *text = g_string_sized_new (size + 256);

  for (guint i = 0; text->len < size; i++)
    g_string_append (text, sentences[i % G_N_ELEMENTS (sentences)]);
  return text;
}

/* Reports the speed; the assertion only catches a pathological slowdown,
 * since this also runs under sanitizers. */
static void
test_split_speed (void)
{
  g_autoptr(GString) text = news_text (8 * 1024 * 1024);
  g_autoptr(GArray) spans = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  spans = ent_text_split_sentences (text->str, text->len);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("split %" G_GSIZE_FORMAT " bytes into %u sentences in %.3f s: %.0f MB/s",
                  text->len, spans->len, seconds, text->len / 1e6 / MAX (seconds, 1e-6));

  /* Six sentences per round of the six pieces above. */
  g_assert_cmpuint (spans->len, >=, text->len / 90);
  g_assert_cmpfloat (seconds, <, 20.0);
}

/* ------------------------------------------------------------------ */
/* Character index                                                      */
/* ------------------------------------------------------------------ */

static GString *
random_mixed_text (GRand *rand,
                   gsize  size)
{
  static const char * const pieces[] = {
    "a", "Tehran ", "\xC3\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "\xD8\xA7", "\n", ". ",
  };
  GString *text = g_string_new (NULL);

  while (text->len < size)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return text;
}

static void
test_char_index_mixed (void)
{
  GRand *rand = g_rand_new_with_seed (7);
  g_autoptr(GString) text = random_mixed_text (rand, 20000);
  g_autoptr(EntCharIndex) index = ent_char_index_new (text->str, text->len);
  const char *p = text->str;
  glong offset = 0;

  /* Increasing: every character boundary, and the end. */
  for (; p <= text->str + text->len; offset++)
    {
      g_assert_cmpuint (ent_char_index_lookup (index, p - text->str), ==, offset);
      if (p == text->str + text->len)
        break;
      p = g_utf8_next_char (p);
    }

  /* Random order. */
  for (guint i = 0; i < 2000; i++)
    {
      gsize byte = g_rand_int_range (rand, 0, (gint32) text->len + 1);
      const char *at = g_utf8_find_prev_char (text->str, text->str + byte + 1);

      if (at == NULL)
        at = text->str;
      byte = at - text->str;
      g_assert_cmpuint (ent_char_index_lookup (index, byte), ==,
                        g_utf8_pointer_to_offset (text->str, at));
    }
  g_rand_free (rand);
}

static void
test_char_index_ascii (void)
{
  const char *text = "Plain ASCII text.";
  g_autoptr(EntCharIndex) index = ent_char_index_new (text, strlen (text));

  g_assert_cmpuint (ent_char_index_lookup (index, 0), ==, 0);
  g_assert_cmpuint (ent_char_index_lookup (index, 11), ==, 11);
  g_assert_cmpuint (ent_char_index_lookup (index, 5), ==, 5);
  g_assert_cmpuint (ent_char_index_lookup (index, strlen (text)), ==, strlen (text));
}

static void
test_char_index_sentences (void)
{
  const char *text = "\xE2\x80\x9CWe agree,\xE2\x80\x9D Raisi said. Caf\xC3\xA9 talks ended.";
  g_autoptr(GArray) spans = ent_text_split_sentences (text, strlen (text));
  g_autoptr(EntCharIndex) index = ent_char_index_new (text, strlen (text));
  EntSpan *second;

  g_assert_cmpuint (spans->len, ==, 2);
  second = &g_array_index (spans, EntSpan, 1);
  g_assert_cmpuint (ent_char_index_lookup (index, second->start), ==, 24);
  g_assert_cmpuint (ent_char_index_lookup (index, second->end), ==, 41);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/text/normalize/line-ends", test_normalize_line_ends);
  g_test_add_func ("/entente/text/normalize/bom", test_normalize_bom);
  g_test_add_func ("/entente/text/normalize/spaces", test_normalize_spaces);
  g_test_add_func ("/entente/text/normalize/controls", test_normalize_controls);
  g_test_add_func ("/entente/text/normalize/nfc", test_normalize_nfc);
  g_test_add_func ("/entente/text/normalize/typography-kept", test_normalize_keeps_typography);
  g_test_add_func ("/entente/text/normalize/ascii-identity", test_normalize_ascii_identity);
  g_test_add_func ("/entente/text/normalize/long-mixed", test_normalize_long_mixed);
  g_test_add_func ("/entente/text/normalize/empty", test_normalize_empty);

  g_test_add_func ("/entente/text/split/basic", test_split_basic);
  g_test_add_func ("/entente/text/split/titles", test_split_titles);
  g_test_add_func ("/entente/text/split/company-suffixes", test_split_company_suffixes);
  g_test_add_func ("/entente/text/split/acronyms", test_split_acronyms);
  g_test_add_func ("/entente/text/split/initials", test_split_initials);
  g_test_add_func ("/entente/text/split/numbers", test_split_numbers);
  g_test_add_func ("/entente/text/split/ellipsis", test_split_ellipsis);
  g_test_add_func ("/entente/text/split/question-exclamation", test_split_question_exclamation);
  g_test_add_func ("/entente/text/split/closing-quotes", test_split_closing_quotes);
  g_test_add_func ("/entente/text/split/opening-quotes", test_split_opening_quotes);
  g_test_add_func ("/entente/text/split/date-abbreviations", test_split_dates_abbreviations);
  g_test_add_func ("/entente/text/split/latin-abbreviations", test_split_latin_abbreviations);
  g_test_add_func ("/entente/text/split/blank-line", test_split_blank_line);
  g_test_add_func ("/entente/text/split/heading-lines", test_split_heading_lines);
  g_test_add_func ("/entente/text/split/hard-wrapped", test_split_hard_wrapped);
  g_test_add_func ("/entente/text/split/hard-wrapped-abbreviation", test_split_hard_wrapped_abbreviation);
  g_test_add_func ("/entente/text/split/one-paragraph-per-line", test_split_one_paragraph_per_line);
  g_test_add_func ("/entente/text/split/markdown-structure", test_split_markdown_structure);
  g_test_add_func ("/entente/text/split/address-line", test_split_address_line);
  g_test_add_func ("/entente/text/split/datelines", test_split_datelines);
  g_test_add_func ("/entente/text/split/date-marker", test_split_date_marker);
  g_test_add_func ("/entente/text/split/offsets-trimmed", test_split_offsets_trimmed);
  g_test_add_func ("/entente/text/split/blank-input", test_split_blank_input);
  g_test_add_func ("/entente/text/split/run-on", test_split_run_on);
  g_test_add_func ("/entente/text/split/run-on-no-space", test_split_run_on_no_space);
  g_test_add_func ("/entente/text/split/random", test_split_random);
  g_test_add_func ("/entente/text/split/nul-bytes", test_split_nul_bytes);
  g_test_add_func ("/entente/text/escape-controls", test_escape_controls);
  g_test_add_func ("/entente/text/split/speed", test_split_speed);

  g_test_add_func ("/entente/text/char-index/mixed", test_char_index_mixed);
  g_test_add_func ("/entente/text/char-index/ascii", test_char_index_ascii);
  g_test_add_func ("/entente/text/char-index/sentences", test_char_index_sentences);

  return g_test_run ();
}
