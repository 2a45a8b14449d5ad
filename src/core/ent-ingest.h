/* ent-ingest.h — from paths on disk to documents in a project.
 *
 * Walks files and folders (recursively, in a stable order), reads each
 * document, extracts and stores it; one bad file never stops the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ent-store.h"

G_BEGIN_DECLS

typedef struct {
  guint files;      /* supported files found */
  guint added;
  guint replaced;
  guint unchanged;
  guint failed;     /* files that could not be read, extracted or stored */
  guint64 words;    /* words in the documents read */
} EntIngestSummary;

/* @done of @total files processed; @path is the file just finished. Called on
 * the thread that runs the ingestion. */
typedef void (*EntIngestProgressFunc) (guint       done,
                                       guint       total,
                                       const char *path,
                                       gpointer    user_data);
/* One per problem; @path names the file (or the argument) at fault. */
typedef void (*EntIngestErrorFunc)    (const char   *path,
                                       const GError *error,
                                       gpointer      user_data);

/* Files under @paths that Entente reads, sorted, without duplicates. Paths that
 * do not exist or cannot be listed are reported through @error_func. */
GPtrArray *ent_ingest_collect_files (const char * const    *paths,
                                     EntIngestErrorFunc     error_func,
                                     gpointer               user_data,
                                     guint                 *n_errors);

/* Returns FALSE when any file failed (or the project could not be written);
 * every file that could be ingested was. @error is set only for a problem that
 * stopped the whole run (cancelled, project unwritable). */
gboolean   ent_ingest_paths         (EntStore              *store,
                                     const char * const    *paths,
                                     GCancellable          *cancellable,
                                     EntIngestProgressFunc  progress_func,
                                     EntIngestErrorFunc     error_func,
                                     gpointer               user_data,
                                     EntIngestSummary      *summary,
                                     GError               **error);

G_END_DECLS
