/* ent-extract-titles.c — titles, descriptions, appositions and counterparts.
 *
 * "Belarusian President Alexander Lukashenko", "X, the President of Belarus",
 * "the Iranian president", "his Iranian counterpart", "the presidents of Iran
 * and Belarus": who holds which office, and whom a description refers to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include <string.h>

#include "ent-extractor-private.h"
#include "ent-text.h"

/* The country or organization named right before token @i ("Belarusian",
 * "Iran's", "SCO"), which an office that follows is held for. */
static void
holder_before (DocContext *ctx,
               guint       i,
               int        *country,
               int        *org)
{
  Mention *m = last_mention (ctx);

  *country = -1;
  *org = -1;
  /* A self mention ("our President" in a quotation) stands for the
   * speaker's country, which is known only once the sentence is read. */
  if (m == NULL || m->last != i || m->entity < 0)
    return;
  if (m->type == ENT_ENTITY_COUNTRY && m->kind != MK_COLLECTIVE)
    {
      const char *code = g_hash_table_lookup (doc_entity (ctx, m->entity)->attributes, "code");

      *country = ent_lexicon_find_country (ctx->lexicon, code);
    }
  else if (m->type == ENT_ENTITY_ORGANIZATION)
    *org = m->entity;
}

/* Plural offices: "the presidents of Iran and Belarus", "the two prime
 * ministers". Returns the title and sets @out_len to its number of tokens. */
const LexMatch *
_ent_extractor_plural_title_span (DocContext *ctx,
                                  guint       i,
                                  guint      *out_len)
{
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint n = 0; n < 4 && i + n < ctx_n_tokens (ctx) && is_word (ctx, i + n); n++)
    {
      const char *word = ctx_key (ctx, i + n);
      gsize len = strlen (word);
      const LexMatch *m;

      if (n > 0)
        g_string_append_c (key, ' ');
      if (len >= 4 && word[len - 1] == 's')
        {
          g_autofree char *singular = g_strdup_printf ("%s%.*s", key->str, (int) len - 1, word);

          m = _ent_extractor_pick_title_match (ent_lexicon_lookup_phrase (ctx->lexicon, singular));
          if (m != NULL)
            {
              *out_len = n + 1;
              return m;
            }
        }
      g_string_append (key, word);
    }
  return NULL;
}

/* A country named right after a person: "Mauro Teixeira Costa of Brazil",
 * "Sadyr Japarov of the Kyrgyz Republic". */
static int
country_of_at (DocContext *ctx,
               guint       k,
               guint      *out_len)
{
  guint len, at = k + 1;
  const LexMatch *cm;

  if (!key_is (ctx, k, "of"))
    return -1;
  if (key_is (ctx, at, "the"))
    at++;
  cm = _ent_extractor_entity_at (ctx, at, &len);
  if (cm == NULL || cm->kind != LEX_COUNTRY)
    return -1;
  *out_len = at + len - k;
  return (int) cm->index;
}

/* "Their foreign ministers, Mauro Teixeira Costa of Brazil and Alicia
 * Beltrán Ruiz of Mexico, signed", "Presidents A of Azerbaijan, B of
 * Kyrgyzstan, and C of Uzbekistan": each name takes the office, with the
 * country named after it. @at is the first name, @title_end the token
 * after the title. */
static guint
match_plural_office_names (DocContext     *ctx,
                           guint           i,
                           guint           title_end,
                           guint           at,
                           const LexTitle *title)
{
  g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) countries = g_array_new (FALSE, FALSE, sizeof (int));
  guint k = at;
  Mention *mention;
  int a, b;

  for (;;)
    {
      guint len = _ent_extractor_scan_name (ctx, k, TRUE, TRUE), of_len = 0;
      int person, country;

      if (len == 0)
        break;
      person = _ent_extractor_person_entity (ctx, k, k + len, TRUE);
      k += len;
      if ((country = country_of_at (ctx, k, &of_len)) >= 0)
        k += of_len;
      g_array_append_val (named, person);
      g_array_append_val (countries, country);
      /* ", B of Y", ", and C of Z", " and D" */
      if (punct_is (ctx, k, ',') && key_is (ctx, k + 1, "and"))
        k += 2;
      else if (punct_is (ctx, k, ',') || key_is (ctx, k, "and"))
        k++;
      else
        break;
    }
  if (named->len < 2)
    return 0;
  for (guint n = 0; n < named->len; n++)
    if (g_array_index (named, int, n) >= 0)
      _ent_extractor_emit_office (ctx, g_array_index (named, int, n), title->role,
                                  g_array_index (countries, int, n), -1);
  a = g_array_index (named, int, 0);
  b = g_array_index (named, int, 1);
  if (ctx->discover || a < 0 || b < 0 || a == b)
    return title_end - i;
  mention = _ent_extractor_add_mention (ctx, i, title_end, a, ENT_ENTITY_PERSON, MK_COLLECTIVE);
  mention->entity2 = b;
  mention->plural = TRUE;
  ctx->collective[0] = a;
  ctx->collective[1] = b;
  return title_end - i;
}

