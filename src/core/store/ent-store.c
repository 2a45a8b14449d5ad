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

#include "ent-store-corrections.h"
#include "ent-store-schema.h"
#include "ent-store-sql.h"

G_DEFINE_QUARK (ent-store-error-quark, ent_store_error)

char *
ent_store_default_path (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "entente", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_debug ("Cannot create %s: %s", dir, g_strerror (errno));

  return g_build_filename (dir, "default.entente", NULL);
}

/* Damage report */

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
quick_check (EntStore  *store,
             GError   **error)
{
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, "PRAGMA quick_check(1)", error);
  const char *verdict;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ent_store_set_error (store, rc, error);

  verdict = ent_store_column_text (stmt, 0);
  if (g_strcmp0 (verdict, "ok") == 0)
    return TRUE;

  g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT, _("damaged project: %s"), verdict);
  return FALSE;
}

static EntStore *
store_new (const char *path,
           gboolean    read_only)
{
  EntStore *store = g_new0 (EntStore, 1);

  store->path = g_strdup (path);
  store->read_only = read_only;
  store->statements = ent_store_statement_cache_new ();

  return store;
}

/* Reads what the file is, with a read-only connection that cannot change it. */
static gboolean
inspect_database (const char      *path,
                  FileInspection  *inspection,
                  GError         **error)
{
  g_autoptr(EntStore) probe = store_new (path, TRUE);
  int rc = sqlite3_open_v2 (path, &probe->db, SQLITE_OPEN_READONLY, NULL);

  if (rc != SQLITE_OK)
    return ent_store_set_error (probe, rc, error);
  sqlite3_busy_timeout (probe->db, ENT_STORE_BUSY_TIMEOUT_MS);

  if (!ent_store_inspect_schema (probe, &inspection->is_new, &inspection->version, error))
    return FALSE;

  return inspection->is_new || quick_check (probe, error);
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
 * (it is creating the project, or reads it in rollback mode): SQLite waits
 * for it up to the busy timeout, then answers SQLITE_BUSY or the mode it
 * stays in. A project left in rollback mode still works, and a later open
 * switches it, so that is no error; trying again would only multiply the
 * wait for a lock that the busy timeout already waited for. */
static gboolean
set_wal (EntStore  *store,
         gboolean  *is_wal,
         GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (store->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  *is_wal = rc == SQLITE_ROW && g_strcmp0 (ent_store_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && (rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
    return ent_store_set_error (store, rc, error);
  if (!*is_wal)
    g_debug ("%s: not switched to WAL: another process holds it", store->path);
  return TRUE;
}

static gboolean
configure_connection (EntStore  *store,
                      gboolean   is_new,
                      GError   **error)
{
  gboolean is_wal;

  sqlite3_extended_result_codes (store->db, 1);
  sqlite3_busy_timeout (store->db, ENT_STORE_BUSY_TIMEOUT_MS);

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
   * back after each. NORMAL is safe against power loss in WAL mode only: a
   * project left in rollback mode syncs fully. */
  if (!set_wal (store, &is_wal, error))
    return FALSE;

  return ent_store_exec (store, is_wal ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = FULL", error) &&
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
  g_auto(EntStoreStmt) row = NULL;
  char *text;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ent_store_lookup_row (store, sql, document_id, &row, error))
    return NULL;
  if (row == NULL)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND,
                   _("no document %" G_GINT64_FORMAT " in the project"), document_id);
      return NULL;
    }

  text = ent_store_column_utf8 (row, 0);
  if (text == NULL)
    g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT,
                 _("damaged project: document %" G_GINT64_FORMAT " has no text"), document_id);
  return text;
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
  gint64 value;

  if (!ent_store_query_int64 (store, sql, &value, error))
    return FALSE;

  *count = (guint) CLAMP (value, 0, (gint64) G_MAXUINT);
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
