/* ent-extract-agreements.c — agreements and the claims counted on them.
 *
 * "a cooperation roadmap", "seven memorandums of understanding", "the Treaty
 * on Friendship": an agreement is keyed by its kind, its parties and, for a
 * single agreement "on" something, its subject. Counts ("eight agreements")
 * and trade figures are kept as claims with their sentence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ent-extractor-private.h"
#include "ent-text.h"

#define MAX_AGREEMENT_MODIFIERS 3

typedef struct {
  const char *head;
  const char *lemma;   /* what makes two mentions one agreement */
  const char *display; /* how the lemma reads in a name */
  gboolean    strong;  /* names an agreement even without a signing verb */
} AgreementHead;

static const AgreementHead agreement_heads[] = {
  { "roadmap", "roadmap", "roadmap", TRUE },
  { "roadmaps", "roadmap", "roadmap", TRUE },
  { "memorandum", "mou", "memorandum of understanding", TRUE },
  { "memorandums", "mou", "memorandums of understanding", TRUE },
  { "memoranda", "mou", "memorandums of understanding", TRUE },
  { "mou", "mou", "memorandum of understanding", TRUE },
  { "mous", "mou", "memorandums of understanding", TRUE },
  { "agreement", "agreement", "agreement", TRUE },
  { "agreements", "agreements", "agreements", TRUE },
  { "accord", "agreement", "accord", TRUE },
  { "accords", "agreements", "accords", TRUE },
  { "treaty", "treaty", "treaty", TRUE },
  { "pact", "agreement", "pact", TRUE },
  { "deal", "deal", "deal", FALSE },
  { "deals", "deals", "deals", FALSE },
  { "contract", "contract", "contract", FALSE },
  { "contracts", "contracts", "contracts", FALSE },
  { "statement", "statement", "statement", FALSE },
  { "decree", "decree", "decree", TRUE },
  { "decrees", "decrees", "decrees", TRUE },
  { "communique", "communique", "communique", TRUE },
  { "instruments", "instruments", "instruments", FALSE },
  { "declaration", "declaration", "declaration", FALSE },
  { "protocol", "protocol", "protocol", FALSE },
  { "charter", "charter", "charter", FALSE },
  { "convention", "convention", "convention", FALSE },
  { "programme", "program", "programme", FALSE },
  { "program", "program", "program", FALSE },
  { "plan", "plan", "plan", FALSE },
  { "document", "document", "document", FALSE },
  { "consensus", "consensus", "consensus", FALSE },
  { "documents", "documents", "documents", FALSE },
};

static const AgreementHead *
agreement_head (DocContext *ctx,
                guint       i)
{
  static const AgreementHead road_map = { "map", "roadmap", "road map", TRUE };

  /* "a road map on implementation of …" */
  if (key_is (ctx, i, "map") && i > 0 && key_is (ctx, i - 1, "road"))
    return &road_map;
  if (!is_word (ctx, i) || !(ctx_triggers (ctx, i) & TRIG_AGREEMENT))
    return NULL;
  for (guint k = 0; k < G_N_ELEMENTS (agreement_heads); k++)
    if (g_str_equal (ctx_key (ctx, i), agreement_heads[k].head))
      return &agreement_heads[k];
  return NULL;
}

/* "seven memorandums", "8 agreements": the count right before @i, or 0. */
static guint
number_before (DocContext *ctx,
               guint       i)
{
  if (i == 0)
    return 0;
  if (ctx_token (ctx, i - 1)->flags & TOK_NUMBER)
    {
      const char *key = ctx_key (ctx, i - 1);
      guint64 v = g_ascii_strtoull (key, NULL, 10);

      return v > 0 && v < 1000 ? (guint) v : 0;
    }
  if (is_word (ctx, i - 1) && ctx_token (ctx, i - 1)->lex != NULL && ctx_token (ctx, i - 1)->lex->number > 0)
    return ctx_token (ctx, i - 1)->lex->number;
  return 0;
}

/* Countries the agreement is between: those the sentence names, else the two
 * the document is about when the sentence speaks of "the two". */
