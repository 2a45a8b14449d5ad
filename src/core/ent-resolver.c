/* ent-resolver.c — which project entity an extracted entity is.
 *
 * Three indices, all keyed by folded names (ent_name_key):
 *   keys      "<type>\x1f<key>" -> ids, for every name, alias and resolution key
 *   surnames  "<surname>"       -> persons, for "Lukashenko" / "Alexander Lukashenko"
 *   offices   "<role>\x1f<holder>" -> persons, for "the Belarusian president"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-resolver"

#include "config.h"

#include <string.h>

#include "ent-resolver.h"

typedef struct {
  gint64         id;
  EntEntityType  type;
  GPtrArray     *index_keys;  /* (element-type utf8): what to unregister on removal */
} EntityInfo;

typedef struct {
  gint64  id;
  char   *given;  /* folded given names, space-separated, may be "" */
} PersonRef;

struct _EntResolver
{
  GHashTable *keys;      /* utf8 -> GArray of gint64 */
  GHashTable *surnames;  /* utf8 -> GArray of PersonRef */
  GHashTable *offices;   /* utf8 -> GArray of gint64 */
  GHashTable *entities;  /* gint64* -> EntityInfo* */
};

static void
entity_info_free (gpointer data)
{
  EntityInfo *info = data;

  g_ptr_array_unref (info->index_keys);
  g_free (info);
}

static void
person_ref_clear (gpointer data)
{
  g_free (((PersonRef *) data)->given);
}

static GArray *
id_array_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (gint64));
}

static GArray *
person_array_new (void)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (PersonRef));

  g_array_set_clear_func (array, person_ref_clear);
  return array;
}

EntResolver *
ent_resolver_new (void)
{
  EntResolver *self = g_new0 (EntResolver, 1);

  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_array_unref);
  self->surnames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_array_unref);
  self->offices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_array_unref);
  self->entities = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          entity_info_free);
  return self;
}

void
ent_resolver_free (EntResolver *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->keys);
  g_hash_table_unref (self->surnames);
  g_hash_table_unref (self->offices);
  g_hash_table_unref (self->entities);
  g_free (self);
}

static EntityInfo *
ensure_info (EntResolver   *self,
             gint64         id,
             EntEntityType  type)
{
  EntityInfo *info = g_hash_table_lookup (self->entities, &id);

  if (info == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      info = g_new0 (EntityInfo, 1);
      info->id = id;
      info->type = type;
      info->index_keys = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->entities, key, info);
    }
  return info;
}

static char *
typed_key (EntEntityType  type,
           const char    *key)
{
  return g_strdup_printf ("%c\x1f%s", 'a' + (int) type, key);
}

/* Returns FALSE when @id was there already. */
static gboolean
id_array_add_unique (GArray *array,
                     gint64  id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == id)
      return FALSE;
  g_array_append_val (array, id);
  return TRUE;
}

/* Surnames are indexed without spaces: "Amir-Abdollahian" = "Amirabdollahian",
 * "von der Leyen" = "vonderleyen". */
/* One spelling for the ways English news transliterates the same name:
 * "Toqaev" and "Tokayev", "Zelenskyy" and "Zelensky", "Qasym-Zhomart" and
 * "Kassym-Jomart", "Mirziyoev" and "Mirziyoyev". @name is folded already
 * (lower case, no diacritics). */
static char *
transliteration_key (const char *name)
{
  static const struct { const char *from, *to; } rules[] = {
    { "zh", "j" }, { "kh", "h" }, { "q", "k" }, { "yy", "y" }, { "iy", "i" },
    { "ye", "e" }, { "yo", "o" }, { "ya", "a" }, { "yu", "u" }, { "ou", "u" },
    { "w", "v" },
  };
  GString *out = g_string_new (NULL);

  for (const char *p = name; *p != '\0';)
    {
      gboolean done = FALSE;

      for (guint r = 0; r < G_N_ELEMENTS (rules) && !done; r++)
        {
          gsize len = strlen (rules[r].from);

          if (strncmp (p, rules[r].from, len) == 0)
            {
              g_string_append (out, rules[r].to);
              p += len;
              done = TRUE;
            }
        }
      if (done)
        continue;
      /* "Kassym", "Abdullah": a doubled letter is one. */
      if (out->len == 0 || out->str[out->len - 1] != *p)
        g_string_append_c (out, *p);
      p++;
    }
  return g_string_free (out, FALSE);
}

