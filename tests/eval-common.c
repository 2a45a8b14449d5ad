/* eval-common.c — measures the extractor against hand annotations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-eval"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "eval-common.h"
#include "ent-document.h"
#include "ent-extraction.h"
#include "ent-extractor.h"
#include "ent-lexicon.h"

typedef struct {
  char          *id;
  EntEntityType  type;
  GPtrArray     *names;     /* (element-type utf8) */
  GPtrArray     *keys;      /* (element-type utf8): ent_name_key of names */
  gboolean       required;
  guint          n_files;   /* annotation files naming this id */
} EvalEntity;

typedef struct {
  EntRelationType  type;
  char            *source;  /* entity ids */
  char            *target;
  GPtrArray       *roles;   /* (element-type utf8): name keys, or NULL */
  gboolean         required;
} EvalRelation;

struct _EvalAnnotation
{
  GPtrArray  *entities;       /* (element-type EvalEntity) */
  GHashTable *entity_by_id;   /* id -> EvalEntity */
  GHashTable *entities_by_key;/* name key -> GPtrArray of EvalEntity */
  GPtrArray  *relations;      /* (element-type EvalRelation) */
  GHashTable *relation_by_key;/* "type|source|target" -> EvalRelation */
  GPtrArray  *documents;      /* (element-type utf8) */
  guint       n_anonymous;
};

/* DESIGN.md's ontology: which entity types each relation joins. */
#define T(x) (1u << ENT_ENTITY_##x)
#define ANY_TYPE ((1u << ENT_N_ENTITY_TYPES) - 1)

static const struct {
  guint source;
  guint target;
} signatures[ENT_N_RELATION_TYPES] = {
  [ENT_RELATION_HOLDS_OFFICE]      = { T (PERSON), T (COUNTRY) | T (ORGANIZATION) },
  [ENT_RELATION_MET]               = { T (PERSON), T (PERSON) },
  [ENT_RELATION_HOSTED]            = { T (PERSON), T (PERSON) },
  [ENT_RELATION_VISITED]           = { T (PERSON), T (PLACE) | T (COUNTRY) },
  [ENT_RELATION_INVITED]           = { T (PERSON), T (PERSON) },
  [ENT_RELATION_SIGNED]            = { T (PERSON) | T (COUNTRY) | T (ORGANIZATION), T (AGREEMENT) },
  [ENT_RELATION_PARTY_TO]          = { T (COUNTRY) | T (ORGANIZATION), T (AGREEMENT) },
  [ENT_RELATION_MEMBER_OF]         = { T (COUNTRY), T (ORGANIZATION) },
  [ENT_RELATION_COOPERATES_WITHIN] = { T (COUNTRY) | T (PERSON), T (ORGANIZATION) },
  [ENT_RELATION_COOPERATES_WITH]   = { T (COUNTRY), T (COUNTRY) },
  [ENT_RELATION_ADVOCATES]         = { T (PERSON) | T (COUNTRY), T (PROJECT) | T (AGREEMENT) | T (ORGANIZATION) },
  [ENT_RELATION_INVOLVES]          = { T (PROJECT) | T (AGREEMENT) | T (EVENT), T (COUNTRY) | T (ORGANIZATION) },
  [ENT_RELATION_PART_OF]           = { T (PROJECT) | T (PLACE), T (PROJECT) | T (PLACE) },
  [ENT_RELATION_SANCTIONS]         = { T (COUNTRY) | T (ORGANIZATION), T (COUNTRY) },
  [ENT_RELATION_ALLIED_WITH]       = { ANY_TYPE, ANY_TYPE },
  [ENT_RELATION_LOCATED_IN]        = { T (PLACE), T (PLACE) | T (COUNTRY) },
  [ENT_RELATION_CO_MENTIONED]      = { ANY_TYPE, ANY_TYPE },
};

gboolean
eval_relation_allowed (EntRelationType type,
                       EntEntityType   source,
                       EntEntityType   target)
{
  g_return_val_if_fail (type < ENT_N_RELATION_TYPES, FALSE);
  g_return_val_if_fail (source < ENT_N_ENTITY_TYPES && target < ENT_N_ENTITY_TYPES, FALSE);

  if ((signatures[type].source & (1u << source)) && (signatures[type].target & (1u << target)))
    return TRUE;
  return ent_relation_type_is_symmetric (type) &&
         (signatures[type].source & (1u << target)) &&
         (signatures[type].target & (1u << source));
}

