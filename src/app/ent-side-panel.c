/* ent-side-panel.c — the details of what is selected.
 *
 * The pages are rebuilt from the graph snapshot each time the selection
 * changes: they are short (long lists are capped), and the snapshot is
 * immutable, so nothing has to be kept in sync.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-side-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "ent-side-panel.h"
#include "ent-theme.h"

/* Beyond these, lists say how many more there are instead of growing. */
#define MAX_RELATIONS_PER_TYPE 40
#define MAX_EVIDENCE           60
#define MAX_DOCUMENTS          100
#define MAX_CLAIMS             20
/* A document longer than this shows the part around the sentence. */
#define MAX_DOCUMENT_CHARS     400000

struct _EntSidePanel
{
  GtkWidget    parent_instance;

  EntProject  *project;
  EntGraph    *graph;
  char        *heading;
  char        *return_page;

  GtkStack    *stack;
  GtkBox      *overview_box;
  GtkBox      *entity_box;
  GtkBox      *relation_box;
  GtkLabel    *document_title;
  GtkLabel    *document_meta;
  GtkTextView *document_view;
  GtkTextTag  *highlight_tag;
};

enum {
  ENTITY_ACTIVATED,
  RELATION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static GQuark index_quark;

G_DEFINE_FINAL_TYPE (EntSidePanel, ent_side_panel, GTK_TYPE_WIDGET)

/* Helpers ----------------------------------------------------------------- */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
add_label (GtkBox     *box,
           const char *markup,
           const char *style_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  gtk_box_append (box, label);
  return label;
}

static GtkWidget *
add_text (GtkBox     *box,
          const char *text,
          const char *style_class)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return add_label (box, escaped, style_class);
}

static void
add_section_heading (GtkBox     *box,
                     const char *text)
{
  GtkWidget *label = add_text (box, text, "heading");

  gtk_widget_set_margin_top (label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
}

static void
set_heading (EntSidePanel *self,
             const char   *heading)
{
  g_free (self->heading);
  self->heading = g_strdup (heading);
}

static void show_document_at_sentence (EntSidePanel *self,
                                       guint         document,
                                       const char   *sentence);

static void
set_graph (EntSidePanel *self,
           EntGraph     *graph)
{
  if (self->graph == graph)
    return;
  g_clear_pointer (&self->graph, ent_graph_unref);
  self->graph = ent_graph_ref (graph);
}

static void
entity_button_clicked_cb (GtkButton    *button,
                          EntSidePanel *self)
{
  guint entity = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (button), index_quark));

  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, entity);
}

static void
relation_button_clicked_cb (GtkButton    *button,
                            EntSidePanel *self)
{
  guint relation = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (button), index_quark));

  g_signal_emit (self, signals[RELATION_ACTIVATED], 0, relation);
}

static void
document_button_clicked_cb (GtkButton    *button,
                            EntSidePanel *self)
{
  guint document = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (button), index_quark));
  gsize start = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "start"));
  gsize end = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "end"));

  ent_side_panel_show_document (self, self->graph, document, start, end);
}

static GtkWidget *
link_button_new (EntSidePanel *self,
                 const char   *label,
                 guint         index,
                 GCallback     callback)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *child = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (child), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
  gtk_button_set_child (GTK_BUTTON (button), child);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "link-row");
  gtk_widget_set_tooltip_text (button, label);
  g_object_set_qdata (G_OBJECT (button), index_quark, GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
entity_title_new (EntGraphEntity *entity)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *title = gtk_label_new (entity->name);

  gtk_box_append (GTK_BOX (row), ent_theme_type_swatch_new (entity->type, 20));
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (row), title);
  return row;
}

/* @text as Pango markup with every occurrence of the names and aliases of
 * @entities in bold: the reader sees at once why the sentence counts. */
