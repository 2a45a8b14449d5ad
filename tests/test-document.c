/* test-document.c — reading files of every format into stored text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-document"

#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ent-document.h"
#include "ent-text.h"
#include "test-util.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static char *
fixture (const char *name)
{
  return g_build_filename (TEST_SRCDIR, "fixtures", "documents", name, NULL);
}

typedef struct {
  char *dir;
} TempDir;

static void
temp_dir_set_up (TempDir       *temp,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  temp->dir = g_dir_make_tmp ("entente-document-XXXXXX", &error);
  g_assert_no_error (error);
}


static void
temp_dir_tear_down (TempDir       *temp,
                    gconstpointer  data)
{
  test_remove_tree (temp->dir);
  g_free (temp->dir);
}

static char *
write_file (TempDir    *temp,
            const char *name,
            const void *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (temp->dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static EntDocument *
load_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  EntDocument *document = ent_document_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
assert_load_error (const char       *path,
                   EntDocumentError  code,
                   const char       *message_prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document = ent_document_load (path, &error);

  g_assert_null (document);
  g_assert_error (error, ENT_DOCUMENT_ERROR, (gint) code);
  g_test_message ("%s: %s", path, error->message);
  g_assert_true (g_str_has_prefix (error->message, message_prefix));
  /* The caller names the file: the reason must not. */
  g_assert_null (strstr (error->message, path));
}

/* The invariants every loaded document keeps. */
static void
assert_document_valid (EntDocument *document)
{
  g_autofree char *hash = NULL;

  g_assert_nonnull (document->title);
  g_assert_cmpstr (document->title, !=, "");
  g_assert_true (g_utf8_validate (document->text, document->length, NULL));
  g_assert_cmpuint (strlen (document->text), ==, document->length);
  g_assert_cmpuint (document->n_chars, ==, g_utf8_strlen (document->text, document->length));
  g_assert_null (strchr (document->text, '\r'));
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, document->text, document->length);
  g_assert_cmpstr (document->hash, ==, hash);
  if (document->date != NULL)
    g_assert_cmpuint (strlen (document->date), ==, 10);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, text);
}

static void
assert_lacks (const char *text,
              const char *needle)
{
  if (strstr (text, needle) != NULL)
    g_error ("“%s” should not be in:\n%s", needle, text);
}

/* ------------------------------------------------------------------ */
/* A small PDF, written here rather than kept as a binary fixture       */
/* ------------------------------------------------------------------ */

static void
pdf_object (GString    *pdf,
            GArray     *offsets,
            const char *body)
{
  gsize offset = pdf->len;

  g_array_append_val (offsets, offset);
  g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", offsets->len, body);
}

static void
pdf_stream (GString    *pdf,
            GArray     *offsets,
            const char *content)
{
  g_autofree char *body = g_strdup_printf ("<< /Length %" G_GSIZE_FORMAT " >>\nstream\n%s\nendstream",
                                           strlen (content), content);

  pdf_object (pdf, offsets, body);
}

/* Two pages of Helvetica text, a word hyphenated at a line end, and a
 * document information dictionary with a title and a creation date. */
static GBytes *
make_pdf_dated (const char *creation_date)
{
  GString *pdf = g_string_new ("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
#define PAGE(contents) "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] " \
                       "/Resources << /Font << /F1 7 0 R >> >> /Contents " contents " 0 R >>"
  g_autofree char *info = g_strdup_printf ("<< /Title (Helsinki Talks Report) /CreationDate (%s) >>",
                                           creation_date);
  gsize xref;

  pdf_object (pdf, offsets, "<< /Type /Catalog /Pages 2 0 R >>");
  pdf_object (pdf, offsets, "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>");
  pdf_object (pdf, offsets, PAGE ("4"));
  pdf_stream (pdf, offsets, "BT /F1 12 Tf 72 720 Td (Chile and Finland Sign a Deal) Tj "
                            "0 -24 Td (The two presidents agreed on closer coope-) Tj "
                            "0 -14 Td (ration in trade and transport.) Tj ET");
  pdf_object (pdf, offsets, PAGE ("6"));
  pdf_stream (pdf, offsets, "BT /F1 12 Tf 72 720 Td (Both countries want more trade.) Tj ET");
  pdf_object (pdf, offsets, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                            "/Encoding /WinAnsiEncoding >>");
  pdf_object (pdf, offsets, info);

  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", offsets->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R /Info 8 0 R >>\n"
                          "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", offsets->len + 1, xref);
  return g_string_free_to_bytes (pdf);
#undef PAGE
}

static GBytes *
make_pdf (void)
{
  return make_pdf_dated ("D:20230606093000Z");
}

/* ------------------------------------------------------------------ */
/* Formats                                                              */
/* ------------------------------------------------------------------ */

