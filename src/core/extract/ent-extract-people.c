/* ent-extract-people.c — people, their names and their offices.
 *
 * People are recognised from how the text presents them, never from a list:
 * a title, an apposition, or a capitalised name acting as the subject of a
 * verb only people do. Surnames and given names are indexed so that later
 * short mentions ("Lukashenko", "Mr Wang") find the person, and offices so
 * that descriptions ("the Belarusian president") find their holder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include <string.h>

#include "ent-extractor-private.h"
#include "ent-text.h"

#define MAX_NAME_WORDS 5

Person *
_ent_extractor_doc_person_of (DocContext *ctx,
                              int         entity)
{
  int index;

  if (entity < 0 || (guint) entity >= ctx->person_of_entity->len)
    return NULL;
  index = g_array_index (ctx->person_of_entity, int, entity);
  return index >= 0 ? &g_array_index (ctx->persons, Person, index) : NULL;
}

static void
index_person_word (DocContext *ctx,
                   guint       index,
                   const char *word)
{
  GArray *list;

  if (*word == '\0')
    return;
  list = g_hash_table_lookup (ctx->persons_by_word, word);
  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (ctx->persons_by_word, g_strdup (word), list);
    }
  if (list->len == 0 || g_array_index (list, guint, list->len - 1) != index)
    g_array_append_val (list, index);
}

/* Each given name on its own ("Wang" of "Wang Lei"). */
static void
index_person_words (DocContext *ctx,
                    guint       index,
                    const char *words)
{
  g_auto(GStrv) split = g_strsplit (words, " ", -1);

  for (guint i = 0; split[i] != NULL; i++)
    index_person_word (ctx, index, split[i]);
}

static const GArray *
persons_with_word (DocContext *ctx,
                   const char *word)
{
  return g_hash_table_lookup (ctx->persons_by_word, word);
}

/* Whether the lexicon entry at @j ends a name. Right after a title, a
 * place is a first name ("President Milan Jovic", "Jordan Bardella"). */
