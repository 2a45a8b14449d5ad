/* test-extract-sanctions.c — who sanctions whom: states, people, companies.
 *
 * Sentences written for this test in the forms sanctions news uses:
 * packages adopted against a state, listed targets with the sanctioner named
 * sentences earlier, people sanctioned by name, blockades; and what is not a
 * sanction (evading or lifting one).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "extract-fixtures.h"

static void
test_sanctions_package (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "The European Union adopted its ninth sanctions package against Belarus on Friday.\n\n"
    "Delegates also condemned the U.S. blockade against Cuba.", NULL);

  assert_relation (ex, ENT_RELATION_SANCTIONS, O, "European Union", C, "Belarus");
  assert_relation (ex, ENT_RELATION_SANCTIONS, C, "United States", C, "Cuba");
}

/* Targets listed after the sanctioner was named, people and companies among
 * them; "against him" for a person named before. */
static void
test_sanctions_listed_targets (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "The United States imposed sanctions on two companies and three individuals on Tuesday.\n\n"
    "The sanctioned entities include Nordic Grain Holding and the Baltic Shipping Company.\n\n"
    "Among those sanctioned are officials including Ivan Petrovsky and Oleg Sidorenko.\n\n"
    "Anton Morozov, the director of the Baltic Shipping Company, has also had sanctions imposed against him.", NULL);

  assert_relation (ex, ENT_RELATION_SANCTIONS, C, "United States", O, "Nordic Grain Holding");
  assert_relation (ex, ENT_RELATION_SANCTIONS, C, "United States", O, "Baltic Shipping Company");
  assert_relation (ex, ENT_RELATION_SANCTIONS, C, "United States", P, "Ivan Petrovsky");
  assert_relation (ex, ENT_RELATION_SANCTIONS, C, "United States", P, "Oleg Sidorenko");
  assert_relation (ex, ENT_RELATION_SANCTIONS, C, "United States", P, "Anton Morozov");
  /* The company a person works for does not sanction them. */
  assert_no_relation (ex, ENT_RELATION_SANCTIONS, O, "Baltic Shipping Company", P, "Anton Morozov");
}

/* Evading, lifting or aligning with sanctions is not sanctioning. */
static void
test_sanctions_not (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Iran built the payment system with Venezuela to circumvent previous sanctions.\n\n"
    "Japan hopes Washington will ease sanctions on Myanmar soon.\n\n"
    "The measures align with actions taken by Canada and Australia.", NULL);

  assert_no_relation (ex, ENT_RELATION_SANCTIONS, C, "Iran", C, "Venezuela");
  assert_no_relation (ex, ENT_RELATION_SANCTIONS, C, "United States", C, "Myanmar");
  assert_no_relation (ex, ENT_RELATION_SANCTIONS, C, "Japan", C, "Myanmar");
  for (guint i = 0; i < ex->relations->len; i++)
    g_assert_cmpint (g_array_index (ex->relations, EntExtractedRelation, i).type, !=, ENT_RELATION_SANCTIONS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/extract-sanctions/package", test_sanctions_package);
  g_test_add_func ("/entente/extract-sanctions/listed-targets", test_sanctions_listed_targets);
  g_test_add_func ("/entente/extract-sanctions/not", test_sanctions_not);

  return g_test_run ();
}
