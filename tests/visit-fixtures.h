/* visit-fixtures.h — a small two-document corpus about a state visit and
 * the extractions a perfect extractor would make of it, shared by the store
 * tests and the tampered-project tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store-fixtures.h"

static const char visit_text[] =
  "President Ebrahim Raisi met Alexander Lukashenko in Tehran. "
  "Iran and Belarus signed eight agreements. "
  "Lukashenko visited Tehran.";

static const char talks_text[] =
  "Lukashenko met Raisi again in the afternoon. "
  "Belarus and Iran cooperate within the SCO.";

static inline EntExtraction *
visit_extraction (const EntDocument *document)
{
  EntExtraction *extraction = ent_extraction_new ();
  guint raisi, lukashenko, tehran, iran, belarus, agreements;

  fixture_all_sentences (extraction, document);
  g_assert_cmpuint (extraction->sentences->len, ==, 3);

  raisi = fixture_entity (extraction, ENT_ENTITY_PERSON, "Ebrahim Raisi", 1);
  ent_extracted_entity_add_alias (g_ptr_array_index (extraction->entities, raisi), "Raisi");
  lukashenko = fixture_entity (extraction, ENT_ENTITY_PERSON, "Alexander Lukashenko", 2);
  ent_extracted_entity_add_alias (g_ptr_array_index (extraction->entities, lukashenko), "Lukashenko");
  tehran = fixture_entity (extraction, ENT_ENTITY_PLACE, "Tehran", 2);
  g_hash_table_insert (((EntExtractedEntity *) g_ptr_array_index (extraction->entities, tehran))->attributes,
                       g_strdup ("kind"), g_strdup ("city"));
  iran = fixture_entity (extraction, ENT_ENTITY_COUNTRY, "Iran", 1);
  belarus = fixture_entity (extraction, ENT_ENTITY_COUNTRY, "Belarus", 1);
  agreements = fixture_entity (extraction, ENT_ENTITY_AGREEMENT, "Cooperation agreements", 1);

  ent_extraction_add_relation (extraction, ENT_RELATION_MET, raisi, lukashenko, NULL, 0);
  ent_extraction_add_relation (extraction, ENT_RELATION_HOLDS_OFFICE, raisi, iran, "President", 0);
  ent_extraction_add_relation (extraction, ENT_RELATION_PARTY_TO, iran, agreements, NULL, 1);
  ent_extraction_add_relation (extraction, ENT_RELATION_PARTY_TO, belarus, agreements, NULL, 1);
  ent_extraction_add_relation (extraction, ENT_RELATION_VISITED, lukashenko, tehran, NULL, 2);
  ent_extraction_add_claim (extraction, agreements, "count", "8", 1);

  return extraction;
}

static inline EntExtraction *
talks_extraction (const EntDocument *document)
{
  EntExtraction *extraction = ent_extraction_new ();
  guint raisi, lukashenko, iran, belarus, sco;

  fixture_all_sentences (extraction, document);
  lukashenko = fixture_entity (extraction, ENT_ENTITY_PERSON, "Lukashenko", 1);
  raisi = fixture_entity (extraction, ENT_ENTITY_PERSON, "Raisi", 1);
  belarus = fixture_entity (extraction, ENT_ENTITY_COUNTRY, "Belarus", 1);
  iran = fixture_entity (extraction, ENT_ENTITY_COUNTRY, "Iran", 1);
  sco = fixture_entity (extraction, ENT_ENTITY_ORGANIZATION, "SCO", 1);

  /* Stated the other way round: a symmetric relation is still one edge. */
  ent_extraction_add_relation (extraction, ENT_RELATION_MET, lukashenko, raisi, NULL, 0);
  ent_extraction_add_relation (extraction, ENT_RELATION_COOPERATES_WITHIN, belarus, sco, NULL, 1);
  ent_extraction_add_relation (extraction, ENT_RELATION_COOPERATES_WITHIN, iran, sco, NULL, 1);

  return extraction;
}
