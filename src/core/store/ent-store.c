/* ent-store.c — opening a project safely, statements, transactions, queries.
 *
 * A file is inspected read-only before anything else, so that a database of
 * another application, a damaged file or a project of a newer Entente is
 * reported and never modified (not even switched to WAL).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ent-store-private.h"

/* How long SQLite waits for another connection's lock before giving up with
 * SQLITE_BUSY; a document's transaction takes milliseconds. */
#define BUSY_TIMEOUT_MS 10000
/* Then a write transaction is tried again this many times, after a pause
 * that doubles each time (with some jitter, so that processes that collided
 * do not collide again in step). */
#define WRITE_ATTEMPTS 4
#define RETRY_PAUSE_US (100 * 1000)

G_DEFINE_QUARK (ent-store-error-quark, ent_store_error)

char *
ent_store_default_path (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "entente", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_debug ("Cannot create %s: %s", dir, g_strerror (errno));

  return g_build_filename (dir, "default.entente", NULL);
}

/* Errors */

static EntStoreError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_READONLY:
      return ENT_STORE_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ENT_STORE_ERROR_BUSY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ENT_STORE_ERROR_CORRUPT;
    default:
      return ENT_STORE_ERROR_FAILED;
    }
}

static void
set_sqlite_error (sqlite3  *db,
                  int       rc,
                  GError  **error)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

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
      g_set_error (error, ENT_STORE_ERROR, error_code_for (rc), "%s", message);
      break;
    }
}

gboolean
ent_store_set_error (EntStore  *store,
                     int        rc,
                     GError   **error)
{
  set_sqlite_error (store->db, rc, error);
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

static const char *
describe_damage (EntStoreDamage kind,
                 guint          count)
{
  switch (kind)
    {
    case ENT_STORE_DAMAGE_CORRECTION:
      return g_dngettext (GETTEXT_PACKAGE, "correction without a kind, type or key",
                          "corrections without a kind, type or key", count);
    case ENT_STORE_DAMAGE_DOCUMENT:
      return g_dngettext (GETTEXT_PACKAGE, "document with a bad id or no text",
                          "documents with a bad id or no text", count);
    case ENT_STORE_DAMAGE_ENTITY:
      return g_dngettext (GETTEXT_PACKAGE, "entity without a name or a known type",
                          "entities without a name or a known type", count);
    case ENT_STORE_DAMAGE_NAME:
      return g_dngettext (GETTEXT_PACKAGE, "alias or key without text",
                          "aliases or keys without text", count);
    case ENT_STORE_DAMAGE_ATTRIBUTE:
      return g_dngettext (GETTEXT_PACKAGE, "attribute without a name or a value",
                          "attributes without a name or a value", count);
    case ENT_STORE_DAMAGE_CLAIM:
      return g_dngettext (GETTEXT_PACKAGE, "claim without a value or a sentence",
                          "claims without a value or a sentence", count);
    case ENT_STORE_DAMAGE_RELATION:
      return g_dngettext (GETTEXT_PACKAGE, "relation of an unknown type or to a missing entity",
                          "relations of an unknown type or to a missing entity", count);
    case ENT_STORE_DAMAGE_EVIDENCE:
      return g_dngettext (GETTEXT_PACKAGE, "piece of evidence with a bad span or a missing sentence",
                          "pieces of evidence with a bad span or a missing sentence", count);
    case ENT_STORE_DAMAGE_SENTENCE:
      return g_dngettext (GETTEXT_PACKAGE, "sentence with a bad span or no text",
                          "sentences with a bad span or no text", count);
    case ENT_STORE_N_DAMAGE:
    default:
      g_assert_not_reached ();
    }
}

char *
ent_store_take_damage_report (EntStore *store)
{
  g_autoptr(GString) parts = NULL;
  guint total = 0;

  g_return_val_if_fail (store != NULL, NULL);

  for (guint kind = 0; kind < ENT_STORE_N_DAMAGE; kind++)
    {
      guint count = store->damage[kind];

      if (count == 0)
        continue;
      if (parts == NULL)
        parts = g_string_new (NULL);
      else
        g_string_append (parts, ", ");
      g_string_append_printf (parts, "%u %s", count, describe_damage (kind, count));
      total += count;
    }
  memset (store->damage, 0, sizeof store->damage);

  if (parts == NULL)
    return NULL;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "damaged project: skipped %u row it cannot use (%s)",
                                       "damaged project: skipped %u rows it cannot use (%s)", total),
                          total, parts->str);
}