static void
test_plain_text (void)
{
  g_autofree char *path = fixture ("article.txt");
  g_autoptr(EntDocument) document = load_ok (path);

  assert_document_valid (document);
  g_assert_cmpint (document->format, ==, ENT_DOCUMENT_FORMAT_TEXT);
  g_assert_true (g_path_is_absolute (document->path));
  g_assert_cmpstr (document->title, ==, "Finland and Chile Agree on a Green Hydrogen Partnership");
  g_assert_cmpstr (document->date, ==, "2023-06-06");
  g_assert_cmpstr (document->source, ==, "www.example-news.com");
  g_assert_true (g_str_has_prefix (document->text, "World\nFinland and Chile"));
  g_assert_true (g_str_has_suffix (document->text, "www.example-news.com"));
  assert_contains (document->text, "HELSINKI, June 6 (Reuters) - Finnish President");
}

static void
test_plain_text_metadata (void)
{
  static const struct {
    const char *text;
    const char *title;
    const char *date;
    const char *source;
  } cases[] = {
    { " date 2023-03-13 Officials held a meeting with the delegation on Monday evening.",
      "Untitled", "2023-03-13", NULL },
    { "Talks in Minsk End Without a Deal\n\nMINSK, March 13, 2023 (AP) \xE2\x80\x94 Officials left.",
      "Talks in Minsk End Without a Deal", "2023-03-13", "AP" },
    { "Section\n\n## Leaders Meet in Baku - 13 /Mar/ 2023\n\nThe leaders met.",
      "Leaders Meet in Baku", "2023-03-13", NULL },
    { "Mon, 13 Mar 2023\nThe talks began in the morning and ended late.\nSource: Example Wire",
      "Untitled", "2023-03-13", "Example Wire" },
    /* An outlet's name over the date and the headline. */
    { "Caspian News Agency\n12 October 2024\n\nThree-way talks in Baku aim to double freight\n\n"
      "BAKU, Oct 12 (CW) \xE2\x80\x93 Ministers met.",
      "Three-way talks in Baku aim to double freight", "2024-10-12", "Caspian News Agency" },
    /* A headline over the date and the first paragraph. */
    { "Leaders Meet in Baku\n12 October 2024\n\nThe leaders met on Saturday and agreed to talk again.",
      "Leaders Meet in Baku", "2024-10-12", NULL },
    { "The talks began in the morning and ended late on 13 March 2023 after a long day of work "
      "that nobody wanted to talk about afterwards, officials said in a statement.",
      "Untitled", NULL, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EntDocument) document =
        ent_document_new_from_text (cases[i].text, -1, ENT_DOCUMENT_FORMAT_TEXT, NULL, &error);

      g_assert_no_error (error);
      assert_document_valid (document);
      g_assert_cmpstr (document->title, ==, cases[i].title);
      g_assert_cmpstr (document->date, ==, cases[i].date);
      g_assert_cmpstr (document->source, ==, cases[i].source);
    }
}

static void
test_title_from_file_name (TempDir       *temp,
                           gconstpointer  data)
{
  const char *text = "Officials said the talks had gone well. Both sides agreed to meet again.";
  g_autofree char *path = write_file (temp, "talks-2023.TXT", text, strlen (text));
  g_autoptr(EntDocument) document = load_ok (path);

  g_assert_cmpstr (document->title, ==, "talks-2023");
  g_assert_null (document->date);
  g_assert_null (document->source);
}

static void
test_markdown (void)
{
  g_autofree char *path = fixture ("article.md");
  g_autoptr(EntDocument) document = load_ok (path);
  const char *expected =
    "Chile and Finland sign hydrogen deal\n\n"
    "HELSINKI \xE2\x80\x94 Chilean President Gabriel Boric and his Finnish counterpart\n"
    "signed a memorandum of understanding on\n"
    "green hydrogen on Tuesday.\n\n"
    "What was agreed\n\n"
    "Joint research on electrolysers\n\n"
    "A copper refining pilot in Antofagasta\n\n"
    "\"This is a beginning,\" Boric said.\n\n"
    "Signed: 6 June 2023\n\n"
    "Published 6 June 2023 by Example News, 2 * 3 = 6, snake_case_name.";

  assert_document_valid (document);
  g_assert_cmpint (document->format, ==, ENT_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_cmpstr (document->title, ==, "Chile and Finland sign hydrogen deal");
  g_assert_cmpstr (document->text, ==, expected);
  g_assert_cmpstr (document->date, ==, "2023-06-06");
}

static void
test_markdown_front_matter (void)
{
  const char *text = "---\ntitle: \"Baku Summit Ends\"\ndate: 2022-11-05\nsource: Example Wire\n---\n"
                     "# A heading that is not the title\n\nSetext Heading\n==============\n\n"
                     "Text with ![an image](x.png) and <span>inline HTML</span> and "
                     "<https://example.org>.\n<!-- a comment\nover lines -->\nAfter the comment.";
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document =
    ent_document_new_from_text (text, -1, ENT_DOCUMENT_FORMAT_MARKDOWN, "/x/summit.md", &error);

  g_assert_no_error (error);
  assert_document_valid (document);
  g_assert_cmpstr (document->title, ==, "Baku Summit Ends");
  g_assert_cmpstr (document->date, ==, "2022-11-05");
  g_assert_cmpstr (document->source, ==, "Example Wire");
  g_assert_cmpstr (document->text, ==,
                   "A heading that is not the title\n\nSetext Heading\n\n"
                   "Text with  and inline HTML and https://example.org.\n\nAfter the comment.");
}

static void
test_markdown_hostile (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Unmatched brackets and backticks must not make it quadratic. */
  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "[x ![y <a");
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "%.*s x ", (int) (i % 7) + 1, "```````");
  document = ent_document_new_from_text (text->str, text->len, ENT_DOCUMENT_FORMAT_MARKDOWN,
                                         NULL, &error);
  g_assert_no_error (error);
  /* Unmatched openers are text. */
  g_assert_true (g_str_has_prefix (document->text, "[x ![y <a[x ![y <a"));
  g_assert_cmpfloat ((g_get_monotonic_time () - start) / 1e6, <, 30.0);
}

