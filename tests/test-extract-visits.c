/* test-extract-visits.c — who visited where, who hosted and invited whom.
 *
 * Sentences written for this test in the forms news uses for visits:
 * several visitors at once, a place and the country it is in, "them" for
 * the visitors, "is visiting", "at the invitation of", "are in X to attend".
 * A head of government travelling at home is no visit, and "visiting"
 * before a title describes the visitor, not a destination.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "extract-fixtures.h"

static void
test_visits_several_visitors_and_them (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Kenyan President Amani Odhiambo, Ghanaian President Kofi Asante and Nigerian President Bola Adeyemi "
    "arrived at the Akasaka Palace in Japan on Monday. Japanese Prime Minister Kenji Sato welcomed them at "
    "the Akasaka Palace.", NULL);

  assert_entity (ex, L, "Akasaka Palace");
  assert_relation (ex, ENT_RELATION_VISITED, P, "Amani Odhiambo", C, "Japan");
  assert_relation (ex, ENT_RELATION_VISITED, P, "Kofi Asante", C, "Japan");
  assert_relation (ex, ENT_RELATION_VISITED, P, "Bola Adeyemi", L, "Akasaka Palace");
  assert_relation (ex, ENT_RELATION_HOSTED, P, "Kenji Sato", P, "Amani Odhiambo");
  assert_relation (ex, ENT_RELATION_HOSTED, P, "Kenji Sato", P, "Kofi Asante");
  assert_relation (ex, ENT_RELATION_HOSTED, P, "Kenji Sato", P, "Bola Adeyemi");
  /* No one is read out of the palace's name, and Japan's own leader did not
   * visit Japan. */
  g_assert_cmpuint (count_type (ex, P), ==, 4);
  assert_no_relation (ex, ENT_RELATION_VISITED, P, "Kenji Sato", L, "Akasaka Palace");
}

static void
test_visits_visiting_and_invitation (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Indian Prime Minister Ravi Menon is visiting Japan at the invitation of Japanese Prime Minister "
    "Kenji Sato.\n\n"
    "Chinese President Li Wei met visiting U.S. Secretary of State John Miller in Beijing.\n\n"
    "The two leaders are currently in Brazil to attend the summit.", NULL);

  assert_relation (ex, ENT_RELATION_VISITED, P, "Ravi Menon", C, "Japan");
  assert_relation (ex, ENT_RELATION_INVITED, P, "Kenji Sato", P, "Ravi Menon");
  assert_relation (ex, ENT_RELATION_VISITED, P, "John Miller", L, "Beijing");
  assert_no_relation (ex, ENT_RELATION_VISITED, P, "Li Wei", C, "United States");
  assert_relation (ex, ENT_RELATION_VISITED, P, "Li Wei", C, "Brazil");
  assert_relation (ex, ENT_RELATION_VISITED, P, "John Miller", C, "Brazil");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/extract-visits/several-visitors-and-them", test_visits_several_visitors_and_them);
  g_test_add_func ("/entente/extract-visits/visiting-and-invitation", test_visits_visiting_and_invitation);

  return g_test_run ();
}