static char *
highlight_names (EntGraph    *graph,
                 const char  *text,
                 const guint *entities,
                 guint        n_entities)
{
  g_autoptr(GString) pattern = g_string_new ("\\b(?:");
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  gboolean first = TRUE;
  gsize done = 0;

  for (guint i = 0; i < n_entities; i++)
    {
      EntGraphEntity *entity = ent_graph_get_entity (graph, entities[i]);

      for (guint j = 0; j <= entity->aliases->len; j++)
        {
          const char *name = j == 0 ? entity->name : g_ptr_array_index (entity->aliases, j - 1);
          g_autofree char *escaped = NULL;

          if (name == NULL || *name == '\0')
            continue;
          escaped = g_regex_escape_string (name, -1);
          g_string_append_printf (pattern, "%s%s", first ? "" : "|", escaped);
          first = FALSE;
        }
    }
  g_string_append (pattern, ")\\b");

  if (!first)
    regex = g_regex_new (pattern->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  if (regex == NULL)
    return g_markup_escape_text (text, -1);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int start, end;
      g_autofree char *before = NULL;
      g_autofree char *name = NULL;

      g_match_info_fetch_pos (match, 0, &start, &end);
      before = g_markup_escape_text (text + done, start - done);
      name = g_markup_escape_text (text + start, end - start);
      g_string_append_printf (markup, "%s<b>%s</b>", before, name);
      done = end;
      g_match_info_next (match, NULL);
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + done, -1);
    g_string_append (markup, rest);
  }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static char *
document_caption (EntGraphDocument *document)
{
  g_autoptr(GString) caption = g_string_new (NULL);

  if (document->date != NULL)
    g_string_append (caption, document->date);
  if (document->source != NULL)
    g_string_append_printf (caption, "%s%s", caption->len > 0 ? " · " : "", document->source);
  if (caption->len == 0 && document->path != NULL)
    {
      g_autofree char *base = g_path_get_basename (document->path);
      g_string_append (caption, base);
    }
  return g_string_free (g_steal_pointer (&caption), FALSE);
}

static GtkWidget *
document_button_new (EntSidePanel     *self,
                     guint             index,
                     EntGraphDocument *document,
                     gsize             start,
                     gsize             end)
{
  GtkWidget *button = link_button_new (self, document->title, index,
                                       G_CALLBACK (document_button_clicked_cb));

  g_object_set_data (G_OBJECT (button), "start", GSIZE_TO_POINTER (start));
  g_object_set_data (G_OBJECT (button), "end", GSIZE_TO_POINTER (end));
  gtk_widget_set_tooltip_text (button, _("Read the document"));
  return button;
}

/* Overview ---------------------------------------------------------------- */

void
ent_side_panel_show_overview (EntSidePanel *self,
                              EntView      *view)
{
  EntGraph *graph;
  g_autofree char *counts = NULL;

  g_return_if_fail (ENT_IS_SIDE_PANEL (self));

  clear_box (self->overview_box);
  set_heading (self, _("Nothing Selected"));
  gtk_stack_set_visible_child_name (self->stack, "overview");

  add_text (self->overview_box, _("Nothing Selected"), "title-2");
  add_text (self->overview_box,
            _("Click an entity or a connection to see where it comes from. "
              "Double-click an entity to focus on its neighbourhood."),
            "dim-label");

  if (view == NULL)
    return;

  graph = ent_view_get_graph (view);
  set_graph (self, graph);

  add_section_heading (self->overview_box, _("This View"));
  counts = g_strdup_printf (_("%u of %u entities, %u of %u relations"),
                            ent_view_get_n_entities (view), graph->entities->len,
                            ent_view_get_n_relations (view), graph->relations->len);
  add_text (self->overview_box, counts, NULL);

  add_section_heading (self->overview_box,
                       g_dngettext (NULL, "Source", "Sources", graph->documents->len));
  for (guint i = 0; i < graph->documents->len && i < MAX_DOCUMENTS; i++)
    {
      EntGraphDocument *document = ent_graph_get_document (graph, i);
      g_autofree char *caption = document_caption (document);
      GtkWidget *button = document_button_new (self, i, document, 0, 0);

      gtk_box_append (self->overview_box, button);
      if (*caption != '\0')
        gtk_widget_set_margin_start (add_text (self->overview_box, caption, "caption"), 10);
    }
  if (graph->documents->len > MAX_DOCUMENTS)
    {
      g_autofree char *more = g_strdup_printf (_("and %u more"),
                                               graph->documents->len - MAX_DOCUMENTS);
      add_text (self->overview_box, more, "dim-label");
    }
}

