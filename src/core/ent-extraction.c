/* ent-extraction.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-extraction"

#include "config.h"

#include <string.h>

#include "ent-extraction.h"

static void
extracted_entity_free (gpointer data)
{
  EntExtractedEntity *entity = data;

  g_free (entity->name);
  g_free (entity->key);
  g_ptr_array_unref (entity->aliases);
  g_hash_table_unref (entity->attributes);
  g_free (entity->surname);
  g_free (entity->given);
  g_free (entity->role);
  g_free (entity->role_country);
  g_free (entity);
}

static void
extracted_relation_clear (gpointer data)
{
  EntExtractedRelation *relation = data;

  g_free (relation->role);
}

static void
extracted_claim_clear (gpointer data)
{
  EntExtractedClaim *claim = data;

  g_free (claim->attribute);
  g_free (claim->value);
}

EntExtraction *
ent_extraction_new (void)
{
  EntExtraction *extraction = g_new0 (EntExtraction, 1);

  extraction->entities = g_ptr_array_new_with_free_func (extracted_entity_free);
  extraction->relations = g_array_new (FALSE, TRUE, sizeof (EntExtractedRelation));
  g_array_set_clear_func (extraction->relations, extracted_relation_clear);
  extraction->claims = g_array_new (FALSE, TRUE, sizeof (EntExtractedClaim));
  g_array_set_clear_func (extraction->claims, extracted_claim_clear);
  extraction->sentences = g_array_new (FALSE, FALSE, sizeof (EntSpan));

  return extraction;
}

void
ent_extraction_free (EntExtraction *extraction)
{
  if (extraction == NULL)
    return;

  g_ptr_array_unref (extraction->entities);
  g_array_unref (extraction->relations);
  g_array_unref (extraction->claims);
  g_array_unref (extraction->sentences);
  g_free (extraction);
}

EntExtractedEntity *
ent_extraction_add_entity (EntExtraction *extraction,
                           EntEntityType  type,
                           const char    *name,
                           guint         *out_index)
{
  EntExtractedEntity *entity;

  g_return_val_if_fail (extraction != NULL, NULL);
  g_return_val_if_fail (type < ENT_N_ENTITY_TYPES, NULL);
  g_return_val_if_fail (name != NULL && g_utf8_validate (name, -1, NULL), NULL);

  entity = g_new0 (EntExtractedEntity, 1);
  entity->type = type;
  entity->name = g_strdup (name);
  entity->key = ent_name_key (name);
  entity->aliases = g_ptr_array_new_with_free_func (g_free);
  entity->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  entity->mentions = 1;

  if (out_index != NULL)
    *out_index = extraction->entities->len;
  g_ptr_array_add (extraction->entities, entity);

  return entity;
}

void
ent_extracted_entity_add_alias (EntExtractedEntity *entity,
                                const char         *alias)
{
  g_return_if_fail (entity != NULL);
  g_return_if_fail (alias != NULL);

  if (g_str_equal (alias, entity->name))
    return;
  for (guint i = 0; i < entity->aliases->len; i++)
    if (g_str_equal (alias, g_ptr_array_index (entity->aliases, i)))
      return;
  g_ptr_array_add (entity->aliases, g_strdup (alias));
}

void
ent_extracted_entity_rename (EntExtractedEntity *entity,
                             const char         *name)
{
  char *old;

  g_return_if_fail (entity != NULL);
  g_return_if_fail (name != NULL);

  if (g_str_equal (name, entity->name))
    return;
  old = entity->name;
  entity->name = g_strdup (name);
  for (guint i = entity->aliases->len; i > 0; i--)
    if (g_str_equal (g_ptr_array_index (entity->aliases, i - 1), name))
      g_ptr_array_remove_index (entity->aliases, i - 1);
  ent_extracted_entity_add_alias (entity, old);
  g_free (old);
}

void
ent_extraction_add_relation (EntExtraction   *extraction,
                             EntRelationType  type,
                             guint            source,
                             guint            target,
                             const char      *role,
                             guint            sentence)
{
  EntExtractedRelation relation = { 0 };

  g_return_if_fail (extraction != NULL);
  g_return_if_fail (type < ENT_N_RELATION_TYPES);
  g_return_if_fail (source < extraction->entities->len);
  g_return_if_fail (target < extraction->entities->len);
  g_return_if_fail (source != target);

  relation.type = type;
  relation.source = source;
  relation.target = target;
  relation.role = g_strdup (role);
  relation.sentence = sentence;
  g_array_append_val (extraction->relations, relation);
}

void
ent_extraction_add_claim (EntExtraction *extraction,
                          guint          entity,
                          const char    *attribute,
                          const char    *value,
                          guint          sentence)
{
  EntExtractedClaim claim = { 0 };

  g_return_if_fail (extraction != NULL);
  g_return_if_fail (entity < extraction->entities->len);
  g_return_if_fail (attribute != NULL && value != NULL);

  claim.entity = entity;
  claim.attribute = g_strdup (attribute);
  claim.value = g_strdup (value);
  claim.sentence = sentence;
  g_array_append_val (extraction->claims, claim);
}

/* Folds the Latin letters with diacritics news names carry (Aleinik, Türkiye,
 * São Paulo) so that spellings with and without them compare equal. */
