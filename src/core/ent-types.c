/* ent-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ent-types.h"

static const char *entity_ids[ENT_N_ENTITY_TYPES] = {
  "person", "country", "organization", "agreement", "place", "project", "event",
};

static const char *entity_labels[ENT_N_ENTITY_TYPES] = {
  N_("Person"), N_("Country"), N_("Organization"), N_("Agreement"),
  N_("Place"), N_("Project"), N_("Event"),
};

static const struct {
  const char *id;
  const char *label;
  gboolean    symmetric;
} relation_info[ENT_N_RELATION_TYPES] = {
  { "holds_office",      N_("Holds office"),      FALSE },
  { "met",               N_("Met"),               TRUE  },
  { "hosted",            N_("Hosted"),            FALSE },
  { "visited",           N_("Visited"),           FALSE },
  { "invited",           N_("Invited"),           FALSE },
  { "signed",            N_("Signed"),            FALSE },
  { "party_to",          N_("Party to"),          FALSE },
  { "member_of",         N_("Member of"),         FALSE },
  { "cooperates_within", N_("Cooperates within"), FALSE },
  { "cooperates_with",   N_("Cooperates with"),   TRUE  },
  { "advocates",         N_("Advocates"),         FALSE },
  { "involves",          N_("Involves"),          FALSE },
  { "part_of",           N_("Part of"),           FALSE },
  { "sanctions",         N_("Sanctions"),         FALSE },
  { "allied_with",       N_("Allied with"),       TRUE  },
  { "located_in",        N_("Located in"),        FALSE },
  { "co_mentioned",      N_("Mentioned together"), TRUE },
};

const char *
ent_entity_type_to_string (EntEntityType type)
{
  g_return_val_if_fail (type < ENT_N_ENTITY_TYPES, NULL);
  return entity_ids[type];
}

gboolean
ent_entity_type_from_string (const char    *str,
                             EntEntityType *type)
{
  g_return_val_if_fail (type != NULL, FALSE);

  for (guint i = 0; str != NULL && i < ENT_N_ENTITY_TYPES; i++)
    if (g_str_equal (str, entity_ids[i]))
      {
        *type = (EntEntityType) i;
        return TRUE;
      }
  return FALSE;
}

const char *
ent_entity_type_to_label (EntEntityType type)
{
  g_return_val_if_fail (type < ENT_N_ENTITY_TYPES, NULL);
  return _(entity_labels[type]);
}

const char *
ent_relation_type_to_string (EntRelationType type)
{
  g_return_val_if_fail (type < ENT_N_RELATION_TYPES, NULL);
  return relation_info[type].id;
}

gboolean
ent_relation_type_from_string (const char      *str,
                               EntRelationType *type)
{
  g_return_val_if_fail (type != NULL, FALSE);

  for (guint i = 0; str != NULL && i < ENT_N_RELATION_TYPES; i++)
    if (g_str_equal (str, relation_info[i].id))
      {
        *type = (EntRelationType) i;
        return TRUE;
      }
  return FALSE;
}

const char *
ent_relation_type_to_label (EntRelationType type)
{
  g_return_val_if_fail (type < ENT_N_RELATION_TYPES, NULL);
  return _(relation_info[type].label);
}

gboolean
ent_relation_type_is_symmetric (EntRelationType type)
{
  g_return_val_if_fail (type < ENT_N_RELATION_TYPES, FALSE);
  return relation_info[type].symmetric;
}