static gboolean
lexicon_ends_name (DocContext *ctx,
                   guint       j,
                   gboolean    after_title)
{
  const GArray *matches;

  if (_ent_extractor_match_phrase_at (ctx, j, &matches) == 0)
    return FALSE;
  for (guint k = 0; k < matches->len; k++)
    {
      const LexMatch *m = &g_array_index (matches, LexMatch, k);

      if (!_ent_extractor_acronym_fits (ctx, j, m))
        continue;
      if (!after_title || (m->kind != LEX_PLACE && m->kind != LEX_CAPITAL))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_regnal_number (DocContext *ctx,
                  guint       j)
{
  static const char *numbers[] = { "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "xiii",
                                   "xiv", "xv", "xvi", NULL };

  return tok_in (ctx, j, numbers);
}

/* Name words from @i: capitalised words, particles and glued dashes between
 * them, stopping at anything the lexicon knows. Returns the token count. */
guint
_ent_extractor_scan_name (DocContext *ctx,
                          guint       i,
                          gboolean    allow_stop_first,
                          gboolean    after_title)
{
  guint j = i, words = 0, end = i;

  while (j < ctx_n_tokens (ctx) && words < MAX_NAME_WORDS)
    {
      EntToken *t = ctx_token (ctx, j);

      if (t->flags & TOK_WORD)
        {
          gboolean particle = !(t->flags & TOK_CAP) && words > 0 &&
                              ent_name_is_particle (ctx_key (ctx, j));

          if (particle)
            {
              j++;
              continue;
            }
          if (!(t->flags & TOK_CAP) || (t->flags & (TOK_DOMAIN | TOK_NUMBER)))
            break;
          /* "King Mohammed VI": a regnal number after a name is part of it. */
          if ((t->flags & TOK_ALLCAPS) && t->end - t->start > 1 && !(words > 0 && is_regnal_number (ctx, j)))
            break;
          if ((ctx_triggers (ctx, j) & TRIG_STOP) && !(words == 0 && allow_stop_first))
            break;
          if (lexicon_ends_name (ctx, j, after_title))
            break;
          words++;
          j++;
          end = j;
          if (t->flags & TOK_POSSESSIVE)
            break;
        }
      else if ((t->flags & TOK_JOINED) && words > 0)
        {
          /* "Park Ji-hoon": a short lower-case part after a dash belongs to
           * the name; "-led", "-based" do not. */
          static const char *suffixes[] = { "led", "based", "backed", "born", "owned", "run", "era", "style",
                                            "made", "bound", "linked", "held", "like", NULL };

          if (is_word (ctx, j + 1) && !(ctx_token (ctx, j + 1)->flags & TOK_CAP))
            {
              if (ctx_token (ctx, j + 1)->end - ctx_token (ctx, j + 1)->start > 4 ||
                  word_in (ctx_key (ctx, j + 1), suffixes))
                break;
              j += 2;
              end = j;
              continue;
            }
          j++;
        }
      else if (punct_is (ctx, j, '.') && words > 0 && j == end &&
               ctx_token (ctx, j - 1)->end - ctx_token (ctx, j - 1)->start == 1)
        j++;  /* an initial: "George W. Bush" */
      else
        break;
    }
  return end - i;
}

static Person *
find_person (DocContext *ctx,
             const char *given,
             const char *surname)
{
  const GArray *candidates = persons_with_word (ctx, surname);
  Person *found = NULL;

  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      Person *p = &g_array_index (ctx->persons, Person, g_array_index (candidates, guint, i));

      if (!g_str_equal (ent_surname_core (p->surname), ent_surname_core (surname)))
        continue;
      if (!ent_given_names_compatible (p->given, given))
        continue;
      /* The fuller match wins: "Ali Khamenei" over another Khamenei. */
      if (found == NULL || g_str_equal (p->given, given))
        found = p;
    }
  return found;
}

/* "Wang" for "Wang Lei", "Faisal" for "Faisal bin Jassim Al Thani",
 * "Monteiro" for "Rafael Monteiro Lins": a word of exactly one person's name. */
static Person *
find_person_by_any_name (DocContext *ctx,
                         const char *word)
{
  const GArray *candidates = persons_with_word (ctx, word);
  Person *found = NULL;

  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      Person *p = &g_array_index (ctx->persons, Person, g_array_index (candidates, guint, i));
      g_auto(GStrv) given = g_strsplit (p->given, " ", -1);

      if (!g_strv_contains ((const char * const *) given, word))
        continue;
      if (found != NULL)
        return NULL;
      found = p;
    }
  return found;
}

int
_ent_extractor_person_entity (DocContext *ctx,
                              guint       first,
                              guint       last,
                              gboolean    create)
{
  g_autofree char *name = _ent_extractor_token_text (ctx, first, last);
  g_autofree char *key = ent_name_key (name);
  g_autofree char *given = NULL;
  g_autofree char *surname = NULL;
  Person *person;

  ent_person_name_split (key, &given, &surname);
  if (*surname == '\0')
    return -1;

  person = find_person (ctx, given, surname);
  if (person == NULL && *given == '\0')
    person = find_person_by_any_name (ctx, surname);
  if (person != NULL)
    {
      EntExtractedEntity *entity = doc_entity (ctx, person->entity);

      /* A fuller form of the name becomes the canonical one. */
      if (strlen (given) > strlen (person->given))
        {
          ent_extracted_entity_rename (entity, name);
          g_free (entity->key);
          entity->key = g_strdup (key);
          g_free (person->given);
          person->given = g_strdup (given);
          index_person_words (ctx, (guint) (person - (Person *) ctx->persons->data), given);
        }
      return person->entity;
    }

  if (!create)
    return -1;

  {
    g_autofree char *pkey = g_strconcat ("P:", key, NULL);
    Person p = { 0 };

    p.entity = _ent_extractor_ensure_entity (ctx, pkey, ENT_ENTITY_PERSON, name);
    p.surname = g_steal_pointer (&surname);
    p.given = g_steal_pointer (&given);
    p.country = -1;
    p.org = -1;
    g_array_append_val (ctx->persons, p);
    if ((guint) p.entity >= ctx->person_of_entity->len)
      {
        guint old_len = ctx->person_of_entity->len;

        g_array_set_size (ctx->person_of_entity, p.entity + 1);
        for (guint k = old_len; k < ctx->person_of_entity->len; k++)
          g_array_index (ctx->person_of_entity, int, k) = -1;
      }
    g_array_index (ctx->person_of_entity, int, p.entity) = (int) ctx->persons->len - 1;
    /* The surname whole ("al sisi"), as find_person looks it up. */
    index_person_word (ctx, ctx->persons->len - 1, p.surname);
    index_person_word (ctx, ctx->persons->len - 1, ent_surname_core (p.surname));
    index_person_words (ctx, ctx->persons->len - 1, p.given);
    return p.entity;
  }
}

