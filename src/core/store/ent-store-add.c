/* ent-store-add.c — adding one document and its extraction to a project.
 *
 * Everything of one document is written in one transaction: its row, its
 * sentences (and their full-text index), its entities resolved against the
 * project, its relations merged with those already known, its claims, the
 * removal of what a previous version of the same file said, and the user's
 * corrections applied once more. On any error the transaction is rolled back
 * and the resolver is reloaded, so nothing of the document remains.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ent-store-corrections.h"
#include "ent-store-relations.h"
#include "ent-store-resolver.h"

typedef struct {
  EntStore            *store;
  const EntDocument   *document;
  const EntExtraction *extraction;
  gint64               document_id;
  /* Per extraction sentence: its row id, or 0 when the extractor's byte
   * span was unusable. */
  gint64              *sentence_ids;
  gint64              *entity_ids;
  /* What the replaced version touched: checked for orphans at the end. */
  GArray              *old_entities;
  GArray              *old_relations;
} AddContext;

static void
add_context_clear (AddContext *context)
{
  g_clear_pointer (&context->sentence_ids, g_free);
  g_clear_pointer (&context->entity_ids, g_free);
  g_clear_pointer (&context->old_entities, g_array_unref);
  g_clear_pointer (&context->old_relations, g_array_unref);
}

guint
ent_store_count_words (const char *text,
                       gsize       length)
{
  gboolean in_word = FALSE;
  guint words = 0;

  g_return_val_if_fail (text != NULL || length == 0, 0);

  /* Bytes above 0x20 are word characters: multi-byte UTF-8 letters included,
   * and fast enough to run over every document. */
  for (gsize i = 0; i < length; i++)
    {
      gboolean word_byte = (guchar) text[i] > 0x20;

      if (word_byte && !in_word)
        words++;
      in_word = word_byte;
    }

  return words;
}

/* The previous version of a file */

static gboolean
find_document (EntStore    *store,
               const char  *sql,
               const char  *value,
               gint64      *id,
               GError     **error)
{
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);
  int rc;

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  ent_store_bind_text (stmt, 1, value);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);

  return rc == SQLITE_ROW || rc == SQLITE_DONE || ent_store_set_error (store, rc, error);
}

static gboolean
collect_ids (EntStore    *store,
             const char  *sql,
             gint64       document_id,
             GArray      *ids,
             GError     **error)
{
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);

  return ent_store_collect_ids (store, stmt, ids, error);
}

/* Removes the old version's row; its sentences, evidence, mentions and claims
 * go with it (ON DELETE CASCADE). The full-text index is external content and
 * must be told what leaves. */
static gboolean
remove_old_version (AddContext  *context,
                    gint64       old_id,
                    GError     **error)
{
  static const char entities_sql[] = "SELECT entity FROM entity_mentions WHERE document = ?";
  static const char relations_sql[] =
    "SELECT DISTINCT e.relation FROM sentences s JOIN evidence e ON e.sentence = s.id"
    " WHERE s.document = ?";
  static const char fts_sql[] =
    "INSERT INTO sentences_fts (sentences_fts, rowid, text)"
    " SELECT 'delete', id, text FROM sentences WHERE document = ?";
  static const char delete_sql[] = "DELETE FROM documents WHERE id = ?";

  context->old_entities = g_array_new (FALSE, FALSE, sizeof (gint64));
  context->old_relations = g_array_new (FALSE, FALSE, sizeof (gint64));

  return collect_ids (context->store, entities_sql, old_id, context->old_entities, error) &&
         collect_ids (context->store, relations_sql, old_id, context->old_relations, error) &&
         ent_store_run_with_ids (context->store, fts_sql, old_id, 0, error) &&
         ent_store_run_with_ids (context->store, delete_sql, old_id, 0, error);
}

/* Those of @candidates that @sql (taking them as a JSON array) still finds:
 * one scan of a table that has no index to look them up one by one. */
