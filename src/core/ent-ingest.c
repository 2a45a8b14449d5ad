/* ent-ingest.c — from paths on disk to documents in a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-ingest"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ent-extractor.h"
#include "ent-ingest.h"
#include "ent-lexicon.h"

typedef struct {
  GPtrArray          *files;      /* absolute paths */
  GHashTable         *seen;       /* "dev:ino" of files and folders already visited */
  EntIngestErrorFunc  error_func;
  gpointer            user_data;
  guint               n_errors;
} Collector;

static void
report (Collector  *collector,
        const char *path,
        GQuark      domain,
        int         code,
        const char *message)
{
  g_autoptr(GError) error = g_error_new_literal (domain, code, message);

  collector->n_errors++;
  if (collector->error_func != NULL)
    collector->error_func (path, error, collector->user_data);
}

/* TRUE the first time a file or folder is met: symbolic links to a file
 * already listed, and loops of links between folders, are visited once. */
static gboolean
first_visit (Collector      *collector,
             const GStatBuf *st)
{
  char *key = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                               (guint64) st->st_dev, (guint64) st->st_ino);

  return g_hash_table_add (collector->seen, key);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void collect_folder (Collector  *collector,
                            const char *path);

static void
collect_entry (Collector  *collector,
               const char *path)
{
  GStatBuf st;

  /* A broken link inside a folder is not something the user asked for. */
  if (g_stat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      if (first_visit (collector, &st))
        collect_folder (collector, path);
    }
  else if (S_ISREG (st.st_mode) && ent_document_is_supported_path (path))
    {
      if (first_visit (collector, &st))
        g_ptr_array_add (collector->files, g_strdup (path));
    }
}

static void
collect_folder (Collector  *collector,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (dir == NULL)
    {
      report (collector, path, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_UNREADABLE, error->message);
      return;
    }

  /* Hidden files and folders (.git, .cache, editor backups) are not articles. */
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));

  /* A stable walk: when two paths lead to one file, the same one is kept. */
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      collect_entry (collector, child);
    }
}

static void
collect_argument (Collector  *collector,
                  const char *argument)
{
  g_autofree char *path = g_canonicalize_filename (argument, NULL);
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      report (collector, argument, ENT_DOCUMENT_ERROR,
              saved_errno == ENOENT ? ENT_DOCUMENT_ERROR_NOT_FOUND : ENT_DOCUMENT_ERROR_UNREADABLE,
              saved_errno == ENOENT ? _("no such file or folder") : g_strerror (saved_errno));
      return;
    }

  if (S_ISDIR (st.st_mode))
    {
      if (first_visit (collector, &st))
        collect_folder (collector, path);
    }
  else if (!S_ISREG (st.st_mode))
    report (collector, argument, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_UNSUPPORTED,
            _("not a regular file"));
  else if (!ent_document_is_supported_path (path))
    report (collector, argument, ENT_DOCUMENT_ERROR, ENT_DOCUMENT_ERROR_UNSUPPORTED,
            _("not a supported document (text, Markdown, HTML or PDF)"));
  else if (first_visit (collector, &st))
    g_ptr_array_add (collector->files, g_steal_pointer (&path));
}

GPtrArray *
ent_ingest_collect_files (const char * const  *paths,
                          EntIngestErrorFunc   error_func,
                          gpointer             user_data,
                          guint               *n_errors)
{
  Collector collector = { 0 };

  g_return_val_if_fail (paths != NULL, NULL);

  collector.files = g_ptr_array_new_with_free_func (g_free);
  collector.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  collector.error_func = error_func;
  collector.user_data = user_data;

  for (guint i = 0; paths[i] != NULL; i++)
    collect_argument (&collector, paths[i]);

  g_ptr_array_sort (collector.files, compare_paths);
  g_hash_table_unref (collector.seen);

  if (n_errors != NULL)
    *n_errors = collector.n_errors;
  return collector.files;
}

/* Ingestion */

typedef struct {
  EntStore              *store;
  EntExtractor          *extractor;
  EntIngestErrorFunc     error_func;
  gpointer               user_data;
  EntIngestSummary      *summary;
} Run;

static void
report_file (Run          *run,
             const char   *path,
             const GError *error)
{
  run->summary->failed++;
  if (run->error_func != NULL)
    run->error_func (path, error, run->user_data);
}

/* Errors after which no other file can be stored either. A project still
 * busy after the store's waits and retries (tens of seconds) is held by a
 * program that is stuck: one line beats a wait and a line per file. */
static gboolean
stops_the_run (const GError *error)
{
  return g_error_matches (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY) ||
         g_error_matches (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT) ||
         g_error_matches (error, ENT_STORE_ERROR, ENT_STORE_ERROR_BUSY);
}

/* FALSE with @error set only when the whole run must stop. */
static gboolean
ingest_file (Run         *run,
             const char  *path,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(EntExtraction) extraction = NULL;
  EntStoreAddOutcome outcome;

  document = ent_document_load (path, &local_error);
  if (document == NULL)
    {
      report_file (run, path, local_error);
      return TRUE;
    }
  run->summary->words += ent_store_count_words (document->text, document->length);

  /* Same text already in the project: no need to extract it again. */
  if (ent_store_has_document (run->store, document->hash))
    {
      run->summary->unchanged++;
      return TRUE;
    }

  extraction = ent_extractor_extract (run->extractor, document);
  if (!ent_store_add_document (run->store, document, extraction, &outcome, &local_error))
    {
      if (stops_the_run (local_error))
        {
          run->summary->failed++;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      report_file (run, path, local_error);
      return TRUE;
    }

  if (outcome == ENT_STORE_ADDED)
    run->summary->added++;
  else if (outcome == ENT_STORE_REPLACED)
    run->summary->replaced++;
  else
    run->summary->unchanged++;
  return TRUE;
}

gboolean
ent_ingest_paths (EntStore              *store,
                  const char * const    *paths,
                  GCancellable          *cancellable,
                  EntIngestProgressFunc  progress_func,
                  EntIngestErrorFunc     error_func,
                  gpointer               user_data,
                  EntIngestSummary      *summary,
                  GError               **error)
{
  EntIngestSummary local_summary = { 0 };
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(EntExtractor) extractor = NULL;
  Run run = { 0 };
  guint n_errors = 0;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (summary == NULL)
    summary = &local_summary;
  memset (summary, 0, sizeof *summary);

  files = ent_ingest_collect_files (paths, error_func, user_data, &n_errors);
  summary->files = files->len;
  summary->failed = n_errors;

  if (files->len > 0 && ent_store_is_read_only (store))
    {
      g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY,
                           _("the project is read-only: it cannot be changed"));
      return FALSE;
    }

  extractor = ent_extractor_new (ent_lexicon_get_default ());
  run.store = store;
  run.extractor = extractor;
  run.error_func = error_func;
  run.user_data = user_data;
  run.summary = summary;

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!ingest_file (&run, path, error))
        return FALSE;
      if (progress_func != NULL)
        progress_func (i + 1, files->len, path, user_data);
    }

  return summary->failed == 0;
}
