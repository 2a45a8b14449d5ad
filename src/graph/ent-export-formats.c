/* ent-export-formats.c — dot, GraphML, GEXF and CSV writers.
 *
 * Everything written here may come from a news article: names hold quotes,
 * ampersands, commas, line breaks, control characters and broken UTF-8, and
 * each writer escapes for its own syntax.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-export"

#include "config.h"

#include <string.h>

#include "ent-export-private.h"
#include "ent-shape-private.h"

#define FLUSH_SIZE (64 * 1024)

/* Buffered writing: one error, remembered, ends everything. */
typedef struct {
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *buffer;
  GError        *error;
} Writer;

static void
writer_init (Writer        *writer,
             GOutputStream *stream,
             GCancellable  *cancellable)
{
  writer->stream = stream;
  writer->cancellable = cancellable;
  writer->buffer = g_string_sized_new (FLUSH_SIZE + 1024);
  writer->error = NULL;
}

static void
writer_flush (Writer *writer)
{
  if (writer->error == NULL && writer->buffer->len > 0)
    g_output_stream_write_all (writer->stream, writer->buffer->str, writer->buffer->len,
                               NULL, writer->cancellable, &writer->error);
  g_string_truncate (writer->buffer, 0);
}

/* Called after each record: keeps memory flat on large graphs. */
static void
writer_maybe_flush (Writer *writer)
{
  if (writer->buffer->len >= FLUSH_SIZE)
    writer_flush (writer);
}

static gboolean
writer_finish (Writer  *writer,
               GError **error)
{
  writer_flush (writer);
  g_string_free (writer->buffer, TRUE);
  if (writer->error != NULL)
    {
      g_propagate_error (error, writer->error);
      return FALSE;
    }
  return TRUE;
}

/* Escaping */

void
ent_export_append_xml_escaped (GString    *out,
                               const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&':  g_string_append (out, "&amp;"); continue;
        case '<':  g_string_append (out, "&lt;"); continue;
        case '>':  g_string_append (out, "&gt;"); continue;
        case '"':  g_string_append (out, "&quot;"); continue;
        case '\'': g_string_append (out, "&apos;"); continue;
        /* As references, so attribute values keep them too. */
        case '\t': g_string_append (out, "&#9;"); continue;
        case '\n': g_string_append (out, "&#10;"); continue;
        case '\r': g_string_append (out, "&#13;"); continue;
        default:
          break;
        }
      if (c < 0x20 || c == 0xFFFE || c == 0xFFFF)
        continue;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

