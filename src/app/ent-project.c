/* ent-project.c — an open project: its store, its graph, its background work.
 *
 * The main connection to the project file is used by one thread at a time
 * (a mutex): searches run on worker threads, documents are read on the main
 * thread. Ingestion opens a connection of its own, as WAL allows a writer
 * beside readers, so the window stays usable while documents are added.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-project"

#include "config.h"

#include <glib/gi18n.h>

#include "ent-project.h"

struct _EntProject
{
  GObject    parent_instance;

  char      *path;
  GMutex     store_lock;
  EntStore  *store;
  EntGraph  *graph;
  guint      busy : 1;
};

enum {
  PROP_0,
  PROP_PATH,
  PROP_GRAPH,
  PROP_BUSY,
  N_PROPS
};

enum {
  PROGRESS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EntProject, ent_project, G_TYPE_OBJECT)

void
ent_ingest_report_free (EntIngestReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->failures, g_ptr_array_unref);
  g_clear_error (&report->error);
  g_free (report);
}

static void
ent_ingest_failure_free (EntIngestFailure *failure)
{
  g_free (failure->path);
  g_free (failure->message);
  g_free (failure);
}

static void
ent_project_set_graph (EntProject *self,
                       EntGraph   *graph)
{
  if (self->graph == graph)
    return;
  g_clear_pointer (&self->graph, ent_graph_unref);
  self->graph = graph != NULL ? ent_graph_ref (graph) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRAPH]);
}

static void
ent_project_set_busy (EntProject *self,
                      gboolean    busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
ent_project_finalize (GObject *object)
{
  EntProject *self = ENT_PROJECT (object);

  g_clear_pointer (&self->store, ent_store_free);
  g_clear_pointer (&self->graph, ent_graph_unref);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->store_lock);

  G_OBJECT_CLASS (ent_project_parent_class)->finalize (object);
}

static void
ent_project_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  EntProject *self = ENT_PROJECT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_GRAPH:
      g_value_set_pointer (value, self->graph);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_project_class_init (EntProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ent_project_finalize;
  object_class->get_property = ent_project_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* An EntGraph: not a GType of its own, core has no GObject types. */
  properties[PROP_GRAPH] =
    g_param_spec_pointer ("graph", NULL, NULL,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (done, total, path): on the main thread, coalesced. */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);
}

static void
ent_project_init (EntProject *self)
{
  g_mutex_init (&self->store_lock);
}

/* Opening ---------------------------------------------------------------- */

