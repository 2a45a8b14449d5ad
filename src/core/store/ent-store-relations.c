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

#include "ent-store-private.h"

static gboolean
find_relation (EntStore    *store,
               const char  *type,
               gint64       source,
               gint64       target,
               const char  *role,
               gint64      *id,
               GError     **error)
{
  static const char sql[] =
    "SELECT id FROM relations WHERE source = ? AND target = ? AND type = ? AND role = ?";
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);
  int rc;

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source);
  sqlite3_bind_int64 (stmt, 2, target);
  ent_store_bind_text (stmt, 3, type);
  ent_store_bind_text (stmt, 4, role);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);

  return rc == SQLITE_ROW || rc == SQLITE_DONE || ent_store_set_error (store, rc, error);
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
  static const char sql[] =
    "INSERT INTO relations (type, source, target, role) VALUES (?, ?, ?, ?)";
  g_auto(EntStoreStmt) stmt = NULL;

  *is_new = FALSE;
  if (!find_relation (store, type, source, target, role, id, error))
    return FALSE;
  if (*id != 0)
    return TRUE;

  stmt = ent_store_statement (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  ent_store_bind_text (stmt, 1, type);
  sqlite3_bind_int64 (stmt, 2, source);
  sqlite3_bind_int64 (stmt, 3, target);
  ent_store_bind_text (stmt, 4, role);
  if (!ent_store_step_done (store, stmt, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (store->db);
  *is_new = TRUE;
  return TRUE;
}
