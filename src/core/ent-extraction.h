/* ent-extraction.h — what the extractor found in one document.
 *
 * Entities are already resolved *within* the document (one entry per real
 * thing the document talks about); cross-document resolution happens when the
 * store adds the extraction to a project (see ent-resolver.h).
 *
 * All spans are byte offsets into EntDocument.text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ent-text.h"
#include "ent-types.h"

G_BEGIN_DECLS

typedef struct {
  EntEntityType  type;
  char          *name;        /* canonical name in this document */
  char          *key;         /* resolution key: lower-case, no titles, ASCII-folded */
  GPtrArray     *aliases;     /* (element-type utf8): other surface forms, no duplicates */
  GHashTable    *attributes;  /* utf8 -> utf8, e.g. "kind" -> "city", "code" -> "IR" */
  guint          mentions;    /* number of mentions in the document */
  /* Persons only: the parts of the name, for cross-document matching. */
  char          *surname;     /* lower-case, or NULL */
  char          *given;       /* lower-case given names, space separated, or NULL */
  /* For an entity the document names only by role ("the Belarusian
   * president"): the role and the country code the resolver may look up in
   * the project. name is then the role description itself. */
  char          *role;
  char          *role_country;
  gboolean       role_only;
} EntExtractedEntity;

typedef struct {
  EntRelationType  type;
  guint            source;      /* index into EntExtraction.entities */
  guint            target;
  char            *role;        /* holds_office: "President"; else NULL */
  guint            sentence;    /* index into EntExtraction.sentences: the evidence */
} EntExtractedRelation;

/* A counted or quantified statement kept verbatim with its source, so that
 * disagreeing sources stay visible ("seven memorandums" vs "eight agreements"). */
typedef struct {
  guint  entity;       /* index into entities */
  char  *attribute;    /* "count", "trade_target", ... */
  char  *value;        /* "7", "$100 million" */
  guint  sentence;
} EntExtractedClaim;

typedef struct {
  GPtrArray *entities;    /* (element-type EntExtractedEntity) */
  GArray    *relations;   /* (element-type EntExtractedRelation) */
  GArray    *claims;      /* (element-type EntExtractedClaim) */
  GArray    *sentences;   /* (element-type EntSpan): every sentence, for full-text search */
} EntExtraction;

EntExtraction      *ent_extraction_new          (void);
void                ent_extraction_free         (EntExtraction *extraction);

/* Helpers for the extractor and for tests that build extractions by hand. */
EntExtractedEntity *ent_extraction_add_entity   (EntExtraction *extraction,
                                                 EntEntityType  type,
                                                 const char    *name,
                                                 guint         *out_index);
void                ent_extracted_entity_add_alias (EntExtractedEntity *entity,
                                                    const char         *alias);
/* @name becomes the entity's name; the old one stays as an alias. */
void                ent_extracted_entity_rename    (EntExtractedEntity *entity,
                                                    const char         *name);
void                ent_extraction_add_relation (EntExtraction   *extraction,
                                                 EntRelationType  type,
                                                 guint            source,
                                                 guint            target,
                                                 const char      *role,
                                                 guint            sentence);
void                ent_extraction_add_claim    (EntExtraction   *extraction,
                                                 guint            entity,
                                                 const char      *attribute,
                                                 const char      *value,
                                                 guint            sentence);

/* Whether @word (folded) may stand inside a name before the surname:
 * "al", "bin", "von", "der" … */
gboolean            ent_name_is_particle        (const char *word);

/* Splits a folded person name into given names and the surname with the
 * particles before it: "ursula von der leyen" -> "ursula" + "von der leyen".
 * The extractor and the resolver must split names the same way. */
void                ent_person_name_split       (const char  *key,
                                                 char       **given,
                                                 char       **surname);
/* The part of a folded surname news also uses alone: "assad" of "al assad". */
const char *ent_surname_core       (const char   *surname);

/* Whether two folded given-name strings can name the same person: every
 * name of the shorter appears in the longer ("ali" ~ "ali hosseini"), allowing
 * initials and transliteration ("ebrahim" ~ "ibrahim"). Empty matches all. */
gboolean            ent_given_names_compatible  (const char *a,
                                                 const char *b);

/* Lower-case, ASCII-fold (é -> e), collapse spaces and dashes: the form names
 * are compared in. */
char               *ent_name_key                (const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntExtraction, ent_extraction_free)

G_END_DECLS
