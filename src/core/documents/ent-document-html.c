/* ent-document-html.c — the article text of an HTML page, through libxml2.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-document"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include "ent-document-private.h"

/* An <article> this long is the article even when the page around it is
 * longer (comments, related stories). */
#define ARTICLE_MIN_CHARS 200

/* libxml2 stops at 256 levels of elements unless told XML_PARSE_HUGE, and
 * then takes time quadratic in the depth (minutes for a million unclosed
 * tags). Real pages nest a few dozen levels, broken ones a few thousand
 * unclosed <font> or <b>: past this depth the parser is stopped, what it
 * read is kept and the document says what was cut. */
#define MAX_HTML_DEPTH 4096

/* JSON-LD blocks are small; a huge or deeply nested one is not metadata. */
#define MAX_JSON_LD_BYTES (256 * 1024)
#define MAX_JSON_LD_DEPTH 32

typedef enum {
  TAG_INLINE,
  TAG_SKIP,  /* nothing inside is article text */
  TAG_BLOCK, /* a paragraph of its own */
  TAG_BREAK, /* <br> */
  TAG_CELL,  /* <td>, <th>: a space between cells */
  TAG_PRE,   /* keeps its line breaks */
} TagKind;

typedef struct {
  const char *name;
  TagKind     kind;
} TagInfo;

/* Sorted by name for bsearch(). */
static const TagInfo tags[] = {
  { "address", TAG_BLOCK }, { "applet", TAG_SKIP }, { "article", TAG_BLOCK },
  { "aside", TAG_SKIP }, { "audio", TAG_SKIP }, { "blockquote", TAG_BLOCK },
  { "body", TAG_BLOCK }, { "br", TAG_BREAK }, { "button", TAG_SKIP },
  { "canvas", TAG_SKIP }, { "caption", TAG_BLOCK }, { "center", TAG_BLOCK },
  { "datalist", TAG_SKIP }, { "dd", TAG_BLOCK }, { "details", TAG_BLOCK },
  { "dialog", TAG_SKIP }, { "div", TAG_BLOCK }, { "dl", TAG_BLOCK },
  { "dt", TAG_BLOCK }, { "embed", TAG_SKIP }, { "fieldset", TAG_BLOCK },
  { "figcaption", TAG_BLOCK }, { "figure", TAG_BLOCK }, { "footer", TAG_SKIP },
  { "form", TAG_SKIP }, { "frameset", TAG_SKIP }, { "h1", TAG_BLOCK },
  { "h2", TAG_BLOCK }, { "h3", TAG_BLOCK }, { "h4", TAG_BLOCK },
  { "h5", TAG_BLOCK }, { "h6", TAG_BLOCK }, { "head", TAG_SKIP },
  { "header", TAG_SKIP }, { "hgroup", TAG_BLOCK }, { "hr", TAG_BLOCK },
  { "html", TAG_BLOCK }, { "iframe", TAG_SKIP }, { "input", TAG_SKIP },
  { "legend", TAG_BLOCK }, { "li", TAG_BLOCK }, { "main", TAG_BLOCK },
  { "map", TAG_SKIP }, { "math", TAG_SKIP }, { "menu", TAG_SKIP },
  { "nav", TAG_SKIP }, { "noembed", TAG_SKIP }, { "noframes", TAG_SKIP },
  { "noscript", TAG_SKIP }, { "object", TAG_SKIP }, { "ol", TAG_BLOCK },
  { "p", TAG_BLOCK }, { "pre", TAG_PRE }, { "script", TAG_SKIP },
  { "section", TAG_BLOCK }, { "select", TAG_SKIP }, { "style", TAG_SKIP },
  { "summary", TAG_BLOCK }, { "svg", TAG_SKIP }, { "table", TAG_BLOCK },
  { "tbody", TAG_BLOCK }, { "td", TAG_CELL }, { "template", TAG_SKIP },
  { "textarea", TAG_SKIP }, { "tfoot", TAG_BLOCK }, { "th", TAG_CELL },
  { "thead", TAG_BLOCK }, { "title", TAG_SKIP }, { "tr", TAG_BLOCK },
  { "ul", TAG_BLOCK }, { "video", TAG_SKIP },
};