/* Entity ------------------------------------------------------------------ */

static int
compare_relations (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  EntGraph *graph = user_data;
  EntGraphRelation *ra = ent_graph_get_relation (graph, *(const guint *) a);
  EntGraphRelation *rb = ent_graph_get_relation (graph, *(const guint *) b);

  if (ra->weight != rb->weight)
    return ra->weight > rb->weight ? -1 : 1;
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

static char *
entity_roles (EntGraph       *graph,
              guint           index,
              EntGraphEntity *entity)
{
  g_autoptr(GString) roles = g_string_new (NULL);

  for (guint i = 0; i < entity->relations->len; i++)
    {
      guint r = g_array_index (entity->relations, guint, i);
      EntGraphRelation *relation = ent_graph_get_relation (graph, r);
      const char *role;

      if (relation->type != ENT_RELATION_HOLDS_OFFICE || relation->source != index)
        continue;
      role = g_hash_table_lookup (relation->attributes, "role");
      if (roles->len > 0)
        g_string_append (roles, "\n");
      if (role != NULL)
        /* Translators: a role and where it is held: "President of Iran". */
        g_string_append_printf (roles, _("%s of %s"), role,
                                ent_graph_get_entity (graph, relation->target)->name);
      else
        g_string_append_printf (roles, _("Office in %s"),
                                ent_graph_get_entity (graph, relation->target)->name);
    }
  return roles->len > 0 ? g_string_free (g_steal_pointer (&roles), FALSE) : NULL;
}

static void
add_entity_facts (EntSidePanel   *self,
                  EntGraph       *graph,
                  guint           index,
                  EntGraphEntity *entity)
{
  g_autofree char *roles = entity_roles (graph, index, entity);
  g_autofree char *counts = NULL;
  g_autofree char *mentions = NULL;
  const char *kind = g_hash_table_lookup (entity->attributes, "kind");

  if (kind != NULL)
    {
      g_autofree char *type = g_strdup_printf ("%s · %s", ent_entity_type_to_label (entity->type), kind);
      add_text (self->entity_box, type, "dim-label");
    }
  else
    add_text (self->entity_box, ent_entity_type_to_label (entity->type), "dim-label");

  mentions = g_strdup_printf (g_dngettext (NULL, "%u mention", "%u mentions", entity->mentions),
                              entity->mentions);
  counts = g_strdup_printf (g_dngettext (NULL, "%s in %u source", "%s in %u sources", entity->n_sources),
                            mentions, entity->n_sources);
  add_text (self->entity_box, counts, NULL);

  if (entity->aliases->len > 0)
    {
      g_autoptr(GString) aliases = g_string_new (NULL);

      for (guint i = 0; i < entity->aliases->len; i++)
        g_string_append_printf (aliases, "%s%s", i > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (entity->aliases, i));
      add_section_heading (self->entity_box, _("Also Known As"));
      gtk_label_set_selectable (GTK_LABEL (add_text (self->entity_box, aliases->str, NULL)), TRUE);
    }

  if (roles != NULL)
    {
      add_section_heading (self->entity_box, _("Roles"));
      add_text (self->entity_box, roles, NULL);
    }
}

static void
claim_clicked_cb (GtkButton    *button,
                  EntSidePanel *self)
{
  guint document = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (button), index_quark));
  const char *sentence = g_object_get_data (G_OBJECT (button), "sentence");

  show_document_at_sentence (self, document, sentence);
}

/* What the sources state about the entity beyond its relations (a count, a
 * date, a title), each with the sentence it comes from. */
static void
add_entity_claims (EntSidePanel   *self,
                   EntGraph       *graph,
                   EntGraphEntity *entity)
{
  if (entity->claims == NULL || entity->claims->len == 0)
    return;

  add_section_heading (self->entity_box, _("Stated in the Sources"));
  for (guint i = 0; i < entity->claims->len && i < MAX_CLAIMS; i++)
    {
      EntGraphClaim *claim = g_ptr_array_index (entity->claims, i);
      g_autofree char *label = g_strdup_printf ("%s: %s", claim->attribute, claim->value);
      GtkWidget *button = link_button_new (self, label, claim->document, G_CALLBACK (claim_clicked_cb));

      g_object_set_data_full (G_OBJECT (button), "sentence", g_strdup (claim->text), g_free);
      gtk_widget_set_tooltip_text (button, claim->text);
      gtk_box_append (self->entity_box, button);
    }
}