static void
agreement_parties (DocContext *ctx,
                   int         parties[2])
{
  guint n = 0;

  parties[0] = parties[1] = -1;
  for (guint k = 0; k < ctx->mentions->len && n < 2; k++)
    {
      Mention *m = ctx_mention (ctx, k);
      int c = m->type == ENT_ENTITY_COUNTRY ? m->entity : _ent_extractor_doc_entity_country (ctx, m->entity);

      if (m->kind == MK_COLLECTIVE || c < 0 || c == parties[0])
        continue;
      parties[n++] = c;
    }
  if (n < 2)
    {
      int a, b;

      _ent_extractor_doc_top_countries (ctx, &a, &b);
      if (n == 0)
        parties[0] = a, parties[1] = b;
      else if (parties[0] == a)
        parties[1] = b;
      else if (parties[0] == b)
        parties[1] = a;
    }
}

/* How good a name a mention gives an agreement. */
typedef enum {
  NAME_GENERATED,   /* "Belarus–Iran roadmap", from a bare "the roadmap" */
  NAME_MODIFIED,    /* "cooperation roadmap" */
  NAME_COMPLEMENT,  /* "agreement on the supply of defence equipment" */
  NAME_PROPER,      /* "Strategic Partnership Roadmap" */
} NameRank;

/* What the document says of one agreement entity, beyond its name. */
struct _AgreementInfo {
  int         entity;
  int         parties[2];  /* country entities, sorted, or -1 */
  const char *lemma;       /* of its first mention; static */
  NameRank    rank;
  char       *proper;      /* its proper name, folded, or NULL */
  char       *topic;       /* what a single agreement is "on", or NULL */
};

static void
agreement_info_clear (gpointer data)
{
  AgreementInfo *info = data;

  g_free (info->proper);
  g_free (info->topic);
}

GArray *
_ent_extractor_agreement_infos_new (void)
{
  GArray *infos = g_array_new (FALSE, FALSE, sizeof (AgreementInfo));

  g_array_set_clear_func (infos, agreement_info_clear);
  return infos;
}

static AgreementInfo *
agreement_info (DocContext *ctx,
                int         entity)
{
  for (guint k = 0; k < ctx->agreements->len; k++)
    {
      AgreementInfo *info = &g_array_index (ctx->agreements, AgreementInfo, k);

      if (info->entity == entity)
        return info;
    }
  return NULL;
}

/* Kinds of agreement that one text may use for the same one: a "pact", a
 * "deal", a "treaty" and "agreements" are one kind; a memorandum, a
 * declaration or statement, a roadmap, a decree, a protocol, a plan are
 * each their own. */
static const char *
lemma_kind (const char *lemma)
{
  static const char *agreement[] = { "agreement", "agreements", "deal", "deals", "treaty", "contract",
                                     "contracts", "document", "documents", "consensus", "charter",
                                     "convention", NULL };
  static const char *declaration[] = { "declaration", "statement", "communique", NULL };

  if (g_strv_contains (agreement, lemma))
    return "agreement";
  if (g_strv_contains (declaration, lemma))
    return "declaration";
  return lemma;
}

/* "The deal", "a broad cooperation pact", "the treaty": in one article, an
 * agreement between the same parties is the one already named, unless the
 * text tells them apart (two proper names, two subjects, a roadmap beside
 * the deals). Returns the entity or -1. */
static int
same_parties_agreement (DocContext          *ctx,
                        int                  parties[2],
                        const AgreementHead *head,
                        const char          *proper,
                        const char          *topic)
{
  if (parties[0] < 0)
    return -1;
  for (guint k = ctx->agreements->len; k > 0; k--)
    {
      AgreementInfo *info = &g_array_index (ctx->agreements, AgreementInfo, k - 1);

      /* A memorandum is not the treaty, nor a roadmap the deals. */
      if (info->parties[0] != parties[0] || info->parties[1] != parties[1] ||
          !g_str_equal (lemma_kind (info->lemma), lemma_kind (head->lemma)))
        continue;
      if (proper != NULL && info->proper != NULL && !g_str_equal (proper, info->proper))
        continue;
      if (topic != NULL && info->topic != NULL && !g_str_equal (topic, info->topic))
        continue;
      return info->entity;
    }
  return -1;
}

/* The key that makes another article's agreement this one: the same two
 * parties and the same agreement, by its proper name, its subject, or a
 * kind two countries rarely have twice (a roadmap, a treaty). "The
 * agreements", "cooperation documents" stay in their document. */
