/* ent-relations-membership.c — who is a member of which organization.
 *
 * "Senegal is a member of ECOWAS", "SCO members Iran and India", "Sweden
 * became NATO's 32nd member", "Timor-Leste joined ASEAN", "with A, B and C
 * as founding members", "a ceremony to admit Belarus as a full member
 * state", "the bloc was formed by Brazil, Russia, India and China", "the
 * G7 comprises …". Candidates, bids, invitations and plans are no
 * membership ("invited to join BRICS", "Ukraine's membership process");
 * observers and partners cooperate within the organization without being
 * members.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include "ent-extractor-private.h"

static gboolean
is_member_country (DocContext *ctx,
                   Mention    *m)
{
  return is_country (ctx, m) && m->kind != MK_DEMONYM && !m->modifier;
}

/* "candidate", "bid", "invited to join", "will join", "membership process":
 * not a member yet. */
static gboolean
not_yet (DocContext *ctx,
         guint       i)
{
  static const char *before[] = { "candidate", "candidates", "bid", "bids", "applied", "application", "applicant",
                                  "invited", "invitation", "invite", "poised", "prospect", "prospects",
                                  "aspiring", "aspires", "seeks", "seeking", "sought", "hopes", "hoping",
                                  "wants", "plans", "planned", "intends", "expected", "ready", "could", "would",
                                  "will", "may", "might", "should", "eventual", "future", "potential",
                                  "suspended", "suspend", "quit", "left", "leave", "leaving", "withdrew",
                                  "withdraw", "expelled", "former", NULL };
  static const char *after[] = { "bid", "bids", "process", "application", "applications", "talks",
                                 "negotiations", "aspirations", "hopes", "prospects", "path", "request", NULL };

  if (_ent_extractor_negated (ctx, i))
    return TRUE;
  if (_ent_extractor_index_of_word (ctx, i > 4 ? i - 4 : 0, i, before) >= 0)
    return TRUE;
  /* "to become a member", "to be admitted": not yet; but "a ceremony to
   * admit Belarus" is the act itself. */
  for (guint k = i > 4 ? i - 4 : 0; k < i; k++)
    if (key_is (ctx, k, "to") && tok_in (ctx, k + 1, (const char *[]) { "become", "be", "join", NULL }))
      return TRUE;
  return tok_in (ctx, i + 1, after) ||
         (is_word (ctx, i + 1) && (ctx_token (ctx, i + 1)->flags & TOK_CAP) && tok_in (ctx, i + 2, after));
}

/* "as observers", "dialogue partner": inside the organization, not of it. */
static gboolean
as_observer (DocContext *ctx,
             guint       i)
{
  static const char *kinds[] = { "observer", "observers", "partner", "partners", "associate", "guest", NULL };

  return _ent_extractor_index_of_word (ctx, i > 3 ? i - 3 : 0, MIN (i + 4, ctx_n_tokens (ctx)), kinds) >= 0;
}

static void
relate_members (DocContext *ctx,
                int         countries_at,
                gboolean    forward,
                GArray     *orgs,
                gboolean    observers)
{
  g_autoptr(GArray) countries = _ent_extractor_coordinated (ctx, countries_at, is_member_country, forward);

  _ent_extractor_relate_all (ctx, observers ? ENT_RELATION_COOPERATES_WITHIN : ENT_RELATION_MEMBER_OF,
                             countries, orgs, NULL);
}

static void
members_of (DocContext *ctx,
            int         countries_at,
            gboolean    forward,
            int         org_at,
            gboolean    observers)
{
  /* "members of the G20 and of CELAC" */
  g_autoptr(GArray) orgs = _ent_extractor_coordinated (ctx, org_at, is_organization, TRUE);

  relate_members (ctx, countries_at, forward, orgs, observers);
}

/* The organization a clause without one is about: the nearest one before
 * @i in the sentence ("… BRICS on Jan. 1, joining current members …"). */
static int
org_of_sentence (DocContext *ctx,
                 guint       i)
{
  for (guint k = ctx->mentions->len; k > 0; k--)
    {
      Mention *m = ctx_mention (ctx, k - 1);

      if (m->last <= i && is_organization (ctx, m) && !m->modifier)
        return (int) (k - 1);
    }
  return -1;
}