static GtkWidget *
relation_row_new (EntSidePanel *self,
                  EntGraph     *graph,
                  guint         index,
                  guint         r,
                  EntView      *view)
{
  EntGraphRelation *relation = ent_graph_get_relation (graph, r);
  guint other = ent_graph_relation_other (graph, r, index);
  EntGraphEntity *counterpart = ent_graph_get_entity (graph, other);
  const char *role = g_hash_table_lookup (relation->attributes, "role");
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name;
  GtkWidget *sources;
  g_autofree char *label = NULL;
  g_autofree char *weight = NULL;
  const char *arrow = "";

  /* Which way the relation goes, from this entity's side. */
  if (!ent_relation_type_is_symmetric (relation->type))
    arrow = relation->source == index ? "→ " : "← ";
  label = g_strdup_printf ("%s%s", arrow, counterpart->name);

  name = link_button_new (self, label, other, G_CALLBACK (entity_button_clicked_cb));
  if (role != NULL)
    {
      GtkBox *lines = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
      GtkWidget *first = gtk_button_get_child (GTK_BUTTON (name));

      g_object_ref (first);
      gtk_button_set_child (GTK_BUTTON (name), GTK_WIDGET (lines));
      gtk_box_append (lines, first);
      g_object_unref (first);
      gtk_widget_add_css_class (add_text (lines, role, "caption"), "dim-label");
    }
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_tooltip_text (name, counterpart->name);
  if (view != NULL && !ent_view_contains_entity (view, other))
    gtk_widget_add_css_class (name, "outside-view");
  gtk_box_append (GTK_BOX (row), name);

  weight = g_strdup_printf (g_dngettext (NULL, "%u source", "%u sources", relation->weight),
                            relation->weight);
  sources = link_button_new (self, weight, r, G_CALLBACK (relation_button_clicked_cb));
  gtk_widget_add_css_class (sources, "caption");
  gtk_widget_set_valign (sources, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (sources, _("Show the evidence"));
  gtk_box_append (GTK_BOX (row), sources);

  return row;
}

static void
add_entity_relations (EntSidePanel   *self,
                      EntGraph       *graph,
                      guint           index,
                      EntGraphEntity *entity,
                      EntView        *view)
{
  GArray *by_type[ENT_N_RELATION_TYPES] = { NULL, };

  for (guint i = 0; i < entity->relations->len; i++)
    {
      guint r = g_array_index (entity->relations, guint, i);
      EntRelationType type = ent_graph_get_relation (graph, r)->type;

      if (by_type[type] == NULL)
        by_type[type] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (by_type[type], r);
    }

  if (entity->relations->len == 0)
    {
      add_section_heading (self->entity_box, _("Relations"));
      add_text (self->entity_box, _("No relation found in the sources."), "dim-label");
      return;
    }

  /* The ontology's order, which puts weak co-mentions last. */
  for (guint t = 0; t < ENT_N_RELATION_TYPES; t++)
    {
      GArray *relations = by_type[t];
      g_autofree char *title = NULL;

      if (relations == NULL)
        continue;
      g_array_sort_with_data (relations, compare_relations, graph);
      title = g_strdup_printf ("%s (%u)", ent_relation_type_to_label (t), relations->len);
      add_section_heading (self->entity_box, title);

      for (guint i = 0; i < relations->len && i < MAX_RELATIONS_PER_TYPE; i++)
        gtk_box_append (self->entity_box,
                        relation_row_new (self, graph, index, g_array_index (relations, guint, i), view));
      if (relations->len > MAX_RELATIONS_PER_TYPE)
        {
          g_autofree char *more = g_strdup_printf (_("and %u more"),
                                                   relations->len - MAX_RELATIONS_PER_TYPE);
          add_text (self->entity_box, more, "dim-label");
        }
    }

  for (guint t = 0; t < ENT_N_RELATION_TYPES; t++)
    g_clear_pointer (&by_type[t], g_array_unref);
}

static GtkWidget *
action_button_new (const char *label,
                   const char *action,
                   const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

void
ent_side_panel_show_entity (EntSidePanel *self,
                            EntView      *view,
                            guint         index)
{
  EntGraph *graph;
  EntGraphEntity *entity;
  GtkWidget *actions;

  g_return_if_fail (ENT_IS_SIDE_PANEL (self));
  g_return_if_fail (view != NULL);

  graph = ent_view_get_graph (view);
  g_return_if_fail (index < graph->entities->len);

  set_graph (self, graph);
  entity = ent_graph_get_entity (graph, index);

  clear_box (self->entity_box);
  set_heading (self, entity->name);

  gtk_box_append (self->entity_box, entity_title_new (entity));
  add_entity_facts (self, graph, index, entity);
  add_entity_claims (self, graph, entity);

  actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_margin_top (actions, 12);
  gtk_widget_add_css_class (actions, "linked");
  gtk_box_append (GTK_BOX (actions), action_button_new (_("_Focus"), "win.focus-selection",
                                                        _("Show only its neighbourhood (Enter)")));
  gtk_box_append (GTK_BOX (actions), action_button_new (_("_Expand"), "win.expand-selection",
                                                        _("Add its neighbours to the view (Shift+Enter)")));
  gtk_box_append (GTK_BOX (actions), action_button_new (_("_Hide"), "win.hide-selection",
                                                        _("Remove it from the view (Delete)")));
  gtk_box_append (self->entity_box, actions);

  add_entity_relations (self, graph, index, entity, view);

  gtk_stack_set_visible_child_name (self->stack, "entity");
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (
    gtk_widget_get_parent (GTK_WIDGET (self->entity_box)))), 0);
}

