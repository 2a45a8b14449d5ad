/* ent-store-graph.c — loading the graph snapshot in one read transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-store"

#include "config.h"

#include "ent-store-private.h"

typedef void (*RowFunc) (EntGraph     *graph,
                             sqlite3_stmt *stmt,
                             gpointer      data);

static gboolean
for_each_row (EntStore    *store,
              const char  *sql,
              EntGraph    *graph,
              RowFunc      func,
              gpointer     data,
              GError     **error)
{
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (graph, stmt, data);

  return rc == SQLITE_DONE || ent_store_set_error (store, rc, error);
}

static void
add_document_row (EntGraph     *graph,
                  sqlite3_stmt *stmt,
                  gpointer      data)
{
  ent_graph_add_document (graph, sqlite3_column_int64 (stmt, 0),
                          ent_store_column_text (stmt, 1),
                          ent_store_column_text (stmt, 2),
                          ent_store_column_text (stmt, 3),
                          ent_store_column_text (stmt, 4));
}

static void
add_entity_row (EntGraph     *graph,
                sqlite3_stmt *stmt,
                gpointer      data)
{
  EntEntityType type;
  guint index;

  if (!ent_entity_type_from_string (ent_store_column_text (stmt, 1), &type))
    return;

  index = ent_graph_add_entity (graph, sqlite3_column_int64 (stmt, 0), type,
                                ent_store_column_text (stmt, 2),
                                sqlite3_column_int (stmt, 3));
  ent_graph_get_entity (graph, index)->n_sources = sqlite3_column_int (stmt, 4);
}

static gboolean
lookup_entity (EntGraph        *graph,
               sqlite3_stmt    *stmt,
               int              column,
               EntGraphEntity **entity)
{
  guint index;

  if (!ent_graph_lookup_entity_id (graph, sqlite3_column_int64 (stmt, column), &index))
    return FALSE;

  *entity = ent_graph_get_entity (graph, index);
  return TRUE;
}

static void
add_alias_row (EntGraph     *graph,
               sqlite3_stmt *stmt,
               gpointer      data)
{
  EntGraphEntity *entity;

  if (lookup_entity (graph, stmt, 0, &entity))
    g_ptr_array_add (entity->aliases, ent_store_column_dup (stmt, 1));
}

static void
add_attribute_row (EntGraph     *graph,
                   sqlite3_stmt *stmt,
                   gpointer      data)
{
  EntGraphEntity *entity;

  if (lookup_entity (graph, stmt, 0, &entity))
    g_hash_table_insert (entity->attributes,
                         ent_store_column_dup (stmt, 1),
                         ent_store_column_dup (stmt, 2));
}

static void
add_claim_row (EntGraph     *graph,
               sqlite3_stmt *stmt,
               gpointer      data)
{
  guint entity, document;

  if (ent_graph_lookup_entity_id (graph, sqlite3_column_int64 (stmt, 0), &entity) &&
      ent_graph_lookup_document_id (graph, sqlite3_column_int64 (stmt, 3), &document))
    ent_graph_entity_add_claim (graph, entity,
                                ent_store_column_text (stmt, 1),
                                ent_store_column_text (stmt, 2),
                                document,
                                ent_store_column_text (stmt, 4));
}

/* data: relation store id (gint64 *) -> index + 1 */
static void
add_relation_row (EntGraph     *graph,
                  sqlite3_stmt *stmt,
                  gpointer      data)
{
  GHashTable *relation_by_id = data;
  const char *role = ent_store_column_text (stmt, 4);
  EntRelationType type;
  guint source, target, index;
  gint64 *id;

  /* A relation to a hidden entity is hidden with it. */
  if (!ent_relation_type_from_string (ent_store_column_text (stmt, 1), &type) ||
      !ent_graph_lookup_entity_id (graph, sqlite3_column_int64 (stmt, 2), &source) ||
      !ent_graph_lookup_entity_id (graph, sqlite3_column_int64 (stmt, 3), &target))
    return;

  index = ent_graph_add_relation (graph, sqlite3_column_int64 (stmt, 0), type, source, target);
  if (role != NULL && role[0] != '\0')
    g_hash_table_insert (ent_graph_get_relation (graph, index)->attributes,
                         g_strdup ("role"), g_strdup (role));

  id = g_new (gint64, 1);
  *id = sqlite3_column_int64 (stmt, 0);
  g_hash_table_insert (relation_by_id, id, GUINT_TO_POINTER (index + 1));
}

