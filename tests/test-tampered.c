/* test-tampered.c — a project file edited by hand (or by a fuzzer) with SQL:
 * NULLs where the schema says NOT NULL, spans that end before they start,
 * rows pointing at rows that are not there. Nothing may crash or spill GLib
 * criticals (the tests run with G_DEBUG=fatal-warnings); what cannot be used
 * is skipped and reported once, through the store API and the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-tampered"

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "ent-json.h"
#include "visit-fixtures.h"

typedef struct {
  char *dir;
  char *path;
} Project;

static void
add_document (EntStore      *store,
              const char    *path,
              const char    *title,
              const char    *text,
              EntExtraction *(*extract) (const EntDocument *))
{
  g_autoptr(FixtureDocument) document = fixture_document (path, title, text);
  g_autoptr(EntExtraction) extraction = extract (document);

  fixture_add (store, document, extraction);
}

static gint64
entity_id (EntStore   *store,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = ent_store_load_graph (store, &error);
  guint index;

  g_assert_no_error (error);
  g_assert_true (ent_graph_find_entity (graph, name, &index));
  return ent_graph_get_entity (graph, index)->id;
}

/* A real project written by the store: two documents with aliases, an
 * attribute, a claim, relations with evidence, and a correction. Closed, so
 * that its WAL is in the file. */
static void
project_set_up (Project       *project,
                gconstpointer  data)
{
  g_autoptr(EntStore) store = NULL;
  g_autoptr(GError) error = NULL;

  project->dir = fixture_temp_dir ();
  project->path = g_build_filename (project->dir, "tampered.entente", NULL);
  store = fixture_open (project->path);
  add_document (store, "/corpus/visit.txt", "State visit", visit_text, visit_extraction);
  add_document (store, "/corpus/talks.txt", "Talks", talks_text, talks_extraction);
  g_assert_true (ent_store_rename_entity (store, entity_id (store, "SCO"),
                                          "Shanghai Cooperation Organisation", &error));
  g_assert_no_error (error);
}

static void
project_tear_down (Project       *project,
                   gconstpointer  data)
{
  fixture_remove_dir (project->dir);
  g_free (project->path);
  g_free (project->dir);
}

/* Takes the NOT NULL constraints off @table, as a hostile file may have it:
 * rows, keys and indexes stay as they are. */
static void
loosen (const char *path,
        const char *table)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA writable_schema = ON;"
                                          "UPDATE sqlite_master SET sql = replace (sql, 'NOT NULL', '')"
                                          " WHERE type = 'table' AND name = '%s';"
                                          "PRAGMA writable_schema = OFF;",
                                          table);

  fixture_sql_exec (path, sql);
}

