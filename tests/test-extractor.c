/* test-extractor.c — what the extractor reads off short texts.
 *
 * Each case is a few sentences written for this test, in the ways news
 * presents people, offices and relations, with the facts a reader expects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "extract-fixtures.h"

static void
test_title_and_demonym (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Kenyan President Amani Odhiambo arrived in Addis Ababa on Tuesday. "
    "Odhiambo said the visit would deepen ties with Ethiopia.", NULL);

  assert_entity (ex, P, "Amani Odhiambo");
  assert_entity (ex, C, "Kenya");
  g_assert_true (has_relation_full (ex, ENT_RELATION_HOLDS_OFFICE, P, "Amani Odhiambo", C, "Kenya", "President"));
  assert_relation (ex, ENT_RELATION_VISITED, P, "Amani Odhiambo", L, "Addis Ababa");
  assert_relation (ex, ENT_RELATION_COOPERATES_WITH, C, "Kenya", C, "Ethiopia");
  /* The title is never part of the name, and one person is one entity. */
  g_assert_cmpuint (count_type (ex, P), ==, 1);
}

static void
test_apposition (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Marta Lindqvist, the Prime Minister of Sweden, met Jonas Petersen, Denmark's foreign minister, in Stockholm.",
    NULL);

  g_assert_true (has_relation_full (ex, ENT_RELATION_HOLDS_OFFICE, P, "Marta Lindqvist", C, "Sweden", "Prime Minister"));
  g_assert_true (has_relation_full (ex, ENT_RELATION_HOLDS_OFFICE, P, "Jonas Petersen", C, "Denmark", "Foreign Minister"));
  assert_relation (ex, ENT_RELATION_MET, P, "Marta Lindqvist", P, "Jonas Petersen");
}

static void
test_possessive_office_and_honorific (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Egypt's top diplomat Karim Farouk held talks with Sheikh Hamad Al Nuaimi in Cairo. "
    "Mr Farouk told reporters the meeting was constructive.", NULL);

  assert_entity (ex, P, "Karim Farouk");
  assert_entity (ex, P, "Hamad Al Nuaimi");
  g_assert_true (has_relation_full (ex, ENT_RELATION_HOLDS_OFFICE, P, "Karim Farouk", C, "Egypt", "Foreign Minister"));
  assert_relation (ex, ENT_RELATION_MET, P, "Karim Farouk", P, "Hamad Al Nuaimi");
  g_assert_cmpuint (count_type (ex, P), ==, 2);
}

static void
test_description_and_pronoun (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Chilean President Rosa Ibarra hosted Peruvian President Tomas Quispe in Santiago on Monday. "
    "The Peruvian president said he had come to Chile to open a new chapter. "
    "He invited Ibarra to visit Lima.", NULL);

  assert_relation (ex, ENT_RELATION_HOSTED, P, "Rosa Ibarra", P, "Tomas Quispe");
  assert_relation (ex, ENT_RELATION_INVITED, P, "Tomas Quispe", P, "Rosa Ibarra");
  g_assert_cmpuint (count_type (ex, P), ==, 2);
}

static void
test_collective_and_agreement (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Vietnamese President Nguyen Van Long and Laotian President Sone Phommavong held talks in Hanoi. "
    "The two presidents signed a cooperation roadmap and five memorandums of understanding.", NULL);
  int mou;

  assert_relation (ex, ENT_RELATION_MET, P, "Nguyen Van Long", P, "Sone Phommavong");
  assert_relation (ex, ENT_RELATION_SIGNED, P, "Nguyen Van Long", A, "cooperation roadmap");
  assert_relation (ex, ENT_RELATION_SIGNED, P, "Sone Phommavong", A, "cooperation roadmap");
  mou = find_entity (ex, A, "memorandums of understanding");
  g_assert_cmpint (mou, >=, 0);
  g_assert_cmpuint (ex->claims->len, >=, 1);
  g_assert_cmpstr (g_array_index (ex->claims, EntExtractedClaim, 0).value, ==, "5");
}

static void
test_countries_signing (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Norway and Iceland signed a fisheries agreement on Friday. "
    "The agreement between Oslo and Reykjavik runs for ten years.", NULL);

  assert_relation (ex, ENT_RELATION_SIGNED, C, "Norway", A, "fisheries agreement");
  assert_relation (ex, ENT_RELATION_PARTY_TO, C, "Iceland", A, "fisheries agreement");
  g_assert_cmpuint (count_type (ex, A), ==, 1);
}

static void
test_sanctions (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Both Syria and Venezuela are under sanctions by the United States. "
    "The European Union imposed new sanctions on Belarus in June. "
    "Read next: Cuba calls for closer ties with Nicaragua to ease sanctions.", NULL);

  assert_relation (ex, ENT_RELATION_SANCTIONS, C, "United States", C, "Syria");
  assert_relation (ex, ENT_RELATION_SANCTIONS, C, "United States", C, "Venezuela");
  assert_relation (ex, ENT_RELATION_SANCTIONS, O, "European Union", C, "Belarus");
  assert_no_relation (ex, ENT_RELATION_SANCTIONS, C, "Nicaragua", C, "Cuba");
}

static void
test_capital_as_place_or_government (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Moscow and Beijing pledged closer cooperation. "
    "The Chinese delegation arrived in Moscow on Sunday.", NULL);

  assert_relation (ex, ENT_RELATION_COOPERATES_WITH, C, "Russia", C, "China");
  assert_entity (ex, L, "Moscow");
}

