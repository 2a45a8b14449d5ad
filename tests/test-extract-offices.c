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

/* An official introduced without a country: a later description gives it
 * ("the Chilean president"), and so does the one they represent. */
static void
test_offices_holder_given_elsewhere (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "President Camila Rojas Vidal met Peruvian President Diego Salazar in Lima on Monday.\n\n"
    "It was the first visit by a Chilean leader to Peru in four years.\n\n"
    "At the signing, Bolivia was represented by Minister of Hydrocarbons Luis Arce Mamani, and the "
    "Minister of Mines, Jorge Quispe, signed on behalf of the Ecuadorian side.\n\n"
    "Observers praised the Paraguayan government led by President Mateo Benitez.", NULL);

  assert_office (ex, "Camila Rojas Vidal", C, "Chile", "President");
  assert_office (ex, "Diego Salazar", C, "Peru", "President");
  assert_office (ex, "Luis Arce Mamani", C, "Bolivia", NULL);
  assert_office (ex, "Jorge Quispe", C, "Ecuador", NULL);
  assert_office (ex, "Mateo Benitez", C, "Paraguay", "President");
}

/* In a report on two countries whose other officials are all of one,
 * officials named without a country are of the other; in a report on many
 * countries nobody is guessed. */
static void
test_offices_holder_from_sides (void)
{
  g_autoptr(EntExtraction) two = extract (
    "Canadian Prime Minister Claire Tremblay arrived in Jakarta for talks with Indonesia.\n\n"
    "She met President Budi Hartono and Foreign Minister Sari Wulandari.\n\n"
    "Indonesia and Canada agreed to expand trade.", NULL);
  g_autoptr(EntExtraction) many = extract (
    "Canadian Prime Minister Claire Tremblay, Japanese Prime Minister Kenji Sato and Indonesian President "
    "Budi Hartono attended the summit.\n\n"
    "Foreign Minister Sari Wulandari chaired the meeting, which Brazil, India and Kenya also attended.", NULL);

  assert_office (two, "Budi Hartono", C, "Indonesia", "President");
  assert_office (two, "Sari Wulandari", C, "Indonesia", "Foreign Minister");
  assert_no_relation (many, ENT_RELATION_HOLDS_OFFICE, P, "Sari Wulandari", C, "Canada");
  assert_no_relation (many, ENT_RELATION_HOLDS_OFFICE, P, "Sari Wulandari", C, "Indonesia");
  assert_no_relation (many, ENT_RELATION_HOLDS_OFFICE, P, "Sari Wulandari", C, "Japan");
}

/* "Presidents A of X, B of Y, and C of Z": each their own country. */
static void
test_offices_plural_title_list (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "The host discussed trade with Presidents Arman Bekov of Kazakhstan, Talant Osmonov of Kyrgyzstan, "
    "and Rustam Karimov of Uzbekistan.", NULL);

  assert_office (ex, "Arman Bekov", C, "Kazakhstan", "President");
  assert_office (ex, "Talant Osmonov", C, "Kyrgyzstan", "President");
  assert_office (ex, "Rustam Karimov", C, "Uzbekistan", "President");
  g_assert_cmpuint (count_type (ex, P), ==, 3);
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
  g_test_add_func ("/entente/extract-offices/holder-given-elsewhere", test_offices_holder_given_elsewhere);
  g_test_add_func ("/entente/extract-offices/holder-from-sides", test_offices_holder_from_sides);
  g_test_add_func ("/entente/extract-offices/plural-title-list", test_offices_plural_title_list);

  return g_test_run ();
}