static EntStore *
open_store (const char        *path,
            EntStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  EntStore *store = ent_store_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* The store's report names @what once, with @count. */
static void
assert_damage (EntStore   *store,
               guint       count,
               const char *what)
{
  g_autofree char *report = ent_store_take_damage_report (store);
  g_autofree char *expected = g_strdup_printf ("%u %s", count, what);
  g_autofree char *again = NULL;

  g_test_message ("damage: %s", report);
  g_assert_nonnull (report);
  g_assert_true (g_str_has_prefix (report, "damaged project: skipped "));
  g_assert_nonnull (strstr (report, expected));
  g_assert_cmpuint (fixture_count_lines (report), ==, 0);

  /* Taken: not reported twice. */
  again = ent_store_take_damage_report (store);
  g_assert_null (again);
}

/* Runs a verb of the command line on the project: exit status 0, and stderr
 * is exactly one line, naming the project and @what. */
static char *
run_cli (Project    *project,
         const char *what,
         const char *verb,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *err = NULL;
  char *out = NULL;
  va_list ap;
  int status;

  va_start (ap, verb);
  for (const char *arg = verb; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  /* fixture_run takes a NULL-terminated list: pad what is not given. */
  g_assert_cmpuint (args->len, <=, 7);
  while (args->len < 7)
    g_ptr_array_add (args, NULL);

  status = fixture_run (project->dir, NULL, &out, &err,
                        g_ptr_array_index (args, 0), "--db", project->path,
                        g_ptr_array_index (args, 1), g_ptr_array_index (args, 2),
                        g_ptr_array_index (args, 3), g_ptr_array_index (args, 4),
                        g_ptr_array_index (args, 5), g_ptr_array_index (args, 6),
                        NULL);
  g_test_message ("%s: status %d, stderr: %s", verb, status, err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (fixture_count_lines (err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "entente: "));
  g_assert_nonnull (strstr (err, project->path));
  g_assert_nonnull (strstr (err, what));

  return out;
}

static EntGraph *
load_graph (EntStore *store)
{
  g_autoptr(GError) error = NULL;
  EntGraph *graph = ent_store_load_graph (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);
  return graph;
}

static void
assert_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

/* What the graph promises its readers, whatever the file held. */
static void
assert_graph_sane (EntGraph *graph)
{
  for (guint i = 0; i < graph->documents->len; i++)
    assert_text (ent_graph_get_document (graph, i)->title);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntGraphEntity *entity = ent_graph_get_entity (graph, i);
      GHashTableIter iter;
      gpointer name, value;

      assert_text (entity->name);
      g_assert_cmpstr (entity->name, !=, "");
      for (guint j = 0; j < entity->aliases->len; j++)
        assert_text (g_ptr_array_index (entity->aliases, j));
      g_hash_table_iter_init (&iter, entity->attributes);
      while (g_hash_table_iter_next (&iter, &name, &value))
        {
          assert_text (name);
          assert_text (value);
        }
      for (guint j = 0; j < entity->claims->len; j++)
        {
          EntGraphClaim *claim = g_ptr_array_index (entity->claims, j);

          assert_text (claim->attribute);
          assert_text (claim->value);
          assert_text (claim->text);
        }
    }

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntGraphRelation *relation = ent_graph_get_relation (graph, i);

      for (guint j = 0; j < relation->evidence->len; j++)
        {
          EntGraphEvidence *evidence = g_ptr_array_index (relation->evidence, j);

          assert_text (evidence->text);
          g_assert_cmpuint (evidence->start, <=, evidence->end);
        }
    }
}

/* Parses what `export --format json` printed. */
static JsonNode *
parse_json (const char *out)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static guint
json_count (JsonNode   *root,
            const char *member)
{
  return json_array_get_length (json_object_get_array_member (json_node_get_object (root), member));
}

/* Tests */

/* The fuzzing probe's first find: a NULL kind segfaulted every writable open
 * (apply_correction compared it with g_str_equal). */
static void
test_tampered_correction_kind (Project       *project,
                               gconstpointer  data)
{
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = g_build_filename (project->dir, "new.txt", NULL);
  guint index;

  loosen (project->path, "corrections");
  fixture_sql_exec (project->path,
                    "INSERT INTO corrections (kind, type, key) VALUES (NULL, 'person', 'ebrahim raisi');"
                    "INSERT INTO corrections (kind, type, key, value) VALUES ('rename', NULL, NULL, 'X');"
                    "INSERT INTO corrections (kind, type, key, value) VALUES ('hide', 'country', NULL, '1');");

  store = open_store (project->path, ENT_STORE_OPEN_DEFAULT);
  add_document (store, "/corpus/again.txt", "Again", "Lukashenko met Raisi again in the afternoon. "
                "Belarus and Iran cooperate within the SCO. Once more.", talks_extraction);

  /* The correction that is whole still applies. */
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_true (ent_graph_find_entity (graph, "Shanghai Cooperation Organisation", &index));
  g_assert_true (ent_graph_find_entity (graph, "Iran", &index));
  assert_damage (store, 3, "corrections without a kind, type or key");
  g_clear_pointer (&store, ent_store_free);

  g_assert_true (g_file_set_contents (text, "Iran met Belarus in Minsk.\n", -1, NULL));
  out = run_cli (project, "3 corrections without a kind, type or key", "ingest", text, NULL);
  g_assert_nonnull (strstr (out, "1 new"));
}

/* A NULL alias segfaulted `entente show`, focus export and JSON export. */
static void
test_tampered_null_alias (Project       *project,
                          gconstpointer  data)
{
  static const char damage[] = "1 alias or key without text";
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *show = NULL;
  g_autofree char *show_alias = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *focus = NULL;
  g_autofree char *svg = NULL;
  EntGraphEntity *lukashenko;
  guint index;

  loosen (project->path, "aliases");
  fixture_sql_exec (project->path,
                    "INSERT INTO aliases (entity, alias)"
                    " SELECT id, NULL FROM entities WHERE name = 'Alexander Lukashenko'");

  store = open_store (project->path, ENT_STORE_OPEN_READ_ONLY);
  graph = load_graph (store);
  assert_graph_sane (graph);
  g_assert_true (ent_graph_find_entity (graph, "Lukashenko", &index));
  lukashenko = ent_graph_get_entity (graph, index);
  g_assert_cmpuint (lukashenko->aliases->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lukashenko->aliases, 0), ==, "Lukashenko");
  assert_damage (store, 1, "alias or key without text");

  show = run_cli (project, damage, "show", "Alexander Lukashenko", NULL);
  g_assert_true (g_str_has_prefix (show, "Alexander Lukashenko (person)\nAlso called: Lukashenko\n"));
  g_assert_null (strstr (show, "(null)"));
  show_alias = run_cli (project, damage, "show", "Raisi", NULL);
  g_assert_true (g_str_has_prefix (show_alias, "Ebrahim Raisi (person)\n"));

  whole = run_cli (project, damage, "export", "--format", "json", NULL);
  json = parse_json (whole);
  g_assert_cmpuint (json_count (json, "entities"), ==, graph->entities->len);
  g_clear_pointer (&json, json_node_unref);

  focus = run_cli (project, damage, "export", "--format", "json", "--focus", "Raisi", NULL);
  json = parse_json (focus);
  g_assert_cmpuint (json_count (json, "entities"), >=, 2);
  svg = run_cli (project, damage, "export", "--format", "svg", "--focus", "Lukashenko", NULL);
  g_assert_nonnull (strstr (svg, "<svg"));
}

