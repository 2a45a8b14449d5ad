/* ent-lexicon.h — general knowledge the extractor uses: countries (names,
 * demonyms, capitals), international organisations, titles and roles, places,
 * trigger words. Loaded once from the lexicon files compiled into the binary
 * as a GResource (data/lexicon). No person names, ever.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _EntLexicon EntLexicon;

/* The lexicon compiled into the program; loaded on first use, thread-safe,
 * never freed. Aborts with a clear message if the built-in data is broken
 * (a build error, caught by the tests). */
EntLexicon *ent_lexicon_get_default (void);

/* Loads the lexicon from a folder holding the same files (tests). */
EntLexicon *ent_lexicon_new_from_dir (const char *dir,
                                      GError    **error);
void        ent_lexicon_free         (EntLexicon *lexicon);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntLexicon, ent_lexicon_free)

G_END_DECLS
