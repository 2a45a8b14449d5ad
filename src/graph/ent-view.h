/* ent-view.h — which entities and relations of an EntGraph are shown.
 *
 * A view is a set of entity indices and relation indices of one EntGraph,
 * computed under a filter (entity types shown, relation types shown, minimum
 * weight). Views are immutable and reference-counted: "expand" and "hide"
 * return a new view, so the window keeps old ones for Back/Forward at the
 * price of a pointer. Every constructor runs in linear time in the part of the
 * graph it touches (microseconds to a few milliseconds on 5,000 entities).
 *
 * A view remembers how it was made (whole graph, focus, path or explicit set,
 * followed by its expand/hide steps), so ent_view_with_filter() can replay the
 * same recipe under another filter: hiding a relation type and showing it again
 * gives back the same view.
 *
 * Entity and relation indices are those of the EntGraph (EntGraph.entities,
 * EntGraph.relations). Arrays returned by the view are sorted ascending.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ent-graph.h"

G_BEGIN_DECLS

/* "No entity" for ent_view_get_focus() and similar. */
#define ENT_VIEW_NONE G_MAXUINT

/* Bit masks of types: 1 << EntEntityType, 1 << EntRelationType. */
#define ENT_VIEW_ALL_ENTITY_TYPES   ((1u << ENT_N_ENTITY_TYPES) - 1)
#define ENT_VIEW_ALL_RELATION_TYPES ((1u << ENT_N_RELATION_TYPES) - 1)

typedef struct {
  guint    entity_types;    /* mask of shown entity types */
  guint    relation_types;  /* mask of shown relation types */
  guint    min_weight;      /* relations with fewer distinct sources are hidden (0 or 1: all) */
  guint    min_sources;     /* entities mentioned by fewer documents are hidden (0 or 1: all) */
  gboolean hide_isolated;   /* whole-graph views leave out entities with no shown relation */
} EntViewFilter;

/* The default filter: every entity type, every relation type except
 * co_mentioned (a weak link, hidden by default), no minimum, isolated
 * entities shown. */
void      ent_view_filter_init_default      (EntViewFilter   *filter);
void      ent_view_filter_set_entity_type   (EntViewFilter   *filter,
                                             EntEntityType    type,
                                             gboolean         shown);
void      ent_view_filter_set_relation_type (EntViewFilter   *filter,
                                             EntRelationType  type,
                                             gboolean         shown);
gboolean  ent_view_filter_shows_entity_type   (const EntViewFilter *filter,
                                               EntEntityType        type);
gboolean  ent_view_filter_shows_relation_type (const EntViewFilter *filter,
                                               EntRelationType      type);
/* Whether the filter lets @entity (resp. @relation, both of its ends
 * included) through, regardless of any view. */
gboolean  ent_view_filter_accepts_entity    (const EntViewFilter *filter,
                                             EntGraph            *graph,
                                             guint                entity);
gboolean  ent_view_filter_accepts_relation  (const EntViewFilter *filter,
                                             EntGraph            *graph,
                                             guint                relation);
gboolean  ent_view_filter_equal             (const EntViewFilter *a,
                                             const EntViewFilter *b);

typedef struct _EntView EntView;

typedef enum {
  ENT_VIEW_KIND_ALL,       /* the whole (filtered) graph */
  ENT_VIEW_KIND_FOCUS,     /* the ego network of one entity */
  ENT_VIEW_KIND_PATH,      /* shortest paths between two entities */
  ENT_VIEW_KIND_ENTITIES,  /* an explicit set of entities */
} EntViewKind;

GType     ent_view_get_type        (void) G_GNUC_CONST;
#define ENT_TYPE_VIEW (ent_view_get_type ())

EntView  *ent_view_ref             (EntView *view);
void      ent_view_unref           (EntView *view);

/* @filter may be NULL for the default filter. */

/* Every entity and relation the filter accepts. */
EntView  *ent_view_new_all         (EntGraph            *graph,
                                    const EntViewFilter *filter);

/* The ego network of @entity: every shown entity within @depth (1..3, clamped)
 * shown relations of it, and every shown relation among them. @entity itself
 * is always in the view, even when its type is filtered out. */