static void
test_html_article (void)
{
  g_autofree char *path = fixture ("article.html");
  g_autoptr(EntDocument) document = load_ok (path);
  static const char * const dropped[] = {
    "SCRIPT", "NAV TEXT", "ROLE NAV", "FOOTER", "HIDDEN", "ASIDE", "BUTTON", "NOSCRIPT",
    "SVG", "font-family", "Example News", "World",
  };

  assert_document_valid (document);
  g_assert_cmpint (document->format, ==, ENT_DOCUMENT_FORMAT_HTML);
  g_assert_cmpstr (document->title, ==, "Chile and Finland sign a green hydrogen deal");
  g_assert_cmpstr (document->date, ==, "2023-06-06");
  g_assert_cmpstr (document->source, ==, "Example News");

  g_assert_true (g_str_has_prefix (document->text, "Chile and Finland sign a green hydrogen deal\n\n"
                                   "HELSINKI \xE2\x80\x94 Chilean President Gabriel Boric and Finnish "
                                   "President Sauli Niinist\xC3\xB6 signed"));
  /* Entities decoded, broken nesting and unclosed tags keep their text. */
  assert_contains (document->text, "copper & lithium refining in Antofagasta, officials said.\n\n");
  assert_contains (document->text, "\xE2\x80\x9CThis is a beginning,\xE2\x80\x9D Boric said.\n"
                                   "He did not give figures.");
  assert_contains (document->text, "\n\nResearch on electrolysers\n\nA refining pilot\n\n");
  g_assert_true (g_str_has_suffix (document->text, "Unclosed paragraph at the end of the article"));
  for (gsize i = 0; i < G_N_ELEMENTS (dropped); i++)
    assert_lacks (document->text, dropped[i]);
}

static void
test_html_page (void)
{
  g_autofree char *path = fixture ("page.html");
  g_autoptr(EntDocument) document = load_ok (path);

  assert_document_valid (document);
  g_assert_cmpstr (document->title, ==, "Talks in Santiago");
  g_assert_cmpstr (document->date, ==, "2023-07-01");
  g_assert_cmpstr (document->source, ==, "Example Daily");
  g_assert_cmpstr (document->text, ==,
                   "Posted 1 July\n\nForeign ministers met in Santiago on Saturday.\n\n"
                   "They discussed trade.\n\nExports 12%\n\nLine one\n  Line two");
}