/* Between a country list or an organization and "member": only words that
 * qualify the membership ("NATO's 32nd member", "current members", "a full
 * member state"). */
static gboolean
qualifies_member (DocContext *ctx,
                  guint       from,
                  guint       to)
{
  static const char *words[] = { "a", "an", "the", "its", "their", "full", "fully", "fledged", "current",
                                 "founding", "existing", "other", "fellow", "permanent", "new", "newest",
                                 "latest", "first", "last", "state", "states", "nation", "nations",
                                 "country", "countries", "all", "both", "also", NULL };

  if (to < from || to - from > 4)
    return FALSE;
  for (guint k = from; k < to; k++)
    if (!tok_in (ctx, k, words) && !(ctx_token (ctx, k)->flags & TOK_NUMBER) &&
        !(ctx_triggers (ctx, k) & TRIG_NUMBER) && !g_str_has_suffix (ctx_key (ctx, k), "th") &&
        !g_str_has_suffix (ctx_key (ctx, k), "st") && !g_str_has_suffix (ctx_key (ctx, k), "nd") &&
        !g_str_has_suffix (ctx_key (ctx, k), "rd"))
      return FALSE;
  return TRUE;
}

/* "is", "became", "as" right before the organization ("… became NATO's
 * 32nd member"), as opposed to "cooperation between the group's members". */
static gboolean
copula_before (DocContext *ctx,
               guint       org_first)
{
  static const char *verbs[] = { "is", "are", "was", "were", "be", "been", "became", "become", "becomes",
                                 "remain", "remains", "remained", "as", NULL };
  guint k = org_first;

  while (k > 0 && tok_in (ctx, k - 1, (const char *[]) { "a", "an", "the", "its", "their", "all", "both",
                                                          "also", "now", "officially", "formally", "last", "first",
                                                          "latest", "newest", "only", NULL }))
    k--;
  return k > 0 && tok_in (ctx, k - 1, verbs);
}

/* "member(s)", "membership": the countries whose membership the sentence
 * states, and of what. */
static void
member_noun (DocContext *ctx,
             guint       i)
{
  gboolean observers = as_observer (ctx, i);
  int org, country;

  /* "… are all SCO members, as are China, Russia, India and Pakistan" */
  if (punct_is (ctx, i + 1, ',') && key_is (ctx, i + 2, "as") &&
      (key_is (ctx, i + 3, "are") || key_is (ctx, i + 3, "is")) &&
      (org = _ent_extractor_mention_before (ctx, i, is_organization)) >= 0 &&
      (country = _ent_extractor_mention_after (ctx, i + 3, 3, is_member_country)) >= 0)
    members_of (ctx, country, TRUE, org, observers);

  /* "X is a member of ORG", "admit X as a full member state of the organization" */
  if ((key_is (ctx, i + 1, "of") || (tok_in (ctx, i + 1, (const char *[]) { "state", "states", "country", NULL }) &&
                                     key_is (ctx, i + 2, "of"))) &&
      (org = _ent_extractor_mention_after (ctx, i + 1, 5, is_organization)) >= 0)
    {
      if ((country = _ent_extractor_subject_before (ctx, i, is_member_country)) >= 0)
        members_of (ctx, country, FALSE, org, observers);
      return;
    }

  org = _ent_extractor_mention_before (ctx, i, is_organization);
  /* "ORG members X and Y", "NATO's 32nd member", "joining current members
   * A, B and C" */
  if ((country = _ent_extractor_mention_after (ctx, i, 3, is_member_country)) >= 0 &&
      qualifies_member (ctx, i + 1, ctx_mention (ctx, (guint) country)->first))
    {
      if (org < 0 || !qualifies_member (ctx, ctx_mention (ctx, (guint) org)->last, i))
        org = org_of_sentence (ctx, i);
      if (org >= 0)
        members_of (ctx, country, TRUE, org, observers);
      return;
    }
  /* "Sweden became NATO's 32nd member", "Hungary is an EU member" */
  if (org >= 0 && qualifies_member (ctx, ctx_mention (ctx, (guint) org)->last, i) &&
      copula_before (ctx, ctx_mention (ctx, (guint) org)->first) &&
      (country = _ent_extractor_subject_before (ctx, ctx_mention (ctx, (guint) org)->first, is_member_country)) >= 0)
    {
      members_of (ctx, country, FALSE, org, observers);
      return;
    }
  /* "with A, B and C as founding members" */
  if (i >= 2 && qualifies_member (ctx, i - 1, i) &&
      (key_is (ctx, i - 1, "as") || key_is (ctx, i - 2, "as")) &&
      (country = _ent_extractor_mention_before (ctx, key_is (ctx, i - 1, "as") ? i - 1 : i - 2,
                                                is_member_country)) >= 0 &&
      (org = org_of_sentence (ctx, i)) >= 0)
    members_of (ctx, country, FALSE, org, observers);
}

