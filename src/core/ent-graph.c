/* ent-graph.c — an immutable, reference-counted snapshot of a project's graph.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-graph"

#include "config.h"

#include <string.h>

#include "ent-graph.h"

/* Index maps store 1 + index so that a missing key (NULL) is distinguishable
 * from index 0. */
#define INDEX_TO_POINTER(i) GUINT_TO_POINTER ((i) + 1)
#define POINTER_TO_INDEX(p) (GPOINTER_TO_UINT (p) - 1)

static void
document_free (gpointer data)
{
  EntGraphDocument *document = data;

  g_free (document->title);
  g_free (document->path);
  g_free (document->date);
  g_free (document->source);
  g_free (document);
}

static void
evidence_free (gpointer data)
{
  EntGraphEvidence *evidence = data;

  g_free (evidence->text);
  g_free (evidence);
}

static void
claim_free (gpointer data)
{
  EntGraphClaim *claim = data;

  g_free (claim->attribute);
  g_free (claim->value);
  g_free (claim->text);
  g_free (claim);
}

static void
entity_free (gpointer data)
{
  EntGraphEntity *entity = data;

  g_free (entity->name);
  g_ptr_array_unref (entity->aliases);
  g_hash_table_unref (entity->attributes);
  g_ptr_array_unref (entity->claims);
  g_array_unref (entity->relations);
  g_free (entity);
}

static void
relation_free (gpointer data)
{
  EntGraphRelation *relation = data;

  g_hash_table_unref (relation->attributes);
  g_ptr_array_unref (relation->evidence);
  g_free (relation);
}

static GHashTable *
string_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

EntGraph *
ent_graph_new (void)
{
  EntGraph *graph = g_new0 (EntGraph, 1);

  graph->documents = g_ptr_array_new_with_free_func (document_free);
  graph->entities = g_ptr_array_new_with_free_func (entity_free);
  graph->relations = g_ptr_array_new_with_free_func (relation_free);
  /* Keys point at the id field of the element, which lives as long as the graph. */
  graph->entity_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  graph->document_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_atomic_ref_count_init (&graph->ref_count);

  return graph;
}

EntGraph *
ent_graph_ref (EntGraph *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);

  g_atomic_ref_count_inc (&graph->ref_count);
  return graph;
}

void
ent_graph_unref (EntGraph *graph)
{
  g_return_if_fail (graph != NULL);

  if (!g_atomic_ref_count_dec (&graph->ref_count))
    return;

  g_hash_table_unref (graph->entity_by_id);
  g_hash_table_unref (graph->document_by_id);
  g_ptr_array_unref (graph->relations);
  g_ptr_array_unref (graph->entities);
  g_ptr_array_unref (graph->documents);
  g_free (graph);
}

guint
ent_graph_add_document (EntGraph   *graph,
                        gint64      id,
                        const char *title,
                        const char *path,
                        const char *date,
                        const char *source)
{
  EntGraphDocument *document;
  guint index;

  g_return_val_if_fail (graph != NULL, 0);

  document = g_new0 (EntGraphDocument, 1);
  document->id = id;
  document->title = g_strdup (title != NULL ? title : "");
  document->path = g_strdup (path);
  document->date = g_strdup (date);
  document->source = g_strdup (source);

  index = graph->documents->len;
  g_ptr_array_add (graph->documents, document);
  g_hash_table_insert (graph->document_by_id, &document->id, INDEX_TO_POINTER (index));

  return index;
}