/* "the presidents of Iran and Belarus": two people by office; "the foreign
 * ministers of the two countries, Aigerim Nurpeisova and Hakan Demirel":
 * two people named, each taking the office. */
guint
_ent_extractor_match_plural_office (DocContext *ctx,
                                    guint       i)
{
  guint title_len = 0;
  const LexMatch *m = _ent_extractor_plural_title_span (ctx, i, &title_len);
  const LexTitle *title;
  int countries[2] = { -1, -1 };
  int named[2] = { -1, -1 };
  gboolean explicit = FALSE;
  guint j = i + title_len, n = 0;
  Mention *mention;
  int a, b;

  if (m == NULL)
    return 0;
  title = ent_lexicon_get_title (ctx->lexicon, m->index);
  if (title->role == NULL)
    return 0;
  if (punct_is (ctx, j, ','))
    return match_plural_office_names (ctx, i, j, j + 1, title);
  if (is_word (ctx, j) && (ctx_token (ctx, j)->flags & TOK_CAP))
    return match_plural_office_names (ctx, i, j, j, title);
  if (!key_is (ctx, j, "of"))
    return 0;
  j++;
  if (key_is (ctx, j, "the") && key_is (ctx, j + 1, "two") && is_word (ctx, j + 2))
    j += 3;
  else if (key_is (ctx, j, "both") && is_word (ctx, j + 1))
    j += 2;
  else
    {
      while (j < ctx_n_tokens (ctx) && n < 2)
        {
          guint len;
          const LexMatch *cm = _ent_extractor_entity_at (ctx, j, &len);

          if (cm == NULL || (cm->kind != LEX_COUNTRY && cm->kind != LEX_CAPITAL))
            break;
          countries[n++] = (int) cm->index;
          j += len;
          if (key_is (ctx, j, "and") || punct_is (ctx, j, ','))
            j++;
          else
            break;
        }
      if (n < 2)
        return 0;
      explicit = TRUE;
      if (punct_is (ctx, j - 1, ','))
        j--;
    }

  /* The two names in apposition, in the order of the countries. */
  if (punct_is (ctx, j, ','))
    {
      guint k = j + 1, len1 = _ent_extractor_scan_name (ctx, k, TRUE, TRUE), len2;

      if (len1 > 0 && key_is (ctx, k + len1, "and") &&
          (len2 = _ent_extractor_scan_name (ctx, k + len1 + 1, TRUE, TRUE)) > 0)
        {
          named[0] = _ent_extractor_person_entity (ctx, k, k + len1, TRUE);
          named[1] = _ent_extractor_person_entity (ctx, k + len1 + 1, k + len1 + 1 + len2, TRUE);
          for (guint p = 0; p < 2; p++)
            if (named[p] >= 0)
              _ent_extractor_emit_office (ctx, named[p], title->role, explicit ? countries[p] : -1, -1);
        }
    }
  if (ctx->discover)
    return j - i;

  if (named[0] >= 0 && named[1] >= 0 && named[0] != named[1])
    a = named[0], b = named[1];
  else
    a = _ent_extractor_collective_persons (ctx, title->role, explicit ? countries : NULL, &b);
  mention = _ent_extractor_add_mention (ctx, i, j, a, ENT_ENTITY_PERSON, MK_COLLECTIVE);
  mention->entity2 = b;
  mention->plural = TRUE;
  if (a >= 0 && b >= 0)
    {
      ctx->collective[0] = a;
      ctx->collective[1] = b;
    }
  for (guint k = 0; explicit && k < 2; k++)
    {
      int c = _ent_extractor_doc_country_entity (ctx, countries[k]);

      _ent_extractor_doc_count_mention (ctx, c, NULL);
      _ent_extractor_note_country (ctx, c);
    }
  return j - i;
}

