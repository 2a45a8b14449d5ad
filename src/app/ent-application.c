/* ent-application.c — the GtkApplication: windows, settings, recent projects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-app"

#include "config.h"

#include <glib/gi18n.h>

#include "ent-application.h"
#include "ent-window.h"

/* How many projects "Open Recent" remembers. */
#define MAX_RECENT 10

struct _EntApplication
{
  GtkApplication  parent_instance;
  GSettings      *settings;
  /* The desktop's light/dark preference, from the settings portal: plain
   * GTK 4.8 does not follow it by itself. */
  GDBusProxy     *portal;
  GCancellable   *cancellable;
  int             system_dark;  /* -1: unknown */
};

G_DEFINE_FINAL_TYPE (EntApplication, ent_application, GTK_TYPE_APPLICATION)

/* The schema is installed with the program; an uninstalled build (the README's
 * quick start, the tests) finds it compiled in the build tree instead. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build_source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      build_source = g_settings_schema_source_new_from_directory (ENTENTE_BUILD_DATADIR, source,
                                                                  FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, APP_ID, TRUE);
    }

  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static EntWindow *
find_window_for_path (EntApplication *self,
                      const char     *path)
{
  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      const char *window_path;

      if (!ENT_IS_WINDOW (l->data))
        continue;
      window_path = ent_window_get_project_path (l->data);
      if (window_path != NULL && g_str_equal (window_path, path))
        return l->data;
    }
  return NULL;
}

static void
ent_application_activate (GApplication *app)
{
  EntApplication *self = ENT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (ent_window_new (self));
      ent_window_open_default (ENT_WINDOW (window));
    }
  gtk_window_present (window);
}

static void
ent_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  EntApplication *self = ENT_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      EntWindow *window;

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_printerr (_("entente: %s: only local files can be opened\n"), uri);
          continue;
        }

      window = find_window_for_path (self, path);
      if (window == NULL)
        {
          window = ent_window_new (self);
          ent_window_open_project (window, path, FALSE);
        }
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/org/entente/Entente/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
apply_style_variant (EntApplication *self)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  int variant = g_settings_get_enum (self->settings, "style-variant");
  gboolean dark;

  if (gtk_settings == NULL)
    return;
  if (variant == 0)
    {
      /* Without an answer from the desktop, GTK's own configuration stays. */
      if (self->system_dark < 0)
        return;
      dark = self->system_dark;
    }
  else
    dark = variant == 2;
  g_object_set (gtk_settings, "gtk-application-prefer-dark-theme", dark, NULL);
}

/* color-scheme: 0 no preference, 1 prefer dark, 2 prefer light. */
static void
set_color_scheme (EntApplication *self,
                  GVariant       *value)
{
  g_autoptr(GVariant) inner = NULL;

  /* Read() wraps the value in one variant more than SettingChanged does. */
  while (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *next = g_variant_get_variant (value);
      g_clear_pointer (&inner, g_variant_unref);
      inner = next;
      value = next;
    }
  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    return;

  self->system_dark = g_variant_get_uint32 (value) == 1;
  apply_style_variant (self);
}

static void
portal_signal_cb (GDBusProxy     *proxy,
                  const char     *sender,
                  const char     *signal,
                  GVariant       *parameters,
                  EntApplication *self)
{
  const char *namespace, *key;
  g_autoptr(GVariant) value = NULL;

  if (!g_str_equal (signal, "SettingChanged") ||
      !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;
  g_variant_get (parameters, "(&s&sv)", &namespace, &key, &value);
  if (g_str_equal (namespace, "org.freedesktop.appearance") && g_str_equal (key, "color-scheme"))
    set_color_scheme (self, value);
}

static void
portal_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  EntApplication *self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (object), result, NULL);
  if (reply == NULL || !g_variant_is_of_type (reply, G_VARIANT_TYPE ("(v)")))
    return;
  g_variant_get (reply, "(v)", &value);
  set_color_scheme (self, value);
}