static void
eval_entity_free (gpointer data)
{
  EvalEntity *entity = data;

  g_free (entity->id);
  g_ptr_array_unref (entity->names);
  g_ptr_array_unref (entity->keys);
  g_free (entity);
}

static void
eval_relation_free (gpointer data)
{
  EvalRelation *relation = data;

  g_free (relation->source);
  g_free (relation->target);
  g_clear_pointer (&relation->roles, g_ptr_array_unref);
  g_free (relation);
}

EvalAnnotation *
eval_annotation_new (void)
{
  EvalAnnotation *annotation = g_new0 (EvalAnnotation, 1);

  annotation->entities = g_ptr_array_new_with_free_func (eval_entity_free);
  annotation->entity_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  annotation->entities_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);
  annotation->relations = g_ptr_array_new_with_free_func (eval_relation_free);
  annotation->relation_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  annotation->documents = g_ptr_array_new_with_free_func (g_free);

  return annotation;
}

void
eval_annotation_free (EvalAnnotation *annotation)
{
  if (annotation == NULL)
    return;

  g_hash_table_unref (annotation->relation_by_key);
  g_ptr_array_unref (annotation->relations);
  g_hash_table_unref (annotation->entities_by_key);
  g_hash_table_unref (annotation->entity_by_id);
  g_ptr_array_unref (annotation->entities);
  g_ptr_array_unref (annotation->documents);
  g_free (annotation);
}

GPtrArray *
eval_annotation_get_documents (EvalAnnotation *annotation)
{
  return annotation->documents;
}

static gboolean
str_array_contains (GPtrArray  *array,
                    const char *str)
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), str))
      return TRUE;
  return FALSE;
}

static void
entity_add_name (EvalAnnotation *annotation,
                 EvalEntity     *entity,
                 const char     *name)
{
  g_autofree char *key = ent_name_key (name);
  GPtrArray *same_key;

  if (!str_array_contains (entity->names, name))
    g_ptr_array_add (entity->names, g_strdup (name));
  if (*key == '\0' || str_array_contains (entity->keys, key))
    return;

  g_ptr_array_add (entity->keys, g_strdup (key));
  same_key = g_hash_table_lookup (annotation->entities_by_key, key);
  if (same_key == NULL)
    {
      same_key = g_ptr_array_new ();
      g_hash_table_insert (annotation->entities_by_key, g_strdup (key), same_key);
    }
  g_ptr_array_add (same_key, entity);
}