/* Relation ---------------------------------------------------------------- */

static void
add_evidence (EntSidePanel     *self,
              EntGraph         *graph,
              EntGraphRelation *relation,
              EntGraphEvidence *evidence)
{
  guint ends[2] = { relation->source, relation->target };
  EntGraphDocument *document = ent_graph_get_document (graph, evidence->document);
  g_autofree char *markup = highlight_names (graph, evidence->text, ends, 2);
  g_autofree char *caption = document_caption (document);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *sentence;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "evidence");
  gtk_widget_set_margin_top (card, 6);

  sentence = add_label (GTK_BOX (card), markup, "evidence-sentence");
  gtk_label_set_selectable (GTK_LABEL (sentence), TRUE);
  gtk_box_append (GTK_BOX (card),
                  document_button_new (self, evidence->document, document,
                                       evidence->start, evidence->end));
  if (*caption != '\0')
    add_text (GTK_BOX (card), caption, "caption");

  gtk_box_append (self->relation_box, card);
}

void
ent_side_panel_show_relation (EntSidePanel *self,
                              EntView      *view,
                              guint         index)
{
  EntGraph *graph;
  EntGraphRelation *relation;
  EntGraphEntity *source, *target;
  GtkWidget *ends;
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (ENT_IS_SIDE_PANEL (self));
  g_return_if_fail (view != NULL);

  graph = ent_view_get_graph (view);
  g_return_if_fail (index < graph->relations->len);

  set_graph (self, graph);
  relation = ent_graph_get_relation (graph, index);
  source = ent_graph_get_entity (graph, relation->source);
  target = ent_graph_get_entity (graph, relation->target);

  clear_box (self->relation_box);
  heading = g_strdup_printf ("%s %s %s", source->name,
                             ent_relation_type_is_symmetric (relation->type) ? "—" : "→",
                             target->name);
  set_heading (self, heading);

  add_text (self->relation_box, ent_relation_type_to_label (relation->type), "title-2");

  ends = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (ends), link_button_new (self, source->name, relation->source,
                                                   G_CALLBACK (entity_button_clicked_cb)));
  add_text (GTK_BOX (ends),
            ent_relation_type_is_symmetric (relation->type) ? _("and") : "↓",
            "dim-label");
  gtk_box_append (GTK_BOX (ends), link_button_new (self, target->name, relation->target,
                                                   G_CALLBACK (entity_button_clicked_cb)));
  gtk_box_append (self->relation_box, ends);

  g_hash_table_iter_init (&iter, relation->attributes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *line = g_strdup_printf ("%s: %s", (const char *) key, (const char *) value);
      add_text (self->relation_box, line, NULL);
    }

  summary = g_strdup_printf (g_dngettext (NULL, "Evidence from %u source", "Evidence from %u sources",
                                          relation->weight),
                             relation->weight);
  add_section_heading (self->relation_box, summary);

  for (guint i = 0; i < relation->evidence->len && i < MAX_EVIDENCE; i++)
    add_evidence (self, graph, relation, g_ptr_array_index (relation->evidence, i));
  if (relation->evidence->len > MAX_EVIDENCE)
    {
      g_autofree char *more = g_strdup_printf (_("and %u more sentences"),
                                               relation->evidence->len - MAX_EVIDENCE);
      add_text (self->relation_box, more, "dim-label");
    }

  gtk_stack_set_visible_child_name (self->stack, "relation");
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (
    gtk_widget_get_parent (GTK_WIDGET (self->relation_box)))), 0);
}