int
_ent_extractor_collective_persons (DocContext *ctx,
                                   const char *role,
                                   int         countries[2],
                                   int        *second)
{
  int a = -1, b = -1;

  *second = -1;
  if (countries != NULL && countries[0] >= 0)
    {
      a = _ent_extractor_person_by_role (ctx, role, countries[0], -1);
      b = _ent_extractor_person_by_role (ctx, role, countries[1], a);
    }
  if ((a < 0 || b < 0) && role != NULL)
    {
      /* The two holders of that office in the document. */
      int found[2] = { -1, -1 };
      guint n = 0;

      for (guint i = 0; i < ctx->office_holders->len && n <= 2; i++)
        {
          Person *p = &g_array_index (ctx->persons, Person, g_array_index (ctx->office_holders, guint, i));

          if (_ent_extractor_role_matches (p->role, role))
            {
              if (n < 2)
                found[n] = p->entity;
              n++;
            }
        }
      if (n == 2)
        a = found[0], b = found[1];
    }
  if (a < 0 || b < 0)
    {
      a = ctx->recent_persons[0];
      b = ctx->recent_persons[1];
    }
  if (a < 0 || b < 0 || a == b)
    return -1;
  *second = b;
  return a;
}

/* An unresolved description ("the Belarusian president") becomes an entity
 * of its own that the project may know: the resolver looks its office up. */
static int
role_only_entity (DocContext *ctx,
                  const char *role,
                  int         country)
{
  const LexCountry *c;
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  EntExtractedEntity *entity;
  int index;

  if (role == NULL || country < 0)
    return -1;
  c = ent_lexicon_get_country (ctx->lexicon, country);
  name = g_strdup_printf ("%s of %s", role, c->name);
  key = g_strconcat ("R:", name, NULL);
  index = _ent_extractor_lookup_entity (ctx, key);
  if (index >= 0)
    return index;

  index = _ent_extractor_ensure_entity (ctx, key, ENT_ENTITY_PERSON, name);
  entity = doc_entity (ctx, index);
  entity->role_only = TRUE;
  entity->role = g_strdup (role);
  entity->role_country = ent_name_key (c->name);
  {
    RoleOnly r = { index, entity->role, country };

    g_array_append_val (ctx->role_only, r);
  }
  return index;
}

static int
resolve_description (DocContext *ctx,
                     const char *role,
                     int         country,
                     gboolean    subject)
{
  int person = _ent_extractor_person_by_role (ctx, role, country, -1);

  if (person >= 0)
    return person;
  /* "the Ethiopian leader": the one person of that country with an office. */
  if (g_ascii_strcasecmp (role, "Leader") == 0 && country >= 0 &&
      (person = _ent_extractor_person_by_country (ctx, country, -1)) >= 0)
    return person;

  /* "Ghalibaf held a meeting … The speaker said": a description right after
   * a sentence about someone whose office the text has not given yet. */
  if (subject && country < 0 && ctx->last_subject >= 0)
    {
      Person *p = _ent_extractor_doc_person_of (ctx, ctx->last_subject);

      if (p != NULL && p->role == NULL)
        {
          _ent_extractor_person_set_office (ctx, p->entity, role, country, -1);
          return p->entity;
        }
    }
  return role_only_entity (ctx, role, country);
}

/* The person named right after a comma, behind any honorifics; the name
 * must end the phrase ("…, Ayatollah Ali Khamenei." or "…, X, said"). */