static const char * const hidden_roles[] = {
  "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
};

static int
compare_tag (const void *key,
             const void *entry)
{
  return strcmp (key, *(const char * const *) entry);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
         strcmp ((const char *) node->name, name) == 0;
}

/* An attribute value as a GLib string (NULL when absent). */
static char *
attribute (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static gboolean
is_hidden (xmlNode *node)
{
  g_autofree char *role = NULL;
  g_autofree char *aria = NULL;
  g_autofree char *style = NULL;

  if (node->properties == NULL)
    return FALSE;
  if (xmlHasProp (node, (const xmlChar *) "hidden") != NULL)
    return TRUE;

  role = attribute (node, "role");
  if (role != NULL)
    for (gsize i = 0; i < G_N_ELEMENTS (hidden_roles); i++)
      if (g_ascii_strcasecmp (role, hidden_roles[i]) == 0)
        return TRUE;

  aria = attribute (node, "aria-hidden");
  if (aria != NULL && g_ascii_strcasecmp (aria, "true") == 0)
    return TRUE;

  style = attribute (node, "style");
  if (style != NULL)
    {
      g_autoptr(GString) squeezed = g_string_new (NULL);

      for (const char *p = style; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          g_string_append_c (squeezed, g_ascii_tolower (*p));
      if (strstr (squeezed->str, "display:none") != NULL ||
          strstr (squeezed->str, "visibility:hidden") != NULL)
        return TRUE;
    }
  return FALSE;
}

static TagKind
tag_kind (xmlNode *node)
{
  const void *found;

  if (node->name == NULL)
    return TAG_INLINE;
  found = bsearch (node->name, tags, G_N_ELEMENTS (tags), sizeof tags[0], compare_tag);
  if (found == NULL)
    return TAG_INLINE;
  return ((const TagInfo *) found)->kind;
}

/* Whether the walk goes into @node at all. */
static gboolean
is_skipped (xmlNode *node)
{
  return tag_kind (node) == TAG_SKIP || is_hidden (node);
}

/* ------------------------------------------------------------------ */
/* Text                                                                 */
/* ------------------------------------------------------------------ */

typedef struct {
  GString *out;
  guint    breaks; /* line breaks owed before the next text: 0, 1 or 2 */
  gboolean space;  /* a space owed */
  guint    pre;    /* depth inside <pre> */
  gsize    chars;  /* non-blank bytes seen (for measuring only) */
} Writer;

static gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void
flush_pending (Writer *w)
{
  if (w->out->len > 0)
    {
      if (w->breaks >= 2)
        g_string_append (w->out, "\n\n");
      else if (w->breaks == 1)
        g_string_append_c (w->out, '\n');
      else if (w->space)
        g_string_append_c (w->out, ' ');
    }
  w->breaks = 0;
  w->space = FALSE;
}

static void
write_text (Writer     *w,
            const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *run;

      if (w->pre == 0 && is_html_space (*p))
        {
          w->space = TRUE;
          p++;
          continue;
        }
      run = p;
      if (w->pre > 0)
        p += strlen (p);
      else
        while (*p != '\0' && !is_html_space (*p))
          p++;
      w->chars += p - run;
      if (w->out != NULL)
        {
          flush_pending (w);
          g_string_append_len (w->out, run, p - run);
        }
    }
}

static void
enter_element (Writer  *w,
               TagKind  kind)
{
  switch (kind)
    {
    case TAG_BLOCK:
      w->breaks = 2;
      break;
    case TAG_PRE:
      w->breaks = 2;
      w->pre++;
      break;
    case TAG_BREAK:
      w->breaks = MIN (w->breaks + 1, 2);
      break;
    case TAG_CELL:
      w->space = TRUE;
      break;
    case TAG_SKIP:
    case TAG_INLINE:
    default:
      break;
    }
}

static void
leave_element (Writer  *w,
               TagKind  kind)
{
  if (kind == TAG_PRE && w->pre > 0)
    w->pre--;
  if (kind == TAG_BLOCK || kind == TAG_PRE)
    w->breaks = 2;
  else if (kind == TAG_CELL)
    w->space = TRUE;
}

/* Writes the readable text under @top, depth first without recursion: a
 * hostile page may nest elements very deeply. */
static void
write_subtree (Writer  *w,
               xmlNode *top)
{
  xmlNode *node = top->children;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_ELEMENT_NODE && !is_skipped (node))
        {
          enter_element (w, tag_kind (node));
          if (node->children != NULL)
            descend = TRUE;
          else
            leave_element (w, tag_kind (node));
        }
      else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
               node->content != NULL)
        write_text (w, (const char *) node->content);

      if (descend)
        {
          node = node->children;
          continue;
        }
      while (node != top && node->next == NULL)
        {
          node = node->parent;
          if (node == top || node == NULL)
            return;
          leave_element (w, tag_kind (node));
        }
      if (node == top)
        return;
      node = node->next;
    }
}

