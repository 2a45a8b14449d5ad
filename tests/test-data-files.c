/* test-data-files.c — the desktop file, the metainfo, the settings schema and
 * the icon pass the validators the distributions run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-data-files"

#include "config.h"

#include <gio/gio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

static char *
built_data_file (const char *name)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "data", name, NULL);
}

static char *
source_data_file (const char *name)
{
  return g_build_filename (TEST_SRCDIR, "..", "data", name, NULL);
}

/* Runs @argv; skips the test when the program is not installed. */
static void
run_validator (const char * const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", argv[0]);
      g_test_skip (message);
      return;
    }

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed:\n%s%s", argv[0], out, err);
  /* desktop-file-validate prints warnings but exits 0: they count too. */
  if (strstr (out, "warning:") != NULL || strstr (err, "warning:") != NULL ||
      strstr (out, "error:") != NULL || strstr (err, "error:") != NULL)
    g_error ("%s complained:\n%s%s", argv[0], out, err);
}

static void
test_desktop_file (void)
{
  g_autofree char *path = built_data_file (APP_ID ".desktop");
  const char *argv[] = { "desktop-file-validate", path, NULL };
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *icon = NULL;
  g_autofree char *exec = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  run_validator (argv);

  g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  icon = g_key_file_get_string (keyfile, "Desktop Entry", "Icon", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icon, ==, APP_ID);
  exec = g_key_file_get_string (keyfile, "Desktop Entry", "Exec", &error);
  g_assert_no_error (error);
  /* A project given by the file manager opens in the viewer. */
  g_assert_true (g_str_has_prefix (exec, "entente "));
}

static void
test_metainfo (void)
{
  g_autofree char *path = built_data_file (APP_ID ".metainfo.xml");
  const char *argv[] = { "appstreamcli", "validate", "--no-net", path, NULL };
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<id>" APP_ID "</id>"));
  g_assert_nonnull (strstr (contents, APP_ID ".desktop"));
  run_validator (argv);
}

static void
test_schema (void)
{
  g_autofree char *dir = source_data_file (NULL);
  const char *argv[] = { "glib-compile-schemas", "--strict", "--dry-run", dir, NULL };

  run_validator (argv);
}

/* The compiled schema in the build tree is the one the tests and an
 * uninstalled run use: its defaults are what a new user gets. */
static void
test_schema_defaults (void)
{
  g_autofree char *dir = built_data_file (NULL);
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_auto(GStrv) hidden = NULL;
  g_autofree char *engine = NULL;
  g_autoptr(GError) error = NULL;

  source = g_settings_schema_source_new_from_directory (dir, NULL, TRUE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);
  /* The tests run with GSETTINGS_BACKEND=memory. */
  settings = g_settings_new_full (schema, NULL, NULL);

  /* Weak co-mentions are hidden until asked for. */
  hidden = g_settings_get_strv (settings, "hidden-relation-types");
  g_assert_true (g_strv_contains ((const char * const *) hidden, "co_mentioned"));
  g_assert_cmpint (g_settings_get_int (settings, "focus-depth"), ==, 1);
  engine = g_settings_get_string (settings, "layout-engine");
  g_assert_cmpstr (engine, ==, "auto");
  g_assert_cmpuint (g_settings_get_uint (settings, "min-sources"), ==, 1);
}

static void
test_icon_loads (void)
{
  const char *names[] = {
    "icons/hicolor/scalable/apps/" APP_ID ".svg",
    "icons/hicolor/symbolic/apps/" APP_ID "-symbolic.svg",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = source_data_file (names[i]);
      g_autoptr(GdkPixbuf) pixbuf = NULL;
      g_autoptr(GError) error = NULL;

      pixbuf = gdk_pixbuf_new_from_file_at_size (path, 128, 128, &error);
      if (g_error_matches (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE))
        {
          g_test_skip ("no SVG loader for gdk-pixbuf");
          return;
        }
      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 128);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/data-files/desktop", test_desktop_file);
  g_test_add_func ("/entente/data-files/metainfo", test_metainfo);
  g_test_add_func ("/entente/data-files/schema", test_schema);
  g_test_add_func ("/entente/data-files/schema-defaults", test_schema_defaults);
  g_test_add_func ("/entente/data-files/icon", test_icon_loads);

  return g_test_run ();
}
