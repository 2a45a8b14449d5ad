/* ent-extract-projects.c — projects (corridors, railways, pipelines) and named events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include <string.h>

#include "ent-extractor-private.h"
#include "ent-text.h"

static const char *project_heads[] = {
  "corridor", "corridors", "railway", "railroad", "pipeline", "highway", "motorway", "expressway",
  "initiative", "canal", "bridge", "tunnel", "project", "line", "road", "rail", "route", NULL
};

static const char *project_noise[] = { "the", "international", "transport", "transit", NULL };

static const char *
project_head_family (const char *head)
{
  static const struct { const char *head, *family; } families[] = {
    { "railway", "railway" }, { "railroad", "railway" }, { "rail", "railway" }, { "line", "railway" },
    { "highway", "road" }, { "motorway", "road" }, { "expressway", "road" }, { "road", "road" },
    { "corridor", "corridor" }, { "corridors", "corridor" }, { "route", "corridor" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    if (g_str_equal (head, families[i].head))
      return families[i].family;
  return head;
}

/* The words that identify a project, up to its head: "corridors" and
 * "corridor" are one project, and so are the "Baku-Tbilisi-Kars line" and
 * the "Baku-Tbilisi-Kars railway"; "gas", "greenfield" describe it. */
static void
project_key_words (DocContext  *ctx,
                   guint        first,
                   guint        head,
                   char       **out)
{
  GString *pkey = g_string_new (NULL);

  for (guint k = first; k <= head; k++)
    {
      const char *word;

      if (!is_word (ctx, k))
        continue;
      word = ctx_key (ctx, k);
      if (word_in (word, project_noise) || (k < head && !(ctx_token (ctx, k)->flags & TOK_CAP)))
        continue;
      if (pkey->len > 0)
        g_string_append_c (pkey, ' ');
      g_string_append (pkey, k == head ? project_head_family (word) : word);
    }
  *out = g_string_free (pkey, FALSE);
}

/* "the Trans-Caspian International Transport Route, also known as the
 * Middle Corridor": the project named just before. */
static int
also_known_as (DocContext *ctx,
               guint       i)
{
  guint k = i;
  Mention *before;

  if (k > 0 && key_is (ctx, k - 1, "the"))
    k--;
  if (k < 2 || !key_is (ctx, k - 1, "as") || !key_is (ctx, k - 2, "known"))
    return -1;
  before = last_mention (ctx);
  return before != NULL && before->type == ENT_ENTITY_PROJECT && before->entity >= 0 ? before->entity : -1;
}

/* The project named by tokens [@first, @last); @head is its head word. The
 * words up to the head make its key, so that the "China-Laos Railway" and
 * the "China-Laos railway project" are one. */
static int
project_entity (DocContext *ctx,
                guint       first,
                guint       head,
                guint       last)
{
  g_autofree char *name = _ent_extractor_token_text (ctx, first, last);
  g_autofree char *words = NULL;
  g_autofree char *key = NULL;
  int index;

  project_key_words (ctx, first, head, &words);
  key = g_strconcat ("j:", words, NULL);
  index = _ent_extractor_lookup_entity (ctx, key);
  if (index < 0)
    {
      index = _ent_extractor_ensure_entity (ctx, key, ENT_ENTITY_PROJECT, name);
      g_free (doc_entity (ctx, index)->key);
      doc_entity (ctx, index)->key = g_strdup (words);
    }
  else if (strlen (name) > strlen (doc_entity (ctx, index)->name))
    ent_extracted_entity_rename (doc_entity (ctx, index), name);
  return index;
}

static gboolean
is_project_head (DocContext *ctx,
                 guint       j)
{
  return is_word (ctx, j) && word_in (ctx_key (ctx, j), project_heads);
}

/* Whether tokens [@first, @last) are exactly an organization's name. */
static gboolean
names_org (DocContext *ctx,
           guint       first,
           guint       last)
{
  guint len;
  const LexMatch *m = _ent_extractor_entity_at (ctx, first, &len);

  return m != NULL && len == last - first && m->kind == LEX_ORG;
}

/* "North-South Transport Corridor", "Rasht–Astara railway", "the
 * trans-Saharan gas pipeline project", "the Zambia-Lobito greenfield rail
 * line": capitalised words, at most two lower-case ones right before the
 * head, and more heads after it. */
