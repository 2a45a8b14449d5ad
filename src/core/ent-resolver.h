/* ent-resolver.h — cross-document entity resolution.
 *
 * The store keeps one resolver per open project, fed with every entity it
 * holds (names, aliases, person name parts, offices). When a document is
 * added, the resolver maps each extracted entity to an existing project entity
 * or says it is new. Memory grows with the number of distinct entities, not
 * with the size of the corpus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ent-extraction.h"

G_BEGIN_DECLS

typedef struct _EntResolver EntResolver;

EntResolver *ent_resolver_new          (void);
void         ent_resolver_free         (EntResolver   *resolver);

/* Registers a known entity (id > 0) under one of its names. Call once per
 * name and alias; the first call for an id should pass its canonical name. */
void         ent_resolver_add_name     (EntResolver   *resolver,
                                        gint64         id,
                                        EntEntityType  type,
                                        const char    *name);
/* Registers everything an extracted entity can be recognised by: its
 * resolution key (EntExtractedEntity.key, which for agreements is not a
 * surface name), its name and its aliases. The store calls this after it
 * inserted or updated project entity @id from @entity, and on open for each
 * stored entity's key with ent_resolver_add_key (the store keeps the key of
 * each entity in its entities table). */
void         ent_resolver_add_extracted (EntResolver              *resolver,
                                         gint64                    id,
                                         const EntExtractedEntity *entity);
void         ent_resolver_add_key      (EntResolver   *resolver,
                                        gint64         id,
                                        EntEntityType  type,
                                        const char    *key);
/* Registers that person @id holds @role for the country or organisation
 * whose key is @holder_key (e.g. "President", "by"). */
void         ent_resolver_add_office   (EntResolver   *resolver,
                                        gint64         id,
                                        const char    *role,
                                        const char    *holder_key);
/* Forgets an entity entirely (after a merge or when its last mention went). */
void         ent_resolver_remove       (EntResolver   *resolver,
                                        gint64         id);

/* Returns the project entity @entity is, or 0 when it is new.
 * @extraction gives context (the other entities of the same document). */
gint64       ent_resolver_resolve      (EntResolver              *resolver,
                                        const EntExtraction      *extraction,
                                        const EntExtractedEntity *entity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntResolver, ent_resolver_free)

G_END_DECLS
