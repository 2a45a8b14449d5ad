/* ent-relations-meetings.c — meetings, hosting, visits and invitations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include "ent-extractor-private.h"

/* The country code of a country or of a place, or NULL. */
static const char *
country_code_of (DocContext *ctx,
                 int         entity)
{
  EntExtractedEntity *e = doc_entity (ctx, entity);

  if (e->type == ENT_ENTITY_COUNTRY)
    return g_hash_table_lookup (e->attributes, "code");
  return g_hash_table_lookup (e->attributes, "country");
}

/* @visitors came to the destination mention @k: each that is not of its
 * country visited it, and its country too ("arrived at Hiroshima Peace
 * Memorial Park in Japan", "the Red Sea coastal city of Jeddah"). */
static void
visit (DocContext *ctx,
       GArray     *visitors,
       int         k)
{
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (int));
  Mention *m = ctx_mention (ctx, (guint) k);
  const char *code = NULL;
  int more;

  /* "the Red Sea coastal city of Jeddah": the city. */
  if (m->type == ENT_ENTITY_PLACE &&
      _ent_extractor_index_of_word (ctx, m->last, m->last + 3,
                                    (const char *[]) { "city", "town", "port", "capital", NULL }) >= 0 &&
      (more = _ent_extractor_mention_after (ctx, m->last, 5, is_destination)) >= 0 &&
      key_is (ctx, ctx_mention (ctx, (guint) more)->first - 1, "of"))
    m = ctx_mention (ctx, (guint) (k = more));
  g_array_append_val (places, m->entity);
  /* "… Park in Japan", "… Jeddah, Saudi Arabia" */
  if ((key_is (ctx, m->last, "in") || punct_is (ctx, m->last, ',')) &&
      (more = _ent_extractor_mention_after (ctx, m->last, 1, is_destination)) >= 0)
    g_array_append_val (places, ctx_mention (ctx, (guint) more)->entity);
  for (guint p = 0; p < places->len && code == NULL; p++)
    code = country_code_of (ctx, g_array_index (places, int, p));
  if (code != NULL)
    {
      int country = _ent_extractor_doc_country_entity (ctx, ent_lexicon_find_country (ctx->lexicon, code));

      if (country >= 0)
        g_array_append_val (places, country);
    }

  for (guint v = 0; v < visitors->len; v++)
    {
      int person = g_array_index (visitors, int, v);
      int own = _ent_extractor_doc_entity_country (ctx, person);
      const char *own_code = own >= 0 ? country_code_of (ctx, own) : NULL;

      /* A visit is to another country. */
      if (own_code != NULL && code != NULL && g_str_equal (own_code, code))
        continue;
      for (guint p = 0; p < places->len; p++)
        if (doc_entity (ctx, g_array_index (places, int, p))->mentions > 0)
          _ent_extractor_add_relation (ctx, ENT_RELATION_VISITED, person, g_array_index (places, int, p), NULL);
    }
}

/* "X held talks in Jakarta with Y", "met visiting Z in Beijing": who met in
 * a place of another country than their own came there. */
static void
meeting_place_visits (DocContext *ctx,
                      guint       i,
                      GArray     *left,
                      GArray     *right)
{
  int in = _ent_extractor_index_of_word (ctx, i + 1, i + NEAR, (const char *[]) { "in", NULL });
  int place;

  if (in < 0 || !_ent_extractor_same_clause (ctx, i, (guint) in) ||
      (place = _ent_extractor_mention_after (ctx, (guint) in, 1, is_destination)) < 0 ||
      ctx_mention (ctx, place)->type != ENT_ENTITY_PLACE)
    return;
  visit (ctx, left, place);
  visit (ctx, right, place);
}

static const char *meet_words[] = { "met", "meet", "meets", "meeting", "meetings", "talks", "conferred",
                                    "consultations", "told", "discussed", "discuss", "discusses", "exchanged",
                                    "joined", "join", "joins", "alongside", NULL };

/* Who took part when the verb asks for a partner: "discussed trade with X",
 * "exchanged greetings with Y", "joined Z in talks", "join W for a
 * meeting". Returns the first partner mention, or -1. */
