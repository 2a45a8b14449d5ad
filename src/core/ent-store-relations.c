/* ent-store-relations.c — finding a relation by its ends, type and role.
 *
 * Every document adds evidence to dozens of relations spread over the whole
 * project. A unique index on (source, target, type, role) would make each
 * document's transaction rewrite a page of that index per relation, which is
 * most of what ingestion writes. So the relations table has no such index:
 * the store keeps a map from a 64-bit fingerprint of the key to the relation
 * id (a few bytes per distinct relation, like the resolver keeps a few per
 * entity), loaded with the resolver and dropped with it. Every hit is checked
 * against the row, so a stale or colliding fingerprint costs a scan, never a
 * wrong answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-store"

#include "config.h"

#include <string.h>

#include "ent-store-private.h"

static void
hash_bytes (guint64       *hash,
            gconstpointer  data,
            gsize          length)
{
  const guint8 *bytes = data;

  /* FNV-1a, 64 bits. */
  for (gsize i = 0; i < length; i++)
    {
      *hash ^= bytes[i];
      *hash *= G_GUINT64_CONSTANT (1099511628211);
    }
}

static gpointer
fingerprint (const char *type,
             gint64      source,
             gint64      target,
             const char *role)
{
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);

  hash_bytes (&hash, &source, sizeof source);
  hash_bytes (&hash, &target, sizeof target);
  hash_bytes (&hash, type, strlen (type) + 1);
  hash_bytes (&hash, role, strlen (role) + 1);

  return GSIZE_TO_POINTER ((gsize) hash);
}

static void
map_add (EntStore   *store,
         const char *type,
         gint64      source,
         gint64      target,
         const char *role,
         gint64      id)
{
  g_hash_table_insert (store->relation_ids, fingerprint (type, source, target, role),
                       GSIZE_TO_POINTER ((gsize) id));
}

gboolean
ent_store_load_relation_map (EntStore  *store,
                             GError   **error)
{
  static const char sql[] = "SELECT id, type, source, target, role FROM relations";
  g_auto(EntStoreStmt) stmt = NULL;
  int rc;

  if (store->relation_ids != NULL)
    return TRUE;

  stmt = ent_store_statement (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  store->relation_ids = g_hash_table_new (NULL, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    map_add (store, ent_store_column_text (stmt, 1),
             sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
             ent_store_column_text (stmt, 4), sqlite3_column_int64 (stmt, 0));

  if (rc == SQLITE_DONE)
    return TRUE;

  g_clear_pointer (&store->relation_ids, g_hash_table_unref);
  return ent_store_set_error (store, rc, error);
}

void
ent_store_forget_relation (EntStore   *store,
                           const char *type,
                           gint64      source,
                           gint64      target,
                           const char *role)
{
  if (store->relation_ids != NULL)
    g_hash_table_remove (store->relation_ids, fingerprint (type, source, target, role));
}

/* Does row @id have this key? */
static gboolean
row_matches (EntStore    *store,
             gint64       id,
             const char  *type,
             gint64       source,
             gint64       target,
             const char  *role,
             gboolean    *matches,
             GError     **error)
{
  static const char sql[] = "SELECT type, source, target, role FROM relations WHERE id = ?";
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);
  int rc;

  *matches = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *matches = g_strcmp0 (ent_store_column_text (stmt, 0), type) == 0 &&
               sqlite3_column_int64 (stmt, 1) == source &&
               sqlite3_column_int64 (stmt, 2) == target &&
               g_strcmp0 (ent_store_column_text (stmt, 3), role) == 0;

  return rc == SQLITE_ROW || rc == SQLITE_DONE || ent_store_set_error (store, rc, error);
}

/* The slow way, when the map pointed at another row. */
static gboolean
scan_for_relation (EntStore    *store,
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

static gboolean
find_relation (EntStore    *store,
               const char  *type,
               gint64       source,
               gint64       target,
               const char  *role,
               gint64      *id,
               GError     **error)
{
  gpointer found = g_hash_table_lookup (store->relation_ids,
                                        fingerprint (type, source, target, role));
  gboolean matches;

  *id = 0;
  if (found == NULL)
    return TRUE;

  *id = (gint64) GPOINTER_TO_SIZE (found);
  if (!row_matches (store, *id, type, source, target, role, &matches, error))
    return FALSE;
  if (matches)
    return TRUE;

  if (!scan_for_relation (store, type, source, target, role, id, error))
    return FALSE;
  if (*id != 0)
    map_add (store, type, source, target, role, *id);
  else
    ent_store_forget_relation (store, type, source, target, role);
  return TRUE;
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

  g_assert (store->relation_ids != NULL);

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
  map_add (store, type, source, target, role, *id);
  return TRUE;
}
