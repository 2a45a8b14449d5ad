/* ent-extractor-private.h — what the extractor's files share.
 *
 * The document context (DocContext) that the two passes fill, the mentions
 * of the current sentence, token helpers, and the internals each file offers
 * the others, under an _ent_extractor_ prefix. ent-extractor.c says which
 * file holds what.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "ent-extractor.h"
#include "ent-lexicon-private.h"
#include "ent-tokenizer.h"

G_BEGIN_DECLS

/* Verbs whose actor is a person: a capitalised name next to one is a person. */
#define PERSON_VERBS (TRIG_SPEECH | TRIG_MEET | TRIG_HOST | TRIG_ARRIVE | \
                      TRIG_INVITE | TRIG_SIGN | TRIG_VISIT | TRIG_ADVOCATE)

/* Tokens: how far the object of a relation may stand from its trigger. */
#define NEAR 12

/* The most people a collective ("they", "the delegation") stands for. */
#define MAX_GROUP 8

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
  int            group;     /* a collective of more: index into DocContext.groups, else -1 */
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
  LexHolder holder_kind;  /* what the office can be held for */
} Person;

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
  int                last_bloc;      /* the last organization countries can be members of */
  int                last_sanctioner;  /* who the story's sanctions are by */
  int                collective[2];
  int                country_pair[2];  /* the last two countries named together */
  int                apposition_country;  /* "their Korean counterparts, …" */
  guint              apposition_until;    /* token index it holds until */
  int                apposition_person;   /* "X, general secretary of … and Lao president": */
  guint              apposition_end;      /* who the last apposition was about, and where it ended */

  /* Descriptions no person of the document matched when they were read. */
  GArray            *role_only;  /* RoleOnly */
  GArray            *agreements; /* AgreementInfo (ent-extract-agreements.c) */
  GArray            *appositions; /* guint pairs: token spans of this sentence's appositions */
  GPtrArray         *groups;      /* GArray of int: people named together, for "they" */
  int                last_group;      /* the people a later "they" means, or -1 */
  int                delegation;      /* "the delegation, led by A and B": A and B, or -1 */

  /* Relations already emitted for this sentence, to avoid duplicates. */
  GArray            *sentence_relations;  /* SentenceRelation */
} DocContext;

typedef struct _AgreementInfo AgreementInfo;

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

typedef gboolean (*MentionFilter) (DocContext *ctx,
                                   Mention    *m);

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

static inline EntExtractedEntity *
doc_entity (DocContext *ctx,
            int         index)
{
  g_assert (index >= 0 && (guint) index < ctx->ex->entities->len);
  return g_ptr_array_index (ctx->ex->entities, index);
}

static inline gboolean
punct_is (DocContext *ctx,
          guint       i,
          gunichar    c)
{
  return i < ctx_n_tokens (ctx) && (ctx_token (ctx, i)->flags & TOK_PUNCT) &&
         ctx_token (ctx, i)->punct == c;
}

static inline gboolean
punct_is_comma (EntToken *t)
{
  return (t->flags & TOK_PUNCT) && t->punct == ',';
}

/* Whether @key is one of @words; comparing first letters first keeps the
 * many word lists of the rules cheap. */
static inline gboolean
word_in (const char  *key,
         const char **words)
{
  for (; *words != NULL; words++)
    if ((*words)[0] == key[0] && strcmp (*words, key) == 0)
      return TRUE;
  return FALSE;
}

/* Whether token @i is one of @words (folded). */
static inline gboolean
tok_in (DocContext  *ctx,
        guint        i,
        const char **words)
{
  return is_word (ctx, i) && word_in (ctx_key (ctx, i), words);
}

static inline gboolean
is_determiner (DocContext *ctx,
               guint       i)
{
  static const char *dets[] = { "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", NULL };

  return tok_in (ctx, i, dets);
}

static inline Mention *
last_mention (DocContext *ctx)
{
  return ctx->mentions->len > 0 ? ctx_mention (ctx, ctx->mentions->len - 1) : NULL;
}

/* ent-extract-context.c */
const LexMatch *_ent_extractor_entity_at            (DocContext *ctx,
                                                     guint       i,
                                                     guint      *len);
gboolean        _ent_extractor_known_word           (DocContext *ctx,
                                                     guint       i,
                                                     guint       kinds);
void            _ent_extractor_note_bloc            (DocContext *ctx,
                                                     int         entity);
int             _ent_extractor_lookup_entity        (DocContext *ctx,
                                                     const char *key);
