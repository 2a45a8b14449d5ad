/* fuzz-store.c — opening an arbitrary file as a project.
 *
 * The bytes are written to a file that is opened read-only and then
 * read-write; the graph, the statistics, the documents and a search are read
 * back, and a document is added. A damaged or foreign file must end in a
 * clear error, never a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-store"

#include "config.h"

#include <glib/gstdio.h>

#include "ent-store.h"
#include "fuzz-common.h"

static char *dir;
static char *project;

static const char article[] =
  "Iranian President Ebrahim Raisi hosted Belarusian President Alexander Lukashenko in Tehran.";

static void
remove_files (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (project, suffixes[i], NULL);

      g_remove (path);
    }
}

static void
clean_up (void)
{
  remove_files ();
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  dir = g_dir_make_tmp ("entente-fuzz-store-XXXXXX", NULL);
  fuzz_check (dir != NULL);
  project = g_build_filename (dir, "p.entente", NULL);
  atexit (clean_up);
  return 0;
}

static void
write_input (const uint8_t *data,
             size_t         size)
{
  remove_files ();
  fuzz_check (g_file_set_contents (project, (const char *) data, (gssize) size, NULL));
}

/* A store error message is text a user reads: valid UTF-8, even when
 * SQLite quotes the damaged file's own bytes. */
static void
check_error (const GError *error)
{
  fuzz_check (error != NULL && error->message != NULL);
  fuzz_check (g_utf8_validate (error->message, -1, NULL));
}

static void
read_back (EntStore *store)
{
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  EntStoreStats stats;

  if (!ent_store_get_stats (store, &stats, &error))
    {
      check_error (error);
      g_clear_error (&error);
    }

  graph = ent_store_load_graph (store, &error);
  if (graph == NULL)
    {
      check_error (error);
      g_clear_error (&error);
    }
  else
    for (guint i = 0; i < graph->documents->len && i < 4; i++)
      {
        g_autofree char *text = NULL;

        text = ent_store_get_document_text (store, ent_graph_get_document (graph, i)->id, &error);
        if (text == NULL)
          check_error (error);
        g_clear_error (&error);
      }

  hits = ent_store_search_sentences (store, "Tehran president", 10, &error);
  if (hits == NULL)
    check_error (error);
}

static void
add_document (EntStore *store)
{
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(EntExtraction) extraction = ent_extraction_new ();
  g_autoptr(GError) error = NULL;
  EntStoreAddOutcome outcome;
  EntSpan span = { 0, sizeof article - 2 };
  guint raisi, lukashenko;

  document = ent_document_new_from_text (article, -1, ENT_DOCUMENT_FORMAT_TEXT,
                                         "/fuzz/article.txt", NULL);
  fuzz_check (document != NULL);
  g_array_append_val (extraction->sentences, span);
  ent_extraction_add_entity (extraction, ENT_ENTITY_PERSON, "Ebrahim Raisi", &raisi);
  ent_extraction_add_entity (extraction, ENT_ENTITY_PERSON, "Alexander Lukashenko", &lukashenko);
  ent_extraction_add_relation (extraction, ENT_RELATION_HOSTED, raisi, lukashenko, NULL, 0);

  if (!ent_store_add_document (store, document, extraction, &outcome, &error))
    check_error (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  EntStore *store;

  write_input (data, size);
  store = ent_store_open (project, ENT_STORE_OPEN_READ_ONLY, &error);
  if (store != NULL)
    {
      read_back (store);
      ent_store_free (store);
    }
  else
    check_error (error);
  g_clear_error (&error);

  /* Read-write on a fresh copy: the read-only pass must not have written,
   * but a migration here may. */
  write_input (data, size);
  store = ent_store_open (project, ENT_STORE_OPEN_DEFAULT, &error);
  if (store != NULL)
    {
      read_back (store);
      add_document (store);
      read_back (store);
      ent_store_free (store);
    }
  else
    check_error (error);
  return 0;
}
