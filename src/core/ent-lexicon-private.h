/* ent-lexicon-private.h — the look-ups the extractor makes.
 *
 * Every key is a folded form (ent_name_key): lower-case, ASCII-folded, dots
 * and apostrophes dropped, dashes as spaces. Phrases are keys of one or more
 * words joined by single spaces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-lexicon.h"

G_BEGIN_DECLS

typedef enum {
  LEX_COUNTRY,   /* index: country */
  LEX_DEMONYM,   /* index: country */
  LEX_CAPITAL,   /* index: country */
  LEX_METONYM,   /* index: country */
  LEX_ORG,       /* index: organization */
  LEX_PLACE,     /* index: place */
  LEX_TITLE,     /* index: title */
} LexKind;

typedef struct {
  LexKind kind;
  guint   index;
  guint8  n_words;
  guint8  acronym : 1;  /* the entry is written in capitals: "US", "SCO" */
} LexMatch;

typedef struct {
  char *code;
  char *name;
  char *capital;  /* may be NULL */
} LexCountry;

typedef struct {
  char *name;
  char *kind;
  int   country;  /* index or -1 */
} LexOrg;

typedef struct {
  char *name;
  char *kind;
  int   country;  /* index or -1 */
} LexPlace;

typedef enum {
  LEX_TITLE_OFFICE,
  LEX_TITLE_HONORIFIC,
  LEX_TITLE_DESCRIPTOR,
} LexTitleClass;

typedef enum {
  LEX_HOLDER_ANY,
  LEX_HOLDER_COUNTRY,
  LEX_HOLDER_ORGANIZATION,
} LexHolder;

typedef struct {
  char          *role;     /* canonical office; NULL for honorifics */
  LexTitleClass  klass;
  LexHolder      holder;
  int            country;  /* an office bound to one country, or -1 */
} LexTitle;

/* Trigger classes: bits of LexWord.triggers. */
typedef enum {
  TRIG_MEET       = 1u << 0,   /* met, meeting, talks */
  TRIG_HOST       = 1u << 1,   /* hosted, received, welcomed */
  TRIG_VISIT      = 1u << 2,   /* visit, trip, tour */
  TRIG_ARRIVE     = 1u << 3,   /* arrived, travelled, came, flew */
  TRIG_INVITE     = 1u << 4,
  TRIG_SIGN       = 1u << 5,   /* signed, inked, concluded */
  TRIG_COOPERATE  = 1u << 6,   /* cooperation, ties, relations, trade */
  TRIG_SANCTION   = 1u << 7,
  TRIG_ALLY       = 1u << 8,
  TRIG_ADVOCATE   = 1u << 9,   /* called for, backs, supports, raised */
  TRIG_BENEFIT    = 1u << 10,  /* benefit, involve, link, connect */
  TRIG_MEMBER     = 1u << 11,
  TRIG_SPEECH     = 1u << 12,  /* said, told, stated, added */
  TRIG_PART       = 1u << 13,  /* part, section, segment, leg */
  TRIG_AGREEMENT  = 1u << 14,  /* roadmap, memorandum, treaty: agreement heads */
  TRIG_PROJECT    = 1u << 15,  /* corridor, railway, pipeline: project heads */
  TRIG_ORG_HEAD   = 1u << 16,  /* ministry, council, bank: organization heads */
  TRIG_NUMBER     = 1u << 17,  /* one .. twenty, dozen, hundred */
  TRIG_STOP       = 1u << 18,  /* capitalised at a sentence start but never a name */
  TRIG_PRONOUN    = 1u << 19,  /* he, she, his, her, him */
  TRIG_COLLECTIVE = 1u << 20,  /* two, both (the two presidents, both countries) */
  TRIG_LOCATIVE   = 1u << 21,  /* in, to, at, from, into: a place follows */
  TRIG_WITHIN     = 1u << 22,  /* within, through, framework: inside an organization */
  TRIG_NEGATION   = 1u << 23,  /* not, never, denied */
  TRIG_PLACE_HEAD = 1u << 24,  /* province, region, city, port */
  TRIG_EVENT_HEAD = 1u << 25,  /* summit, conference, forum */
  TRIG_PORTFOLIO  = 1u << 26,  /* energy, mines, trade: what an office is for */
} LexTrigger;

typedef struct {
  guint32 triggers;     /* LexTrigger bits */
  guint8  max_phrase;   /* longest lexicon phrase that starts with this word, 0 if none */
  guint8  number;       /* value of a number word (seven -> 7), 0 otherwise */
} LexWord;

const LexWord    *ent_lexicon_lookup_word   (EntLexicon *lexicon,
                                             const char *key);
/* Matches of a whole phrase key; NULL when none. Element type LexMatch. */
const GArray     *ent_lexicon_lookup_phrase (EntLexicon *lexicon,
                                             const char *key);

const LexCountry *ent_lexicon_get_country   (EntLexicon *lexicon,
                                             guint       index);
const LexOrg     *ent_lexicon_get_org       (EntLexicon *lexicon,
                                             guint       index);
const LexPlace   *ent_lexicon_get_place     (EntLexicon *lexicon,
                                             guint       index);
const LexTitle   *ent_lexicon_get_title     (EntLexicon *lexicon,
                                             guint       index);
int               ent_lexicon_find_country  (EntLexicon *lexicon,
                                             const char *code);

G_END_DECLS