int             _ent_extractor_ensure_entity        (DocContext    *ctx,
                                                     const char    *key,
                                                     EntEntityType  type,
                                                     const char    *name);
void            _ent_extractor_doc_count_mention    (DocContext *ctx,
                                                     int         index,
                                                     const char *surface);
int             _ent_extractor_doc_country_entity   (DocContext *ctx,
                                                     int         lexicon_country);
int             _ent_extractor_place_entity         (DocContext *ctx,
                                                     const char *name,
                                                     const char *kind,
                                                     int         lexicon_country);
int             _ent_extractor_doc_capital_place    (DocContext *ctx,
                                                     int         lexicon_country);
int             _ent_extractor_doc_org_entity       (DocContext *ctx,
                                                     const char *name,
                                                     const char *kind,
                                                     int         lexicon_country);
int             _ent_extractor_doc_entity_country   (DocContext *ctx,
                                                     int         entity);
void            _ent_extractor_doc_top_countries    (DocContext *ctx,
                                                     int        *a,
                                                     int        *b);
void            _ent_extractor_note_country         (DocContext *ctx,
                                                     int         entity);
char           *_ent_extractor_token_text           (DocContext *ctx,
                                                     guint       first,
                                                     guint       last);
guint           _ent_extractor_match_phrase_at      (DocContext    *ctx,
                                                     guint          i,
                                                     const GArray **out_matches);
gboolean        _ent_extractor_lexicon_starts_at    (DocContext *ctx,
                                                     guint       i);
gboolean        _ent_extractor_acronym_fits         (DocContext     *ctx,
                                                     guint           i,
                                                     const LexMatch *m);
const LexMatch *_ent_extractor_pick_entity_match    (DocContext   *ctx,
                                                     guint         i,
                                                     const GArray *matches);
const LexMatch *_ent_extractor_pick_title_match     (const GArray *matches);
Mention        *_ent_extractor_add_mention          (DocContext    *ctx,
                                                     guint          first,
                                                     guint          last,
                                                     int            entity,
                                                     EntEntityType  type,
                                                     MentionKind    kind);
gboolean        _ent_extractor_sentence_has_trigger (DocContext *ctx,
                                                     guint32     triggers);

/* ent-extract-lexicon.c */
guint _ent_extractor_match_lexicon (DocContext *ctx,
                                    guint       i);

/* ent-extract-people.c */
guint    _ent_extractor_name_span         (DocContext *ctx,
                                           guint       i,
                                           guint32     heads);
guint    _ent_extractor_org_name_span     (DocContext *ctx,
                                           guint       i);
Person  *_ent_extractor_doc_person_of     (DocContext *ctx,
                                           int         entity);
guint    _ent_extractor_scan_name         (DocContext *ctx,
                                           guint       i,
                                           gboolean    allow_stop_first,
                                           gboolean    after_title);
int      _ent_extractor_person_entity     (DocContext *ctx,
                                           guint       first,
                                           guint       last,
                                           gboolean    create);
void     _ent_extractor_person_set_office (DocContext *ctx,
                                           int         entity,
                                           const char *role,
                                           int         country,
                                           int         org);
void     _ent_extractor_emit_office       (DocContext *ctx,
                                           int         person,
                                           const char *role,
                                           int         country,
                                           int         org);
gboolean _ent_extractor_is_headline       (DocContext *ctx);
gboolean _ent_extractor_role_matches      (const char *have,
                                           const char *want);
int      _ent_extractor_person_by_role    (DocContext *ctx,
                                           const char *role,
                                           int         country,
                                           int         exclude);
int      _ent_extractor_person_by_country (DocContext *ctx,
                                           int         country,
                                           int         exclude);
guint    _ent_extractor_match_name        (DocContext *ctx,
                                           guint       i,
                                           gboolean    headline);

/* ent-extract-holders.c */
void _ent_extractor_learn_holder_from_description     (DocContext *ctx,
                                                       const char *role,
                                                       int         country);
void _ent_extractor_learn_holders_from_representation (DocContext *ctx);
void _ent_extractor_infer_holders_from_sides          (DocContext *ctx);

/* ent-extract-titles.c */
const LexTitle *_ent_extractor_title_at            (DocContext *ctx,
                                                    guint       i,
                                                    guint      *len);
gboolean        _ent_extractor_office_starts_at    (DocContext *ctx,
                                                    guint       i);
const LexMatch *_ent_extractor_plural_title_span   (DocContext *ctx,
                                                    guint       i,
                                                    guint      *out_len);
