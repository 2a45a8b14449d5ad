/* ent-store-private.h — what the ent-store*.c files share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "ent-resolver.h"
#include "ent-store.h"

G_BEGIN_DECLS

/* "Ente" in ASCII: PRAGMA application_id of every Entente project. */
#define ENT_STORE_APPLICATION_ID 0x456e7465
/* The schema version this build writes; files up to it are read (migrated). */
#define ENT_STORE_SCHEMA_VERSION 2
/* The oldest version read as it is without an upgrade, when the project is
 * read-only: version 2 only added an index that writing needs. */
#define ENT_STORE_SCHEMA_READABLE 1

/* What a row a reader had to skip was missing (see
 * ent_store_take_damage_report). */
typedef enum {
  ENT_STORE_DAMAGE_CORRECTION,
  ENT_STORE_DAMAGE_DOCUMENT,
  ENT_STORE_DAMAGE_ENTITY,
  ENT_STORE_DAMAGE_NAME,
  ENT_STORE_DAMAGE_ATTRIBUTE,
  ENT_STORE_DAMAGE_CLAIM,
  ENT_STORE_DAMAGE_RELATION,
  ENT_STORE_DAMAGE_EVIDENCE,
  ENT_STORE_DAMAGE_SENTENCE,
  ENT_STORE_N_DAMAGE
} EntStoreDamage;

struct _EntStore
{
  char        *path;
  sqlite3     *db;
  gboolean     read_only;
  /* static SQL string (by address) -> sqlite3_stmt, prepared once */
  GHashTable  *statements;
  /* Created on the first write: a read-only viewer never needs it. */
  EntResolver *resolver;
  /* PRAGMA data_version when the resolver was last in line with the file:
   * another connection (the window while a worker ingests) may have changed
   * the entities since. */
  gint64       resolver_version;
  /* Rows skipped as damaged, per kind: the most any one reading found. */
  guint        damage[ENT_STORE_N_DAMAGE];
};

/* A cached statement, reset on scope exit so that no read transaction stays
 * open behind the caller's back. */
typedef sqlite3_stmt *EntStoreStmt;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (EntStoreStmt, sqlite3_reset, NULL)

/* Returns the prepared statement for @sql, which must be a string with static
 * storage (it is cached by address), reset and with its bindings cleared. */
sqlite3_stmt *ent_store_statement      (EntStore     *store,
                                        const char   *sql,
                                        GError      **error);
gboolean      ent_store_set_error      (EntStore     *store,
                                        int           rc,
                                        GError      **error);
gboolean      ent_store_exec           (EntStore     *store,
                                        const char   *sql,
                                        GError      **error);
/* Steps a statement that returns no row. */
gboolean      ent_store_step_done      (EntStore     *store,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
gboolean      ent_store_check_writable (EntStore     *store,
                                        GError      **error);
/* Records that one reading of the project skipped @count damaged rows of
 * @kind. Readings repeat (corrections after every document), so the largest
 * count is kept rather than the sum. */
void          ent_store_note_damage    (EntStore       *store,
                                        EntStoreDamage  kind,
                                        guint           count);

/* Reads the one integer a statement returns (a PRAGMA, a count). */
gboolean      ent_store_query_int64    (EntStore     *store,
                                        const char   *sql,
                                        gint64       *value,
                                        GError      **error);

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
/* Rolls back and brings the resolver back in line with the file. */
void          ent_store_rollback       (EntStore     *store);

/* ent-store-schema.c */
/* What a file's marker, number of schema objects and version make of it:
 * a new project (*is_new), one this version can read, or an error. */
gboolean      ent_store_check_version  (int           application_id,
                                        int           n_objects,
                                        int           version,
                                        gboolean     *is_new,
                                        GError      **error);
/* Inside a write transaction: creates or upgrades the schema as far as the
 * file, read again under the lock, still needs it. */
gboolean      ent_store_ensure_schema  (EntStore     *store,
                                        GError      **error);

/* ent-store-add.c */
/* Loads the resolver, or loads it again when another connection wrote to
 * the project since; call inside the write transaction. */
gboolean      ent_store_ensure_resolver (EntStore    *store,
                                         GError     **error);
/* Registers one entity (name, aliases, offices) with the resolver. */
gboolean      ent_store_register_entity (EntStore    *store,
                                         gint64       id,
                                         GError     **error);

/* Deletes an entity and everything about it (ent-store-add.c). */
gboolean      ent_store_delete_entity  (EntStore     *store,
                                        gint64        id,
                                        GError      **error);

/* ent-store-relations.c */
gboolean      ent_store_find_or_add_relation (EntStore     *store,
                                              const char   *type,
                                              gint64        source,
                                              gint64        target,
                                              const char   *role,
                                              gint64       *id,
                                              gboolean     *is_new,
                                              GError      **error);

/* Drops the resolver, loaded again on the next write: after a rollback, or
 * when another connection changed the project. */
void          ent_store_forget_caches        (EntStore     *store);

/* ent-store-corrections.c */
gboolean      ent_store_apply_corrections (EntStore  *store,
                                           GError   **error);
gboolean      ent_store_merge_now      (EntStore     *store,
                                        gint64        keep_id,
                                        gint64        merged_id,
                                        GError      **error);

/* Column helpers. */
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

/* A column as a new string of valid UTF-8, NULL for SQL NULL. A project
 * file is outside data: bytes that are not UTF-8 (a blob, a file edited by
 * hand) are replaced with U+FFFD before code that trusts its strings (GTK,
 * g_utf8_* walks) sees them. */
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

G_END_DECLS
