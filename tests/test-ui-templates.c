/* test-ui-templates.c — every .ui file of the viewer builds.
 *
 * A wrong property or a missing template child in a .ui file only fails at
 * run time, in front of the user; here each one is built and destroyed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ui-templates"

#include "config.h"

#include <gtk/gtk.h>

#include "ent-application.h"
#include "ent-filter-popover.h"
#include "ent-graph-canvas.h"
#include "ent-path-dialog.h"
#include "ent-search-popover.h"
#include "ent-side-panel.h"
#include "ent-status-page.h"
#include "ent-window.h"

#define RESOURCE_ROOT "/org/entente/Entente"

static EntApplication *app;

static void
ensure_types (void)
{
  g_type_ensure (ENT_TYPE_WINDOW);
  g_type_ensure (ENT_TYPE_GRAPH_CANVAS);
  g_type_ensure (ENT_TYPE_SIDE_PANEL);
  g_type_ensure (ENT_TYPE_SEARCH_POPOVER);
  g_type_ensure (ENT_TYPE_FILTER_POPOVER);
  g_type_ensure (ENT_TYPE_PATH_DIALOG);
  g_type_ensure (ENT_TYPE_STATUS_PAGE);
}

/* "ent-window.ui" -> "EntWindow", read from the file itself. */
static char *
template_class (const char *path)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  const char *data;
  const char *start;
  const char *end;

  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, NULL);
  start = strstr (data, "<template class=\"");
  if (start == NULL)
    return NULL;
  start += strlen ("<template class=\"");
  end = strchr (start, '"');
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static EntGraph *
small_graph (void)
{
  EntGraph *graph = ent_graph_new ();
  guint d = ent_graph_add_document (graph, 1, "A visit", NULL, "2023-03-13", NULL);
  guint a = ent_graph_add_entity (graph, 10, ENT_ENTITY_PERSON, "First Person", 3);
  guint b = ent_graph_add_entity (graph, 20, ENT_ENTITY_COUNTRY, "Somewhere", 2);
  guint r = ent_graph_add_relation (graph, 100, ENT_RELATION_VISITED, a, b);

  ent_graph_relation_add_evidence (graph, r, d, 0, 28, "First Person visited Somewhere.");
  ent_graph_finish (graph);
  return graph;
}

static GtkWidget *
instantiate (GType type)
{
  if (type == ENT_TYPE_WINDOW)
    return GTK_WIDGET (ent_window_new (app));
  if (type == ENT_TYPE_PATH_DIALOG)
    {
      g_autoptr(EntGraph) graph = small_graph ();
      return GTK_WIDGET (ent_path_dialog_new (NULL, graph, 0));
    }
  return g_object_new (type, NULL);
}

static void
destroy_widget (GtkWidget *widget)
{
  if (GTK_IS_WINDOW (widget))
    gtk_window_destroy (GTK_WINDOW (widget));
  else
    g_object_unref (g_object_ref_sink (widget));
}

static void
test_templates_build (void)
{
  g_auto(GStrv) children = g_resources_enumerate_children (RESOURCE_ROOT "/", 0, NULL);
  guint n_templates = 0;

  g_assert_nonnull (children);
  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *class_name = NULL;
      GtkWidget *widget;
      GType type;

      if (!g_str_has_suffix (children[i], ".ui"))
        continue;
      path = g_strconcat (RESOURCE_ROOT "/", children[i], NULL);
      class_name = template_class (path);
      g_assert_nonnull (class_name);

      type = g_type_from_name (class_name);
      g_assert_true (type != G_TYPE_INVALID);
      g_test_message ("building %s (%s)", path, class_name);
      widget = instantiate (type);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (widget, type));
      destroy_widget (widget);
      n_templates++;
    }

  /* Window, side panel, search, filters, path dialog, status page. */
  g_assert_cmpuint (n_templates, >=, 6);
}

static void
test_help_overlay_builds (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_ROOT "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* Every accelerator the shortcuts window shows must parse, or it shows
 * nothing for it. */
static void
test_help_overlay_accelerators (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_ROOT "/gtk/help-overlay.ui", 0, NULL);
  g_autoptr(GRegex) regex = g_regex_new ("<property name=\"accelerator\">([^<]*)</property>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match (regex, g_bytes_get_data (bytes, NULL), 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *raw = g_match_info_fetch (match, 1);
      g_autoptr(GString) accels = g_string_new (raw);
      g_auto(GStrv) parts = NULL;

      g_string_replace (accels, "&lt;", "<", 0);
      g_string_replace (accels, "&gt;", ">", 0);
      parts = g_strsplit (accels->str, " ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          guint key = 0;
          GdkModifierType mods = 0;

          g_assert_true (gtk_accelerator_parse (parts[i], &key, &mods));
          g_assert_cmpuint (key, !=, 0);
          n++;
        }
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (n, >=, 25);
}

/* The window's own menus: every item names an action that exists. */
static void
test_menus_name_real_actions (void)
{
  EntWindow *window = ent_window_new (app);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_ROOT "/ent-window.ui", 0, NULL);
  g_autoptr(GRegex) regex = g_regex_new ("<attribute name=\"action\">(win|app)\\.([a-z-]+)</attribute>",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match (regex, g_bytes_get_data (bytes, NULL), 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *group = g_match_info_fetch (match, 1);
      g_autofree char *name = g_match_info_fetch (match, 2);

      if (g_str_equal (group, "app"))
        g_assert_true (g_action_map_lookup_action (G_ACTION_MAP (app), name) != NULL);
      else if (!g_str_equal (name, "show-help-overlay"))
        {
          g_autofree char *full = g_strconcat ("win.", name, NULL);
          GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
          gboolean found = FALSE;
          GType owner;
          const GVariantType *param;
          const char *action_name;
          const char *property;

          for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &action_name, &param, &property); i++)
            if (g_str_equal (action_name, full))
              found = TRUE;
          if (!found)
            g_error ("The menus name %s, which the window does not have", full);
        }
      n++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (n, >=, 20);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
skip_without_display (void)
{
  g_test_skip ("No display: the UI tests run under xvfb-run");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_init (&argc, &argv, NULL);
      g_test_add_func ("/entente/ui-templates/no-display", skip_without_display);
      return g_test_run ();
    }
  /* Xvfb has no GPU: GL would be emulated, many times slower than cairo. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);

  app = ent_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  ensure_types ();

  g_test_add_func ("/entente/ui-templates/build", test_templates_build);
  g_test_add_func ("/entente/ui-templates/help-overlay", test_help_overlay_builds);
  g_test_add_func ("/entente/ui-templates/help-overlay-accelerators", test_help_overlay_accelerators);
  g_test_add_func ("/entente/ui-templates/menu-actions", test_menus_name_real_actions);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
