/* test-resolver.c — one project entity per real thing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ent-resolver.h"

static EntExtraction *extraction;

static EntExtractedEntity *
entity (EntEntityType  type,
        const char    *name)
{
  return ent_extraction_add_entity (extraction, type, name, NULL);
}

static void
setup (void)
{
  g_clear_pointer (&extraction, ent_extraction_free);
  extraction = ent_extraction_new ();
}

static void
test_same_name (void)
{
  g_autoptr(EntResolver) resolver = ent_resolver_new ();

  setup ();
  ent_resolver_add_name (resolver, 7, ENT_ENTITY_COUNTRY, "Iran");
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_COUNTRY, "Iran")), ==, 7);
  /* Names compare folded: case, diacritics, dots, dashes. */
  ent_resolver_add_name (resolver, 8, ENT_ENTITY_COUNTRY, "Türkiye");
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_COUNTRY, "TURKIYE")), ==, 8);
  /* The type is part of the identity: Georgia the country is not a place. */
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PLACE, "Iran")), ==, 0);
}

static void
test_person_surname_and_given_names (void)
{
  g_autoptr(EntResolver) resolver = ent_resolver_new ();

  setup ();
  ent_resolver_add_name (resolver, 1, ENT_ENTITY_PERSON, "Ali Hosseini Khamenei");
  ent_resolver_add_name (resolver, 2, ENT_ENTITY_PERSON, "Ebrahim Raisi");
  ent_resolver_add_name (resolver, 3, ENT_ENTITY_PERSON, "Ursula von der Leyen");

  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PERSON, "Khamenei")), ==, 1);
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PERSON, "Ali Khamenei")), ==, 1);
  /* Transliteration: one letter apart. */
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PERSON, "Ibrahim Raisi")), ==, 2);
  /* Another given name is another person. */
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PERSON, "Mohammad Raisi")), ==, 0);
  /* Particles stay with the surname. */
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PERSON, "von der Leyen")), ==, 3);
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PERSON, "Leyen")), ==, 0);
}

static void
test_ambiguous_surname (void)
{
  g_autoptr(EntResolver) resolver = ent_resolver_new ();

  setup ();
  ent_resolver_add_name (resolver, 1, ENT_ENTITY_PERSON, "Kim Jong Un");
  ent_resolver_add_name (resolver, 2, ENT_ENTITY_PERSON, "Kim Yo Jong");
  /* Two people fit a bare surname: no guess. */
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PERSON, "Un")), ==, 1);
  ent_resolver_add_name (resolver, 5, ENT_ENTITY_PERSON, "Anna Berg");
  ent_resolver_add_name (resolver, 6, ENT_ENTITY_PERSON, "Lars Berg");
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PERSON, "Berg")), ==, 0);
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PERSON, "Lars Berg")), ==, 6);
}

static void
test_role_only (void)
{
  g_autoptr(EntResolver) resolver = ent_resolver_new ();
  EntExtractedEntity *description;

  setup ();
  ent_resolver_add_name (resolver, 4, ENT_ENTITY_PERSON, "Alexander Lukashenko");
  ent_resolver_add_office (resolver, 4, "President", "belarus");

  description = entity (ENT_ENTITY_PERSON, "President of Belarus");
  description->role_only = TRUE;
  description->role = g_strdup ("President");
  description->role_country = g_strdup ("belarus");
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, description), ==, 4);

  /* Two holders of the same office (a successor): no guess. */
  ent_resolver_add_name (resolver, 9, ENT_ENTITY_PERSON, "Stanislav Shushkevich");
  ent_resolver_add_office (resolver, 9, "President", "belarus");
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, description), ==, 0);
}

static void
test_agreement_key (void)
{
  g_autoptr(EntResolver) resolver = ent_resolver_new ();
  EntExtractedEntity *first, *second;

  setup ();
  first = entity (ENT_ENTITY_AGREEMENT, "comprehensive roadmap");
  g_free (first->key);
  first->key = g_strdup ("roadmap belarus iran");
  ent_resolver_add_extracted (resolver, 11, first);

  /* Another document, another wording, the same kind and parties. */
  second = entity (ENT_ENTITY_AGREEMENT, "cooperation roadmap document");
  g_free (second->key);
  second->key = g_strdup ("roadmap belarus iran");
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, second), ==, 11);
}

