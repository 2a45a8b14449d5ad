/* ent-store-resolver.h — the resolver of a writable store, in line with the
 * file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-store-sql.h"

G_BEGIN_DECLS

/* Loads the resolver, or loads it again when another connection wrote to
 * the project since; call inside the write transaction. */
gboolean  ent_store_ensure_resolver  (EntStore    *store,
                                      GError     **error);
/* Registers one entity (name, aliases, keys, offices) with the resolver
 * again, after its rows changed. */
gboolean  ent_store_register_entity  (EntStore    *store,
                                      gint64       id,
                                      GError     **error);
/* Tells the resolver that @holder holds the office @role in entity
 * @office_holder (a relation just added). */
gboolean  ent_store_register_office  (EntStore    *store,
                                      gint64       holder,
                                      gint64       office_holder,
                                      const char  *role,
                                      GError     **error);

G_END_DECLS