static int
partner_after (DocContext *ctx,
               guint       i)
{
  if (tok_in (ctx, i, (const char *[]) { "discussed", "discuss", "discusses", "exchanged", NULL }))
    {
      int with = _ent_extractor_index_of_word (ctx, i + 1, i + NEAR, (const char *[]) { "with", NULL });

      return with >= 0 && _ent_extractor_same_clause (ctx, i, (guint) with) ?
             _ent_extractor_mention_after (ctx, (guint) with, 4, is_person) : -1;
    }
  if (tok_in (ctx, i, (const char *[]) { "joined", "join", "joins", NULL }))
    {
      int partner = _ent_extractor_mention_after (ctx, i, 6, is_person);
      int talks = _ent_extractor_index_of_word (ctx, i + 1, MIN (ctx_n_tokens (ctx), i + 2 * NEAR),
                                                (const char *[]) { "meeting", "talks", "meetings", "ceremony",
                                                                   "summit", NULL });

      /* The occasion must be a meeting of theirs, in the same clause. */
      return talks >= 0 && _ent_extractor_same_clause (ctx, i, (guint) talks) ? partner : -1;
    }
  return -2;
}

void
_ent_extractor_rule_met (DocContext *ctx,
                         guint       i)
{
  g_autoptr(GArray) left = NULL;
  g_autoptr(GArray) right = NULL;
  int after, by;
  guint from = i;

  if (!tok_in (ctx, i, meet_words) || _ent_extractor_negated (ctx, i))
    return;

  /* "He was joined by A and B", "a meeting … joined by Zelenskyy" */
  if (key_is (ctx, i, "joined") && key_is (ctx, i + 1, "by"))
    {
      left = _ent_extractor_coordinated (ctx, _ent_extractor_subject_before (ctx, i, is_person), is_person, FALSE);
      right = _ent_extractor_coordinated (ctx, _ent_extractor_mention_after (ctx, i + 1, 6, is_person),
                                          is_person, TRUE);
      _ent_extractor_relate_all (ctx, ENT_RELATION_MET, left, right, NULL);
      return;
    }
  /* "Appearing alongside X, Y said", "Y stood alongside X" */
  if (key_is (ctx, i, "alongside"))
    {
      int partner = _ent_extractor_mention_after (ctx, i, 6, is_person);
      int subject = _ent_extractor_subject_before (ctx, i, is_person);

      if (subject < 0 && partner >= 0)
        subject = _ent_extractor_mention_after (ctx, ctx_mention (ctx, (guint) partner)->last, 3, is_person);
      if (subject >= 0 && partner >= 0)
        _ent_extractor_add_relation (ctx, ENT_RELATION_MET, ctx_mention (ctx, (guint) subject)->entity,
                                     ctx_mention (ctx, (guint) partner)->entity, NULL);
      return;
    }

  left = _ent_extractor_coordinated (ctx, _ent_extractor_subject_before (ctx, i, is_person), is_person, FALSE);
  after = partner_after (ctx, i);
  if (after == -2)
    {
      if (key_is (ctx, i + 1, "with") || key_is (ctx, i + 1, "between"))
        from = i + 1;
      after = _ent_extractor_mention_after (ctx, from, NEAR, is_person);
      /* "told Lukashenko": the object must follow at once. */
      if (key_is (ctx, i, "told") && (after < 0 || ctx_mention (ctx, after)->first > i + 3))
        return;
      /* "talks at a summit involving A, B and C": all of them. */
      if (left->len == 0 && (by = _ent_extractor_index_of_word (ctx, i + 1, i + NEAR,
                                                                (const char *[]) { "involving", "among", "between",
                                                                                   NULL })) >= 0)
        {
          right = _ent_extractor_coordinated (ctx, _ent_extractor_mention_after (ctx, (guint) by, 4, is_person),
                                              is_person, TRUE);
          if (right->len >= 2)
            _ent_extractor_relate_all (ctx, ENT_RELATION_MET, right, right, NULL);
          return;
        }
    }
  else if (after < 0 && left->len < 2)
    return;
  right = _ent_extractor_coordinated (ctx, after, is_person, TRUE);

  meeting_place_visits (ctx, i, left, right);
  if (left->len > 0 && right->len > 0)
    _ent_extractor_relate_all (ctx, ENT_RELATION_MET, left, right, NULL);
  else if (left->len >= 2 && right->len == 0)
    _ent_extractor_relate_all (ctx, ENT_RELATION_MET, left, left, NULL);
  /* "During the talks …, Putin and Lukashenko coordinated …" */
  else if (left->len == 0 && right->len >= 2 && !tok_in (ctx, i, (const char *[]) { "met", "told", NULL }))
    _ent_extractor_relate_all (ctx, ENT_RELATION_MET, right, right, NULL);
}
static const char *host_words[] = { "hosted", "hosts", "host", "hosting", "received", "receives", "receive",
                                    "welcomed", "welcomes", "greeted", "greets", NULL };