typedef struct {
  char      *path;
  gboolean   create;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  EntProject *self;

  store = ent_store_open (data->path,
                          data->create ? ENT_STORE_OPEN_CREATE : ENT_STORE_OPEN_DEFAULT,
                          &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  graph = ent_store_load_graph (store, &error);
  if (graph == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self = g_object_new (ENT_TYPE_PROJECT, NULL);
  self->path = g_strdup (ent_store_get_path (store));
  if (self->path == NULL)
    self->path = g_strdup (data->path);
  self->store = g_steal_pointer (&store);
  self->graph = g_steal_pointer (&graph);
  g_task_return_pointer (task, self, g_object_unref);
}

void
ent_project_open_async (const char          *path,
                        gboolean             create,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->create = create;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ent_project_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

EntProject *
ent_project_open_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ent_project_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Accessors -------------------------------------------------------------- */

const char *
ent_project_get_path (EntProject *self)
{
  g_return_val_if_fail (ENT_IS_PROJECT (self), NULL);

  return self->path;
}

char *
ent_project_dup_title (EntProject *self)
{
  g_autofree char *base = NULL;
  char *dot;

  g_return_val_if_fail (ENT_IS_PROJECT (self), NULL);

  base = g_path_get_basename (self->path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

EntGraph *
ent_project_get_graph (EntProject *self)
{
  g_return_val_if_fail (ENT_IS_PROJECT (self), NULL);

  return self->graph;
}

gboolean
ent_project_get_busy (EntProject *self)
{
  g_return_val_if_fail (ENT_IS_PROJECT (self), FALSE);

  return self->busy;
}

char *
ent_project_get_document_text (EntProject  *self,
                               gint64       document_id,
                               GError     **error)
{
  char *text;

  g_return_val_if_fail (ENT_IS_PROJECT (self), NULL);

  g_mutex_lock (&self->store_lock);
  text = ent_store_get_document_text (self->store, document_id, error);
  g_mutex_unlock (&self->store_lock);

  return text;
}

/* Ingestion -------------------------------------------------------------- */

typedef struct {
  EntProject      *project;
  char            *path;
  GStrv            paths;
  GMainContext    *context;
  EntGraph        *graph;     /* reloaded on the worker once done */
  EntIngestReport *report;

  /* Progress, written by the worker and read on the main thread. */
  GMutex           lock;
  guint            done;
  guint            total;
  char            *current;
  gboolean         progress_pending;
} IngestData;

static void
ingest_data_free (IngestData *data)
{
  g_clear_object (&data->project);
  g_free (data->path);
  g_strfreev (data->paths);
  g_main_context_unref (data->context);
  g_clear_pointer (&data->graph, ent_graph_unref);
  g_clear_pointer (&data->report, ent_ingest_report_free);
  g_mutex_clear (&data->lock);
  g_free (data->current);
  g_free (data);
}

static gboolean
ingest_progress_idle (gpointer user_data)
{
  GTask *task = user_data;
  IngestData *data = g_task_get_task_data (task);
  g_autofree char *current = NULL;
  guint done, total;

  g_mutex_lock (&data->lock);
  done = data->done;
  total = data->total;
  current = g_strdup (data->current);
  data->progress_pending = FALSE;
  g_mutex_unlock (&data->lock);

  g_signal_emit (data->project, signals[PROGRESS], 0, done, total, current);

  return G_SOURCE_REMOVE;
}

/* Called on the worker for every file: only the latest state is delivered, so
 * thousands of small files do not flood the main loop. */
static void
ingest_progress_cb (guint       done,
                    guint       total,
                    const char *path,
                    gpointer    user_data)
{
  GTask *task = user_data;
  IngestData *data = g_task_get_task_data (task);
  gboolean schedule;

  g_mutex_lock (&data->lock);
  data->done = done;
  data->total = total;
  g_free (data->current);
  data->current = g_strdup (path);
  schedule = !data->progress_pending;
  data->progress_pending = TRUE;
  g_mutex_unlock (&data->lock);

  if (schedule)
    g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT,
                                ingest_progress_idle, g_object_ref (task), g_object_unref);
}

static void
ingest_error_cb (const char   *path,
                 const GError *error,
                 gpointer      user_data)
{
  GTask *task = user_data;
  IngestData *data = g_task_get_task_data (task);
  EntIngestFailure *failure = g_new0 (EntIngestFailure, 1);

  failure->path = g_strdup (path);
  failure->message = g_strdup (error->message);
  g_ptr_array_add (data->report->failures, failure);
}

static void
ingest_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  IngestData *data = task_data;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) load_error = NULL;

  store = ent_store_open (data->path, ENT_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      data->report->error = g_steal_pointer (&error);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (!ent_ingest_paths (store, (const char * const *) data->paths, cancellable,
                         ingest_progress_cb, ingest_error_cb, task,
                         &data->report->summary, &error))
    data->report->error = g_steal_pointer (&error);

  /* Even a cancelled run added the documents finished before: show them. */
  data->graph = ent_store_load_graph (store, &load_error);
  if (data->graph == NULL && data->report->error == NULL)
    data->report->error = g_steal_pointer (&load_error);

  g_task_return_boolean (task, TRUE);
}

static void
ingest_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  IngestData *data = g_task_get_task_data (G_TASK (result));
  EntProject *self = g_task_get_source_object (outer);

  ent_project_set_busy (self, FALSE);
  if (data->graph != NULL)
    ent_project_set_graph (self, data->graph);

  g_task_return_pointer (outer, g_steal_pointer (&data->report),
                         (GDestroyNotify) ent_ingest_report_free);
}

void
ent_project_ingest_async (EntProject          *self,
                          const char * const  *paths,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  IngestData *data;

  g_return_if_fail (ENT_IS_PROJECT (self));
  g_return_if_fail (paths != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, ent_project_ingest_async);
  /* A cancelled run still has a report: what was added, what failed. */
  g_task_set_check_cancellable (outer, FALSE);

  if (self->busy)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("Documents are already being added to this project"));
      return;
    }
  ent_project_set_busy (self, TRUE);

  data = g_new0 (IngestData, 1);
  data->project = g_object_ref (self);
  data->path = g_strdup (self->path);
  data->paths = g_strdupv ((char **) paths);
  data->context = g_main_context_ref_thread_default ();
  data->report = g_new0 (EntIngestReport, 1);
  data->report->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_ingest_failure_free);
  g_mutex_init (&data->lock);

  inner = g_task_new (NULL, cancellable, ingest_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, ingest_thread);
  g_task_set_task_data (inner, data, (GDestroyNotify) ingest_data_free);
  /* The result must arrive even when cancelled: the graph changed anyway. */
  g_task_set_check_cancellable (inner, FALSE);
  g_task_run_in_thread (inner, ingest_thread);
}

EntIngestReport *
ent_project_ingest_finish (EntProject    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (ENT_IS_PROJECT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ent_project_ingest_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Search ----------------------------------------------------------------- */

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  EntProject *self = source_object;
  const char *query = task_data;
  guint limit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "limit"));
  g_autoptr(GError) error = NULL;
  GPtrArray *hits;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_mutex_lock (&self->store_lock);
  hits = ent_store_search_sentences (self->store, query, limit, &error);
  g_mutex_unlock (&self->store_lock);

  if (hits == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
}

void
ent_project_search_async (EntProject          *self,
                          const char          *query,
                          guint                limit,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ENT_IS_PROJECT (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ent_project_search_async);
  g_task_set_task_data (task, g_strdup (query), g_free);
  g_object_set_data (G_OBJECT (task), "limit", GUINT_TO_POINTER (limit));
  g_task_run_in_thread (task, search_thread);
}

GPtrArray *
ent_project_search_finish (EntProject    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (ENT_IS_PROJECT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
