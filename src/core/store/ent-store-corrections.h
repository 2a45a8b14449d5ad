/* ent-store-corrections.h — applying the corrections made by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-store-sql.h"

G_BEGIN_DECLS

/* Inside a write transaction: applies every recorded correction again to
 * the entities that answer to it (idempotent). */
gboolean  ent_store_apply_corrections (EntStore  *store,
                                       GError   **error);

G_END_DECLS