void
_ent_extractor_person_set_office (DocContext *ctx,
                                  int         entity,
                                  const char *role,
                                  int         country,
                                  int         org)
{
  Person *p = _ent_extractor_doc_person_of (ctx, entity);

  if (p == NULL || role == NULL)
    return;
  /* The first office the text gives is the one descriptions refer to. */
  if (p->role == NULL)
    {
      guint index = (guint) (p - (Person *) ctx->persons->data);

      p->role = g_strdup (role);
      p->country = country;
      p->org = org;
      g_array_append_val (ctx->office_holders, index);
    }
  else if (p->country < 0 && country >= 0 && g_str_equal (p->role, role))
    p->country = country;
}

void
_ent_extractor_emit_office (DocContext *ctx,
                            int         person,
                            const char *role,
                            int         country,
                            int         org)
{
  Person *p;
  int holder = -1;

  _ent_extractor_person_set_office (ctx, person, role, country, org);
  if (ctx->discover || role == NULL)
    return;
  /* The title gave no holder, but the text did elsewhere (ent-extract-holders.c). */
  p = _ent_extractor_doc_person_of (ctx, person);
  if (country < 0 && org < 0 && p != NULL && p->role != NULL && g_str_equal (p->role, role))
    country = p->country, org = p->org;
  if (country >= 0)
    holder = _ent_extractor_doc_country_entity (ctx, country);
  else if (org >= 0)
    holder = org;
  if (holder >= 0)
    _ent_extractor_add_relation (ctx, ENT_RELATION_HOLDS_OFFICE, person, holder, role);
}

/* Does the word at @i make the capitalised words before it a person? */
static gboolean
person_context_after (DocContext *ctx,
                      guint       i)
{
  guint32 trig;

  /* "X, the president of Y" / "X, who" / "X, president of Y" / "X, Iran's
   * foreign minister" / "X and his delegation" */
  if (punct_is (ctx, i, ',') && (key_is (ctx, i + 1, "who") || is_determiner (ctx, i + 1) ||
                                 _ent_extractor_office_starts_at (ctx, i + 1)))
    return TRUE;
  if (key_is (ctx, i, "and") && (key_is (ctx, i + 1, "his") || key_is (ctx, i + 1, "her")))
    return TRUE;
  /* "X also met", "X later said" */
  if (is_word (ctx, i) && g_str_has_suffix (ctx_key (ctx, i), "ly") && !(ctx_token (ctx, i)->flags & TOK_CAP))
    i++;
  if (key_is (ctx, i, "also") || key_is (ctx, i, "then") || key_is (ctx, i, "has") || key_is (ctx, i, "had") ||
      key_is (ctx, i, "was") || key_is (ctx, i, "will") || key_is (ctx, i, "would"))
    i++;
  if (!is_word (ctx, i))
    return FALSE;
  trig = ctx_triggers (ctx, i);
  return (trig & PERSON_VERBS) != 0 && !(ctx_token (ctx, i)->flags & TOK_CAP);
}

/* "officials including A and B", "two high-ranking officials: C and D",
 * "Among those sanctioned are E": names listed after a plural that only
 * people are. */
