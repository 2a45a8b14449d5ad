/* test-export.c — every export format, read back by a real parser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <string.h>

#include <cairo.h>
#include <cgraph.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#if HAVE_POPPLER
#include <poppler.h>
#endif

#include "ent-export.h"
#include "ent-export-private.h"

#define TRICKY_NAME  "Smith, \"The Hammer\" & <Co>"
#define FORMULA_NAME "=HYPERLINK(\"http://example.com\")"
#define BROKEN_NAME  "Bad \001 control \377 byte"
#define EVIDENCE     "He said \"yes\",\nthen left; a, b & c."

typedef struct {
  EntGraph  *graph;
  EntView   *view;
  EntLayout *layout;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  EntGraph *graph = ent_graph_new ();
  guint d1 = ent_graph_add_document (graph, 1, "One", NULL, NULL, NULL);
  guint d2 = ent_graph_add_document (graph, 2, "Two", NULL, NULL, NULL);
  guint luk = ent_graph_add_entity (graph, 1, ENT_ENTITY_PERSON, "Alexander Lukashenko", 9);
  guint smith = ent_graph_add_entity (graph, 2, ENT_ENTITY_PERSON, TRICKY_NAME, 2);
  guint iran = ent_graph_add_entity (graph, 3, ENT_ENTITY_COUNTRY, "Iran", 5);
  guint formula = ent_graph_add_entity (graph, 4, ENT_ENTITY_ORGANIZATION, FORMULA_NAME, 1);
  guint broken = ent_graph_add_entity (graph, 5, ENT_ENTITY_PLACE, BROKEN_NAME, 1);
  guint r;

  r = ent_graph_add_relation (graph, 1, ENT_RELATION_MET, luk, smith);
  ent_graph_relation_add_evidence (graph, r, d1, 0, 10, EVIDENCE);
  ent_graph_relation_add_evidence (graph, r, d2, 0, 10, "Second source.");
  r = ent_graph_add_relation (graph, 2, ENT_RELATION_HOLDS_OFFICE, smith, iran);
  ent_graph_relation_add_evidence (graph, r, d1, 20, 30, "Smith is the president of Iran.");
  g_hash_table_insert (ent_graph_get_relation (graph, r)->attributes, g_strdup ("role"), g_strdup ("President"));
  r = ent_graph_add_relation (graph, 3, ENT_RELATION_MEMBER_OF, iran, formula);
  ent_graph_relation_add_evidence (graph, r, d2, 0, 5, "Iran joined.");
  r = ent_graph_add_relation (graph, 4, ENT_RELATION_VISITED, luk, broken);
  ent_graph_relation_add_evidence (graph, r, d2, 0, 5, "Visit \\ with a backslash.");
  ent_graph_finish (graph);

  fixture->graph = graph;
  fixture->view = ent_view_new_all (graph, NULL);
  fixture->layout = ent_layout_compute (fixture->view, ENT_LAYOUT_NEATO, NULL, NULL);
  g_assert_nonnull (fixture->layout);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ent_layout_unref (fixture->layout);
  ent_view_unref (fixture->view);
  ent_graph_unref (fixture->graph);
}

static GBytes *
export_bytes (Fixture         *fixture,
              EntExportFormat  format)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  EntExportOptions options;

  ent_export_options_init (&options);
  options.title = "Visit & talks <2023>";
  g_assert_true (ent_export_to_stream (fixture->view, fixture->layout, format, &options,
                                       stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static gboolean
bytes_start_with (GBytes     *bytes,
                  const char *prefix,
                  gsize       length)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return size >= length && memcmp (data, prefix, length) == 0;
}

static void
test_format_names (void)
{
  EntExportFormat format;

  for (guint i = 0; i < ENT_N_EXPORT_FORMATS; i++)
    {
      g_assert_true (ent_export_format_from_string (ent_export_format_to_string (i), &format));
      g_assert_cmpint (format, ==, i);
      g_assert_nonnull (ent_export_format_get_mime_type (i));
    }
  g_assert_true (ent_export_format_from_string ("GraphML", &format));
  g_assert_cmpint (format, ==, ENT_EXPORT_GRAPHML);
  g_assert_true (ent_export_format_from_path ("/tmp/map.SVG", &format));
  g_assert_cmpint (format, ==, ENT_EXPORT_SVG);
  g_assert_true (ent_export_format_from_path ("graph.gv", &format));
  g_assert_cmpint (format, ==, ENT_EXPORT_DOT);
  g_assert_false (ent_export_format_from_path ("/tmp/dir.png/file", &format));
  g_assert_false (ent_export_format_from_path ("noextension", &format));
  g_assert_false (ent_export_format_from_string ("jpeg", &format));
  g_assert_true (ent_export_format_needs_layout (ENT_EXPORT_PNG));
  g_assert_true (ent_export_format_needs_layout (ENT_EXPORT_DOT));
  g_assert_false (ent_export_format_needs_layout (ENT_EXPORT_CSV));
}

typedef struct {
  GBytes *bytes;
  gsize   offset;
} ReadClosure;

static cairo_status_t
read_bytes (void          *data,
            unsigned char *out,
            unsigned int   length)
{
  ReadClosure *closure = data;
  gsize size;
  const guchar *bytes = g_bytes_get_data (closure->bytes, &size);

  if (closure->offset + length > size)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, bytes + closure->offset, length);
  closure->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GBytes) png = export_bytes (fixture, ENT_EXPORT_PNG);
  ReadClosure closure = { png, 0 };
  cairo_surface_t *image;
  int width, height;

  g_assert_true (bytes_start_with (png, "\x89PNG\r\n\x1a\n", 8));
  image = cairo_image_surface_create_from_png_stream (read_bytes, &closure);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  /* The graph at 1.5 pixels per point, plus title, legend and margins. */
  g_assert_cmpint (width, >=, (int) (fixture->layout->bounds.width * 1.5));
  g_assert_cmpint (height, >=, (int) (fixture->layout->bounds.height * 1.5));
  g_assert_cmpint (width, <=, 8192);
  cairo_surface_destroy (image);
}

