/* ent-cli-private.h — what the verbs of the command line share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ent-graph.h"
#include "ent-store.h"

G_BEGIN_DECLS

enum {
  ENT_CLI_STATUS_OK     = 0,  /* everything could be done */
  ENT_CLI_STATUS_FAILED = 1,  /* something failed; the rest was done */
  ENT_CLI_STATUS_USAGE  = 2,  /* the command line itself is wrong */
};

/* Each verb gets argv with argv[0] = the verb. */
int        ent_cli_ingest          (int          argc,
                                    char       **argv);
int        ent_cli_export          (int          argc,
                                    char       **argv);
int        ent_cli_show            (int          argc,
                                    char       **argv);
int        ent_cli_stats           (int          argc,
                                    char       **argv);

/* "entente: SUBJECT: message" on one line of stderr. */
void       ent_cli_error           (const char  *subject,
                                    const char  *format,
                                    ...) G_GNUC_PRINTF (2, 3);
/* Prints a usage error for @verb and returns ENT_CLI_STATUS_USAGE. */
int        ent_cli_usage_error     (const char  *verb,
                                    const char  *format,
                                    ...) G_GNUC_PRINTF (2, 3);

/* Parses the options of @context out of @args (a GStrv owned by the caller,
 * args[0] the verb). On a usage error prints it and returns FALSE. */
gboolean   ent_cli_parse_options   (GOptionContext  *context,
                                    const char      *verb,
                                    char          ***args);

/* The project at @db (NULL: the default one). Without @create a missing
 * project is an error, and it is opened read-only. Errors are printed. */
EntStore  *ent_cli_open_project    (const char  *db,
                                    gboolean     create);
EntGraph  *ent_cli_load_graph      (EntStore    *store);
/* One line on what reading the project skipped as damaged, if anything. */
void       ent_cli_report_damage   (EntStore    *store);

/* The entity called @name (name or alias); prints a clear error with close
 * names when there is none. */
gboolean   ent_cli_find_entity     (EntGraph    *graph,
                                    const char  *name,
                                    guint       *index);

/* Close names for an unknown @name: entities sharing a word with it or with
 * a word one or two letters away; most mentioned first. NULL when none. */
char      *ent_cli_suggest_names   (EntGraph    *graph,
                                    const char  *name);

G_END_DECLS