static void
split_person_key (const char  *key,
                  char       **given,
                  char       **surname)
{
  g_autofree char *spaced = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *raw_given = NULL;
  g_auto(GStrv) parts = NULL;

  ent_person_name_split (key, &raw_given, &spaced);
  parts = g_strsplit (spaced, " ", -1);
  joined = g_strjoinv ("", parts);
  *surname = transliteration_key (joined);
  *given = transliteration_key (raw_given);
}

static void
add_person (EntResolver *self,
            EntityInfo  *info,
            const char  *key)
{
  g_autofree char *given = NULL;
  g_autofree char *surname = NULL;
  GArray *refs;
  PersonRef ref;

  split_person_key (key, &given, &surname);
  if (*surname == '\0')
    return;

  refs = g_hash_table_lookup (self->surnames, surname);
  if (refs == NULL)
    {
      refs = person_array_new ();
      g_hash_table_insert (self->surnames, g_strdup (surname), refs);
    }

  /* A surname alone ("Diallo" as an alias of "Aminata Diallo") adds nothing
   * to a person whose given names are known, and would let any other
   * Diallo match them. */
  for (guint i = refs->len; i > 0; i--)
    {
      PersonRef *r = &g_array_index (refs, PersonRef, i - 1);

      if (r->id != info->id)
        continue;
      if (g_str_equal (r->given, given) || *given == '\0')
        return;
      if (*r->given == '\0')
        g_array_remove_index (refs, i - 1);
    }

  ref.id = info->id;
  ref.given = g_steal_pointer (&given);
  g_array_append_val (refs, ref);
  g_ptr_array_add (info->index_keys, g_strconcat ("s\x1f", surname, NULL));
}

void
ent_resolver_add_key (EntResolver   *self,
                      gint64         id,
                      EntEntityType  type,
                      const char    *key)
{
  EntityInfo *info;
  char *tkey;
  GArray *ids;

  g_return_if_fail (self != NULL);
  g_return_if_fail (id > 0);
  g_return_if_fail (key != NULL);

  if (*key == '\0')
    return;

  info = ensure_info (self, id, type);
  tkey = typed_key (type, key);
  ids = g_hash_table_lookup (self->keys, tkey);
  if (ids == NULL)
    {
      ids = id_array_new ();
      g_hash_table_insert (self->keys, g_strdup (tkey), ids);
    }
  /* Registering a name twice must not grow the entity's bookkeeping. */
  if (id_array_add_unique (ids, id))
    g_ptr_array_add (info->index_keys, g_strconcat ("k", tkey, NULL));
  g_free (tkey);

  if (type == ENT_ENTITY_PERSON)
    add_person (self, info, key);
}

void
ent_resolver_add_name (EntResolver   *self,
                       gint64         id,
                       EntEntityType  type,
                       const char    *name)
{
  g_autofree char *key = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  key = ent_name_key (name);
  ent_resolver_add_key (self, id, type, key);
}

void
ent_resolver_add_extracted (EntResolver              *self,
                            gint64                    id,
                            const EntExtractedEntity *entity)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (entity != NULL);

  /* A role-only entity ("the Belarusian president") has no name worth
   * matching others by: registering it would glue unrelated documents. */
  if (entity->role_only)
    {
      ensure_info (self, id, entity->type);
      return;
    }

  if (entity->key != NULL)
    ent_resolver_add_key (self, id, entity->type, entity->key);
  ent_resolver_add_name (self, id, entity->type, entity->name);
  for (guint i = 0; i < entity->aliases->len; i++)
    ent_resolver_add_name (self, id, entity->type,
                           g_ptr_array_index (entity->aliases, i));
}