static void
test_remove (void)
{
  g_autoptr(EntResolver) resolver = ent_resolver_new ();

  setup ();
  ent_resolver_add_name (resolver, 1, ENT_ENTITY_PERSON, "Sergei Aleinik");
  ent_resolver_add_name (resolver, 1, ENT_ENTITY_PERSON, "Sergei Aleinik");
  ent_resolver_add_office (resolver, 1, "Foreign Minister", "belarus");
  ent_resolver_remove (resolver, 1);
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PERSON, "Aleinik")), ==, 0);
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PERSON, "Sergei Aleinik")), ==, 0);
}

static void
test_given_names_compatible (void)
{
  g_assert_true (ent_given_names_compatible ("", "alexander"));
  g_assert_true (ent_given_names_compatible ("ali", "ali hosseini"));
  g_assert_true (ent_given_names_compatible ("a", "alexander"));
  g_assert_true (ent_given_names_compatible ("sergei", "sergey"));
  g_assert_false (ent_given_names_compatible ("anna", "lars"));
  g_assert_false (ent_given_names_compatible ("ali hosseini", "mohammad"));
}

static void
test_name_split (void)
{
  static const struct { const char *key, *given, *surname; } cases[] = {
    { "alexander lukashenko", "alexander", "lukashenko" },
    { "ursula von der leyen", "ursula", "von der leyen" },
    { "mahmoud abu mazen", "mahmoud", "abu mazen" },
    { "faisal bin jassim al thani", "faisal bin jassim", "al thani" },
    { "lukashenko", "", "lukashenko" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *given = NULL;
      g_autofree char *surname = NULL;

      ent_person_name_split (cases[i].key, &given, &surname);
      g_assert_cmpstr (given, ==, cases[i].given);
      g_assert_cmpstr (surname, ==, cases[i].surname);
    }
}

/* The ways English news transliterates one name are one person. */
static void
test_transliteration (void)
{
  g_autoptr(EntResolver) resolver = ent_resolver_new ();

  setup ();
  ent_resolver_add_name (resolver, 1, ENT_ENTITY_PERSON, "Kassym-Jomart Tokayev");
  ent_resolver_add_name (resolver, 2, ENT_ENTITY_PERSON, "Volodymyr Zelenskyy");
  ent_resolver_add_name (resolver, 3, ENT_ENTITY_PERSON, "Shavkat Mirziyoyev");

  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PERSON, "Qasym-Zhomart Toqaev")), ==, 1);
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PERSON, "Volodymyr Zelensky")), ==, 2);
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PERSON, "Shavkat Mirziyoev")), ==, 3);
  /* Another surname stays another person. */
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PERSON, "Volodymyr Zelenko")), ==, 0);
}

/* A surname that is an alias of one person ("Diallo" of "Aminata Diallo")
 * is no reason to make another Diallo that person. */
static void
test_surname_alias_is_no_evidence (void)
{
  g_autoptr(EntResolver) resolver = ent_resolver_new ();
  EntExtractedEntity *other;

  setup ();
  ent_resolver_add_name (resolver, 1, ENT_ENTITY_PERSON, "Aminata Diallo");
  ent_resolver_add_name (resolver, 1, ENT_ENTITY_PERSON, "Diallo");
  other = entity (ENT_ENTITY_PERSON, "Moussa Faki Diallo");
  ent_extracted_entity_add_alias (other, "Diallo");
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, other), ==, 0);
  g_assert_cmpint (ent_resolver_resolve (resolver, extraction, entity (ENT_ENTITY_PERSON, "Aminata Diallo")), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/resolver/same-name", test_same_name);
  g_test_add_func ("/entente/resolver/person-surname-and-given-names", test_person_surname_and_given_names);
  g_test_add_func ("/entente/resolver/ambiguous-surname", test_ambiguous_surname);
  g_test_add_func ("/entente/resolver/role-only", test_role_only);
  g_test_add_func ("/entente/resolver/agreement-key", test_agreement_key);
  g_test_add_func ("/entente/resolver/remove", test_remove);
  g_test_add_func ("/entente/resolver/given-names-compatible", test_given_names_compatible);
  g_test_add_func ("/entente/resolver/name-split", test_name_split);
  g_test_add_func ("/entente/resolver/transliteration", test_transliteration);
  g_test_add_func ("/entente/resolver/surname-alias-is-no-evidence", test_surname_alias_is_no_evidence);

  status = g_test_run ();
  g_clear_pointer (&extraction, ent_extraction_free);
  return status;
}
