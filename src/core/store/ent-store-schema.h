/* ent-store-schema.h — the project schema and its forward migrations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-store-sql.h"

G_BEGIN_DECLS

/* Reads the file's marker, number of schema objects and version, and says
 * what they make of it: a new project (*is_new), or one this version reads
 * (*version), or an error (another application's database, a newer or an
 * unknown version). Changes nothing. */
gboolean  ent_store_inspect_schema (EntStore   *store,
                                    gboolean   *is_new,
                                    int        *version,
                                    GError    **error);
/* Inside a write transaction: creates or upgrades the schema as far as the
 * file, read again under the lock, still needs it. */
gboolean  ent_store_ensure_schema  (EntStore   *store,
                                    GError    **error);

G_END_DECLS
