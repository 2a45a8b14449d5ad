/* ent-cli-ingest.c — entente ingest [--db FILE] PATH...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-cli"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>

#include "ent-cli-private.h"
#include "ent-ingest.h"

typedef struct {
  gboolean show_progress;  /* stderr is a terminal */
  gboolean progress_shown;
} IngestOutput;

static void
clear_progress (IngestOutput *output)
{
  if (output->progress_shown)
    g_printerr ("\r\033[K");
  output->progress_shown = FALSE;
}

static void
on_error (const char   *path,
          const GError *error,
          gpointer      user_data)
{
  clear_progress (user_data);
  ent_cli_error (path, "%s", error->message);
}

static void
on_progress (guint       done,
             guint       total,
             const char *path,
             gpointer    user_data)
{
  IngestOutput *output = user_data;
  g_autofree char *name = NULL;

  if (!output->show_progress)
    return;

  name = g_path_get_basename (path);
  g_printerr ("\r\033[K[%u/%u] %s", done, total, name);
  output->progress_shown = TRUE;
}

static void
print_summary (EntStore               *store,
               const EntIngestSummary *summary)
{
  g_autoptr(GError) error = NULL;
  EntStoreStats stats;

  g_print (_("documents: %u new, %u replaced, %u unchanged, %u failed"),
           summary->added, summary->replaced, summary->unchanged, summary->failed);
  if (ent_store_get_stats (store, &stats, &error))
    g_print (_("; project: %u documents, %u entities, %u relations"),
             stats.documents, stats.entities, stats.relations);
  g_print ("\n");
}

int
ent_cli_ingest (int    argc,
                char **argv)
{
  g_autofree char *db = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The project file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PATH… — add files or folders to a project"));
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(EntStore) store = NULL;
  g_autoptr(GError) error = NULL;
  EntIngestSummary summary = { 0 };
  IngestOutput output = { 0 };
  gboolean ok;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ent_cli_parse_options (context, "ingest", &args))
    return ENT_CLI_STATUS_USAGE;
  if (g_strv_length (args) < 2)
    return ent_cli_usage_error ("ingest", _("no file or folder given"));

  store = ent_cli_open_project (db, TRUE);
  if (store == NULL)
    return ENT_CLI_STATUS_FAILED;

  output.show_progress = isatty (STDERR_FILENO);
  ok = ent_ingest_paths (store, (const char * const *) args + 1, NULL,
                         on_progress, on_error, &output, &summary, &error);
  clear_progress (&output);

  if (error != NULL)
    ent_cli_error (ent_store_get_path (store), "%s", error->message);
  ent_cli_report_damage (store);
  print_summary (store, &summary);

  return ok ? ENT_CLI_STATUS_OK : ENT_CLI_STATUS_FAILED;
}
