/* test-devset.c — extraction on the development set, measured as a user would.
 *
 * ../shared/devset holds 30 real news articles from every region with a hand
 * annotation (gold.json) and its scorer (score.py); they are not ours and
 * stay outside the repository. The test runs `entente ingest` and `entente
 * export --format json` on the folder, exactly as GUIDELINES.md says, scores
 * the export with score.py, prints every figure and fails below the floors
 * below. It skips when the folder, or python3, is not there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-devset"

#include "config.h"

#include <json-glib/json-glib.h>

#include "store-fixtures.h"

/* What issue 6 requires of the development set. */
#define MIN_ENTITY_RECALL      0.95
#define MIN_ENTITY_PRECISION   0.92
#define MIN_RELATION_RECALL    0.75
#define MIN_RELATION_PRECISION 0.85
#define MIN_AGREEMENTS         17
#define MIN_EVIDENCE_VERBATIM  1.0

static void
run_entente (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s failed: %s", argv[0], argv[1], err);
}

static double
member_double (JsonObject *score,
               const char *name)
{
  g_assert_true (json_object_has_member (score, name));
  return json_object_get_double_member (score, name);
}

static void
print_list (JsonObject *score,
            const char *name)
{
  JsonArray *list = json_object_get_array_member (score, name);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autofree char *text = json_to_string (node, FALSE);

      g_test_message ("%s: %s", name, text);
    }
}

static void
test_devset_scores (void)
{
  const char *devset = g_getenv ("ENTENTE_DEVSET_DIR");
  const char *exe = g_getenv ("ENTENTE_EXE");
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *texts = NULL;
  g_autofree char *gold = NULL;
  g_autofree char *scorer = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *project = NULL;
  g_autofree char *export = NULL;
  g_autofree char *out = NULL;
  g_autofree char *agreements = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *score;
  int status = 0;
  guint found = 0, required = 0;

  if (devset == NULL || !g_file_test (devset, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("ENTENTE_DEVSET_DIR is not a folder");
      return;
    }
  if (python == NULL)
    {
      g_test_skip ("python3 is needed to run the scorer");
      return;
    }
  g_assert_nonnull (exe);
  texts = g_build_filename (devset, "texts", NULL);
  gold = g_build_filename (devset, "gold.json", NULL);
  scorer = g_build_filename (devset, "score.py", NULL);
  dir = fixture_temp_dir ();
  project = g_build_filename (dir, "dev.entente", NULL);
  export = g_build_filename (dir, "dev.json", NULL);

  run_entente ((const char *[]) { exe, "ingest", "--db", project, texts, NULL });
  run_entente ((const char *[]) { exe, "export", "--db", project, "--format", "json", "-o", export, NULL });

  g_spawn_sync (NULL, (char *[]) { python, scorer, gold, export, texts, NULL }, NULL, 0, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  score = json_node_get_object (json_parser_get_root (parser));

  for (const char * const *list = (const char *[]) { "missing_entities", "unmatched_entities", "merged_entities",
                                                      "missing_relations", "wrong_relations",
                                                      "missing_agreements", NULL };
       *list != NULL; list++)
    print_list (score, *list);
  agreements = g_strdup (json_object_get_string_member (score, "agreements_found"));
  g_assert_cmpint (sscanf (agreements, "%u/%u", &found, &required), ==, 2);

  /* The figures, on stdout so that `meson test -v devset` shows them. */
  g_print ("# development set: entity recall %.3f, entity precision %.3f, relation recall %.3f, "
           "relation precision %.3f, agreements %s, evidence verbatim %.3f\n",
           member_double (score, "entity_recall_must"), member_double (score, "entity_precision"),
           member_double (score, "relation_recall_typed"), member_double (score, "relation_precision"),
           agreements, member_double (score, "evidence_verbatim"));

  g_assert_cmpfloat (member_double (score, "entity_recall_must"), >=, MIN_ENTITY_RECALL);
  g_assert_cmpfloat (member_double (score, "entity_precision"), >=, MIN_ENTITY_PRECISION);
  g_assert_cmpfloat (member_double (score, "relation_recall_typed"), >=, MIN_RELATION_RECALL);
  g_assert_cmpfloat (member_double (score, "relation_precision"), >=, MIN_RELATION_PRECISION);
  g_assert_cmpuint (found, >=, MIN_AGREEMENTS);
  g_assert_cmpfloat (member_double (score, "evidence_verbatim"), >=, MIN_EVIDENCE_VERBATIM);

  fixture_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/devset/scores", test_devset_scores);

  return g_test_run ();
}
