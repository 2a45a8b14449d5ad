/* ent-json.c — the JSON export of DESIGN.md, with json-glib.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-json"

#include "config.h"

#include <json-glib/json-glib.h>

#include "ent-json.h"

typedef struct {
  EntGraph *graph;
  GArray   *entities;         /* (element-type guint), in store id order */
  GArray   *relations;
  GArray   *documents;
  guint    *entity_number;    /* per graph index: N of "eN", 0 when not written */
  guint    *document_number;
} Export;

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->entities, g_array_unref);
  g_clear_pointer (&export->relations, g_array_unref);
  g_clear_pointer (&export->documents, g_array_unref);
  g_clear_pointer (&export->entity_number, g_free);
  g_clear_pointer (&export->document_number, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

static int
compare_entities (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  EntGraph *graph = data;
  gint64 ia = ent_graph_get_entity (graph, *(const guint *) a)->id;
  gint64 ib = ent_graph_get_entity (graph, *(const guint *) b)->id;

  return ia < ib ? -1 : ia > ib;
}

static int
compare_relations (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  EntGraph *graph = data;
  gint64 ia = ent_graph_get_relation (graph, *(const guint *) a)->id;
  gint64 ib = ent_graph_get_relation (graph, *(const guint *) b)->id;

  return ia < ib ? -1 : ia > ib;
}

static int
compare_documents (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  EntGraph *graph = data;
  gint64 ia = ent_graph_get_document (graph, *(const guint *) a)->id;
  gint64 ib = ent_graph_get_document (graph, *(const guint *) b)->id;

  return ia < ib ? -1 : ia > ib;
}

/* Valid, distinct indices below @n, from @chosen or all of them. */
static GArray *
pick_indices (GArray *chosen,
              guint   n)
{
  GArray *picked = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (n, 1));
  guint n_chosen = chosen != NULL ? chosen->len : n;

  for (guint i = 0; i < n_chosen; i++)
    {
      guint index = chosen != NULL ? g_array_index (chosen, guint, i) : i;

      if (index >= n || seen[index])
        continue;
      seen[index] = TRUE;
      g_array_append_val (picked, index);
    }

  return picked;
}

static void
choose_entities (Export *export,
                 GArray *entity_indices)
{
  EntGraph *graph = export->graph;

  export->entities = pick_indices (entity_indices, graph->entities->len);
  g_array_sort_with_data (export->entities, compare_entities, graph);

  export->entity_number = g_new0 (guint, MAX (graph->entities->len, 1));
  for (guint i = 0; i < export->entities->len; i++)
    export->entity_number[g_array_index (export->entities, guint, i)] = i + 1;
}

static void
choose_relations (Export *export,
                  GArray *relation_indices)
{
  EntGraph *graph = export->graph;
  g_autoptr(GArray) candidates = pick_indices (relation_indices, graph->relations->len);

  export->relations = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < candidates->len; i++)
    {
      guint index = g_array_index (candidates, guint, i);
      EntGraphRelation *relation = ent_graph_get_relation (graph, index);

      if (export->entity_number[relation->source] != 0 &&
          export->entity_number[relation->target] != 0)
        g_array_append_val (export->relations, index);
    }
  g_array_sort_with_data (export->relations, compare_relations, graph);
}

/* With a subset of entities, the documents worth listing are those the
 * written evidence and claims point to. */
static void
mark_referenced_documents (Export   *export,
                           gboolean *used)
{
  EntGraph *graph = export->graph;

  for (guint i = 0; i < export->relations->len; i++)
    {
      EntGraphRelation *relation = ent_graph_get_relation (graph, g_array_index (export->relations, guint, i));

      for (guint j = 0; j < relation->evidence->len; j++)
        used[((EntGraphEvidence *) g_ptr_array_index (relation->evidence, j))->document] = TRUE;
    }
  for (guint i = 0; i < export->entities->len; i++)
    {
      EntGraphEntity *entity = ent_graph_get_entity (graph, g_array_index (export->entities, guint, i));

      for (guint j = 0; j < entity->claims->len; j++)
        used[((EntGraphClaim *) g_ptr_array_index (entity->claims, j))->document] = TRUE;
    }
}

static void
choose_documents (Export   *export,
                  gboolean  all)
{
  EntGraph *graph = export->graph;
  guint n = graph->documents->len;
  g_autofree gboolean *used = g_new0 (gboolean, MAX (n, 1));

  if (all)
    for (guint i = 0; i < n; i++)
      used[i] = TRUE;
  else
    mark_referenced_documents (export, used);

  export->documents = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n; i++)
    if (used[i])
      g_array_append_val (export->documents, i);
  g_array_sort_with_data (export->documents, compare_documents, graph);

  export->document_number = g_new0 (guint, MAX (n, 1));
  for (guint i = 0; i < export->documents->len; i++)
    export->document_number[g_array_index (export->documents, guint, i)] = i + 1;
}

/* Builders */

static void
add_id (JsonBuilder *builder,
        const char  *member,
        char         prefix,
        guint        number)
{
  char id[32];

  g_snprintf (id, sizeof id, "%c%u", prefix, number);
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, id);
}

/* JSON text must be UTF-8: a name that is not (a graph built by hand, a
 * damaged project) is repaired rather than written as invalid JSON. A missing
 * one is written as null: the store leaves such rows out, but a graph built
 * by hand need not. */
static void
add_valid_string (JsonBuilder *builder,
                  const char  *value)
{
  if (value == NULL)
    json_builder_add_null_value (builder);
  else if (g_utf8_validate (value, -1, NULL))
    json_builder_add_string_value (builder, value);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (value, -1);

      json_builder_add_string_value (builder, valid);
    }
}