/* Document ---------------------------------------------------------------- */

/* The text to show and where the sentence falls in it: all of it, or for a
 * very long document the part around the sentence, so the text view stays
 * quick. */
static char *
document_excerpt (const char *text,
                  gsize      *start,
                  gsize      *end,
                  gboolean   *partial)
{
  glong n_chars = g_utf8_strlen (text, -1);
  glong from, to;

  *start = MIN (*start, (gsize) n_chars);
  *end = CLAMP (*end, *start, (gsize) n_chars);
  *partial = n_chars > MAX_DOCUMENT_CHARS;
  if (!*partial)
    return g_strdup (text);

  from = MAX (0, (glong) *start - MAX_DOCUMENT_CHARS / 2);
  to = MIN (n_chars, from + MAX_DOCUMENT_CHARS);
  *start -= from;
  *end -= from;
  return g_utf8_substring (text, from, to);
}

static void
back_clicked_cb (GtkButton    *button,
                 EntSidePanel *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    self->return_page != NULL ? self->return_page : "overview");
}

void
ent_side_panel_show_document (EntSidePanel *self,
                              EntGraph     *graph,
                              guint         index,
                              gsize         start,
                              gsize         end)
{
  EntGraphDocument *document;
  GtkTextBuffer *buffer;
  GtkTextIter begin_iter, end_iter;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *caption = NULL;
  gboolean partial = FALSE;
  const char *current;

  g_return_if_fail (ENT_IS_SIDE_PANEL (self));
  g_return_if_fail (graph != NULL);
  g_return_if_fail (index < graph->documents->len);

  document = ent_graph_get_document (graph, index);
  current = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (current, "document") != 0)
    {
      g_free (self->return_page);
      self->return_page = g_strdup (current);
    }

  set_heading (self, document->title);
  gtk_label_set_label (self->document_title, document->title);
  caption = document_caption (document);
  buffer = gtk_text_view_get_buffer (self->document_view);

  if (self->project != NULL)
    text = ent_project_get_document_text (self->project, document->id, &error);
  if (text == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The text of this document could not be read: %s"),
                                                  error != NULL ? error->message : _("no project"));
      gtk_text_buffer_set_text (buffer, message, -1);
      start = end = 0;
    }
  else
    {
      shown = document_excerpt (text, &start, &end, &partial);
      gtk_text_buffer_set_text (buffer, shown, -1);
    }

  if (partial)
    {
      g_autofree char *note = g_strdup_printf ("%s%s%s", caption,
                                               *caption != '\0' ? " · " : "",
                                               _("a long document: only the part around the sentence is shown"));
      gtk_label_set_label (self->document_meta, note);
    }
  else
    gtk_label_set_label (self->document_meta, caption);
  gtk_widget_set_visible (GTK_WIDGET (self->document_meta),
                          *gtk_label_get_label (self->document_meta) != '\0');

  if (end > start)
    {
      GtkTextMark *mark;

      gtk_text_buffer_get_iter_at_offset (buffer, &begin_iter, (int) start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, (int) end);
      gtk_text_buffer_apply_tag (buffer, self->highlight_tag, &begin_iter, &end_iter);
      gtk_text_buffer_place_cursor (buffer, &begin_iter);
      /* A mark, not an iter: scrolling waits until the text is laid out. */
      mark = gtk_text_buffer_create_mark (buffer, NULL, &begin_iter, TRUE);
      gtk_text_view_scroll_to_mark (self->document_view, mark, 0.0, TRUE, 0.0, 0.3);
      gtk_text_buffer_delete_mark (buffer, mark);
    }
  else
    {
      gtk_text_buffer_get_start_iter (buffer, &begin_iter);
      gtk_text_buffer_place_cursor (buffer, &begin_iter);
    }

  gtk_stack_set_visible_child_name (self->stack, "document");
}