static void
test_project (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Uzbek President Timur Karimov backed the Trans-Afghan Railway, saying the railway would benefit "
    "Uzbekistan, Afghanistan and Pakistan.", NULL);

  assert_entity (ex, J, "Trans-Afghan Railway");
  assert_relation (ex, ENT_RELATION_ADVOCATES, P, "Timur Karimov", J, "Trans-Afghan Railway");
  assert_relation (ex, ENT_RELATION_INVOLVES, J, "Trans-Afghan Railway", C, "Pakistan");
}

static void
test_alliance (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Serbian President Milan Jovic, a close ally of Hungarian Prime Minister Lajos Szabo, "
    "spoke after the war in Ukraine began.", NULL);

  assert_relation (ex, ENT_RELATION_ALLIED_WITH, P, "Milan Jovic", P, "Lajos Szabo");
  assert_no_relation (ex, ENT_RELATION_ALLIED_WITH, P, "Milan Jovic", C, "Ukraine");
}

static void
test_headline_is_no_person (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Sanctioned States Should Cooperate Against Western Measures\n\n"
    "The foreign minister met his counterpart.", NULL);

  g_assert_cmpuint (count_type (ex, P), ==, 0);
}

static void
test_evidence_is_a_sentence (void)
{
  EntDocument *document = NULL;
  g_autoptr(EntExtraction) ex = extract (
    "Ghanaian President Kofi Mensah met Togolese President Yao Agbeko in Accra. Trade was discussed.",
    &document);

  g_assert_cmpuint (ex->relations->len, >, 0);
  for (guint i = 0; i < ex->relations->len; i++)
    {
      EntExtractedRelation *r = &g_array_index (ex->relations, EntExtractedRelation, i);
      EntSpan *span = &g_array_index (ex->sentences, EntSpan, r->sentence);

      g_assert_cmpuint (span->end, <=, document->length);
      g_assert_true (g_str_has_prefix (document->text + span->start, "Ghanaian President"));
    }
  ent_document_free (document);
}

static void
test_no_people_from_nothing (void)
{
  g_autoptr(EntExtraction) ex = extract ("It rained all day. Nobody came, and the markets stayed closed.", NULL);

  g_assert_cmpuint (ex->entities->len, ==, 0);
  g_assert_cmpuint (ex->relations->len, ==, 0);
}

static void
test_events (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Leaders arrived for the ASEAN summit in Vientiane. "
    "The Baltic Energy Summit opened on Friday. "
    "The Pacific Islands Forum met in Tonga.", NULL);

  assert_entity (ex, ENT_ENTITY_EVENT, "ASEAN summit");
  assert_entity (ex, ENT_ENTITY_EVENT, "Baltic Energy Summit");
  assert_relation (ex, ENT_RELATION_INVOLVES, ENT_ENTITY_EVENT, "ASEAN summit", O, "Association of Southeast Asian Nations");
  /* An organization called a forum is no event. */
  g_assert_cmpint (find_entity (ex, ENT_ENTITY_EVENT, "Pacific Islands Forum"), <, 0);
  assert_entity (ex, O, "Pacific Islands Forum");
}

/* Thousands of distinct people in one document: every one is found, once. */
static void
test_many_people (void)
{
  static const char *syllables[] = { "ka", "lo", "mi", "ra", "ven", "dor", "sa", "ti", "bel", "mar" };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(EntExtraction) ex = NULL;
  guint n = 3000;

  for (guint i = 0; i < n; i++)
    {
      guint a = i % 10, b = (i / 10) % 10, c = (i / 100) % 10, d = (i / 1000) % 10;

      g_autofree char *surname = g_strdup_printf ("%s%s%s%sov", syllables[c], syllables[d], syllables[a], syllables[b]);

      surname[0] = g_ascii_toupper (surname[0]);
      g_string_append_printf (text, "Minister Ola%s%s %s met the delegation. ",
                              syllables[a], syllables[b], surname);
      if (i % 7 == 0)
        g_string_append (text, "\n\n");
    }
  ex = extract (text->str, NULL);

  g_assert_cmpuint (count_type (ex, P), ==, n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/extractor/title-and-demonym", test_title_and_demonym);
  g_test_add_func ("/entente/extractor/apposition", test_apposition);
  g_test_add_func ("/entente/extractor/possessive-office-and-honorific", test_possessive_office_and_honorific);
  g_test_add_func ("/entente/extractor/description-and-pronoun", test_description_and_pronoun);
  g_test_add_func ("/entente/extractor/collective-and-agreement", test_collective_and_agreement);
  g_test_add_func ("/entente/extractor/countries-signing", test_countries_signing);
  g_test_add_func ("/entente/extractor/sanctions", test_sanctions);
  g_test_add_func ("/entente/extractor/capital-as-place-or-government", test_capital_as_place_or_government);
  g_test_add_func ("/entente/extractor/project", test_project);
  g_test_add_func ("/entente/extractor/alliance", test_alliance);
  g_test_add_func ("/entente/extractor/headline-is-no-person", test_headline_is_no_person);
  g_test_add_func ("/entente/extractor/evidence-is-a-sentence", test_evidence_is_a_sentence);
  g_test_add_func ("/entente/extractor/nothing-to-find", test_no_people_from_nothing);
  g_test_add_func ("/entente/extractor/events", test_events);
  g_test_add_func ("/entente/extractor/many-people", test_many_people);

  return g_test_run ();
}
