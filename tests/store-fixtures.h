/* store-fixtures.h — documents and extractions built by hand for the store,
 * JSON and command-line tests, so that they test the store and not the
 * extractor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <sys/wait.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ent-store.h"

static inline EntDocument *
fixture_document (const char *path,
                  const char *title,
                  const char *text)
{
  EntDocument *document = g_new0 (EntDocument, 1);

  document->path = g_strdup (path);
  document->format = ENT_DOCUMENT_FORMAT_TEXT;
  document->title = g_strdup (title);
  document->date = g_strdup ("2023-03-13");
  document->source = g_strdup ("Fixture News");
  document->text = g_strdup (text);
  document->length = strlen (text);
  document->n_chars = g_utf8_strlen (text, -1);
  document->hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  return document;
}

static inline void
fixture_document_free (EntDocument *document)
{
  g_free (document->path);
  g_free (document->title);
  g_free (document->date);
  g_free (document->source);
  g_free (document->text);
  g_free (document->hash);
  g_free (document);
}

/* g_autoptr(FixtureDocument) */
typedef EntDocument FixtureDocument;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FixtureDocument, fixture_document_free)

/* Adds the sentence of @document->text that starts with @sentence (which
 * must occur in the text) and returns its index. */
static inline guint
fixture_sentence (EntExtraction     *extraction,
                  const EntDocument *document,
                  const char        *sentence)
{
  const char *found = strstr (document->text, sentence);
  EntSpan span;

  g_assert_nonnull (found);
  span.start = found - document->text;
  span.end = span.start + strlen (sentence);
  g_array_append_val (extraction->sentences, span);

  return extraction->sentences->len - 1;
}

/* Every sentence of the form "... ." in the text, in order: enough for
 * fixtures made of simple sentences. */
static inline void
fixture_all_sentences (EntExtraction     *extraction,
                       const EntDocument *document)
{
  const char *text = document->text;
  gsize start = 0;

  for (gsize i = 0; text[i] != '\0'; i++)
    {
      if (text[i] == ' ' && i == start)
        {
          start++;
          continue;
        }
      if (text[i] == '.' && (text[i + 1] == ' ' || text[i + 1] == '\0' || text[i + 1] == '\n'))
        {
          EntSpan span = { start, i + 1 };

          g_array_append_val (extraction->sentences, span);
          start = i + 1;
        }
      else if (text[i] == '\n' && i == start)
        start++;
    }
}

static inline guint
fixture_entity (EntExtraction *extraction,
                EntEntityType  type,
                const char    *name,
                guint          mentions)
{
  EntExtractedEntity *entity;
  guint index;

  entity = ent_extraction_add_entity (extraction, type, name, &index);
  entity->mentions = mentions;

  return index;
}

static inline char *
fixture_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("entente-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes a test folder and everything in it. Names are read first: a folder
 * listing changed while it is read may skip entries. */
static inline void
fixture_remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_build_filename (dir, name, NULL));

  for (guint i = 0; i < names->len; i++)
    {
      const char *path = g_ptr_array_index (names, i);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        fixture_remove_dir (path);
      else
        {
          g_chmod (path, 0644);
          g_unlink (path);
        }
    }
  g_chmod (dir, 0755);
  g_rmdir (dir);
}

static inline EntStore *
fixture_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  EntStore *store = ent_store_open (path, ENT_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static inline EntStoreAddOutcome
fixture_add (EntStore            *store,
             const EntDocument   *document,
             const EntExtraction *extraction)
{
  g_autoptr(GError) error = NULL;
  EntStoreAddOutcome outcome = ENT_STORE_UNCHANGED;

  g_assert_true (ent_store_add_document (store, document, extraction, &outcome, &error));
  g_assert_no_error (error);
  return outcome;
}

/* Runs the built entente (ENTENTE_EXE) with @args in @cwd, and optionally
 * XDG_DATA_HOME=@data_home; returns its exit status. */
static inline int
fixture_run (const char  *cwd,
             const char  *data_home,
             char       **out,
             char       **err,
             const char  *first_arg,
             ...)
{
  const char *exe = g_getenv ("ENTENTE_EXE");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (data_home != NULL)
    envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  /* Messages in English, whatever the machine's language. */
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_assert_true (g_spawn_sync (cwd, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                               NULL, NULL, out, err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

/* Lines of @text (without the empty last one). */
static inline guint
fixture_count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* Runs @sql on the project file at @path behind the store's back, as a user
 * with an SQL shell (or a hostile file) would. */
static inline void
fixture_sql_exec (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The first column of the first row @sql gives, read from the file. */
static inline gint64
fixture_sql_int64 (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}
