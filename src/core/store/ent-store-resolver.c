/* ent-store-resolver.c — filling the resolver from the project file.
 *
 * The resolver (ent-resolver.c) knows every entity by its names, keys and
 * offices, so that a new document's entities are matched with those already
 * in the project. It is loaded on the first write, kept in line as rows
 * change, and loaded again when another connection wrote to the file.
 *
 * The file is outside data: a name or key without text, or of an entity id
 * Entente never writes (the resolver's ids are positive), is left out and
 * counted for the damage report rather than handed to the resolver, whose
 * guards would print a GLib critical per row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-store"

#include "config.h"

#include "ent-store-resolver.h"

/* FALSE for a row that cannot be used. */
static gboolean
add_name (EntStore      *store,
          gint64         id,
          EntEntityType  type,
          const char    *text,
          gboolean       is_key)
{
  if (id <= 0 || text == NULL)
    return FALSE;

  if (is_key)
    ent_resolver_add_key (store->resolver, id, type, text);
  else
    ent_resolver_add_name (store->resolver, id, type, text);
  return TRUE;
}

static gboolean
add_office (EntStore   *store,
            gint64      id,
            const char *role,
            const char *key)
{
  if (id <= 0 || role == NULL || key == NULL)
    return FALSE;

  ent_resolver_add_office (store->resolver, id, role, key);
  return TRUE;
}

/* Column @column of @stmt, read as valid UTF-8, as a name or key of @id. */
static gboolean
add_name_column (EntStore      *store,
                 gint64         id,
                 EntEntityType  type,
                 sqlite3_stmt  *stmt,
                 int            column,
                 gboolean       is_key)
{
  g_autofree char *text = ent_store_column_utf8 (stmt, column);

  return add_name (store, id, type, text, is_key);
}

/* Columns @column and @column + 1: the role, and the key of the entity the
 * office is held in. */
static gboolean
add_office_columns (EntStore     *store,
                    gint64        id,
                    sqlite3_stmt *stmt,
                    int           column)
{
  g_autofree char *role = ent_store_column_utf8 (stmt, column);
  g_autofree char *key = ent_store_column_utf8 (stmt, column + 1);

  return add_office (store, id, role, key);
}

/* One entity */

static gboolean
register_column (EntStore       *store,
                 const char     *sql,
                 gint64          id,
                 EntEntityType   type,
                 gboolean        is_key,
                 GError        **error)
{
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);
  guint damaged = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!add_name_column (store, id, type, stmt, 0, is_key))
      damaged++;
  if (rc != SQLITE_DONE)
    return ent_store_set_error (store, rc, error);

  ent_store_note_damage (store, ENT_STORE_DAMAGE_NAME, damaged);
  return TRUE;
}

static gboolean
register_names (EntStore  *store,
                gint64     id,
                GError   **error)
{
  static const char entity_sql[] = "SELECT type, name, role_only FROM entities WHERE id = ?";
  static const char aliases_sql[] = "SELECT alias FROM aliases WHERE entity = ? ORDER BY rowid";
  static const char keys_sql[] = "SELECT key FROM entity_keys WHERE entity = ?";
  g_auto(EntStoreStmt) entity = NULL;
  EntEntityType type;

  if (!ent_store_lookup_row (store, entity_sql, id, &entity, error))
    return FALSE;
  if (entity == NULL || sqlite3_column_int (entity, 2) ||
      !ent_entity_type_from_string (ent_store_column_text (entity, 0), &type))
    return TRUE;
  if (!add_name_column (store, id, type, entity, 1, FALSE))
    ent_store_note_damage (store, ENT_STORE_DAMAGE_ENTITY, 1);
  sqlite3_reset (entity);

  return register_column (store, aliases_sql, id, type, FALSE, error) &&
         register_column (store, keys_sql, id, type, TRUE, error);
}

static gboolean
register_offices (EntStore  *store,
                  gint64     id,
                  GError   **error)
{
  static const char sql[] =
    "SELECT r.role, e.key FROM relations r JOIN entities e ON e.id = r.target"
    " WHERE r.source = ? AND r.type = 'holds_office' AND r.role <> ''";
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);
  guint damaged = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!add_office_columns (store, id, stmt, 0))
      damaged++;
  if (rc != SQLITE_DONE)
    return ent_store_set_error (store, rc, error);

  ent_store_note_damage (store, ENT_STORE_DAMAGE_ENTITY, damaged);
  return TRUE;
}