static void
test_png_capped (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) png = NULL;
  EntExportOptions options;
  ReadClosure closure = { NULL, 0 };
  cairo_surface_t *image;

  ent_export_options_init (&options);
  options.scale = 50;
  options.max_pixels = 300;
  g_assert_true (ent_export_to_stream (fixture->view, fixture->layout, ENT_EXPORT_PNG, &options,
                                       stream, NULL, NULL));
  g_output_stream_close (stream, NULL, NULL);
  png = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  closure.bytes = png;
  image = cairo_image_surface_create_from_png_stream (read_bytes, &closure);
  g_assert_cmpint (MAX (cairo_image_surface_get_width (image), cairo_image_surface_get_height (image)), <=, 301);
  cairo_surface_destroy (image);
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GBytes) pdf = export_bytes (fixture, ENT_EXPORT_PDF);

  g_assert_true (bytes_start_with (pdf, "%PDF-", 5));
#if HAVE_POPPLER
  {
    g_autoptr(GError) error = NULL;
    PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);
    PopplerPage *page;
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
    page = poppler_document_get_page (document, 0);
    text = poppler_page_get_text (page);
    /* Labels are real text: the names can be searched and copied. */
    g_assert_nonnull (strstr (text, "Lukashenko"));
    g_assert_nonnull (strstr (text, "Iran"));
    g_object_unref (page);
    g_object_unref (document);
  }
#endif
}

static xmlDocPtr
parse_xml (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDocPtr doc = xmlReadMemory (data, (int) size, "export.xml", "UTF-8", XML_PARSE_NONET | XML_PARSE_NOWARNING);

  if (doc == NULL)
    g_error ("not well-formed XML:\n%.*s", (int) MIN (size, 4000), data);
  return doc;
}