static char *
agreement_project_key (DocContext    *ctx,
                       AgreementInfo *info)
{
  const char *pa, *pb;
  g_autofree char *key = NULL;

  if (info->parties[0] < 0 || info->parties[1] < 0)
    return NULL;
  pa = doc_entity (ctx, info->parties[0])->name;
  pb = doc_entity (ctx, info->parties[1])->name;
  if (info->proper != NULL)
    key = g_strdup_printf ("%s %s %s", info->proper, pa, pb);
  else if (info->topic != NULL)
    key = g_strdup_printf ("%s %s %s %s", info->lemma, info->topic, pa, pb);
  else if (g_str_equal (info->lemma, "roadmap") || g_str_equal (info->lemma, "treaty"))
    key = g_strdup_printf ("%s %s %s", info->lemma, pa, pb);
  else
    return NULL;
  return ent_name_key (key);
}

static void
update_agreement_key (DocContext    *ctx,
                      AgreementInfo *info)
{
  EntExtractedEntity *e = doc_entity (ctx, info->entity);
  g_autofree char *key = agreement_project_key (ctx, info);

  g_free (e->key);
  if (key != NULL)
    e->key = g_steal_pointer (&key);
  else
    {
      g_autofree char *name = ent_name_key (e->name);

      e->key = g_strdup_printf ("%s %s @%.16s", info->lemma, name,
                                ctx->document->hash != NULL ? ctx->document->hash : "");
    }
}

static int
agreement_entity (DocContext          *ctx,
                  const AgreementHead *head,
                  const char          *surface,
                  NameRank             rank,
                  const char          *topic)
{
  int parties[2];
  g_autofree char *name = NULL;
  g_autofree char *proper = rank == NAME_PROPER ? ent_name_key (surface) : NULL;
  g_autofree char *local_key = NULL;
  const char *pa = NULL, *pb = NULL;
  AgreementInfo *info;
  int index;

  agreement_parties (ctx, parties);
  if (parties[0] >= 0)
    pa = doc_entity (ctx, parties[0])->name;
  if (parties[1] >= 0)
    pb = doc_entity (ctx, parties[1])->name;
  if (pa != NULL && pb != NULL && strcmp (pa, pb) > 0)
    {
      const char *t = pa;
      int tp = parties[0];

      pa = pb, pb = t;
      parties[0] = parties[1], parties[1] = tp;
    }

  /* A weak head reads better with its modifiers: "executive program document". */
  {
    const char *what = head->strong ? head->display : surface;

    if (rank > NAME_GENERATED)
      name = g_strdup (surface);
    else if (pa != NULL && pb != NULL)
      name = g_strdup_printf ("%s–%s %s", pa, pb, what);
    else if (pa != NULL)
      name = g_strdup_printf ("%s %s", pa, what);
    else
      name = g_strdup (surface);
  }

  /* Within the document: the same name, kind, subject and parties. */
  {
    g_autofree char *raw = g_strdup_printf ("%s %s %s %s", proper != NULL ? proper : head->lemma,
                                            topic != NULL ? topic : "", pa != NULL ? pa : surface,
                                            pb != NULL ? pb : "");
    g_autofree char *folded = ent_name_key (raw);

    local_key = g_strconcat ("a:", folded, NULL);
  }
  index = _ent_extractor_lookup_entity (ctx, local_key);
  if (index < 0 && (index = same_parties_agreement (ctx, parties, head, proper, topic)) >= 0)
    g_hash_table_insert (ctx->entity_keys, g_strdup (local_key), GINT_TO_POINTER (index + 1));

  if (index < 0)
    {
      AgreementInfo new_info = { 0 };

      index = _ent_extractor_ensure_entity (ctx, local_key, ENT_ENTITY_AGREEMENT, name);
      new_info.entity = index;
      new_info.parties[0] = parties[0];
      new_info.parties[1] = parties[1];
      new_info.lemma = head->lemma;
      new_info.rank = rank;
      new_info.proper = g_steal_pointer (&proper);
      new_info.topic = g_strdup (topic);
      g_array_append_val (ctx->agreements, new_info);
      info = &g_array_index (ctx->agreements, AgreementInfo, ctx->agreements->len - 1);
    }
  else
    {
      EntExtractedEntity *e = doc_entity (ctx, index);

      info = agreement_info (ctx, index);
      g_assert (info != NULL);
      /* The most descriptive form the document gives becomes the name. */
      if (rank > info->rank)
        {
          ent_extracted_entity_rename (e, surface);
          info->rank = rank;
        }
      if (info->proper == NULL && proper != NULL)
        info->proper = g_steal_pointer (&proper);
      if (info->topic == NULL && topic != NULL)
        info->topic = g_strdup (topic);
    }
  update_agreement_key (ctx, info);
  ent_extracted_entity_add_alias (doc_entity (ctx, index), surface);
  return index;
}