static int
person_after_comma (DocContext *ctx,
                    guint       j)
{
  guint len;

  for (;;)
    {
      const GArray *matches;
      guint tlen = is_word (ctx, j) ? _ent_extractor_match_phrase_at (ctx, j, &matches) : 0;
      const LexMatch *tm = tlen > 0 ? _ent_extractor_pick_title_match (matches) : NULL;

      if (tm == NULL || ent_lexicon_get_title (ctx->lexicon, tm->index)->klass != LEX_TITLE_HONORIFIC)
        break;
      j += tlen;
      if (punct_is (ctx, j, '.'))
        j++;
    }
  len = _ent_extractor_scan_name (ctx, j, TRUE, TRUE);
  if (len == 0 || !(j + len >= ctx_n_tokens (ctx) || (ctx_token (ctx, j + len)->flags & TOK_PUNCT)))
    return -1;
  return _ent_extractor_person_entity (ctx, j, j + len, TRUE);
}

/* "his Iranian counterpart": the person of the other country holding the
 * same office as the one "his" refers to. "his counterpart, Alexander
 * Lukashenko": the name follows and takes that office. */
guint
_ent_extractor_match_counterpart (DocContext *ctx,
                                  guint       i)
{
  int country = -1, org = -1, owner, person = -1, named = -1;
  guint start = i;
  Person *p;

  holder_before (ctx, i, &country, &org);
  if (country >= 0)
    {
      ctx->mentions->len--;  /* the demonym is part of this description */
      start = ctx_mention (ctx, ctx->mentions->len)->first;
    }
  /* "their South Korean counterparts, Foreign Minister A and Defence
   * Minister B": the offices named next are South Korea's. */
  if (key_is (ctx, i, "counterparts"))
    {
      if (country >= 0)
        {
          ctx->apposition_country = country;
          ctx->apposition_until = i + 16;
        }
      return 1;
    }
  if (!(start > 0 && (key_is (ctx, start - 1, "his") || key_is (ctx, start - 1, "her"))))
    return 1;
  owner = _ent_extractor_resolve_pronoun (ctx, start - 1);
  p = owner >= 0 ? _ent_extractor_doc_person_of (ctx, owner) : NULL;

  if (punct_is (ctx, i + 1, ','))
    named = person_after_comma (ctx, i + 2);
  else if (_ent_extractor_scan_name (ctx, i + 1, FALSE, TRUE) > 0)
    named = _ent_extractor_person_entity (ctx, i + 1, i + 1 + _ent_extractor_scan_name (ctx, i + 1, FALSE, TRUE), TRUE);
  if (named >= 0)
    {
      /* Creating the named person may have moved the array p points into. */
      p = owner >= 0 ? _ent_extractor_doc_person_of (ctx, owner) : NULL;
      if (named != owner && p != NULL && p->role != NULL)
        {
          g_autofree char *role = g_strdup (p->role);

          _ent_extractor_emit_office (ctx, named, role, country, -1);
        }
      return 1;
    }
  if (ctx->discover)
    return 1;

  if (p != NULL && p->role != NULL)
    person = _ent_extractor_person_by_role (ctx, p->role, country, owner);
  if (person < 0 && country >= 0)
    person = _ent_extractor_person_by_country (ctx, country, owner);
  if (person >= 0)
    {
      Mention *m = _ent_extractor_add_mention (ctx, start - 1, i + 1, person, ENT_ENTITY_PERSON, MK_ROLE);

      m->role = p != NULL ? p->role : NULL;
      _ent_extractor_doc_count_mention (ctx, person, NULL);
    }
  return 1;
}

/* After "X," — attaches "the President of Belarus" to X. */
static int
apposition_owner (DocContext *ctx,
                  guint       start)
{
  Mention *m;
  guint comma = start;

  if (comma == 0)
    return -1;
  /* "…, general secretary of the party and Lao president": a second office
   * of the same person. */
  if (ctx->apposition_person >= 0 && start == ctx->apposition_end + 1 && key_is (ctx, start - 1, "and"))
    return ctx->apposition_person;
  comma--;
  if (!punct_is (ctx, comma, ','))
    return -1;
  for (guint k = ctx->mentions->len; k > 0; k--)
    {
      m = ctx_mention (ctx, k - 1);
      if (m->last == comma && m->type == ENT_ENTITY_PERSON && m->kind == MK_NAME)
        return m->entity;
      if (m->last <= comma)
        break;
    }
  return -1;
}

/* "Leader" is too common a word for the lexicon, but "Iran's leader", "the
 * Leader" and "opposition leader X" describe an office all the same; its role
 * matches any office ending in it ("Supreme Leader"). */