/* Statements */

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
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
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT,
                   _("damaged project: %s"), sqlite3_errmsg (store->db));
      return NULL;
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (store->db, rc, error);
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
      gulong pause;

      if (write_once (store, func, data, &local_error))
        return TRUE;
      if (attempt == WRITE_ATTEMPTS ||
          !g_error_matches (local_error, ENT_STORE_ERROR, ENT_STORE_ERROR_BUSY))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      pause = (RETRY_PAUSE_US << (attempt - 1)) + g_random_int_range (0, RETRY_PAUSE_US);
      g_debug ("%s: %s; trying again in %lu ms", store->path, local_error->message, pause / 1000);
      g_usleep (pause);
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

/* Opening */

typedef struct {
  gboolean exists;
  gboolean is_new;       /* missing, empty, or an empty database */
  gboolean writable;     /* by its mode bits and by access() */
  int      version;
} FileInspection;

static gboolean
has_sqlite_header (const char  *path,
                   GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  ssize_t n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_FAILED,
                   _("cannot read the project: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  n = read (fd, header, sizeof header);
  close (fd);

  if (n != (ssize_t) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT,
                           _("not an Entente project: file is not a database"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int (stmt, 0);
  else
    set_sqlite_error (db, rc, error);

  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
quick_check (sqlite3  *db,
             GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0)
    ok = TRUE;
  else if (rc == SQLITE_ROW)
    g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT,
                 _("damaged project: %s"), sqlite3_column_text (stmt, 0));
  else
    set_sqlite_error (db, rc, error);

  sqlite3_finalize (stmt);
  return ok;
}

/* Reads what the file is, with a read-only connection that cannot change it. */
static gboolean
inspect_database (const char      *path,
                  FileInspection  *inspection,
                  GError         **error)
{
  sqlite3 *db = NULL;
  int application_id = 0;
  int n_tables = 0;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, error);
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  if (!query_int (db, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, "SELECT count(*) FROM sqlite_master", &n_tables, error) ||
      !query_int (db, "PRAGMA user_version", &inspection->version, error))
    goto out;

  if (ent_store_check_version (application_id, n_tables, inspection->version,
                               &inspection->is_new, error))
    ok = inspection->is_new || quick_check (db, error);

out:
  sqlite3_close (db);
  return ok;
}

static gboolean
inspect_file (const char      *path,
              FileInspection  *inspection,
              GError         **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        {
          inspection->is_new = TRUE;
          inspection->writable = TRUE;
          return TRUE;
        }
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_FAILED,
                   _("cannot open the project: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  inspection->exists = TRUE;
  if (S_ISDIR (st.st_mode))
    {
      g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_A_PROJECT,
                           _("not an Entente project: it is a folder"));
      return FALSE;
    }

  /* root may write anything: the mode bits say what the user meant. */
  inspection->writable = (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0 &&
                         g_access (path, W_OK) == 0;

  if (st.st_size == 0)
    {
      inspection->is_new = TRUE;
      return TRUE;
    }

  return has_sqlite_header (path, error) &&
         inspect_database (path, inspection, error);
}

/* Switching to WAL takes an exclusive lock, which another process may hold
 * (it is creating the project, or reads it in rollback mode): SQLite then
 * answers SQLITE_BUSY, or the mode it stays in. Tried a few times; a project
 * that stays in rollback mode still works (the next open switches it), so
 * that is no error. */
static gboolean
set_wal (EntStore  *store,
         GError   **error)
{
  for (guint attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++)
    {
      sqlite3_stmt *stmt = NULL;
      gboolean is_wal = FALSE;
      int rc = sqlite3_prepare_v2 (store->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);

      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        is_wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
      sqlite3_finalize (stmt);

      if (is_wal)
        return TRUE;
      if (rc != SQLITE_ROW && (rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
        return ent_store_set_error (store, rc, error);

      g_usleep ((RETRY_PAUSE_US << (attempt - 1)) + g_random_int_range (0, RETRY_PAUSE_US));
    }

  g_debug ("%s: not switched to WAL: another process holds it", store->path);
  return TRUE;
}

static gboolean
configure_connection (EntStore  *store,
                      gboolean   is_new,
                      GError   **error)
{
  sqlite3_extended_result_codes (store->db, 1);
  sqlite3_busy_timeout (store->db, BUSY_TIMEOUT_MS);

  if (!ent_store_exec (store, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (store->read_only)
    return TRUE;

  /* 4 KB pages: a leaf of the full-text index (4,050 bytes) fits in one
   * page, where 1 KB pages cut each into an overflow chain, and the trees
   * are shallower. Ingestion measured about 10% less CPU than with 1 KB
   * pages, for more bytes written per transaction (into the system's file
   * cache). Only possible before the first table and before WAL; older
   * projects keep theirs. */
  if (is_new && !ent_store_exec (store, "PRAGMA page_size = 4096", error))
    return FALSE;

  /* Ingestion writes a transaction per document. The page cache bounds the
   * memory a long run takes: 8 MB is full after a few megabytes of text, so
   * peak memory no longer depends on how much is ingested, and a bigger one
   * measured no faster (the pages it misses are in the system's file cache).
   * Checkpoints every 64 MB of WAL: each costs two fsyncs, which were most
   * of the difference between wall and CPU time with smaller ones, and
   * writes a page rewritten by many documents once; the WAL file is cut
   * back after each. */
  return set_wal (store, error) &&
         ent_store_exec (store, "PRAGMA synchronous = NORMAL", error) &&
         ent_store_exec (store, "PRAGMA cache_size = -8192", error) &&
         ent_store_exec (store, "PRAGMA wal_autocheckpoint = 16384", error) &&
         ent_store_exec (store, "PRAGMA journal_size_limit = 67108864", error);
}

static gboolean
check_open_flags (const char        *path,
                  EntStoreOpenFlags  flags,
                  FileInspection    *inspection,
                  GError           **error)
{
  gboolean may_create = (flags & ENT_STORE_OPEN_CREATE) && !(flags & ENT_STORE_OPEN_READ_ONLY);

  if (!inspection->exists && !may_create)
    {
      g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND,
                           _("no such project"));
      return FALSE;
    }
  if (!inspection->exists)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND,
                       _("cannot create the project: no folder %s"), folder);
          return FALSE;
        }
    }
  if (inspection->is_new && !may_create)
    {
      g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_A_PROJECT,
                           _("not an Entente project: the file is empty"));
      return FALSE;
    }
  if (inspection->is_new && !inspection->writable)
    {
      g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY,
                           _("the project is read-only: it cannot be created"));
      return FALSE;
    }

  return TRUE;
}