/* A NULL attribute value crashed the JSON export. */
static void
test_tampered_null_attribute (Project       *project,
                              gconstpointer  data)
{
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *out = NULL;
  EntGraphEntity *tehran;
  guint index;

  loosen (project->path, "entity_attributes");
  fixture_sql_exec (project->path,
                    "INSERT INTO entity_attributes (entity, name, value)"
                    " SELECT id, 'population', NULL FROM entities WHERE name = 'Tehran';"
                    "INSERT INTO entity_attributes (entity, name, value)"
                    " SELECT id, '', 'capital' FROM entities WHERE name = 'Tehran';");

  store = open_store (project->path, ENT_STORE_OPEN_READ_ONLY);
  graph = load_graph (store);
  assert_graph_sane (graph);
  g_assert_true (ent_graph_find_entity (graph, "Tehran", &index));
  tehran = ent_graph_get_entity (graph, index);
  g_assert_cmpuint (g_hash_table_size (tehran->attributes), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (tehran->attributes, "kind"), ==, "city");
  assert_damage (store, 2, "attributes without a name or a value");

  out = run_cli (project, "2 attributes without a name or a value", "export", "--format", "json", NULL);
  json = parse_json (out);
  g_assert_cmpuint (json_count (json, "entities"), ==, graph->entities->len);
}

/* Spans that end before they start (or outside their document) gave a GLib
 * critical per piece of evidence, and the evidence vanished without a word. */
