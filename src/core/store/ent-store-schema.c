/* ent-store-schema.c — the project schema and its forward migrations.
 *
 * Each migration takes a file from version N to N + 1; a file is migrated
 * step by step in one transaction, so an interrupted upgrade leaves it at its
 * old version. Never edit a released step: add a new one. (Adding IF NOT
 * EXISTS to them changed no file they write.)
 *
 * Several processes may open a new project at once (two `entente ingest`
 * started together): the version read before the write lock is only a hint.
 * It is read again inside the write transaction, which no other writer can
 * enter, and only what is still missing is done there.
 *
 * Types are stored as their stable identifiers ("person", "holds_office") so
 * that reordering the C enums never changes the meaning of a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ent-store-schema.h"

static const char schema_v1[] =
  "CREATE TABLE IF NOT EXISTS documents ("
  "  id      INTEGER PRIMARY KEY,"
  "  hash    TEXT NOT NULL UNIQUE,"
  "  path    TEXT,"
  "  title   TEXT NOT NULL,"
  "  date    TEXT,"
  "  source  TEXT,"
  "  format  TEXT NOT NULL,"
  "  text    TEXT NOT NULL,"
  "  n_chars INTEGER NOT NULL,"
  "  words   INTEGER NOT NULL,"
  "  added   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  "CREATE INDEX IF NOT EXISTS documents_path ON documents (path);"

  /* Offsets count characters of documents.text. */
  "CREATE TABLE IF NOT EXISTS sentences ("
  "  id       INTEGER PRIMARY KEY,"
  "  document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  start    INTEGER NOT NULL,"
  "  end      INTEGER NOT NULL,"
  "  text     TEXT NOT NULL"
  ");"
  "CREATE INDEX IF NOT EXISTS sentences_document ON sentences (document);"
  "CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5 ("
  "  text, content = 'sentences', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"

  /* type and name are what the user sees (corrections change them);
   * key_type and key are the identity extraction gave it, which never change. */
  "CREATE TABLE IF NOT EXISTS entities ("
  "  id       INTEGER PRIMARY KEY,"
  "  type     TEXT NOT NULL,"
  "  name     TEXT NOT NULL,"
  "  key_type TEXT NOT NULL,"
  "  key      TEXT NOT NULL,"
  "  hidden   INTEGER NOT NULL DEFAULT 0,"
  /* Named only by its office ("the Belarusian president"): its name is no
   * evidence for resolving others. */
  "  role_only INTEGER NOT NULL DEFAULT 0,"
  /* 0 when the name carries a title ("President Mr Lukashenko"): any plain
   * name of the same person is a better one. */
  "  name_clean INTEGER NOT NULL DEFAULT 1"
  ");"
  /* Every identity an entity answers to: its own, and those of the entities
   * merged into it. Corrections find their entities through this table. */
  "CREATE TABLE IF NOT EXISTS entity_keys ("
  "  entity INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,"
  "  type   TEXT NOT NULL,"
  "  key    TEXT NOT NULL,"
  "  UNIQUE (entity, type, key)"
  ");"
  "CREATE INDEX IF NOT EXISTS entity_keys_key ON entity_keys (key, type);"
  "CREATE TABLE IF NOT EXISTS aliases ("
  "  entity INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,"
  "  alias  TEXT NOT NULL,"
  "  UNIQUE (entity, alias)"
  ");"
  "CREATE TABLE IF NOT EXISTS entity_attributes ("
  "  entity INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,"
  "  name   TEXT NOT NULL,"
  "  value  TEXT NOT NULL,"
  "  PRIMARY KEY (entity, name)"
  ") WITHOUT ROWID;"
  /* Keyed by document first: a new document appends, where keying by entity
   * would rewrite a page per entity in every transaction. Nothing indexes
   * the entity: only rare operations (replacing a document, merging) look
   * mentions up by entity, with one scan. For the same reason entity is no
   * foreign key (a cascade would scan once per deleted entity): the store
   * deletes mentions of an entity itself. */
  "CREATE TABLE IF NOT EXISTS entity_mentions ("
  "  document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  entity   INTEGER NOT NULL,"
  "  count    INTEGER NOT NULL,"
  "  PRIMARY KEY (document, entity)"
  ") WITHOUT ROWID;"

  /* Symmetric relations are stored with source < target. Version 1 had no
   * index here and found relations through a map in memory; version 2 adds
   * relations_key. Only rare operations (merging, deleting an entity) search
   * by target, with a scan. */
  "CREATE TABLE IF NOT EXISTS relations ("
  "  id     INTEGER PRIMARY KEY,"
  "  type   TEXT NOT NULL,"
  "  source INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,"
  "  target INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,"
  "  role   TEXT NOT NULL DEFAULT ''"
  ");"
  /* A piece of evidence is a sentence: its document, offsets and text are
   * those of the sentence, stored once however many relations it states.
   * Keyed by sentence, so each document appends; relation is neither indexed
   * nor a foreign key, for the reasons given for entity_mentions. */
  "CREATE TABLE IF NOT EXISTS evidence ("
  "  sentence INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,"
  "  relation INTEGER NOT NULL,"
  "  PRIMARY KEY (sentence, relation)"
  ") WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS claims ("
  "  id        INTEGER PRIMARY KEY,"
  "  entity    INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,"
  "  sentence  INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,"
  "  attribute TEXT NOT NULL,"
  "  value     TEXT NOT NULL"
  ");"
  "CREATE INDEX IF NOT EXISTS claims_entity ON claims (entity);"
  "CREATE INDEX IF NOT EXISTS claims_sentence ON claims (sentence);"

  /* What the user corrected by hand, by stable identity (key_type, key), in
   * the order it was done. kind: merge (other_* is the entity merged away),
   * rename, retype, hide (value is the new name, type, or '1'). */
  "CREATE TABLE IF NOT EXISTS corrections ("
  "  id         INTEGER PRIMARY KEY,"
  "  kind       TEXT NOT NULL,"
  "  type       TEXT NOT NULL,"
  "  key        TEXT NOT NULL,"
  "  other_type TEXT,"
  "  other_key  TEXT,"
  "  value      TEXT"
  ");"
  "CREATE INDEX IF NOT EXISTS corrections_key ON corrections (key, type);"
  "CREATE INDEX IF NOT EXISTS corrections_other_key ON corrections (other_key, other_type);";

