/* ent-extractor.h — finds entities and relations in one document.
 *
 * Rule-based and fast: tokens, lexicon look-ups and patterns over the
 * sentences of the document; people are recognised from how the text
 * presents them (titles, roles, honorifics, appositions), never from a list
 * of names. One extractor per thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ent-document.h"
#include "ent-extraction.h"
#include "ent-lexicon.h"

G_BEGIN_DECLS

typedef struct _EntExtractor EntExtractor;

EntExtractor  *ent_extractor_new     (EntLexicon        *lexicon);
void           ent_extractor_free    (EntExtractor      *extractor);

EntExtraction *ent_extractor_extract (EntExtractor      *extractor,
                                      const EntDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntExtractor, ent_extractor_free)

G_END_DECLS