static const LexTitle leader_title = { (char *) "Leader", LEX_TITLE_DESCRIPTOR, LEX_HOLDER_ANY, -1 };

/* What a title phrase says: "Belarusian President", "Minister of Energy
 * and Mines", "Chairman of the Standing Committee of the National People's
 * Congress", "Chinese State Councilor and Foreign Minister". */
typedef struct {
  const LexTitle *office;       /* NULL when the phrase is honorifics only */
  char           *role;         /* the office with its portfolio */
  char           *second_role;  /* "… and Foreign Minister": a second office */
  int             country;      /* lexicon index of whom it is held for, or -1 */
  int             org;          /* entity index, or -1 */
  guint           desc_start;   /* first token, the holder before it included */
  guint           end;          /* the token after the phrase */
} TitlePhrase;

static void
title_phrase_clear (TitlePhrase *tp)
{
  g_clear_pointer (&tp->role, g_free);
  g_clear_pointer (&tp->second_role, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TitlePhrase, title_phrase_clear)

/* The title at token @i and its length, honorifics included. */
const LexTitle *
_ent_extractor_title_at (DocContext *ctx,
                         guint       i,
                         guint      *len)
{
  const GArray *matches;
  const LexMatch *m;
  Mention *before;

  /* "Acting Under Secretary", "outgoing President": the office itself. */
  if (tok_in (ctx, i, (const char *[]) { "acting", "interim", "outgoing", "incoming", NULL }) &&
      is_word (ctx, i + 1) && (ctx_token (ctx, i)->flags & TOK_CAP) == (ctx_token (ctx, i + 1)->flags & TOK_CAP))
    {
      const LexTitle *title = _ent_extractor_title_at (ctx, i + 1, len);

      if (title != NULL && title->klass == LEX_TITLE_OFFICE)
        {
          (*len)++;
          return title;
        }
    }
  *len = is_word (ctx, i) ? _ent_extractor_match_phrase_at (ctx, i, &matches) : 0;
  m = *len > 0 ? _ent_extractor_pick_title_match (matches) : NULL;
  if (m != NULL)
    return ent_lexicon_get_title (ctx->lexicon, m->index);
  before = last_mention (ctx);
  if (key_is (ctx, i, "leader") && i > 0 &&
      (is_determiner (ctx, i - 1) || (ctx_token (ctx, i - 1)->flags & TOK_POSSESSIVE) ||
       (before != NULL && before->last == i && before->type == ENT_ENTITY_COUNTRY)))
    {
      *len = 1;
      return &leader_title;
    }
  return NULL;
}

/* Whether an office is named at token @i, behind the country or demonym it
 * is held for, with no name after it: "president of", "Iran's foreign
 * minister", "Lao president" (an apposition, not "US President X"). */
gboolean
_ent_extractor_office_starts_at (DocContext *ctx,
                                 guint       i)
{
  const LexTitle *title;
  guint len;
  const LexMatch *m = _ent_extractor_entity_at (ctx, i, &len);

  if (m != NULL && (m->kind == LEX_COUNTRY || m->kind == LEX_DEMONYM))
    i += len;
  title = _ent_extractor_title_at (ctx, i, &len);
  /* "…, US President Joe Biden": a new clause naming someone else. */
  return title != NULL && title->klass == LEX_TITLE_OFFICE &&
         !(is_word (ctx, i + len) && (ctx_token (ctx, i + len)->flags & TOK_CAP));
}

/* Whom an office after "of" or "at" is held for: a country or organization
 * the lexicon knows, or an organization named by its head word. Moves @j
 * past it. */
static gboolean
holder_after (DocContext  *ctx,
              guint       *j,
              TitlePhrase *tp)
{
  guint k = *j + 1, len, org_len;
  const LexMatch *cm;

  if (!key_is (ctx, *j, "of") && !key_is (ctx, *j, "at"))
    return FALSE;
  if (key_is (ctx, k, "the"))
    k++;
  cm = _ent_extractor_entity_at (ctx, k, &len);
  org_len = _ent_extractor_org_name_span (ctx, k);

  if (cm != NULL && org_len <= len &&
      (cm->kind == LEX_COUNTRY || cm->kind == LEX_CAPITAL || cm->kind == LEX_DEMONYM))
    {
      int ce = _ent_extractor_doc_country_entity (ctx, (int) cm->index);

      tp->country = (int) cm->index;
      _ent_extractor_add_mention (ctx, k, k + len, ce, ENT_ENTITY_COUNTRY, MK_NAME);
      _ent_extractor_doc_count_mention (ctx, ce, NULL);
      *j = k + len;
      return TRUE;
    }
  if (cm != NULL && cm->kind == LEX_ORG)
    {
      const LexOrg *lo = ent_lexicon_get_org (ctx->lexicon, cm->index);

      tp->org = _ent_extractor_doc_org_entity (ctx, lo->name, lo->kind, lo->country);
      _ent_extractor_add_mention (ctx, k, k + len, tp->org, ENT_ENTITY_ORGANIZATION, MK_NAME);
      _ent_extractor_doc_count_mention (ctx, tp->org, NULL);
      /* "the Communist Party of China Central Committee": an organ of it. */
      *j = k + MAX (len, org_len);
      return TRUE;
    }
  if (org_len > 0)
    {
      g_autofree char *name = _ent_extractor_token_text (ctx, k, k + org_len);

      tp->org = _ent_extractor_doc_org_entity (ctx, name, NULL, -1);
      _ent_extractor_add_mention (ctx, k, k + org_len, tp->org, ENT_ENTITY_ORGANIZATION, MK_NAME);
      _ent_extractor_doc_count_mention (ctx, tp->org, name);
      *j = k + org_len;
      return TRUE;
    }
  return FALSE;
}

/* What an office is for: "of Energy and Mines", "for International
 * Partnerships", "to the President for Energy and Investment", "for
 * trade". Capitalised words count only when they name a portfolio, so that
 * a name right after ("… Investment Amos Hochstein") stays a name. Returns
 * the token after the portfolio, or @j when there is none. */
static guint
portfolio_end (DocContext *ctx,
               guint       j)
{
  static const char *links[] = { "of", "for", "to", "and", "the", "&", NULL };
  guint k = j, end = j;

  /* "Minister of Energy" is a title of its own: "… and Mines" is more of it. */
  if (!key_is (ctx, j, "of") && !key_is (ctx, j, "for") && !key_is (ctx, j, "to") &&
      !((key_is (ctx, j, "and") || punct_is (ctx, j, ',')) && (ctx_triggers (ctx, j + 1) & TRIG_PORTFOLIO)))
    return j;
  while (k < ctx_n_tokens (ctx) && k - j <= 12)
    {
      EntToken *t = ctx_token (ctx, k);
      guint len;

      if (tok_in (ctx, k, links) || (punct_is (ctx, k, ',') && is_word (ctx, k + 1) &&
                                     (ctx_triggers (ctx, k + 1) & TRIG_PORTFOLIO)))
        k++;
      else if ((t->flags & TOK_WORD) && ((ctx_triggers (ctx, k) & TRIG_PORTFOLIO) ||
                                         (!(t->flags & TOK_CAP) && !(ctx_triggers (ctx, k) & TRIG_STOP))))
        end = ++k;
      else if ((t->flags & TOK_JOINED) && k > j)
        k++;
      /* "Assistant to the President": an office names whom one serves. */
      else if (key_is (ctx, k - 1, "the") && _ent_extractor_title_at (ctx, k, &len) != NULL)
        end = k += len;
      else
        break;
    }
  return end;
}

/* Reads the title phrase at token @i (a title of @len tokens). */
static void
read_title_phrase (DocContext     *ctx,
                   guint           i,
                   const LexTitle *title,
                   guint           len,
                   TitlePhrase    *tp)
{
  const LexTitle *second = NULL;
  guint j, more_len, pend;
  const LexTitle *more;

  tp->office = title->klass != LEX_TITLE_HONORIFIC ? title : NULL;
  tp->desc_start = i;
  /* Who the office is held for, when the text says it first:
   * "Belarusian President", "Iran's Supreme Leader", "SCO Secretary-General". */
  holder_before (ctx, i, &tp->country, &tp->org);
  if (tp->country >= 0 || tp->org >= 0)
    {
      /* "UK" in "UK Prime Minister X" says whose office, and acts for no one. */
      ctx_mention (ctx, ctx->mentions->len - 1)->modifier = TRUE;
      tp->desc_start = ctx_mention (ctx, ctx->mentions->len - 1)->first;
    }

  /* More titles may follow: "Supreme Leader Ayatollah Seyyed Ali Khamenei",
   * "State Councilor and Foreign Minister Qin Gang". */
  j = i + len;
  for (;;)
    {
      guint at = j;

      if (punct_is (ctx, at, '.'))
        at++;
      if (key_is (ctx, at, "and") && tp->office != NULL)
        {
          more = _ent_extractor_title_at (ctx, at + 1, &more_len);
          if (more == NULL || more->klass == LEX_TITLE_HONORIFIC ||
              (!is_word (ctx, at + 1 + more_len) || !(ctx_token (ctx, at + 1 + more_len)->flags & TOK_CAP)))
            break;
          second = more;
          j = at + 1 + more_len;
          continue;
        }
      more = _ent_extractor_title_at (ctx, at, &more_len);
      if (more == NULL || more == &leader_title)
        break;
      if (tp->office == NULL && more->klass != LEX_TITLE_HONORIFIC)
        tp->office = more;
      j = at + more_len;
    }

  /* "President of Belarus", "Secretary-General of the United Nations",
   * "Minister of Energy and Mines", "Under Secretary for Terrorism and
   * Financial Intelligence at the Treasury Department". */
  if (tp->office != NULL && tp->country < 0 && tp->org < 0)
    holder_after (ctx, &j, tp);
  pend = tp->office != NULL ? portfolio_end (ctx, j) : j;
  if (pend > j)
    {
      /* The office as the text names it: "Minister of Energy and Mines". */
      tp->role = _ent_extractor_token_text (ctx, i, pend);
      tp->role[0] = g_ascii_toupper (tp->role[0]);
      j = pend;
      if (tp->country < 0 && tp->org < 0)
        holder_after (ctx, &j, tp);
    }
  if (tp->office != NULL && tp->role == NULL)
    tp->role = g_strdup (tp->office->role);
  if (second != NULL)
    tp->second_role = g_strdup (second->role);

  /* "its foreign minister": the country the sentence is about. */
  if (tp->office != NULL && tp->country < 0 && tp->org < 0 && tp->desc_start > 0 &&
      (key_is (ctx, tp->desc_start - 1, "its") || key_is (ctx, tp->desc_start - 1, "their")))
    {
      for (guint k = ctx->mentions->len; k > 0 && tp->country < 0; k--)
        {
          Mention *m = ctx_mention (ctx, k - 1);

          if (m->type == ENT_ENTITY_COUNTRY && m->kind != MK_COLLECTIVE && m->entity >= 0)
            tp->country = ent_lexicon_find_country (ctx->lexicon,
                                                    g_hash_table_lookup (doc_entity (ctx, m->entity)->attributes,
                                                                         "code"));
        }
    }
  if (tp->office != NULL && tp->country < 0 && tp->org < 0 && tp->office->country >= 0)
    tp->country = tp->office->country;
  if (tp->office != NULL && tp->country < 0 && tp->org < 0 && i < ctx->apposition_until)
    tp->country = ctx->apposition_country;
  tp->end = j;
}

static void
emit_title_offices (DocContext  *ctx,
                    int          person,
                    TitlePhrase *tp)
{
  Person *p = _ent_extractor_doc_person_of (ctx, person);

  if (p != NULL && p->role == NULL && tp->office != NULL)
    p->holder_kind = tp->office->holder;
  _ent_extractor_emit_office (ctx, person, tp->role, tp->country, tp->org);
  if (tp->second_role != NULL)
    _ent_extractor_emit_office (ctx, person, tp->second_role, tp->country, tp->org);
}

/* "President Sadyr Japarov of the Kyrgyz Republic": the country after the
 * name, when the title did not give one. */
static guint
country_after_name (DocContext  *ctx,
                    guint        k,
                    TitlePhrase *tp)
{
  guint len = 0;
  int country, ce;

  if (tp->office == NULL || tp->country >= 0 || tp->org >= 0)
    return 0;
  country = country_of_at (ctx, k, &len);
  if (country < 0)
    return 0;
  tp->country = country;
  ce = _ent_extractor_doc_country_entity (ctx, country);
  _ent_extractor_add_mention (ctx, k, k + len, ce, ENT_ENTITY_COUNTRY, MK_NAME)->modifier = TRUE;
  _ent_extractor_doc_count_mention (ctx, ce, NULL);
  return len;
}

guint
_ent_extractor_match_title (DocContext *ctx,
                            guint       i)
{
  g_auto(TitlePhrase) tp = { 0 };
  const LexTitle *title;
  guint len, j, name_len;
  gboolean determiner;
  int owner, person;

  title = _ent_extractor_title_at (ctx, i, &len);
  if (title == NULL)
    return 0;
  /* "the Prime Minister's office" names no one. */
  if (ctx_token (ctx, i + len - 1)->flags & TOK_POSSESSIVE)
    return len;

  read_title_phrase (ctx, i, title, len, &tp);
  j = tp.end;

  if (key_is (ctx, j, "the") && is_word (ctx, j + 1) && !(ctx_token (ctx, j + 1)->flags & TOK_CAP))
    return j - i;

  /* A name follows: a person introduced with a title. */
  name_len = _ent_extractor_scan_name (ctx, j, TRUE, TRUE);
  if (name_len > 0)
    {
      person = _ent_extractor_person_entity (ctx, j, j + name_len, TRUE);
      if (person >= 0)
        {
          g_autofree char *surface = _ent_extractor_token_text (ctx, j, j + name_len);
          Mention *pm = _ent_extractor_add_mention (ctx, j, j + name_len, person, ENT_ENTITY_PERSON, MK_NAME);
          guint of_len;

          pm->titled = TRUE;
          _ent_extractor_doc_count_mention (ctx, person, surface);
          of_len = country_after_name (ctx, j + name_len, &tp);
          emit_title_offices (ctx, person, &tp);
          return j + name_len + of_len - i;
        }
      return j + name_len - i;
    }

  if (tp.office == NULL)
    return j - i;

  /* "Iran's leader, Ayatollah Ali Khamenei": the name after a comma. */
  if (punct_is (ctx, j, ',') && (person = person_after_comma (ctx, j + 1)) >= 0)
    {
      emit_title_offices (ctx, person, &tp);
      return j - i;
    }

  /* No name: a description. "Alexander Lukashenko, the President of Belarus"
   * is an apposition; "the Belarusian president said" refers back. */
  determiner = tp.desc_start > 0 && is_determiner (ctx, tp.desc_start - 1);
  owner = apposition_owner (ctx, determiner ? tp.desc_start - 1 : tp.desc_start);
  if (owner >= 0)
    {
      emit_title_offices (ctx, owner, &tp);
      ctx->apposition_person = owner;
      ctx->apposition_end = j;
      _ent_extractor_note_apposition (ctx, (determiner ? tp.desc_start - 1 : tp.desc_start) - 1, j);
      return j - i;
    }
  if (ctx->discover)
    {
      _ent_extractor_learn_holder_from_description (ctx, tp.role, tp.country);
      return j - i;
    }

  if (determiner || (ctx_token (ctx, i)->flags & TOK_CAP) || tp.country >= 0)
    {
      gboolean subject = tp.desc_start <= 1;
      guint first = determiner ? tp.desc_start - 1 : tp.desc_start;
      Mention *rm;

      person = resolve_description (ctx, tp.role, tp.country, subject);
      if (person < 0)
        return j - i;
      /* The demonym before the office belongs to this description. */
      if (tp.desc_start < i)
        ctx->mentions->len--;
      rm = _ent_extractor_add_mention (ctx, first, j, person, ENT_ENTITY_PERSON, MK_ROLE);
      rm->role = doc_entity (ctx, person)->role_only ? doc_entity (ctx, person)->role : NULL;
      rm->holder_country = tp.country;
      _ent_extractor_doc_count_mention (ctx, person, NULL);
      if (!doc_entity (ctx, person)->role_only)
        {
          /* "the Kazakh leader" for a president: evidence of the office the
           * text gave, not a second office named "Leader". */
          Person *p = _ent_extractor_doc_person_of (ctx, person);
          g_autofree char *own = p != NULL && p->role != NULL ? g_strdup (p->role) : NULL;

          _ent_extractor_emit_office (ctx, person, own != NULL ? own : tp.role, tp.country, tp.org);
        }
    }
  return j - i;
}