static char *
office_key (const char *role,
            const char *holder_key)
{
  g_autofree char *r = ent_name_key (role);

  return g_strdup_printf ("%s\x1f%s", r, holder_key);
}

void
ent_resolver_add_office (EntResolver *self,
                         gint64       id,
                         const char  *role,
                         const char  *holder_key)
{
  g_autofree char *okey = NULL;
  EntityInfo *info;
  GArray *ids;

  g_return_if_fail (self != NULL);
  g_return_if_fail (role != NULL && holder_key != NULL);

  info = ensure_info (self, id, ENT_ENTITY_PERSON);
  okey = office_key (role, holder_key);
  ids = g_hash_table_lookup (self->offices, okey);
  if (ids == NULL)
    {
      ids = id_array_new ();
      g_hash_table_insert (self->offices, g_strdup (okey), ids);
    }
  if (id_array_add_unique (ids, id))
    g_ptr_array_add (info->index_keys, g_strconcat ("o", okey, NULL));
}

static void
remove_id_from_array (GHashTable *table,
                      const char *key,
                      gint64      id,
                      gboolean    persons)
{
  GArray *array = g_hash_table_lookup (table, key);

  if (array == NULL)
    return;

  for (guint i = array->len; i > 0; i--)
    {
      gint64 other = persons ? g_array_index (array, PersonRef, i - 1).id
                             : g_array_index (array, gint64, i - 1);
      if (other == id)
        g_array_remove_index (array, i - 1);
    }
  if (array->len == 0)
    g_hash_table_remove (table, key);
}

void
ent_resolver_remove (EntResolver *self,
                     gint64       id)
{
  EntityInfo *info;

  g_return_if_fail (self != NULL);

  info = g_hash_table_lookup (self->entities, &id);
  if (info == NULL)
    return;

  for (guint i = 0; i < info->index_keys->len; i++)
    {
      const char *k = g_ptr_array_index (info->index_keys, i);

      switch (k[0])
        {
        case 'k':
          remove_id_from_array (self->keys, k + 1, id, FALSE);
          break;
        case 's':
          remove_id_from_array (self->surnames, k + 2, id, TRUE);
          break;
        case 'o':
          remove_id_from_array (self->offices, k + 1, id, FALSE);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_hash_table_remove (self->entities, &id);
}

/* Edit distance with an early exit: only "at most @limit" matters. */
static guint
bounded_distance (const char *a,
                  const char *b,
                  guint       limit)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = NULL;

  if ((la > lb ? la - lb : lb - la) > limit)
    return limit + 1;

  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diag = row[0], best;

      row[0] = i;
      best = row[0];
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          diag = up;
          best = MIN (best, row[j]);
        }
      if (best > limit)
        return limit + 1;
    }
  return row[lb];
}

/* "ali" ~ "ali hosseini", "ebrahim" ~ "ibrahim", "a" ~ "alexander". */
static gboolean
given_word_matches (const char *word,
                    const char *other)
{
  gsize lw = strlen (word), lo = strlen (other);

  if (g_str_equal (word, other))
    return TRUE;
  if (lw == 1 || lo == 1)
    return word[0] == other[0];
  return bounded_distance (word, other, MAX (1, MIN (lw, lo) / 4)) <= MAX (1, MIN (lw, lo) / 4);
}