static gsize
text_size (xmlNode *node)
{
  Writer w = { NULL, 0, FALSE, 0, 0 };

  write_subtree (&w, node);
  return w.chars;
}

/* ------------------------------------------------------------------ */
/* Metadata                                                             */
/* ------------------------------------------------------------------ */

typedef struct {
  char      *og_title;
  char      *title;      /* <title> */
  char      *h1;
  char      *ld_title;   /* JSON-LD headline */
  char      *published;  /* article:published_time */
  char      *time;       /* <time datetime> */
  char      *meta_date;  /* date, pubdate, dc.date... */
  char      *ld_date;
  char      *site_name;  /* og:site_name */
  char      *app_name;   /* application-name */
  char      *publisher;
  xmlNode   *body;
  xmlNode   *main;
  GPtrArray *articles;   /* outermost <article> elements */
} Page;

static void
page_clear (Page *page)
{
  g_free (page->og_title);
  g_free (page->title);
  g_free (page->h1);
  g_free (page->ld_title);
  g_free (page->published);
  g_free (page->time);
  g_free (page->meta_date);
  g_free (page->ld_date);
  g_free (page->site_name);
  g_free (page->app_name);
  g_free (page->publisher);
  g_clear_pointer (&page->articles, g_ptr_array_unref);
}

static void
keep_first (char       **slot,
            const char  *value)
{
  if (*slot == NULL && value != NULL)
    *slot = ent_document_clean_line (value, -1);
}

static const char * const date_metas[] = {
  "date", "pubdate", "publishdate", "publish-date", "publication_date", "dc.date",
  "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.created",
  "dcterms.issued", "article:published", "og:published_time", "datepublished",
  "sailthru.date", "parsely-pub-date",
};

static void
read_meta (Page    *page,
           xmlNode *node)
{
  g_autofree char *key = attribute (node, "property");
  g_autofree char *content = attribute (node, "content");
  g_autofree char *lower = NULL;

  if (key == NULL)
    key = attribute (node, "name");
  if (key == NULL)
    key = attribute (node, "itemprop");
  if (key == NULL || content == NULL)
    return;
  lower = g_ascii_strdown (key, -1);

  if (strcmp (lower, "og:title") == 0)
    keep_first (&page->og_title, content);
  else if (strcmp (lower, "article:published_time") == 0)
    keep_first (&page->published, content);
  else if (strcmp (lower, "og:site_name") == 0)
    keep_first (&page->site_name, content);
  else if (strcmp (lower, "application-name") == 0)
    keep_first (&page->app_name, content);
  else if (strcmp (lower, "publisher") == 0 || strcmp (lower, "dc.publisher") == 0)
    {
      /* article:publisher is usually a social-media URL, not a name. */
      if (strstr (content, "://") == NULL)
        keep_first (&page->publisher, content);
    }
  else
    for (gsize i = 0; i < G_N_ELEMENTS (date_metas); i++)
      if (strcmp (lower, date_metas[i]) == 0)
        {
          keep_first (&page->meta_date, content);
          break;
        }
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = content != NULL ? ent_document_clean_line ((const char *) content, -1) : NULL;

  xmlFree (content);
  return text;
}