/* "X joined ORG", "X joined as observers", "Uzbekistan joined in 2019"
 * (the organization of the story), "admitted X to ORG". */
static void
member_verb (DocContext *ctx,
             guint       i)
{
  gboolean observers = as_observer (ctx, i);
  g_autoptr(GArray) orgs = NULL;
  int org, country;

  org = _ent_extractor_mention_after (ctx, i, 4, is_organization);
  if (org >= 0)
    orgs = _ent_extractor_coordinated (ctx, org, is_organization, TRUE);
  else if ((key_is (ctx, i + 1, "in") || key_is (ctx, i + 1, "as") || key_is (ctx, i + 1, "on") ||
            punct_is (ctx, i + 1, '.') || i + 1 >= ctx_n_tokens (ctx)) && ctx->last_bloc >= 0)
    {
      orgs = g_array_new (FALSE, FALSE, sizeof (int));
      g_array_append_val (orgs, ctx->last_bloc);
    }
  else
    return;
  if (key_is (ctx, i, "admitted") || key_is (ctx, i, "admit"))
    {
      if (_ent_extractor_passive_before (ctx, i))
        country = _ent_extractor_subject_before (ctx, i, is_member_country);
      else
        country = _ent_extractor_mention_after (ctx, i, 3, is_member_country);
    }
  else
    country = _ent_extractor_subject_before (ctx, i, is_member_country);
  if (country >= 0)
    relate_members (ctx, country, ctx_mention (ctx, (guint) country)->first > i, orgs, observers);
}

/* "the bloc was formed by Brazil, Russia, India and China", "the G7
 * comprises Japan, Italy, …", "ORG brings together A, B and C". */
static void
member_founders (DocContext *ctx,
                 guint       i)
{
  guint from = i + 1;
  int org, country;

  if (tok_in (ctx, i, (const char *[]) { "formed", "founded", "established", "created", NULL }))
    {
      if (!key_is (ctx, i + 1, "by"))
        return;
      from = i + 2;
    }
  else if (key_is (ctx, i, "brings") || key_is (ctx, i, "brought"))
    {
      if (!key_is (ctx, i + 1, "together"))
        return;
      from = i + 2;
    }
  org = _ent_extractor_subject_before (ctx, i, is_organization);
  if (org < 0 || (country = _ent_extractor_mention_after (ctx, from - 1, 3, is_member_country)) < 0)
    return;
  members_of (ctx, country, TRUE, org, FALSE);
}

void
_ent_extractor_rule_member_of (DocContext *ctx,
                               guint       i)
{
  int org, country;

  if (not_yet (ctx, i))
    return;
  if (tok_in (ctx, i, (const char *[]) { "belong", "belongs", "belonged", NULL }))
    {
      if (key_is (ctx, i + 1, "to") && (org = _ent_extractor_mention_after (ctx, i + 1, 3, is_organization)) >= 0 &&
          (country = _ent_extractor_subject_before (ctx, i, is_member_country)) >= 0)
        members_of (ctx, country, FALSE, org, FALSE);
    }
  else if (tok_in (ctx, i, (const char *[]) { "member", "members", "membership", NULL }))
    member_noun (ctx, i);
  else if (tok_in (ctx, i, (const char *[]) { "joined", "joins", "admitted", "admit", NULL }))
    member_verb (ctx, i);
  else if (tok_in (ctx, i, (const char *[]) { "formed", "founded", "established", "created", "brings", "brought",
                                              "comprises", "comprise", "comprising", NULL }))
    member_founders (ctx, i);
}