/* Every string value of @expression, concatenated with newlines. */
static char *
xpath_strings (xmlDocPtr   doc,
               const char *expression,
               const char *prefix,
               const char *uri,
               guint      *count)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  GString *out = g_string_new (NULL);

  if (prefix != NULL)
    xmlXPathRegisterNs (context, (const xmlChar *) prefix, (const xmlChar *) uri);
  result = xmlXPathEvalExpression ((const xmlChar *) expression, context);
  g_assert_nonnull (result);
  *count = result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;
  for (guint i = 0; i < *count; i++)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      g_string_append_printf (out, "%s\n", (const char *) content);
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return g_string_free (out, FALSE);
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GBytes) svg = export_bytes (fixture, ENT_EXPORT_SVG);
  xmlDocPtr doc = parse_xml (svg);
  g_autofree char *names = NULL;
  g_autofree char *title = NULL;
  guint n;

  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  names = xpath_strings (doc, "//svg:g[@id='entente-names']/svg:text", "svg", "http://www.w3.org/2000/svg", &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_nonnull (strstr (names, "Alexander Lukashenko\n"));
  g_assert_nonnull (strstr (names, TRICKY_NAME "\n"));
  g_assert_nonnull (strstr (names, FORMULA_NAME "\n"));
  title = xpath_strings (doc, "/svg:svg/svg:title", "svg", "http://www.w3.org/2000/svg", &n);
  g_assert_cmpstr (title, ==, "Visit & talks <2023>\n");
  xmlFreeDoc (doc);
}

static void
test_graphml (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GBytes) graphml = export_bytes (fixture, ENT_EXPORT_GRAPHML);
  xmlDocPtr doc = parse_xml (graphml);
  const char *ns = "http://graphml.graphdrawing.org/xmlns";
  g_autofree char *names = NULL;
  g_autofree char *types = NULL;
  g_autofree char *sentences = NULL;
  g_autofree char *weights = NULL;
  g_autofree char *edges = NULL;
  guint n;

  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "graphml");
  names = xpath_strings (doc, "//g:node/g:data[@key='name']", "g", ns, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_nonnull (strstr (names, TRICKY_NAME "\n"));
  g_assert_nonnull (strstr (names, "Bad  control \xef\xbf\xbd byte\n"));
  types = xpath_strings (doc, "//g:node/g:data[@key='type']", "g", ns, &n);
  g_assert_nonnull (strstr (types, "person\ncountry\norganization\nplace\n"));
  edges = xpath_strings (doc, "//g:edge", "g", ns, &n);
  g_assert_cmpuint (n, ==, 4);
  sentences = xpath_strings (doc, "//g:edge/g:data[@key='sentence']", "g", ns, &n);
  g_assert_nonnull (strstr (sentences, EVIDENCE "\n"));
  weights = xpath_strings (doc, "//g:edge[@directed='false']/g:data[@key='weight']", "g", ns, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (weights, ==, "2\n");
  g_free (names);
  names = xpath_strings (doc, "//g:node/g:data[@key='x']", "g", ns, &n);
  g_assert_cmpuint (n, ==, 5);
  xmlFreeDoc (doc);
}

static void
test_gexf (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GBytes) gexf = export_bytes (fixture, ENT_EXPORT_GEXF);
  xmlDocPtr doc = parse_xml (gexf);
  const char *ns = "http://www.gexf.net/1.2draft";
  g_autofree char *labels = NULL;
  g_autofree char *undirected = NULL;
  xmlXPathContextPtr context;
  xmlXPathObjectPtr result;
  guint n;

  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "gexf");
  undirected = xpath_strings (doc, "//x:edge[@type='undirected']/@weight", "x", ns, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (undirected, ==, "2\n");
  labels = xpath_strings (doc, "//x:edge", "x", ns, &n);
  g_assert_cmpuint (n, ==, 4);

  context = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (context, (const xmlChar *) "x", (const xmlChar *) ns);
  result = xmlXPathEvalExpression ((const xmlChar *) "//x:node/@label", context);
  g_assert_cmpint (result->nodesetval->nodeNr, ==, 5);
  {
    g_autoptr(GString) all = g_string_new (NULL);

    for (int i = 0; i < result->nodesetval->nodeNr; i++)
      {
        xmlChar *value = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

        g_string_append_printf (all, "%s\n", (const char *) value);
        xmlFree (value);
      }
    g_assert_nonnull (strstr (all->str, TRICKY_NAME "\n"));
    g_assert_nonnull (strstr (all->str, "Alexander Lukashenko\n"));
  }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  xmlFreeDoc (doc);
}

