/* ent-json.h — the JSON export of DESIGN.md ("entente-graph", version 1).
 *
 * Ids d1.., e1.., r1.. are numbered in the order of the store ids of what is
 * written, so they are stable within one export. Offsets count Unicode
 * characters of the document text as stored. Beyond the documented fields,
 * entities carry "sources" (distinct documents mentioning them) and "claims",
 * relations carry "weight" (distinct documents among their evidence).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ent-graph.h"

G_BEGIN_DECLS

#define ENT_JSON_FORMAT_NAME    "entente-graph"
#define ENT_JSON_FORMAT_VERSION 1

/* Writes the entities at @entity_indices ((element-type guint); NULL: every
 * entity of @graph) and every relation whose both ends are among them. With
 * a subset, only the documents that evidence or claims refer to are listed.
 * The stream is not closed. */
gboolean ent_json_write_graph (EntGraph       *graph,
                               GArray         *entity_indices,
                               GOutputStream  *out,
                               GError        **error);

/* The same with an explicit choice of relations too ((element-type guint);
 * NULL: every relation among the chosen entities); relations with an end
 * outside the chosen entities are left out all the same. For exporting a
 * view whose filter hides some relation types. */
gboolean ent_json_write_selection (EntGraph       *graph,
                                   GArray         *entity_indices,
                                   GArray         *relation_indices,
                                   GOutputStream  *out,
                                   GError        **error);

G_END_DECLS
