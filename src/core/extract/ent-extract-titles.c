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

/* A country named right after a person: "Mauro Teixeira Costa of Brazil". */
static int
country_of_at (DocContext *ctx,
               guint       k,
               guint      *out_len)
{
  const GArray *matches;
  guint len;
  const LexMatch *cm;

  if (!key_is (ctx, k, "of") || !is_word (ctx, k + 1))
    return -1;
  len = _ent_extractor_match_phrase_at (ctx, k + 1, &matches);
  cm = len > 0 ? _ent_extractor_pick_entity_match (ctx, k + 1, matches) : NULL;
  if (cm == NULL || cm->kind != LEX_COUNTRY)
    return -1;
  *out_len = len + 1;
  return (int) cm->index;
}

/* "Their foreign ministers, Mauro Teixeira Costa of Brazil and Alicia
 * Beltrán Ruiz of Mexico, signed": each name takes the office. */
static guint
match_plural_office_names (DocContext     *ctx,
                           guint           i,
                           guint           comma,
                           const LexTitle *title)
{
  int named[2] = { -1, -1 }, countries[2] = { -1, -1 };
  guint k = comma + 1;
  Mention *mention;

  for (guint n = 0; n < 2; n++)
    {
      guint len = _ent_extractor_scan_name (ctx, k, TRUE, TRUE), of_len = 0;

      if (len == 0)
        return 0;
      named[n] = _ent_extractor_person_entity (ctx, k, k + len, TRUE);
      k += len;
      if ((countries[n] = country_of_at (ctx, k, &of_len)) >= 0)
        k += of_len;
      if (n == 0 && !key_is (ctx, k++, "and"))
        return 0;
    }
  for (guint n = 0; n < 2; n++)
    if (named[n] >= 0)
      _ent_extractor_emit_office (ctx, named[n], title->role, countries[n], -1);
  if (ctx->discover || named[0] < 0 || named[1] < 0 || named[0] == named[1])
    return comma - i;
  mention = _ent_extractor_add_mention (ctx, i, comma, named[0], ENT_ENTITY_PERSON, MK_COLLECTIVE);
  mention->entity2 = named[1];
  mention->plural = TRUE;
  ctx->collective[0] = named[0];
  ctx->collective[1] = named[1];
  return comma - i;
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
    return match_plural_office_names (ctx, i, j, title);
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
          const GArray *matches;
          guint len = is_word (ctx, j) ? _ent_extractor_match_phrase_at (ctx, j, &matches) : 0;
          const LexMatch *cm = len > 0 ? _ent_extractor_pick_entity_match (ctx, j, matches) : NULL;

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

guint
_ent_extractor_match_title (DocContext *ctx,
                            guint       i)
{
  const GArray *matches;
  guint len = _ent_extractor_match_phrase_at (ctx, i, &matches);
  const LexMatch *m = _ent_extractor_pick_title_match (len > 0 ? matches : NULL);
  const LexTitle *title, *office = NULL;
  int country = -1, org = -1;
  guint j, name_len, desc_start = i;
  gboolean determiner;
  int owner, person;
  g_autofree char *role_buffer = NULL;
  const char *role = NULL;

  if (m == NULL && key_is (ctx, i, "leader") && i > 0 &&
      (is_determiner (ctx, i - 1) || (ctx_token (ctx, i - 1)->flags & TOK_POSSESSIVE) ||
       (last_mention (ctx) != NULL && last_mention (ctx)->last == i && last_mention (ctx)->type == ENT_ENTITY_COUNTRY)))
    {
      title = &leader_title;
      len = 1;
    }
  else if (m == NULL)
    return 0;
  else
    title = ent_lexicon_get_title (ctx->lexicon, m->index);
  if (title->klass != LEX_TITLE_HONORIFIC)
    office = title;

  /* "the Prime Minister's office" names no one. */
  if (ctx_token (ctx, i + len - 1)->flags & TOK_POSSESSIVE)
    return len;

  /* Who the office is held for, when the text says it first:
   * "Belarusian President", "Iran's Supreme Leader", "SCO Secretary-General". */
  holder_before (ctx, i, &country, &org);
  if (country >= 0 || org >= 0)
    desc_start = ctx_mention (ctx, ctx->mentions->len - 1)->first;

  /* More titles may follow: "Supreme Leader Ayatollah Seyyed Ali Khamenei". */
  j = i + len;
  for (;;)
    {
      const GArray *more;
      guint more_len;
      const LexMatch *mm;

      if (punct_is (ctx, j, '.'))
        j++;
      more_len = j < ctx_n_tokens (ctx) && is_word (ctx, j) ? _ent_extractor_match_phrase_at (ctx, j, &more) : 0;
      mm = more_len > 0 ? _ent_extractor_pick_title_match (more) : NULL;
      if (mm == NULL)
        break;
      if (office == NULL && ent_lexicon_get_title (ctx->lexicon, mm->index)->klass != LEX_TITLE_HONORIFIC)
        office = ent_lexicon_get_title (ctx->lexicon, mm->index);
      j += more_len;
    }

  /* "President of Belarus", "Secretary-General of the United Nations" */
  if (office != NULL && key_is (ctx, j, "of"))
    {
      guint k = j + 1;
      guint clen;

      if (key_is (ctx, k, "the"))
        k++;
      clen = k < ctx_n_tokens (ctx) && is_word (ctx, k) ? _ent_extractor_match_phrase_at (ctx, k, &matches) : 0;
      if (clen > 0)
        {
          const LexMatch *cm = _ent_extractor_pick_entity_match (ctx, k, matches);

          if (cm != NULL && (cm->kind == LEX_COUNTRY || cm->kind == LEX_CAPITAL || cm->kind == LEX_DEMONYM))
            {
              int ce = _ent_extractor_doc_country_entity (ctx, (int) cm->index);

              country = (int) cm->index;
              _ent_extractor_add_mention (ctx, k, k + clen, ce, ENT_ENTITY_COUNTRY, MK_NAME);
              _ent_extractor_doc_count_mention (ctx, ce, NULL);
              j = k + clen;
            }
          else if (cm != NULL && cm->kind == LEX_ORG)
            {
              const LexOrg *lo = ent_lexicon_get_org (ctx->lexicon, cm->index);

              org = _ent_extractor_doc_org_entity (ctx, lo->name, lo->kind, lo->country);
              _ent_extractor_add_mention (ctx, k, k + clen, org, ENT_ENTITY_ORGANIZATION, MK_NAME);
              _ent_extractor_doc_count_mention (ctx, org, NULL);
              j = k + clen;
            }
        }
    }
  /* "minister of international relations", "minister for trade" */
  if (office != NULL && (key_is (ctx, j, "of") || key_is (ctx, j, "for")))
    {
      guint k = j + 1;

      while (k < ctx_n_tokens (ctx) && k - j <= 4 && is_word (ctx, k) &&
             !(ctx_token (ctx, k)->flags & TOK_CAP) && !(ctx_triggers (ctx, k) & TRIG_STOP))
        k++;
      if (k > j + 1 && (punct_is (ctx, k, ',') || (k < ctx_n_tokens (ctx) && (ctx_token (ctx, k)->flags & TOK_CAP))))
        {
          g_autofree char *complement = _ent_extractor_token_text (ctx, j, k);

          role_buffer = g_strdup_printf ("%s %s", office->role, complement);
          role = role_buffer;
          j = k;
        }
    }
  if (office != NULL && role == NULL)
    role = office->role;

  /* "its foreign minister": the country the sentence is about. */
  if (office != NULL && country < 0 && org < 0 && desc_start > 0 &&
      (key_is (ctx, desc_start - 1, "its") || key_is (ctx, desc_start - 1, "their")))
    {
      for (guint k = ctx->mentions->len; k > 0 && country < 0; k--)
        {
          Mention *m = ctx_mention (ctx, k - 1);

          if (m->type == ENT_ENTITY_COUNTRY && m->kind != MK_COLLECTIVE && m->entity >= 0)
            country = ent_lexicon_find_country (ctx->lexicon,
                                                g_hash_table_lookup (doc_entity (ctx, m->entity)->attributes, "code"));
        }
    }

  if (office != NULL && country < 0 && org < 0 && office->country >= 0)
    country = office->country;
  if (office != NULL && country < 0 && org < 0 && i < ctx->apposition_until)
    country = ctx->apposition_country;

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

          pm->titled = TRUE;
          _ent_extractor_doc_count_mention (ctx, person, surface);
          _ent_extractor_emit_office (ctx, person, role, country, org);
        }
      return j + name_len - i;
    }

  if (office == NULL)
    return j - i;

  /* "Iran's leader, Ayatollah Ali Khamenei": the name after a comma. */
  if (punct_is (ctx, j, ',') && (person = person_after_comma (ctx, j + 1)) >= 0)
    {
      _ent_extractor_emit_office (ctx, person, role, country, org);
      return j - i;
    }

  /* No name: a description. "Alexander Lukashenko, the President of Belarus"
   * is an apposition; "the Belarusian president said" refers back. */
  determiner = desc_start > 0 && is_determiner (ctx, desc_start - 1);
  owner = apposition_owner (ctx, determiner ? desc_start - 1 : desc_start);
  if (owner >= 0)
    {
      _ent_extractor_emit_office (ctx, owner, role, country, org);
      return j - i;
    }
  if (ctx->discover)
    return j - i;

  if (determiner || (ctx_token (ctx, i)->flags & TOK_CAP) || country >= 0)
    {
      gboolean subject = desc_start <= 1;
      guint first = determiner ? desc_start - 1 : desc_start;
      Mention *rm;

      person = resolve_description (ctx, role, country, subject);
      if (person < 0)
        return j - i;
      /* The demonym before the office belongs to this description. */
      if (desc_start < i)
        ctx->mentions->len--;
      rm = _ent_extractor_add_mention (ctx, first, j, person, ENT_ENTITY_PERSON, MK_ROLE);
      rm->role = role;
      rm->holder_country = country;
      _ent_extractor_doc_count_mention (ctx, person, NULL);
      if (!doc_entity (ctx, person)->role_only)
        {
          /* "the Kazakh leader" for a president: evidence of the office the
           * text gave, not a second office named "Leader". */
          Person *p = _ent_extractor_doc_person_of (ctx, person);
          g_autofree char *own = p != NULL && p->role != NULL ? g_strdup (p->role) : NULL;

          _ent_extractor_emit_office (ctx, person, own != NULL ? own : role, country, org);
        }
    }
  return j - i;
}
