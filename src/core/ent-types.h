/* ent-types.h — the ontology of DESIGN.md: entity and relation types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ENT_ENTITY_PERSON,
  ENT_ENTITY_COUNTRY,
  ENT_ENTITY_ORGANIZATION,
  ENT_ENTITY_AGREEMENT,
  ENT_ENTITY_PLACE,
  ENT_ENTITY_PROJECT,
  ENT_ENTITY_EVENT,
  ENT_N_ENTITY_TYPES
} EntEntityType;

typedef enum {
  ENT_RELATION_HOLDS_OFFICE,
  ENT_RELATION_MET,
  ENT_RELATION_HOSTED,
  ENT_RELATION_VISITED,
  ENT_RELATION_INVITED,
  ENT_RELATION_SIGNED,
  ENT_RELATION_PARTY_TO,
  ENT_RELATION_MEMBER_OF,
  ENT_RELATION_COOPERATES_WITHIN,
  ENT_RELATION_COOPERATES_WITH,
  ENT_RELATION_ADVOCATES,
  ENT_RELATION_INVOLVES,
  ENT_RELATION_PART_OF,
  ENT_RELATION_SANCTIONS,
  ENT_RELATION_ALLIED_WITH,
  ENT_RELATION_LOCATED_IN,
  ENT_RELATION_CO_MENTIONED,
  ENT_N_RELATION_TYPES
} EntRelationType;

/* Stable lower-case identifiers ("person", "holds_office"), as in the JSON format. */
const char *ent_entity_type_to_string   (EntEntityType   type);
gboolean    ent_entity_type_from_string (const char     *str,
                                         EntEntityType  *type);
/* Human-readable, translated ("Person", "Holds office"). */
const char *ent_entity_type_to_label    (EntEntityType   type);

const char *ent_relation_type_to_string   (EntRelationType  type);
gboolean    ent_relation_type_from_string (const char      *str,
                                           EntRelationType *type);
const char *ent_relation_type_to_label    (EntRelationType  type);
gboolean    ent_relation_type_is_symmetric (EntRelationType type);

G_END_DECLS
