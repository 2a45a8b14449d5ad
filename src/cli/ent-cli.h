/* ent-cli.h — the command-line verbs of DESIGN.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE for "ingest", "export", "show", "stats", "help", "--help", "--version". */
gboolean ent_cli_is_verb (const char *word);

/* Runs argv[1] as a verb; returns the process exit status (0 when everything
 * could be done, 1 when anything failed, 2 for a usage error). */
int      ent_cli_run     (int    argc,
                          char **argv);

G_END_DECLS
