/* ent-cli.c — placeholder until the command line lands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-cli"

#include "config.h"

#include "ent-cli.h"

gboolean
ent_cli_is_verb (const char *word)
{
  return FALSE;
}

int
ent_cli_run (int    argc,
             char **argv)
{
  return 2;
}
