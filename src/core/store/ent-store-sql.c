/* ent-store-sql.c — statements, errors, transactions: the store's lowest layer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ent-store-sql.h"

/* A write still locked out after the busy timeout is tried this many times
 * in all. The first pause before it is tried again doubles each time, with
 * some jitter, so that processes that collided do not collide again in step. */
#define WRITE_ATTEMPTS 4
#define RETRY_PAUSE_US (100 * 1000)

/* Errors */

/* SQLite quotes a damaged file's bytes in its messages as they are
 * ("malformed database schema (entity_k\213ys)"): what reaches a user, a
 * terminal or a GTK label is made valid UTF-8 first. */
static char *
sqlite_message (sqlite3 *db,
                int      rc)
{
  return g_utf8_make_valid (db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc), -1);
}

void
ent_store_sqlite_error (sqlite3  *db,
                        int       rc,
                        GError  **error)
{
  g_autofree char *message = sqlite_message (db, rc);

  switch (rc & 0xff)
    {
    case SQLITE_READONLY:
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY,
                   _("the project is read-only (%s)"), message);
      break;
    case SQLITE_NOTADB:
      g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT,
                           _("not an Entente project: file is not a database"));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_BUSY,
                   _("the project is busy: another program kept it locked (%s)"), message);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT,
                   _("damaged project: %s"), message);
      break;
    default:
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_FAILED, "%s", message);
      break;
    }
}

gboolean
ent_store_set_error (EntStore  *store,
                     int        rc,
                     GError   **error)
{
  ent_store_sqlite_error (store->db, rc, error);
  return FALSE;
}

gboolean
ent_store_check_writable (EntStore  *store,
                          GError   **error)
{
  if (!store->read_only)
    return TRUE;

  g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY,
                       _("the project is read-only: it cannot be changed"));
  return FALSE;
}

/* Damage */

void
ent_store_note_damage (EntStore       *store,
                       EntStoreDamage  kind,
                       guint           count)
{
  g_assert (kind < ENT_STORE_N_DAMAGE);

  store->damage[kind] = MAX (store->damage[kind], count);
}

/* Statements */

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

GHashTable *
ent_store_statement_cache_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

sqlite3_stmt *
ent_store_statement (EntStore    *store,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (store->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  /* The statements are fixed and tested against the schema: one that does
   * not compile ("no such table: aliases") means the file's schema is not
   * the one its version says, which is damage, not a passing failure. */
  if ((rc & 0xff) == SQLITE_ERROR)
    {
      g_autofree char *message = sqlite_message (store->db, rc);

      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT, _("damaged project: %s"), message);
      return NULL;
    }
  if (rc != SQLITE_OK)
    {
      ent_store_sqlite_error (store->db, rc, error);
      return NULL;
    }

  g_hash_table_insert (store->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
ent_store_step_done (EntStore      *store,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  return ent_store_set_error (store, rc, error);
}

gboolean
ent_store_query_int64 (EntStore    *store,
                       const char  *sql,
                       gint64      *value,
                       GError     **error)
{
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ent_store_set_error (store, rc, error);

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
ent_store_run_with_ids (EntStore    *store,
                        const char  *sql,
                        gint64       first,
                        gint64       second,
                        GError     **error)
{
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, second);

  return ent_store_step_done (store, stmt, error);
}

gboolean
ent_store_lookup_row (EntStore      *store,
                      const char    *sql,
                      gint64         id,
                      sqlite3_stmt **row,
                      GError       **error)
{
  sqlite3_stmt *stmt = ent_store_statement (store, sql, error);
  gboolean ok;
  int rc;

  *row = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *row = stmt;
      return TRUE;
    }

  ok = rc == SQLITE_DONE || ent_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  return ok;
}

gboolean
ent_store_collect_ids (EntStore      *store,
                       sqlite3_stmt  *stmt,
                       GArray        *ids,
                       GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  return rc == SQLITE_DONE || ent_store_set_error (store, rc, error);
}

gboolean
ent_store_exec (EntStore    *store,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (store->db, sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;

  return ent_store_set_error (store, rc, error);
}

/* Transactions */

static void
retry_pause (guint attempt)
{
  g_usleep ((RETRY_PAUSE_US << MIN (attempt - 1, 8u)) + g_random_int_range (0, RETRY_PAUSE_US));
}

static gboolean
write_once (EntStore           *store,
            EntStoreWriteFunc   func,
            gpointer            data,
            GError            **error)
{
  /* IMMEDIATE takes the write lock now, waiting for it (busy timeout): a
   * transaction that read first and wrote later would fail with
   * SQLITE_BUSY_SNAPSHOT without waiting when another process wrote in
   * between. Everything it reads is then read under the lock. */
  if (!ent_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (func (store, data, error) &&
      ent_store_exec (store, "COMMIT", error))
    return TRUE;

  ent_store_rollback (store);
  return FALSE;
}

gboolean
ent_store_write (EntStore           *store,
                 EntStoreWriteFunc   func,
                 gpointer            data,
                 GError            **error)
{
  g_assert (sqlite3_get_autocommit (store->db));

  if (!ent_store_check_writable (store, error))
    return FALSE;

  for (guint attempt = 1;; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      if (write_once (store, func, data, &local_error))
        return TRUE;
      if (attempt == WRITE_ATTEMPTS ||
          !g_error_matches (local_error, ENT_STORE_ERROR, ENT_STORE_ERROR_BUSY))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_debug ("%s: %s; trying again", store->path, local_error->message);
      retry_pause (attempt);
    }
}

void
ent_store_rollback (EntStore *store)
{
  if (!sqlite3_get_autocommit (store->db))
    sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);

  /* The resolver learnt names of rows that no longer exist: it is loaded
   * again from the file on the next write. */
  ent_store_forget_caches (store);
}

void
ent_store_forget_caches (EntStore *store)
{
  g_clear_pointer (&store->resolver, ent_resolver_free);
}