static gboolean
bad_file (GError    **error,
          const char *file,
          const char *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", file, what);
  return FALSE;
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonArray *
member_array (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

/* The string at @index of @array, or NULL when it holds something else. */
static const char *
element_string (JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
load_entity (EvalAnnotation *annotation,
             JsonNode       *node,
             gboolean        required,
             const char     *file,
             GHashTable     *seen_in_file,
             GError        **error)
{
  JsonObject *object;
  JsonArray *names;
  const char *id, *type_name;
  EntEntityType type;
  EvalEntity *entity;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad_file (error, file, "an entity is not an object");
  object = json_node_get_object (node);
  id = member_string (object, "id");
  type_name = member_string (object, "type");
  names = member_array (object, "names");
  if (type_name == NULL || !ent_entity_type_from_string (type_name, &type))
    return bad_file (error, file, "an entity has no known type");
  if (names == NULL || json_array_get_length (names) == 0)
    return bad_file (error, file, "an entity has no names");
  if (id == NULL && required)
    return bad_file (error, file, "an annotated entity has no id");

  entity = id != NULL ? g_hash_table_lookup (annotation->entity_by_id, id) : NULL;
  if (entity != NULL && entity->type != type)
    return bad_file (error, file, "an id is used with two types");
  if (entity == NULL)
    {
      entity = g_new0 (EvalEntity, 1);
      entity->id = id != NULL ? g_strdup (id)
                              : g_strdup_printf ("#anonymous-%u", ++annotation->n_anonymous);
      entity->type = type;
      entity->names = g_ptr_array_new_with_free_func (g_free);
      entity->keys = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (annotation->entities, entity);
      g_hash_table_insert (annotation->entity_by_id, entity->id, entity);
    }
  entity->required |= required;
  if (!g_hash_table_contains (seen_in_file, entity->id))
    {
      g_hash_table_add (seen_in_file, entity->id);
      entity->n_files++;
    }

  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      const char *name = element_string (names, i);

      if (name == NULL)
        return bad_file (error, file, "a name is not a string");
      entity_add_name (annotation, entity, name);
    }

  return TRUE;
}

static char *
relation_key (EntRelationType  type,
              const char      *source,
              const char      *target)
{
  if (ent_relation_type_is_symmetric (type) && strcmp (source, target) > 0)
    {
      const char *swap = source;

      source = target;
      target = swap;
    }
  return g_strdup_printf ("%s|%s|%s", ent_relation_type_to_string (type), source, target);
}

static GPtrArray *
load_roles (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "role");
  GPtrArray *roles;

  if (node == NULL)
    return NULL;

  roles = g_ptr_array_new_with_free_func (g_free);
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    g_ptr_array_add (roles, ent_name_key (json_node_get_string (node)));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      {
        const char *role = element_string (json_node_get_array (node), i);

        if (role != NULL)
          g_ptr_array_add (roles, ent_name_key (role));
      }

  return roles;
}

static gboolean
load_relation (EvalAnnotation *annotation,
               JsonNode       *node,
               gboolean        required,
               const char     *file,
               GError        **error)
{
  JsonObject *object;
  const char *type_name, *source, *target;
  EntRelationType type;
  EvalEntity *source_entity, *target_entity;
  EvalRelation *relation;
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) roles = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad_file (error, file, "a relation is not an object");
  object = json_node_get_object (node);
  type_name = member_string (object, "type");
  source = member_string (object, "source");
  target = member_string (object, "target");
  if (type_name == NULL || !ent_relation_type_from_string (type_name, &type))
    return bad_file (error, file, "a relation has no known type");
  if (source == NULL || target == NULL)
    return bad_file (error, file, "a relation lacks its source or target");

  source_entity = g_hash_table_lookup (annotation->entity_by_id, source);
  target_entity = g_hash_table_lookup (annotation->entity_by_id, target);
  if (source_entity == NULL || target_entity == NULL)
    {
      g_autofree char *what = g_strdup_printf ("relation %s %s -> %s names an unknown id",
                                               type_name, source, target);
      return bad_file (error, file, what);
    }
  if (!eval_relation_allowed (type, source_entity->type, target_entity->type))
    {
      g_autofree char *what = g_strdup_printf ("relation %s %s -> %s is not allowed between a %s and a %s",
                                               type_name, source, target,
                                               ent_entity_type_to_string (source_entity->type),
                                               ent_entity_type_to_string (target_entity->type));
      return bad_file (error, file, what);
    }

  key = relation_key (type, source, target);
  roles = load_roles (object);
  relation = g_hash_table_lookup (annotation->relation_by_key, key);
  if (relation == NULL)
    {
      relation = g_new0 (EvalRelation, 1);
      relation->type = type;
      relation->source = g_strdup (source);
      relation->target = g_strdup (target);
      relation->roles = g_steal_pointer (&roles);
      g_ptr_array_add (annotation->relations, relation);
      g_hash_table_insert (annotation->relation_by_key, g_steal_pointer (&key), relation);
    }
  else if (roles != NULL && relation->roles != NULL)
    {
      for (guint i = 0; i < roles->len; i++)
        if (!str_array_contains (relation->roles, g_ptr_array_index (roles, i)))
          g_ptr_array_add (relation->roles, g_strdup (g_ptr_array_index (roles, i)));
    }
  else
    {
      /* One file names the office, another does not: any role will do. */
      g_clear_pointer (&relation->roles, g_ptr_array_unref);
    }
  relation->required |= required;

  return TRUE;
}

typedef gboolean (*LoadItemFunc) (EvalAnnotation *annotation,
                                  JsonNode       *node,
                                  gboolean        required,
                                  const char     *file,
                                  gpointer        data,
                                  GError        **error);

static gboolean
load_entity_item (EvalAnnotation *annotation, JsonNode *node, gboolean required,
                  const char *file, gpointer data, GError **error)
{
  return load_entity (annotation, node, required, file, data, error);
}

static gboolean
load_relation_item (EvalAnnotation *annotation, JsonNode *node, gboolean required,
                    const char *file, gpointer data, GError **error)
{
  return load_relation (annotation, node, required, file, error);
}

static gboolean
load_section (EvalAnnotation *annotation,
              JsonObject     *root,
              const char     *member,
              gboolean        required,
              const char     *file,
              LoadItemFunc    func,
              gpointer        data,
              GError        **error)
{
  JsonArray *array;

  if (!json_object_has_member (root, member))
    return TRUE;
  array = member_array (root, member);
  if (array == NULL)
    return bad_file (error, file, "a section is not an array");
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!func (annotation, json_array_get_element (array, i), required, file, data, error))
      return FALSE;

  return TRUE;
}