guint
ent_graph_add_entity (EntGraph      *graph,
                      gint64         id,
                      EntEntityType  type,
                      const char    *name,
                      guint          mentions)
{
  EntGraphEntity *entity;
  guint index;

  g_return_val_if_fail (graph != NULL, 0);
  g_return_val_if_fail (type < ENT_N_ENTITY_TYPES, 0);
  g_return_val_if_fail (name != NULL, 0);

  entity = g_new0 (EntGraphEntity, 1);
  entity->id = id;
  entity->type = type;
  entity->name = g_strdup (name);
  entity->aliases = g_ptr_array_new_with_free_func (g_free);
  entity->attributes = string_table_new ();
  entity->claims = g_ptr_array_new_with_free_func (claim_free);
  entity->mentions = mentions;
  entity->relations = g_array_new (FALSE, FALSE, sizeof (guint));

  index = graph->entities->len;
  g_ptr_array_add (graph->entities, entity);
  g_hash_table_insert (graph->entity_by_id, &entity->id, INDEX_TO_POINTER (index));

  return index;
}

guint
ent_graph_add_relation (EntGraph        *graph,
                        gint64           id,
                        EntRelationType  type,
                        guint            source,
                        guint            target)
{
  EntGraphRelation *relation;

  g_return_val_if_fail (graph != NULL, 0);
  g_return_val_if_fail (type < ENT_N_RELATION_TYPES, 0);
  g_return_val_if_fail (source < graph->entities->len, 0);
  g_return_val_if_fail (target < graph->entities->len, 0);

  relation = g_new0 (EntGraphRelation, 1);
  relation->id = id;
  relation->type = type;
  relation->source = source;
  relation->target = target;
  relation->attributes = string_table_new ();
  relation->evidence = g_ptr_array_new_with_free_func (evidence_free);

  g_ptr_array_add (graph->relations, relation);

  return graph->relations->len - 1;
}

void
ent_graph_relation_add_evidence (EntGraph   *graph,
                                 guint       relation,
                                 guint       document,
                                 gsize       start,
                                 gsize       end,
                                 const char *text)
{
  EntGraphEvidence *evidence;

  g_return_if_fail (graph != NULL);
  g_return_if_fail (relation < graph->relations->len);
  g_return_if_fail (document < graph->documents->len);
  g_return_if_fail (start <= end);

  evidence = g_new0 (EntGraphEvidence, 1);
  evidence->document = document;
  evidence->start = start;
  evidence->end = end;
  evidence->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (ent_graph_get_relation (graph, relation)->evidence, evidence);
}

void
ent_graph_entity_add_claim (EntGraph   *graph,
                            guint       entity,
                            const char *attribute,
                            const char *value,
                            guint       document,
                            const char *text)
{
  EntGraphClaim *claim;

  g_return_if_fail (graph != NULL);
  g_return_if_fail (entity < graph->entities->len);
  g_return_if_fail (document < graph->documents->len);
  g_return_if_fail (attribute != NULL && value != NULL);

  claim = g_new0 (EntGraphClaim, 1);
  claim->attribute = g_strdup (attribute);
  claim->value = g_strdup (value);
  claim->document = document;
  claim->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (ent_graph_get_entity (graph, entity)->claims, claim);
}

static guint
count_distinct_documents (GPtrArray *evidence)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < evidence->len; i++)
    {
      EntGraphEvidence *piece = g_ptr_array_index (evidence, i);

      g_hash_table_add (seen, GUINT_TO_POINTER (piece->document + 1));
    }

  return g_hash_table_size (seen);
}

static void
add_sources_of (GHashTable *seen,
                GPtrArray  *evidence)
{
  for (guint i = 0; i < evidence->len; i++)
    {
      EntGraphEvidence *piece = g_ptr_array_index (evidence, i);

      g_hash_table_add (seen, GUINT_TO_POINTER (piece->document + 1));
    }
}

/* A graph built by hand (tests) may not say how many documents mention an
 * entity: estimate it from the documents of its evidence and claims. */
static guint
estimate_sources (EntGraph       *graph,
                  EntGraphEntity *entity)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < entity->relations->len; i++)
    {
      EntGraphRelation *relation =
        ent_graph_get_relation (graph, g_array_index (entity->relations, guint, i));

      add_sources_of (seen, relation->evidence);
    }
  for (guint i = 0; i < entity->claims->len; i++)
    {
      EntGraphClaim *claim = g_ptr_array_index (entity->claims, i);

      g_hash_table_add (seen, GUINT_TO_POINTER (claim->document + 1));
    }

  return g_hash_table_size (seen);
}

