/* fuzz-extractor.c — the extractor on a document built from arbitrary text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-extractor"

#include "config.h"

#include "ent-document.h"
#include "ent-extractor.h"
#include "fuzz-common.h"

static EntExtractor *extractor;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  extractor = ent_extractor_new (ent_lexicon_get_default ());
  return 0;
}

static void
check_extraction (const EntDocument   *document,
                  const EntExtraction *extraction)
{
  fuzz_check_spans (document->text, document->length, extraction->sentences);

  for (guint i = 0; i < extraction->entities->len; i++)
    {
      const EntExtractedEntity *entity = g_ptr_array_index (extraction->entities, i);

      fuzz_check (entity->type < ENT_N_ENTITY_TYPES);
      fuzz_check (entity->name != NULL && entity->name[0] != '\0');
      fuzz_check (g_utf8_validate (entity->name, -1, NULL));
      fuzz_check (entity->key != NULL && g_utf8_validate (entity->key, -1, NULL));
      for (guint k = 0; k < entity->aliases->len; k++)
        fuzz_check (g_utf8_validate (g_ptr_array_index (entity->aliases, k), -1, NULL));
    }
  for (guint i = 0; i < extraction->relations->len; i++)
    {
      const EntExtractedRelation *relation = &g_array_index (extraction->relations,
                                                             EntExtractedRelation, i);

      fuzz_check (relation->type < ENT_N_RELATION_TYPES);
      fuzz_check (relation->source < extraction->entities->len);
      fuzz_check (relation->target < extraction->entities->len);
      fuzz_check (relation->sentence < extraction->sentences->len);
    }
  for (guint i = 0; i < extraction->claims->len; i++)
    {
      const EntExtractedClaim *claim = &g_array_index (extraction->claims, EntExtractedClaim, i);

      fuzz_check (claim->entity < extraction->entities->len);
      fuzz_check (claim->sentence < extraction->sentences->len);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(EntDocument) document = NULL;
  g_autoptr(EntExtraction) extraction = NULL;

  document = ent_document_new_from_text ((const char *) data, (gssize) size,
                                         ENT_DOCUMENT_FORMAT_TEXT, "/fuzz/input.txt", NULL);
  if (document == NULL)
    return 0;
  extraction = ent_extractor_extract (extractor, document);
  fuzz_check (extraction != NULL);
  check_extraction (document, extraction);
  return 0;
}