static gboolean
json_too_deep (const char *data,
               gsize       length)
{
  int depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '{' || c == '[') && ++depth > MAX_JSON_LD_DEPTH)
        return TRUE;
      else if (c == '}' || c == ']')
        depth--;
    }
  return FALSE;
}

static const char *
json_string_member (JsonObject *object,
                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void read_json_ld_node (Page *page, JsonNode *node);

static void
read_json_ld_object (Page       *page,
                     JsonObject *object)
{
  JsonNode *publisher = json_object_get_member (object, "publisher");
  JsonNode *graph = json_object_get_member (object, "@graph");

  keep_first (&page->ld_title, json_string_member (object, "headline"));
  keep_first (&page->ld_date, json_string_member (object, "datePublished"));
  if (publisher != NULL && JSON_NODE_HOLDS_OBJECT (publisher))
    keep_first (&page->publisher, json_string_member (json_node_get_object (publisher), "name"));
  else if (publisher != NULL && JSON_NODE_HOLDS_VALUE (publisher) &&
           json_node_get_value_type (publisher) == G_TYPE_STRING)
    keep_first (&page->publisher, json_node_get_string (publisher));
  if (graph != NULL)
    read_json_ld_node (page, graph);
}

static void
read_json_ld_node (Page     *page,
                   JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    read_json_ld_object (page, json_node_get_object (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 64; i++)
        read_json_ld_node (page, json_array_get_element (array, i));
    }
}

static void
read_json_ld (Page    *page,
              xmlNode *script)
{
  g_autoptr(JsonParser) parser = NULL;
  xmlChar *content = xmlNodeGetContent (script);
  gsize length = content != NULL ? strlen ((const char *) content) : 0;

  if (length > 0 && length <= MAX_JSON_LD_BYTES &&
      !json_too_deep ((const char *) content, length))
    {
      parser = json_parser_new ();
      if (json_parser_load_from_data (parser, (const char *) content, length, NULL) &&
          json_parser_get_root (parser) != NULL)
        read_json_ld_node (page, json_parser_get_root (parser));
    }
  xmlFree (content);
}

static void
read_element (Page    *page,
              xmlNode *node,
              guint    enclosing)
{
  const char *name = (const char *) node->name;

  if (name == NULL)
    return;
  if (strcmp (name, "meta") == 0)
    read_meta (page, node);
  else if (strcmp (name, "title") == 0 && page->title == NULL &&
           node->parent != NULL && is_element (node->parent, "head"))
    page->title = node_text (node);
  else if (strcmp (name, "h1") == 0 && page->h1 == NULL)
    page->h1 = node_text (node);
  else if (strcmp (name, "time") == 0 && page->time == NULL)
    {
      g_autofree char *datetime = attribute (node, "datetime");

      keep_first (&page->time, datetime);
    }
  else if (strcmp (name, "script") == 0)
    {
      g_autofree char *type = attribute (node, "type");

      if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
        read_json_ld (page, node);
    }
  else if (strcmp (name, "body") == 0 && page->body == NULL)
    page->body = node;
  else if (strcmp (name, "main") == 0 && page->main == NULL)
    page->main = node;
  else if (strcmp (name, "article") == 0 && enclosing == 0)
    g_ptr_array_add (page->articles, node);
}

/* An <article> or <aside> around a node makes an <article> in it no
 * candidate for the page's content. */
static gboolean
encloses_articles (xmlNode *node)
{
  return is_element (node, "article") || is_element (node, "aside");
}

/* One pass over every element, without recursion; @enclosing counts the
 * <article> and <aside> elements around the current node. */
static void
read_page (Page    *page,
           xmlNode *root)
{
  xmlNode *node = root;
  guint enclosing = 0;

  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE)
        read_element (page, node, enclosing);

      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          enclosing += encloses_articles (node);
          node = node->children;
          continue;
        }
      while (node != root && node->next == NULL)
        {
          node = node->parent;
          if (node == NULL || node == root)
            return;
          enclosing -= encloses_articles (node);
        }
      if (node == root)
        return;
      node = node->next;
    }
}

