/* fuzz-export.c — the JSON, GraphML, GEXF, dot and CSV writers on arbitrary
 * names.
 *
 * The input is cut at NUL bytes into fields that become entity names,
 * aliases, roles, evidence sentences and the title: anything a document
 * could hold, broken UTF-8 and control characters included. Each output
 * must read back with a parser of its format (json-glib, libxml2 without
 * recovery, cgraph, RFC 4180) and hold what was written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-export"

#include "config.h"

#include <graphviz/cgraph.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>

#include "ent-export.h"
#include "ent-json.h"
#include "fuzz-common.h"

#define MAX_ENTITIES 6

static void
silent (void       *context,
        const char *message,
        ...)
{
}

static int
silent_graphviz (char *message)
{
  return 0;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  xmlSetGenericErrorFunc (NULL, silent);
  agseterrf (silent_graphviz);
  return 0;
}

/* Fields of the input, cut at NUL bytes; the last may be empty. */
static GPtrArray *
split_fields (const uint8_t *data,
              size_t         size)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  size_t start = 0;

  for (size_t i = 0; i <= size; i++)
    if (i == size || data[i] == '\0')
      {
        g_ptr_array_add (fields, g_strndup ((const char *) data + start, i - start));
        start = i + 1;
      }
  return fields;
}

static const char *
field (GPtrArray *fields,
       guint      i)
{
  return g_ptr_array_index (fields, i % fields->len);
}

static EntGraph *
graph_from_fields (GPtrArray *fields)
{
  EntGraph *graph = ent_graph_new ();
  guint n = MIN (fields->len, MAX_ENTITIES);
  guint doc = ent_graph_add_document (graph, 1, field (fields, n), field (fields, n + 1),
                                      "2023-03-13", field (fields, n + 2));

  for (guint i = 0; i < n; i++)
    {
      const char *name = field (fields, i);
      guint index = ent_graph_add_entity (graph, i + 1, (guchar) name[0] % ENT_N_ENTITY_TYPES,
                                          name, i + 1);
      EntGraphEntity *entity = ent_graph_get_entity (graph, index);

      g_ptr_array_add (entity->aliases, g_strdup (field (fields, i + n)));
      g_hash_table_insert (entity->attributes, g_strdup ("kind"), g_strdup (field (fields, i + 1)));
      ent_graph_entity_add_claim (graph, index, "count", field (fields, i + 2), doc,
                                  field (fields, i + 3));
    }
  /* A ring of relations, and a chord: each evidence sentence another field. */
  for (guint i = 0; n > 1 && i < n; i++)
    {
      const char *name = field (fields, i);
      EntRelationType type = ((guchar) name[0] + i) % ENT_N_RELATION_TYPES;
      guint r = ent_graph_add_relation (graph, i + 1, type, i, (i + 1) % n);
      EntGraphRelation *relation = ent_graph_get_relation (graph, r);

      g_hash_table_insert (relation->attributes, g_strdup ("role"), g_strdup (field (fields, i + 2)));
      ent_graph_relation_add_evidence (graph, r, doc, i, i + 10, field (fields, i + 3));
    }
  ent_graph_finish (graph);
  return graph;
}

static GBytes *
export (EntView                *view,
        EntLayout              *layout,
        EntExportFormat         format,
        const EntExportOptions *options)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  fuzz_check (ent_export_to_stream (view, layout, format, options, out, NULL, &error));
  fuzz_check (error == NULL);
  /* A NUL at the end for the parsers that want a string. */
  fuzz_check (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  fuzz_check (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
check_json (GBytes *bytes,
            guint   n_entities)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *text = g_bytes_get_data (bytes, &size);
  JsonObject *root;

  fuzz_check (json_parser_load_from_data (parser, text, (gssize) size - 1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  fuzz_check (json_array_get_length (json_object_get_array_member (root, "entities")) == n_entities);
}

static void
check_xml (GBytes     *bytes,
           const char *element,
           guint       n_elements)
{
  gsize size;
  const char *text = g_bytes_get_data (bytes, &size);
  xmlDocPtr doc = xmlReadMemory (text, (int) size - 1, "export.xml", "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  guint found = 0;

  fuzz_check (doc != NULL);
  /* Nodes are two or three levels down; count the elements of that name. */
  for (xmlNode *node = xmlDocGetRootElement (doc); node != NULL; )
    {
      if (node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, (const xmlChar *) element) == 0)
        found++;
      if (node->children != NULL && node->type == XML_ELEMENT_NODE &&
          xmlStrcmp (node->name, (const xmlChar *) element) != 0)
        node = node->children;
      else
        {
          while (node != NULL && node->next == NULL)
            node = node->parent;
          if (node != NULL)
            node = node->next;
        }
    }
  fuzz_check (found == n_elements);
  xmlFreeDoc (doc);
}

/* RFC 4180: every record has seven fields. */
static void
check_csv (GBytes *bytes,
           guint   n_relations)
{
  gsize size;
  const char *p = g_bytes_get_data (bytes, &size);
  const char *end = p + size - 1;
  guint records = 0, fields = 1;

  while (p < end)
    {
      if (*p == '"')
        {
          /* A quoted field: "" is a quote, the next lone " ends it. */
          for (p++; ; p++)
            {
              fuzz_check (p < end);
              if (*p == '"' && p + 1 < end && p[1] == '"')
                p++;
              else if (*p == '"')
                break;
            }
          p++;
          continue;
        }
      if (*p == ',')
        fields++;
      else if (*p == '\r')
        {
          fuzz_check (p + 1 < end && p[1] == '\n');
          fuzz_check (fields == 7);
          records++;
          fields = 1;
          p++;
        }
      else
        fuzz_check (*p != '\n');
      p++;
    }
  fuzz_check (records == n_relations + 1);
}

static void
check_dot (GBytes    *bytes,
           EntLayout *layout)
{
  const char *text = g_bytes_get_data (bytes, NULL);
  Agraph_t *g = agmemread (text);

  fuzz_check (g != NULL);
  fuzz_check ((guint) agnnodes (g) == layout->n_nodes);
  fuzz_check ((guint) agnedges (g) == layout->n_edges);
  agclose (g);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) fields = split_fields (data, size);
  g_autoptr(EntGraph) graph = graph_from_fields (fields);
  g_autoptr(EntView) view = ent_view_new_all (graph, NULL);
  g_autoptr(EntLayout) layout = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) graphml = NULL;
  g_autoptr(GBytes) gexf = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) dot = NULL;
  EntExportOptions options;
  guint n_entities, n_relations;

  ent_view_get_entities (view, &n_entities);
  ent_view_get_relations (view, &n_relations);
  ent_export_options_init (&options);
  options.title = field (fields, 1);

  json = export (view, NULL, ENT_EXPORT_JSON, &options);
  check_json (json, n_entities);
  graphml = export (view, NULL, ENT_EXPORT_GRAPHML, &options);
  check_xml (graphml, "node", n_entities);
  gexf = export (view, NULL, ENT_EXPORT_GEXF, &options);
  check_xml (gexf, "node", n_entities);
  csv = export (view, NULL, ENT_EXPORT_CSV, &options);
  check_csv (csv, n_relations);

  /* dot needs a layout (Graphviz sees the names only as they are measured),
   * which costs a hundred times the rest: one input in four gets one. */
  if (size % 4 == 0)
    layout = ent_layout_compute (view, ENT_LAYOUT_NEATO, NULL, NULL);
  if (layout != NULL)
    {
      dot = export (view, layout, ENT_EXPORT_DOT, &options);
      check_dot (dot, layout);
    }
  return 0;
}