static GHashTable *
still_used (EntStore    *store,
            const char  *sql,
            GArray      *candidates,
            GError     **error)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GString) json = g_string_new ("[");
  g_auto(EntStoreStmt) stmt = NULL;
  int rc;

  for (guint i = 0; i < candidates->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (candidates, gint64, i));
  g_string_append_c (json, ']');

  stmt = ent_store_statement (store, sql, error);
  if (stmt == NULL)
    return NULL;
  ent_store_bind_text (stmt, 1, json->str);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (used, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));

  if (rc != SQLITE_DONE)
    {
      ent_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&used);
}

static gboolean
remove_orphan_relation (EntStore  *store,
                        gint64     id,
                        GError   **error)
{
  static const char find_sql[] = "SELECT type = 'holds_office', source FROM relations WHERE id = ?";
  static const char delete_sql[] = "DELETE FROM relations WHERE id = ?";
  g_auto(EntStoreStmt) row = NULL;
  gboolean is_office;
  gint64 source;

  if (!ent_store_lookup_row (store, find_sql, id, &row, error))
    return FALSE;
  if (row == NULL)
    return TRUE;
  is_office = sqlite3_column_int (row, 0) != 0;
  source = sqlite3_column_int64 (row, 1);

  if (!ent_store_run_with_ids (store, delete_sql, id, 0, error))
    return FALSE;

  /* The resolver must forget the office it no longer has evidence for. */
  if (is_office)
    return ent_store_register_entity (store, source, error);
  return TRUE;
}

/* The integer @sql (SELECT EXISTS ...) gives with ?1 = @id, as a boolean. */
static gboolean
query_bool (EntStore    *store,
            const char  *sql,
            gint64       id,
            gboolean    *value,
            GError     **error)
{
  g_auto(EntStoreStmt) row = NULL;

  if (!ent_store_lookup_row (store, sql, id, &row, error))
    return FALSE;

  *value = row != NULL && sqlite3_column_int (row, 0) != 0;
  return TRUE;
}

/* Deletes an entity no document mentions any more, with everything about it. */
static gboolean
delete_entity (EntStore  *store,
               gint64     id,
               GError   **error)
{
  static const char has_relations_sql[] =
    "SELECT EXISTS (SELECT 1 FROM relations WHERE source = ?1 OR target = ?1)";
  static const char evidence_sql[] =
    "DELETE FROM evidence WHERE relation IN (SELECT id FROM relations WHERE source = ?1 OR target = ?1)";
  static const char mentions_sql[] = "DELETE FROM entity_mentions WHERE entity = ?";
  static const char delete_sql[] = "DELETE FROM entities WHERE id = ?";
  gboolean has_relations;

  /* Evidence and mentions are not foreign keys (see the schema): the
   * scans happen only here, and only when there is something to find. */
  if (!query_bool (store, has_relations_sql, id, &has_relations, error) ||
      (has_relations && !ent_store_run_with_ids (store, evidence_sql, id, 0, error)) ||
      !ent_store_run_with_ids (store, mentions_sql, id, 0, error) ||
      !ent_store_run_with_ids (store, delete_sql, id, 0, error))
    return FALSE;

  if (store->resolver != NULL)
    ent_resolver_remove (store->resolver, id);
  return TRUE;
}

static gboolean
remove_orphan_entity (EntStore  *store,
                      gint64     id,
                      GError   **error)
{
  /* An entity a correction names stays, so that the correction finds it
   * when a new version of the document mentions it again. */
  static const char corrected_sql[] =
    "SELECT EXISTS (SELECT 1 FROM entity_keys k JOIN corrections c"
    "               ON (c.key = k.key AND c.type = k.type)"
    "               OR (c.other_key = k.key AND c.other_type = k.type)"
    "               WHERE k.entity = ?1)";
  gboolean corrected;

  if (!query_bool (store, corrected_sql, id, &corrected, error))
    return FALSE;

  return corrected || delete_entity (store, id, error);
}

typedef gboolean (*RemoveFunc) (EntStore  *store,
                                gint64     id,
                                GError   **error);

