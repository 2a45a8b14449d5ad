/* ent-cli-export.c — entente export [--db FILE] --format FORMAT [--focus NAME]
 *                    [--depth N] [--layout ENGINE] [-o FILE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-cli"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "ent-cli-private.h"
#include "ent-export.h"
#include "ent-json.h"
#include "ent-layout.h"
#include "ent-view.h"

typedef struct {
  char            *db;
  char            *format_name;
  char            *focus;
  int              depth;
  char            *layout_name;
  char            *output;
  EntExportFormat  format;
  EntLayoutEngine  engine;
} ExportOptions;

static void
export_options_clear (ExportOptions *options)
{
  g_clear_pointer (&options->db, g_free);
  g_clear_pointer (&options->format_name, g_free);
  g_clear_pointer (&options->focus, g_free);
  g_clear_pointer (&options->layout_name, g_free);
  g_clear_pointer (&options->output, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportOptions, export_options_clear)

static gboolean
is_binary (EntExportFormat format)
{
  return format == ENT_EXPORT_PNG || format == ENT_EXPORT_PDF;
}

/* Returns ENT_CLI_STATUS_OK or the usage error already printed. */
static int
check_options (ExportOptions  *options,
               char          **args)
{
  if (g_strv_length (args) > 1)
    return ent_cli_usage_error ("export", _("unexpected argument “%s”"), args[1]);
  if (options->format_name == NULL)
    return ent_cli_usage_error ("export", _("--format is required (png, svg, pdf, dot, json, graphml, gexf or csv)"));
  if (!ent_export_format_from_string (options->format_name, &options->format))
    return ent_cli_usage_error ("export", _("unknown format “%s” (png, svg, pdf, dot, json, graphml, gexf or csv)"),
                                options->format_name);
  if (options->depth < 1 || options->depth > 3)
    return ent_cli_usage_error ("export", _("--depth must be 1, 2 or 3"));

  if (options->layout_name != NULL &&
      !ent_layout_engine_from_string (options->layout_name, &options->engine))
    return ent_cli_usage_error ("export", _("unknown layout “%s” (dot, neato, fdp, sfdp, circo or twopi)"),
                                options->layout_name);

  if (options->output == NULL && is_binary (options->format) && isatty (STDOUT_FILENO))
    return ent_cli_usage_error ("export", _("will not write %s to a terminal: use -o FILE or redirect the output"),
                                ent_export_format_to_string (options->format));

  return ENT_CLI_STATUS_OK;
}

static EntView *
make_view (EntGraph      *graph,
           ExportOptions *options)
{
  guint focus;

  if (options->focus == NULL)
    return ent_view_new_all (graph, NULL);
  if (!ent_cli_find_entity (graph, options->focus, &focus))
    return NULL;

  return ent_view_new_focus (graph, NULL, focus, options->depth);
}

static GArray *
indices_array (const guint *indices,
               guint        n)
{
  GArray *array = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  g_array_append_vals (array, indices, n);
  return array;
}

static gboolean
write_json (EntGraph       *graph,
            EntView        *view,
            gboolean        whole,
            GOutputStream  *out,
            GError        **error)
{
  g_autoptr(GArray) entities = NULL;
  g_autoptr(GArray) relations = NULL;
  const guint *indices;
  guint n;

  /* The whole project is exported whole: the default filter of the viewer
   * (co_mentioned hidden) is a matter of display, not of data. */
  if (whole)
    return ent_json_write_graph (graph, NULL, out, error);

  indices = ent_view_get_entities (view, &n);
  entities = indices_array (indices, n);
  indices = ent_view_get_relations (view, &n);
  relations = indices_array (indices, n);

  return ent_json_write_selection (graph, entities, relations, out, error);
}

static gboolean
write_export (EntGraph       *graph,
              EntView        *view,
              EntLayout      *layout,
              ExportOptions  *options,
              GOutputStream  *out,
              GError        **error)
{
  EntExportOptions export_options;

  if (options->format == ENT_EXPORT_JSON)
    return write_json (graph, view, options->focus == NULL, out, error);

  ent_export_options_init (&export_options);
  export_options.title = options->focus;
  return ent_export_to_stream (view, layout, options->format, &export_options, out, NULL, error);
}

/* Written in memory first: a failed export never leaves half a file, and a
 * file is replaced in one step. */
static gboolean
deliver (GMemoryOutputStream  *memory,
         const char           *output,
         GError              **error)
{
  gconstpointer data = g_memory_output_stream_get_data (memory);
  gsize size = g_memory_output_stream_get_data_size (memory);

  if (output != NULL)
    return g_file_set_contents (output, data, size, error);

  if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("cannot write to standard output"));
      return FALSE;
    }
  return TRUE;
}

static int
run_export (EntGraph      *graph,
            ExportOptions *options)
{
  g_autoptr(EntView) view = make_view (graph, options);
  g_autoptr(EntLayout) layout = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  if (view == NULL)
    return ENT_CLI_STATUS_FAILED;

  if (ent_export_format_needs_layout (options->format))
    {
      layout = ent_layout_compute (view, options->engine, NULL, &error);
      if (layout == NULL)
        {
          ent_cli_error (NULL, _("cannot lay the graph out: %s"), error->message);
          return ENT_CLI_STATUS_FAILED;
        }
    }

  out = g_memory_output_stream_new_resizable ();
  if (!write_export (graph, view, layout, options, out, &error) ||
      !g_output_stream_close (out, NULL, &error) ||
      !deliver (G_MEMORY_OUTPUT_STREAM (out), options->output, &error))
    {
      ent_cli_error (options->output != NULL ? options->output : _("standard output"), "%s", error->message);
      return ENT_CLI_STATUS_FAILED;
    }

  return ENT_CLI_STATUS_OK;
}

int
ent_cli_export (int    argc,
                char **argv)
{
  g_auto(ExportOptions) options = { .depth = 1, .engine = ENT_LAYOUT_AUTO };
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &options.db, N_("The project file"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options.format_name,
      N_("png, svg, pdf, dot, json, graphml, gexf or csv"), N_("FORMAT") },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &options.focus,
      N_("Only this entity and its neighbourhood"), N_("NAME") },
    { "depth", 0, 0, G_OPTION_ARG_INT, &options.depth,
      N_("How far from the focus (1 to 3, default 1)"), N_("N") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &options.layout_name,
      N_("dot, neato, fdp, sfdp, circo or twopi"), N_("ENGINE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— write the graph of a project"));
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ent_cli_parse_options (context, "export", &args))
    return ENT_CLI_STATUS_USAGE;
  status = check_options (&options, args);
  if (status != ENT_CLI_STATUS_OK)
    return status;

  store = ent_cli_open_project (options.db, FALSE);
  if (store == NULL)
    return ENT_CLI_STATUS_FAILED;
  graph = ent_cli_load_graph (store);
  if (graph == NULL)
    return ENT_CLI_STATUS_FAILED;

  return run_export (graph, &options);
}