static void
load_documents (EvalAnnotation *annotation,
                JsonObject     *root)
{
  JsonNode *node = json_object_get_member (root, "document");

  if (node != NULL && json_node_get_value_type (node) == G_TYPE_STRING)
    g_ptr_array_add (annotation->documents, g_strdup (json_node_get_string (node)));
  else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      {
        const char *name = element_string (json_node_get_array (node), i);

        if (name != NULL)
          g_ptr_array_add (annotation->documents, g_strdup (name));
      }
}

gboolean
eval_annotation_load (EvalAnnotation *annotation,
                      const char     *path,
                      GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) seen_in_file = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *file = g_path_get_basename (path);
  JsonNode *root;

  g_return_val_if_fail (annotation != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!json_parser_load_from_file (parser, path, error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return bad_file (error, file, "not a JSON object");

  load_documents (annotation, json_node_get_object (root));
  /* Entities first: relations refer to them by id. */
  return load_section (annotation, json_node_get_object (root), "entities", TRUE, file,
                       load_entity_item, seen_in_file, error) &&
         load_section (annotation, json_node_get_object (root), "acceptable_entities", FALSE, file,
                       load_entity_item, seen_in_file, error) &&
         load_section (annotation, json_node_get_object (root), "relations", TRUE, file,
                       load_relation_item, NULL, error) &&
         load_section (annotation, json_node_get_object (root), "acceptable_relations", FALSE, file,
                       load_relation_item, NULL, error);
}

GPtrArray *
eval_annotation_shared_ids (EvalAnnotation *annotation,
                            guint           min_files)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < annotation->entities->len; i++)
    {
      EvalEntity *entity = g_ptr_array_index (annotation->entities, i);

      if (entity->required && entity->n_files >= min_files)
        g_ptr_array_add (ids, g_strdup (entity->id));
    }

  return ids;
}

/* Projects */

EntStore *
eval_project_new (char   **out_dir,
                  GError **error)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-eval-XXXXXX", error);
  g_autofree char *path = NULL;
  EntStore *store;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "eval.entente", NULL);
  store = ent_store_open (path, ENT_STORE_OPEN_CREATE, error);
  if (store == NULL)
    {
      g_rmdir (dir);
      return NULL;
    }
  *out_dir = g_steal_pointer (&dir);

  return store;
}