gboolean
ent_store_register_entity (EntStore  *store,
                           gint64     id,
                           GError   **error)
{
  if (store->resolver == NULL)
    return TRUE;

  ent_resolver_remove (store->resolver, id);
  return register_names (store, id, error) &&
         register_offices (store, id, error);
}

gboolean
ent_store_register_office (EntStore    *store,
                           gint64       holder,
                           gint64       office_holder,
                           const char  *role,
                           GError     **error)
{
  static const char sql[] = "SELECT key FROM entities WHERE id = ?";
  g_auto(EntStoreStmt) row = NULL;
  g_autofree char *key = NULL;

  if (!ent_store_lookup_row (store, sql, office_holder, &row, error))
    return FALSE;
  if (row == NULL)
    return TRUE;

  key = ent_store_column_utf8 (row, 0);
  if (!add_office (store, holder, role, key))
    ent_store_note_damage (store, ENT_STORE_DAMAGE_ENTITY, 1);
  return TRUE;
}

/* The whole project */

static gboolean
load_names (EntStore  *store,
            GError   **error)
{
  /* Per entity: canonical name first (as the resolver asks), then aliases,
   * then the identity keys (which for agreements are not surface names).
   * Entities named only by an office are known to the resolver by that
   * office alone. */
  static const char sql[] =
    "SELECT id, type, 0, 0, name FROM entities WHERE NOT role_only"
    " UNION ALL"
    " SELECT a.entity, e.type, 1, a.rowid, a.alias FROM aliases a"
    "  JOIN entities e ON e.id = a.entity WHERE NOT e.role_only"
    " UNION ALL"
    " SELECT k.entity, e.type, 2, k.rowid, k.key FROM entity_keys k"
    "  JOIN entities e ON e.id = k.entity WHERE NOT e.role_only"
    " ORDER BY 1, 3, 4";
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);
  guint damaged_entities = 0, damaged_names = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int kind = sqlite3_column_int (stmt, 2);
      EntEntityType type;

      if (!ent_entity_type_from_string (ent_store_column_text (stmt, 1), &type))
        continue;
      if (add_name_column (store, sqlite3_column_int64 (stmt, 0), type, stmt, 4, kind == 2))
        continue;
      if (kind == 0)
        damaged_entities++;
      else
        damaged_names++;
    }
  if (rc != SQLITE_DONE)
    return ent_store_set_error (store, rc, error);

  ent_store_note_damage (store, ENT_STORE_DAMAGE_ENTITY, damaged_entities);
  ent_store_note_damage (store, ENT_STORE_DAMAGE_NAME, damaged_names);
  return TRUE;
}

static gboolean
load_offices (EntStore  *store,
              GError   **error)
{
  static const char sql[] =
    "SELECT r.source, r.role, e.key FROM relations r JOIN entities e ON e.id = r.target"
    " WHERE r.type = 'holds_office' AND r.role <> ''";
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);
  guint damaged = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!add_office_columns (store, sqlite3_column_int64 (stmt, 0), stmt, 1))
      damaged++;
  if (rc != SQLITE_DONE)
    return ent_store_set_error (store, rc, error);

  ent_store_note_damage (store, ENT_STORE_DAMAGE_ENTITY, damaged);
  return TRUE;
}

gboolean
ent_store_ensure_resolver (EntStore  *store,
                           GError   **error)
{
  gint64 version = 0;

  if (!ent_store_query_int64 (store, "PRAGMA data_version", &version, error))
    return FALSE;
  if (version != store->resolver_version)
    ent_store_forget_caches (store);
  store->resolver_version = version;

  if (store->resolver == NULL)
    {
      store->resolver = ent_resolver_new ();
      if (!load_names (store, error) || !load_offices (store, error))
        {
          ent_store_forget_caches (store);
          return FALSE;
        }
    }

  return TRUE;
}