static gboolean
person_list_context (DocContext *ctx,
                     guint       i)
{
  static const char *people[] = { "officials", "individuals", "ministers", "leaders", "people", "persons",
                                  "executives", "officers", "commanders", "politicians", "diplomats",
                                  "envoys", "advisers", "advisors", "lawmakers", "figures", "associates",
                                  "those", "men", "women", "businessmen", "oligarchs", NULL };
  static const char *lead_ins[] = { "including", "include", "includes", "included", "are", "were", "namely", NULL };
  guint k = i;

  /* Back over the list: names, commas and "and". */
  while (k > 0 && i - k < 30)
    {
      EntToken *t = ctx_token (ctx, k - 1);

      if (((t->flags & TOK_WORD) && (t->flags & TOK_CAP)) || punct_is (ctx, k - 1, ',') || key_is (ctx, k - 1, "and"))
        k--;
      else
        break;
    }
  if (k == 0 || !(tok_in (ctx, k - 1, lead_ins) || punct_is (ctx, k - 1, ':')))
    return FALSE;
  for (guint b = k - 1; b > 0 && k - b <= 5; b--)
    if (tok_in (ctx, b - 1, people))
      return TRUE;
  return FALSE;
}

static gboolean
person_context_before (DocContext *ctx,
                       guint       i)
{
  static const char *words[] = { "with", "by", "told", "met", "meets", "invited", "received",
                                 "hosted", "welcomed", "counterpart", "ally", NULL };

  return (i > 0 && is_word (ctx, i - 1) && word_in (ctx_key (ctx, i - 1), words)) ||
         person_list_context (ctx, i);
}

/* A sentence set in title case ("Sanctioned States Should Cooperate"): its
 * capitals say nothing about names. */
gboolean
_ent_extractor_is_headline (DocContext *ctx)
{
  static const char *small_words[] = { "with", "from", "into", "onto", "over", "upon", "amid", "than",
                                       "that", "this", NULL };
  guint words = 0;

  /* Title case capitalises every word but the small ones. */
  for (guint i = 0; i < ctx_n_tokens (ctx); i++)
    {
      EntToken *t = ctx_token (ctx, i);

      if (!(t->flags & TOK_WORD) || (t->flags & TOK_NUMBER))
        continue;
      words++;
      if (!(t->flags & TOK_CAP) && t->end - t->start >= 4 && !word_in (ctx_key (ctx, i), small_words))
        return FALSE;
    }
  return words >= 4;
}

/* The noun an office is named by: "Minister" in "Minister of State for
 * Foreign Trade" and in "Foreign Minister". */
static gboolean
role_head_is (const char *role,
              const char *word)
{
  const char *of = strstr (role, " of ");
  const char *for_ = strstr (role, " for ");
  const char *end = of != NULL ? of : for_ != NULL ? for_ : role + strlen (role);
  const char *start = end;

  while (start > role && start[-1] != ' ')
    start--;
  return (gsize) (end - start) == strlen (word) && g_ascii_strncasecmp (start, word, end - start) == 0 &&
         g_ascii_strncasecmp (role, "vice", 4) != 0 && g_ascii_strncasecmp (role, "deputy", 6) != 0 &&
         g_ascii_strncasecmp (role, "former", 6) != 0;
}

gboolean
_ent_extractor_role_matches (const char *have,
                             const char *want)
{
  gsize lh, lw;

  if (have == NULL || want == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (have, want) == 0)
    return TRUE;
  /* A one-word description ("the minister") names any office of that kind. */
  if (strchr (want, ' ') == NULL && role_head_is (have, want))
    return TRUE;
  if (strchr (have, ' ') == NULL && role_head_is (want, have))
    return TRUE;
  /* "Leader" names the "Supreme Leader" (and the other way round);
   * "President" is not the "Vice President". */
  lh = strlen (have), lw = strlen (want);
  if (lh < lw)
    {
      const char *t = have;

      have = want, want = t;
      lh = strlen (have), lw = strlen (want);
    }
  return lh > lw && have[lh - lw - 1] == ' ' && g_ascii_strcasecmp (have + lh - lw, want) == 0 &&
         g_ascii_strncasecmp (have, "vice", 4) != 0 && g_ascii_strncasecmp (have, "deputy", 6) != 0 &&
         g_ascii_strncasecmp (have, "former", 6) != 0 && g_ascii_strncasecmp (have, "first deputy", 12) != 0;
}

