/* test-extract-membership.c — who is a member of what, and who is not yet.
 *
 * Sentences written for this test in the forms news uses for membership,
 * accession and founding, and for what is not membership: invitations,
 * bids, processes, observers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "extract-fixtures.h"

#define assert_member(ex, country, org) \
  assert_relation (ex, ENT_RELATION_MEMBER_OF, C, country, O, org)
#define assert_no_member(ex, country, org) \
  assert_no_relation (ex, ENT_RELATION_MEMBER_OF, C, country, O, org)

/* "became NATO's 32nd member", past a relative clause and a parenthesis. */
static void
test_membership_became (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Sweden became NATO's 32nd member on Thursday.\n\n"
    "Finland, which shares a long (1,300-km) border with Russia, became a member of NATO in 2023.", NULL);

  assert_member (ex, "Sweden", "North Atlantic Treaty Organization");
  assert_member (ex, "Finland", "North Atlantic Treaty Organization");
  assert_no_member (ex, "Russia", "North Atlantic Treaty Organization");
}

/* Invited countries are not members; the current members listed are. */
static void
test_membership_invited_and_current (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Iran and Egypt were invited to join BRICS in January, joining current members Brazil, India and China.\n\n"
    "Officials said Georgia's membership process would take years, and NATO issued an invitation for Moldova "
    "to join NATO.", NULL);

  assert_member (ex, "Brazil", "BRICS");
  assert_member (ex, "India", "BRICS");
  assert_member (ex, "China", "BRICS");
  assert_no_member (ex, "Iran", "BRICS");
  assert_no_member (ex, "Egypt", "BRICS");
  assert_no_member (ex, "Georgia", "North Atlantic Treaty Organization");
  assert_no_member (ex, "Moldova", "North Atlantic Treaty Organization");
}

/* Founding members, a later accession told without the organization's
 * name, observers, and "the bloc" for the organization of the story. */
static void
test_membership_founders_and_observers (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "The East African Community was revived in 2000 with Kenya, Uganda and Tanzania as founding members.\n\n"
    "Rwanda joined in 2007.\n\n"
    "Ethiopia joined as an observer.\n\n"
    "Somalia became the bloc's eighth member last year.", NULL);

  assert_member (ex, "Kenya", "East African Community");
  assert_member (ex, "Uganda", "East African Community");
  assert_member (ex, "Tanzania", "East African Community");
  assert_member (ex, "Rwanda", "East African Community");
  assert_member (ex, "Somalia", "East African Community");
  assert_no_member (ex, "Ethiopia", "East African Community");
  assert_relation (ex, ENT_RELATION_COOPERATES_WITHIN, C, "Ethiopia", O, "East African Community");
}

/* "admit X as a full member state of the organization", "formed by". */
static void
test_membership_admitted_and_formed (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "The Gulf Cooperation Council summit began with a ceremony to admit Yemen as a full member state of the "
    "organization.\n\n"
    "The Southern African Development Community said the group was formed by Angola, Botswana and Zambia.", NULL);

  assert_member (ex, "Yemen", "Gulf Cooperation Council");
  assert_member (ex, "Angola", "Southern African Development Community");
  assert_member (ex, "Botswana", "Southern African Development Community");
  assert_member (ex, "Zambia", "Southern African Development Community");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/extract-membership/became", test_membership_became);
  g_test_add_func ("/entente/extract-membership/invited-and-current", test_membership_invited_and_current);
  g_test_add_func ("/entente/extract-membership/founders-and-observers", test_membership_founders_and_observers);
  g_test_add_func ("/entente/extract-membership/admitted-and-formed", test_membership_admitted_and_formed);

  return g_test_run ();
}