static gboolean
remove_unused (EntStore    *store,
               GArray      *candidates,
               const char  *used_sql,
               RemoveFunc   remove,
               GError     **error)
{
  g_autoptr(GHashTable) used = NULL;

  if (candidates->len == 0)
    return TRUE;

  used = still_used (store, used_sql, candidates, error);
  if (used == NULL)
    return FALSE;

  for (guint i = 0; i < candidates->len; i++)
    {
      gint64 id = g_array_index (candidates, gint64, i);

      if (!g_hash_table_contains (used, &id) && !remove (store, id, error))
        return FALSE;
    }

  return TRUE;
}

/* After a replacement: relations left without evidence, then entities left
 * without mentions. */
static gboolean
remove_orphans (AddContext  *context,
                GError     **error)
{
  static const char relations_sql[] =
    "SELECT DISTINCT relation FROM evidence WHERE relation IN (SELECT value FROM json_each (?))";
  static const char entities_sql[] =
    "SELECT DISTINCT entity FROM entity_mentions WHERE entity IN (SELECT value FROM json_each (?))";

  if (context->old_relations == NULL)
    return TRUE;

  return remove_unused (context->store, context->old_relations, relations_sql,
                        remove_orphan_relation, error) &&
         remove_unused (context->store, context->old_entities, entities_sql,
                        remove_orphan_entity, error);
}

/* The document and its sentences */

static const char *
format_to_string (EntDocumentFormat format)
{
  switch (format)
    {
    case ENT_DOCUMENT_FORMAT_MARKDOWN:
      return "markdown";
    case ENT_DOCUMENT_FORMAT_HTML:
      return "html";
    case ENT_DOCUMENT_FORMAT_PDF:
      return "pdf";
    case ENT_DOCUMENT_FORMAT_TEXT:
    default:
      return "text";
    }
}

static gboolean
insert_document (AddContext  *context,
                 GError     **error)
{
  static const char sql[] =
    "INSERT INTO documents (hash, path, title, date, source, format, text, n_chars, words)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  const EntDocument *document = context->document;
  g_auto(EntStoreStmt) stmt = ent_store_statement (context->store, sql, error);

  if (stmt == NULL)
    return FALSE;

  ent_store_bind_text (stmt, 1, document->hash);
  ent_store_bind_text (stmt, 2, document->path);
  ent_store_bind_text (stmt, 3, document->title != NULL ? document->title : "");
  ent_store_bind_text (stmt, 4, document->date);
  ent_store_bind_text (stmt, 5, document->source);
  ent_store_bind_text (stmt, 6, format_to_string (document->format));
  sqlite3_bind_text (stmt, 7, document->text, document->length, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, document->n_chars);
  sqlite3_bind_int64 (stmt, 9, ent_store_count_words (document->text, document->length));

  if (!ent_store_step_done (context->store, stmt, error))
    return FALSE;

  context->document_id = sqlite3_last_insert_rowid (context->store->db);
  return TRUE;
}

static gboolean
is_char_boundary (const EntDocument *document,
                  gsize              offset)
{
  return offset == document->length ||
         (offset < document->length && ((guchar) document->text[offset] & 0xC0) != 0x80);
}

static gboolean
span_is_valid (const EntDocument *document,
               const EntSpan     *span)
{
  return span->start < span->end && span->end <= document->length &&
         is_char_boundary (document, span->start) &&
         is_char_boundary (document, span->end);
}

