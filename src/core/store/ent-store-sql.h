/* ent-store-sql.h — the store's lowest layer: prepared statements, SQLite
 * errors as GErrors, write transactions, and reading columns of a file that
 * is outside data. It calls nothing of the store above it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-store-private.h"

G_BEGIN_DECLS

/* How long SQLite waits for another connection's lock before giving up with
 * SQLITE_BUSY (ent_store_set_busy_timeout changes it); a document's
 * transaction takes milliseconds. */
#define ENT_STORE_BUSY_TIMEOUT_MS 10000

/* Errors */

/* Sets @error from SQLite result @rc of @db (which may be NULL). */
void          ent_store_sqlite_error   (sqlite3       *db,
                                        int            rc,
                                        GError       **error);
/* The same for the store's connection; returns FALSE. */
gboolean      ent_store_set_error      (EntStore      *store,
                                        int            rc,
                                        GError       **error);
gboolean      ent_store_check_writable (EntStore      *store,
                                        GError       **error);
/* Records that one reading of the project skipped @count damaged rows of
 * @kind. Readings repeat (corrections after every document), so the largest
 * count is kept rather than the sum. */
void          ent_store_note_damage    (EntStore       *store,
                                        EntStoreDamage  kind,
                                        guint           count);

/* Statements */

/* A cached statement, reset on scope exit so that no read transaction stays
 * open behind the caller's back. */
typedef sqlite3_stmt *EntStoreStmt;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (EntStoreStmt, sqlite3_reset, NULL)

/* The cache ent_store_statement () keeps in EntStore.statements. */
GHashTable   *ent_store_statement_cache_new (void);

/* Returns the prepared statement for @sql, which must be a string with static
 * storage (it is cached by address), reset and with its bindings cleared. */
sqlite3_stmt *ent_store_statement      (EntStore      *store,
                                        const char    *sql,
                                        GError       **error);
/* Runs @sql (any SQL, not cached) for its effect. */
gboolean      ent_store_exec           (EntStore      *store,
                                        const char    *sql,
                                        GError       **error);
/* Steps a statement that returns no row. */
gboolean      ent_store_step_done      (EntStore      *store,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
/* Runs @sql, a statement that returns no row, with ?1 = @first and, when it
 * has a second parameter, ?2 = @second. */
gboolean      ent_store_run_with_ids   (EntStore      *store,
                                        const char    *sql,
                                        gint64         first,
                                        gint64         second,
                                        GError       **error);
/* Reads the one integer a statement returns (a PRAGMA, a count). */
gboolean      ent_store_query_int64    (EntStore      *store,
                                        const char    *sql,
                                        gint64        *value,
                                        GError       **error);
/* Looks up the row @sql finds with ?1 = @id: *row is the statement standing
 * on it (g_auto(EntStoreStmt) resets it), or NULL when there is none. FALSE
 * only on an SQLite error. */
gboolean      ent_store_lookup_row     (EntStore      *store,
                                        const char    *sql,
                                        gint64         id,
                                        sqlite3_stmt **row,
                                        GError       **error);
/* Steps the bound statement @stmt to its end, appending the integer in the
 * first column of each row to @ids (element type gint64). */
gboolean      ent_store_collect_ids    (EntStore      *store,
                                        sqlite3_stmt  *stmt,
                                        GArray        *ids,
                                        GError       **error);

/* Columns */

/* Raw text of a column, NULL for SQL NULL: for values compared or bound
 * again as they are (keys, types). */
static inline const char *
ent_store_column_text (sqlite3_stmt *stmt,
                       int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static inline char *
ent_store_column_dup (sqlite3_stmt *stmt,
                      int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* A column as a new string of valid UTF-8, NULL for SQL NULL: for text
 * handed on to readers. A project file is outside data: bytes that are not
 * UTF-8 (a blob, a file edited by hand) are replaced with U+FFFD before code
 * that trusts its strings (GTK, g_utf8_* walks) sees them. */
static inline char *
ent_store_column_utf8 (sqlite3_stmt *stmt,
                       int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL)
    return NULL;
  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  return g_utf8_make_valid (text, -1);
}

static inline void
ent_store_bind_text (sqlite3_stmt *stmt,
                     int           column,
                     const char   *text)
{
  /* Every string bound stays alive until the statement is stepped and reset. */
  sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
}

/* Transactions */

typedef gboolean (*EntStoreWriteFunc) (EntStore  *store,
                                       gpointer   data,
                                       GError   **error);

/* Runs @func in one write transaction: committed when it returns TRUE,
 * rolled back (resolver included) when it fails. Every write goes through
 * here. When another process keeps the project locked beyond the busy
 * timeout, the whole transaction is tried again a few times, so @func must
 * start from nothing each time it is called. */
gboolean      ent_store_write          (EntStore          *store,
                                        EntStoreWriteFunc  func,
                                        gpointer           data,
                                        GError           **error);
/* Rolls back and drops the resolver (see ent_store_forget_caches). */
void          ent_store_rollback       (EntStore      *store);
/* Drops the resolver, loaded again on the next write: after a rollback, or
 * when another connection changed the project. */
void          ent_store_forget_caches  (EntStore      *store);

G_END_DECLS