static int
agreement_by_lemma (DocContext *ctx,
                    const char *lemma)
{
  /* Only the recent past: a bare "the roadmap" refers to one named nearby,
   * and a look-back without bound would make huge documents quadratic. */
  guint stop = ctx->agreements->len > 64 ? ctx->agreements->len - 64 : 0;

  for (guint k = ctx->agreements->len; k > stop; k--)
    {
      AgreementInfo *info = &g_array_index (ctx->agreements, AgreementInfo, k - 1);
      const char *l = info->lemma;

      if (doc_entity (ctx, info->entity)->mentions > 0 &&
          (g_str_equal (l, lemma) || (g_str_has_prefix (l, lemma) && l[strlen (lemma)] == 's') ||
           (g_str_has_prefix (lemma, l) && lemma[strlen (l)] == 's')))
        return info->entity;
    }
  return -1;
}

static void
add_count_claim (DocContext *ctx,
                 int         agreement,
                 guint       count)
{
  g_autofree char *value = NULL;

  if (count <= 1)
    return;
  value = g_strdup_printf ("%u", count);
  ent_extraction_add_claim (ctx->ex, (guint) agreement, "count", value, ctx->sentence);
}

/* "… on the supply of defence equipment and technology", "… of intent on
 * cooperation in the Pacific": what the agreement is about, up to a comma
 * or a word that starts something else. Returns the end token. */
static guint
agreement_complement (DocContext *ctx,
                      guint       end)
{
  static const char *enders[] = { "that", "which", "who", "between", "with", "by", "during", "after", "before",
                                  "at", "signed", "worth", "was", "were", "is", "are", "will", "would", "to",
                                  "last", "this", "next", "as", NULL };
  guint k, last_good, presence = G_MAXUINT;

  if (!(key_is (ctx, end, "on") || key_is (ctx, end, "for") || key_is (ctx, end, "of")))
    return end;
  /* "on the occasion of", "on the sidelines of": when, not what. */
  for (guint k = end + 1; k < end + 12 && k + 2 < ctx_n_tokens (ctx); k++)
    if (key_is (ctx, k, "in") && key_is (ctx, k + 1, "the") && key_is (ctx, k + 2, "presence"))
      {
        presence = k;
        break;
      }
  if (key_is (ctx, end + 1, "the") &&
      (key_is (ctx, end + 2, "occasion") || key_is (ctx, end + 2, "sidelines") || key_is (ctx, end + 2, "margins") ||
       key_is (ctx, end + 2, "eve") || key_is (ctx, end + 2, "basis") || key_is (ctx, end + 2, "part")))
    return end;
  k = end + 1;
  last_good = end;
  while (k < ctx_n_tokens (ctx) && k - end <= 12 && k < presence)
    {
      EntToken *t = ctx_token (ctx, k);

      if (!(t->flags & TOK_WORD) && !(t->flags & TOK_JOINED))
        break;
      /* Capitalised small words end it ("… on Friday", "… The"), but not the
       * head of a name ("… of the Union State"). */
      if ((t->flags & TOK_NUMBER) ||
          ((t->flags & TOK_CAP) && (ctx_triggers (ctx, k) & TRIG_STOP) &&
           !(ctx_triggers (ctx, k) & (TRIG_PLACE_HEAD | TRIG_ORG_HEAD))) ||
          ((t->flags & TOK_WORD) && word_in (ctx_key (ctx, k), enders)))
        break;
      /* "… in Novi Sad and a protocol on …": a second agreement starts. */
      if (key_is (ctx, k, "and") && (key_is (ctx, k + 1, "a") || key_is (ctx, k + 1, "an") ||
                                     agreement_head (ctx, k + 1) != NULL || is_determiner (ctx, k + 1)))
        break;
      k++;
      if ((t->flags & TOK_WORD) &&
          !tok_in (ctx, k - 1, (const char *[]) { "and", "the", "of", "in", "on", "a", "an", "for", "to", "from",
                                                  "into", "over", NULL }))
        last_good = k;
    }
  return last_good;
}

