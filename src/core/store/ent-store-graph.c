/* ent-store-graph.c — loading the graph snapshot in one read transaction.
 *
 * The project file is outside data: a file edited by hand may hold NULLs
 * where the schema says NOT NULL, spans that end before they start, rows that
 * point at rows that are not there, types this version does not know, text
 * that is not UTF-8. The graph promises none of that to its readers (the
 * viewer, the exporters, the command line), so each row is checked here: what
 * cannot be used is skipped and counted, and the counts go to the store's
 * damage report (one line, however many rows) rather than a GLib critical
 * per row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-store"

#include "config.h"

#include "ent-store-sql.h"

typedef struct {
  EntStore   *store;
  EntGraph   *graph;
  /* Per graph document: its length in characters, the bound of its spans. */
  GArray     *document_chars;
  /* relation store id (gint64 *) -> index + 1 */
  GHashTable *relation_by_id;
  /* The aliases of the entity read last: rows come ordered by entity. */
  gint64      alias_entity;
  GHashTable *alias_seen;
  guint       damage[ENT_STORE_N_DAMAGE];
} Load;

static void
load_clear (Load *load)
{
  g_clear_pointer (&load->document_chars, g_array_unref);
  g_clear_pointer (&load->relation_by_id, g_hash_table_unref);
  g_clear_pointer (&load->alias_seen, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Load, load_clear)

typedef void (*RowFunc) (Load         *load,
                         sqlite3_stmt *stmt);

static gboolean
for_each_row (Load        *load,
              const char  *sql,
              RowFunc      func,
              GError     **error)
{
  g_auto(EntStoreStmt) stmt = ent_store_statement (load->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (load, stmt);

  return rc == SQLITE_DONE || ent_store_set_error (load->store, rc, error);
}

static void
damaged (Load           *load,
         EntStoreDamage  kind)
{
  load->damage[kind]++;
}

/* A count from the file as a guint: negative ones are none. */
static guint
column_count (sqlite3_stmt *stmt,
              int           column)
{
  gint64 value = sqlite3_column_int64 (stmt, column);

  return (guint) CLAMP (value, 0, (gint64) G_MAXUINT);
}

static gboolean
lookup_entity (Load             *load,
               sqlite3_stmt     *stmt,
               int               column,
               EntGraphEntity  **entity)
{
  guint index;

  if (!ent_graph_lookup_entity_id (load->graph, sqlite3_column_int64 (stmt, column), &index))
    return FALSE;

  *entity = ent_graph_get_entity (load->graph, index);
  return TRUE;
}

static void
add_document_row (Load         *load,
                  sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  gint64 n_chars = MAX (sqlite3_column_int64 (stmt, 5), 0);
  g_autofree char *title = NULL;
  g_autofree char *path = NULL;
  g_autofree char *date = NULL;
  g_autofree char *source = NULL;

  /* Row ids start at 1; two rows with one id could only be told apart by
   * the order they happen to come in. */
  if (id <= 0 || ent_graph_lookup_document_id (load->graph, id, NULL))
    {
      damaged (load, ENT_STORE_DAMAGE_DOCUMENT);
      return;
    }

  title = ent_store_column_utf8 (stmt, 1);
  path = ent_store_column_utf8 (stmt, 2);
  date = ent_store_column_utf8 (stmt, 3);
  source = ent_store_column_utf8 (stmt, 4);
  ent_graph_add_document (load->graph, id, title, path, date, source);
  g_array_append_val (load->document_chars, n_chars);
}

static void
add_entity_row (Load         *load,
                sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autofree char *name = ent_store_column_utf8 (stmt, 2);
  EntEntityType type;
  guint index;

  if (id <= 0 || name == NULL || name[0] == '\0' ||
      !ent_entity_type_from_string (ent_store_column_text (stmt, 1), &type))
    {
      damaged (load, ENT_STORE_DAMAGE_ENTITY);
      return;
    }

  index = ent_graph_add_entity (load->graph, id, type, name, column_count (stmt, 3));
  ent_graph_get_entity (load->graph, index)->n_sources = column_count (stmt, 4);
}

static void
add_alias_row (Load         *load,
               sqlite3_stmt *stmt)
{
  gint64 entity_id = sqlite3_column_int64 (stmt, 0);
  g_autofree char *alias = ent_store_column_utf8 (stmt, 1);
  EntGraphEntity *entity;

  if (alias == NULL || alias[0] == '\0')
    {
      damaged (load, ENT_STORE_DAMAGE_NAME);
      return;
    }
  /* Hidden, or kept only for a correction. */
  if (!lookup_entity (load, stmt, 0, &entity))
    return;

  /* A name twice says nothing more than once: dropped without a word. */
  if (entity_id != load->alias_entity)
    {
      g_hash_table_remove_all (load->alias_seen);
      load->alias_entity = entity_id;
    }
  if (g_str_equal (alias, entity->name) || g_hash_table_contains (load->alias_seen, alias))
    return;

  g_hash_table_add (load->alias_seen, g_strdup (alias));
  g_ptr_array_add (entity->aliases, g_steal_pointer (&alias));
}

static void
add_attribute_row (Load         *load,
                   sqlite3_stmt *stmt)
{
  g_autofree char *name = ent_store_column_utf8 (stmt, 1);
  g_autofree char *value = ent_store_column_utf8 (stmt, 2);
  EntGraphEntity *entity;

  if (name == NULL || name[0] == '\0' || value == NULL)
    {
      damaged (load, ENT_STORE_DAMAGE_ATTRIBUTE);
      return;
    }

  if (lookup_entity (load, stmt, 0, &entity))
    g_hash_table_insert (entity->attributes, g_steal_pointer (&name), g_steal_pointer (&value));
}

static void
add_claim_row (Load         *load,
               sqlite3_stmt *stmt)
{
  g_autofree char *attribute = ent_store_column_utf8 (stmt, 1);
  g_autofree char *value = ent_store_column_utf8 (stmt, 2);
  g_autofree char *text = ent_store_column_utf8 (stmt, 4);
  guint entity, document;

  /* Column 5: whether the claim's sentence exists. */
  if (attribute == NULL || value == NULL || text == NULL || !sqlite3_column_int (stmt, 5) ||
      !ent_graph_lookup_document_id (load->graph, sqlite3_column_int64 (stmt, 3), &document))
    {
      damaged (load, ENT_STORE_DAMAGE_CLAIM);
      return;
    }

  if (ent_graph_lookup_entity_id (load->graph, sqlite3_column_int64 (stmt, 0), &entity))
    ent_graph_entity_add_claim (load->graph, entity, attribute, value, document, text);
}

static void
add_relation_row (Load         *load,
                  sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  g_autofree char *role = ent_store_column_utf8 (stmt, 4);
  EntRelationType type;
  guint source, target, index;

  /* Column 5: whether both ends exist, hidden or not. */
  if (!ent_relation_type_from_string (ent_store_column_text (stmt, 1), &type) ||
      !sqlite3_column_int (stmt, 5))
    {
      damaged (load, ENT_STORE_DAMAGE_RELATION);
      return;
    }

  /* A relation to a hidden entity is hidden with it. */
  if (!ent_graph_lookup_entity_id (load->graph, sqlite3_column_int64 (stmt, 2), &source) ||
      !ent_graph_lookup_entity_id (load->graph, sqlite3_column_int64 (stmt, 3), &target) ||
      g_hash_table_contains (load->relation_by_id, &id))
    return;

  index = ent_graph_add_relation (load->graph, id, type, source, target);
  if (role != NULL && role[0] != '\0')
    g_hash_table_insert (ent_graph_get_relation (load->graph, index)->attributes,
                         g_strdup ("role"), g_steal_pointer (&role));

  g_hash_table_insert (load->relation_by_id, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (index + 1));
}

/* Offsets count characters of the document: a span must lie inside it. */
static gboolean
span_is_valid (Load         *load,
               guint         document,
               sqlite3_stmt *stmt,
               int           column)
{
  gint64 start = sqlite3_column_int64 (stmt, column);
  gint64 end = sqlite3_column_int64 (stmt, column + 1);

  return sqlite3_column_type (stmt, column) == SQLITE_INTEGER &&
         sqlite3_column_type (stmt, column + 1) == SQLITE_INTEGER &&
         0 <= start && start <= end &&
         end <= g_array_index (load->document_chars, gint64, document);
}

static void
add_evidence_row (Load         *load,
                  sqlite3_stmt *stmt)
{
  gint64 relation_id = sqlite3_column_int64 (stmt, 0);
  gpointer relation = g_hash_table_lookup (load->relation_by_id, &relation_id);
  g_autofree char *text = NULL;
  guint document;

  /* Evidence of a hidden relation. */
  if (relation == NULL)
    return;

  text = ent_store_column_utf8 (stmt, 4);
  if (text == NULL ||
      !ent_graph_lookup_document_id (load->graph, sqlite3_column_int64 (stmt, 1), &document) ||
      !span_is_valid (load, document, stmt, 2))
    {
      damaged (load, ENT_STORE_DAMAGE_EVIDENCE);
      return;
    }

  ent_graph_relation_add_evidence (load->graph, GPOINTER_TO_UINT (relation) - 1, document,
                                   sqlite3_column_int64 (stmt, 2),
                                   sqlite3_column_int64 (stmt, 3), text);
}

static gboolean
load_rows (Load    *load,
           GError **error)
{
  static const char documents_sql[] =
    "SELECT id, title, path, date, source, n_chars FROM documents ORDER BY id";
  /* An entity no document mentions any more is kept only for a correction.
   * total () rather than sum (), which fails the whole query with 'integer
   * overflow' on counts a file edited by hand may hold. */
  static const char entities_sql[] =
    "SELECT e.id, e.type, e.name, total (m.count), count(m.document)"
    " FROM entities e JOIN entity_mentions m ON m.entity = e.id"
    " WHERE NOT e.hidden GROUP BY e.id ORDER BY e.id";
  static const char aliases_sql[] = "SELECT entity, alias FROM aliases ORDER BY entity, rowid";
  static const char attributes_sql[] = "SELECT entity, name, value FROM entity_attributes";
  /* Left joins: a row whose sentence is gone is damage to count, not a row
   * to lose without a word. */
  static const char claims_sql[] =
    "SELECT c.entity, c.attribute, c.value, s.document, s.text, s.id IS NOT NULL"
    " FROM claims c LEFT JOIN sentences s ON s.id = c.sentence"
    " ORDER BY c.entity, s.document, s.start";
  static const char relations_sql[] =
    "SELECT r.id, r.type, r.source, r.target, r.role,"
    "       EXISTS (SELECT 1 FROM entities WHERE id = r.source)"
    "       AND EXISTS (SELECT 1 FROM entities WHERE id = r.target)"
    " FROM relations r ORDER BY r.id";
  static const char evidence_sql[] =
    "SELECT e.relation, s.document, s.start, s.end, s.text"
    " FROM evidence e LEFT JOIN sentences s ON s.id = e.sentence"
    " ORDER BY e.relation, s.document, s.start";

  return for_each_row (load, documents_sql, add_document_row, error) &&
         for_each_row (load, entities_sql, add_entity_row, error) &&
         for_each_row (load, aliases_sql, add_alias_row, error) &&
         for_each_row (load, attributes_sql, add_attribute_row, error) &&
         for_each_row (load, claims_sql, add_claim_row, error) &&
         for_each_row (load, relations_sql, add_relation_row, error) &&
         for_each_row (load, evidence_sql, add_evidence_row, error);
}

EntGraph *
ent_store_load_graph (EntStore  *store,
                      GError   **error)
{
  g_autoptr(EntGraph) graph = NULL;
  g_auto(Load) load = { 0 };
  gboolean ok;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* One snapshot: an ingestion committing meanwhile is seen whole or not at all. */
  if (!ent_store_exec (store, "BEGIN", error))
    return NULL;

  graph = ent_graph_new ();
  load.store = store;
  load.graph = graph;
  load.document_chars = g_array_new (FALSE, FALSE, sizeof (gint64));
  load.relation_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  load.alias_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ok = load_rows (&load, error);
  sqlite3_exec (store->db, "COMMIT", NULL, NULL, NULL);

  if (!ok)
    return NULL;

  for (guint kind = 0; kind < ENT_STORE_N_DAMAGE; kind++)
    ent_store_note_damage (store, kind, load.damage[kind]);

  ent_graph_finish (graph);
  return g_steal_pointer (&graph);
}