static void
test_tampered_bad_spans (Project       *project,
                         gconstpointer  data)
{
  g_autoptr(EntStore) store = open_store (project->path, ENT_STORE_OPEN_DEFAULT);
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *out = NULL;
  guint n_evidence = 0;

  /* Enough rows that a message per row would show. */
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *text = g_strdup_printf ("Raisi met Lukashenko on day %u. Iran cooperates with Belarus.", i);
      g_autofree char *path = g_strdup_printf ("/corpus/day-%u.txt", i);
      g_autoptr(FixtureDocument) document = fixture_document (path, "Day", text);
      g_autoptr(EntExtraction) extraction = ent_extraction_new ();
      guint raisi, lukashenko;

      fixture_all_sentences (extraction, document);
      raisi = fixture_entity (extraction, ENT_ENTITY_PERSON, "Raisi", 1);
      lukashenko = fixture_entity (extraction, ENT_ENTITY_PERSON, "Lukashenko", 1);
      ent_extraction_add_relation (extraction, ENT_RELATION_MET, raisi, lukashenko, NULL, 0);
      fixture_add (store, document, extraction);
    }
  g_clear_pointer (&store, ent_store_free);

  /* Every day's sentence ends before it starts; one sentence of the talks
   * starts before the document, one ends far after it. */
  fixture_sql_exec (project->path,
                    "UPDATE sentences SET start = end + 5"
                    " WHERE document IN (SELECT id FROM documents WHERE path LIKE '/corpus/day-%');"
                    "UPDATE sentences SET start = -3 WHERE text LIKE 'Lukashenko met Raisi again%';"
                    "UPDATE sentences SET end = 100000 WHERE text LIKE 'Belarus and Iran cooperate%';");

  store = open_store (project->path, ENT_STORE_OPEN_READ_ONLY);
  graph = load_graph (store);
  assert_graph_sane (graph);
  g_assert_cmpuint (graph->documents->len, ==, 152);
  for (guint i = 0; i < graph->relations->len; i++)
    n_evidence += ent_graph_get_relation (graph, i)->evidence->len;
  /* The state visit's five pieces of evidence are all that is left. */
  g_assert_cmpuint (n_evidence, ==, 5);
  assert_damage (store, 153, "pieces of evidence with a bad span or a missing sentence");

  out = run_cli (project, "153 pieces of evidence with a bad span", "export", "--format", "json", NULL);
  json = parse_json (out);
  g_assert_cmpuint (json_count (json, "documents"), ==, 152);
}

/* Entities without a name or with a type this version does not know. */
static void
test_tampered_bad_entities (Project       *project,
                            gconstpointer  data)
{
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autofree char *out = NULL;
  guint index;

  loosen (project->path, "entities");
  fixture_sql_exec (project->path,
                    "UPDATE entities SET name = NULL WHERE name = 'Tehran';"
                    "UPDATE entities SET name = '' WHERE name = 'Belarus';"
                    "UPDATE entities SET type = 'planet' WHERE name = 'Iran';"
                    "UPDATE entities SET type = NULL WHERE name = 'Cooperation agreements';"
                    /* Counts no document gives: they must not fail the whole load. */
                    "UPDATE entity_mentions SET count = 9223372036854775807"
                    " WHERE entity = (SELECT id FROM entities WHERE name = 'Alexander Lukashenko');"
                    "UPDATE entity_mentions SET count = -5"
                    " WHERE entity = (SELECT id FROM entities WHERE name = 'Ebrahim Raisi');");

  store = open_store (project->path, ENT_STORE_OPEN_READ_ONLY);
  graph = load_graph (store);
  assert_graph_sane (graph);
  g_assert_cmpuint (graph->entities->len, ==, 3);
  g_assert_false (ent_graph_find_entity (graph, "Iran", &index));
  g_assert_true (ent_graph_find_entity (graph, "Lukashenko", &index));
  g_assert_cmpuint (ent_graph_get_entity (graph, index)->mentions, ==, G_MAXUINT);
  g_assert_true (ent_graph_find_entity (graph, "Raisi", &index));
  g_assert_cmpuint (ent_graph_get_entity (graph, index)->mentions, ==, 0);
  assert_damage (store, 4, "entities without a name or a known type");

  out = run_cli (project, "4 entities without a name or a known type", "show", "Raisi", NULL);
  g_assert_true (g_str_has_prefix (out, "Ebrahim Raisi (person)\n"));
}

/* Rows pointing at rows that are not there (foreign keys are off in any
 * other program that writes the file), and relations of unknown types. */