/* The person of the document holding @role for @country (-1: any). */
int
_ent_extractor_person_by_role (DocContext *ctx,
                               const char *role,
                               int         country,
                               int         exclude)
{
  int found = -1, in_country = -1;
  guint n = 0, n_in_country = 0;

  for (guint i = 0; i < ctx->office_holders->len; i++)
    {
      Person *p = &g_array_index (ctx->persons, Person, g_array_index (ctx->office_holders, guint, i));

      if (p->entity == exclude || !_ent_extractor_role_matches (p->role, role))
        continue;
      if (country >= 0 && p->country >= 0 && p->country != country)
        continue;
      if (country >= 0 && p->country == country)
        {
          in_country = p->entity;
          n_in_country++;
        }
      found = p->entity;
      n++;
    }
  /* Only one person may fit; two ministers of one country are no answer. */
  if (n_in_country > 0)
    return n_in_country == 1 ? in_country : -1;
  return n == 1 ? found : -1;
}

int
_ent_extractor_person_by_country (DocContext *ctx,
                                  int         country,
                                  int         exclude)
{
  int found = -1;
  guint n = 0;

  for (guint i = 0; i < ctx->office_holders->len; i++)
    {
      Person *p = &g_array_index (ctx->persons, Person, g_array_index (ctx->office_holders, guint, i));

      if (p->entity != exclude && p->country == country && country >= 0)
        {
          found = p->entity;
          n++;
        }
    }
  return n == 1 ? found : -1;
}

/* Whether the capitalised word at @j can end an organization's name: its
 * head ("Assembly", "Bank"), a portfolio ("Affairs") or a name the lexicon
 * knows after "of" ("… de Venezuela", "… of Iran"). */
static gboolean
ends_org_name (DocContext *ctx,
               guint       j)
{
  static const char *of[] = { "of", "the", "de", "del", "des", "du", "di", "da", "do", NULL };
  const LexWord *lex = ctx_token (ctx, j)->lex;

  return (ctx_triggers (ctx, j) & (TRIG_ORG_HEAD | TRIG_PORTFOLIO)) ||
         (lex != NULL && lex->max_phrase > 0 && j > 0 && tok_in (ctx, j - 1, of));
}

/* An organization the lexicon does not know: capitalised words around an
 * organization's head word ("National Assembly", "Standing Committee of the
 * National People's Congress", "224th Flight Unit State Airlines", "Banco
 * Central de Venezuela"). Words after the last one that can end a name are
 * kept only when there is one ("Office of Foreign Assets Control"): two or
 * more are the name of the person the title introduces ("Chairman of the
 * National Assembly Vuong Dinh Hue"). Returns its number of tokens, or 0. */
guint
_ent_extractor_org_name_span (DocContext *ctx,
                              guint       i)
{
  return _ent_extractor_name_span (ctx, i, TRIG_ORG_HEAD);
}

/* The same for any kind of name given by its head word: @heads is the
 * trigger class of the heads (organizations, sites). */