/* Relations are found by their key through an index rather than through a
 * map in memory that grew with the project (see ent-store-relations.c). */
static const char schema_v2[] =
  "CREATE INDEX IF NOT EXISTS relations_key ON relations (source, target, type, role);";

static const char * const migrations[ENT_STORE_SCHEMA_VERSION] = {
  schema_v1,  /* 0 -> 1 */
  schema_v2,  /* 1 -> 2 */
};

static gboolean
check_version (int        application_id,
               int        n_objects,
               int        version,
               gboolean  *is_new,
               GError   **error)
{
  *is_new = application_id == 0 && n_objects == 0;
  if (*is_new)
    return TRUE;

  if (application_id != ENT_STORE_APPLICATION_ID)
    {
      g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_A_PROJECT,
                           _("not an Entente project: a database of another application"));
      return FALSE;
    }
  if (version > ENT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_TOO_NEW,
                   _("the project was written by a newer version of Entente "
                     "(format %d; this version reads up to %d)"),
                   version, ENT_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  /* Every version Entente wrote is positive: the marker and the version are
   * set in the transaction that creates the tables. Anything else was made
   * by hand, and migrating from it would run steps on tables it may have. */
  if (version <= 0)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_A_PROJECT,
                   _("not an Entente project: unsupported format version %d"), version);
      return FALSE;
    }

  return TRUE;
}

gboolean
ent_store_inspect_schema (EntStore   *store,
                          gboolean   *is_new,
                          int        *version,
                          GError    **error)
{
  /* One statement, so one snapshot: read one by one outside a transaction,
   * the marker could come from before another process created the project
   * and the tables from after, which looks like another application's file. */
  static const char sql[] =
    "SELECT (SELECT application_id FROM pragma_application_id),"
    "       (SELECT count(*) FROM sqlite_master),"
    "       (SELECT user_version FROM pragma_user_version)";
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);
  gint64 n_objects;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ent_store_set_error (store, rc, error);

  /* Both pragmas are 32-bit integers in the file's header. */
  n_objects = sqlite3_column_int64 (stmt, 1);
  *version = sqlite3_column_int (stmt, 2);
  return check_version (sqlite3_column_int (stmt, 0), (int) MIN (n_objects, G_MAXINT),
                        *version, is_new, error);
}

gboolean
ent_store_ensure_schema (EntStore  *store,
                         GError   **error)
{
  g_autofree char *set_version = NULL;
  g_autofree char *set_application = NULL;
  gboolean is_new;
  int version;

  g_assert (!sqlite3_get_autocommit (store->db));

  /* Another process may have created or upgraded it since it was inspected. */
  if (!ent_store_inspect_schema (store, &is_new, &version, error))
    return FALSE;
  if (is_new)
    version = 0;
  if (version == ENT_STORE_SCHEMA_VERSION)
    return TRUE;

  for (int step = version; step < ENT_STORE_SCHEMA_VERSION; step++)
    if (!ent_store_exec (store, migrations[step], error))
      return FALSE;

  set_application = g_strdup_printf ("PRAGMA application_id = %d", ENT_STORE_APPLICATION_ID);
  set_version = g_strdup_printf ("PRAGMA user_version = %d", ENT_STORE_SCHEMA_VERSION);
  return ent_store_exec (store, set_application, error) &&
         ent_store_exec (store, set_version, error);
}
