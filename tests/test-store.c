/* test-store.c — the project store: schema, documents, relations, evidence,
 * corrections, search and transactions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <sqlite3.h>

#include "visit-fixtures.h"

typedef struct {
  char     *dir;
  char     *path;
  EntStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = fixture_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "test.entente", NULL);
  fixture->store = fixture_open (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->store, ent_store_free);
  fixture_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static EntStoreAddOutcome
add_visit (EntStore   *store,
           const char *path,
           const char *text)
{
  g_autoptr(FixtureDocument) document = fixture_document (path, "State visit", text);
  g_autoptr(EntExtraction) extraction = visit_extraction (document);

  return fixture_add (store, document, extraction);
}

static EntStoreAddOutcome
add_talks (EntStore *store)
{
  g_autoptr(FixtureDocument) document = fixture_document ("/corpus/talks.txt", "Talks", talks_text);
  g_autoptr(EntExtraction) extraction = talks_extraction (document);

  return fixture_add (store, document, extraction);
}

static EntGraph *
load (EntStore *store)
{
  g_autoptr(GError) error = NULL;
  EntGraph *graph = ent_store_load_graph (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);
  return graph;
}

static guint
find (EntGraph   *graph,
      const char *name)
{
  guint index = G_MAXUINT;

  if (!ent_graph_find_entity (graph, name, &index))
    g_error ("No entity named %s", name);
  return index;
}

/* The relation of @type between the entities named @a and @b, either way. */
static EntGraphRelation *
find_relation (EntGraph        *graph,
               EntRelationType  type,
               const char      *a,
               const char      *b)
{
  guint ia = find (graph, a), ib = find (graph, b);

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntGraphRelation *relation = ent_graph_get_relation (graph, i);

      if (relation->type == type &&
          ((relation->source == ia && relation->target == ib) ||
           (relation->source == ib && relation->target == ia)))
        return relation;
    }
  return NULL;
}

/* Tests */

/* One row per relation: (type, source, target, role) is its identity. */
static void
assert_no_duplicate_relations (const char *path)
{
  g_assert_cmpint (fixture_sql_int64 (path, "SELECT count(*) FROM (SELECT 1 FROM relations"
                                      " GROUP BY type, source, target, role HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (fixture_sql_int64 (path, "SELECT count(*) FROM evidence"
                                      " WHERE relation NOT IN (SELECT id FROM relations)"), ==, 0);
  g_assert_cmpint (fixture_sql_int64 (path, "SELECT count(*) FROM entity_mentions"
                                      " WHERE entity NOT IN (SELECT id FROM entities)"), ==, 0);
}


