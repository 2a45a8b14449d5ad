/* ent-store-private.h — the store's state, which every ent-store*.c file sees.
 *
 * Functions live in the header of the file that defines them, lowest first:
 * ent-store-sql.h (statements, errors, transactions, column reads), then
 * ent-store-schema.h, ent-store-resolver.h, ent-store-relations.h and
 * ent-store-corrections.h, each using only those before it. ent-store.c (open,
 * queries) and ent-store-add.c (adding a document) sit on top.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "ent-resolver.h"
#include "ent-store.h"

G_BEGIN_DECLS

/* "Ente" in ASCII: PRAGMA application_id of every Entente project. */
#define ENT_STORE_APPLICATION_ID 0x456e7465
/* The schema version this build writes; files up to it are read (migrated). */
#define ENT_STORE_SCHEMA_VERSION 2
/* The oldest version read as it is without an upgrade, when the project is
 * read-only: version 2 only added an index that writing needs. */
#define ENT_STORE_SCHEMA_READABLE 1

/* What a row a reader had to skip was missing (see
 * ent_store_take_damage_report). */
typedef enum {
  ENT_STORE_DAMAGE_CORRECTION,
  ENT_STORE_DAMAGE_DOCUMENT,
  ENT_STORE_DAMAGE_ENTITY,
  ENT_STORE_DAMAGE_NAME,
  ENT_STORE_DAMAGE_ATTRIBUTE,
  ENT_STORE_DAMAGE_CLAIM,
  ENT_STORE_DAMAGE_RELATION,
  ENT_STORE_DAMAGE_EVIDENCE,
  ENT_STORE_DAMAGE_SENTENCE,
  ENT_STORE_N_DAMAGE
} EntStoreDamage;

struct _EntStore
{
  char        *path;
  sqlite3     *db;
  gboolean     read_only;
  /* static SQL string (by address) -> sqlite3_stmt, prepared once */
  GHashTable  *statements;
  /* Created on the first write: a read-only viewer never needs it. */
  EntResolver *resolver;
  /* PRAGMA data_version when the resolver was last in line with the file:
   * another connection (the window while a worker ingests) may have changed
   * the entities since. */
  gint64       resolver_version;
  /* Rows skipped as damaged, per kind: the most any one reading found. */
  guint        damage[ENT_STORE_N_DAMAGE];
};

G_END_DECLS