EntView  *ent_view_new_focus       (EntGraph            *graph,
                                    const EntViewFilter *filter,
                                    guint                entity,
                                    guint                depth);

/* Like ent_view_new_focus(), but stops growing at @max_entities (0: no limit):
 * the last ring keeps the neighbours with the heaviest links to the ring
 * before it, so the focus of a hub stays readable. */
EntView  *ent_view_new_focus_limited (EntGraph            *graph,
                                      const EntViewFilter *filter,
                                      guint                entity,
                                      guint                depth,
                                      guint                max_entities);

/* The shortest paths between @from and @to over shown relations, direction
 * ignored (breadth-first, each relation counts 1). @max_paths 0 gives every
 * shortest path; otherwise the union of at most @max_paths of them, heaviest
 * first. Without any path, the view holds @from and @to and no relation
 * (ent_view_get_path_length() returns ENT_VIEW_NONE). */
EntView  *ent_view_new_path        (EntGraph            *graph,
                                    const EntViewFilter *filter,
                                    guint                from,
                                    guint                to,
                                    guint                max_paths);

/* The given entities (indices out of range are ignored; the filter does not
 * remove them) and every shown relation among them. */
EntView  *ent_view_new_entities    (EntGraph            *graph,
                                    const EntViewFilter *filter,
                                    const guint         *entities,
                                    guint                n_entities);

/* @view plus @entity and its shown neighbours, with every shown relation
 * among the resulting set. */
EntView  *ent_view_expand          (EntView             *view,
                                    guint                entity);

/* @view without @entity and its relations. Hiding the focus of a focus view
 * is allowed (the focus is then ENT_VIEW_NONE). */
EntView  *ent_view_hide            (EntView             *view,
                                    guint                entity);

/* The same recipe (kind, focus, path ends, expand and hide steps) replayed
 * under @filter. Returns a new reference to @view when the filter is equal. */
EntView  *ent_view_with_filter     (EntView             *view,
                                    const EntViewFilter *filter);

EntGraph            *ent_view_get_graph        (EntView *view);
const EntViewFilter *ent_view_get_filter       (EntView *view);
EntViewKind          ent_view_get_kind         (EntView *view);
/* The focus of a focus view (ENT_VIEW_NONE otherwise), its depth (0 otherwise). */
guint                ent_view_get_focus        (EntView *view);
guint                ent_view_get_depth        (EntView *view);
/* The two ends of a path view (ENT_VIEW_NONE otherwise), and the number of
 * relations on each shortest path (ENT_VIEW_NONE when there is none). */
guint                ent_view_get_path_from    (EntView *view);
guint                ent_view_get_path_to      (EntView *view);
guint                ent_view_get_path_length  (EntView *view);

/* Sorted ascending; owned by the view. */
const guint         *ent_view_get_entities     (EntView *view,
                                                guint   *n_entities);
const guint         *ent_view_get_relations    (EntView *view,
                                                guint   *n_relations);
guint                ent_view_get_n_entities   (EntView *view);
guint                ent_view_get_n_relations  (EntView *view);
/* Constant time. */
gboolean             ent_view_contains_entity   (EntView *view,
                                                 guint    entity);
gboolean             ent_view_contains_relation (EntView *view,
                                                 guint    relation);
/* Neighbours of @entity inside the view (through relations of the view),
 * sorted, without duplicates. Free with g_array_unref(). */
GArray              *ent_view_get_neighbours    (EntView *view,
                                                 guint    entity);

/* Same graph, same entities, same relations. */
gboolean             ent_view_equal            (EntView *a,
                                                EntView *b);

/* The entities of @view that are not in @previous (@previous may be NULL:
 * everything is new): these fade in when the window animates from one view to
 * the next. (element-type guint), sorted. Free with g_array_unref(). */
GArray              *ent_view_diff_new_entities (EntView *view,
                                                 EntView *previous);
/* The entities of @previous that are gone from @view. */
GArray              *ent_view_diff_removed_entities (EntView *view,
                                                     EntView *previous);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntView, ent_view_unref)

G_END_DECLS
