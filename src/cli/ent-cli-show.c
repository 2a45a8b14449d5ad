/* ent-cli-show.c — entente show [--db FILE] NAME: an entity card.
 *
 * The type, other names, offices, attributes and claims with their sources,
 * then every relation grouped by type, each with the entity at the other end
 * and every sentence it was read from, with that document's title and date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ent-cli-private.h"
#include "ent-text.h"

/* Everything printed here comes from documents or file names, and may
 * hold escape sequences that a terminal would run: they are shown as
 * "\x1b". */
#define ESC(text) ent_text_escape_controls (text)

/* A sentence on one line, as documents may wrap them. */
static char *
one_line (const char *text)
{
  g_autofree char *line = g_strdup (text != NULL ? text : "");

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\t' || *p == '\r')
      *p = ' ';

  return ESC (line);
}

static char *
describe_document (EntGraph *graph,
                   guint     index)
{
  EntGraphDocument *document = ent_graph_get_document (graph, index);
  g_autofree char *title = ESC (document->title);
  g_autofree char *date = ESC (document->date);

  if (date != NULL)
    return g_strdup_printf ("%s, %s", title, date);
  return g_steal_pointer (&title);
}

static void
print_sentence (EntGraph   *graph,
                guint       document,
                const char *text,
                const char *indent)
{
  g_autofree char *line = one_line (text);
  g_autofree char *source = describe_document (graph, document);

  g_print ("%s“%s” — %s\n", indent, line, source);
}

static void
print_roles (EntGraph *graph,
             guint     entity)
{
  EntGraphEntity *card = ent_graph_get_entity (graph, entity);
  g_autoptr(GString) roles = g_string_new (NULL);

  for (guint i = 0; i < card->relations->len; i++)
    {
      guint index = g_array_index (card->relations, guint, i);
      EntGraphRelation *relation = ent_graph_get_relation (graph, index);
      g_autofree char *role = NULL;
      g_autofree char *target = NULL;

      if (relation->type != ENT_RELATION_HOLDS_OFFICE || relation->source != entity)
        continue;
      role = ESC (g_hash_table_lookup (relation->attributes, "role"));
      target = ESC (ent_graph_get_entity (graph, relation->target)->name);
      g_string_append_printf (roles, "%s%s%s%s", roles->len > 0 ? "; " : "",
                              role != NULL ? role : "", role != NULL ? _(" of ") : "", target);
    }

  if (roles->len > 0)
    g_print (_("Roles: %s\n"), roles->str);
}

static void
print_header (EntGraph *graph,
              guint     entity)
{
  EntGraphEntity *card = ent_graph_get_entity (graph, entity);
  g_autofree char *name = ESC (card->name);

  g_print ("%s (%s)\n", name, ent_entity_type_to_string (card->type));
  if (card->aliases->len > 0)
    {
      g_autoptr(GString) aliases = g_string_new (NULL);

      for (guint i = 0; i < card->aliases->len; i++)
        {
          g_autofree char *alias = ESC (g_ptr_array_index (card->aliases, i));

          g_string_append_printf (aliases, "%s%s", i > 0 ? ", " : "", alias);
        }
      g_print (_("Also called: %s\n"), aliases->str);
    }
  print_roles (graph, entity);
  g_print (_("Mentioned %u times in %u documents\n"), card->mentions, card->n_sources);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
print_attributes (EntGraphEntity *card)
{
  g_autofree gpointer *keys = NULL;
  guint n;

  if (g_hash_table_size (card->attributes) == 0)
    return;

  keys = g_hash_table_get_keys_as_array (card->attributes, &n);
  g_qsort_with_data (keys, n, sizeof (gpointer), compare_keys, NULL);
  g_print (_("Attributes:\n"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = ESC (keys[i]);
      g_autofree char *value = ESC (g_hash_table_lookup (card->attributes, keys[i]));

      g_print ("  %s: %s\n", key, value);
    }
}

static void
print_claims (EntGraph       *graph,
              EntGraphEntity *card)
{
  if (card->claims->len == 0)
    return;

  g_print (_("Claims:\n"));
  for (guint i = 0; i < card->claims->len; i++)
    {
      EntGraphClaim *claim = g_ptr_array_index (card->claims, i);
      g_autofree char *attribute = ESC (claim->attribute);
      g_autofree char *value = ESC (claim->value);

      g_print ("  %s: %s\n", attribute, value);
      print_sentence (graph, claim->document, claim->text, "    ");
    }
}

static void
print_relation (EntGraph *graph,
                guint     entity,
                guint     index)
{
  EntGraphRelation *relation = ent_graph_get_relation (graph, index);
  EntGraphEntity *other = ent_graph_get_entity (graph, ent_graph_relation_other (graph, index, entity));
  g_autofree char *role = ESC (g_hash_table_lookup (relation->attributes, "role"));
  g_autofree char *name = ESC (other->name);
  const char *arrow = "—";

  /* Which way a directed relation goes, seen from this entity. */
  if (!ent_relation_type_is_symmetric (relation->type))
    arrow = relation->source == entity ? "→" : "←";

  g_print ("  %s %s (%s)", arrow, name, ent_entity_type_to_string (other->type));
  if (role != NULL)
    g_print (_(", as %s"), role);
  g_print (_(" — sources: %u\n"), relation->weight);

  for (guint i = 0; i < relation->evidence->len; i++)
    {
      EntGraphEvidence *evidence = g_ptr_array_index (relation->evidence, i);

      print_sentence (graph, evidence->document, evidence->text, "      ");
    }
}

static void
print_relations (EntGraph *graph,
                 guint     entity)
{
  EntGraphEntity *card = ent_graph_get_entity (graph, entity);

  for (guint type = 0; type < ENT_N_RELATION_TYPES; type++)
    {
      gboolean heading = FALSE;

      for (guint i = 0; i < card->relations->len; i++)
        {
          guint index = g_array_index (card->relations, guint, i);

          if (ent_graph_get_relation (graph, index)->type != type)
            continue;
          if (!heading)
            g_print ("\n%s:\n", ent_relation_type_to_label (type));
          heading = TRUE;
          print_relation (graph, entity, index);
        }
    }
}

int
ent_cli_show (int    argc,
              char **argv)
{
  g_autofree char *db = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("The project file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME — an entity with its relations and evidence"));
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autofree char *name = NULL;
  guint entity;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ent_cli_parse_options (context, "show", &args))
    return ENT_CLI_STATUS_USAGE;
  if (g_strv_length (args) < 2)
    return ent_cli_usage_error ("show", _("no entity name given"));

  /* "entente show Alexander Lukashenko" without quotes means the same. */
  name = g_strjoinv (" ", args + 1);

  store = ent_cli_open_project (db, FALSE);
  if (store == NULL)
    return ENT_CLI_STATUS_FAILED;
  graph = ent_cli_load_graph (store);
  if (graph == NULL)
    return ENT_CLI_STATUS_FAILED;
  if (!ent_cli_find_entity (graph, name, &entity))
    return ENT_CLI_STATUS_FAILED;

  print_header (graph, entity);
  print_attributes (ent_graph_get_entity (graph, entity));
  print_claims (graph, ent_graph_get_entity (graph, entity));
  print_relations (graph, entity);

  return ENT_CLI_STATUS_OK;
}