/* Claims keep their sentence but not where it is: find it in the text. */
static void
show_document_at_sentence (EntSidePanel *self,
                           guint         document,
                           const char   *sentence)
{
  EntGraphDocument *doc = ent_graph_get_document (self->graph, document);
  g_autofree char *text = NULL;
  const char *found = NULL;
  gsize start = 0, end = 0;

  if (self->project != NULL && sentence != NULL && *sentence != '\0')
    text = ent_project_get_document_text (self->project, doc->id, NULL);
  if (text != NULL)
    found = strstr (text, sentence);
  if (found != NULL)
    {
      start = g_utf8_pointer_to_offset (text, found);
      end = start + g_utf8_strlen (sentence, -1);
    }
  ent_side_panel_show_document (self, self->graph, document, start, end);
}

/* GObject ----------------------------------------------------------------- */

static void
ent_side_panel_dispose (GObject *object)
{
  EntSidePanel *self = ENT_SIDE_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_SIDE_PANEL);
  g_clear_object (&self->project);
  g_clear_pointer (&self->graph, ent_graph_unref);

  G_OBJECT_CLASS (ent_side_panel_parent_class)->dispose (object);
}

static void
ent_side_panel_finalize (GObject *object)
{
  EntSidePanel *self = ENT_SIDE_PANEL (object);

  g_free (self->heading);
  g_free (self->return_page);

  G_OBJECT_CLASS (ent_side_panel_parent_class)->finalize (object);
}

static void
ent_side_panel_class_init (EntSidePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_side_panel_dispose;
  object_class->finalize = ent_side_panel_finalize;

  /* A counterpart or a relation end was clicked. */
  signals[ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /* "n sources" next to a relation was clicked. */
  signals[RELATION_ACTIVATED] =
    g_signal_new ("relation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/entente/Entente/ent-side-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, EntSidePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, EntSidePanel, overview_box);
  gtk_widget_class_bind_template_child (widget_class, EntSidePanel, entity_box);
  gtk_widget_class_bind_template_child (widget_class, EntSidePanel, relation_box);
  gtk_widget_class_bind_template_child (widget_class, EntSidePanel, document_title);
  gtk_widget_class_bind_template_child (widget_class, EntSidePanel, document_meta);
  gtk_widget_class_bind_template_child (widget_class, EntSidePanel, document_view);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidepanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_REGION);

  index_quark = g_quark_from_static_string ("ent-side-panel-index");
}

static void
ent_side_panel_init (EntSidePanel *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->document_view);
  /* Readable on light and dark backgrounds alike. */
  self->highlight_tag = gtk_text_buffer_create_tag (buffer, "highlight",
                                                    "background", "rgba(246,211,45,0.45)",
                                                    "weight", PANGO_WEIGHT_BOLD,
                                                    NULL);
  ent_side_panel_show_overview (self, NULL);
}

GtkWidget *
ent_side_panel_new (void)
{
  return g_object_new (ENT_TYPE_SIDE_PANEL, NULL);
}

void
ent_side_panel_set_project (EntSidePanel *self,
                            EntProject   *project)
{
  g_return_if_fail (ENT_IS_SIDE_PANEL (self));
  g_return_if_fail (!project || ENT_IS_PROJECT (project));

  g_set_object (&self->project, project);
}

const char *
ent_side_panel_get_page (EntSidePanel *self)
{
  g_return_val_if_fail (ENT_IS_SIDE_PANEL (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
ent_side_panel_get_heading (EntSidePanel *self)
{
  g_return_val_if_fail (ENT_IS_SIDE_PANEL (self), NULL);

  return self->heading;
}