static void
portal_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  EntApplication *self = user_data;
  GDBusProxy *proxy = g_dbus_proxy_new_for_bus_finish (result, NULL);

  /* No session bus or no portal: GTK's own configuration it is. */
  if (proxy == NULL)
    return;
  self->portal = proxy;
  g_signal_connect_object (proxy, "g-signal", G_CALLBACK (portal_signal_cb), self, 0);
  g_dbus_proxy_call (proxy, "Read",
                     g_variant_new ("(ss)", "org.freedesktop.appearance", "color-scheme"),
                     G_DBUS_CALL_FLAGS_NONE, 2000, self->cancellable, portal_read_cb, self);
}

static void
watch_system_style (EntApplication *self)
{
  /* No D-Bus session, no portal to ask (a test, a bare X server). */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    return;
  g_dbus_proxy_new_for_bus (G_BUS_TYPE_SESSION,
                            G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES,
                            NULL,
                            "org.freedesktop.portal.Desktop",
                            "/org/freedesktop/portal/desktop",
                            "org.freedesktop.portal.Settings",
                            self->cancellable, portal_ready_cb, self);
}

static void
ent_application_startup (GApplication *app)
{
  EntApplication *self = ENT_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (ent_application_parent_class)->startup (app);

  self->settings = create_settings ();
  if (self->settings == NULL)
    {
      g_printerr (_("entente: the settings schema %s is not installed; reinstall Entente\n"),
                  APP_ID);
      g_application_quit (app);
      return;
    }

  {
    g_autoptr(GAction) style_action = g_settings_create_action (self->settings, "style-variant");
    g_action_map_add_action (G_ACTION_MAP (self), style_action);
  }

  gtk_window_set_default_icon_name (APP_ID);
  load_style ();
  apply_style_variant (self);
  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (apply_style_variant), self, G_CONNECT_SWAPPED);
  watch_system_style (self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
}

static void
ent_application_dispose (GObject *object)
{
  EntApplication *self = ENT_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->portal);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ent_application_parent_class)->dispose (object);
}

static void
ent_application_class_init (EntApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ent_application_dispose;

  app_class->startup = ent_application_startup;
  app_class->activate = ent_application_activate;
  app_class->open = ent_application_open;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  EntApplication *self = user_data;

  /* Closing each window lets it save its state and cancel its work. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; )
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_destroy (window);
    }
  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  EntApplication *self = user_data;
  static const char *developers[] = { "The Entente developers", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "program-name", "Entente",
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Explore the relationships in news about diplomacy"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
};

static void
ent_application_init (EntApplication *self)
{
  self->system_dark = -1;
  self->cancellable = g_cancellable_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}

EntApplication *
ent_application_new (void)
{
  return g_object_new (ENT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

GSettings *
ent_application_get_settings (EntApplication *self)
{
  g_return_val_if_fail (ENT_IS_APPLICATION (self), NULL);

  return self->settings;
}

void
ent_application_add_recent (EntApplication *self,
                            const char     *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_return_if_fail (ENT_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  old = g_settings_get_strv (self->settings, "recent-projects");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (old[i], path))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  if (!g_strv_equal ((const char * const *) old, (const char * const *) recent))
    g_settings_set_strv (self->settings, "recent-projects", (const char * const *) recent);
}

void
ent_application_remove_recent (EntApplication *self,
                               const char     *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;

  g_return_if_fail (ENT_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  old = g_settings_get_strv (self->settings, "recent-projects");
  if (!g_strv_contains ((const char * const *) old, path))
    return;
  builder = g_strv_builder_new ();
  for (guint i = 0; old[i] != NULL; i++)
    if (!g_str_equal (old[i], path))
      g_strv_builder_add (builder, old[i]);
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *) recent);
}

char *
ent_application_dup_corpus_dir (void)
{
  const char *env = g_getenv ("ENTENTE_CORPUS_DIR");
  const char *candidates[] = { PKGDATADIR "/corpus", ENTENTE_SOURCE_DATADIR "/corpus" };

  if (env != NULL && *env != '\0')
    return g_file_test (env, G_FILE_TEST_IS_DIR) ? g_strdup (env) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (g_file_test (candidates[i], G_FILE_TEST_IS_DIR))
      return g_strdup (candidates[i]);

  return NULL;
}
