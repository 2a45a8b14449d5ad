/* ent-project.h — an open project: its store, its graph, its background work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ent-graph.h"
#include "ent-ingest.h"
#include "ent-store.h"

G_BEGIN_DECLS

/* One file that could not be ingested, and why. */
typedef struct {
  char *path;
  char *message;
} EntIngestFailure;

typedef struct {
  EntIngestSummary  summary;
  GPtrArray        *failures;  /* (element-type EntIngestFailure) */
  GError           *error;     /* what stopped the run (cancelled, unwritable), or NULL */
} EntIngestReport;

void ent_ingest_report_free (EntIngestReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntIngestReport, ent_ingest_report_free)

#define ENT_TYPE_PROJECT (ent_project_get_type ())
G_DECLARE_FINAL_TYPE (EntProject, ent_project, ENT, PROJECT, GObject)

/* Opens (or with @create, creates) the project at @path and loads its graph,
 * both on a worker thread. */
void             ent_project_open_async           (const char           *path,
                                                   gboolean              create,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
EntProject      *ent_project_open_finish          (GAsyncResult         *result,
                                                   GError              **error);

const char      *ent_project_get_path             (EntProject           *self);
/* The file name without its extension. */
char            *ent_project_dup_title            (EntProject           *self);
/* The current snapshot; replaced (notify::graph) after each ingestion. */
EntGraph        *ent_project_get_graph            (EntProject           *self);
gboolean         ent_project_get_busy             (EntProject           *self);

/* Ingests @paths on a worker thread with its own connection to the project,
 * then reloads the graph, even after a cancellation (the documents finished
 * before it stay). Progress is reported with the "progress" signal on the main
 * thread. One ingestion at a time: a second one fails with G_IO_ERROR_BUSY.
 * The report is returned whenever the run started; report->error tells what
 * stopped it early. */
void             ent_project_ingest_async         (EntProject           *self,
                                                   const char * const   *paths,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
EntIngestReport *ent_project_ingest_finish        (EntProject           *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

/* Full-text search of the sentences on a worker thread. The result is a
 * GPtrArray of EntSentenceHit. */
void             ent_project_search_async         (EntProject           *self,
                                                   const char           *query,
                                                   guint                 limit,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
GPtrArray       *ent_project_search_finish        (EntProject           *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

/* The full text of a document (one row: fast enough for the main thread). */
char            *ent_project_get_document_text    (EntProject           *self,
                                                   gint64                document_id,
                                                   GError              **error);

G_END_DECLS