guint
_ent_extractor_name_span (DocContext *ctx,
                          guint       i,
                          guint32     heads)
{
  static const char *links[] = { "of", "for", "and", "the", "de", "del", "des", "du", "di", "da", "do", NULL };
  guint j = i, end = i, trailing = 0;
  gboolean head = FALSE, linked = FALSE;

  /* "Sudan's Rapid Support Forces": the organization starts after the
   * country it belongs to. */
  if (is_word (ctx, i) && ((ctx_token (ctx, i)->flags & TOK_POSSESSIVE) || is_determiner (ctx, i)))
    return 0;
  /* "Today the African Development Bank …": a sentence's first word. */
  if ((ctx_token (ctx, i)->flags & TOK_FIRST) && (ctx_triggers (ctx, i) & TRIG_STOP) &&
      !(is_word (ctx, i + 1) && (ctx_token (ctx, i + 1)->flags & TOK_CAP)))
    return 0;
  while (j < ctx_n_tokens (ctx) && j - i < 20)
    {
      EntToken *t = ctx_token (ctx, j);
      guint title_len;

      if ((t->flags & TOK_WORD) && (t->flags & (TOK_CAP | TOK_NUMBER)) && !(t->flags & TOK_DOMAIN))
        {
          gboolean is_head = (t->flags & TOK_CAP) && (ctx_triggers (ctx, j) & heads);

          /* "European Council President X": a title ends the name. */
          if (j > i && !is_head && t->lex != NULL && t->lex->max_phrase > 0 &&
              _ent_extractor_title_at (ctx, j, &title_len) != NULL)
            break;
          head = head || is_head;
          if ((t->flags & TOK_CAP) &&
              (is_head || ends_org_name (ctx, j) ||
               (linked && strlen (ctx_key (ctx, j)) > 3 && g_str_has_suffix (ctx_key (ctx, j), "s"))))
            end = j + 1, trailing = 0;
          else
            trailing++;
          j++;
          /* "the Treasury's Office of …": the possessive of a head ends it. */
          if ((t->flags & TOK_POSSESSIVE) && (is_head || ends_org_name (ctx, j - 1)))
            break;
        }
      /* "… of the People's Congress", "Ministry of Industry and Trade"; but
       * "X Holding and the Y Company", "A Railways and B Railway" are two. */
      else if (j > i && tok_in (ctx, j, links) && is_word (ctx, j + 1) &&
               ((ctx_token (ctx, j + 1)->flags & TOK_CAP) ||
                (key_is (ctx, j + 1, "the") && is_word (ctx, j + 2) && (ctx_token (ctx, j + 2)->flags & TOK_CAP))) &&
               !(key_is (ctx, j, "and") && (key_is (ctx, j + 1, "the") || (ctx_triggers (ctx, j - 1) & heads))))
        {
          linked = linked || !key_is (ctx, j, "and");
          j++;
        }
      else if (j > i && (t->flags & TOK_JOINED))
        j++;
      else
        break;
    }
  if (!head)
    return 0;
  /* One more word after the last that can end a name is still the name
   * ("Office of Foreign Assets Control", "Great Hall of the People"); two
   * or more are the name of someone ("… National Assembly Vuong Dinh Hue"). */
  if (trailing == 1)
    {
      while (end < j && !(is_word (ctx, end) && (ctx_token (ctx, end)->flags & TOK_CAP)))
        end++;
      end++;
    }
  return end > i + 1 ? end - i : 0;
}

/* The country a name's own words place it in: "Hiroshima Peace Memorial
 * Park" is in Japan, "Palace of Serbia" in Serbia. A lexicon index, or -1. */
static int
country_in_name (DocContext *ctx,
                 guint       first,
                 guint       last)
{
  for (guint k = first; k < last; k++)
    {
      guint len;
      const LexMatch *m = _ent_extractor_entity_at (ctx, k, &len);

      if (m == NULL)
        continue;
      if (m->kind == LEX_COUNTRY || m->kind == LEX_CAPITAL || m->kind == LEX_DEMONYM)
        return (int) m->index;
      if (m->kind == LEX_PLACE)
        return ent_lexicon_get_place (ctx->lexicon, m->index)->country;
    }
  return -1;
}

/* "sovereign wealth fund ADQ", "the state-owned airline CONVIASA": an
 * acronym the lexicon does not know, named by what it is. */
static guint
match_acronym_org (DocContext *ctx,
                   guint       i)
{
  static const char *kinds[] = { "fund", "airline", "carrier", "company", "firm", "group", "bank", "agency",
                                 "operator", "conglomerate", "giant", "producer", "exporter", "lender", "insurer",
                                 "holding", "investor", "developer", "maker", "manufacturer", "broadcaster",
                                 "outlet", "network", "party", "movement", "militia", "insurgents", NULL };
  EntToken *t = ctx_token (ctx, i);
  int org;

  if (!(t->flags & TOK_ALLCAPS) || t->end - t->start < 2 || (t->lex != NULL && t->lex->max_phrase > 0) ||
      i == 0 || !tok_in (ctx, i - 1, kinds) || (ctx_token (ctx, i - 1)->flags & TOK_CAP))
    return 0;
  if (ctx->discover)
    return 1;
  {
    g_autofree char *name = _ent_extractor_token_text (ctx, i, i + 1);

    org = _ent_extractor_doc_org_entity (ctx, name, NULL, -1);
    _ent_extractor_add_mention (ctx, i, i + 1, org, ENT_ENTITY_ORGANIZATION, MK_NAME);
    _ent_extractor_doc_count_mention (ctx, org, name);
  }
  return 1;
}

/* An organization or a site the lexicon does not know, by its head word:
 * "Rapid Support Forces", "Great Hall of the People". */
