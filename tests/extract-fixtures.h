/* extract-fixtures.h — what the extractor tests share: extracting a text
 * written for the test, finding its entities and relations by name, and
 * printing what was found when an assertion fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "ent-document.h"
#include "ent-extractor.h"
#include "ent-lexicon.h"

static inline EntExtraction *
extract (const char   *text,
         EntDocument **out_document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntExtractor) extractor = ent_extractor_new (ent_lexicon_get_default ());
  EntDocument *document = ent_document_new_from_text (text, -1, ENT_DOCUMENT_FORMAT_TEXT, NULL, &error);
  EntExtraction *extraction;

  g_assert_no_error (error);
  extraction = ent_extractor_extract (extractor, document);
  if (out_document != NULL)
    *out_document = document;
  else
    ent_document_free (document);
  return extraction;
}

static inline int
find_entity (EntExtraction *ex,
             EntEntityType  type,
             const char    *name)
{
  for (guint i = 0; i < ex->entities->len; i++)
    {
      EntExtractedEntity *e = g_ptr_array_index (ex->entities, i);

      if (e->type == type && g_str_equal (e->name, name))
        return (int) i;
    }
  return -1;
}

static inline guint
count_type (EntExtraction *ex,
            EntEntityType  type)
{
  guint n = 0;

  for (guint i = 0; i < ex->entities->len; i++)
    n += ((EntExtractedEntity *) g_ptr_array_index (ex->entities, i))->type == type;
  return n;
}

static inline void
dump (EntExtraction *ex)
{
  for (guint i = 0; i < ex->entities->len; i++)
    {
      EntExtractedEntity *e = g_ptr_array_index (ex->entities, i);

      g_test_message ("entity %u: %s “%s”", i, ent_entity_type_to_string (e->type), e->name);
    }
  for (guint i = 0; i < ex->relations->len; i++)
    {
      EntExtractedRelation *r = &g_array_index (ex->relations, EntExtractedRelation, i);

      g_test_message ("relation: %s %s -> %s (%s)", ent_relation_type_to_string (r->type),
                      ((EntExtractedEntity *) g_ptr_array_index (ex->entities, r->source))->name,
                      ((EntExtractedEntity *) g_ptr_array_index (ex->entities, r->target))->name,
                      r->role != NULL ? r->role : "");
    }
}

static inline gboolean
has_relation_full (EntExtraction   *ex,
                   EntRelationType  type,
                   EntEntityType    source_type,
                   const char      *source,
                   EntEntityType    target_type,
                   const char      *target,
                   const char      *role)
{
  int s = find_entity (ex, source_type, source);
  int t = find_entity (ex, target_type, target);

  for (guint i = 0; s >= 0 && t >= 0 && i < ex->relations->len; i++)
    {
      EntExtractedRelation *r = &g_array_index (ex->relations, EntExtractedRelation, i);
      gboolean forward = r->source == (guint) s && r->target == (guint) t;
      gboolean backward = r->source == (guint) t && r->target == (guint) s;

      if (r->type != type)
        continue;
      if (!(forward || (backward && ent_relation_type_is_symmetric (type))))
        continue;
      if (role != NULL && g_strcmp0 (r->role, role) != 0)
        continue;
      return TRUE;
    }
  return FALSE;
}

#define P ENT_ENTITY_PERSON
#define C ENT_ENTITY_COUNTRY
#define O ENT_ENTITY_ORGANIZATION
#define A ENT_ENTITY_AGREEMENT
#define L ENT_ENTITY_PLACE
#define J ENT_ENTITY_PROJECT

#define assert_relation(ex, type, st, s, tt, t) \
  G_STMT_START { \
    if (!has_relation_full (ex, type, st, s, tt, t, NULL)) \
      { dump (ex); g_error ("missing %s: %s -> %s", ent_relation_type_to_string (type), s, t); } \
  } G_STMT_END

#define assert_no_relation(ex, type, st, s, tt, t) \
  G_STMT_START { \
    if (has_relation_full (ex, type, st, s, tt, t, NULL)) \
      { dump (ex); g_error ("unexpected %s: %s -> %s", ent_relation_type_to_string (type), s, t); } \
  } G_STMT_END

#define assert_entity(ex, type, name) \
  G_STMT_START { \
    if (find_entity (ex, type, name) < 0) \
      { dump (ex); g_error ("missing %s “%s”", ent_entity_type_to_string (type), name); } \
  } G_STMT_END