void
_ent_extractor_rule_hosted (DocContext *ctx,
                            guint       i)
{
  int host, guest;

  if (!tok_in (ctx, i, host_words) || _ent_extractor_negated (ctx, i))
    return;
  if (_ent_extractor_passive_before (ctx, i) || key_is (ctx, i + 1, "by"))
    {
      /* "was received on Thursday by his Mexican counterpart, X" */
      int by = _ent_extractor_index_of_word (ctx, i + 1, i + 6, (const char *[]) { "by", NULL });

      host = _ent_extractor_mention_after (ctx, by >= 0 ? (guint) by : i, 8, is_person);
      guest = _ent_extractor_mention_before (ctx, i, is_person);
    }
  else
    {
      host = _ent_extractor_mention_before (ctx, i, is_person);
      guest = _ent_extractor_mention_after (ctx, i, 8, is_person);
    }
  if (host >= 0 && guest >= 0)
    {
      g_autoptr(GArray) hosts = _ent_extractor_coordinated (ctx, host, is_person, TRUE);
      g_autoptr(GArray) guests = _ent_extractor_coordinated (ctx, guest, is_person, FALSE);

      _ent_extractor_relate_all (ctx, ENT_RELATION_HOSTED, hosts, guests, NULL);
      /* Whoever hosts a visitor meets them. */
      _ent_extractor_relate_all (ctx, ENT_RELATION_MET, hosts, guests, NULL);
    }
}

static const char *arrive_words[] = { "arrived", "arrives", "arrive", "arriving", "travelled", "traveled",
                                      "travels", "came", "come", "comes", "flew", "landed", "visited",
                                      "visits", "visiting", "toured", "reached", "reach", NULL };

static const char *visit_nouns[] = { "visit", "visits", "trip", "trips", "tour", NULL };

static GArray *
visitors_before (DocContext *ctx,
                 guint       i)
{
  int subject = _ent_extractor_subject_before (ctx, i, is_person);

  /* "… in the presence of Vucic and Xi, who arrived in Serbia": "who" is Xi. */
  if (subject >= 0)
    for (guint k = ctx_mention (ctx, (guint) subject)->last; k < i; k++)
      if (punct_is (ctx, k, ',') && tok_in (ctx, k + 1, (const char *[]) { "who", "which", NULL }))
        {
          GArray *one = g_array_new (FALSE, FALSE, sizeof (int));

          g_array_append_val (one, ctx_mention (ctx, (guint) subject)->entity);
          return one;
        }
  return _ent_extractor_coordinated (ctx, subject, is_person, FALSE);
}

/* "Modi is visiting Japan", "Biden, Sunak and Macron arrived at …", "X's
 * visit to Y", "a visit by X to Y", "X and Y are in Japan to attend …". */