guint           _ent_extractor_match_plural_office (DocContext *ctx,
                                                    guint       i);
int             _ent_extractor_collective_persons  (DocContext *ctx,
                                                    const char *role,
                                                    int         countries[2],
                                                    int        *second);
guint           _ent_extractor_match_counterpart   (DocContext *ctx,
                                                    guint       i);
guint           _ent_extractor_match_title         (DocContext *ctx,
                                                    guint       i);

/* ent-extract-agreements.c */
void    _ent_extractor_agreement_parties_of  (DocContext *ctx,
                                              int         entity,
                                              int         parties[2]);
GArray *_ent_extractor_agreement_infos_new   ( void);
guint   _ent_extractor_match_named_agreement (DocContext *ctx,
                                              guint       i);
guint   _ent_extractor_match_agreement       (DocContext *ctx,
                                              guint       i);
void    _ent_extractor_claim_money           (DocContext *ctx,
                                              guint       i);

/* ent-extract-projects.c */
guint _ent_extractor_match_project           (DocContext *ctx,
                                              guint       i);
guint _ent_extractor_match_event             (DocContext *ctx,
                                              guint       i);
guint _ent_extractor_match_project_reference (DocContext *ctx,
                                              guint       i);

/* ent-extract-coreference.c */
gboolean _ent_extractor_is_subject_candidate  (DocContext *ctx,
                                               Mention    *m);
int      _ent_extractor_add_group             (DocContext *ctx,
                                               GArray     *people);
void     _ent_extractor_note_group            (DocContext *ctx);
void     _ent_extractor_note_delegation       (DocContext *ctx);
guint    _ent_extractor_match_delegation      (DocContext *ctx,
                                               guint       i);
guint    _ent_extractor_match_bloc_reference  (DocContext *ctx,
                                               guint       i);
gboolean _ent_extractor_is_person_mention     (DocContext *ctx,
                                               Mention    *m);
int      _ent_extractor_resolve_pronoun       (DocContext *ctx,
                                               guint       at);
void     _ent_extractor_note_person           (DocContext *ctx,
                                               int         person);
guint    _ent_extractor_match_collective      (DocContext *ctx,
                                               guint       i);
guint    _ent_extractor_match_pronoun         (DocContext *ctx,
                                               guint       i);
int      _ent_extractor_sentence_subject      (DocContext *ctx);
int      _ent_extractor_sentence_speaker      (DocContext *ctx);
gboolean _ent_extractor_sentence_has_quote    (DocContext *ctx);
void     _ent_extractor_resolve_self_mentions (DocContext *ctx,
                                               int         speaker);
void     _ent_extractor_note_country_pair     (DocContext *ctx);

/* ent-extract-clauses.c */
gboolean _ent_extractor_same_clause_past_asides (DocContext *ctx,
                                                 guint       a,
                                                 guint       b);
void     _ent_extractor_note_apposition         (DocContext *ctx,
                                                 guint       comma,
                                                 guint       end);
int      _ent_extractor_subject_before          (DocContext    *ctx,
                                                 guint          i,
                                                 MentionFilter  filter);
gboolean _ent_extractor_same_clause             (DocContext *ctx,
                                                 guint       a,
                                                 guint       b);
gboolean _ent_extractor_negated                 (DocContext *ctx,
                                                 guint       i);
gboolean _ent_extractor_passive_before          (DocContext *ctx,
                                                 guint       i);
int      _ent_extractor_mention_before          (DocContext    *ctx,
                                                 guint          i,
                                                 MentionFilter  filter);
int      _ent_extractor_mention_after           (DocContext    *ctx,
                                                 guint          i,
                                                 guint          window,
                                                 MentionFilter  filter);
guint    _ent_extractor_mention_entities        (DocContext *ctx,
                                                 int         k,
                                                 int         out[MAX_GROUP]);
GArray  *_ent_extractor_coordinated             (DocContext    *ctx,
                                                 int            k,
                                                 MentionFilter  filter,
                                                 gboolean       forward);
int      _ent_extractor_index_of_word           (DocContext  *ctx,
                                                 guint        from,
                                                 guint        to,
                                                 const char **words);
void     _ent_extractor_relate_all              (DocContext      *ctx,
                                                 EntRelationType  type,
                                                 GArray          *sources,
                                                 GArray          *targets,
                                                 const char      *role);
GArray  *_ent_extractor_to_countries            (DocContext *ctx,
                                                 GArray     *entities);

/* ent-relations.c */
void     _ent_extractor_add_relation        (DocContext      *ctx,
                                             EntRelationType  type,
                                             int              source,
                                             int              target,
                                             const char      *role);