/* "a Strategic Partnership Roadmap", "the Treaty on Friendship": capitalised
 * words ending in (or begun by) an agreement head. */
/* "Buenos Aires Declaration", "Camp David Accords": a capitalised head
 * within a few capitalised words makes a name that starts with a place an
 * agreement's name. */
static gboolean
capitalised_head_ahead (DocContext *ctx,
                        guint       i)
{
  for (guint j = i + 1; j < ctx_n_tokens (ctx) && j - i < 6; j++)
    {
      EntToken *t = ctx_token (ctx, j);

      if (!(t->flags & TOK_WORD) || !(t->flags & TOK_CAP))
        return FALSE;
      if (agreement_head (ctx, j) != NULL)
        return TRUE;
    }
  return FALSE;
}

guint
_ent_extractor_match_named_agreement (DocContext *ctx,
                                      guint       i)
{
  const AgreementHead *head = NULL;
  guint j = i, caps = 0, count;
  g_autofree char *surface = NULL;
  int agreement;

  if (ctx->discover || !(ctx_token (ctx, i)->flags & TOK_CAP) || (ctx_token (ctx, i)->flags & TOK_FIRST &&
      ctx_triggers (ctx, i) & TRIG_STOP))
    return 0;
  /* Capitalised words, then the head, itself capitalised or not ("ANZUS
   * treaty", "Five-Point Consensus"). */
  while (j < ctx_n_tokens (ctx) && j - i < 6)
    {
      EntToken *t = ctx_token (ctx, j);

      if ((t->flags & TOK_WORD) && (head = agreement_head (ctx, j)) != NULL && caps > 0)
        break;
      head = NULL;
      if ((t->flags & TOK_JOINED) && caps > 0)
        {
          j++;
          continue;
        }
      /* "Joint Leaders' Statement": a plural possessive inside the name. */
      if (!(t->flags & TOK_WORD) || !(t->flags & TOK_CAP) ||
          ((t->flags & TOK_POSSESSIVE) && !g_str_has_suffix (ctx_key (ctx, j), "s")))
        return 0;
      if (_ent_extractor_lexicon_starts_at (ctx, j) && caps == 0 && !capitalised_head_ahead (ctx, j))
        return 0;
      caps++;
      j++;
    }
  if (head == NULL)
    return 0;
  j++;
  /* "Kuala Lumpur Convention Centre": the name goes on past the head. */
  if (is_word (ctx, j) && (ctx_token (ctx, j)->flags & TOK_CAP) && !(ctx_token (ctx, j)->flags & TOK_FIRST))
    return 0;
  if (key_is (ctx, j, "of") && key_is (ctx, j + 1, "understanding"))
    j += 2;

  surface = _ent_extractor_token_text (ctx, i, j);
  agreement = agreement_entity (ctx, head, surface, NAME_PROPER, NULL);
  _ent_extractor_add_mention (ctx, i, j, agreement, ENT_ENTITY_AGREEMENT, MK_NAME);
  _ent_extractor_doc_count_mention (ctx, agreement, NULL);
  ctx->last_agreement = agreement;
  count = number_before (ctx, i);
  add_count_claim (ctx, agreement, count);
  return j - i;
}

/* The subject of a single agreement: the first content word after "on"
 * ("agreement on the supply of defence equipment" -> "supply"). A set of
 * agreements ("eight agreements on trade, mining …") has none: outlets list
 * different subjects for the same set. */
static const char *
agreement_topic (DocContext          *ctx,
                 const AgreementHead *head,
                 guint                end,
                 guint                complement_end)
{
  if (complement_end <= end || !key_is (ctx, end, "on") || g_str_has_suffix (head->lemma, "s") ||
      g_str_equal (head->lemma, "mou"))
    return NULL;
  for (guint k = end + 1; k < complement_end; k++)
    if (is_word (ctx, k) && !(ctx_triggers (ctx, k) & TRIG_STOP))
      return ctx_key (ctx, k);
  return NULL;
}

/* "the declaration on the admission into Asean", "the NATO accession
 * protocol", "the Decree on the Union State": the organizations and
 * countries an agreement's name names are what it is about; "Sweden's
 * accession protocol": a possessive before it is a party. */