gboolean
ent_given_names_compatible (const char *a,
                            const char *b)
{
  g_auto(GStrv) wa = NULL;
  g_auto(GStrv) wb = NULL;
  GStrv shorter, longer;

  if (*a == '\0' || *b == '\0')
    return TRUE;

  wa = g_strsplit (a, " ", -1);
  wb = g_strsplit (b, " ", -1);
  shorter = g_strv_length (wa) <= g_strv_length (wb) ? wa : wb;
  longer = shorter == wa ? wb : wa;

  /* Every given name of the shorter form must appear in the longer one:
   * the longer may add middle names or patronymics. */
  for (guint i = 0; shorter[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; longer[j] != NULL && !found; j++)
        found = given_word_matches (shorter[i], longer[j]);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static gint64
lookup_key (EntResolver   *self,
            EntEntityType  type,
            const char    *key)
{
  g_autofree char *tkey = typed_key (type, key);
  GArray *ids = g_hash_table_lookup (self->keys, tkey);

  /* An ambiguous name (two project entities share it) is no evidence. */
  if (ids == NULL || ids->len != 1)
    return 0;
  return g_array_index (ids, gint64, 0);
}

static gint64
resolve_person (EntResolver              *self,
                const EntExtractedEntity *entity)
{
  g_autofree char *given = NULL;
  g_autofree char *surname = NULL;
  GArray *refs;
  gint64 found = 0, exact = 0;
  gboolean ambiguous = FALSE;

  if (entity->surname != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (entity->surname, " ", -1);

      /* Surnames are indexed without spaces: "Amir-Abdollahian" = "Amirabdollahian". */
      g_autofree char *joined = g_strjoinv ("", parts);

      surname = transliteration_key (joined);
      given = transliteration_key (entity->given != NULL ? entity->given : "");
    }
  else
    split_person_key (entity->key, &given, &surname);

  refs = g_hash_table_lookup (self->surnames, surname);
  if (refs == NULL)
    return 0;

  for (guint i = 0; i < refs->len; i++)
    {
      PersonRef *ref = &g_array_index (refs, PersonRef, i);

      if (!ent_given_names_compatible (given, ref->given))
        continue;
      if (*given != '\0' && g_str_equal (ref->given, given))
        exact = ref->id;
      if (found == 0)
        found = ref->id;
      else if (found != ref->id)
        ambiguous = TRUE;
    }
  /* Two different people fit: the one whose given names are exactly ours,
   * or nobody; a guess would merge two people for good. */
  if (exact != 0)
    return exact;
  return ambiguous ? 0 : found;
}

gint64
ent_resolver_resolve (EntResolver              *self,
                      const EntExtraction      *extraction,
                      const EntExtractedEntity *entity)
{
  gint64 id;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (entity != NULL, 0);

  if (entity->role_only)
    {
      g_autofree char *okey = NULL;
      GArray *ids;

      if (entity->role == NULL || entity->role_country == NULL)
        return 0;
      okey = office_key (entity->role, entity->role_country);
      ids = g_hash_table_lookup (self->offices, okey);
      /* Several holders of one office (successive presidents): no guess. */
      return ids != NULL && ids->len == 1 ? g_array_index (ids, gint64, 0) : 0;
    }

  if (entity->key != NULL && (id = lookup_key (self, entity->type, entity->key)) != 0)
    return id;
  /* An agreement is another document's only by its key (parties and name or
   * subject): "the agreement" of one article is not "the agreement" of the
   * next. */
  if (entity->type == ENT_ENTITY_AGREEMENT)
    return 0;

  {
    g_autofree char *key = ent_name_key (entity->name);

    if ((id = lookup_key (self, entity->type, key)) != 0)
      return id;
  }

  for (guint i = 0; i < entity->aliases->len; i++)
    {
      g_autofree char *key = ent_name_key (g_ptr_array_index (entity->aliases, i));

      /* A surname alone ("Diallo") is no evidence of which Diallo: that is
       * for the surname index, which compares given names. */
      if (entity->type == ENT_ENTITY_PERSON && strchr (key, ' ') == NULL)
        continue;
      if ((id = lookup_key (self, entity->type, key)) != 0)
        return id;
    }

  if (entity->type == ENT_ENTITY_PERSON)
    return resolve_person (self, entity);

  return 0;
}