static guint
match_org_name (DocContext *ctx,
                guint       i)
{
  guint len = _ent_extractor_org_name_span (ctx, i);
  gboolean site = FALSE;
  int entity;

  if (len == 0)
    site = (len = _ent_extractor_name_span (ctx, i, TRIG_SITE_HEAD)) > 0;
  if (len == 0 || ctx->discover)
    return len;
  {
    g_autofree char *name = _ent_extractor_token_text (ctx, i, i + len);

    if (site)
      {
        entity = _ent_extractor_place_entity (ctx, name, "site", country_in_name (ctx, i, i + len));
        _ent_extractor_add_mention (ctx, i, i + len, entity, ENT_ENTITY_PLACE, MK_NAME);
      }
    else if (len >= 4 && _ent_extractor_known_word (ctx, i, 1u << LEX_DEMONYM))
      {
        /* "the Algerian Sonatrach Petroleum Corporation": the demonym says
         * whose, the name starts after it. */
        g_autofree char *rest = _ent_extractor_token_text (ctx, i + 1, i + len);

        entity = _ent_extractor_doc_org_entity (ctx, rest, NULL, -1);
        _ent_extractor_add_mention (ctx, i + 1, i + len, entity, ENT_ENTITY_ORGANIZATION, MK_NAME);
      }
    else
      {
        entity = _ent_extractor_doc_org_entity (ctx, name, NULL, -1);
        _ent_extractor_add_mention (ctx, i, i + len, entity, ENT_ENTITY_ORGANIZATION, MK_NAME);
      }
    _ent_extractor_doc_count_mention (ctx, entity, name);
  }
  return len;
}

static guint
capitalised_words (DocContext *ctx,
                   guint       first,
                   guint       last)
{
  guint n = 0;

  for (guint k = first; k < last; k++)
    n += is_word (ctx, k) && (ctx_token (ctx, k)->flags & TOK_CAP) != 0;
  return n;
}

/* "Foreign Affairs" (ministers): words that name a remit, not a person. */
static gboolean
only_portfolio (DocContext *ctx,
                guint       first,
                guint       last)
{
  for (guint k = first; k < last; k++)
    if (is_word (ctx, k) && !(ctx_triggers (ctx, k) & TRIG_PORTFOLIO))
      return FALSE;
  return TRUE;
}

guint
_ent_extractor_match_name (DocContext *ctx,
                           guint       i,
                           gboolean    headline)
{
  EntToken *t = ctx_token (ctx, i);
  guint len, org_len;
  int person;
  gboolean first = (t->flags & TOK_FIRST) != 0;

  if (!(t->flags & (TOK_CAP | TOK_NUMBER)))
    return 0;
  /* Organizations may begin with words like "National" or "Supreme", or
   * with a number: "224th Flight Unit State Airlines". */
  if ((org_len = match_org_name (ctx, i)) > 0 || (org_len = match_acronym_org (ctx, i)) > 0)
    return org_len;
  if (!(t->flags & TOK_CAP))
    return 0;
  len = _ent_extractor_scan_name (ctx, i, TRUE, FALSE);
  if (len == 0)
    return 0;
  if (headline)
    return len;

  /* A sentence-initial word like "The" is not part of a name. */
  if (first && (t->lex != NULL && (t->lex->triggers & TRIG_STOP)))
    return 1;
  /* People do not take an article: "the Islamic Revolution" is no one. */
  if (i > 0 && key_is (ctx, i - 1, "the"))
    return len;

  person = _ent_extractor_person_entity (ctx, i, i + len, FALSE);
  if (person < 0 && ctx->discover && capitalised_words (ctx, i, i + len) >= 2 && !only_portfolio (ctx, i, i + len) &&
      !(ctx_triggers (ctx, i) & TRIG_NUMBER) &&
      (person_context_after (ctx, i + len) || person_context_before (ctx, i)))
    person = _ent_extractor_person_entity (ctx, i, i + len, TRUE);

  if (person >= 0)
    {
      g_autofree char *surface = _ent_extractor_token_text (ctx, i, i + len);

      _ent_extractor_add_mention (ctx, i, i + len, person, ENT_ENTITY_PERSON, MK_NAME);
      _ent_extractor_doc_count_mention (ctx, person, surface);
    }
  return len;
}
