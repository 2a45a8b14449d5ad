/* ent-extractor-private.h — state shared by the extractor's two files:
 * ent-extractor.c finds mentions and resolves them to entities,
 * ent-extractor-relations.c reads relations off the resolved mentions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-extractor.h"
#include "ent-lexicon-private.h"
#include "ent-tokenizer.h"

G_BEGIN_DECLS

typedef enum {
  MK_NAME,        /* a name: "Alexander Lukashenko", "Iran", "SCO" */
  MK_PRONOUN,     /* he, his, him, she, her */
  MK_ROLE,        /* the Belarusian president, his Iranian counterpart */
  MK_COLLECTIVE,  /* the two presidents, both countries: entity and entity2 */
  MK_DEMONYM,     /* Belarusian, Iranian: the country as a modifier */
  MK_GOVERNMENT,  /* Tehran, the Kremlin: a capital standing for its country */
  MK_SELF,        /* I, my, we, our inside a quotation: the speaker */
} MentionKind;

typedef struct {
  guint          first;     /* tokens [first, last) */
  guint          last;
  int            entity;    /* index into extraction->entities, -1 when unresolved */
  int            entity2;   /* the second member of a collective, else -1 */
  EntEntityType  type;
  MentionKind    kind;
  guint          possessive : 1;
  guint          quoted : 1;
  guint          plural : 1;  /* we, they, the presidents */
  guint          titled : 1;  /* a person introduced with a title here */
  guint          modifier : 1; /* "Costa of Brazil": says whose, acts for no one */
  /* Descriptions and titles: the office and who it is held for. */
  const char    *role;
  int            holder_country;  /* lexicon index, or -1 */
  int            holder_org;      /* entity index, or -1 */
} Mention;

/* What the document says about a person: name parts and office. */
typedef struct {
  int    entity;
  char  *surname;   /* folded */
  char  *given;     /* folded, "" when unknown */
  char  *role;      /* the office, or NULL */
  int    country;   /* lexicon index of the country of the office, or -1 */
  int    org;       /* entity index of the organization of the office, or -1 */
} Person;

typedef struct _EntExtractor EntExtractor;

typedef struct {
  EntExtractor      *extractor;
  EntLexicon        *lexicon;
  const EntDocument *document;
  EntExtraction     *ex;
  EntTokens          tokens;
  GArray            *mentions;     /* Mention, the current sentence */
  guint              sentence;     /* index of the current sentence */
  gboolean           discover;     /* first pass: only people and their offices */
  gboolean           in_quote;

  GHashTable        *entity_keys;  /* "c:IR" -> entity index + 1 */
  GArray            *persons;      /* Person */
  /* Indices into persons, so that a document with thousands of people
   * stays linear: by entity, by any word of the name, and those with an
   * office (the only ones descriptions can refer to). */
  GArray            *person_of_entity;  /* int per entity index, -1 */
  GHashTable        *persons_by_word;   /* folded word -> GArray of guint */
  GArray            *office_holders;    /* guint */
  GArray            *country_mentions;  /* guint per entity index */

  /* Salience, for pronouns and descriptions. */
  int                last_subject;
  int                last_speaker;
  int                recent_persons[4];
  int                last_project;
  int                last_agreement;
  int                last_country;
  int                collective[2];
  int                country_pair[2];  /* the last two countries named together */
  int                apposition_country;  /* "their Korean counterparts, …" */
  guint              apposition_until;    /* token index it holds until */

  /* Descriptions no person of the document matched when they were read. */
  GArray            *role_only;  /* RoleOnly */

  /* Relations already emitted for this sentence, to avoid duplicates. */
  GArray            *sentence_relations;  /* SentenceRelation */
} DocContext;

typedef struct {
  int         entity;
  const char *role;     /* owned by the entity */
  int         country;  /* lexicon index */
} RoleOnly;

typedef struct {
  EntRelationType  type;
  int              source;
  int              target;
  const char      *role;  /* owned by the extraction */
} SentenceRelation;

/* ent-extractor.c */
EntExtractedEntity *doc_entity              (DocContext *ctx,
                                             int         index);
Person             *doc_person_of           (DocContext *ctx,
                                             int         entity);
int                 doc_country_entity      (DocContext *ctx,
                                             int         lexicon_country);
int                 doc_entity_country      (DocContext *ctx,
                                             int         entity);
void                doc_top_countries       (DocContext *ctx,
                                             int        *a,
                                             int        *b);
int                 doc_capital_place       (DocContext *ctx,
                                             int         lexicon_country);
void                doc_count_mention       (DocContext *ctx,
                                             int         index,
                                             const char *surface);
int                 doc_org_entity          (DocContext *ctx,
                                             const char *name,
                                             const char *kind,
                                             int         lexicon_country);
guint               match_phrase_at         (DocContext    *ctx,
                                             guint          i,
                                             const GArray **out_matches);

/* ent-extractor-relations.c */
void                extract_relations       (DocContext *ctx);
void                add_relation            (DocContext      *ctx,
                                             EntRelationType  type,
                                             int              source,
                                             int              target,
                                             const char      *role);

static inline Mention *
ctx_mention (DocContext *ctx,
             guint       i)
{
  return &g_array_index (ctx->mentions, Mention, i);
}

static inline EntToken *
ctx_token (DocContext *ctx,
           guint       i)
{
  return ent_tokens_get (&ctx->tokens, i);
}

static inline const char *
ctx_key (DocContext *ctx,
         guint       i)
{
  return ent_tokens_key (&ctx->tokens, i);
}

static inline guint32
ctx_triggers (DocContext *ctx,
              guint       i)
{
  return ent_tokens_triggers (&ctx->tokens, i);
}

static inline guint
ctx_n_tokens (DocContext *ctx)
{
  return ctx->tokens.tokens->len;
}

static inline gboolean
is_word (DocContext *ctx,
         guint       i)
{
  return i < ctx_n_tokens (ctx) && (ctx_token (ctx, i)->flags & TOK_WORD) != 0;
}

/* Whether token @i is the (folded) word @word. */
static inline gboolean
key_is (DocContext *ctx,
        guint       i,
        const char *word)
{
  return is_word (ctx, i) && g_str_equal (ctx_key (ctx, i), word);
}

G_END_DECLS
