/* ent-store-corrections.c — merge, rename, retype and hide, by hand.
 *
 * A correction is recorded by the stable identity of its entities (the type
 * and key extraction gave them, kept in entity_keys) rather than by row id,
 * and applied again after every document. So when a re-ingested file brings
 * an entity back as a new row, the correction finds it and applies to it too.
 * Applying is idempotent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ent-store-corrections.h"
#include "ent-store-resolver.h"

typedef struct {
  char *kind;
  char *type;
  char *key;
  char *other_type;
  char *other_key;
  char *value;
} Correction;

static void
correction_clear (gpointer data)
{
  Correction *correction = data;

  g_free (correction->kind);
  g_free (correction->type);
  g_free (correction->key);
  g_free (correction->other_type);
  g_free (correction->other_key);
  g_free (correction->value);
}

/* Merging */

typedef struct {
  gint64  id;
  char   *type;
  gint64  source;
  gint64  target;
  char   *role;
} RelationRow;

static void
relation_row_clear (gpointer data)
{
  RelationRow *row = data;

  g_free (row->type);
  g_free (row->role);
}

static GArray *
relations_of (EntStore  *store,
              gint64     entity,
              GError   **error)
{
  static const char sql[] =
    "SELECT id, type, source, target, role FROM relations WHERE source = ?1 OR target = ?1";
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (RelationRow));
  int rc;

  g_array_set_clear_func (rows, relation_row_clear);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entity);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RelationRow row;

      row.id = sqlite3_column_int64 (stmt, 0);
      row.type = ent_store_column_dup (stmt, 1);
      row.source = sqlite3_column_int64 (stmt, 2);
      row.target = sqlite3_column_int64 (stmt, 3);
      row.role = ent_store_column_dup (stmt, 4);
      g_array_append_val (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      ent_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static gboolean
find_twin (EntStore           *store,
           const RelationRow  *row,
           gint64             *twin,
           GError            **error)
{
  static const char sql[] =
    "SELECT id FROM relations WHERE type = ? AND source = ? AND target = ? AND role = ? AND id <> ?";
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);
  int rc;

  *twin = 0;
  if (stmt == NULL)
    return FALSE;
  ent_store_bind_text (stmt, 1, row->type);
  sqlite3_bind_int64 (stmt, 2, row->source);
  sqlite3_bind_int64 (stmt, 3, row->target);
  ent_store_bind_text (stmt, 4, row->role);
  sqlite3_bind_int64 (stmt, 5, row->id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *twin = sqlite3_column_int64 (stmt, 0);

  return rc == SQLITE_ROW || rc == SQLITE_DONE || ent_store_set_error (store, rc, error);
}

/* Points one relation of @merged at @keep: it disappears when it becomes a
 * self-loop, and joins its twin (evidence and all) when @keep already has
 * the same relation. */
static gboolean
move_relation (EntStore     *store,
               RelationRow  *row,
               gint64        keep,
               gint64        merged,
               GError      **error)
{
  /* Evidence is no foreign key (see the schema): it goes explicitly. */
  static const char delete_sql[] = "DELETE FROM relations WHERE id = ?";
  static const char delete_evidence_sql[] = "DELETE FROM evidence WHERE relation = ?";
  static const char evidence_sql[] =
    "INSERT OR IGNORE INTO evidence (sentence, relation)"
    " SELECT sentence, ?2 FROM evidence WHERE relation = ?1";
  static const char update_sql[] = "UPDATE relations SET source = ?, target = ? WHERE id = ?";
  EntRelationType type;
  g_auto(EntStoreStmt) update = NULL;
  gint64 twin;

  if (row->source == merged)
    row->source = keep;
  if (row->target == merged)
    row->target = keep;
  if (row->source == row->target)
    return ent_store_run_with_ids (store, delete_evidence_sql, row->id, 0, error) &&
           ent_store_run_with_ids (store, delete_sql, row->id, 0, error);

  if (ent_relation_type_from_string (row->type, &type) &&
      ent_relation_type_is_symmetric (type) && row->source > row->target)
    {
      gint64 swap = row->source;

      row->source = row->target;
      row->target = swap;
    }

  if (!find_twin (store, row, &twin, error))
    return FALSE;
  if (twin != 0)
    return ent_store_run_with_ids (store, evidence_sql, row->id, twin, error) &&
           ent_store_run_with_ids (store, delete_evidence_sql, row->id, 0, error) &&
           ent_store_run_with_ids (store, delete_sql, row->id, 0, error);

  update = ent_store_statement (store, update_sql, error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, row->source);
  sqlite3_bind_int64 (update, 2, row->target);
  sqlite3_bind_int64 (update, 3, row->id);
  return ent_store_step_done (store, update, error);
}

static gboolean
merge_now (EntStore  *store,
           gint64     keep,
           gint64     merged,
           GError   **error)
{
  static const char * const move_sql[] = {
    "INSERT OR IGNORE INTO aliases (entity, alias) SELECT ?1, alias FROM aliases WHERE entity = ?2",
    "INSERT OR IGNORE INTO aliases (entity, alias) SELECT ?1, name FROM entities"
    " WHERE id = ?2 AND name IS NOT NULL",
    "DELETE FROM aliases WHERE entity = ?1 AND alias = (SELECT name FROM entities WHERE id = ?1)",
    "INSERT OR IGNORE INTO entity_attributes (entity, name, value)"
    " SELECT ?1, name, value FROM entity_attributes WHERE entity = ?2",
    "INSERT INTO entity_mentions (entity, document, count)"
    " SELECT ?1, document, count FROM entity_mentions WHERE entity = ?2"
    " ON CONFLICT (document, entity) DO UPDATE SET count = count + excluded.count",
    "UPDATE claims SET entity = ?1 WHERE entity = ?2",
    "INSERT OR IGNORE INTO entity_keys (entity, type, key) SELECT ?1, type, key FROM entity_keys WHERE entity = ?2",
    /* Not a foreign key (see the schema). */
    "DELETE FROM entity_mentions WHERE entity = ?2",
  };
  static const char delete_sql[] = "DELETE FROM entities WHERE id = ?2";
  g_autoptr(GArray) relations = NULL;

  g_assert (keep != merged);

  for (guint i = 0; i < G_N_ELEMENTS (move_sql); i++)
    if (!ent_store_run_with_ids (store, move_sql[i], keep, merged, error))
      return FALSE;

  relations = relations_of (store, merged, error);
  if (relations == NULL)
    return FALSE;
  for (guint i = 0; i < relations->len; i++)
    if (!move_relation (store, &g_array_index (relations, RelationRow, i), keep, merged, error))
      return FALSE;

  if (!ent_store_run_with_ids (store, delete_sql, keep, merged, error))
    return FALSE;

  if (store->resolver != NULL)
    ent_resolver_remove (store->resolver, merged);
  return ent_store_register_entity (store, keep, error);
}

/* Applying */

/* Every entity that answers to (type, key), lowest id first. */
static GArray *
entities_answering (EntStore    *store,
                    const char  *type,
                    const char  *key,
                    GError     **error)
{
  static const char sql[] =
    "SELECT DISTINCT entity FROM entity_keys WHERE key = ? AND type = ? ORDER BY entity";
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (stmt == NULL)
    return NULL;
  ent_store_bind_text (stmt, 1, key);
  ent_store_bind_text (stmt, 2, type);

  if (!ent_store_collect_ids (store, stmt, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/* The one entity a correction is about, 0 when none is in the project. Two
 * rows answering to one corrected identity happen when a re-ingested document
 * brought it back as a new entity: they are one thing to the user. */
static gboolean
correction_target (EntStore    *store,
                   const char  *type,
                   const char  *key,
                   gint64      *target,
                   GError     **error)
{
  g_autoptr(GArray) ids = entities_answering (store, type, key, error);

  *target = 0;
  if (ids == NULL)
    return FALSE;
  if (ids->len == 0)
    return TRUE;

  *target = g_array_index (ids, gint64, 0);
  for (guint i = 1; i < ids->len; i++)
    if (!merge_now (store, *target, g_array_index (ids, gint64, i), error))
      return FALSE;

  return TRUE;
}

static gboolean
apply_merge (EntStore          *store,
             gint64             keep,
             const Correction  *correction,
             GError           **error)
{
  g_autoptr(GArray) ids = NULL;

  if (correction->other_type == NULL || correction->other_key == NULL)
    return TRUE;

  ids = entities_answering (store, correction->other_type, correction->other_key, error);
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 merged = g_array_index (ids, gint64, i);

      if (merged != keep && !merge_now (store, keep, merged, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
apply_rename (EntStore    *store,
              gint64       id,
              const char  *name,
              GError     **error)
{
  static const char * const rename_sql[] = {
    /* The old name stays known as an alias. IS NOT rather than <>: a name
     * left NULL by hand is replaced too. */
    "INSERT OR IGNORE INTO aliases (entity, alias)"
    " SELECT id, name FROM entities WHERE id = ?1 AND name <> ?2",
    "UPDATE entities SET name = ?2 WHERE id = ?1 AND name IS NOT ?2",
    "DELETE FROM aliases WHERE entity = ?1 AND alias = ?2",
  };

  if (name == NULL || name[0] == '\0')
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (rename_sql); i++)
    {
      g_auto(EntStoreStmt) stmt = ent_store_statement (store, rename_sql[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      ent_store_bind_text (stmt, 2, name);
      if (!ent_store_step_done (store, stmt, error))
        return FALSE;
      if (i == 1 && sqlite3_changes (store->db) == 0)
        return TRUE;
    }

  return ent_store_register_entity (store, id, error);
}

static gboolean
apply_value (EntStore    *store,
             const char  *sql,
             gint64       id,
             const char  *value,
             gboolean     reregister,
             GError     **error)
{
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ent_store_bind_text (stmt, 2, value);
  if (!ent_store_step_done (store, stmt, error))
    return FALSE;

  if (reregister && sqlite3_changes (store->db) > 0)
    return ent_store_register_entity (store, id, error);
  return TRUE;
}

static gboolean
apply_correction (EntStore          *store,
                  const Correction  *correction,
                  GError           **error)
{
  static const char retype_sql[] = "UPDATE entities SET type = ?2 WHERE id = ?1 AND type IS NOT ?2";
  static const char hide_sql[] = "UPDATE entities SET hidden = ?2 WHERE id = ?1 AND hidden IS NOT ?2";
  EntEntityType type;
  gint64 id;

  if (!correction_target (store, correction->type, correction->key, &id, error))
    return FALSE;
  if (id == 0)
    return TRUE;

  if (g_str_equal (correction->kind, "merge"))
    return apply_merge (store, id, correction, error);
  if (g_str_equal (correction->kind, "rename"))
    return apply_rename (store, id, correction->value, error);
  if (g_str_equal (correction->kind, "retype") &&
      ent_entity_type_from_string (correction->value, &type))
    return apply_value (store, retype_sql, id, correction->value, TRUE, error);
  if (g_str_equal (correction->kind, "hide"))
    return apply_value (store, hide_sql, id, "1", FALSE, error);

  return TRUE;
}

static GArray *
load_corrections (EntStore  *store,
                  GError   **error)
{
  static const char sql[] =
    "SELECT kind, type, key, other_type, other_key, value FROM corrections ORDER BY id";
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);
  g_autoptr(GArray) corrections = g_array_new (FALSE, TRUE, sizeof (Correction));
  guint damaged = 0;
  int rc;

  g_array_set_clear_func (corrections, correction_clear);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Correction correction;

      correction.kind = ent_store_column_dup (stmt, 0);
      correction.type = ent_store_column_dup (stmt, 1);
      correction.key = ent_store_column_dup (stmt, 2);
      correction.other_type = ent_store_column_dup (stmt, 3);
      correction.other_key = ent_store_column_dup (stmt, 4);
      correction.value = ent_store_column_dup (stmt, 5);

      /* The schema says NOT NULL, but a file edited by hand may say
       * otherwise: a correction without what it is and what it is about
       * cannot be applied, and must not stop every writable open. */
      if (correction.kind == NULL || correction.type == NULL || correction.key == NULL)
        {
          correction_clear (&correction);
          damaged++;
          continue;
        }
      g_array_append_val (corrections, correction);
    }

  if (rc != SQLITE_DONE)
    {
      ent_store_set_error (store, rc, error);
      return NULL;
    }
  ent_store_note_damage (store, ENT_STORE_DAMAGE_CORRECTION, damaged);
  return g_steal_pointer (&corrections);
}

gboolean
ent_store_apply_corrections (EntStore  *store,
                             GError   **error)
{
  g_autoptr(GArray) corrections = load_corrections (store, error);

  if (corrections == NULL)
    return FALSE;

  for (guint i = 0; i < corrections->len; i++)
    if (!apply_correction (store, &g_array_index (corrections, Correction, i), error))
      return FALSE;

  return TRUE;
}

/* Recording */

typedef struct {
  char *type;
  char *key;
} Identity;

static void
identity_clear (Identity *identity)
{
  g_clear_pointer (&identity->type, g_free);
  g_clear_pointer (&identity->key, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Identity, identity_clear)

static gboolean
lookup_identity (EntStore  *store,
                 gint64     id,
                 Identity  *identity,
                 GError   **error)
{
  static const char sql[] = "SELECT key_type, key FROM entities WHERE id = ?";
  g_auto(EntStoreStmt) row = NULL;

  if (!ent_store_lookup_row (store, sql, id, &row, error))
    return FALSE;
  if (row == NULL)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND,
                   _("no entity %" G_GINT64_FORMAT " in the project"), id);
      return FALSE;
    }

  identity->type = ent_store_column_dup (row, 0);
  identity->key = ent_store_column_dup (row, 1);
  return TRUE;
}

/* Replaces the earlier correction of the same kind on the same entity: the
 * last rename is the one that counts. */
static gboolean
forget_correction (EntStore        *store,
                   const char      *kind,
                   const Identity  *identity,
                   GError         **error)
{
  static const char sql[] = "DELETE FROM corrections WHERE kind = ? AND type = ? AND key = ?";
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  ent_store_bind_text (stmt, 1, kind);
  ent_store_bind_text (stmt, 2, identity->type);
  ent_store_bind_text (stmt, 3, identity->key);

  return ent_store_step_done (store, stmt, error);
}

static gboolean
record_correction (EntStore        *store,
                   const char      *kind,
                   const Identity  *identity,
                   const Identity  *other,
                   const char      *value,
                   GError         **error)
{
  static const char sql[] =
    "INSERT INTO corrections (kind, type, key, other_type, other_key, value)"
    " VALUES (?, ?, ?, ?, ?, ?)";
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  ent_store_bind_text (stmt, 1, kind);
  ent_store_bind_text (stmt, 2, identity->type);
  ent_store_bind_text (stmt, 3, identity->key);
  ent_store_bind_text (stmt, 4, other != NULL ? other->type : NULL);
  ent_store_bind_text (stmt, 5, other != NULL ? other->key : NULL);
  ent_store_bind_text (stmt, 6, value);

  return ent_store_step_done (store, stmt, error);
}

typedef gboolean (*CorrectionFunc) (EntStore   *store,
                                    gint64      id,
                                    gpointer    data,
                                    GError    **error);

typedef struct {
  CorrectionFunc  func;
  gint64          id;
  gpointer        data;
} CorrectionRun;

static gboolean
correction_write_func (EntStore  *store,
                       gpointer   data,
                       GError   **error)
{
  CorrectionRun *run = data;

  return ent_store_ensure_resolver (store, error) &&
         run->func (store, run->id, run->data, error) &&
         ent_store_apply_corrections (store, error);
}

/* Runs @func in a write transaction with the resolver loaded. */
static gboolean
in_transaction (EntStore        *store,
                CorrectionFunc   func,
                gint64           id,
                gpointer         data,
                GError         **error)
{
  CorrectionRun run = { func, id, data };

  return ent_store_write (store, correction_write_func, &run, error);
}

static gboolean
merge_func (EntStore  *store,
            gint64     keep,
            gpointer   data,
            GError   **error)
{
  gint64 merged = *(gint64 *) data;
  g_auto(Identity) keep_identity = { 0 };
  g_auto(Identity) merged_identity = { 0 };

  return lookup_identity (store, keep, &keep_identity, error) &&
         lookup_identity (store, merged, &merged_identity, error) &&
         record_correction (store, "merge", &keep_identity, &merged_identity, NULL, error);
}

gboolean
ent_store_merge_entities (EntStore  *store,
                          gint64     keep_id,
                          gint64     merged_id,
                          GError   **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (keep_id == merged_id)
    return TRUE;

  return in_transaction (store, merge_func, keep_id, &merged_id, error);
}

typedef struct {
  const char *kind;
  const char *value;  /* NULL: only forget the earlier correction */
} SetCorrection;

static gboolean
set_func (EntStore  *store,
          gint64     id,
          gpointer   data,
          GError   **error)
{
  SetCorrection *set = data;
  g_auto(Identity) identity = { 0 };

  if (!lookup_identity (store, id, &identity, error) ||
      !forget_correction (store, set->kind, &identity, error))
    return FALSE;

  if (set->value == NULL)
    return TRUE;
  return record_correction (store, set->kind, &identity, NULL, set->value, error);
}

gboolean
ent_store_rename_entity (EntStore    *store,
                         gint64       id,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *stripped = NULL;
  SetCorrection set = { "rename", NULL };

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));
  if (stripped[0] == '\0' || !g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_FAILED,
                           _("a name cannot be empty"));
      return FALSE;
    }

  set.value = stripped;
  return in_transaction (store, set_func, id, &set, error);
}

gboolean
ent_store_retype_entity (EntStore       *store,
                         gint64          id,
                         EntEntityType   type,
                         GError        **error)
{
  SetCorrection set = { "retype", NULL };

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (type < ENT_N_ENTITY_TYPES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  set.value = ent_entity_type_to_string (type);
  return in_transaction (store, set_func, id, &set, error);
}

static gboolean
unhide_func (EntStore  *store,
             gint64     id,
             gpointer   data,
             GError   **error)
{
  static const char sql[] = "UPDATE entities SET hidden = ?2 WHERE id = ?1";

  return set_func (store, id, data, error) &&
         apply_value (store, sql, id, "0", FALSE, error);
}

gboolean
ent_store_set_entity_hidden (EntStore  *store,
                             gint64     id,
                             gboolean   hidden,
                             GError   **error)
{
  SetCorrection set = { "hide", hidden ? "1" : NULL };

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return in_transaction (store, hidden ? set_func : unhide_func, id, &set, error);
}