void
_ent_extractor_rule_visited (DocContext *ctx,
                             guint       i)
{
  g_autoptr(GArray) visitors = NULL;
  int destination = -1;

  /* Dispatched for every "in" too: only "be in X to attend" is a visit there. */
  if (!(ctx_triggers (ctx, i) & (TRIG_VISIT | TRIG_ARRIVE)) && !key_is (ctx, i, "in"))
    return;
  if (_ent_extractor_negated (ctx, i))
    return;
  if (tok_in (ctx, i, arrive_words))
    {
      /* "visiting Chinese President Xi" describes Xi: only a place follows. */
      destination = _ent_extractor_mention_after (ctx, i, key_is (ctx, i, "visiting") ? 1 : 5, is_destination);
      if (destination < 0)
        return;
      /* "invited Raisi to visit" is no visit; "came to Iran" is. */
      visitors = visitors_before (ctx, i);
    }
  else if (tok_in (ctx, i, visit_nouns) && !key_is (ctx, i - 1, "to"))
    {
      int to, by;

      /* "invited Aksoy to pay a state visit", "will visit": not yet a visit. */
      if (_ent_extractor_index_of_word (ctx, i > 6 ? i - 6 : 0, i, (const char *[]) { "invited", "invitation", "pay",
                                                                                     "will", "would", "plans",
                                                                                     "planned", "expected", "next",
                                                                                     NULL }) >= 0)
        return;
      to = _ent_extractor_index_of_word (ctx, i + 1, i + 3, (const char *[]) { "to", "in", NULL });
      by = _ent_extractor_index_of_word (ctx, i + 1, i + 2, (const char *[]) { "by", NULL });
      if (to < 0 && by < 0)
        return;
      if (by >= 0)
        {
          int visitor = _ent_extractor_mention_after (ctx, (guint) by, 6, is_person);

          visitors = _ent_extractor_coordinated (ctx, visitor, is_person, TRUE);
          to = visitor >= 0 ? _ent_extractor_index_of_word (ctx, ctx_mention (ctx, visitor)->last,
                                                            ctx_mention (ctx, visitor)->last + 2,
                                                            (const char *[]) { "to", "in", NULL }) : -1;
        }
      else
        visitors = visitors_before (ctx, i);
      if (to >= 0)
        destination = _ent_extractor_mention_after (ctx, (guint) to, 2, is_destination);
    }
  /* "X and Y are currently in Japan to attend the summit" */
  else if (key_is (ctx, i, "in") && i > 0 &&
           tok_in (ctx, i - 1, (const char *[]) { "is", "are", "was", "were", "currently", "now", "already", NULL }) &&
           (destination = _ent_extractor_mention_after (ctx, i, 1, is_destination)) >= 0 &&
           tok_in (ctx, ctx_mention (ctx, (guint) destination)->last, (const char *[]) { "to", "for", NULL }))
    visitors = visitors_before (ctx, i);
  else
    return;

  if (visitors != NULL && visitors->len > 0 && destination >= 0)
    visit (ctx, visitors, destination);
}

/* "He is visiting Japan at the invitation of Prime Minister X": X invited him. */
static void
invitation_of (DocContext *ctx,
               guint       i)
{
  int inviter, guest;

  if (!key_is (ctx, i, "invitation") || !key_is (ctx, i - 1, "the") || !key_is (ctx, i - 2, "at") ||
      !key_is (ctx, i + 1, "of") || (inviter = _ent_extractor_mention_after (ctx, i + 1, 6, is_person)) < 0 ||
      (guest = _ent_extractor_subject_before (ctx, i, is_person)) < 0)
    return;
  _ent_extractor_add_relation (ctx, ENT_RELATION_INVITED, ctx_mention (ctx, inviter)->entity,
                               ctx_mention (ctx, guest)->entity, NULL);
}

void
_ent_extractor_rule_invited (DocContext *ctx,
                             guint       i)
{
  int inviter, invitee;

  invitation_of (ctx, i);
  if (!(key_is (ctx, i, "invited") || key_is (ctx, i, "invites")) || _ent_extractor_negated (ctx, i))
    return;
  if (_ent_extractor_passive_before (ctx, i))
    return;
  inviter = _ent_extractor_mention_before (ctx, i, is_person);
  invitee = _ent_extractor_mention_after (ctx, i, 3, is_person);
  if (inviter >= 0 && invitee >= 0)
    _ent_extractor_add_relation (ctx, ENT_RELATION_INVITED, ctx_mention (ctx, inviter)->entity,
                                 ctx_mention (ctx, invitee)->entity, NULL);
}