void
ent_export_append_csv_field (GString    *out,
                             const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  gboolean formula = strchr ("=+-@\t\r", valid[0]) != NULL && valid[0] != '\0';
  gboolean quote = formula || strpbrk (valid, ",\"\r\n") != NULL
                   || valid[0] == ' ' || (valid[0] != '\0' && valid[strlen (valid) - 1] == ' ');

  if (!quote)
    {
      g_string_append (out, valid);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = valid; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
ent_export_append_dot_string (GString    *out,
                              const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p++)
    {
      unsigned char c = (unsigned char) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c < 0x20)
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_double (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static void
append_color (GString        *out,
              const EntColor *color)
{
  g_string_append_printf (out, "#%02x%02x%02x",
                          (guint) (color->red * 255 + 0.5),
                          (guint) (color->green * 255 + 0.5),
                          (guint) (color->blue * 255 + 0.5));
}

static const char *
first_evidence (EntGraphRelation *relation)
{
  if (relation->evidence->len == 0)
    return "";
  return ((EntGraphEvidence *) g_ptr_array_index (relation->evidence, 0))->text;
}

static char *
join_aliases (EntGraphEntity *entity)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < entity->aliases->len; i++)
    {
      if (i > 0)
        g_string_append (out, "; ");
      g_string_append (out, g_ptr_array_index (entity->aliases, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* dot */

static void
dot_node (GString             *out,
          EntGraph            *graph,
          const EntLayoutNode *node,
          guint                index,
          double               height)
{
  const EntPalette *palette = ent_palette_get (ENT_PALETTE_LIGHT);
  EntGraphEntity *entity = ent_graph_get_entity (graph, node->entity);

  g_string_append_printf (out, "  n%u [label=", index);
  ent_export_append_dot_string (out, entity->name);
  g_string_append_printf (out, ", entity_type=\"%s\", mentions=%u, shape=%s, style=\"filled%s\", fillcolor=\"",
                          ent_entity_type_to_string (entity->type), entity->mentions,
                          ent_shape_graphviz_name (node->shape),
                          node->shape == ENT_NODE_SHAPE_ROUNDED_BOX ? ",rounded" : "");
  append_color (out, &palette->node_fill[node->type]);
  g_string_append (out, "\", color=\"");
  append_color (out, &palette->node_stroke[node->type]);
  g_string_append (out, "\", width=");
  append_double (out, node->width / 72.0);
  g_string_append (out, ", height=");
  append_double (out, node->height / 72.0);
  /* Graphviz's y axis points up. */
  g_string_append (out, ", pos=\"");
  append_double (out, node->x);
  g_string_append_c (out, ',');
  append_double (out, height - node->y);
  g_string_append (out, "\"];\n");
}

static void
dot_point (GString        *out,
           const EntPoint *point,
           double          height)
{
  append_double (out, point->x);
  g_string_append_c (out, ',');
  append_double (out, height - point->y);
}

static void
dot_edge (GString             *out,
          EntGraph            *graph,
          const EntLayoutEdge *edge,
          double               height)
{
  EntGraphRelation *relation = ent_graph_get_relation (graph, edge->relation);
  const char *role = g_hash_table_lookup (relation->attributes, "role");

  g_string_append_printf (out, "  n%u -> n%u [relation=\"%s\", weight=%u, evidence=%u",
                          edge->source, edge->target, ent_relation_type_to_string (edge->type),
                          MAX (edge->weight, 1), relation->evidence->len);
  if (role != NULL)
    {
      g_string_append (out, ", role=");
      ent_export_append_dot_string (out, role);
    }
  if (!edge->directed)
    g_string_append (out, ", dir=none");
  g_string_append (out, ", pos=\"");
  if (edge->directed)
    {
      g_string_append (out, "e,");
      dot_point (out, &edge->arrow_tip, height);
      g_string_append_c (out, ' ');
    }
  for (guint k = 0; k < edge->n_points; k++)
    {
      if (k > 0)
        g_string_append_c (out, ' ');
      dot_point (out, &edge->points[k], height);
    }
  g_string_append (out, "\"];\n");
}

gboolean
ent_export_write_dot (EntLayout              *layout,
                      const EntExportOptions *options,
                      GOutputStream          *stream,
                      GCancellable           *cancellable,
                      GError                **error)
{
  EntGraph *graph = ent_view_get_graph (layout->view);
  double height = layout->bounds.height;
  Writer writer;

  writer_init (&writer, stream, cancellable);
  g_string_append (writer.buffer, "digraph ");
  ent_export_append_dot_string (writer.buffer, options->title != NULL ? options->title : "entente");
  g_string_append (writer.buffer, " {\n  graph [bb=\"0,0,");
  append_double (writer.buffer, layout->bounds.width);
  g_string_append_c (writer.buffer, ',');
  append_double (writer.buffer, height);
  g_string_append_printf (writer.buffer, "\", layout=%s, splines=true, outputorder=edgesfirst];\n"
                                         "  node [fixedsize=true, fontname=\"Sans\", fontsize=10];\n",
                          ent_layout_engine_to_string (layout->engine));

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      dot_node (writer.buffer, graph, &layout->nodes[i], i, height);
      writer_maybe_flush (&writer);
    }
  for (guint i = 0; i < layout->n_edges; i++)
    {
      dot_edge (writer.buffer, graph, &layout->edges[i], height);
      writer_maybe_flush (&writer);
    }
  g_string_append (writer.buffer, "}\n");

  return writer_finish (&writer, error);
}

/* GraphML */

static const struct {
  const char *id;
  const char *domain;
  const char *name;
  const char *type;
} graphml_keys[] = {
  { "name",     "node", "name",     "string"  },
  { "type",     "node", "type",     "string"  },
  { "mentions", "node", "mentions", "int"     },
  { "sources",  "node", "sources",  "int"     },
  { "aliases",  "node", "aliases",  "string"  },
  { "x",        "node", "x",        "double"  },
  { "y",        "node", "y",        "double"  },
  { "rtype",    "edge", "type",     "string"  },
  { "weight",   "edge", "weight",   "int"     },
  { "evidence", "edge", "evidence", "int"     },
  { "role",     "edge", "role",     "string"  },
  { "sentence", "edge", "sentence", "string"  },
};

static void
xml_data (GString    *out,
          const char *key,
          const char *value)
{
  g_string_append_printf (out, "      <data key=\"%s\">", key);
  ent_export_append_xml_escaped (out, value);
  g_string_append (out, "</data>\n");
}

static void
xml_data_uint (GString    *out,
               const char *key,
               guint       value)
{
  g_string_append_printf (out, "      <data key=\"%s\">%u</data>\n", key, value);
}

static void
xml_data_double (GString    *out,
                 const char *key,
                 double      value)
{
  g_string_append_printf (out, "      <data key=\"%s\">", key);
  append_double (out, value);
  g_string_append (out, "</data>\n");
}

static void
graphml_node (GString   *out,
              EntGraph  *graph,
              EntLayout *layout,
              guint      index)
{
  EntGraphEntity *entity = ent_graph_get_entity (graph, index);
  g_autofree char *aliases = join_aliases (entity);
  guint node;

  g_string_append_printf (out, "    <node id=\"n%u\">\n", index);
  xml_data (out, "name", entity->name);
  xml_data (out, "type", ent_entity_type_to_string (entity->type));
  xml_data_uint (out, "mentions", entity->mentions);
  xml_data_uint (out, "sources", entity->n_sources);
  if (aliases[0] != '\0')
    xml_data (out, "aliases", aliases);
  if (layout != NULL && ent_layout_lookup_entity (layout, index, &node))
    {
      xml_data_double (out, "x", layout->nodes[node].x);
      xml_data_double (out, "y", layout->nodes[node].y);
    }
  g_string_append (out, "    </node>\n");
}

static void
graphml_edge (GString  *out,
              EntGraph *graph,
              guint     index)
{
  EntGraphRelation *relation = ent_graph_get_relation (graph, index);
  const char *role = g_hash_table_lookup (relation->attributes, "role");
  gboolean directed = !ent_relation_type_is_symmetric (relation->type);

  g_string_append_printf (out, "    <edge id=\"r%u\" source=\"n%u\" target=\"n%u\" directed=\"%s\">\n",
                          index, relation->source, relation->target, directed ? "true" : "false");
  xml_data (out, "rtype", ent_relation_type_to_string (relation->type));
  xml_data_uint (out, "weight", relation->weight);
  xml_data_uint (out, "evidence", relation->evidence->len);
  if (role != NULL)
    xml_data (out, "role", role);
  if (relation->evidence->len > 0)
    xml_data (out, "sentence", first_evidence (relation));
  g_string_append (out, "    </edge>\n");
}

gboolean
ent_export_write_graphml (EntView        *view,
                          EntLayout      *layout,
                          GOutputStream  *stream,
                          GCancellable   *cancellable,
                          GError        **error)
{
  EntGraph *graph = ent_view_get_graph (view);
  guint n_entities, n_relations;
  const guint *entities = ent_view_get_entities (view, &n_entities);
  const guint *relations = ent_view_get_relations (view, &n_relations);
  Writer writer;

  writer_init (&writer, stream, cancellable);
  g_string_append (writer.buffer,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                   "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                   "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                   "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  for (guint i = 0; i < G_N_ELEMENTS (graphml_keys); i++)
    g_string_append_printf (writer.buffer,
                            "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                            graphml_keys[i].id, graphml_keys[i].domain,
                            graphml_keys[i].name, graphml_keys[i].type);
  g_string_append (writer.buffer, "  <graph id=\"entente\" edgedefault=\"directed\">\n");

  for (guint i = 0; i < n_entities; i++)
    {
      graphml_node (writer.buffer, graph, layout, entities[i]);
      writer_maybe_flush (&writer);
    }
  for (guint i = 0; i < n_relations; i++)
    {
      graphml_edge (writer.buffer, graph, relations[i]);
      writer_maybe_flush (&writer);
    }
  g_string_append (writer.buffer, "  </graph>\n</graphml>\n");

  return writer_finish (&writer, error);
}

/* GEXF 1.2 */

static void
gexf_attvalue (GString    *out,
               guint       id,
               const char *value)
{
  g_string_append_printf (out, "          <attvalue for=\"%u\" value=\"", id);
  ent_export_append_xml_escaped (out, value);
  g_string_append (out, "\"/>\n");
}

static void
gexf_attvalue_uint (GString *out,
                    guint    id,
                    guint    value)
{
  g_string_append_printf (out, "          <attvalue for=\"%u\" value=\"%u\"/>\n", id, value);
}

static void
gexf_viz (GString             *out,
          const EntLayoutNode *node)
{
  const EntColor *color = &ent_palette_get (ENT_PALETTE_LIGHT)->node_stroke[node->type];

  g_string_append (out, "        <viz:position x=\"");
  append_double (out, node->x);
  /* GEXF viewers put y upwards, like Graphviz. */
  g_string_append (out, "\" y=\"");
  append_double (out, -node->y);
  g_string_append (out, "\" z=\"0.0\"/>\n        <viz:size value=\"");
  append_double (out, node->height / 2);
  g_string_append_printf (out, "\"/>\n        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n",
                          (guint) (color->red * 255 + 0.5), (guint) (color->green * 255 + 0.5),
                          (guint) (color->blue * 255 + 0.5));
}

static void
gexf_node (GString   *out,
           EntGraph  *graph,
           EntLayout *layout,
           guint      index)
{
  EntGraphEntity *entity = ent_graph_get_entity (graph, index);
  g_autofree char *aliases = join_aliases (entity);
  guint node;

  g_string_append_printf (out, "      <node id=\"n%u\" label=\"", index);
  ent_export_append_xml_escaped (out, entity->name);
  g_string_append (out, "\">\n        <attvalues>\n");
  gexf_attvalue (out, 0, ent_entity_type_to_string (entity->type));
  gexf_attvalue_uint (out, 1, entity->mentions);
  gexf_attvalue_uint (out, 2, entity->n_sources);
  gexf_attvalue (out, 3, aliases);
  g_string_append (out, "        </attvalues>\n");
  if (layout != NULL && ent_layout_lookup_entity (layout, index, &node))
    gexf_viz (out, &layout->nodes[node]);
  g_string_append (out, "      </node>\n");
}

static void
gexf_edge (GString  *out,
           EntGraph *graph,
           guint     index)
{
  EntGraphRelation *relation = ent_graph_get_relation (graph, index);
  const char *role = g_hash_table_lookup (relation->attributes, "role");
  gboolean directed = !ent_relation_type_is_symmetric (relation->type);

  /* GEXF weights are positive: a relation without evidence still counts 1. */
  g_string_append_printf (out, "      <edge id=\"r%u\" source=\"n%u\" target=\"n%u\" type=\"%s\" "
                               "weight=\"%u\" label=\"%s\">\n        <attvalues>\n",
                          index, relation->source, relation->target,
                          directed ? "directed" : "undirected", MAX (relation->weight, 1),
                          ent_relation_type_to_string (relation->type));
  gexf_attvalue (out, 0, ent_relation_type_to_string (relation->type));
  gexf_attvalue_uint (out, 1, relation->weight);
  gexf_attvalue_uint (out, 2, relation->evidence->len);
  gexf_attvalue (out, 3, role != NULL ? role : "");
  gexf_attvalue (out, 4, first_evidence (relation));
  g_string_append (out, "        </attvalues>\n      </edge>\n");
}

gboolean
ent_export_write_gexf (EntView                *view,
                       EntLayout              *layout,
                       const EntExportOptions *options,
                       GOutputStream          *stream,
                       GCancellable           *cancellable,
                       GError                **error)
{
  EntGraph *graph = ent_view_get_graph (view);
  guint n_entities, n_relations;
  const guint *entities = ent_view_get_entities (view, &n_entities);
  const guint *relations = ent_view_get_relations (view, &n_relations);
  Writer writer;

  writer_init (&writer, stream, cancellable);
  g_string_append (writer.buffer,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
                   "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n"
                   "  <meta>\n    <creator>Entente</creator>\n");
  if (options->title != NULL)
    {
      g_string_append (writer.buffer, "    <description>");
      ent_export_append_xml_escaped (writer.buffer, options->title);
      g_string_append (writer.buffer, "</description>\n");
    }
  g_string_append (writer.buffer,
                   "  </meta>\n"
                   "  <graph mode=\"static\" defaultedgetype=\"directed\">\n"
                   "    <attributes class=\"node\">\n"
                   "      <attribute id=\"0\" title=\"type\" type=\"string\"/>\n"
                   "      <attribute id=\"1\" title=\"mentions\" type=\"integer\"/>\n"
                   "      <attribute id=\"2\" title=\"sources\" type=\"integer\"/>\n"
                   "      <attribute id=\"3\" title=\"aliases\" type=\"string\"/>\n"
                   "    </attributes>\n"
                   "    <attributes class=\"edge\">\n"
                   "      <attribute id=\"0\" title=\"type\" type=\"string\"/>\n"
                   "      <attribute id=\"1\" title=\"sources\" type=\"integer\"/>\n"
                   "      <attribute id=\"2\" title=\"evidence\" type=\"integer\"/>\n"
                   "      <attribute id=\"3\" title=\"role\" type=\"string\"/>\n"
                   "      <attribute id=\"4\" title=\"sentence\" type=\"string\"/>\n"
                   "    </attributes>\n"
                   "    <nodes>\n");
  for (guint i = 0; i < n_entities; i++)
    {
      gexf_node (writer.buffer, graph, layout, entities[i]);
      writer_maybe_flush (&writer);
    }
  g_string_append (writer.buffer, "    </nodes>\n    <edges>\n");
  for (guint i = 0; i < n_relations; i++)
    {
      gexf_edge (writer.buffer, graph, relations[i]);
      writer_maybe_flush (&writer);
    }
  g_string_append (writer.buffer, "    </edges>\n  </graph>\n</gexf>\n");

  return writer_finish (&writer, error);
}

/* CSV (RFC 4180: CRLF, quoted fields) */

gboolean
ent_export_write_csv (EntView        *view,
                      GOutputStream  *stream,
                      GCancellable   *cancellable,
                      GError        **error)
{
  EntGraph *graph = ent_view_get_graph (view);
  guint n_relations;
  const guint *relations = ent_view_get_relations (view, &n_relations);
  Writer writer;

  writer_init (&writer, stream, cancellable);
  g_string_append (writer.buffer, "source,source_type,relation,target,target_type,weight,evidence\r\n");
  for (guint i = 0; i < n_relations; i++)
    {
      EntGraphRelation *relation = ent_graph_get_relation (graph, relations[i]);
      EntGraphEntity *source = ent_graph_get_entity (graph, relation->source);
      EntGraphEntity *target = ent_graph_get_entity (graph, relation->target);
      GString *out = writer.buffer;

      ent_export_append_csv_field (out, source->name);
      g_string_append_printf (out, ",%s,%s,", ent_entity_type_to_string (source->type),
                              ent_relation_type_to_string (relation->type));
      ent_export_append_csv_field (out, target->name);
      g_string_append_printf (out, ",%s,%u,", ent_entity_type_to_string (target->type),
                              relation->weight);
      ent_export_append_csv_field (out, first_evidence (relation));
      g_string_append (out, "\r\n");
      writer_maybe_flush (&writer);
    }

  return writer_finish (&writer, error);
}