void
ent_graph_finish (EntGraph *graph)
{
  g_return_if_fail (graph != NULL);

  /* Idempotent: adjacency is rebuilt from scratch. */
  for (guint i = 0; i < graph->entities->len; i++)
    g_array_set_size (ent_graph_get_entity (graph, i)->relations, 0);

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntGraphRelation *relation = ent_graph_get_relation (graph, i);

      relation->weight = count_distinct_documents (relation->evidence);
      g_array_append_val (ent_graph_get_entity (graph, relation->source)->relations, i);
      if (relation->target != relation->source)
        g_array_append_val (ent_graph_get_entity (graph, relation->target)->relations, i);
    }

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntGraphEntity *entity = ent_graph_get_entity (graph, i);

      if (entity->n_sources == 0)
        entity->n_sources = estimate_sources (graph, entity);
    }
}

EntGraphEntity *
ent_graph_get_entity (EntGraph *graph,
                      guint     index)
{
  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (index < graph->entities->len, NULL);

  return g_ptr_array_index (graph->entities, index);
}

EntGraphRelation *
ent_graph_get_relation (EntGraph *graph,
                        guint     index)
{
  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (index < graph->relations->len, NULL);

  return g_ptr_array_index (graph->relations, index);
}

EntGraphDocument *
ent_graph_get_document (EntGraph *graph,
                        guint     index)
{
  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (index < graph->documents->len, NULL);

  return g_ptr_array_index (graph->documents, index);
}

static gboolean
lookup_index (GHashTable *table,
              gint64      id,
              guint      *index)
{
  gpointer value = g_hash_table_lookup (table, &id);

  if (value == NULL)
    return FALSE;
  if (index != NULL)
    *index = POINTER_TO_INDEX (value);
  return TRUE;
}

gboolean
ent_graph_lookup_entity_id (EntGraph *graph,
                            gint64    id,
                            guint    *index)
{
  g_return_val_if_fail (graph != NULL, FALSE);

  return lookup_index (graph->entity_by_id, id, index);
}

gboolean
ent_graph_lookup_document_id (EntGraph *graph,
                              gint64    id,
                              guint    *index)
{
  g_return_val_if_fail (graph != NULL, FALSE);

  return lookup_index (graph->document_by_id, id, index);
}

static gboolean
entity_has_name (EntGraphEntity *entity,
                 const char     *folded)
{
  g_autofree char *name = g_utf8_casefold (entity->name, -1);

  if (g_str_equal (name, folded))
    return TRUE;

  for (guint i = 0; i < entity->aliases->len; i++)
    {
      g_autofree char *alias = g_utf8_casefold (g_ptr_array_index (entity->aliases, i), -1);

      if (g_str_equal (alias, folded))
        return TRUE;
    }

  return FALSE;
}

gboolean
ent_graph_find_entity (EntGraph   *graph,
                       const char *name,
                       guint      *index)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  gboolean found = FALSE;
  guint best = 0;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_utf8_validate (name, -1, NULL))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  folded = g_utf8_casefold (stripped, -1);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntGraphEntity *entity = ent_graph_get_entity (graph, i);

      if (!entity_has_name (entity, folded))
        continue;
      if (!found || entity->mentions > ent_graph_get_entity (graph, best)->mentions)
        best = i;
      found = TRUE;
    }

  if (found && index != NULL)
    *index = best;
  return found;
}

guint
ent_graph_relation_other (EntGraph *graph,
                          guint     relation,
                          guint     entity)
{
  EntGraphRelation *r;

  g_return_val_if_fail (graph != NULL, 0);
  g_return_val_if_fail (relation < graph->relations->len, 0);

  r = ent_graph_get_relation (graph, relation);
  return r->source == entity ? r->target : r->source;
}