void
eval_project_remove (EntStore   *store,
                     const char *dir)
{
  g_autoptr(GDir) listing = NULL;
  const char *name;

  g_clear_pointer (&store, ent_store_free);
  if (dir == NULL)
    return;

  /* The project file and SQLite's -wal and -shm companions. */
  listing = g_dir_open (dir, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

gboolean
eval_ingest_files (EntStore           *store,
                   const char * const *paths,
                   GError            **error)
{
  g_autoptr(EntExtractor) extractor = ent_extractor_new (ent_lexicon_get_default ());

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(EntDocument) document = NULL;
      g_autoptr(EntExtraction) extraction = NULL;
      EntStoreAddOutcome outcome;

      document = ent_document_load (paths[i], error);
      if (document == NULL)
        {
          g_prefix_error (error, "%s: ", paths[i]);
          return FALSE;
        }
      extraction = ent_extractor_extract (extractor, document);
      if (!ent_store_add_document (store, document, extraction, &outcome, error))
        {
          g_prefix_error (error, "%s: ", paths[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/* Matching */

typedef struct {
  EvalAnnotation *annotation;
  EntStore       *store;
  EntGraph       *graph;
  const char     *label;
  GPtrArray     **matches;         /* per graph entity: EvalEntity of the same type */
  GHashTable     *graph_by_entity; /* EvalEntity -> GPtrArray of graph indices (boxed as pointers) */
} Matcher;

static char *
describe_graph_entity (EntGraphEntity *entity)
{
  return g_strdup_printf ("\"%s\" [%s]", entity->name, ent_entity_type_to_string (entity->type));
}

static char *
describe_entity (EvalEntity *entity)
{
  return g_strdup_printf ("\"%s\" [%s]", (char *) g_ptr_array_index (entity->names, 0),
                          ent_entity_type_to_string (entity->type));
}

/* Annotated entities of any type sharing a name key with graph entity @entity. */
static void
collect_candidates (EvalAnnotation *annotation,
                    EntGraphEntity *entity,
                    GPtrArray      *out)
{
  guint n_names = 1 + (entity->aliases != NULL ? entity->aliases->len : 0);

  for (guint i = 0; i < n_names; i++)
    {
      const char *name = i == 0 ? entity->name : g_ptr_array_index (entity->aliases, i - 1);
      g_autofree char *key = ent_name_key (name);
      GPtrArray *same_key = g_hash_table_lookup (annotation->entities_by_key, key);

      for (guint j = 0; same_key != NULL && j < same_key->len; j++)
        if (!g_ptr_array_find (out, g_ptr_array_index (same_key, j), NULL))
          g_ptr_array_add (out, g_ptr_array_index (same_key, j));
    }
}

static void
matcher_init (Matcher        *matcher,
              EvalAnnotation *annotation,
              EntStore       *store,
              EntGraph       *graph,
              const char     *label)
{
  matcher->annotation = annotation;
  matcher->store = store;
  matcher->graph = graph;
  matcher->label = label;
  matcher->matches = g_new0 (GPtrArray *, graph->entities->len + 1);
  matcher->graph_by_entity = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntGraphEntity *entity = ent_graph_get_entity (graph, i);
      g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

      matcher->matches[i] = g_ptr_array_new ();
      collect_candidates (annotation, entity, candidates);
      for (guint j = 0; j < candidates->len; j++)
        {
          EvalEntity *candidate = g_ptr_array_index (candidates, j);
          GPtrArray *indices;

          if (candidate->type != entity->type)
            continue;
          g_ptr_array_add (matcher->matches[i], candidate);
          indices = g_hash_table_lookup (matcher->graph_by_entity, candidate);
          if (indices == NULL)
            {
              indices = g_ptr_array_new ();
              g_hash_table_insert (matcher->graph_by_entity, candidate, indices);
            }
          g_ptr_array_add (indices, GUINT_TO_POINTER (i));
        }
    }
}

static void
matcher_clear (Matcher *matcher)
{
  for (guint i = 0; i < matcher->graph->entities->len; i++)
    g_ptr_array_unref (matcher->matches[i]);
  g_free (matcher->matches);
  g_hash_table_unref (matcher->graph_by_entity);
}

/* Graph entities of another type that carry one of @entity's names. */
static char *
describe_mistyped (Matcher    *matcher,
                   EvalEntity *entity)
{
  GString *found = g_string_new (NULL);

  for (guint i = 0; i < matcher->graph->entities->len; i++)
    {
      EntGraphEntity *graph_entity = ent_graph_get_entity (matcher->graph, i);
      g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

      if (graph_entity->type == entity->type)
        continue;
      collect_candidates (matcher->annotation, graph_entity, candidates);
      if (g_ptr_array_find (candidates, entity, NULL))
        {
          g_autofree char *description = describe_graph_entity (graph_entity);
          g_string_append_printf (found, "%s%s", found->len > 0 ? ", " : "", description);
        }
    }

  if (found->len == 0)
    {
      g_string_free (found, TRUE);
      return NULL;
    }
  return g_string_free (found, FALSE);
}

static void
score_entities (Matcher   *matcher,
                EvalScore *score)
{
  EvalAnnotation *annotation = matcher->annotation;

  for (guint i = 0; i < annotation->entities->len; i++)
    {
      EvalEntity *entity = g_ptr_array_index (annotation->entities, i);
      GPtrArray *indices = g_hash_table_lookup (matcher->graph_by_entity, entity);
      g_autofree char *description = describe_entity (entity);
      guint n = indices != NULL ? indices->len : 0;

      if (!entity->required)
        continue;
      score->entities++;
      if (n == 1)
        {
          score->entities_found++;
          continue;
        }
      if (n > 1)
        {
          GString *names = g_string_new (NULL);

          for (guint j = 0; j < n; j++)
            g_string_append_printf (names, "%s\"%s\"", j > 0 ? ", " : "",
                                    ent_graph_get_entity (matcher->graph,
                                                          GPOINTER_TO_UINT (g_ptr_array_index (indices, j)))->name);
          score->entities_duplicated++;
          g_test_message ("%s: DUPLICATE entity %s is %u graph entities: %s",
                          matcher->label, description, n, names->str);
          g_string_free (names, TRUE);
        }
      else
        {
          g_autofree char *mistyped = describe_mistyped (matcher, entity);

          if (mistyped != NULL)
            {
              score->entities_mistyped++;
              g_test_message ("%s: WRONG TYPE for entity %s: found as %s",
                              matcher->label, description, mistyped);
            }
          else
            g_test_message ("%s: MISSED entity %s", matcher->label, description);
        }
    }

  for (guint i = 0; i < matcher->graph->entities->len; i++)
    {
      EntGraphEntity *entity = ent_graph_get_entity (matcher->graph, i);

      score->graph_entities++;
      if (matcher->matches[i]->len > 0)
        score->graph_entities_correct++;
      else
        {
          g_autofree char *description = describe_graph_entity (entity);
          g_test_message ("%s: FALSE entity %s (%u mentions)", matcher->label, description,
                          entity->mentions);
        }
    }
}

static gboolean
role_matches (EvalRelation     *relation,
              EntGraphRelation *graph_relation)
{
  const char *role;
  g_autofree char *key = NULL;

  if (relation->type != ENT_RELATION_HOLDS_OFFICE || relation->roles == NULL)
    return TRUE;
  role = g_hash_table_lookup (graph_relation->attributes, "role");
  if (role == NULL)
    return FALSE;

  key = ent_name_key (role);
  for (guint i = 0; i < relation->roles->len; i++)
    if (strstr (key, g_ptr_array_index (relation->roles, i)) != NULL)
      return TRUE;
  return FALSE;
}

/* The annotated relations @graph_relation stands for; @role_ok tells whether
 * the holds_office role agrees too. */
static void
find_annotated_relations (Matcher          *matcher,
                          EntGraphRelation *graph_relation,
                          GPtrArray        *out_role_ok,
                          GPtrArray        *out_role_differs)
{
  GPtrArray *sources = matcher->matches[graph_relation->source];
  GPtrArray *targets = matcher->matches[graph_relation->target];

  for (guint i = 0; i < sources->len; i++)
    for (guint j = 0; j < targets->len; j++)
      {
        EvalEntity *source = g_ptr_array_index (sources, i);
        EvalEntity *target = g_ptr_array_index (targets, j);
        g_autofree char *key = relation_key (graph_relation->type, source->id, target->id);
        EvalRelation *relation = g_hash_table_lookup (matcher->annotation->relation_by_key, key);

        /* A directed relation annotated the other way round is wrong. */
        if (relation == NULL || (!ent_relation_type_is_symmetric (relation->type) &&
                                 !g_str_equal (relation->source, source->id)))
          continue;
        if (role_matches (relation, graph_relation))
          g_ptr_array_add (out_role_ok, relation);
        else
          g_ptr_array_add (out_role_differs, relation);
      }
}

static char *
describe_graph_relation (EntGraph         *graph,
                         EntGraphRelation *relation)
{
  const char *role = g_hash_table_lookup (relation->attributes, "role");

  return g_strdup_printf ("%s \"%s\" -> \"%s\"%s%s%s",
                          ent_relation_type_to_string (relation->type),
                          ent_graph_get_entity (graph, relation->source)->name,
                          ent_graph_get_entity (graph, relation->target)->name,
                          role != NULL ? " (role \"" : "", role != NULL ? role : "",
                          role != NULL ? "\")" : "");
}

static char *
describe_relation (EvalAnnotation *annotation,
                   EvalRelation   *relation)
{
  EvalEntity *source = g_hash_table_lookup (annotation->entity_by_id, relation->source);
  EvalEntity *target = g_hash_table_lookup (annotation->entity_by_id, relation->target);

  return g_strdup_printf ("%s \"%s\" -> \"%s\"%s%s%s",
                          ent_relation_type_to_string (relation->type),
                          (char *) g_ptr_array_index (source->names, 0),
                          (char *) g_ptr_array_index (target->names, 0),
                          relation->roles != NULL ? " (role \"" : "",
                          relation->roles != NULL ? (char *) g_ptr_array_index (relation->roles, 0) : "",
                          relation->roles != NULL ? "\")" : "");
}

static void
score_relations (Matcher   *matcher,
                 EvalScore *score)
{
  g_autoptr(GHashTable) found = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) found_ignoring_role = g_hash_table_new (NULL, NULL);
  EntGraph *graph = matcher->graph;

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntGraphRelation *relation = ent_graph_get_relation (graph, i);
      g_autoptr(GPtrArray) role_ok = g_ptr_array_new ();
      g_autoptr(GPtrArray) role_differs = g_ptr_array_new ();
      g_autofree char *description = NULL;

      if (relation->type == ENT_RELATION_CO_MENTIONED)
        continue;
      score->graph_relations++;
      if (!eval_relation_allowed (relation->type,
                                  ent_graph_get_entity (graph, relation->source)->type,
                                  ent_graph_get_entity (graph, relation->target)->type))
        score->graph_relations_off_ontology++;

      find_annotated_relations (matcher, relation, role_ok, role_differs);
      for (guint j = 0; j < role_ok->len; j++)
        {
          g_hash_table_add (found, g_ptr_array_index (role_ok, j));
          g_hash_table_add (found_ignoring_role, g_ptr_array_index (role_ok, j));
        }
      for (guint j = 0; j < role_differs->len; j++)
        g_hash_table_add (found_ignoring_role, g_ptr_array_index (role_differs, j));

      if (role_ok->len > 0)
        {
          score->graph_relations_correct++;
          continue;
        }
      description = describe_graph_relation (graph, relation);
      if (role_differs->len > 0)
        {
          g_autofree char *annotated = describe_relation (matcher->annotation,
                                                          g_ptr_array_index (role_differs, 0));
          g_test_message ("%s: WRONG ROLE %s; annotated %s", matcher->label, description, annotated);
        }
      else
        g_test_message ("%s: FALSE relation %s", matcher->label, description);
    }

  for (guint i = 0; i < matcher->annotation->relations->len; i++)
    {
      EvalRelation *relation = g_ptr_array_index (matcher->annotation->relations, i);

      if (!relation->required)
        continue;
      score->relations++;
      if (g_hash_table_contains (found_ignoring_role, relation))
        score->relations_found_ignoring_role++;
      if (g_hash_table_contains (found, relation))
        score->relations_found++;
      else
        {
          g_autofree char *description = describe_relation (matcher->annotation, relation);
          g_test_message ("%s: MISSED relation %s", matcher->label, description);
        }
    }
}

static const char *
document_text (Matcher    *matcher,
               GHashTable *texts,
               gint64      id)
{
  char *text = g_hash_table_lookup (texts, &id);

  if (text == NULL)
    {
      g_autoptr(GError) error = NULL;
      gint64 *key = g_new (gint64, 1);

      text = ent_store_get_document_text (matcher->store, id, &error);
      if (text == NULL)
        {
          g_test_message ("%s: document %" G_GINT64_FORMAT " has no text: %s",
                          matcher->label, id, error->message);
          text = g_strdup ("");
        }
      *key = id;
      g_hash_table_insert (texts, key, text);
    }

  return text;
}

static gboolean
evidence_is_verbatim (const char       *text,
                      EntGraphEvidence *evidence)
{
  glong n_chars = g_utf8_strlen (text, -1);
  const char *start, *end;

  if (evidence->text == NULL || evidence->start >= evidence->end || evidence->end > (gsize) n_chars)
    return FALSE;
  start = g_utf8_offset_to_pointer (text, evidence->start);
  end = g_utf8_offset_to_pointer (start, evidence->end - evidence->start);

  return strlen (evidence->text) == (gsize) (end - start) &&
         memcmp (evidence->text, start, end - start) == 0;
}

static void
score_evidence (Matcher   *matcher,
                EvalScore *score)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  EntGraph *graph = matcher->graph;

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntGraphRelation *relation = ent_graph_get_relation (graph, i);

      for (guint j = 0; j < relation->evidence->len; j++)
        {
          EntGraphEvidence *evidence = g_ptr_array_index (relation->evidence, j);
          EntGraphDocument *document = ent_graph_get_document (graph, evidence->document);
          g_autofree char *description = NULL;

          score->evidence++;
          if (evidence_is_verbatim (document_text (matcher, texts, document->id), evidence))
            {
              score->evidence_verbatim++;
              continue;
            }
          description = describe_graph_relation (graph, relation);
          g_test_message ("%s: EVIDENCE NOT VERBATIM for %s in \"%s\" [%" G_GSIZE_FORMAT ", %"
                          G_GSIZE_FORMAT "): \"%.80s\"", matcher->label, description,
                          document->title, evidence->start, evidence->end,
                          evidence->text != NULL ? evidence->text : "(null)");
        }
    }
}

/* ENTENTE_EVAL_VERBOSE=1 prints the whole graph, to see what the extractor
 * made of an article beyond the misses. */
static void
dump_graph (EntGraph   *graph,
            const char *label)
{
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntGraphEntity *entity = ent_graph_get_entity (graph, i);
      g_autoptr(GString) aliases = g_string_new (NULL);

      for (guint j = 0; entity->aliases != NULL && j < entity->aliases->len; j++)
        g_string_append_printf (aliases, "%s%s", j > 0 ? "; " : "",
                                (char *) g_ptr_array_index (entity->aliases, j));
      g_test_message ("%s: entity %s \"%s\" aliases [%s]", label,
                      ent_entity_type_to_string (entity->type), entity->name, aliases->str);
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntGraphRelation *relation = ent_graph_get_relation (graph, i);
      g_autofree char *description = describe_graph_relation (graph, relation);
      EntGraphEvidence *evidence = relation->evidence->len > 0 ? g_ptr_array_index (relation->evidence, 0) : NULL;

      g_test_message ("%s: relation %s <- \"%.100s\"", label, description,
                      evidence != NULL && evidence->text != NULL ? evidence->text : "");
    }
}

