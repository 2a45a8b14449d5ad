/* test-extract-offices.c — who holds which office, as news states it.
 *
 * Sentences written for this test in the forms real news uses: appositions
 * without an article, offices with their portfolio, offices of bodies the
 * lexicon does not know, two offices at once, the country after the name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "extract-fixtures.h"

#define assert_office(ex, person, holder_type, holder, role) \
  G_STMT_START { \
    if (!has_relation_full (ex, ENT_RELATION_HOLDS_OFFICE, P, person, holder_type, holder, role)) \
      { dump (ex); g_error ("missing office %s of %s for %s", role != NULL ? role : "(any)", holder, person); } \
  } G_STMT_END

/* "X, president of Y": an apposition without an article, and a second
 * office joined to it by "and". */
static void
test_offices_apposition_without_article (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Tomasz Wierzbicki, general secretary of the Polish Socialist Union Party and Polish president, "
    "opened the forum in Gdansk on Monday.\n\n"
    "The sanctioned officials include Rafael Moreno Ibarra, president of the Banco Central de Venezuela, "
    "and Lucia Castro Mendez, minister of commerce.", NULL);

  assert_office (ex, "Tomasz Wierzbicki", O, "Polish Socialist Union Party", "General Secretary");
  assert_office (ex, "Tomasz Wierzbicki", C, "Poland", "President");
  assert_entity (ex, P, "Rafael Moreno Ibarra");
  assert_entity (ex, P, "Lucia Castro Mendez");
  assert_office (ex, "Rafael Moreno Ibarra", O, "Banco Central de Venezuela", NULL);
}

/* "Minister of Water and Forestry, X", "Commissioner for Trade and
 * Industry Y": the portfolio is part of the office, and the name after it
 * is still a name. */
static void
test_offices_portfolio (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Ghanaian Minister of Water and Forestry, Kofi Mensah Boateng, and Commissioner for Trade and Industry "
    "Aissata Diallo attended the ceremony in Accra.\n\n"
    "Boateng later met Diallo.", NULL);

  assert_entity (ex, P, "Kofi Mensah Boateng");
  assert_entity (ex, P, "Aissata Diallo");
  assert_office (ex, "Kofi Mensah Boateng", C, "Ghana", "Minister of Water and Forestry");
  assert_relation (ex, ENT_RELATION_MET, P, "Kofi Mensah Boateng", P, "Aissata Diallo");
  /* No person is read out of the portfolio. */
  g_assert_cmpuint (count_type (ex, P), ==, 2);
}

/* "Chairman of the Supreme Audit Chamber X": a body the lexicon does not
 * know, named by its head word, holds the office; so does one named after
 * "of the" inside its own name. */
static void
test_offices_unknown_body (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Chairman of the Supreme Audit Chamber Pavel Novak met the delegation.\n\n"
    "The Chair of the Standing Committee of the People's Assembly, Oren Daniel, welcomed them.", NULL);

  assert_office (ex, "Pavel Novak", O, "Supreme Audit Chamber", NULL);
  assert_office (ex, "Oren Daniel", O, "Standing Committee of the People's Assembly", NULL);
  g_assert_cmpuint (count_type (ex, P), ==, 2);
}

/* "Kenyan Deputy President and Interior Minister X": both offices. */
static void
test_offices_two_titles (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Kenyan Deputy President and Interior Minister Otieno Kamau arrived in Kampala.", NULL);

  assert_office (ex, "Otieno Kamau", C, "Kenya", "Vice President");
  assert_office (ex, "Otieno Kamau", C, "Kenya", "Interior Minister");
}

/* "President X of the Dominican Republic": the country after the name. */
static void
test_offices_country_after_name (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "President Elena Duarte of the Dominican Republic welcomed the envoys in Santo Domingo.", NULL);

  assert_office (ex, "Elena Duarte", C, "Dominican Republic", "President");
}

/* A short word that is also an acronym of the lexicon ("Un") is part of a
 * name when it is not written in capitals. */
static void
test_offices_acronym_in_name (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "North Korean leader Park Sung Un met Mongolian President Batbayar Enkhbold.", NULL);

  assert_entity (ex, P, "Park Sung Un");
  g_assert_cmpint (find_entity (ex, O, "United Nations"), <, 0);
  assert_relation (ex, ENT_RELATION_MET, P, "Park Sung Un", P, "Batbayar Enkhbold");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/extract-offices/apposition-without-article", test_offices_apposition_without_article);
  g_test_add_func ("/entente/extract-offices/portfolio", test_offices_portfolio);
  g_test_add_func ("/entente/extract-offices/unknown-body", test_offices_unknown_body);
  g_test_add_func ("/entente/extract-offices/two-titles", test_offices_two_titles);
  g_test_add_func ("/entente/extract-offices/country-after-name", test_offices_country_after_name);
  g_test_add_func ("/entente/extract-offices/acronym-in-name", test_offices_acronym_in_name);

  return g_test_run ();
}