/* An RFC 4180 reader: records of fields, CRLF between records. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          g_assert_true (*p == '"');
          p++;
        }
      else
        {
          while (*p != '\0' && *p != ',' && *p != '\r')
            {
              g_assert_true (*p != '"' && *p != '\n');
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (record, g_string_free (field, FALSE));
      field = g_string_new (NULL);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
        }
    }

  g_assert_cmpuint (record->len, ==, 0);
  g_ptr_array_unref (record);
  g_string_free (field, TRUE);
  return records;
}

static const char *
cell (GPtrArray *records,
      guint      row,
      guint      column)
{
  GPtrArray *record = g_ptr_array_index (records, row);

  g_assert_cmpuint (record->len, ==, 7);
  return g_ptr_array_index (record, column);
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GBytes) csv = export_bytes (fixture, ENT_EXPORT_CSV);
  g_autofree char *text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_autoptr(GPtrArray) records = parse_csv (text);

  g_assert_cmpuint (records->len, ==, 5);
  g_assert_cmpstr (cell (records, 0, 0), ==, "source");
  g_assert_cmpstr (cell (records, 0, 6), ==, "evidence");

  /* Relation 0: Lukashenko met Smith, two sources, quoted sentence. */
  g_assert_cmpstr (cell (records, 1, 0), ==, "Alexander Lukashenko");
  g_assert_cmpstr (cell (records, 1, 1), ==, "person");
  g_assert_cmpstr (cell (records, 1, 2), ==, "met");
  g_assert_cmpstr (cell (records, 1, 3), ==, TRICKY_NAME);
  g_assert_cmpstr (cell (records, 1, 5), ==, "2");
  g_assert_cmpstr (cell (records, 1, 6), ==, EVIDENCE);
  /* A name a spreadsheet would run as a formula is defused. */
  g_assert_cmpstr (cell (records, 3, 3), ==, "'" FORMULA_NAME);
  g_assert_cmpstr (cell (records, 3, 4), ==, "organization");
  /* Broken UTF-8 is repaired, not passed on. */
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
test_csv_fields (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  ent_export_append_csv_field (out, "plain");
  g_string_append_c (out, '|');
  ent_export_append_csv_field (out, "a,b");
  g_string_append_c (out, '|');
  ent_export_append_csv_field (out, "say \"hi\"");
  g_string_append_c (out, '|');
  ent_export_append_csv_field (out, "line\r\nbreak");
  g_string_append_c (out, '|');
  ent_export_append_csv_field (out, "-1+2");
  g_string_append_c (out, '|');
  ent_export_append_csv_field (out, "");
  g_assert_cmpstr (out->str, ==, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"line\r\nbreak\"|\"'-1+2\"|");
}