void
eval_score (EvalAnnotation *annotation,
            EntStore       *store,
            EntGraph       *graph,
            const char     *label,
            EvalScore      *score)
{
  Matcher matcher;

  g_return_if_fail (annotation != NULL && graph != NULL && score != NULL);

  if (g_strcmp0 (g_getenv ("ENTENTE_EVAL_VERBOSE"), "1") == 0)
    dump_graph (graph, label != NULL ? label : "");
  matcher_init (&matcher, annotation, store, graph, label != NULL ? label : "");
  score_entities (&matcher, score);
  score_relations (&matcher, score);
  if (store != NULL)
    score_evidence (&matcher, score);
  matcher_clear (&matcher);
}

void
eval_score_evidence (EntStore   *store,
                     EntGraph   *graph,
                     const char *label,
                     EvalScore  *score)
{
  Matcher matcher = { 0 };

  g_return_if_fail (store != NULL && graph != NULL && score != NULL);

  matcher.store = store;
  matcher.graph = graph;
  matcher.label = label != NULL ? label : "";
  score_evidence (&matcher, score);
}

guint
eval_count_matches (EvalAnnotation *annotation,
                    EntGraph       *graph,
                    const char     *id)
{
  EvalEntity *entity = g_hash_table_lookup (annotation->entity_by_id, id);
  guint n = 0;

  g_return_val_if_fail (entity != NULL, 0);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntGraphEntity *graph_entity = ent_graph_get_entity (graph, i);
      g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

      if (graph_entity->type != entity->type)
        continue;
      collect_candidates (annotation, graph_entity, candidates);
      if (g_ptr_array_find (candidates, entity, NULL))
        n++;
    }

  return n;
}

