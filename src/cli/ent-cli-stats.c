/* ent-cli-stats.c — entente stats [--db FILE]: what a project holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ent-cli-private.h"
#include "ent-text.h"

static void
print_stats (EntStore            *store,
             const EntStoreStats *stats)
{
  g_autofree char *size = g_format_size (stats->file_size);
  /* A file name may hold escape sequences: shown as "\x1b", not run. */
  g_autofree char *path = ent_text_escape_controls (ent_store_get_path (store));

  g_print (_("Project: %s (%s)\n"), path, size);
  g_print (_("Documents: %u\n"), stats->documents);
  g_print (_("Sentences: %u\n"), stats->sentences);

  g_print (_("Entities: %u\n"), stats->entities);
  for (guint type = 0; type < ENT_N_ENTITY_TYPES; type++)
    if (stats->entities_by_type[type] > 0)
      g_print ("  %-18s %u\n", ent_entity_type_to_string (type), stats->entities_by_type[type]);

  g_print (_("Relations: %u (pieces of evidence: %u)\n"), stats->relations, stats->evidence);
  for (guint type = 0; type < ENT_N_RELATION_TYPES; type++)
    if (stats->relations_by_type[type] > 0)
      g_print ("  %-18s %u\n", ent_relation_type_to_string (type), stats->relations_by_type[type]);
}

int
ent_cli_stats (int    argc,
               char **argv)
{
  g_autofree char *db = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The project file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— what a project holds"));
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(EntStore) store = NULL;
  g_autoptr(GError) error = NULL;
  EntStoreStats stats;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ent_cli_parse_options (context, "stats", &args))
    return ENT_CLI_STATUS_USAGE;
  if (g_strv_length (args) > 1)
    return ent_cli_usage_error ("stats", _("unexpected argument “%s”"), args[1]);

  store = ent_cli_open_project (db, FALSE);
  if (store == NULL)
    return ENT_CLI_STATUS_FAILED;

  if (!ent_store_get_stats (store, &stats, &error))
    {
      ent_cli_error (ent_store_get_path (store), "%s", error->message);
      return ENT_CLI_STATUS_FAILED;
    }

  print_stats (store, &stats);
  return ENT_CLI_STATUS_OK;
}