static void
add_evidence_row (EntGraph     *graph,
                  sqlite3_stmt *stmt,
                  gpointer      data)
{
  GHashTable *relation_by_id = data;
  gint64 relation_id = sqlite3_column_int64 (stmt, 0);
  gpointer relation = g_hash_table_lookup (relation_by_id, &relation_id);
  guint document;

  if (relation != NULL &&
      ent_graph_lookup_document_id (graph, sqlite3_column_int64 (stmt, 1), &document))
    ent_graph_relation_add_evidence (graph, GPOINTER_TO_UINT (relation) - 1, document,
                                     sqlite3_column_int64 (stmt, 2),
                                     sqlite3_column_int64 (stmt, 3),
                                     ent_store_column_text (stmt, 4));
}

static gboolean
load_rows (EntStore  *store,
           EntGraph  *graph,
           GError   **error)
{
  static const char documents_sql[] =
    "SELECT id, title, path, date, source FROM documents ORDER BY id";
  /* An entity no document mentions any more is kept only for a correction. */
  static const char entities_sql[] =
    "SELECT e.id, e.type, e.name, sum(m.count), count(m.document)"
    " FROM entities e JOIN entity_mentions m ON m.entity = e.id"
    " WHERE NOT e.hidden GROUP BY e.id ORDER BY e.id";
  static const char aliases_sql[] = "SELECT entity, alias FROM aliases ORDER BY entity, rowid";
  static const char attributes_sql[] = "SELECT entity, name, value FROM entity_attributes";
  static const char claims_sql[] =
    "SELECT c.entity, c.attribute, c.value, s.document, s.text"
    " FROM claims c JOIN sentences s ON s.id = c.sentence"
    " ORDER BY c.entity, s.document, s.start";
  static const char relations_sql[] =
    "SELECT id, type, source, target, role FROM relations ORDER BY id";
  static const char evidence_sql[] =
    "SELECT e.relation, s.document, s.start, s.end, s.text"
    " FROM evidence e JOIN sentences s ON s.id = e.sentence"
    " ORDER BY e.relation, s.document, s.start";
  g_autoptr(GHashTable) relation_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                g_free, NULL);

  return for_each_row (store, documents_sql, graph, add_document_row, NULL, error) &&
         for_each_row (store, entities_sql, graph, add_entity_row, NULL, error) &&
         for_each_row (store, aliases_sql, graph, add_alias_row, NULL, error) &&
         for_each_row (store, attributes_sql, graph, add_attribute_row, NULL, error) &&
         for_each_row (store, claims_sql, graph, add_claim_row, NULL, error) &&
         for_each_row (store, relations_sql, graph, add_relation_row, relation_by_id, error) &&
         for_each_row (store, evidence_sql, graph, add_evidence_row, relation_by_id, error);
}

EntGraph *
ent_store_load_graph (EntStore  *store,
                      GError   **error)
{
  g_autoptr(EntGraph) graph = NULL;
  gboolean ok;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One snapshot: an ingestion committing meanwhile is seen whole or not at all. */
  if (!ent_store_exec (store, "BEGIN", error))
    return NULL;

  graph = ent_graph_new ();
  ok = load_rows (store, graph, error);
  sqlite3_exec (store->db, "COMMIT", NULL, NULL, NULL);

  if (!ok)
    return NULL;

  ent_graph_finish (graph);
  return g_steal_pointer (&graph);
}