static void
involve_named (DocContext *ctx,
               int         agreement,
               guint       first,
               guint       last)
{
  for (guint k = first; k < last; k++)
    {
      guint len;
      const LexMatch *m = _ent_extractor_entity_at (ctx, k, &len);

      if (m == NULL)
        continue;
      if (m->kind == LEX_ORG || m->kind == LEX_COUNTRY)
        {
          const LexOrg *org = m->kind == LEX_ORG ? ent_lexicon_get_org (ctx->lexicon, m->index) : NULL;
          int entity = org != NULL ? _ent_extractor_doc_org_entity (ctx, org->name, org->kind, org->country) :
                                     _ent_extractor_doc_country_entity (ctx, (int) m->index);

          if (doc_entity (ctx, entity)->mentions == 0)
            _ent_extractor_doc_count_mention (ctx, entity, NULL);
          _ent_extractor_add_relation (ctx, ENT_RELATION_INVOLVES, agreement, entity, NULL);
        }
      k += len - 1;
    }
  /* The agreement's own mention is the last one: look before it. */
  if (ctx->mentions->len >= 2)
    {
      Mention *before = ctx_mention (ctx, ctx->mentions->len - 2);

      if (before->last == first && before->possessive && before->entity >= 0 &&
        (before->type == ENT_ENTITY_COUNTRY || before->type == ENT_ENTITY_ORGANIZATION))
        _ent_extractor_add_relation (ctx, ENT_RELATION_PARTY_TO, before->entity, agreement, NULL);
    }
}

guint
_ent_extractor_match_agreement (DocContext *ctx,
                                guint       i)
{
  const AgreementHead *head = agreement_head (ctx, i);
  guint first = i, end, complement_end, count, modifiers = 0;
  gboolean signing, named = FALSE;
  g_autofree char *surface = NULL;
  int agreement;
  Mention *m;

  if (head == NULL || ctx->discover)
    return 0;

  /* Modifiers before the head: "comprehensive", "cooperation", "joint". */
  while (first > 0 && modifiers < MAX_AGREEMENT_MODIFIERS && is_word (ctx, first - 1))
    {
      EntToken *t = ctx_token (ctx, first - 1);
      guint32 trig = ctx_triggers (ctx, first - 1);

      /* "the NATO accession protocol": an organization may qualify it; its
       * mention becomes part of the agreement's name. */
      if ((t->flags & TOK_CAP) && !(t->flags & TOK_POSSESSIVE) && _ent_extractor_known_word (ctx, first - 1, 1u << LEX_ORG))
        {
          first--;
          modifiers++;
          if (last_mention (ctx) != NULL && last_mention (ctx)->first == first)
            ctx->mentions->len--;
          continue;
        }
      if ((t->flags & (TOK_CAP | TOK_NUMBER)) || (trig & (TRIG_STOP | TRIG_SIGN | TRIG_NUMBER | TRIG_SPEECH)) ||
          g_str_has_suffix (ctx_key (ctx, first - 1), "ed"))
        break;
      first--;
      modifiers++;
    }
  /* Without a determiner or a number before them, the words before the head
   * are more likely a verb phrase ("to reach agreements") than modifiers. */
  if (modifiers > 0 && !(first > 0 && (is_determiner (ctx, first - 1) ||
                                       (ctx_token (ctx, first - 1)->flags & TOK_POSSESSIVE) ||
                                       (ctx_token (ctx, first - 1)->flags & TOK_QUOTE_MARK) ||
                                       (ctx_token (ctx, first - 1)->flags & TOK_NUMBER) ||
                                       (ctx_triggers (ctx, first - 1) & TRIG_NUMBER) ||
                                       key_is (ctx, first - 1, "and") || punct_is (ctx, first - 1, ','))))
    {
      first = i;
      modifiers = 0;
    }

  /* More heads and "of understanding" after it: "roadmap document". */
  end = i + 1;
  while (agreement_head (ctx, end) != NULL)
    end++;
  if (key_is (ctx, end, "of") && key_is (ctx, end + 1, "understanding"))
    end += 2;
  complement_end = agreement_complement (ctx, end);
  /* "an agreement on a comprehensive roadmap" is the roadmap. */
  for (guint k = end; k < complement_end; k++)
    if (agreement_head (ctx, k) != NULL)
      return end - i;

  count = number_before (ctx, first);
  signing = _ent_extractor_sentence_has_trigger (ctx, TRIG_SIGN);
  named = modifiers > 0 || end > i + 1 || complement_end > end;

  if (!head->strong && !(signing && named))
    return end - i;
  /* "In a joint statement, the leaders said": the statement is how they
   * said it, not an agreement of theirs. */
  if (!head->strong && first >= 2 && is_determiner (ctx, first - 1) && key_is (ctx, first - 2, "in"))
    return end - i;
  /* "a contract extension", "the deal talks": the head qualifies another
   * noun; "reached agreement on" is agreeing, not a document. */
  if (tok_in (ctx, end, (const char *[]) { "extension", "talks", "negotiations", "process", "terms", "text",
                                           "draft", "ceremony", "signing", NULL }) ||
      (i > 0 && tok_in (ctx, i - 1, (const char *[]) { "reached", "reach", "reaching", NULL })))
    return end - i;
  if (!signing && count == 0 && !named)
    {
      /* A bare "the roadmap" refers to the roadmap already in the text. */
      int earlier = agreement_by_lemma (ctx, head->lemma);

      if (earlier < 0)
        return end - i;
      m = _ent_extractor_add_mention (ctx, i, end, earlier, ENT_ENTITY_AGREEMENT, MK_ROLE);
      _ent_extractor_doc_count_mention (ctx, earlier, NULL);
      return end - i;
    }

  surface = _ent_extractor_token_text (ctx, first, complement_end);
  agreement = agreement_entity (ctx, head, surface,
                                complement_end > end ? NAME_COMPLEMENT :
                                modifiers > 0 || end > i + 1 ? NAME_MODIFIED : NAME_GENERATED,
                                agreement_topic (ctx, head, end, complement_end));
  if (complement_end > end)
    {
      g_autofree char *short_form = _ent_extractor_token_text (ctx, first, end);

      ent_extracted_entity_add_alias (doc_entity (ctx, agreement), short_form);
    }
  m = _ent_extractor_add_mention (ctx, first, end, agreement, ENT_ENTITY_AGREEMENT, MK_NAME);
  m->plural = g_str_has_suffix (ctx_key (ctx, i), "s");
  _ent_extractor_doc_count_mention (ctx, agreement, NULL);
  ctx->last_agreement = agreement;
  add_count_claim (ctx, agreement, count);
  involve_named (ctx, agreement, first, complement_end);
  return end - i;
}