static void
test_dot (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GBytes) dot = export_bytes (fixture, ENT_EXPORT_DOT);
  g_autofree char *text = g_strndup (g_bytes_get_data (dot, NULL), g_bytes_get_size (dot));
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  Agraph_t *g;
  guint n_nodes = 0, n_edges = 0;

  /* No layout job runs now, so cgraph is ours for the moment. */
  g = agmemread (text);
  g_assert_nonnull (g);
  g_assert_true (agisdirected (g));
  for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    {
      char *pos = agget (n, (char *) "pos");
      double x, y;

      g_hash_table_add (labels, agget (n, (char *) "label"));
      g_assert_cmpint (sscanf (pos, "%lf,%lf", &x, &y), ==, 2);
      g_assert_cmpfloat (x, >, 0);
      g_assert_cmpfloat (y, >, 0);
      for (Agedge_t *e = agfstout (g, n); e != NULL; e = agnxtout (g, e))
        {
          g_assert_nonnull (agget (e, (char *) "relation"));
          n_edges++;
        }
      n_nodes++;
    }
  g_assert_cmpuint (n_nodes, ==, 5);
  g_assert_cmpuint (n_edges, ==, 4);
  /* Quotes are escaped as \" in DOT and read back as they were. */
  g_assert_true (g_hash_table_contains (labels, TRICKY_NAME));
  g_assert_true (g_hash_table_contains (labels, FORMULA_NAME));
  g_assert_true (g_hash_table_contains (labels, "Alexander Lukashenko"));
  agclose (g);
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  /* The view without the entity whose name is broken UTF-8 (core's JSON
   * writer passes names through as stored). */
  g_autoptr(EntView) view = ent_view_hide (fixture->view, 4);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_assert_true (ent_export_to_stream (view, NULL, ENT_EXPORT_JSON, NULL, stream, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  json = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  json_parser_load_from_data (parser, g_bytes_get_data (json, NULL), (gssize) g_bytes_get_size (json), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "entente-graph");
  /* What the view shows, not the whole graph. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "entities")), ==, 4);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "relations")), ==, 3);
}

static void
test_json_broken_name (Fixture       *fixture,
                       gconstpointer  data)
{
  /* A name that is not UTF-8 is repaired: the export stays valid JSON. */
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_assert_true (ent_export_to_stream (fixture->view, NULL, ENT_EXPORT_JSON, NULL, stream, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  json = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  json_parser_load_from_data (parser, g_bytes_get_data (json, NULL), (gssize) g_bytes_get_size (json), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "entities")), ==, 5);
}

static void
test_subset (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(EntView) focus = ent_view_new_focus (fixture->graph, NULL, 2, 1);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) records = NULL;

  /* Only the view is exported: Iran and its two neighbours. */
  g_assert_true (ent_export_to_stream (focus, NULL, ENT_EXPORT_CSV, NULL, stream, NULL, NULL));
  g_output_stream_close (stream, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  records = parse_csv (text);
  g_assert_cmpuint (records->len, ==, 3);
}

static void
test_needs_layout (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_false (ent_export_to_stream (fixture->view, NULL, ENT_EXPORT_PNG, NULL, stream, NULL, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_NEEDS_LAYOUT);
  g_clear_error (&error);
  g_assert_false (ent_export_to_stream (fixture->view, NULL, ENT_EXPORT_DOT, NULL, stream, NULL, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_NEEDS_LAYOUT);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_to_path (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("entente-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "graph.svg", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "dir", "graph.png", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_assert_true (ent_export_to_path (fixture->view, fixture->layout, ENT_EXPORT_SVG, NULL, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));

  /* A failed export leaves the previous file as it was, and no debris. */
  g_assert_false (ent_export_to_path (fixture->view, NULL, ENT_EXPORT_PNG, NULL, path, NULL, &error));
  g_assert_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_NEEDS_LAYOUT);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_assert_false (ent_export_to_path (fixture->view, fixture->layout, ENT_EXPORT_PNG, NULL, missing, NULL, &error));
  g_assert_nonnull (error);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/entente/export/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/entente/export/format-names", test_format_names);
  g_test_add_func ("/entente/export/csv-fields", test_csv_fields);
  ADD ("png", test_png);
  ADD ("png-capped", test_png_capped);
  ADD ("pdf", test_pdf);
  ADD ("svg", test_svg);
  ADD ("graphml", test_graphml);
  ADD ("gexf", test_gexf);
  ADD ("csv", test_csv);
  ADD ("dot", test_dot);
  ADD ("json", test_json);
  ADD ("json-broken-name", test_json_broken_name);
  ADD ("subset", test_subset);
  ADD ("needs-layout", test_needs_layout);
  ADD ("to-path", test_to_path);

  return g_test_run ();
}