static EntStore *
store_new (const char *path,
           gboolean    read_only)
{
  EntStore *store = g_new0 (EntStore, 1);

  store->path = g_strdup (path);
  store->read_only = read_only;
  store->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);

  return store;
}

/* The schema as far as the file still needs it (another process may be
 * creating it at this very moment), then the corrections: they are applied
 * after every document, and applying them on open too repairs a project last
 * written by a version that did not. */
static gboolean
open_in_transaction (EntStore  *store,
                     gpointer   data,
                     GError   **error)
{
  return ent_store_ensure_schema (store, error) &&
         ent_store_apply_corrections (store, error);
}

static gboolean
open_connection (EntStore        *store,
                 FileInspection  *inspection,
                 GError         **error)
{
  int open_flags = store->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  int rc;

  if (inspection->is_new)
    open_flags |= SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (store->path, &store->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    return ent_store_set_error (store, rc, error);

  if (!configure_connection (store, inspection->is_new, error))
    return FALSE;

  if (store->read_only)
    {
      if (!inspection->is_new && inspection->version >= ENT_STORE_SCHEMA_READABLE)
        return TRUE;
      g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY,
                           _("the project needs an upgrade but is read-only"));
      return FALSE;
    }

  return ent_store_write (store, open_in_transaction, NULL, error);
}

EntStore *
ent_store_open (const char         *path,
                EntStoreOpenFlags   flags,
                GError            **error)
{
  FileInspection inspection = { 0 };
  g_autoptr(EntStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!inspect_file (path, &inspection, error) ||
      !check_open_flags (path, flags, &inspection, error))
    return NULL;

  store = store_new (path, (flags & ENT_STORE_OPEN_READ_ONLY) || !inspection.writable);
  if (!open_connection (store, &inspection, error))
    return NULL;

  return g_steal_pointer (&store);
}