gboolean _ent_extractor_related_in_sentence (DocContext *ctx,
                                             int         a,
                                             int         b);
void     _ent_extractor_extract_relations   (DocContext *ctx);

/* ent-relations-meetings.c */
void _ent_extractor_rule_met     (DocContext *ctx,
                                  guint       i);
void _ent_extractor_rule_hosted  (DocContext *ctx,
                                  guint       i);
void _ent_extractor_rule_visited (DocContext *ctx,
                                  guint       i);
void _ent_extractor_rule_invited (DocContext *ctx,
                                  guint       i);

/* ent-relations-agreements.c */
void _ent_extractor_rule_signed  (DocContext *ctx,
                                  guint       i);
void _ent_extractor_rule_parties (DocContext *ctx,
                                  guint       k);

/* ent-relations-membership.c */
void _ent_extractor_rule_member_of (DocContext *ctx,
                                    guint       i);

/* ent-relations-cooperation.c */
void _ent_extractor_rule_cooperates_with   (DocContext *ctx,
                                            guint       i);
void _ent_extractor_rule_cooperates_within (DocContext *ctx,
                                            guint       i);
void _ent_extractor_rule_allied            (DocContext *ctx,
                                            guint       i);

/* ent-relations-projects.c */
void _ent_extractor_rule_advocates    (DocContext *ctx,
                                       guint       i);
void _ent_extractor_rule_involves     (DocContext *ctx,
                                       guint       k);
void _ent_extractor_rule_builds       (DocContext *ctx,
                                       guint       k);
void _ent_extractor_rule_project_name (DocContext *ctx,
                                       guint       k);
void _ent_extractor_rule_part_of      (DocContext *ctx,
                                       guint       i);

/* ent-relations-sanctions.c */
void _ent_extractor_rule_sanctions (DocContext *ctx,
                                    guint       i);

/* ent-relations-places.c */
void _ent_extractor_rule_located_in (DocContext *ctx,
                                     guint       k);

/* Filters for the mentions a relation rule looks for. */

static inline gboolean
is_person (DocContext *ctx,
           Mention    *m)
{
  return m->type == ENT_ENTITY_PERSON && m->entity >= 0;
}

static inline gboolean
is_state_actor (DocContext *ctx,
                Mention    *m)
{
  if (m->entity < 0 || m->kind == MK_DEMONYM)
    return FALSE;
  if (m->type == ENT_ENTITY_COUNTRY)
    return TRUE;
  return m->type == ENT_ENTITY_PERSON && _ent_extractor_doc_entity_country (ctx, m->entity) >= 0;
}

static inline gboolean
is_country (DocContext *ctx,
            Mention    *m)
{
  return m->type == ENT_ENTITY_COUNTRY && m->entity >= 0;
}

static inline gboolean
is_country_name (DocContext *ctx,
                 Mention    *m)
{
  return is_country (ctx, m) && m->kind != MK_DEMONYM;
}

static inline gboolean
is_destination (DocContext *ctx,
                Mention    *m)
{
  return m->entity >= 0 && !m->modifier && (m->type == ENT_ENTITY_PLACE ||
                            (m->type == ENT_ENTITY_COUNTRY && m->kind != MK_DEMONYM && m->kind != MK_COLLECTIVE));
}

static inline gboolean
is_agreement (DocContext *ctx,
              Mention    *m)
{
  return m->type == ENT_ENTITY_AGREEMENT && m->entity >= 0;
}

static inline gboolean
is_advocated (DocContext *ctx,
              Mention    *m)
{
  return m->entity >= 0 && (m->type == ENT_ENTITY_PROJECT || m->type == ENT_ENTITY_AGREEMENT);
}

static inline gboolean
is_organization (DocContext *ctx,
                 Mention    *m)
{
  return m->type == ENT_ENTITY_ORGANIZATION && m->entity >= 0;
}

static inline gboolean
is_actor (DocContext *ctx,
          Mention    *m)
{
  return m->entity >= 0 && m->kind != MK_DEMONYM &&
         (m->type == ENT_ENTITY_PERSON || m->type == ENT_ENTITY_COUNTRY || m->type == ENT_ENTITY_ORGANIZATION);
}

static inline gboolean
is_project_or_place (DocContext *ctx,
                     Mention    *m)
{
  return m->entity >= 0 && (m->type == ENT_ENTITY_PROJECT || m->type == ENT_ENTITY_PLACE);
}

G_END_DECLS