static void
test_tampered_dangling_rows (Project       *project,
                             gconstpointer  data)
{
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autofree char *out = NULL;
  g_autofree char *report = NULL;
  guint n_evidence = 0, n_claims = 0;

  fixture_sql_exec (project->path,
                    "INSERT INTO relations (type, source, target) VALUES ('met', 9999, 1);"
                    "UPDATE relations SET type = 'teleported' WHERE type = 'visited';"
                    /* The sentence of the agreements: two pieces of evidence and a claim. */
                    "DELETE FROM sentences WHERE text LIKE 'Iran and Belarus signed%';"
                    "INSERT INTO evidence (sentence, relation) SELECT 9999, id FROM relations WHERE type = 'met';"
                    "INSERT INTO claims (entity, sentence, attribute, value) VALUES (1, 8888, 'count', '3');");

  store = open_store (project->path, ENT_STORE_OPEN_READ_ONLY);
  graph = load_graph (store);
  assert_graph_sane (graph);
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntGraphRelation *relation = ent_graph_get_relation (graph, i);

      g_assert_cmpint (relation->type, !=, ENT_RELATION_VISITED);
      n_evidence += relation->evidence->len;
    }
  for (guint i = 0; i < graph->entities->len; i++)
    n_claims += ent_graph_get_entity (graph, i)->claims->len;
  g_assert_cmpuint (n_claims, ==, 0);
  /* Of eight pieces of evidence: the visit's is gone with its relation, the
   * agreements' two with their sentence. */
  g_assert_cmpuint (n_evidence, ==, 5);

  report = ent_store_take_damage_report (store);
  g_test_message ("%s", report);
  g_assert_nonnull (strstr (report, "2 relations of an unknown type or to a missing entity"));
  g_assert_nonnull (strstr (report, "3 pieces of evidence with a bad span or a missing sentence"));
  g_assert_nonnull (strstr (report, "2 claims without a value or a sentence"));

  out = run_cli (project, "2 relations of an unknown type", "export", "--format", "csv", NULL);
}