/* The money a trade target names: "$100 million", "$100m". */
void
_ent_extractor_claim_money (DocContext *ctx,
                            guint       i)
{
  EntToken *t = ctx_token (ctx, i);
  g_autofree char *value = NULL;
  guint end = i + 2;
  int target = -1;
  const char *kind = "trade_target";

  if (!(t->flags & TOK_CURRENCY) || !(ctx_token (ctx, i + 1 < ctx_n_tokens (ctx) ? i + 1 : i)->flags & TOK_NUMBER))
    return;
  if (tok_in (ctx, end, (const char *[]) { "million", "billion", "trillion", "m", "bn", NULL }))
    end++;
  if (_ent_extractor_index_of_word (ctx, i > 12 ? i - 12 : 0, MIN (ctx_n_tokens (ctx), i + 8),
                                    (const char *[]) { "trade", "exchanges", "turnover", NULL }) < 0)
    return;

  /* "to $10 billion" is where trade should go; "from $6.4 billion" where it is. */
  {
    int from = _ent_extractor_index_of_word (ctx, i > 3 ? i - 3 : 0, i, (const char *[]) { "from", "current", "currently",
                                                                           "about", "at", "stood", NULL });
    if (from >= 0)
      kind = "trade_volume";
  }
  value = g_strndup (ctx->document->text + t->start, ctx_token (ctx, end - 1)->end - t->start);
  for (guint k = 0; k < ctx->mentions->len && target < 0; k++)
    if (is_agreement (ctx, ctx_mention (ctx, k)))
      target = ctx_mention (ctx, k)->entity;
  if (target < 0)
    {
      int a, b;

      _ent_extractor_doc_top_countries (ctx, &a, &b);
      target = a;
    }
  if (target >= 0)
    ent_extraction_add_claim (ctx->ex, (guint) target, kind, value, ctx->sentence);
}

/* The parties the document gave agreement @entity, or -1. */
void
_ent_extractor_agreement_parties_of (DocContext *ctx,
                                     int         entity,
                                     int         parties[2])
{
  AgreementInfo *info = agreement_info (ctx, entity);

  parties[0] = info != NULL ? info->parties[0] : -1;
  parties[1] = info != NULL ? info->parties[1] : -1;
}
