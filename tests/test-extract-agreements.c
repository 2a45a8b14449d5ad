/* test-extract-agreements.c — agreements, their parties and signatories.
 *
 * Sentences written for this test: one agreement called many ways in one
 * article, a memorandum beside a treaty, deals concluded rather than
 * signed, a signing ceremony leaders only attend, named agreements that
 * begin with a place, everyone who signs "by signing", the organizations an
 * agreement's name names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "extract-fixtures.h"

static guint
count_agreements (EntExtraction *ex)
{
  return count_type (ex, A);
}

static int
agreement_with_alias (EntExtraction *ex,
                      const char    *alias)
{
  for (guint i = 0; i < ex->entities->len; i++)
    {
      EntExtractedEntity *e = g_ptr_array_index (ex->entities, i);

      if (e->type != A)
        continue;
      if (g_str_equal (e->name, alias))
        return (int) i;
      for (guint k = 0; k < e->aliases->len; k++)
        if (g_str_equal (g_ptr_array_index (e->aliases, k), alias))
          return (int) i;
    }
  return -1;
}

static gboolean
has_relation_to (EntExtraction   *ex,
                 EntRelationType  type,
                 const char      *source,
                 int              target)
{
  for (guint i = 0; i < ex->relations->len; i++)
    {
      EntExtractedRelation *r = &g_array_index (ex->relations, EntExtractedRelation, i);
      EntExtractedEntity *s = g_ptr_array_index (ex->entities, r->source);

      if (r->type == type && (int) r->target == target && g_str_equal (s->name, source))
        return TRUE;
    }
  return FALSE;
}

/* "A pact", "the treaty", "the deal": one agreement between the same two
 * states; a memorandum beside it is another. */
static void
test_agreements_one_called_many_ways (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Chile and Peru signed a broad cooperation pact on Friday.\n\n"
    "The treaty covers trade, energy and culture, and the deal was praised by both sides.\n\n"
    "Chile and Peru also signed a memorandum of understanding on mining.", NULL);
  int pact = agreement_with_alias (ex, "broad cooperation pact");
  int mou = agreement_with_alias (ex, "memorandum of understanding on mining");

  if (pact < 0 || mou < 0)
    dump (ex);
  g_assert_cmpint (pact, >=, 0);
  g_assert_cmpint (mou, >=, 0);
  g_assert_cmpint (pact, !=, mou);
  g_assert_cmpuint (count_agreements (ex), ==, 2);
  g_assert_true (has_relation_to (ex, ENT_RELATION_PARTY_TO, "Chile", pact));
  g_assert_true (has_relation_to (ex, ENT_RELATION_PARTY_TO, "Peru", mou));
}

/* Concluded deals have parties and no signatories; leaders who attend a
 * signing ceremony did not sign. */
static void
test_agreements_concluded_and_attended (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "Japan and Canada have hammered out about 40 agreements on defence cooperation.\n\n"
    "Kenyan President Amani Odhiambo and Ugandan President Joseph Okello attended the signing ceremony of the "
    "trade agreements.", NULL);
  int defence = agreement_with_alias (ex, "agreements on defence cooperation");
  int trade = agreement_with_alias (ex, "trade agreements");

  if (defence < 0 || trade < 0)
    dump (ex);
  g_assert_cmpint (defence, >=, 0);
  g_assert_true (has_relation_to (ex, ENT_RELATION_PARTY_TO, "Japan", defence));
  g_assert_true (has_relation_to (ex, ENT_RELATION_PARTY_TO, "Canada", defence));
  g_assert_false (has_relation_to (ex, ENT_RELATION_SIGNED, "Japan", defence));
  g_assert_false (has_relation_to (ex, ENT_RELATION_SIGNED, "Amani Odhiambo", trade));
  g_assert_false (has_relation_to (ex, ENT_RELATION_SIGNED, "Joseph Okello", trade));
}

/* "the Lima Declaration" is an agreement; "the Lima Convention Centre" a
 * place; everyone of the clause signs "by signing"; what an agreement's
 * name names is what it involves. */
static void
test_agreements_names_and_signers (void)
{
  g_autoptr(EntExtraction) ex = extract (
    "On Tuesday, 20 countries of the Organization of American States signed the \"Lima Declaration,\" "
    "at the Lima Convention Centre.\n\n"
    "Today the World Bank and Kenya join Uganda in support of the new line by signing a memorandum of "
    "understanding.\n\n"
    "Timor-Leste's accession was formalised through the signing of the declaration on the admission into "
    "ASEAN.", NULL);
  int lima = agreement_with_alias (ex, "Lima Declaration");
  int mou = agreement_with_alias (ex, "memorandum of understanding");
  int admission = agreement_with_alias (ex, "declaration on the admission into ASEAN");

  if (lima < 0 || mou < 0 || admission < 0)
    dump (ex);
  g_assert_cmpint (lima, >=, 0);
  assert_entity (ex, L, "Lima Convention Centre");
  g_assert_cmpint (agreement_with_alias (ex, "Lima Convention"), <, 0);
  g_assert_true (has_relation_to (ex, ENT_RELATION_SIGNED, "Organization of American States", lima));
  g_assert_true (has_relation_to (ex, ENT_RELATION_SIGNED, "World Bank", mou));
  g_assert_true (has_relation_to (ex, ENT_RELATION_SIGNED, "Kenya", mou));
  g_assert_true (has_relation_to (ex, ENT_RELATION_SIGNED, "Uganda", mou));
  g_assert_true (has_relation_to (ex, ENT_RELATION_PARTY_TO, "Timor-Leste", admission));
  assert_relation (ex, ENT_RELATION_INVOLVES, A, "declaration on the admission into ASEAN", O,
                   "Association of Southeast Asian Nations");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/extract-agreements/one-called-many-ways", test_agreements_one_called_many_ways);
  g_test_add_func ("/entente/extract-agreements/concluded-and-attended", test_agreements_concluded_and_attended);
  g_test_add_func ("/entente/extract-agreements/names-and-signers", test_agreements_names_and_signers);

  return g_test_run ();
}