/* Text that is not UTF-8, and values of other types than the schema's. */
static void
test_tampered_not_utf8 (Project       *project,
                        gconstpointer  data)
{
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document;
  guint index;

  /* 0xf0 opens a four-byte sequence: a walk that trusts it reads past the
   * end of the string. */
  fixture_sql_exec (project->path,
                    "UPDATE entities SET name = CAST (x'5465687261' || x'f0' AS TEXT) WHERE name = 'Tehran';"
                    "UPDATE aliases SET alias = x'52616973' || x'69ff' WHERE alias = 'Raisi';"
                    "UPDATE documents SET title = 42, text = CAST (x'4972616ef0' AS TEXT) WHERE title = 'Talks';"
                    "UPDATE sentences SET text = x'c3' WHERE text LIKE 'Lukashenko visited%';");
  document = fixture_sql_int64 (project->path, "SELECT id FROM documents WHERE title = 42");

  store = open_store (project->path, ENT_STORE_OPEN_READ_ONLY);
  graph = load_graph (store);
  assert_graph_sane (graph);
  g_assert_true (ent_graph_find_entity (graph, "Tehra\xef\xbf\xbd", &index));
  g_assert_true (ent_graph_lookup_document_id (graph, document, &index));
  g_assert_cmpstr (ent_graph_get_document (graph, index)->title, ==, "42");

  text = ent_store_get_document_text (store, document, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Iran\xef\xbf\xbd");
}

/* Writing into a damaged project: the resolver is loaded from the file
 * (ent_resolver_add_* were handed NULL names and keys, and ids <= 0), names
 * are promoted and corrections applied on rows with NULLs. */
static void
test_tampered_ingest_into_damaged (Project       *project,
                                   gconstpointer  data)
{
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *out = NULL;
  g_autofree char *text = g_build_filename (project->dir, "minsk.txt", NULL);
  gint64 tehran;
  guint index;

  loosen (project->path, "aliases");
  loosen (project->path, "entity_keys");
  loosen (project->path, "entities");
  tehran = fixture_sql_int64 (project->path, "SELECT id FROM entities WHERE name = 'Tehran'");
  fixture_sql_exec (project->path,
                    "INSERT INTO aliases (entity, alias) SELECT id, NULL FROM entities WHERE name = 'Alexander Lukashenko';"
                    "UPDATE entity_keys SET key = NULL WHERE key = 'ebrahim raisi';"
                    "UPDATE entities SET name = NULL WHERE name = 'Tehran';"
                    /* The country Raisi holds office in: its key, read for his office. */
                    "UPDATE entities SET key = NULL WHERE name = 'Iran';"
                    /* Row ids Entente never writes. */
                    "UPDATE entity_mentions SET entity = -entity WHERE entity = (SELECT id FROM entities WHERE name = 'Belarus');"
                    "UPDATE entity_keys SET entity = -entity WHERE entity = (SELECT id FROM entities WHERE name = 'Belarus');"
                    "UPDATE entities SET id = -id WHERE name = 'Belarus';");

  store = open_store (project->path, ENT_STORE_OPEN_DEFAULT);
  add_document (store, "/corpus/again.txt", "Again", "Lukashenko met Raisi again in the afternoon. "
                "Belarus and Iran cooperate within the SCO. Once more.", talks_extraction);
  /* The entity left without a name can be named again. */
  g_assert_true (ent_store_rename_entity (store, tehran, "Tehran", &error));
  g_assert_no_error (error);

  graph = load_graph (store);
  assert_graph_sane (graph);
  g_assert_true (ent_graph_find_entity (graph, "Tehran", &index));
  g_assert_true (ent_graph_find_entity (graph, "Belarus", &index));
  g_assert_cmpint (ent_graph_get_entity (graph, index)->id, >, 0);
  g_assert_true (ent_graph_find_entity (graph, "Lukashenko", &index));
  g_assert_cmpuint (ent_graph_get_entity (graph, index)->n_sources, ==, 3);

  report = ent_store_take_damage_report (store);
  g_test_message ("%s", report);
  g_assert_nonnull (strstr (report, "aliases or keys without text"));
  g_assert_nonnull (strstr (report, "entities without a name or a known type"));
  g_clear_pointer (&store, ent_store_free);

  g_assert_true (g_file_set_contents (text, "Alexander Lukashenko met Ebrahim Raisi in Minsk.\n", -1, NULL));
  out = run_cli (project, "aliases or keys without text", "ingest", text, NULL);
  g_assert_nonnull (strstr (out, "1 new"));
}

/* Full-text search reads sentences through the index: a sentence without
 * text (the snippet was read through a NULL pointer) or with a span that
 * cannot be is left out of the hits. */
static void
test_tampered_search (Project       *project,
                      gconstpointer  data)
{
  g_autoptr(EntStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  loosen (project->path, "sentences");
  fixture_sql_exec (project->path,
                    "UPDATE sentences SET text = NULL WHERE text LIKE 'Lukashenko met Raisi again%';"
                    "UPDATE sentences SET start = -7 WHERE text LIKE 'Lukashenko visited%';");

  store = open_store (project->path, ENT_STORE_OPEN_READ_ONLY);
  /* Three sentences name him; one is whole. */
  hits = ent_store_search_sentences (store, "Lukashenko", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((EntSentenceHit *) g_ptr_array_index (hits, 0))->text, ==,
                   "President Ebrahim Raisi met Alexander Lukashenko in Tehran.");
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = ent_store_search_sentences (store, "Raisi", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  /* The most one search skipped. */
  assert_damage (store, 2, "sentences with a bad span or no text");
}

/* A table or column missing from a file whose version says it has them: a
 * clear 'damaged project' error, once, not one 'no such table' per file. */
static void
test_tampered_missing_table (Project       *project,
                             gconstpointer  data)
{
  g_autofree char *corpus = g_build_filename (project->dir, "corpus", NULL);
  g_autoptr(EntStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = NULL;

  fixture_sql_exec (project->path, "DROP TABLE aliases; ALTER TABLE entities DROP COLUMN name_clean;");

  store = open_store (project->path, ENT_STORE_OPEN_READ_ONLY);
  graph = ent_store_load_graph (store, &error);
  g_assert_null (graph);
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT);
  g_assert_cmpstr (error->message, ==, "damaged project: no such table: aliases");
  g_clear_pointer (&store, ent_store_free);

  g_assert_cmpint (g_mkdir (corpus, 0755), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/%u.txt", corpus, i);
      g_autofree char *text = g_strdup_printf ("Document %u: Iran met Belarus.\n", i);

      g_assert_true (g_file_set_contents (name, text, -1, NULL));
    }

  for (guint v = 0; v < 2; v++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = v == 0 ? fixture_run (project->dir, NULL, &out, &err, "ingest", "--db", project->path,
                                         corpus, NULL)
                          : fixture_run (project->dir, NULL, &out, &err, "show", "--db", project->path,
                                         "Iran", NULL);

      g_test_message ("%s", err);
      g_assert_cmpint (status, ==, 1);
      g_assert_cmpuint (fixture_count_lines (err), ==, 1);
      g_assert_nonnull (strstr (err, "damaged project: no such"));
    }
}

/* The JSON writer does not trust a graph built by hand either. */
static void
test_tampered_json_null_strings (void)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) json = NULL;
  EntGraphEntity *entity;
  guint index;

  index = ent_graph_add_entity (graph, 1, ENT_ENTITY_PERSON, "Someone", 1);
  entity = ent_graph_get_entity (graph, index);
  g_ptr_array_add (entity->aliases, NULL);
  g_hash_table_insert (entity->attributes, g_strdup ("role"), NULL);
  ent_graph_finish (graph);

  g_assert_true (ent_json_write_graph (graph, NULL, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  json = parse_json (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)));
  g_assert_cmpuint (json_count (json, "entities"), ==, 1);
}

/* A schema whose text holds bytes that are not UTF-8: SQLite quotes them in
 * its message, and the error a user sees must still be text. (Found by
 * fuzzing the store.) */
static void
test_tampered_schema_not_utf8 (Project       *project,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;

  fixture_sql_exec (project->path, "PRAGMA writable_schema = ON;"
                    "UPDATE sqlite_master SET name = 'aliases' || CAST (X'8B' AS TEXT),"
                    " sql = 'CREATE TABLE x (' WHERE type = 'table' AND name = 'aliases';"
                    "PRAGMA writable_schema = OFF;");
                    store = ent_store_open (project->path, ENT_STORE_OPEN_READ_ONLY, &error);
                    if (store == NULL)
                    {
                    g_test_message ("%s", error->message);
                    g_assert_true (g_utf8_validate (error->message, -1, NULL));
                    g_assert_nonnull (strstr (error->message, "damaged project"));
                    }
                    else
                    {
                    g_autoptr(EntGraph) graph = ent_store_load_graph (store, &error);
                    
                    g_assert_null (graph);
                    g_assert_nonnull (error);
                    g_test_message ("%s", error->message);
                    g_assert_true (g_utf8_validate (error->message, -1, NULL));
                    }
                    }
                    
                    int
                    main (int   argc,
                    char *argv[])
                    {
                    g_test_init (&argc, &argv, NULL);
                    
                    #define ADD(path, func) \
                    g_test_add ("/entente/tampered/" path, Project, NULL, project_set_up, func, project_tear_down)
                    ADD ("correction-kind", test_tampered_correction_kind);
                    ADD ("null-alias", test_tampered_null_alias);
                    ADD ("null-attribute", test_tampered_null_attribute);
                    ADD ("bad-spans", test_tampered_bad_spans);
                    ADD ("bad-entities", test_tampered_bad_entities);
                    ADD ("dangling-rows", test_tampered_dangling_rows);
                    ADD ("not-utf8", test_tampered_not_utf8);
                    ADD ("search", test_tampered_search);
                    ADD ("ingest-into-damaged", test_tampered_ingest_into_damaged);
                    ADD ("missing-table", test_tampered_missing_table);
                    ADD ("schema-not-utf8", test_tampered_schema_not_utf8);
                    #undef ADD
                    g_test_add_func ("/entente/tampered/json-null-strings", test_tampered_json_null_strings);
                    
                    return g_test_run ();
                    }
                    