void
ent_store_free (EntStore *store)
{
  g_autofree char *damage = NULL;

  if (store == NULL)
    return;

  /* Whoever did not ask still learns that rows were skipped, once. */
  damage = ent_store_take_damage_report (store);
  if (damage != NULL)
    g_message ("%s: %s", store->path, damage);

  ent_store_forget_caches (store);
  /* Statements first: a connection with live statements does not close. */
  g_hash_table_unref (store->statements);
  sqlite3_close (store->db);
  g_free (store->path);
  g_free (store);
}

const char *
ent_store_get_path (EntStore *store)
{
  g_return_val_if_fail (store != NULL, NULL);

  return store->path;
}

void
ent_store_set_busy_timeout (EntStore *store,
                            guint     milliseconds)
{
  g_return_if_fail (store != NULL);

  sqlite3_busy_timeout (store->db, (int) MIN (milliseconds, (guint) G_MAXINT));
}

gboolean
ent_store_is_read_only (EntStore *store)
{
  g_return_val_if_fail (store != NULL, TRUE);

  return store->read_only;
}

/* Queries */

gboolean
ent_store_has_document (EntStore   *store,
                        const char *hash)
{
  static const char sql[] = "SELECT 1 FROM documents WHERE hash = ?";
  g_autoptr(GError) error = NULL;
  g_auto(EntStoreStmt) stmt = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (hash != NULL, FALSE);

  stmt = ent_store_statement (store, sql, &error);
  if (stmt == NULL)
    {
      g_debug ("Cannot look up a document: %s", error->message);
      return FALSE;
    }
  ent_store_bind_text (stmt, 1, hash);

  return sqlite3_step (stmt) == SQLITE_ROW;
}

char *
ent_store_get_document_text (EntStore  *store,
                             gint64     document_id,
                             GError   **error)
{
  static const char sql[] = "SELECT text FROM documents WHERE id = ?";
  g_auto(EntStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = ent_store_statement (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return ent_store_column_utf8 (stmt, 0);
  if (rc == SQLITE_ROW)
    g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT,
                 _("damaged project: document %" G_GINT64_FORMAT " has no text"), document_id);
  else if (rc == SQLITE_DONE)
    g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND,
                 _("no document %" G_GINT64_FORMAT " in the project"), document_id);
  else
    ent_store_set_error (store, rc, error);

  return NULL;
}

/* Stats */

static gboolean
count_by_type (EntStore    *store,
               const char  *sql,
               gboolean     entity_types,
               guint       *counts,
               guint       *total,
               GError     **error)
{
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  *total = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = ent_store_column_text (stmt, 0);
      guint n = sqlite3_column_int (stmt, 1);
      EntEntityType entity_type;
      EntRelationType relation_type;

      *total += n;
      if (entity_types && ent_entity_type_from_string (name, &entity_type))
        counts[entity_type] += n;
      else if (!entity_types && ent_relation_type_from_string (name, &relation_type))
        counts[relation_type] += n;
    }

  return rc == SQLITE_DONE || ent_store_set_error (store, rc, error);
}

static gboolean
count_rows (EntStore    *store,
            const char  *sql,
            guint       *count,
            GError     **error)
{
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ent_store_set_error (store, rc, error);

  *count = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

gboolean
ent_store_get_stats (EntStore       *store,
                     EntStoreStats  *stats,
                     GError        **error)
{
  static const char documents_sql[] = "SELECT count(*) FROM documents";
  static const char sentences_sql[] = "SELECT count(*) FROM sentences";
  static const char evidence_sql[] = "SELECT count(*) FROM evidence";
  static const char entities_sql[] =
    "SELECT type, count(*) FROM entities WHERE NOT hidden GROUP BY type";
  /* Relations are counted here rather than by GROUP BY, which sorts them
   * all: memory that would grow with the project. */
  static const char relations_sql[] =
    "SELECT r.type, 1 FROM relations r"
    " JOIN entities s ON s.id = r.source JOIN entities t ON t.id = r.target"
    " WHERE NOT s.hidden AND NOT t.hidden";
  g_autofree char *wal = NULL;
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  if (!ent_store_exec (store, "BEGIN", error))
    return FALSE;

  ok = count_rows (store, documents_sql, &stats->documents, error) &&
       count_rows (store, sentences_sql, &stats->sentences, error) &&
       count_rows (store, evidence_sql, &stats->evidence, error) &&
       count_by_type (store, entities_sql, TRUE, stats->entities_by_type, &stats->entities, error) &&
       count_by_type (store, relations_sql, FALSE, stats->relations_by_type, &stats->relations, error);

  sqlite3_exec (store->db, "COMMIT", NULL, NULL, NULL);

  wal = g_strconcat (store->path, "-wal", NULL);
  stats->file_size = file_size (store->path) + file_size (wal);

  return ok;
}

/* Full-text search */

void
ent_sentence_hit_free (EntSentenceHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->document_title);
  g_free (hit->text);
  g_free (hit->snippet);
  g_free (hit);
}