static void
test_html_json_ld (void)
{
  const char *html =
    "<html><head><title>Ignored Title</title>"
    "<script type=\"application/ld+json\">[{\"@type\":\"NewsArticle\",\"headline\":\"H\","
    "\"datePublished\":\"2021-02-03T04:05:06Z\",\"publisher\":{\"name\":\"LD Publisher\"}}]</script>"
    "<script type=\"application/ld+json\">{ not json</script>"
    "</head><body><h1>First Heading</h1><p>Text.</p></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document =
    ent_document_new_from_text (html, -1, ENT_DOCUMENT_FORMAT_HTML, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (document->title, ==, "Ignored Title");
  g_assert_cmpstr (document->date, ==, "2021-02-03");
  g_assert_cmpstr (document->source, ==, "LD Publisher");
  g_assert_cmpstr (document->text, ==, "First Heading\n\nText.");
}

static void
test_html_charsets (void)
{
  const char *legacy = "<html><head><meta charset=\"windows-1252\"></head>"
                       "<body><p>Caf\xE9 talks in S\xE3o Paulo \x93quoted\x94</p></body></html>";
  const char *lying = "<html><head><meta http-equiv=\"Content-Type\" "
                      "content=\"text/html; charset=iso-8859-1\"></head>"
                      "<body><p>Caf\xC3\xA9 talks</p></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) converted =
    ent_document_new_from_text (legacy, -1, ENT_DOCUMENT_FORMAT_HTML, NULL, &error);
  g_autoptr(EntDocument) utf8 = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (converted->text, ==,
                   "Caf\xC3\xA9 talks in S\xC3\xA3o Paulo \xE2\x80\x9Cquoted\xE2\x80\x9D");

  /* Valid UTF-8 wins over a wrong declaration. */
  utf8 = ent_document_new_from_text (lying, -1, ENT_DOCUMENT_FORMAT_HTML, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (utf8->text, ==, "Caf\xC3\xA9 talks");
}

static void
test_html_deep_nesting (void)
{
  g_autoptr(GString) html = g_string_new ("<html><body>");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document = NULL;

  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < 100000; i++)
    g_string_append (html, "<article><div><span>");
  g_string_append (html, "Deep text.");
  document = ent_document_new_from_text (html->str, html->len, ENT_DOCUMENT_FORMAT_HTML,
                                         NULL, &error);
  /* The only text is past the depth the reader goes to: an error that says
   * so, quickly (libxml2 takes time quadratic in the depth). */
  g_assert_null (document);
  g_assert_error (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "no text before: HTML nested deeper than"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

/* Text nested more than 255 elements deep (libxml2's limit without
 * XML_PARSE_HUGE) was refused as an empty document: it is read. */
static void
test_html_deep_text (void)
{
  g_autoptr(GString) html = g_string_new ("<html><head><title>Deep</title></head><body>");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append (html, "<div>");
  g_string_append (html, "<p>Iran and Belarus signed a roadmap.</p>");
  for (guint i = 0; i < 300; i++)
    g_string_append (html, "</div>");
  g_string_append (html, "<p>Both sides met again.</p></body></html>");

  document = ent_document_new_from_text (html->str, html->len, ENT_DOCUMENT_FORMAT_HTML,
                                         NULL, &error);
  g_assert_no_error (error);
  assert_document_valid (document);
  g_assert_cmpstr (document->text, ==, "Iran and Belarus signed a roadmap.\n\nBoth sides met again.");
  g_assert_null (document->warnings);
}

/* Deeper than the reader goes: what comes before the cut is read, and the
 * document says what was left out, rather than failing. */
static void
test_html_too_deep_is_cut (void)
{
  g_autoptr(GString) html = g_string_new ("<html><body><p>Iran and Belarus signed a roadmap.</p>");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (html, "<b>");
  g_string_append (html, "Lost text.</body></html>");

  document = ent_document_new_from_text (html->str, html->len, ENT_DOCUMENT_FORMAT_HTML,
                                         NULL, &error);
  g_assert_no_error (error);
  assert_document_valid (document);
  g_assert_cmpstr (document->text, ==, "Iran and Belarus signed a roadmap.");
  g_assert_nonnull (document->warnings);
  g_assert_cmpuint (g_strv_length (document->warnings), ==, 1);
  g_assert_true (g_str_has_prefix (document->warnings[0], "HTML nested deeper than 4096 elements"));
}

static void
test_html_empty_page (void)
{
  const char *html = "<html><head><title>Only a title</title><script>x()</script></head>"
                     "<body><nav>Menu</nav></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document =
    ent_document_new_from_text (html, -1, ENT_DOCUMENT_FORMAT_HTML, NULL, &error);

  g_assert_null (document);
  g_assert_error (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "empty document");
}

/* Markup soup in every format: no crash, and a loaded document keeps its
 * invariants. */
static void
test_random_input (void)
{
  static const char * const pieces[] = {
    "<", ">", "</", "<p>", "</div>", "<script>", "</script>", "<!--", "-->", "&amp;", "&#",
    "[", "]", "(", ")", "![", "`", "```", "*", "_", "#", "- ", "\n", "\n\n", " ", "---\n",
    "\xC3\xA9", "\xE2\x80\x9C", "text", ".", "Title", "date 2023-03-13", "%PDF-1.4",
    "\xEF\xBB\xBF", "\r\n", "<title>", "<meta name=date content=2023-01-02>",
  };
  GRand *rand = g_rand_new_with_seed (99);

  for (guint round = 0; round < 600; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 300);
      EntDocumentFormat format = round % 4;
      g_autoptr(GError) error = NULL;
      g_autoptr(EntDocument) document = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      document = ent_document_new_from_text (text->str, text->len, format, NULL, &error);
      if (document != NULL)
        assert_document_valid (document);
      else
        g_assert_true (error->domain == ENT_DOCUMENT_ERROR);
    }
  g_rand_free (rand);
}

static void
test_pdf (TempDir       *temp,
          gconstpointer  data)
{
  g_autoptr(GBytes) pdf = make_pdf ();
  gsize length;
  const char *bytes = g_bytes_get_data (pdf, &length);
  g_autofree char *path = write_file (temp, "report.PDF", bytes, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document = ent_document_load (path, &error);

#if HAVE_POPPLER
  g_assert_no_error (error);
  assert_document_valid (document);
  g_assert_cmpint (document->format, ==, ENT_DOCUMENT_FORMAT_PDF);
  g_assert_cmpstr (document->title, ==, "Helsinki Talks Report");
  g_assert_cmpstr (document->date, ==, "2023-06-06");
  g_assert_cmpstr (document->text, ==,
                   "Chile and Finland Sign a Deal\n"
                   "The two presidents agreed on closer cooperation in trade and transport.\n\n"
                   "Both countries want more trade.");
#else
  g_assert_null (document);
  g_assert_error (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_NO_PDF_SUPPORT);
#endif
}

/* Every date parser (ISO, English, datelines, HTML meta tags and JSON-LD,
 * front matter) gives a real day of a plausible year or nothing: no
 * 2023-02-31, no month 13, no year 0020. A later valid candidate still wins. */
static void
test_impossible_dates (void)
{
  static const struct {
    EntDocumentFormat  format;
    const char        *text;
    const char        *date;
  } cases[] = {
    { ENT_DOCUMENT_FORMAT_TEXT, "2023-02-31\nThe ministers met.", NULL },
    { ENT_DOCUMENT_FORMAT_TEXT, "2023-13-01\nThe ministers met.", NULL },
    { ENT_DOCUMENT_FORMAT_TEXT, "0020-01-01\nThe ministers met.", NULL },
    { ENT_DOCUMENT_FORMAT_TEXT, "31 February 2023\nThe ministers met.", NULL },
    { ENT_DOCUMENT_FORMAT_TEXT, "29 February 2023\nThe ministers met.", NULL },
    { ENT_DOCUMENT_FORMAT_TEXT, "29 February 2024\nThe ministers met.", "2024-02-29" },
    { ENT_DOCUMENT_FORMAT_TEXT, "MINSK, April 31, 2023 (AP) - The ministers met.", NULL },
    { ENT_DOCUMENT_FORMAT_TEXT, "date 2023-00-10 The ministers met in the capital on Monday.", NULL },
    { ENT_DOCUMENT_FORMAT_MARKDOWN, "---\ndate: 2023-02-30\n---\n\nThe ministers met.", NULL },
    { ENT_DOCUMENT_FORMAT_HTML,
      "<html><head><meta property=\"article:published_time\" content=\"2023-02-31T10:00:00Z\">"
      "<meta name=\"date\" content=\"13 March 2023\"></head><body><p>The ministers met.</p></body></html>",
      "2023-03-13" },
    { ENT_DOCUMENT_FORMAT_HTML,
      "<html><head><script type=\"application/ld+json\">{\"datePublished\": \"0020-12-01\"}</script>"
      "</head><body><p><time datetime=\"2023-13-13\">Then</time> the ministers met.</p></body></html>",
      NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EntDocument) document =
        ent_document_new_from_text (cases[i].text, -1, cases[i].format, NULL, &error);

      g_assert_no_error (error);
      g_test_message ("%u: %s", i, document->date);
      g_assert_cmpstr (document->date, ==, cases[i].date);
    }
}

/* A creation date is a day or nothing: "D:20" was stored as "20-01-01"
 * (poppler reads it as the year 20), and a PDF's date of an impossible day
 * must not come through either. */
static void
test_pdf_dates (void)
{
#if HAVE_POPPLER
  static const struct {
    const char *raw;
    const char *date;
  } cases[] = {
    { "D:20230606093000Z", "2023-06-06" },
    { "D:20230606", "2023-06-06" },
    { "D:20", NULL },
    { "D:0020", NULL },
    { "D:18991231", NULL },
    { "D:21010101", NULL },
    { "D:20231301", NULL },
    { "junk", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) pdf = make_pdf_dated (cases[i].raw);
      g_autoptr(GError) error = NULL;
      g_autoptr(EntDocument) document = NULL;
      gsize length;
      const char *bytes = g_bytes_get_data (pdf, &length);

      document = ent_document_new_from_text (bytes, length, ENT_DOCUMENT_FORMAT_PDF, NULL, &error);
      g_assert_no_error (error);
      g_test_message ("%s -> %s", cases[i].raw, document->date);
      g_assert_cmpstr (document->date, ==, cases[i].date);
    }
#else
  g_test_skip ("built without poppler-glib");
#endif
}

static void
test_pdf_truncated (TempDir       *temp,
                    gconstpointer  data)
{
  g_autoptr(GBytes) pdf = make_pdf ();
  gsize length;
  const char *bytes = g_bytes_get_data (pdf, &length);
  g_autofree char *half = write_file (temp, "half.pdf", bytes, length / 2);
  g_autofree char *header = write_file (temp, "header.pdf", bytes, 9);
  g_autofree char *html = write_file (temp, "page.pdf", "<html>", 6);

#if HAVE_POPPLER
  assert_load_error (half, ENT_DOCUMENT_ERROR_MALFORMED, "not a PDF or damaged PDF: ");
  assert_load_error (header, ENT_DOCUMENT_ERROR_MALFORMED, "not a PDF or damaged PDF: ");
  assert_load_error (html, ENT_DOCUMENT_ERROR_MALFORMED, "not a PDF or damaged PDF: ");
#else
  assert_load_error (half, ENT_DOCUMENT_ERROR_NO_PDF_SUPPORT, "this build of Entente reads no PDF");
  assert_load_error (header, ENT_DOCUMENT_ERROR_NO_PDF_SUPPORT, "this build of Entente reads no PDF");
  assert_load_error (html, ENT_DOCUMENT_ERROR_NO_PDF_SUPPORT, "this build of Entente reads no PDF");
#endif
}

static void
test_utf16 (TempDir       *temp,
            gconstpointer  data)
{
  const char *text = "Caf\xC3\xA9 Talks in Paris Go Well\r\n\r\nThe ministers met on 2 May 2023.";
  g_autofree char *le = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, NULL, NULL);
  g_autofree char *be = g_convert (text, -1, "UTF-16BE", "UTF-8", NULL, NULL, NULL);
  gsize n = g_utf8_strlen (text, -1) * 2;
  g_autofree char *le_bytes = g_malloc (n + 2);
  g_autofree char *be_bytes = g_malloc (n + 2);
  g_autofree char *le_path = NULL;
  g_autofree char *be_path = NULL;
  g_autofree char *odd_path = NULL;
  g_autoptr(EntDocument) from_le = NULL;
  g_autoptr(EntDocument) from_be = NULL;

  memcpy (le_bytes, "\xFF\xFE", 2);
  memcpy (le_bytes + 2, le, n);
  memcpy (be_bytes, "\xFE\xFF", 2);
  memcpy (be_bytes + 2, be, n);
  le_path = write_file (temp, "le.txt", le_bytes, n + 2);
  be_path = write_file (temp, "be.txt", be_bytes, n + 2);
  odd_path = write_file (temp, "odd.txt", le_bytes, n + 1);

  from_le = load_ok (le_path);
  from_be = load_ok (be_path);
  assert_document_valid (from_le);
  g_assert_cmpstr (from_le->text, ==, "Caf\xC3\xA9 Talks in Paris Go Well\n\nThe ministers met on 2 May 2023.");
  g_assert_cmpstr (from_le->title, ==, "Caf\xC3\xA9 Talks in Paris Go Well");
  g_assert_cmpstr (from_le->date, ==, "2023-05-02");
  g_assert_cmpstr (from_be->text, ==, from_le->text);
  g_assert_cmpstr (from_be->hash, ==, from_le->hash);

  assert_load_error (odd_path, ENT_DOCUMENT_ERROR_ENCODING, "not valid UTF-16 (byte ");
}

static void
test_utf8_bom_and_crlf (TempDir       *temp,
                        gconstpointer  data)
{
  const char *with_bom = "\xEF\xBB\xBFTalks in Oslo\r\nThey met.\r\n";
  const char *without = "Talks in Oslo\nThey met.\n";
  g_autofree char *a = write_file (temp, "a.txt", with_bom, strlen (with_bom));
  g_autofree char *b = write_file (temp, "b.txt", without, strlen (without));
  g_autoptr(EntDocument) first = load_ok (a);
  g_autoptr(EntDocument) second = load_ok (b);

  g_assert_cmpstr (first->text, ==, "Talks in Oslo\nThey met.");
  /* The same text is the same document, whatever its bytes were. */
  g_assert_cmpstr (first->hash, ==, second->hash);
}

static void
test_supported_paths (void)
{
  static const char * const yes[] = {
    "a.txt", "b.TEXT", "c.md", "d.Markdown", "e.html", "f.HTM", "g.xhtml", "/x/y/h.pdf",
  };
  static const char * const no[] = {
    "a.docx", "b", "c.txt.gz", "/x.txt/y", ".", "d.", "e.mdx",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (yes); i++)
    g_assert_true (ent_document_is_supported_path (yes[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (no); i++)
    g_assert_false (ent_document_is_supported_path (no[i]));
}

/* ------------------------------------------------------------------ */
/* Errors                                                               */
/* ------------------------------------------------------------------ */

static void
test_error_not_found (TempDir       *temp,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (temp->dir, "missing.txt", NULL);
  g_autofree char *under_file = NULL;
  g_autofree char *file = write_file (temp, "file.txt", "x", 1);

  assert_load_error (path, ENT_DOCUMENT_ERROR_NOT_FOUND, "no such file");
  under_file = g_build_filename (file, "inner.txt", NULL);
  assert_load_error (under_file, ENT_DOCUMENT_ERROR_NOT_FOUND, "no such file");
}

static void
test_error_directory (TempDir       *temp,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (temp->dir, "folder.md", NULL);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  assert_load_error (path, ENT_DOCUMENT_ERROR_UNREADABLE, "is a directory, not a file");
}

static void
test_error_fifo (TempDir       *temp,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (temp->dir, "pipe.txt", NULL);

  if (mkfifo (path, 0600) != 0)
    {
      g_test_skip ("cannot make a FIFO here");
      return;
    }
  /* Must not block waiting for a writer. */
  assert_load_error (path, ENT_DOCUMENT_ERROR_UNREADABLE, "not a regular file");
}

static void
test_error_permission (TempDir       *temp,
                       gconstpointer  data)
{
  g_autofree char *path = write_file (temp, "secret.txt", "Secret talks.", 13);

  if (geteuid () == 0)
    {
      g_test_skip ("root reads every file");
      return;
    }
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  assert_load_error (path, ENT_DOCUMENT_ERROR_UNREADABLE, "permission denied");
}

static void
test_error_unsupported (TempDir       *temp,
                        gconstpointer  data)
{
  g_autofree char *docx = write_file (temp, "report.docx", "PK", 2);
  g_autofree char *bare = write_file (temp, "README", "Text.", 5);

  assert_load_error (docx, ENT_DOCUMENT_ERROR_UNSUPPORTED, "unsupported file type \xE2\x80\x9C.docx\xE2\x80\x9D");
  assert_load_error (bare, ENT_DOCUMENT_ERROR_UNSUPPORTED, "unsupported file type (no extension)");
}

static void
test_error_binary (TempDir       *temp,
                   gconstpointer  data)
{
  const char nul[] = "PNG\0\0\0\rIHDR and some more text";
  char controls[512];
  g_autofree char *with_nul = write_file (temp, "image.txt", nul, sizeof nul - 1);
  g_autofree char *with_controls = NULL;

  for (gsize i = 0; i < sizeof controls; i++)
    controls[i] = (char) (i % 2 == 0 ? 0x01 + i % 7 : 'a');
  with_controls = write_file (temp, "controls.md", controls, sizeof controls);

  assert_load_error (with_nul, ENT_DOCUMENT_ERROR_BINARY, "binary file");
  assert_load_error (with_controls, ENT_DOCUMENT_ERROR_BINARY, "binary file");
}

static void
test_error_encoding (TempDir       *temp,
                     gconstpointer  data)
{
  const char latin1[] = "Talks in Z\xFCrich went well.";
  const char bom_latin1[] = "\xEF\xBB\xBF" "Caf\xE9";
  const char truncated[] = "Caf\xC3";
  g_autofree char *a = write_file (temp, "latin1.txt", latin1, sizeof latin1 - 1);
  g_autofree char *b = write_file (temp, "bom.txt", bom_latin1, sizeof bom_latin1 - 1);
  g_autofree char *c = write_file (temp, "cut.md", truncated, sizeof truncated - 1);

  assert_load_error (a, ENT_DOCUMENT_ERROR_ENCODING, "not valid UTF-8 (byte 10)");
  assert_load_error (b, ENT_DOCUMENT_ERROR_ENCODING, "not valid UTF-8 (byte 6)");
  assert_load_error (c, ENT_DOCUMENT_ERROR_ENCODING, "not valid UTF-8 (byte 3)");
}

static void
test_error_empty (TempDir       *temp,
                  gconstpointer  data)
{
  const char blank[] = " \r\n\t\n\xC2\xA0\xE2\x80\xA8 \n";
  g_autofree char *zero = write_file (temp, "zero.txt", "", 0);
  g_autofree char *spaces = write_file (temp, "spaces.text", blank, sizeof blank - 1);
  const char *only_markup = "# \n\n---\n<!-- x -->\n![](picture.png)\n";
  g_autofree char *markup = write_file (temp, "markup.md", only_markup, strlen (only_markup));

  assert_load_error (zero, ENT_DOCUMENT_ERROR_EMPTY, "empty document");
  assert_load_error (spaces, ENT_DOCUMENT_ERROR_EMPTY, "empty document");
  assert_load_error (markup, ENT_DOCUMENT_ERROR_EMPTY, "empty document");
}

/* Refused from its size alone: the sparse file is never read. */
static void
test_error_too_large (TempDir       *temp,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (temp->dir, "huge.txt", NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) ENT_DOCUMENT_MAX_BYTES + 1), ==, 0);
  close (fd);
  assert_load_error (path, ENT_DOCUMENT_ERROR_TOO_LARGE, "too large (");
}

/* ------------------------------------------------------------------ */
/* Size                                                                 */
/* ------------------------------------------------------------------ */

static void
test_huge_single_line (TempDir       *temp,
                       gconstpointer  data)
{
  static const char sentence[] = "The ministers met in Oslo on Monday, officials said. ";
  const gsize target = 50 * 1024 * 1024;
  gsize count = target / (sizeof sentence - 1);
  g_autofree char *path = g_build_filename (temp->dir, "huge-line.txt", NULL);
  g_autoptr(GString) text = g_string_sized_new (target + 64);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(GArray) spans = NULL;
  gint64 start;
  double load_seconds, split_seconds;

  for (gsize i = 0; i < count; i++)
    g_string_append_len (text, sentence, sizeof sentence - 1);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  document = ent_document_load (path, &error);
  load_seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_assert_cmpuint (document->length, ==, text->len - 1);

  start = g_get_monotonic_time ();
  spans = ent_text_split_sentences (document->text, document->length);
  split_seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("50 MB on one line: loaded in %.2f s, split into %u sentences in %.2f s",
                  load_seconds, spans->len, split_seconds);

  g_assert_cmpuint (spans->len, ==, count);
  g_assert_cmpuint (g_array_index (spans, EntSpan, count - 1).end, ==, document->length);
  /* Linear: a quadratic pass over 50 MB would take hours. */
  g_assert_cmpfloat (load_seconds + split_seconds, <, 120.0);
}

/* ------------------------------------------------------------------ */
/* The seed articles, when present                                      */
/* ------------------------------------------------------------------ */

static void
assert_seed_sentences (EntDocument *document)
{
  g_autoptr(GArray) spans = ent_text_split_sentences (document->text, document->length);

  g_assert_cmpuint (spans->len, >, 3);
  for (guint i = 0; i < spans->len; i++)
    {
      EntSpan *span = &g_array_index (spans, EntSpan, i);
      glong chars = g_utf8_strlen (document->text + span->start, span->end - span->start);
      const char *before;

      if (chars > 1000)
        g_error ("%s: sentence %u has %ld characters", document->path, i, chars);
      if (span->start == 0)
        continue;
      before = g_utf8_find_prev_char (document->text, document->text + span->start);
      if (g_unichar_isalnum (g_utf8_get_char (before)))
        g_error ("%s: sentence %u starts inside a word: %.40s", document->path, i,
                 document->text + span->start);
    }
}

static void
test_seeds (void)
{
  const char *seeds = g_getenv ("ENTENTE_SEEDS_DIR");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  if (seeds == NULL || !g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("ENTENTE_SEEDS_DIR is not a folder");
      return;
    }
  dir = g_dir_open (seeds, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (seeds, name, NULL);
      g_autoptr(EntDocument) document = NULL;

      if (!ent_document_is_supported_path (path))
        continue;
      document = load_ok (path);
      assert_document_valid (document);
      assert_seed_sentences (document);
      n++;
    }
  if (n == 0)
    g_test_skip ("no seed articles");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define TEMP_TEST(path, func) \
  g_test_add ("/entente/document/" path, TempDir, NULL, temp_dir_set_up, func, temp_dir_tear_down)

  g_test_add_func ("/entente/document/text", test_plain_text);
  g_test_add_func ("/entente/document/text-metadata", test_plain_text_metadata);
  TEMP_TEST ("title-from-file-name", test_title_from_file_name);
  g_test_add_func ("/entente/document/markdown", test_markdown);
  g_test_add_func ("/entente/document/markdown-front-matter", test_markdown_front_matter);
  g_test_add_func ("/entente/document/markdown-hostile", test_markdown_hostile);
  g_test_add_func ("/entente/document/html-article", test_html_article);
  g_test_add_func ("/entente/document/html-page", test_html_page);
  g_test_add_func ("/entente/document/html-json-ld", test_html_json_ld);
  g_test_add_func ("/entente/document/html-charsets", test_html_charsets);
  g_test_add_func ("/entente/document/html-deep-nesting", test_html_deep_nesting);
  g_test_add_func ("/entente/document/html-deep-text", test_html_deep_text);
  g_test_add_func ("/entente/document/html-too-deep-is-cut", test_html_too_deep_is_cut);
  g_test_add_func ("/entente/document/pdf-dates", test_pdf_dates);
  g_test_add_func ("/entente/document/impossible-dates", test_impossible_dates);
  g_test_add_func ("/entente/document/html-empty-page", test_html_empty_page);
  g_test_add_func ("/entente/document/random-input", test_random_input);
  TEMP_TEST ("pdf", test_pdf);
  TEMP_TEST ("pdf-truncated", test_pdf_truncated);
  TEMP_TEST ("utf16", test_utf16);
  TEMP_TEST ("utf8-bom-crlf", test_utf8_bom_and_crlf);
  g_test_add_func ("/entente/document/supported-paths", test_supported_paths);
  TEMP_TEST ("error/not-found", test_error_not_found);
  TEMP_TEST ("error/directory", test_error_directory);
  TEMP_TEST ("error/fifo", test_error_fifo);
  TEMP_TEST ("error/permission", test_error_permission);
  TEMP_TEST ("error/unsupported", test_error_unsupported);
  TEMP_TEST ("error/binary", test_error_binary);
  TEMP_TEST ("error/encoding", test_error_encoding);
  TEMP_TEST ("error/empty", test_error_empty);
  TEMP_TEST ("error/too-large", test_error_too_large);
  TEMP_TEST ("huge-single-line", test_huge_single_line);
  g_test_add_func ("/entente/document/seeds", test_seeds);

  return g_test_run ();
}