static gunichar
fold_letter (gunichar c)
{
  gunichar decomposed[4];
  gsize n;

  if (c < 0x80)
    return g_ascii_tolower ((char) c);

  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  if (n > 0 && decomposed[0] < 0x80)
    return g_ascii_tolower ((char) decomposed[0]);

  return g_unichar_tolower (c);
}

static gboolean
is_dash_or_space (gunichar c)
{
  return g_unichar_isspace (c) || c == '-' || c == 0x2010 || c == 0x2011 ||
         c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2212;
}

char *
ent_name_key (const char *name)
{
  GString *key;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  key = g_string_sized_new (strlen (name));
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_dash_or_space (c))
        {
          pending_space = key->len > 0;
          continue;
        }
      /* Apostrophes and full stops vary between outlets: "U.S." = "US". */
      if (c == '.' || c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC)
        continue;

      if (pending_space)
        g_string_append_c (key, ' ');
      pending_space = FALSE;
      g_string_append_unichar (key, fold_letter (c));
    }

  return g_string_free (key, FALSE);
}

static const char *name_particles[] = {
  "al", "el", "bin", "ibn", "bint", "van", "von", "der", "den", "de", "da",
  "di", "du", "le", "la", "dos", "das", "ben", "abu", NULL
};

gboolean
ent_name_is_particle (const char *word)
{
  g_return_val_if_fail (word != NULL, FALSE);

  return g_strv_contains (name_particles, word);
}

const char *
ent_surname_core (const char *surname)
{
  g_return_val_if_fail (surname != NULL, NULL);

  /* "al assad" is also written "Assad"; "von der leyen" stays as it is. */
  if (g_str_has_prefix (surname, "al ") || g_str_has_prefix (surname, "el "))
    return surname + 3;
  return surname;
}

void
ent_person_name_split (const char  *key,
                       char       **given,
                       char       **surname)
{
  g_auto(GStrv) words = NULL;
  guint n, first;

  g_return_if_fail (key != NULL && given != NULL && surname != NULL);

  words = g_strsplit (key, " ", -1);
  n = g_strv_length (words);
  first = n > 0 ? n - 1 : 0;
  while (first > 0 && ent_name_is_particle (words[first - 1]))
    first--;
  *surname = n > 0 ? g_strjoinv (" ", words + first) : g_strdup ("");
  /* What is left before the surname are the given names. */
  for (guint k = first; k < n; k++)
    g_clear_pointer (&words[k], g_free);
  *given = g_strjoinv (" ", words);
}