guint
_ent_extractor_match_project (DocContext *ctx,
                              guint       i)
{
  guint j = i, caps = 0, head, end;
  int project;

  /* "trans-Saharan", "pan-African": a lower-case prefix glued to a name. */
  if (!(ctx_token (ctx, i)->flags & TOK_CAP) &&
      !(is_word (ctx, i) && i + 2 < ctx_n_tokens (ctx) && (ctx_token (ctx, i + 1)->flags & TOK_JOINED) &&
        (ctx_token (ctx, i + 2)->flags & TOK_CAP)))
    return 0;
  if ((ctx_triggers (ctx, i) & TRIG_STOP) && !key_is (ctx, i, "international"))
    return 0;
  /* "Calling China-Laos Railway a flagship project, …": a participle that
   * opens the sentence is no part of a name. */
  if ((ctx_token (ctx, i)->flags & TOK_FIRST) && g_str_has_suffix (ctx_key (ctx, i), "ing") &&
      ctx_token (ctx, i)->lex == NULL)
    return 0;

  for (;;)
    {
      EntToken *t;

      if (j >= ctx_n_tokens (ctx) || j - i >= 14)
        return 0;
      t = ctx_token (ctx, j);
      if (caps > 0 && is_project_head (ctx, j))
        break;
      /* "Azerbaijan Railways and …": a company, not a project. */
      if ((t->flags & TOK_WORD) && (t->flags & TOK_CAP) && (ctx_triggers (ctx, j) & TRIG_ORG_HEAD))
        return 0;
      if ((t->flags & TOK_WORD) && (t->flags & TOK_CAP) && !(t->flags & TOK_POSSESSIVE))
        caps++;
      else if ((t->flags & TOK_WORD) && caps > 0 && !(t->flags & (TOK_CAP | TOK_NUMBER)) &&
               !(ctx_triggers (ctx, j) & TRIG_STOP) &&
               (is_project_head (ctx, j + 1) ||
                (is_word (ctx, j + 1) && !(ctx_token (ctx, j + 1)->flags & TOK_CAP) && is_project_head (ctx, j + 2))))
        ;  /* "gas" in "… gas pipeline" */
      else if (!(t->flags & TOK_JOINED) && !((t->flags & TOK_DASH) && caps > 0) &&
               !(key_is (ctx, j, "and") && caps > 0) && !(j == i && (t->flags & TOK_WORD)))
        return 0;
      j++;
    }
  head = j;
  end = j + 1;
  /* "… pipeline project", "… rail line" */
  while (tok_in (ctx, end, (const char *[]) { "project", "line", "route", "initiative", NULL }) && end - head < 3)
    end++;
  /* "Azerbaijan Railways", "Georgian Railway": a country's railway company,
   * not a line between places. */
  if (caps == 1 && (ctx_token (ctx, head)->flags & TOK_CAP) &&
      _ent_extractor_known_word (ctx, i, 1u << LEX_COUNTRY | 1u << LEX_DEMONYM) &&
      tok_in (ctx, head, (const char *[]) { "railway", "railways", "railroad", NULL }))
    return 0;

  if (ctx->discover)
    return end - i;
  /* "the AUKUS project": the project is named by the pact's name. */
  if (tok_in (ctx, head, (const char *[]) { "project", "initiative", NULL }) && names_org (ctx, i, head))
    project = project_entity (ctx, i, head - 1, head);
  else if ((project = also_known_as (ctx, i)) >= 0)
    {
      g_autofree char *surface = _ent_extractor_token_text (ctx, i, end);
      g_autofree char *folded = NULL;

      /* Both names lead to it from now on. */
      project_key_words (ctx, i, head, &folded);
      g_hash_table_insert (ctx->entity_keys, g_strconcat ("j:", folded, NULL), GINT_TO_POINTER (project + 1));
      ent_extracted_entity_add_alias (doc_entity (ctx, project), surface);
    }
  else
    project = project_entity (ctx, i, head, end);
  _ent_extractor_add_mention (ctx, i, end, project, ENT_ENTITY_PROJECT, MK_NAME);
  _ent_extractor_doc_count_mention (ctx, project, NULL);
  {
    g_autofree char *surface = _ent_extractor_token_text (ctx, i, end);

    ent_extracted_entity_add_alias (doc_entity (ctx, project), surface);
  }
  ctx->last_project = project;
  return end - i;
}

/* Events: "Munich Security Conference", "GCC summit", "the 45th summit of
 * the Arab League" is left alone; only capitalised names with an event word. */
static const char *event_heads[] = {
  "summit", "conference", "forum", "congress", "dialogue", "expo", "olympics", "games", "assembly",
  "cop", NULL
};

/* "GCC summit": the organization the event is of is the story's bloc. */
static void
note_orgs_in_name (DocContext *ctx,
                   guint       first,
                   guint       last)
{
  for (guint k = first; k < last; k++)
    {
      guint len;
      const LexMatch *m = _ent_extractor_entity_at (ctx, k, &len);

      if (m != NULL && m->kind == LEX_ORG)
        {
          const LexOrg *org = ent_lexicon_get_org (ctx->lexicon, m->index);

          _ent_extractor_note_bloc (ctx, _ent_extractor_doc_org_entity (ctx, org->name, org->kind, org->country));
        }
    }
}

