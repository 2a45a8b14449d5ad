/* test-json.c — the JSON export ("entente-graph", version 1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-json"

#include "config.h"

#include <json-glib/json-glib.h>

#include "ent-json.h"
#include "store-fixtures.h"

/* Built deliberately out of store-id order, to see ids follow the store ids. */
static EntGraph *
build_graph (void)
{
  EntGraph *graph = ent_graph_new ();
  guint d_late, d_early, lukashenko, belarus, raisi, iran, office, met, party;

  d_late = ent_graph_add_document (graph, 9, "Second \"quoted\" article", "/b.txt", NULL, NULL);
  d_early = ent_graph_add_document (graph, 3, "Türkiye’s view", "/a.txt", "2023-03-13", "IRNA");

  lukashenko = ent_graph_add_entity (graph, 50, ENT_ENTITY_PERSON, "Alexander Lukashenko", 23);
  g_ptr_array_add (ent_graph_get_entity (graph, lukashenko)->aliases, g_strdup ("Lukashenko"));
  g_ptr_array_add (ent_graph_get_entity (graph, lukashenko)->aliases, g_strdup ("Mr Lukashenko"));
  belarus = ent_graph_add_entity (graph, 20, ENT_ENTITY_COUNTRY, "Belarus", 4);
  g_hash_table_insert (ent_graph_get_entity (graph, belarus)->attributes, g_strdup ("code"), g_strdup ("BY"));
  raisi = ent_graph_add_entity (graph, 10, ENT_ENTITY_PERSON, "Ebrahim Raisi", 7);
  iran = ent_graph_add_entity (graph, 30, ENT_ENTITY_COUNTRY, "Iran", 9);

  office = ent_graph_add_relation (graph, 200, ENT_RELATION_HOLDS_OFFICE, lukashenko, belarus);
  g_hash_table_insert (ent_graph_get_relation (graph, office)->attributes,
                       g_strdup ("role"), g_strdup ("President"));
  ent_graph_relation_add_evidence (graph, office, d_early, 0, 30, "President Alexander Lukashenko");
  met = ent_graph_add_relation (graph, 100, ENT_RELATION_MET, raisi, lukashenko);
  ent_graph_relation_add_evidence (graph, met, d_early, 31, 60, "Raisi met “Lukashenko”.");
  ent_graph_relation_add_evidence (graph, met, d_late, 0, 10, "They met.");
  party = ent_graph_add_relation (graph, 300, ENT_RELATION_COOPERATES_WITH, iran, belarus);
  ent_graph_relation_add_evidence (graph, party, d_late, 11, 40, "Iran and Belarus cooperate.");

  ent_graph_entity_add_claim (graph, iran, "count", "8", d_early, "eight agreements");
  ent_graph_finish (graph);

  return graph;
}

static JsonObject *
write_and_parse (EntGraph   *graph,
                 GArray     *entities,
                 JsonParser *parser)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (out);

  g_assert_true (ent_json_write_graph (graph, entities, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, &error));

  g_assert_true (json_parser_load_from_data (parser, g_memory_output_stream_get_data (memory),
                                             g_memory_output_stream_get_data_size (memory), &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
element (JsonObject *root,
         const char *member,
         guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (root, member), index);
}

static void
test_json_whole_graph (void)
{
  g_autoptr(EntGraph) graph = build_graph ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = write_and_parse (graph, NULL, parser);
  JsonObject *d1, *e1, *e4, *r1, *r2, *evidence, *claim;
  JsonArray *aliases;

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "entente-graph");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "documents")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "entities")), ==, 4);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "relations")), ==, 3);

  /* d1 is the document with the lowest store id. */
  d1 = element (root, "documents", 0);
  g_assert_cmpstr (json_object_get_string_member (d1, "id"), ==, "d1");
  g_assert_cmpstr (json_object_get_string_member (d1, "title"), ==, "Türkiye’s view");
  g_assert_cmpstr (json_object_get_string_member (d1, "date"), ==, "2023-03-13");
  g_assert_cmpstr (json_object_get_string_member (d1, "source"), ==, "IRNA");
  g_assert_cmpstr (json_object_get_string_member (d1, "path"), ==, "/a.txt");
  g_assert_true (json_object_get_null_member (element (root, "documents", 1), "date"));
  g_assert_cmpstr (json_object_get_string_member (element (root, "documents", 1), "title"),
                   ==, "Second \"quoted\" article");

  e1 = element (root, "entities", 0);
  g_assert_cmpstr (json_object_get_string_member (e1, "id"), ==, "e1");
  g_assert_cmpstr (json_object_get_string_member (e1, "name"), ==, "Ebrahim Raisi");
  g_assert_cmpstr (json_object_get_string_member (e1, "type"), ==, "person");
  g_assert_cmpint (json_object_get_int_member (e1, "mentions"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (e1, "sources"), ==, 2);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (e1, "attributes")), ==, 0);

  e4 = element (root, "entities", 3);
  g_assert_cmpstr (json_object_get_string_member (e4, "name"), ==, "Alexander Lukashenko");
  aliases = json_object_get_array_member (e4, "aliases");
  g_assert_cmpuint (json_array_get_length (aliases), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (aliases, 1), ==, "Mr Lukashenko");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (element (root, "entities", 1),
                                                                                 "attributes"), "code"),
                   ==, "BY");

  claim = json_array_get_object_element (json_object_get_array_member (element (root, "entities", 2), "claims"), 0);
  g_assert_cmpstr (json_object_get_string_member (claim, "attribute"), ==, "count");
  g_assert_cmpstr (json_object_get_string_member (claim, "value"), ==, "8");
  g_assert_cmpstr (json_object_get_string_member (claim, "document"), ==, "d1");
  g_assert_cmpstr (json_object_get_string_member (claim, "text"), ==, "eight agreements");

  /* r1 is "met" (store id 100): Raisi (e1) and Lukashenko (e4). */
  r1 = element (root, "relations", 0);
  g_assert_cmpstr (json_object_get_string_member (r1, "id"), ==, "r1");
  g_assert_cmpstr (json_object_get_string_member (r1, "type"), ==, "met");
  g_assert_cmpstr (json_object_get_string_member (r1, "source"), ==, "e1");
  g_assert_cmpstr (json_object_get_string_member (r1, "target"), ==, "e4");
  g_assert_cmpint (json_object_get_int_member (r1, "weight"), ==, 2);
  evidence = json_array_get_object_element (json_object_get_array_member (r1, "evidence"), 0);
  g_assert_cmpstr (json_object_get_string_member (evidence, "document"), ==, "d1");
  g_assert_cmpint (json_object_get_int_member (evidence, "start"), ==, 31);
  g_assert_cmpint (json_object_get_int_member (evidence, "end"), ==, 60);
  g_assert_cmpstr (json_object_get_string_member (evidence, "text"), ==, "Raisi met “Lukashenko”.");

  r2 = element (root, "relations", 1);
  g_assert_cmpstr (json_object_get_string_member (r2, "type"), ==, "holds_office");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (r2, "attributes"), "role"),
                   ==, "President");
}

