/* ent-store-relations.c — finding a relation by its ends, type and role.
 *
 * The relations_key index (schema version 2) answers the lookup. An earlier
 * version kept a map from every relation key to its id in memory instead, to
 * spare the index pages each document dirties; but that map grew with the
 * project, and the memory of a long ingestion must not. With 4 KB pages a
 * document dirties only a few dozen pages of that index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-store"

#include "config.h"

#include "ent-store-relations.h"

/* The four columns that make a relation's identity, as ?1 to ?4. */
static void
bind_key (sqlite3_stmt *stmt,
          const char   *type,
          gint64        source,
          gint64        target,
          const char   *role)
{
  ent_store_bind_text (stmt, 1, type);
  sqlite3_bind_int64 (stmt, 2, source);
  sqlite3_bind_int64 (stmt, 3, target);
  ent_store_bind_text (stmt, 4, role);
}

gboolean
ent_store_find_or_add_relation (EntStore    *store,
                                const char  *type,
                                gint64       source,
                                gint64       target,
                                const char  *role,
                                gint64      *id,
                                gboolean    *is_new,
                                GError     **error)
{
  static const char find_sql[] =
    "SELECT id FROM relations WHERE source = ?2 AND target = ?3 AND type = ?1 AND role = ?4";
  static const char insert_sql[] =
    "INSERT INTO relations (type, source, target, role) VALUES (?1, ?2, ?3, ?4)";
  g_auto(EntStoreStmt) find = ent_store_statement (store, find_sql, error);
  g_auto(EntStoreStmt) insert = NULL;
  int rc;

  *id = 0;
  *is_new = FALSE;
  if (find == NULL)
    return FALSE;
  bind_key (find, type, source, target, role);

  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (find, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return ent_store_set_error (store, rc, error);

  insert = ent_store_statement (store, insert_sql, error);
  if (insert == NULL)
    return FALSE;
  bind_key (insert, type, source, target, role);
  if (!ent_store_step_done (store, insert, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (store->db);
  *is_new = TRUE;
  return TRUE;
}