static gboolean
has_word_character (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* Each word becomes an FTS5 string ("..." with inner quotes doubled), so no
 * operator, bracket or column filter a user types is ever parsed as syntax.
 * The last word matches as a prefix, for search as you type. */
static char *
quote_query (const char *query)
{
  g_auto(GStrv) words = g_strsplit_set (query, " \t\n\r\f\v", -1);
  g_autoptr(GString) fts = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (!has_word_character (words[i]))
        continue;

      if (n++ > 0)
        g_string_append_c (fts, ' ');
      g_string_append_c (fts, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (fts, '"');
          g_string_append_c (fts, *p);
        }
      g_string_append_c (fts, '"');
    }

  if (n == 0)
    return NULL;

  g_string_append (fts, " *");
  return g_string_free (g_steal_pointer (&fts), FALSE);
}

/* FTS5 marks matches with \1 and \2 (control characters never stored in a
 * document); everything else is escaped for Pango markup. */
static char *
markup_from_marked (const char *marked)
{
  GString *markup = g_string_new (NULL);
  const char *p = marked;

  while (*p != '\0')
    {
      const char *next = strpbrk (p, "\001\002");
      gsize length = next != NULL ? (gsize) (next - p) : strlen (p);
      g_autofree char *escaped = g_markup_escape_text (p, length);

      g_string_append (markup, escaped);
      if (next == NULL)
        break;
      g_string_append (markup, *next == '\001' ? "<b>" : "</b>");
      p = next + 1;
    }

  return g_string_free (markup, FALSE);
}

/* NULL for a row a file edited by hand left without text or with a span
 * that cannot be in its document. */
static EntSentenceHit *
hit_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(EntSentenceHit) hit = g_new0 (EntSentenceHit, 1);
  g_autofree char *marked = ent_store_column_utf8 (stmt, 5);
  gint64 start = sqlite3_column_int64 (stmt, 2);
  gint64 end = sqlite3_column_int64 (stmt, 3);

  hit->text = ent_store_column_utf8 (stmt, 4);
  if (hit->text == NULL || marked == NULL || start < 0 || end < start)
    return NULL;

  hit->document_id = sqlite3_column_int64 (stmt, 0);
  hit->document_title = ent_store_column_utf8 (stmt, 1);
  hit->start = start;
  hit->end = end;
  hit->snippet = markup_from_marked (marked);

  return g_steal_pointer (&hit);
}

GPtrArray *
ent_store_search_sentences (EntStore    *store,
                            const char  *query,
                            guint        limit,
                            GError     **error)
{
  static const char sql[] =
    "SELECT s.document, d.title, s.start, s.end, s.text,"
    "       snippet (sentences_fts, 0, char(1), char(2), '…', 40)"
    " FROM sentences_fts"
    " JOIN sentences s ON s.id = sentences_fts.rowid"
    " JOIN documents d ON d.id = s.document"
    " WHERE sentences_fts MATCH ?"
    " ORDER BY rank LIMIT ?";
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_sentence_hit_free);
  g_autofree char *fts_query = NULL;
  g_auto(EntStoreStmt) stmt = NULL;
  guint damaged = 0;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (query, -1, NULL))
    return g_steal_pointer (&hits);
  fts_query = quote_query (query);
  if (fts_query == NULL || limit == 0)
    return g_steal_pointer (&hits);

  stmt = ent_store_statement (store, sql, error);
  if (stmt == NULL)
    return NULL;
  ent_store_bind_text (stmt, 1, fts_query);
  sqlite3_bind_int64 (stmt, 2, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EntSentenceHit *hit = hit_from_row (stmt);

      if (hit != NULL)
        g_ptr_array_add (hits, hit);
      else
        damaged++;
    }

  if (rc != SQLITE_DONE)
    {
      ent_store_set_error (store, rc, error);
      return NULL;
    }

  ent_store_note_damage (store, ENT_STORE_DAMAGE_SENTENCE, damaged);
  return g_steal_pointer (&hits);
}