static void
test_json_subset (void)
{
  g_autoptr(EntGraph) graph = build_graph ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  guint lukashenko = 0, belarus = 1, out_of_range = 99;
  JsonObject *root, *r1;

  g_array_append_val (chosen, belarus);
  g_array_append_val (chosen, lukashenko);
  g_array_append_val (chosen, lukashenko);
  g_array_append_val (chosen, out_of_range);
  root = write_and_parse (graph, chosen, parser);

  /* Only the relation with both ends chosen; only the document it cites. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "entities")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "relations")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "documents")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (element (root, "documents", 0), "path"), ==, "/a.txt");
  r1 = element (root, "relations", 0);
  g_assert_cmpstr (json_object_get_string_member (r1, "type"), ==, "holds_office");
  /* Belarus (store id 20) comes before Lukashenko (50). */
  g_assert_cmpstr (json_object_get_string_member (r1, "source"), ==, "e2");
  g_assert_cmpstr (json_object_get_string_member (r1, "target"), ==, "e1");
}

static void
test_json_selection (void)
{
  g_autoptr(EntGraph) graph = build_graph ();
  g_autoptr(GArray) relations = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (out);
  guint met = 1;
  JsonObject *root;

  g_array_append_val (relations, met);
  g_assert_true (ent_json_write_selection (graph, NULL, relations, out, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  g_assert_true (json_parser_load_from_data (parser, g_memory_output_stream_get_data (memory),
                                             g_memory_output_stream_get_data_size (memory), &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "relations")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (element (root, "relations", 0), "type"), ==, "met");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "entities")), ==, 4);
}

static void
test_json_empty (void)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  ent_graph_finish (graph);
  root = write_and_parse (graph, NULL, parser);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "entente-graph");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "entities")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "documents")), ==, 0);
}

/* From the store: offsets count characters of the stored text. */
static void
test_json_store_offsets (void)
{
  static const char text[] =
    "Çavuşoğlu’s “guest” — Türkiye. Mevlüt Çavuşoğlu met Hossein Amir-Abdollahian in Ankara.";
  g_autofree char *dir = fixture_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "p.entente", NULL);
  g_autoptr(EntStore) store = fixture_open (path);
  g_autoptr(FixtureDocument) document = fixture_document ("/c/t.txt", "T", text);
  g_autoptr(EntExtraction) extraction = ent_extraction_new ();
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  JsonObject *root, *evidence;
  guint a, b, sentence;
  gint64 start, end;
  g_autofree char *substring = NULL;

  fixture_sentence (extraction, document, "Çavuşoğlu’s “guest” — Türkiye.");
  sentence = fixture_sentence (extraction, document, "Mevlüt Çavuşoğlu met Hossein Amir-Abdollahian in Ankara.");
  a = fixture_entity (extraction, ENT_ENTITY_PERSON, "Mevlüt Çavuşoğlu", 2);
  b = fixture_entity (extraction, ENT_ENTITY_PERSON, "Hossein Amir-Abdollahian", 1);
  ent_extraction_add_relation (extraction, ENT_RELATION_MET, a, b, NULL, sentence);
  fixture_add (store, document, extraction);

  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  root = write_and_parse (graph, NULL, parser);
  evidence = json_array_get_object_element (json_object_get_array_member (element (root, "relations", 0),
                                                                          "evidence"), 0);
  start = json_object_get_int_member (evidence, "start");
  end = json_object_get_int_member (evidence, "end");
  g_assert_cmpint (start, ==, 31);
  g_assert_cmpint (end, ==, g_utf8_strlen (text, -1));

  stored = ent_store_get_document_text (store, ent_graph_get_document (graph, 0)->id, &error);
  g_assert_no_error (error);
  substring = g_utf8_substring (stored, start, end);
  g_assert_cmpstr (substring, ==, json_object_get_string_member (evidence, "text"));

  g_clear_pointer (&store, ent_store_free);
  fixture_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/json/whole-graph", test_json_whole_graph);
  g_test_add_func ("/entente/json/subset", test_json_subset);
  g_test_add_func ("/entente/json/selection", test_json_selection);
  g_test_add_func ("/entente/json/empty", test_json_empty);
  g_test_add_func ("/entente/json/store-offsets", test_json_store_offsets);

  return g_test_run ();
}
