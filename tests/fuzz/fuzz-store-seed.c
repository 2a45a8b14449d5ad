/* fuzz-store-seed.c — makes a project file from the repository's fixtures,
 * as the first seed of the store harness: fuzz-store-seed OUTPUT FILE...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-store-seed"

#include "config.h"

#include <glib/gstdio.h>

#include "ent-ingest.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EntStore) store = NULL;
  g_autoptr(GError) error = NULL;
  EntIngestSummary summary;

  if (argc < 2)
    {
      g_printerr ("usage: %s OUTPUT [FILE...]\n", argv[0]);
      return 2;
    }
  g_remove (argv[1]);
  store = ent_store_open (argv[1], ENT_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  if (argc > 2 &&
      !ent_ingest_paths (store, (const char * const *) argv + 2, NULL, NULL, NULL, NULL,
                         &summary, &error))
    {
      g_printerr ("%s: %s\n", argv[1], error != NULL ? error->message : "a file failed");
      return 1;
    }
  return 0;
}