/* The element whose text is the article: the largest <article>, else <main>,
 * unless they hold only a sliver of the page. */
static xmlNode *
content_root (Page    *page,
              xmlNode *root)
{
  xmlNode *body = page->body != NULL ? page->body : root;
  gsize body_size = text_size (body);
  xmlNode *best = NULL;
  gsize best_size = 0;

  for (guint i = 0; i < page->articles->len; i++)
    {
      xmlNode *article = g_ptr_array_index (page->articles, i);
      gsize size = text_size (article);

      if (size > best_size)
        {
          best = article;
          best_size = size;
        }
    }
  if (best == NULL && page->main != NULL)
    {
      best = page->main;
      best_size = text_size (best);
    }
  if (best != NULL && best_size > 0 &&
      (best_size >= ARTICLE_MIN_CHARS || best_size * 2 >= body_size))
    return best;
  return body;
}

static char *
page_title (Page *page)
{
  const char *site = page->site_name != NULL ? page->site_name : page->app_name;
  const char *candidates[] = { page->og_title, page->title, page->h1, page->ld_title };

  for (gsize i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] != NULL)
      {
        gsize length = ent_document_title_length (candidates[i], site, candidates[i] == page->title);

        return ent_document_clean_line (candidates[i], length);
      }
  return NULL;
}

static char *
page_date (Page *page)
{
  const char *candidates[] = { page->published, page->time, page->meta_date, page->ld_date };

  for (gsize i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] != NULL)
      {
        char *date = ent_document_parse_date (candidates[i], strlen (candidates[i]));

        if (date != NULL)
          return date;
      }
  return NULL;
}

/* The tree builder's start tag, stopping the parser past MAX_HTML_DEPTH. */
static void
start_element (void           *user_data,
               const xmlChar  *name,
               const xmlChar **attributes)
{
  htmlParserCtxtPtr ctxt = user_data;

  if (ctxt->nameNr > MAX_HTML_DEPTH)
    {
      *(gboolean *) ctxt->_private = TRUE;
      xmlStopParser (ctxt);
      return;
    }
  xmlSAX2StartElement (user_data, name, attributes);
}

static htmlDocPtr
parse_html (const char *data,
            int         length,
            gboolean   *cut)
{
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt ();
  htmlDocPtr doc;

  *cut = FALSE;
  if (ctxt == NULL)
    return NULL;
  ctxt->_private = cut;
  ctxt->sax->startElement = start_element;
  /* NONET: a page never makes Entente fetch anything. */
  doc = htmlCtxtReadMemory (ctxt, data, length, NULL, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                            HTML_PARSE_NOWARNING | HTML_PARSE_NONET | XML_PARSE_HUGE);
  htmlFreeParserCtxt (ctxt);
  return doc;
}

gboolean
ent_document_read_html (const char        *data,
                        gsize              length,
                        EntDocumentParts  *parts,
                        GError           **error)
{
  Page page = { 0 };
  Writer writer = { NULL, 0, FALSE, 0, 0 };
  htmlDocPtr doc;
  xmlNode *root;
  gboolean cut;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length > G_MAXINT)
    {
      g_set_error_literal (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_TOO_LARGE,
                           "too large for the HTML parser");
      return FALSE;
    }

  doc = parse_html (data, (int) length, &cut);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error_literal (error, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_MALFORMED,
                           "not an HTML document");
      return FALSE;
    }

  page.articles = g_ptr_array_new ();
  read_page (&page, root);

  writer.out = g_string_sized_new (length / 2 + 1);
  write_subtree (&writer, content_root (&page, root));

  parts->text = writer.out;
  parts->title = page_title (&page);
  parts->date = page_date (&page);
  parts->source = g_strdup (page.site_name != NULL ? page.site_name :
                            page.app_name != NULL ? page.app_name : page.publisher);
  if (cut)
    ent_document_parts_warn (parts, "HTML nested deeper than %u elements: the text after "
                                    "that point was not read", MAX_HTML_DEPTH);

  page_clear (&page);
  xmlFreeDoc (doc);
  return TRUE;
}