static gboolean
insert_sentence (AddContext     *context,
                 const EntSpan  *bytes,
                 const EntSpan  *chars,
                 gint64         *id,
                 GError        **error)
{
  static const char sql[] =
    "INSERT INTO sentences (document, start, end, text) VALUES (?, ?, ?, ?)";
  g_auto(EntStoreStmt) stmt = ent_store_statement (context->store, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, context->document_id);
  sqlite3_bind_int64 (stmt, 2, chars->start);
  sqlite3_bind_int64 (stmt, 3, chars->end);
  sqlite3_bind_text (stmt, 4, context->document->text + bytes->start,
                     bytes->end - bytes->start, SQLITE_STATIC);

  if (!ent_store_step_done (context->store, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (context->store->db);
  return TRUE;
}

static gboolean
insert_sentences (AddContext  *context,
                  GError     **error)
{
  /* One statement indexes the whole document: faster than a trigger per row. */
  static const char fts_sql[] =
    "INSERT INTO sentences_fts (rowid, text)"
    " SELECT id, text FROM sentences WHERE document = ?";
  const EntDocument *document = context->document;
  GArray *sentences = context->extraction->sentences;
  g_autoptr(EntCharIndex) index = ent_char_index_new (document->text, document->length);

  context->sentence_ids = g_new0 (gint64, MAX (sentences->len, 1));

  for (guint i = 0; i < sentences->len; i++)
    {
      const EntSpan *bytes = &g_array_index (sentences, EntSpan, i);
      EntSpan chars;

      if (!span_is_valid (document, bytes))
        continue;
      chars.start = ent_char_index_lookup (index, bytes->start);
      chars.end = ent_char_index_lookup (index, bytes->end);
      if (!insert_sentence (context, bytes, &chars, &context->sentence_ids[i], error))
        return FALSE;
    }

  return ent_store_run_with_ids (context->store, fts_sql, context->document_id, 0, error);
}

/* The row of an extraction sentence, 0 when it pointed at nothing usable. */
static gint64
lookup_sentence (AddContext *context,
                 guint       sentence)
{
  if (sentence >= context->extraction->sentences->len)
    return 0;
  return context->sentence_ids[sentence];
}

/* Entities */

/* TRUE when the name is the person's name alone: its key is the resolution
 * key, which the extractor gives without titles. */
static gboolean
is_clean_name (const EntExtractedEntity *entity)
{
  g_autofree char *key = NULL;

  if (entity->key == NULL || entity->role_only)
    return FALSE;
  key = ent_name_key (entity->name);
  return g_str_equal (key, entity->key);
}


static gboolean
insert_entity (AddContext                *context,
               const EntExtractedEntity  *entity,
               gint64                    *id,
               GError                   **error)
{
  static const char entity_sql[] =
    "INSERT INTO entities (type, name, key_type, key, role_only, name_clean)"
    " VALUES (?1, ?2, ?1, ?3, ?4, ?5)";
  static const char key_sql[] =
    "INSERT INTO entity_keys (entity, type, key) VALUES (?, ?, ?)";
  EntStore *store = context->store;
  const char *type = ent_entity_type_to_string (entity->type);
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, entity_sql, error);
  g_auto(EntStoreStmt) key = NULL;

  if (stmt == NULL)
    return FALSE;
  ent_store_bind_text (stmt, 1, type);
  ent_store_bind_text (stmt, 2, entity->name);
  ent_store_bind_text (stmt, 3, entity->key != NULL ? entity->key : "");
  sqlite3_bind_int (stmt, 4, entity->role_only ? 1 : 0);
  sqlite3_bind_int (stmt, 5, is_clean_name (entity) ? 1 : 0);
  if (!ent_store_step_done (store, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (store->db);

  key = ent_store_statement (store, key_sql, error);
  if (key == NULL)
    return FALSE;
  sqlite3_bind_int64 (key, 1, *id);
  ent_store_bind_text (key, 2, type);
  ent_store_bind_text (key, 3, entity->key != NULL ? entity->key : "");
  return ent_store_step_done (store, key, error);
}

/* Adds @alias unless the entity has it; *added says whether it was new. */
static gboolean
add_alias (EntStore    *store,
           gint64       id,
           const char  *alias,
           gboolean    *added,
           GError     **error)
{
  static const char sql[] =
    "INSERT OR IGNORE INTO aliases (entity, alias)"
    " SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM entities WHERE id = ?1 AND name = ?2)";
  g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ent_store_bind_text (stmt, 2, alias);
  if (!ent_store_step_done (store, stmt, error))
    return FALSE;

  if (sqlite3_changes (store->db) > 0)
    *added = TRUE;
  return TRUE;
}

static gboolean
add_attributes (EntStore                  *store,
                gint64                     id,
                const EntExtractedEntity  *entity,
                GError                   **error)
{
  /* The first value seen stays: a later document does not overwrite it. */
  static const char sql[] =
    "INSERT OR IGNORE INTO entity_attributes (entity, name, value) VALUES (?, ?, ?)";
  GHashTableIter iter;
  gpointer name, value;

  if (entity->attributes == NULL || g_hash_table_size (entity->attributes) == 0)
    return TRUE;

  g_hash_table_iter_init (&iter, entity->attributes);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      g_auto(EntStoreStmt) stmt = ent_store_statement (store, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      ent_store_bind_text (stmt, 2, name);
      ent_store_bind_text (stmt, 3, value);
      if (!ent_store_step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_mentions (AddContext  *context,
              gint64       id,
              guint        count,
              GError     **error)
{
  static const char sql[] =
    "INSERT INTO entity_mentions (entity, document, count) VALUES (?, ?, ?)"
    " ON CONFLICT (document, entity) DO UPDATE SET count = count + excluded.count";
  g_auto(EntStoreStmt) stmt = ent_store_statement (context->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, context->document_id);
  sqlite3_bind_int64 (stmt, 3, MAX (count, 1));

  return ent_store_step_done (context->store, stmt, error);
}

/* A person first known by surname, or by a name with a title, is called by
 * the fullest plain name a document gives; the old name stays an alias. */
static guint
count_words (const char *name)
{
  guint n = 1;

  for (const char *p = name; *p != '\0'; p++)
    n += *p == ' ';
  return n;
}

/* Of two names of one entity, the one to show: for a person the name alone
 * before one with a title, then the fuller name ("Joseph Biden" over "Joe
 * Biden", "Alexander Lukashenko" over "Lukashenko"), and between two
 * spellings of one length the one with diacritics ("Erdoğan"). A total
 * order, so that the name an entity ends with does not depend on the order
 * in which documents were ingested. */
static gboolean
is_better_name (const EntExtractedEntity *entity,
                const char               *old_name,
                gboolean                  old_clean)
{
  gboolean new_clean = entity->type != ENT_ENTITY_PERSON || is_clean_name (entity);
  guint new_words, old_words;
  glong new_length, old_length;

  if (entity->type != ENT_ENTITY_PERSON)
    old_clean = TRUE;
  if (new_clean != old_clean)
    return new_clean;
  new_words = count_words (entity->name);
  old_words = count_words (old_name);
  if (new_words != old_words)
    return new_words > old_words;
  new_length = g_utf8_strlen (entity->name, -1);
  old_length = g_utf8_strlen (old_name, -1);
  if (new_length != old_length)
    return new_length > old_length;
  return strcmp (entity->name, old_name) > 0;
}

static gboolean
maybe_promote_name (EntStore                  *store,
                    gint64                     id,
                    const EntExtractedEntity  *entity,
                    gboolean                  *promoted,
                    GError                   **error)
{
  static const char find_sql[] = "SELECT name, name_clean FROM entities WHERE id = ?";
  static const char update_sql[] = "UPDATE entities SET name = ?2, name_clean = 1 WHERE id = ?1";
  static const char drop_alias_sql[] = "DELETE FROM aliases WHERE entity = ?1 AND alias = ?2";
  const char *statements[] = { update_sql, drop_alias_sql };
  g_auto(EntStoreStmt) find = NULL;
  g_autofree char *old_name = NULL;
  gboolean old_clean;

  if (!ent_store_lookup_row (store, find_sql, id, &find, error))
    return FALSE;
  if (find == NULL)
    return TRUE;
  old_name = ent_store_column_utf8 (find, 0);
  old_clean = sqlite3_column_int (find, 1);
  sqlite3_reset (find);

  /* A row left without a name (a file edited by hand) takes this one. */
  if (old_name != NULL &&
      (g_str_equal (old_name, entity->name) || !is_better_name (entity, old_name, old_clean)))
    return TRUE;

  *promoted = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_auto(EntStoreStmt) stmt = ent_store_statement (store, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      ent_store_bind_text (stmt, 2, entity->name);
      if (!ent_store_step_done (store, stmt, error))
        return FALSE;
    }

  return old_name == NULL || add_alias (store, id, old_name, promoted, error);
}

/* Writes the names and attributes of @entity to project entity @id (new or
 * existing) and tells the resolver when it learnt something. */
static gboolean
add_names (AddContext                *context,
           gint64                     id,
           const EntExtractedEntity  *entity,
           gboolean                   is_new,
           GError                   **error)
{
  EntStore *store = context->store;
  gboolean changed = is_new;

  /* An office description ("the Belarusian president") is not a name of the
   * person it turned out to be. */
  if (!entity->role_only)
    {
      if (!is_new &&
          (!maybe_promote_name (store, id, entity, &changed, error) ||
           !add_alias (store, id, entity->name, &changed, error)))
        return FALSE;

      for (guint i = 0; i < entity->aliases->len; i++)
        if (!add_alias (store, id, g_ptr_array_index (entity->aliases, i), &changed, error))
          return FALSE;
    }

  if (!add_attributes (store, id, entity, error))
    return FALSE;

  if (changed)
    ent_resolver_add_extracted (store->resolver, id, entity);
  return TRUE;
}

static gboolean
store_entity (AddContext                *context,
              guint                      index,
              GError                   **error)
{
  const EntExtractedEntity *entity = g_ptr_array_index (context->extraction->entities, index);
  gint64 id;
  gboolean is_new = FALSE;

  if (entity->type >= ENT_N_ENTITY_TYPES || entity->name == NULL || entity->name[0] == '\0')
    return TRUE;

  id = ent_resolver_resolve (context->store->resolver, context->extraction, entity);
  if (id == 0)
    {
      if (!insert_entity (context, entity, &id, error))
        return FALSE;
      is_new = TRUE;
    }

  if (!add_names (context, id, entity, is_new, error) ||
      !add_mentions (context, id, entity->mentions, error))
    return FALSE;

  context->entity_ids[index] = id;
  return TRUE;
}

static gboolean
store_entities (AddContext  *context,
                GError     **error)
{
  guint n = context->extraction->entities->len;

  context->entity_ids = g_new0 (gint64, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    if (!store_entity (context, i, error))
      return FALSE;

  return TRUE;
}

/* Relations */

static gboolean
insert_evidence (AddContext  *context,
                 gint64       relation,
                 gint64       sentence,
                 GError     **error)
{
  static const char sql[] =
    "INSERT OR IGNORE INTO evidence (sentence, relation) VALUES (?, ?)";
  g_auto(EntStoreStmt) stmt = ent_store_statement (context->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sentence);
  sqlite3_bind_int64 (stmt, 2, relation);

  return ent_store_step_done (context->store, stmt, error);
}

static gboolean
store_relation (AddContext                  *context,
                const EntExtractedRelation  *relation,
                GError                     **error)
{
  guint n_entities = context->extraction->entities->len;
  const char *role = relation->role != NULL ? relation->role : "";
  gint64 source, target, id, sentence;
  gboolean is_new;

  sentence = lookup_sentence (context, relation->sentence);
  if (relation->type >= ENT_N_RELATION_TYPES ||
      relation->source >= n_entities || relation->target >= n_entities || sentence == 0)
    return TRUE;

  source = context->entity_ids[relation->source];
  target = context->entity_ids[relation->target];
  /* Resolution may have found both ends to be one entity. */
  if (source == 0 || target == 0 || source == target)
    return TRUE;
  if (ent_relation_type_is_symmetric (relation->type) && source > target)
    {
      gint64 swap = source;

      source = target;
      target = swap;
    }

  if (!ent_store_find_or_add_relation (context->store, ent_relation_type_to_string (relation->type),
                                       source, target, role, &id, &is_new, error) ||
      !insert_evidence (context, id, sentence, error))
    return FALSE;

  if (is_new && relation->type == ENT_RELATION_HOLDS_OFFICE && role[0] != '\0')
    return ent_store_register_office (context->store, source, target, role, error);

  return TRUE;
}

static gboolean
store_relations (AddContext  *context,
                 GError     **error)
{
  GArray *relations = context->extraction->relations;

  for (guint i = 0; i < relations->len; i++)
    if (!store_relation (context, &g_array_index (relations, EntExtractedRelation, i), error))
      return FALSE;

  return TRUE;
}

/* Claims */

static gboolean
store_claim (AddContext               *context,
             const EntExtractedClaim  *claim,
             GError                  **error)
{
  static const char sql[] =
    "INSERT INTO claims (entity, sentence, attribute, value) VALUES (?, ?, ?, ?)";
  g_auto(EntStoreStmt) stmt = NULL;
  gint64 entity, sentence;

  if (claim->entity >= context->extraction->entities->len ||
      claim->attribute == NULL || claim->value == NULL)
    return TRUE;
  entity = context->entity_ids[claim->entity];
  sentence = lookup_sentence (context, claim->sentence);
  if (entity == 0 || sentence == 0)
    return TRUE;

  stmt = ent_store_statement (context->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entity);
  sqlite3_bind_int64 (stmt, 2, sentence);
  ent_store_bind_text (stmt, 3, claim->attribute);
  ent_store_bind_text (stmt, 4, claim->value);

  return ent_store_step_done (context->store, stmt, error);
}

static gboolean
store_claims (AddContext  *context,
              GError     **error)
{
  GArray *claims = context->extraction->claims;

  for (guint i = 0; i < claims->len; i++)
    if (!store_claim (context, &g_array_index (claims, EntExtractedClaim, i), error))
      return FALSE;

  return TRUE;
}

/* The transaction */

static gboolean
add_in_transaction (AddContext          *context,
                    EntStoreAddOutcome  *outcome,
                    GError             **error)
{
  static const char by_hash_sql[] = "SELECT id FROM documents WHERE hash = ?";
  static const char by_path_sql[] = "SELECT id FROM documents WHERE path = ? ORDER BY id";
  EntStore *store = context->store;
  gint64 existing = 0;

  if (!find_document (store, by_hash_sql, context->document->hash, &existing, error))
    return FALSE;
  if (existing != 0)
    {
      *outcome = ENT_STORE_UNCHANGED;
      return TRUE;
    }

  *outcome = ENT_STORE_ADDED;
  if (context->document->path != NULL)
    {
      if (!find_document (store, by_path_sql, context->document->path, &existing, error))
        return FALSE;
      if (existing != 0)
        {
          *outcome = ENT_STORE_REPLACED;
          if (!remove_old_version (context, existing, error))
            return FALSE;
        }
    }

  return insert_document (context, error) &&
         insert_sentences (context, error) &&
         store_entities (context, error) &&
         store_relations (context, error) &&
         store_claims (context, error) &&
         remove_orphans (context, error) &&
         ent_store_apply_corrections (store, error);
}

static gboolean
check_document (const EntDocument  *document,
                GError            **error)
{
  if (document->hash != NULL && document->text != NULL &&
      strlen (document->text) == document->length)
    return TRUE;

  g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_FAILED,
                       _("the document has no text or no hash"));
  return FALSE;
}

typedef struct {
  AddContext          context;
  EntStoreAddOutcome  outcome;
} AddRun;

static gboolean
add_func (EntStore  *store,
          gpointer   data,
          GError   **error)
{
  AddRun *run = data;

  /* A transaction tried again starts from nothing. */
  add_context_clear (&run->context);
  run->context.document_id = 0;
  run->outcome = ENT_STORE_ADDED;

  return ent_store_ensure_resolver (store, error) &&
         add_in_transaction (&run->context, &run->outcome, error);
}

gboolean
ent_store_add_document (EntStore             *store,
                        const EntDocument    *document,
                        const EntExtraction  *extraction,
                        EntStoreAddOutcome   *outcome,
                        GError              **error)
{
  AddRun run = { { 0 } };
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (extraction != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_document (document, error))
    return FALSE;

  run.context.store = store;
  run.context.document = document;
  run.context.extraction = extraction;

  ok = ent_store_write (store, add_func, &run, error);
  add_context_clear (&run.context);

  if (ok && outcome != NULL)
    *outcome = run.outcome;
  return ok;
}
