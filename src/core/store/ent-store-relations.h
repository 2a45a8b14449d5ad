/* ent-store-relations.h — finding a relation by its ends, type and role.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-store-sql.h"

G_BEGIN_DECLS

/* The relation (@type, @source, @target, @role), added when there is none:
 * *is_new says which. */
gboolean  ent_store_find_or_add_relation (EntStore     *store,
                                          const char   *type,
                                          gint64        source,
                                          gint64        target,
                                          const char   *role,
                                          gint64       *id,
                                          gboolean     *is_new,
                                          GError      **error);

G_END_DECLS