static void
set_valid_member (JsonBuilder *builder,
                  const char  *member)
{
  if (g_utf8_validate (member, -1, NULL))
    json_builder_set_member_name (builder, member);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (member, -1);

      json_builder_set_member_name (builder, valid);
    }
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  add_valid_string (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* An object of string values, keys sorted so that exports are reproducible. */
static void
add_attributes (JsonBuilder *builder,
                GHashTable  *attributes)
{
  g_autofree gpointer *keys = NULL;
  guint n = 0;

  json_builder_set_member_name (builder, "attributes");
  json_builder_begin_object (builder);
  if (attributes != NULL)
    {
      keys = g_hash_table_get_keys_as_array (attributes, &n);
      g_qsort_with_data (keys, n, sizeof (gpointer), compare_strings, NULL);
    }
  for (guint i = 0; i < n; i++)
    {
      set_valid_member (builder, keys[i]);
      add_valid_string (builder, g_hash_table_lookup (attributes, keys[i]));
    }
  json_builder_end_object (builder);
}

static void
add_documents (Export      *export,
               JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < export->documents->len; i++)
    {
      EntGraphDocument *document = ent_graph_get_document (export->graph,
                                                           g_array_index (export->documents, guint, i));

      json_builder_begin_object (builder);
      add_id (builder, "id", 'd', i + 1);
      add_string_or_null (builder, "title", document->title);
      add_string_or_null (builder, "path", document->path);
      add_string_or_null (builder, "date", document->date);
      add_string_or_null (builder, "source", document->source);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_claims (Export         *export,
            JsonBuilder    *builder,
            EntGraphEntity *entity)
{
  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entity->claims->len; i++)
    {
      EntGraphClaim *claim = g_ptr_array_index (entity->claims, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "attribute", claim->attribute);
      add_string_or_null (builder, "value", claim->value);
      add_id (builder, "document", 'd', export->document_number[claim->document]);
      add_string_or_null (builder, "text", claim->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_entity (Export         *export,
            JsonBuilder    *builder,
            guint           number,
            EntGraphEntity *entity)
{
  json_builder_begin_object (builder);
  add_id (builder, "id", 'e', number);
  add_string_or_null (builder, "type", ent_entity_type_to_string (entity->type));
  add_string_or_null (builder, "name", entity->name);

  json_builder_set_member_name (builder, "aliases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entity->aliases->len; i++)
    if (g_ptr_array_index (entity->aliases, i) != NULL)
      add_valid_string (builder, g_ptr_array_index (entity->aliases, i));
  json_builder_end_array (builder);

  add_attributes (builder, entity->attributes);
  add_int (builder, "mentions", entity->mentions);
  add_int (builder, "sources", entity->n_sources);
  add_claims (export, builder, entity);
  json_builder_end_object (builder);
}

static void
add_entities (Export      *export,
              JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < export->entities->len; i++)
    add_entity (export, builder, i + 1,
                ent_graph_get_entity (export->graph, g_array_index (export->entities, guint, i)));
  json_builder_end_array (builder);
}

static void
add_evidence (Export           *export,
              JsonBuilder      *builder,
              EntGraphRelation *relation)
{
  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; i < relation->evidence->len; i++)
    {
      EntGraphEvidence *evidence = g_ptr_array_index (relation->evidence, i);

      json_builder_begin_object (builder);
      add_id (builder, "document", 'd', export->document_number[evidence->document]);
      add_int (builder, "start", evidence->start);
      add_int (builder, "end", evidence->end);
      add_string_or_null (builder, "text", evidence->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_relations (Export      *export,
               JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "relations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < export->relations->len; i++)
    {
      EntGraphRelation *relation = ent_graph_get_relation (export->graph,
                                                           g_array_index (export->relations, guint, i));

      json_builder_begin_object (builder);
      add_id (builder, "id", 'r', i + 1);
      add_string_or_null (builder, "type", ent_relation_type_to_string (relation->type));
      add_id (builder, "source", 'e', export->entity_number[relation->source]);
      add_id (builder, "target", 'e', export->entity_number[relation->target]);
      add_attributes (builder, relation->attributes);
      add_evidence (export, builder, relation);
      add_int (builder, "weight", relation->weight);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static JsonNode *
build_root (Export *export)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string_or_null (builder, "format", ENT_JSON_FORMAT_NAME);
  add_int (builder, "version", ENT_JSON_FORMAT_VERSION);
  add_documents (export, builder);
  add_entities (export, builder);
  add_relations (export, builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gboolean
ent_json_write_selection (EntGraph       *graph,
                          GArray         *entity_indices,
                          GArray         *relation_indices,
                          GOutputStream  *out,
                          GError        **error)
{
  g_auto(Export) export = { 0 };
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  export.graph = graph;
  choose_entities (&export, entity_indices);
  choose_relations (&export, relation_indices);
  choose_documents (&export, entity_indices == NULL);

  root = build_root (&export);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  if (!json_generator_to_stream (generator, out, NULL, error))
    return FALSE;

  /* A final newline: the output is a text file, and ends a terminal line. */
  return g_output_stream_write_all (out, "\n", 1, NULL, NULL, error);
}

gboolean
ent_json_write_graph (EntGraph       *graph,
                      GArray         *entity_indices,
                      GOutputStream  *out,
                      GError        **error)
{
  return ent_json_write_selection (graph, entity_indices, NULL, out, error);
}