void
eval_score_add (EvalScore       *total,
                const EvalScore *part)
{
  total->entities += part->entities;
  total->entities_found += part->entities_found;
  total->entities_duplicated += part->entities_duplicated;
  total->entities_mistyped += part->entities_mistyped;
  total->graph_entities += part->graph_entities;
  total->graph_entities_correct += part->graph_entities_correct;
  total->relations += part->relations;
  total->relations_found += part->relations_found;
  total->relations_found_ignoring_role += part->relations_found_ignoring_role;
  total->graph_relations += part->graph_relations;
  total->graph_relations_correct += part->graph_relations_correct;
  total->graph_relations_off_ontology += part->graph_relations_off_ontology;
  total->evidence += part->evidence;
  total->evidence_verbatim += part->evidence_verbatim;
}

static double
ratio (guint part,
       guint whole)
{
  /* Nothing to find counts as everything found; nothing produced as nothing wrong. */
  return whole == 0 ? 1.0 : (double) part / whole;
}

double
eval_entity_recall (const EvalScore *score)
{
  return ratio (score->entities_found, score->entities);
}

double
eval_entity_precision (const EvalScore *score)
{
  return ratio (score->graph_entities_correct, score->graph_entities);
}

double
eval_relation_recall (const EvalScore *score)
{
  return ratio (score->relations_found, score->relations);
}

double
eval_relation_precision (const EvalScore *score)
{
  return ratio (score->graph_relations_correct, score->graph_relations);
}

void
eval_score_report (const char      *label,
                   const EvalScore *score)
{
  g_test_message ("%s: entity recall %.3f (%u of %u; %u duplicated, %u wrong type), "
                  "entity precision %.3f (%u of %u)",
                  label, eval_entity_recall (score), score->entities_found, score->entities,
                  score->entities_duplicated, score->entities_mistyped,
                  eval_entity_precision (score), score->graph_entities_correct, score->graph_entities);
  g_test_message ("%s: relation recall %.3f (%u of %u; %.3f ignoring holds_office roles), "
                  "relation precision %.3f (%u of %u; %u outside the ontology's types)",
                  label, eval_relation_recall (score), score->relations_found, score->relations,
                  ratio (score->relations_found_ignoring_role, score->relations),
                  eval_relation_precision (score), score->graph_relations_correct,
                  score->graph_relations, score->graph_relations_off_ontology);
  g_test_message ("%s: evidence verbatim %u of %u", label, score->evidence_verbatim, score->evidence);
}
