/* main.c — no verb opens the viewer; a verb runs the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "ent-cli.h"
#if HAVE_VIEWER
# include "ent-application.h"
#endif

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && ent_cli_is_verb (argv[1]))
    return ent_cli_run (argc, argv);

#if HAVE_VIEWER
  {
    g_autoptr(EntApplication) app = ent_application_new ();
    return g_application_run (G_APPLICATION (app), argc, argv);
  }
#else
  g_printerr (_("entente: built without the viewer; use a verb: ingest, export, show, stats\n"));
  return 2;
#endif
}
