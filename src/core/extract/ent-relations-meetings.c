/* ent-relations-meetings.c — meetings, hosting, visits and invitations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extractor"

#include "config.h"

#include "ent-extractor-private.h"

/* "X held talks in Jakarta with Y": who met in a city of a country other
 * than their own came there. */
static void
meeting_place_visits (DocContext *ctx,
                      guint       i,
                      GArray     *left,
                      GArray     *right)
{
  int in = _ent_extractor_index_of_word (ctx, i + 1, i + 4, (const char *[]) { "in", NULL });
  int place;
  const char *code;
  GArray *sides[2] = { left, right };

  if (in < 0 || (place = _ent_extractor_mention_after (ctx, (guint) in, 1, is_destination)) < 0 ||
      ctx_mention (ctx, place)->type != ENT_ENTITY_PLACE)
    return;
  code = g_hash_table_lookup (doc_entity (ctx, ctx_mention (ctx, place)->entity)->attributes, "country");
  if (code == NULL)
    return;
  for (guint s = 0; s < 2; s++)
    for (guint k = 0; k < sides[s]->len; k++)
      {
        int person = g_array_index (sides[s], int, k);
        int country = _ent_extractor_doc_entity_country (ctx, person);
        const char *own = country >= 0 ? g_hash_table_lookup (doc_entity (ctx, country)->attributes, "code") : NULL;

        if (own != NULL && !g_str_equal (own, code))
          _ent_extractor_add_relation (ctx, ENT_RELATION_VISITED, person, ctx_mention (ctx, place)->entity, NULL);
      }
}

static const char *meet_words[] = { "met", "meet", "meets", "meeting", "meetings", "talks", "conferred",
                                    "consultations", "told", NULL };

void
_ent_extractor_rule_met (DocContext *ctx,
                         guint       i)
{
  g_autoptr(GArray) left = NULL;
  g_autoptr(GArray) right = NULL;
  int after;
  guint from = i;

  if (key_is (ctx, i, "joined") &&
      _ent_extractor_index_of_word (ctx, i + 1, i + NEAR, (const char *[]) { "meeting", "talks", "meetings", NULL }) < 0)
    return;
  if (!tok_in (ctx, i, meet_words) && !key_is (ctx, i, "joined"))
    return;
  if (_ent_extractor_negated (ctx, i))
    return;

  left = _ent_extractor_coordinated (ctx, _ent_extractor_mention_before (ctx, i, is_person), is_person, FALSE);
  if (key_is (ctx, i + 1, "with") || key_is (ctx, i + 1, "between"))
    from = i + 1;
  after = _ent_extractor_mention_after (ctx, from, NEAR, is_person);
  /* "told Lukashenko": the object must follow at once. */
  if (key_is (ctx, i, "told") && (after < 0 || ctx_mention (ctx, after)->first > i + 3))
    return;
  right = _ent_extractor_coordinated (ctx, after, is_person, TRUE);

  meeting_place_visits (ctx, i, left, right);
  if (left->len > 0 && right->len > 0)
    _ent_extractor_relate_all (ctx, ENT_RELATION_MET, left, right, NULL);
  else if (left->len >= 2 && right->len == 0)
    _ent_extractor_relate_all (ctx, ENT_RELATION_MET, left, left, NULL);
  else if (left->len == 0 && right->len >= 2 && key_is (ctx, i + 1, "between"))
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
                                      "visits", "toured", NULL };

static const char *visit_nouns[] = { "visit", "visits", "trip", "trips", "tour", NULL };

void
_ent_extractor_rule_visited (DocContext *ctx,
                             guint       i)
{
  int visitor = -1, destination = -1;

  if (_ent_extractor_negated (ctx, i))
    return;
  if (tok_in (ctx, i, arrive_words))
    {
      /* "invited Raisi to visit" is no visit; "came to Iran" is. */
      visitor = _ent_extractor_mention_before (ctx, i, is_person);
      destination = _ent_extractor_mention_after (ctx, i, 5, is_destination);
    }
  else if (tok_in (ctx, i, visit_nouns) && !key_is (ctx, i - 1, "to"))
    {
      /* "invited Aksoy to pay a state visit", "will visit": not yet a visit. */
      if (_ent_extractor_index_of_word (ctx, i > 6 ? i - 6 : 0, i, (const char *[]) { "invited", "invitation", "pay", "will",
                                                                        "would", "plans", "planned", "expected",
                                                                        "next", NULL }) >= 0)
        return;
      int to = _ent_extractor_index_of_word (ctx, i + 1, i + 3, (const char *[]) { "to", "in", NULL });
      int by = _ent_extractor_index_of_word (ctx, i + 1, i + 2, (const char *[]) { "by", NULL });

      if (to < 0 && by < 0)
        return;
      if (by >= 0)
        {
          visitor = _ent_extractor_mention_after (ctx, (guint) by, 6, is_person);
          to = visitor >= 0 ? _ent_extractor_index_of_word (ctx, ctx_mention (ctx, visitor)->last,
                                                            ctx_mention (ctx, visitor)->last + 2,
                                                            (const char *[]) { "to", "in", NULL }) : -1;
        }
      else
        visitor = _ent_extractor_mention_before (ctx, i, is_person);
      if (to >= 0)
        destination = _ent_extractor_mention_after (ctx, (guint) to, 2, is_destination);
    }
  else
    return;

  if (visitor >= 0 && destination >= 0)
    _ent_extractor_add_relation (ctx, ENT_RELATION_VISITED, ctx_mention (ctx, visitor)->entity,
                                 ctx_mention (ctx, destination)->entity, NULL);
}

void
_ent_extractor_rule_invited (DocContext *ctx,
                             guint       i)
{
  int inviter, invitee;

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