guint
_ent_extractor_match_event (DocContext *ctx,
                            guint       i)
{
  guint j = i, caps = 0;

  /* "The …" at a sentence start is no name; "Baltic", "Arab" are. */
  if (((ctx_triggers (ctx, i) & TRIG_STOP) && (ctx_token (ctx, i)->flags & TOK_FIRST)) ||
      !(ctx_token (ctx, i)->flags & (TOK_CAP | TOK_NUMBER)) || (ctx_token (ctx, i)->flags & TOK_POSSESSIVE))
    return 0;
  while (j < ctx_n_tokens (ctx) && j - i < 8)
    {
      EntToken *t = ctx_token (ctx, j);

      if ((t->flags & TOK_WORD) && caps > 0 && (ctx_triggers (ctx, j) & TRIG_EVENT_HEAD) &&
          word_in (ctx_key (ctx, j), event_heads) &&
          !g_str_equal (ctx_key (ctx, j), "cop") && !g_str_equal (ctx_key (ctx, j), "assembly"))
        {
          g_autofree char *name = NULL;
          g_autofree char *folded = NULL;
          g_autofree char *key = NULL;
          int event;

          const GArray *known;

          /* "Pacific Islands Forum" is an organization the lexicon knows. */
          if (_ent_extractor_match_phrase_at (ctx, i, &known) == j + 1 - i)
            for (guint k = 0; k < known->len; k++)
              if (g_array_index (known, LexMatch, k).kind == LEX_ORG)
                return 0;
          if (ctx->discover)
            return j + 1 - i;
          name = _ent_extractor_token_text (ctx, i, j + 1);
          /* "the 47th ASEAN Summit" is the ASEAN Summit of the story. */
          folded = ent_name_key ((ctx_token (ctx, i)->flags & TOK_NUMBER) && j > i ?
                                 name + strcspn (name, " ") + 1 : name);
          key = g_strconcat ("v:", folded, NULL);
          event = _ent_extractor_lookup_entity (ctx, key);
          if (event < 0)
            {
              event = _ent_extractor_ensure_entity (ctx, key, ENT_ENTITY_EVENT, name);
              g_free (doc_entity (ctx, event)->key);
              doc_entity (ctx, event)->key = g_strdup (folded);
            }
          else if (strlen (name) > strlen (doc_entity (ctx, event)->name))
            ent_extracted_entity_rename (doc_entity (ctx, event), name);
          else
            ent_extracted_entity_add_alias (doc_entity (ctx, event), name);
          _ent_extractor_add_mention (ctx, i, j + 1, event, ENT_ENTITY_EVENT, MK_NAME);
          _ent_extractor_doc_count_mention (ctx, event, NULL);
          note_orgs_in_name (ctx, i, j);
          return j + 1 - i;
        }
      if ((t->flags & TOK_WORD) && (t->flags & (TOK_CAP | TOK_NUMBER)) && !(t->flags & TOK_POSSESSIVE))
        caps += (t->flags & TOK_CAP) != 0;
      else if (!(t->flags & TOK_JOINED))
        return 0;
      j++;
    }
  return 0;
}

/* "the corridor", "this railway": the last project with that head. */
guint
_ent_extractor_match_project_reference (DocContext *ctx,
                                        guint       i)
{
  const char *word;
  guint stop = ctx->ex->entities->len > 256 ? ctx->ex->entities->len - 256 : 0;
  int best = -1;

  if (ctx->last_project < 0 || !is_word (ctx, i) || !is_determiner (ctx, i) || !is_word (ctx, i + 1))
    return 0;
  word = ctx_key (ctx, i + 1);
  if (!word_in (word, project_heads))
    return 0;
  /* "the project" is the project the story is about, the one it names most,
   * not the last one mentioned in passing; "the railway" a railway. */
  for (guint k = ctx->ex->entities->len; k > stop; k--)
    {
      EntExtractedEntity *e = g_ptr_array_index (ctx->ex->entities, k - 1);

      if (e->type != ENT_ENTITY_PROJECT || e->mentions == 0 ||
          (!g_str_equal (word, "project") && !g_str_has_suffix (e->key, project_head_family (word))))
        continue;
      if (best < 0 || e->mentions > doc_entity (ctx, best)->mentions ||
          (e->mentions == doc_entity (ctx, best)->mentions && (int) (k - 1) == ctx->last_project))
        best = (int) (k - 1);
    }
  if (best < 0)
    return 0;
  _ent_extractor_add_mention (ctx, i, i + 2, best, ENT_ENTITY_PROJECT, MK_ROLE);
  _ent_extractor_doc_count_mention (ctx, best, NULL);
  return 2;
}