static void
test_store_create (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) again = NULL;
  g_autoptr(EntStore) missing = NULL;
  g_autofree char *missing_path = g_build_filename (fixture->dir, "missing.entente", NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, visit_text, -1);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (ent_store_get_path (fixture->store), ==, fixture->path);
  g_assert_false (ent_store_is_read_only (fixture->store));
  g_assert_cmpint (fixture_sql_int64 (fixture->path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (fixture_sql_int64 (fixture->path, "PRAGMA application_id"), ==, 0x456e7465);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  add_visit (fixture->store, "/corpus/visit.txt", visit_text);
  g_clear_pointer (&fixture->store, ent_store_free);

  /* Reopened without CREATE, with what was written. */
  again = ent_store_open (fixture->path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (ent_store_has_document (again, hash));

  missing = ent_store_open (missing_path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_null (missing);
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing_path, G_FILE_TEST_EXISTS));
}

static void
test_store_add (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, visit_text, -1);
  g_autofree char *text = NULL;
  EntStoreStats stats;
  EntGraphEntity *raisi, *tehran, *agreements;
  EntGraphRelation *office, *met;
  EntGraphDocument *document;

  g_assert_false (ent_store_has_document (fixture->store, hash));
  g_assert_cmpint (add_visit (fixture->store, "/corpus/visit.txt", visit_text), ==, ENT_STORE_ADDED);
  g_assert_true (ent_store_has_document (fixture->store, hash));

  graph = load (fixture->store);
  g_assert_cmpuint (graph->documents->len, ==, 1);
  document = ent_graph_get_document (graph, 0);
  g_assert_cmpstr (document->title, ==, "State visit");
  g_assert_cmpstr (document->path, ==, "/corpus/visit.txt");
  g_assert_cmpstr (document->date, ==, "2023-03-13");
  g_assert_cmpstr (document->source, ==, "Fixture News");

  g_assert_cmpuint (graph->entities->len, ==, 6);
  g_assert_cmpuint (graph->relations->len, ==, 5);

  raisi = ent_graph_get_entity (graph, find (graph, "Raisi"));
  g_assert_cmpstr (raisi->name, ==, "Ebrahim Raisi");
  g_assert_cmpint (raisi->type, ==, ENT_ENTITY_PERSON);
  g_assert_cmpuint (raisi->aliases->len, ==, 1);
  g_assert_cmpuint (raisi->n_sources, ==, 1);
  tehran = ent_graph_get_entity (graph, find (graph, "Tehran"));
  g_assert_cmpstr (g_hash_table_lookup (tehran->attributes, "kind"), ==, "city");
  g_assert_cmpuint (tehran->mentions, ==, 2);

  agreements = ent_graph_get_entity (graph, find (graph, "Cooperation agreements"));
  g_assert_cmpuint (agreements->claims->len, ==, 1);
  g_assert_cmpstr (((EntGraphClaim *) g_ptr_array_index (agreements->claims, 0))->value, ==, "8");
  g_assert_cmpstr (((EntGraphClaim *) g_ptr_array_index (agreements->claims, 0))->text, ==,
                   "Iran and Belarus signed eight agreements.");

  office = find_relation (graph, ENT_RELATION_HOLDS_OFFICE, "Raisi", "Iran");
  g_assert_nonnull (office);
  g_assert_cmpstr (g_hash_table_lookup (office->attributes, "role"), ==, "President");
  met = find_relation (graph, ENT_RELATION_MET, "Raisi", "Lukashenko");
  g_assert_nonnull (met);
  g_assert_cmpuint (met->evidence->len, ==, 1);
  g_assert_cmpuint (met->weight, ==, 1);
  g_assert_cmpstr (((EntGraphEvidence *) g_ptr_array_index (met->evidence, 0))->text, ==,
                   "President Ebrahim Raisi met Alexander Lukashenko in Tehran.");

  g_assert_true (ent_store_get_stats (fixture->store, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.documents, ==, 1);
  g_assert_cmpuint (stats.sentences, ==, 3);
  g_assert_cmpuint (stats.entities, ==, 6);
  g_assert_cmpuint (stats.entities_by_type[ENT_ENTITY_COUNTRY], ==, 2);
  g_assert_cmpuint (stats.relations, ==, 5);
  g_assert_cmpuint (stats.relations_by_type[ENT_RELATION_PARTY_TO], ==, 2);
  g_assert_cmpuint (stats.evidence, ==, 5);
  g_assert_cmpint (stats.file_size, >, 0);

  text = ent_store_get_document_text (fixture->store, document->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, visit_text);
  g_assert_null (ent_store_get_document_text (fixture->store, document->id + 100, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND);
}

static void
test_store_unchanged (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(EntGraph) graph = NULL;
  int changes_before;

  add_visit (fixture->store, "/corpus/visit.txt", visit_text);
  changes_before = fixture_sql_int64 (fixture->path, "SELECT count(*) FROM evidence");

  /* The same text again, from the same path or another one: nothing written. */
  g_assert_cmpint (add_visit (fixture->store, "/corpus/visit.txt", visit_text), ==, ENT_STORE_UNCHANGED);
  g_assert_cmpint (add_visit (fixture->store, "/elsewhere/copy.txt", visit_text), ==, ENT_STORE_UNCHANGED);

  g_assert_cmpint (fixture_sql_int64 (fixture->path, "SELECT count(*) FROM documents"), ==, 1);
  g_assert_cmpint (fixture_sql_int64 (fixture->path, "SELECT count(*) FROM evidence"), ==, changes_before);
  graph = load (fixture->store);
  g_assert_cmpuint (ent_graph_get_entity (graph, find (graph, "Tehran"))->mentions, ==, 2);
}

static void
test_store_replaced (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char new_text[] =
    "President Ebrahim Raisi met Alexander Lukashenko in Tehran. "
    "Lukashenko visited Tehran.";
  g_autoptr(FixtureDocument) document = fixture_document ("/corpus/visit.txt", "State visit, updated", new_text);
  g_autoptr(EntExtraction) extraction = ent_extraction_new ();
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint raisi, lukashenko, tehran;

  add_visit (fixture->store, "/corpus/visit.txt", visit_text);
  add_talks (fixture->store);

  fixture_all_sentences (extraction, document);
  raisi = fixture_entity (extraction, ENT_ENTITY_PERSON, "Ebrahim Raisi", 1);
  lukashenko = fixture_entity (extraction, ENT_ENTITY_PERSON, "Alexander Lukashenko", 2);
  tehran = fixture_entity (extraction, ENT_ENTITY_PLACE, "Tehran", 2);
  ent_extraction_add_relation (extraction, ENT_RELATION_MET, raisi, lukashenko, NULL, 0);
  ent_extraction_add_relation (extraction, ENT_RELATION_VISITED, lukashenko, tehran, NULL, 1);

  g_assert_cmpint (fixture_add (fixture->store, document, extraction), ==, ENT_STORE_REPLACED);

  graph = load (fixture->store);
  g_assert_cmpuint (graph->documents->len, ==, 2);
  g_assert_cmpstr (ent_graph_get_document (graph, 1)->title, ==, "State visit, updated");

  /* What only the old version said is gone; what the other document says stays. */
  g_assert_false (ent_graph_find_entity (graph, "Cooperation agreements", NULL));
  g_assert_null (find_relation (graph, ENT_RELATION_HOLDS_OFFICE, "Raisi", "Iran"));
  g_assert_true (ent_graph_find_entity (graph, "Iran", NULL));
  g_assert_nonnull (find_relation (graph, ENT_RELATION_COOPERATES_WITHIN, "Iran", "SCO"));
  g_assert_cmpuint (ent_graph_get_entity (graph, find (graph, "Iran"))->n_sources, ==, 1);
  g_assert_cmpuint (find_relation (graph, ENT_RELATION_MET, "Raisi", "Lukashenko")->weight, ==, 2);

  g_assert_cmpint (fixture_sql_int64 (fixture->path, "SELECT count(*) FROM claims"), ==, 0);
  g_assert_cmpint (fixture_sql_int64 (fixture->path, "SELECT count(*) FROM sentences"), ==, 4);
  g_assert_cmpint (fixture_sql_int64 (fixture->path, "SELECT count(*) FROM relations"
                                      " WHERE id NOT IN (SELECT relation FROM evidence)"), ==, 0);
  assert_no_duplicate_relations (fixture->path);
  g_assert_cmpint (fixture_sql_int64 (fixture->path, "SELECT count(*) FROM entities"
                                      " WHERE id NOT IN (SELECT entity FROM entity_mentions)"), ==, 0);

  /* The old sentences left the full-text index too. */
  hits = ent_store_search_sentences (fixture->store, "agreements", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = ent_store_search_sentences (fixture->store, "visited", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
}

static void
test_store_weight (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(EntGraph) graph = NULL;
  EntGraphRelation *met;
  EntGraphEvidence *first, *second;
  guint n_met = 0;

  add_visit (fixture->store, "/corpus/visit.txt", visit_text);
  add_talks (fixture->store);

  graph = load (fixture->store);
  /* "Raisi" and "Lukashenko" of the second document are the people of the first. */
  g_assert_cmpuint (graph->entities->len, ==, 7);

  for (guint i = 0; i < graph->relations->len; i++)
    if (ent_graph_get_relation (graph, i)->type == ENT_RELATION_MET)
      n_met++;
  g_assert_cmpuint (n_met, ==, 1);

  met = find_relation (graph, ENT_RELATION_MET, "Raisi", "Lukashenko");
  g_assert_cmpuint (met->evidence->len, ==, 2);
  g_assert_cmpuint (met->weight, ==, 2);
  first = g_ptr_array_index (met->evidence, 0);
  second = g_ptr_array_index (met->evidence, 1);
  g_assert_cmpuint (first->document, !=, second->document);
  g_assert_cmpstr (second->text, ==, "Lukashenko met Raisi again in the afternoon.");
  g_assert_cmpuint (ent_graph_get_entity (graph, find (graph, "Lukashenko"))->n_sources, ==, 2);
  g_assert_cmpuint (ent_graph_get_entity (graph, find (graph, "Lukashenko"))->mentions, ==, 3);
  assert_no_duplicate_relations (fixture->path);
}

static void
test_store_unicode_offsets (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char text[] =
    "« Préambule » — Türkiye’s envoy arrived.\n"
    "Recep Tayyip Erdoğan said “we welcome Raisi” in Ankara. "
    "Raisi thanked Erdoğan.";
  g_autoptr(FixtureDocument) document = fixture_document ("/corpus/tr.txt", "Türkiye", text);
  g_autoptr(EntExtraction) extraction = ent_extraction_new ();
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint erdogan, raisi, s1, s2;
  EntGraphRelation *met;

  fixture_sentence (extraction, document, "« Préambule » — Türkiye’s envoy arrived.");
  s1 = fixture_sentence (extraction, document, "Recep Tayyip Erdoğan said “we welcome Raisi” in Ankara.");
  s2 = fixture_sentence (extraction, document, "Raisi thanked Erdoğan.");
  erdogan = fixture_entity (extraction, ENT_ENTITY_PERSON, "Recep Tayyip Erdoğan", 2);
  raisi = fixture_entity (extraction, ENT_ENTITY_PERSON, "Raisi", 2);
  ent_extraction_add_relation (extraction, ENT_RELATION_MET, erdogan, raisi, NULL, s1);
  ent_extraction_add_relation (extraction, ENT_RELATION_MET, raisi, erdogan, NULL, s2);
  fixture_add (fixture->store, document, extraction);

  graph = load (fixture->store);
  met = find_relation (graph, ENT_RELATION_MET, "Raisi", "Recep Tayyip Erdoğan");
  g_assert_nonnull (met);
  g_assert_cmpuint (met->evidence->len, ==, 2);
  g_assert_cmpuint (met->weight, ==, 1);

  for (guint i = 0; i < met->evidence->len; i++)
    {
      EntGraphEvidence *evidence = g_ptr_array_index (met->evidence, i);
      g_autofree char *substring = g_utf8_substring (text, evidence->start, evidence->end);

      /* Offsets count characters, and the text is exactly what stands there. */
      g_assert_cmpstr (substring, ==, evidence->text);
    }
  g_assert_cmpuint (((EntGraphEvidence *) g_ptr_array_index (met->evidence, 0))->start, ==, 41);

  hits = ent_store_search_sentences (fixture->store, "thanked", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  {
    EntSentenceHit *hit = g_ptr_array_index (hits, 0);
    g_autofree char *substring = g_utf8_substring (text, hit->start, hit->end);

    g_assert_cmpstr (substring, ==, hit->text);
    g_assert_cmpstr (hit->document_title, ==, "Türkiye");
  }
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Diacritics do not have to be typed. */
  hits = ent_store_search_sentences (fixture->store, "Erdogan", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
}

static void
test_store_search (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char text[] =
    "Iran & Belarus signed a <roadmap> for cooperation. "
    "The roadmap covers trade.";
  static const char * const hostile[] = {
    "\"", "\"\"", "AND(", "AND", "OR", "NOT", "NEAR(iran", "*", "-", "^", ":",
    "text:iran", "iran OR", "(iran", "iran)", "\"unterminated", "{iran}", "a\"b",
    "'; DROP TABLE sentences; --", "   ", "", "\xff\xfe", "iran AND(belarus",
    "+", "NEAR", "col:", "iran*", "*iran",
  };
  g_autoptr(FixtureDocument) document = fixture_document ("/corpus/s.txt", "S", text);
  g_autoptr(EntExtraction) extraction = ent_extraction_new ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  EntSentenceHit *hit;

  fixture_all_sentences (extraction, document);
  fixture_add (fixture->store, document, extraction);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GPtrArray) some = ent_store_search_sentences (fixture->store, hostile[i], 10, &error);

      g_assert_no_error (error);
      g_assert_nonnull (some);
    }

  /* Words are ANDed; the last one is a prefix (search as you type). */
  hits = ent_store_search_sentences (fixture->store, "belarus road", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (hit->text, ==, "Iran & Belarus signed a <roadmap> for cooperation.");
  /* Markup-safe snippet with the matches in bold. */
  g_assert_nonnull (strstr (hit->snippet, "<b>Belarus</b>"));
  g_assert_nonnull (strstr (hit->snippet, "&amp;"));
  g_assert_nonnull (strstr (hit->snippet, "&lt;<b>roadmap</b>&gt;"));
  g_assert_null (strstr (hit->snippet, "<roadmap>"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = ent_store_search_sentences (fixture->store, "roadmap", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = ent_store_search_sentences (fixture->store, "\"roadmap\" trade", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
}

static gint64
entity_id (EntStore   *store,
           const char *name)
{
  g_autoptr(EntGraph) graph = load (store);

  return ent_graph_get_entity (graph, find (graph, name))->id;
}

static void
assert_corrections_hold (EntStore *store)
{
  g_autoptr(EntGraph) graph = load (store);
  EntGraphEntity *president;
  EntGraphEntity *minsk_team;

  /* Merge: "Belarus" and "Iran" were merged into one (a silly merge, but the
   * user's to make): one entity, Belarus's name as an alias. */
  g_assert_cmpuint (graph->entities->len, ==, 5);
  president = ent_graph_get_entity (graph, find (graph, "The Iranian President"));
  /* Rename: the old name became an alias. */
  g_assert_cmpint (president->type, ==, ENT_ENTITY_PERSON);
  g_assert_true (ent_graph_find_entity (graph, "Ebrahim Raisi", NULL));
  g_assert_cmpuint (ent_graph_get_entity (graph, find (graph, "Ebrahim Raisi"))->id, ==, president->id);
  minsk_team = ent_graph_get_entity (graph, find (graph, "Iran"));
  g_assert_true (ent_graph_find_entity (graph, "Belarus", NULL));
  g_assert_cmpuint (ent_graph_get_entity (graph, find (graph, "Belarus"))->id, ==, minsk_team->id);
  /* Retype. */
  g_assert_cmpint (ent_graph_get_entity (graph, find (graph, "Tehran"))->type, ==, ENT_ENTITY_EVENT);
  /* Hide. */
  g_assert_false (ent_graph_find_entity (graph, "SCO", NULL));
}

static void
test_store_corrections (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char visit_v2[] =
    "President Ebrahim Raisi met Alexander Lukashenko in Tehran. "
    "Iran and Belarus signed eight agreements. "
    "Lukashenko visited Tehran on Sunday.";
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(FixtureDocument) talks = NULL;
  g_autoptr(EntExtraction) extraction = NULL;

  add_visit (fixture->store, "/corpus/visit.txt", visit_text);
  add_talks (fixture->store);

  g_assert_true (ent_store_merge_entities (fixture->store, entity_id (fixture->store, "Iran"),
                                           entity_id (fixture->store, "Belarus"), &error));
  g_assert_no_error (error);
  g_assert_true (ent_store_rename_entity (fixture->store, entity_id (fixture->store, "Raisi"),
                                          "The Iranian President", &error));
  g_assert_no_error (error);
  g_assert_true (ent_store_retype_entity (fixture->store, entity_id (fixture->store, "Tehran"),
                                          ENT_ENTITY_EVENT, &error));
  g_assert_no_error (error);
  g_assert_true (ent_store_set_entity_hidden (fixture->store, entity_id (fixture->store, "SCO"),
                                              TRUE, &error));
  g_assert_no_error (error);
  assert_corrections_hold (fixture->store);

  /* The cooperates_within relations of Iran and Belarus to the hidden SCO
   * became one, whose evidence is the one sentence both came from; a merge
   * never leaves a relation to itself. */
  g_assert_cmpint (fixture_sql_int64 (fixture->path, "SELECT count(*) FROM relations WHERE type = 'cooperates_within'"), ==, 1);
  g_assert_cmpint (fixture_sql_int64 (fixture->path, "SELECT count(*) FROM evidence e JOIN relations r ON r.id = e.relation"
                                      " WHERE r.type = 'cooperates_within'"), ==, 1);
  g_assert_cmpint (fixture_sql_int64 (fixture->path, "SELECT count(*) FROM relations WHERE source = target"), ==, 0);

  /* Ingesting the same file again, then a changed version, then reopening. */
  g_assert_cmpint (add_visit (fixture->store, "/corpus/visit.txt", visit_text), ==, ENT_STORE_UNCHANGED);
  assert_corrections_hold (fixture->store);
  g_assert_cmpint (add_visit (fixture->store, "/corpus/visit.txt", visit_v2), ==, ENT_STORE_REPLACED);
  assert_corrections_hold (fixture->store);

  /* A changed version of the other document, naming corrected entities again. */
  talks = fixture_document ("/corpus/talks.txt", "Talks", "Raisi and the SCO. Belarus is here.");
  extraction = ent_extraction_new ();
  fixture_all_sentences (extraction, talks);
  fixture_entity (extraction, ENT_ENTITY_ORGANIZATION, "SCO", 1);
  fixture_entity (extraction, ENT_ENTITY_COUNTRY, "Belarus", 1);
  g_assert_cmpint (fixture_add (fixture->store, talks, extraction), ==, ENT_STORE_REPLACED);
  assert_corrections_hold (fixture->store);
  assert_no_duplicate_relations (fixture->path);

  g_clear_pointer (&fixture->store, ent_store_free);
  fixture->store = fixture_open (fixture->path);
  assert_corrections_hold (fixture->store);

  /* Unhiding takes the correction back. */
  graph = load (fixture->store);
  g_assert_true (ent_store_set_entity_hidden (fixture->store,
                                              (gint64) fixture_sql_int64 (fixture->path, "SELECT id FROM entities WHERE name = 'SCO'"),
                                              FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&graph, ent_graph_unref);
  graph = load (fixture->store);
  g_assert_true (ent_graph_find_entity (graph, "SCO", NULL));

  g_assert_false (ent_store_rename_entity (fixture->store, 999999, "Nobody", &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ent_store_rename_entity (fixture->store, entity_id (fixture->store, "Iran"), "  ", &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_FAILED);
}

static void
test_store_failed_add (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(FixtureDocument) document = fixture_document ("/corpus/visit.txt", "State visit", visit_text);
  g_autoptr(EntExtraction) extraction = visit_extraction (document);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = NULL;
  EntStoreAddOutcome outcome;

  add_talks (fixture->store);

  /* Claims are written last: the failure comes after everything else of the
   * document went into the transaction. */
  fixture_sql_exec (fixture->path,
                    "CREATE TRIGGER fail_claims BEFORE INSERT ON claims"
                    " BEGIN SELECT RAISE (ABORT, 'simulated failure'); END");

  g_assert_false (ent_store_add_document (fixture->store, document, extraction, &outcome, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "simulated failure"));
  g_clear_error (&error);

  g_assert_cmpint (fixture_sql_int64 (fixture->path, "SELECT count(*) FROM documents"), ==, 1);
  g_assert_cmpint (fixture_sql_int64 (fixture->path, "SELECT count(*) FROM sentences"), ==, 2);
  g_assert_cmpint (fixture_sql_int64 (fixture->path, "SELECT count(*) FROM entities"), ==, 5);
  g_assert_cmpint (fixture_sql_int64 (fixture->path, "SELECT count(*) FROM evidence"), ==, 3);
  hits = ent_store_search_sentences (fixture->store, "agreements", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);

  /* Once the cause is gone the same document goes in whole, and the store
   * has not kept the entities of the failed attempt in mind. */
  fixture_sql_exec (fixture->path, "DROP TRIGGER fail_claims");
  g_assert_cmpint (fixture_add (fixture->store, document, extraction), ==, ENT_STORE_ADDED);
  graph = load (fixture->store);
  g_assert_cmpuint (graph->entities->len, ==, 7);
  g_assert_cmpuint (find_relation (graph, ENT_RELATION_MET, "Raisi", "Lukashenko")->weight, ==, 2);
}

static void
test_store_self_loop (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char text[] = "Ebrahim Raisi spoke. Raisi met Raisi's host.";
  g_autoptr(FixtureDocument) document = fixture_document ("/corpus/loop.txt", "Loop", text);
  g_autoptr(EntExtraction) extraction = ent_extraction_new ();
  g_autoptr(EntGraph) graph = NULL;
  guint full, surname;

  fixture_all_sentences (extraction, document);
  /* The extractor left two entries; the project resolves them to one. */
  full = fixture_entity (extraction, ENT_ENTITY_PERSON, "Ebrahim Raisi", 1);
  surname = fixture_entity (extraction, ENT_ENTITY_PERSON, "Raisi", 2);
  ent_extraction_add_relation (extraction, ENT_RELATION_MET, surname, full, NULL, 1);
  fixture_add (fixture->store, document, extraction);

  graph = load (fixture->store);
  g_assert_cmpuint (graph->entities->len, ==, 1);
  g_assert_cmpuint (ent_graph_get_entity (graph, 0)->mentions, ==, 3);
  g_assert_cmpuint (graph->relations->len, ==, 0);
}

static void
test_store_name_promotion (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(FixtureDocument) first = fixture_document ("/corpus/1.txt", "1", "Lukashenko arrived.");
  g_autoptr(FixtureDocument) second = fixture_document ("/corpus/2.txt", "2", "Alexander Lukashenko spoke.");
  g_autoptr(EntExtraction) e1 = ent_extraction_new ();
  g_autoptr(EntExtraction) e2 = ent_extraction_new ();
  EntGraphEntity *person;

  fixture_all_sentences (e1, first);
  fixture_entity (e1, ENT_ENTITY_PERSON, "Lukashenko", 1);
  fixture_add (fixture->store, first, e1);
  fixture_all_sentences (e2, second);
  fixture_entity (e2, ENT_ENTITY_PERSON, "Alexander Lukashenko", 1);
  fixture_add (fixture->store, second, e2);

  /* The project calls a person by the fullest name a source gave. */
  graph = load (fixture->store);
  g_assert_cmpuint (graph->entities->len, ==, 1);
  person = ent_graph_get_entity (graph, 0);
  g_assert_cmpstr (person->name, ==, "Alexander Lukashenko");
  g_assert_cmpuint (person->aliases->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (person->aliases, 0), ==, "Lukashenko");
  g_assert_cmpuint (person->n_sources, ==, 2);
}

static void
test_store_two_connections (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) second = ent_store_open (fixture->path, ENT_STORE_OPEN_DEFAULT, &error);
  g_autoptr(EntGraph) before = NULL;
  g_autoptr(EntGraph) after = NULL;

  g_assert_no_error (error);
  before = load (second);
  g_assert_cmpuint (before->entities->len, ==, 0);

  /* A worker thread's connection writes while the window's stays open. */
  add_visit (fixture->store, "/corpus/visit.txt", visit_text);
  after = load (second);
  g_assert_cmpuint (after->entities->len, ==, 6);

  /* And the other way round. */
  add_talks (second);
  g_clear_pointer (&after, ent_graph_unref);
  after = load (fixture->store);
  g_assert_cmpuint (after->documents->len, ==, 2);
}

static void
test_store_stale_resolver (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) window = ent_store_open (fixture->path, ENT_STORE_OPEN_DEFAULT, &error);
  g_autoptr(EntGraph) graph = NULL;
  gint64 iran, belarus;

  g_assert_no_error (error);
  add_visit (fixture->store, "/corpus/visit.txt", visit_text);

  /* The window merges two entities while the worker's connection still has
   * them both in its resolver... */
  iran = entity_id (window, "Iran");
  belarus = entity_id (window, "Belarus");
  g_assert_true (ent_store_merge_entities (window, iran, belarus, &error));
  g_assert_no_error (error);

  /* ...so the worker must not file Belarus under the entity that is gone. */
  add_talks (fixture->store);
  g_assert_cmpint (fixture_sql_int64 (fixture->path, "SELECT count(*) FROM entity_mentions"
                                      " WHERE entity NOT IN (SELECT id FROM entities)"), ==, 0);
  graph = load (fixture->store);
  g_assert_cmpuint (ent_graph_get_entity (graph, find (graph, "Belarus"))->id, ==, iran);
  g_assert_cmpuint (ent_graph_get_entity (graph, find (graph, "Iran"))->n_sources, ==, 2);
  assert_no_duplicate_relations (fixture->path);
}

static void
test_store_read_only_flag (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) reader = NULL;
  g_autoptr(FixtureDocument) document = fixture_document ("/corpus/visit.txt", "V", visit_text);
  g_autoptr(EntExtraction) extraction = visit_extraction (document);
  g_autoptr(EntGraph) graph = NULL;

  add_talks (fixture->store);
  reader = ent_store_open (fixture->path, ENT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (ent_store_is_read_only (reader));

  graph = load (reader);
  g_assert_cmpuint (graph->documents->len, ==, 1);
  g_assert_false (ent_store_add_document (reader, document, extraction, NULL, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ent_store_rename_entity (reader, ent_graph_get_entity (graph, 0)->id, "X", &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY);
}

/* A project of format 1 (relations found through a map in memory, no index)
 * is read as it is when read-only, and upgraded on the first writable open. */
static void
test_store_upgrade_v1 (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char relations_key_sql[] =
    "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'relations_key'";
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) reader = NULL;
  g_autoptr(EntGraph) graph = NULL;
  EntGraphRelation *met;
  sqlite3 *db = NULL;

  add_visit (fixture->store, "/corpus/visit.txt", visit_text);
  g_clear_pointer (&fixture->store, ent_store_free);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP INDEX relations_key; PRAGMA user_version = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  reader = ent_store_open (fixture->path, ENT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  graph = load (reader);
  g_assert_cmpuint (graph->relations->len, ==, 5);
  g_clear_pointer (&graph, ent_graph_unref);
  g_clear_pointer (&reader, ent_store_free);
  g_assert_cmpint (fixture_sql_int64 (fixture->path, "PRAGMA user_version"), ==, 1);

  fixture->store = ent_store_open (fixture->path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture_sql_int64 (fixture->path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (fixture_sql_int64 (fixture->path, relations_key_sql), ==, 1);

  /* Relations written by format 1 are found again: the meeting gains a
   * piece of evidence rather than a twin. */
  add_talks (fixture->store);
  graph = load (fixture->store);
  met = find_relation (graph, ENT_RELATION_MET, "Raisi", "Lukashenko");
  g_assert_cmpuint (met->evidence->len, ==, 2);
  assert_no_duplicate_relations (fixture->path);
}

static void
test_store_default_path (void)
{
  g_autofree char *path = ent_store_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_cmpstr (base, ==, "default.entente");
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
}

static void
test_store_count_words (void)
{
  g_assert_cmpuint (ent_store_count_words ("", 0), ==, 0);
  g_assert_cmpuint (ent_store_count_words ("  one\ttwo\n\nthree  ", 18), ==, 3);
  g_assert_cmpuint (ent_store_count_words ("Türkiye’s “envoy”", strlen ("Türkiye’s “envoy”")), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/entente/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create", test_store_create);
  ADD ("add", test_store_add);
  ADD ("unchanged", test_store_unchanged);
  ADD ("replaced", test_store_replaced);
  ADD ("weight", test_store_weight);
  ADD ("unicode-offsets", test_store_unicode_offsets);
  ADD ("search", test_store_search);
  ADD ("corrections", test_store_corrections);
  ADD ("failed-add", test_store_failed_add);
  ADD ("self-loop", test_store_self_loop);
  ADD ("name-promotion", test_store_name_promotion);
  ADD ("two-connections", test_store_two_connections);
  ADD ("stale-resolver", test_store_stale_resolver);
  ADD ("read-only-flag", test_store_read_only_flag);
  ADD ("upgrade-v1", test_store_upgrade_v1);
#undef ADD
  g_test_add_func ("/entente/store/default-path", test_store_default_path);
  g_test_add_func ("/entente/store/count-words", test_store_count_words);

  return g_test_run ();
}
