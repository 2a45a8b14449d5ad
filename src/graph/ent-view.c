/* ent-view.c — which entities and relations of an EntGraph are shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-view"

#include "config.h"

#include <string.h>

#include "ent-view.h"

typedef enum {
  STEP_EXPAND,
  STEP_HIDE,
} StepOp;

typedef struct {
  StepOp op;
  guint  entity;
} Step;

struct _EntView
{
  gatomicrefcount ref_count;
  EntGraph       *graph;
  EntViewFilter   filter;

  /* The recipe, replayed by ent_view_with_filter(). */
  EntViewKind     kind;
  guint           focus;
  guint           depth;
  guint           max_entities;
  guint           path_from;
  guint           path_to;
  guint           max_paths;
  GArray         *base_entities;  /* ENTITIES: as given */
  GArray         *steps;          /* (element-type Step) */

  /* The result. */
  guint           path_length;
  gboolean        focus_hidden;   /* a hide step removed the focus */
  guint8         *entity_mask;    /* one byte per graph entity */
  guint8         *relation_mask;  /* one byte per graph relation */
  GArray         *entities;       /* sorted */
  GArray         *relations;      /* sorted */
};

G_DEFINE_BOXED_TYPE (EntView, ent_view, ent_view_ref, ent_view_unref)

/* Filter */

void
ent_view_filter_init_default (EntViewFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  filter->entity_types = ENT_VIEW_ALL_ENTITY_TYPES;
  filter->relation_types = ENT_VIEW_ALL_RELATION_TYPES & ~(1u << ENT_RELATION_CO_MENTIONED);
}

void
ent_view_filter_set_entity_type (EntViewFilter *filter,
                                 EntEntityType  type,
                                 gboolean       shown)
{
  g_return_if_fail (filter != NULL);
  g_return_if_fail (type < ENT_N_ENTITY_TYPES);

  if (shown)
    filter->entity_types |= 1u << type;
  else
    filter->entity_types &= ~(1u << type);
}

void
ent_view_filter_set_relation_type (EntViewFilter   *filter,
                                   EntRelationType  type,
                                   gboolean         shown)
{
  g_return_if_fail (filter != NULL);
  g_return_if_fail (type < ENT_N_RELATION_TYPES);

  if (shown)
    filter->relation_types |= 1u << type;
  else
    filter->relation_types &= ~(1u << type);
}

gboolean
ent_view_filter_shows_entity_type (const EntViewFilter *filter,
                                   EntEntityType        type)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return type < ENT_N_ENTITY_TYPES && (filter->entity_types & (1u << type)) != 0;
}

gboolean
ent_view_filter_shows_relation_type (const EntViewFilter *filter,
                                     EntRelationType      type)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return type < ENT_N_RELATION_TYPES && (filter->relation_types & (1u << type)) != 0;
}

static gboolean
accepts_entity (const EntViewFilter *filter,
                EntGraph            *graph,
                guint                entity)
{
  EntGraphEntity *e = g_ptr_array_index (graph->entities, entity);

  return (filter->entity_types & (1u << e->type)) != 0
         && e->n_sources >= filter->min_sources;
}

/* The relation's own criteria, ends not considered. */
static gboolean
accepts_relation_itself (const EntViewFilter *filter,
                         EntGraph            *graph,
                         guint                relation)
{
  EntGraphRelation *r = g_ptr_array_index (graph->relations, relation);

  return (filter->relation_types & (1u << r->type)) != 0
         && r->weight >= filter->min_weight;
}

gboolean
ent_view_filter_accepts_entity (const EntViewFilter *filter,
                                EntGraph            *graph,
                                guint                entity)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (entity < graph->entities->len, FALSE);

  return accepts_entity (filter, graph, entity);
}

gboolean
ent_view_filter_accepts_relation (const EntViewFilter *filter,
                                  EntGraph            *graph,
                                  guint                relation)
{
  EntGraphRelation *r;

  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (relation < graph->relations->len, FALSE);

  r = g_ptr_array_index (graph->relations, relation);
  return accepts_relation_itself (filter, graph, relation)
         && accepts_entity (filter, graph, r->source)
         && accepts_entity (filter, graph, r->target);
}

gboolean
ent_view_filter_equal (const EntViewFilter *a,
                       const EntViewFilter *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->entity_types == b->entity_types
         && a->relation_types == b->relation_types
         && MAX (a->min_weight, 1) == MAX (b->min_weight, 1)
         && MAX (a->min_sources, 1) == MAX (b->min_sources, 1)
         && !a->hide_isolated == !b->hide_isolated;
}

/* Construction */

static EntView *
view_alloc (EntGraph            *graph,
            const EntViewFilter *filter,
            EntViewKind          kind)
{
  EntView *view = g_new0 (EntView, 1);

  g_atomic_ref_count_init (&view->ref_count);
  view->graph = ent_graph_ref (graph);
  if (filter != NULL)
    view->filter = *filter;
  else
    ent_view_filter_init_default (&view->filter);
  view->kind = kind;
  view->focus = ENT_VIEW_NONE;
  view->path_from = ENT_VIEW_NONE;
  view->path_to = ENT_VIEW_NONE;
  view->path_length = ENT_VIEW_NONE;
  view->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  view->entity_mask = g_malloc0 (MAX (graph->entities->len, 1));
  view->relation_mask = g_malloc0 (MAX (graph->relations->len, 1));
  view->entities = g_array_new (FALSE, FALSE, sizeof (guint));
  view->relations = g_array_new (FALSE, FALSE, sizeof (guint));

  return view;
}

EntView *
ent_view_ref (EntView *view)
{
  g_return_val_if_fail (view != NULL, NULL);

  g_atomic_ref_count_inc (&view->ref_count);
  return view;
}

void
ent_view_unref (EntView *view)
{
  g_return_if_fail (view != NULL);

  if (!g_atomic_ref_count_dec (&view->ref_count))
    return;

  g_clear_pointer (&view->base_entities, g_array_unref);
  g_array_unref (view->steps);
  g_array_unref (view->entities);
  g_array_unref (view->relations);
  g_free (view->entity_mask);
  g_free (view->relation_mask);
  ent_graph_unref (view->graph);
  g_free (view);
}

/* Marks every relation of @entity that the filter shows and whose other end
 * is in the view. */
static void
mark_relations_of (EntView *view,
                   guint    entity)
{
  EntGraphEntity *e = g_ptr_array_index (view->graph->entities, entity);

  for (guint i = 0; i < e->relations->len; i++)
    {
      guint r = g_array_index (e->relations, guint, i);
      guint other = ent_graph_relation_other (view->graph, r, entity);

      if (view->entity_mask[other] && accepts_relation_itself (&view->filter, view->graph, r))
        view->relation_mask[r] = 1;
    }
}

static void
mark_induced_relations (EntView *view)
{
  for (guint i = 0; i < view->graph->entities->len; i++)
    if (view->entity_mask[i])
      mark_relations_of (view, i);
}

static void
build_all (EntView *view)
{
  EntGraph *graph = view->graph;

  for (guint i = 0; i < graph->entities->len; i++)
    view->entity_mask[i] = accepts_entity (&view->filter, graph, i);

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntGraphRelation *r = g_ptr_array_index (graph->relations, i);

      view->relation_mask[i] = view->entity_mask[r->source]
                               && view->entity_mask[r->target]
                               && accepts_relation_itself (&view->filter, graph, i);
    }

  if (!view->filter.hide_isolated)
    return;

  memset (view->entity_mask, 0, graph->entities->len);
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntGraphRelation *r = g_ptr_array_index (graph->relations, i);

      if (view->relation_mask[i])
        view->entity_mask[r->source] = view->entity_mask[r->target] = 1;
    }
}

typedef struct {
  guint  entity;
  guint  score;
  guint  mentions;
} Candidate;

static int
candidate_compare (gconstpointer a,
                   gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->score != cb->score)
    return ca->score > cb->score ? -1 : 1;
  if (ca->mentions != cb->mentions)
    return ca->mentions > cb->mentions ? -1 : 1;
  return ca->entity < cb->entity ? -1 : (ca->entity > cb->entity);
}

/* The next ring around @ring: shown neighbours not yet in the view, each
 * scored by the weight of its links into the ring. */
static GArray *
collect_ring (EntView *view,
              GArray  *ring,
              guint   *score_of)
{
  EntGraph *graph = view->graph;
  GArray *next = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint i = 0; i < ring->len; i++)
    {
      guint entity = g_array_index (ring, guint, i);
      EntGraphEntity *e = g_ptr_array_index (graph->entities, entity);

      for (guint j = 0; j < e->relations->len; j++)
        {
          guint r = g_array_index (e->relations, guint, j);
          guint other = ent_graph_relation_other (graph, r, entity);
          EntGraphRelation *rel = g_ptr_array_index (graph->relations, r);

          if (view->entity_mask[other]
              || !accepts_relation_itself (&view->filter, graph, r)
              || !accepts_entity (&view->filter, graph, other))
            continue;
          if (score_of[other] == 0)
            {
              Candidate c = { other, 0, 0 };

              c.mentions = ((EntGraphEntity *) g_ptr_array_index (graph->entities, other))->mentions;
              g_array_append_val (next, c);
            }
          score_of[other] += MAX (rel->weight, 1);
        }
    }

  for (guint i = 0; i < next->len; i++)
    {
      Candidate *c = &g_array_index (next, Candidate, i);

      c->score = score_of[c->entity];
      score_of[c->entity] = 0;
    }

  return next;
}

static void
build_focus (EntView *view)
{
  g_autoptr(GArray) ring = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *score_of = g_new0 (guint, view->graph->entities->len);
  guint size = 1;

  view->entity_mask[view->focus] = 1;
  g_array_append_val (ring, view->focus);

  for (guint d = 0; d < view->depth && ring->len > 0; d++)
    {
      g_autoptr(GArray) next = collect_ring (view, ring, score_of);
      guint take = next->len;

      if (view->max_entities > 0 && size + take > view->max_entities)
        {
          take = view->max_entities > size ? view->max_entities - size : 0;
          g_array_sort (next, candidate_compare);
        }

      g_array_set_size (ring, 0);
      for (guint i = 0; i < take; i++)
        {
          guint entity = g_array_index (next, Candidate, i).entity;

          view->entity_mask[entity] = 1;
          g_array_append_val (ring, entity);
        }
      size += take;
      if (take < next->len)
        break;
    }

  mark_induced_relations (view);
}

/* Breadth-first distances over shown relations, direction ignored. Path ends
 * are always walkable even when the filter hides their type. */
static guint *
bfs_distances (EntView *view,
               guint    start)
{
  EntGraph *graph = view->graph;
  guint n = graph->entities->len;
  guint *dist = g_new (guint, n);
  g_autofree guint *queue = g_new (guint, n);
  guint head = 0, tail = 0;

  for (guint i = 0; i < n; i++)
    dist[i] = ENT_VIEW_NONE;
  dist[start] = 0;
  queue[tail++] = start;

  while (head < tail)
    {
      guint u = queue[head++];
      EntGraphEntity *e = g_ptr_array_index (graph->entities, u);

      for (guint j = 0; j < e->relations->len; j++)
        {
          guint r = g_array_index (e->relations, guint, j);
          guint v = ent_graph_relation_other (graph, r, u);

          if (dist[v] != ENT_VIEW_NONE || !accepts_relation_itself (&view->filter, graph, r))
            continue;
          if (v != view->path_from && v != view->path_to
              && !accepts_entity (&view->filter, graph, v))
            continue;
          dist[v] = dist[u] + 1;
          queue[tail++] = v;
        }
    }

  return dist;
}

/* Whether relation @r, walked from @u, steps along a shortest path. */
static gboolean
on_shortest_path (EntView     *view,
                  const guint *from_dist,
                  const guint *to_dist,
                  guint        r,
                  guint        u,
                  guint       *v)
{
  *v = ent_graph_relation_other (view->graph, r, u);

  return from_dist[u] != ENT_VIEW_NONE
         && from_dist[*v] == from_dist[u] + 1
         && to_dist[*v] != ENT_VIEW_NONE
         && to_dist[*v] + 1 == to_dist[u]
         && accepts_relation_itself (&view->filter, view->graph, r);
}

static void
mark_all_shortest (EntView     *view,
                   const guint *from_dist,
                   const guint *to_dist)
{
  EntGraph *graph = view->graph;

  for (guint u = 0; u < graph->entities->len; u++)
    {
      EntGraphEntity *e;

      if (from_dist[u] == ENT_VIEW_NONE || to_dist[u] == ENT_VIEW_NONE
          || from_dist[u] + to_dist[u] != view->path_length)
        continue;

      view->entity_mask[u] = 1;
      e = g_ptr_array_index (graph->entities, u);
      for (guint j = 0; j < e->relations->len; j++)
        {
          guint r = g_array_index (e->relations, guint, j);
          guint v;

          if (on_shortest_path (view, from_dist, to_dist, r, u, &v))
            view->relation_mask[r] = 1;
        }
    }
}

static int
relation_weight_compare (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  EntGraph *graph = user_data;
  EntGraphRelation *ra = g_ptr_array_index (graph->relations, *(const guint *) a);
  EntGraphRelation *rb = g_ptr_array_index (graph->relations, *(const guint *) b);

  if (ra->weight != rb->weight)
    return ra->weight > rb->weight ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : (*(const guint *) a > *(const guint *) b);
}

typedef struct {
  EntView     *view;
  const guint *from_dist;
  const guint *to_dist;
  GArray      *stack;      /* relations of the path being walked */
  guint        found;
} PathSearch;

/* Depth-first over the shortest-path DAG, heaviest relations first. Every
 * branch of the DAG reaches the target, so each leaf is one more path. */
static void
walk_paths (PathSearch *search,
            guint       u)
{
  EntView *view = search->view;
  EntGraphEntity *e = g_ptr_array_index (view->graph->entities, u);
  g_autoptr(GArray) steps = NULL;

  if (u == view->path_to)
    {
      for (guint i = 0; i < search->stack->len; i++)
        {
          EntGraphRelation *r = g_ptr_array_index (view->graph->relations,
                                                   g_array_index (search->stack, guint, i));

          view->relation_mask[g_array_index (search->stack, guint, i)] = 1;
          view->entity_mask[r->source] = view->entity_mask[r->target] = 1;
        }
      search->found++;
      return;
    }

  steps = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint j = 0; j < e->relations->len; j++)
    {
      guint r = g_array_index (e->relations, guint, j);
      guint v;

      if (on_shortest_path (view, search->from_dist, search->to_dist, r, u, &v))
        g_array_append_val (steps, r);
    }
  g_array_sort_with_data (steps, relation_weight_compare, view->graph);

  for (guint j = 0; j < steps->len && search->found < view->max_paths; j++)
    {
      guint r = g_array_index (steps, guint, j);

      g_array_append_val (search->stack, r);
      walk_paths (search, ent_graph_relation_other (view->graph, r, u));
      g_array_set_size (search->stack, search->stack->len - 1);
    }
}

static void
build_path (EntView *view)
{
  g_autofree guint *from_dist = bfs_distances (view, view->path_from);
  g_autofree guint *to_dist = bfs_distances (view, view->path_to);

  view->entity_mask[view->path_from] = 1;
  view->entity_mask[view->path_to] = 1;
  view->path_length = from_dist[view->path_to];
  if (view->path_length == ENT_VIEW_NONE || view->path_length == 0)
    return;

  if (view->max_paths == 0)
    {
      mark_all_shortest (view, from_dist, to_dist);
    }
  else
    {
      PathSearch search = { view, from_dist, to_dist, NULL, 0 };

      search.stack = g_array_new (FALSE, FALSE, sizeof (guint));
      walk_paths (&search, view->path_from);
      g_array_unref (search.stack);
    }
}

static void
build_entities (EntView *view)
{
  guint n = view->graph->entities->len;

  for (guint i = 0; i < view->base_entities->len; i++)
    {
      guint entity = g_array_index (view->base_entities, guint, i);

      if (entity < n)
        view->entity_mask[entity] = 1;
    }

  mark_induced_relations (view);
}

static void
apply_expand (EntView *view,
              guint    entity)
{
  EntGraph *graph = view->graph;
  EntGraphEntity *e = g_ptr_array_index (graph->entities, entity);
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (guint));

  view->entity_mask[entity] = 1;
  g_array_append_val (added, entity);
  if (view->focus == entity)
    view->focus_hidden = FALSE;

  for (guint j = 0; j < e->relations->len; j++)
    {
      guint r = g_array_index (e->relations, guint, j);
      guint other = ent_graph_relation_other (graph, r, entity);

      if (view->entity_mask[other]
          || !accepts_relation_itself (&view->filter, graph, r)
          || !accepts_entity (&view->filter, graph, other))
        continue;
      view->entity_mask[other] = 1;
      g_array_append_val (added, other);
    }

  for (guint i = 0; i < added->len; i++)
    mark_relations_of (view, g_array_index (added, guint, i));
}

static void
apply_hide (EntView *view,
            guint    entity)
{
  EntGraphEntity *e = g_ptr_array_index (view->graph->entities, entity);

  view->entity_mask[entity] = 0;
  for (guint j = 0; j < e->relations->len; j++)
    view->relation_mask[g_array_index (e->relations, guint, j)] = 0;
  if (view->focus == entity)
    view->focus_hidden = TRUE;
}

static void
collect_sorted (const guint8 *mask,
                guint         n,
                GArray       *out)
{
  g_array_set_size (out, 0);
  for (guint i = 0; i < n; i++)
    if (mask[i])
      g_array_append_val (out, i);
}

/* Runs the recipe of @view into its (zeroed) masks and arrays. */
static EntView *
view_build (EntView *view)
{
  EntGraph *graph = view->graph;

  switch (view->kind)
    {
    case ENT_VIEW_KIND_ALL:
      build_all (view);
      break;
    case ENT_VIEW_KIND_FOCUS:
      build_focus (view);
      break;
    case ENT_VIEW_KIND_PATH:
      build_path (view);
      break;
    case ENT_VIEW_KIND_ENTITIES:
      build_entities (view);
      break;
    default:
      g_assert_not_reached ();
    }

  for (guint i = 0; i < view->steps->len; i++)
    {
      const Step *step = &g_array_index (view->steps, Step, i);

      if (step->op == STEP_EXPAND)
        apply_expand (view, step->entity);
      else
        apply_hide (view, step->entity);
    }

  collect_sorted (view->entity_mask, graph->entities->len, view->entities);
  collect_sorted (view->relation_mask, graph->relations->len, view->relations);

  return view;
}

EntView *
ent_view_new_all (EntGraph            *graph,
                  const EntViewFilter *filter)
{
  g_return_val_if_fail (graph != NULL, NULL);

  return view_build (view_alloc (graph, filter, ENT_VIEW_KIND_ALL));
}

EntView *
ent_view_new_focus (EntGraph            *graph,
                    const EntViewFilter *filter,
                    guint                entity,
                    guint                depth)
{
  return ent_view_new_focus_limited (graph, filter, entity, depth, 0);
}

EntView *
ent_view_new_focus_limited (EntGraph            *graph,
                            const EntViewFilter *filter,
                            guint                entity,
                            guint                depth,
                            guint                max_entities)
{
  EntView *view;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (entity < graph->entities->len, NULL);

  view = view_alloc (graph, filter, ENT_VIEW_KIND_FOCUS);
  view->focus = entity;
  view->depth = CLAMP (depth, 1, 3);
  view->max_entities = max_entities;

  return view_build (view);
}

EntView *
ent_view_new_path (EntGraph            *graph,
                   const EntViewFilter *filter,
                   guint                from,
                   guint                to,
                   guint                max_paths)
{
  EntView *view;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (from < graph->entities->len, NULL);
  g_return_val_if_fail (to < graph->entities->len, NULL);

  view = view_alloc (graph, filter, ENT_VIEW_KIND_PATH);
  view->path_from = from;
  view->path_to = to;
  view->max_paths = max_paths;

  return view_build (view);
}

EntView *
ent_view_new_entities (EntGraph            *graph,
                       const EntViewFilter *filter,
                       const guint         *entities,
                       guint                n_entities)
{
  EntView *view;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (entities != NULL || n_entities == 0, NULL);

  view = view_alloc (graph, filter, ENT_VIEW_KIND_ENTITIES);
  view->base_entities = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_entities);
  if (n_entities > 0)
    g_array_append_vals (view->base_entities, entities, n_entities);

  return view_build (view);
}

/* A new view with the recipe of @view, the filter @filter and one more step. */
static EntView *
view_derive (EntView             *view,
             const EntViewFilter *filter,
             const Step          *step)
{
  EntView *derived = view_alloc (view->graph, filter, view->kind);

  derived->focus = view->focus;
  derived->depth = view->depth;
  derived->max_entities = view->max_entities;
  derived->path_from = view->path_from;
  derived->path_to = view->path_to;
  derived->max_paths = view->max_paths;
  if (view->base_entities != NULL)
    derived->base_entities = g_array_copy (view->base_entities);
  g_array_append_vals (derived->steps, view->steps->data, view->steps->len);
  if (step != NULL)
    g_array_append_val (derived->steps, *step);

  return view_build (derived);
}

EntView *
ent_view_expand (EntView *view,
                 guint    entity)
{
  Step step = { STEP_EXPAND, entity };

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (entity < view->graph->entities->len, NULL);

  return view_derive (view, &view->filter, &step);
}

EntView *
ent_view_hide (EntView *view,
               guint    entity)
{
  Step step = { STEP_HIDE, entity };

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (entity < view->graph->entities->len, NULL);

  return view_derive (view, &view->filter, &step);
}

EntView *
ent_view_with_filter (EntView             *view,
                      const EntViewFilter *filter)
{
  EntViewFilter defaults;

  g_return_val_if_fail (view != NULL, NULL);

  if (filter == NULL)
    {
      ent_view_filter_init_default (&defaults);
      filter = &defaults;
    }
  if (ent_view_filter_equal (filter, &view->filter))
    return ent_view_ref (view);

  return view_derive (view, filter, NULL);
}

/* Accessors */

EntGraph *
ent_view_get_graph (EntView *view)
{
  g_return_val_if_fail (view != NULL, NULL);
  return view->graph;
}

const EntViewFilter *
ent_view_get_filter (EntView *view)
{
  g_return_val_if_fail (view != NULL, NULL);
  return &view->filter;
}

EntViewKind
ent_view_get_kind (EntView *view)
{
  g_return_val_if_fail (view != NULL, ENT_VIEW_KIND_ALL);
  return view->kind;
}

guint
ent_view_get_focus (EntView *view)
{
  g_return_val_if_fail (view != NULL, ENT_VIEW_NONE);
  return view->kind == ENT_VIEW_KIND_FOCUS && !view->focus_hidden ? view->focus : ENT_VIEW_NONE;
}

guint
ent_view_get_depth (EntView *view)
{
  g_return_val_if_fail (view != NULL, 0);
  return view->kind == ENT_VIEW_KIND_FOCUS ? view->depth : 0;
}

guint
ent_view_get_path_from (EntView *view)
{
  g_return_val_if_fail (view != NULL, ENT_VIEW_NONE);
  return view->path_from;
}

guint
ent_view_get_path_to (EntView *view)
{
  g_return_val_if_fail (view != NULL, ENT_VIEW_NONE);
  return view->path_to;
}

guint
ent_view_get_path_length (EntView *view)
{
  g_return_val_if_fail (view != NULL, ENT_VIEW_NONE);
  return view->path_length;
}

const guint *
ent_view_get_entities (EntView *view,
                       guint   *n_entities)
{
  g_return_val_if_fail (view != NULL, NULL);

  if (n_entities != NULL)
    *n_entities = view->entities->len;
  return (const guint *) view->entities->data;
}

const guint *
ent_view_get_relations (EntView *view,
                        guint   *n_relations)
{
  g_return_val_if_fail (view != NULL, NULL);

  if (n_relations != NULL)
    *n_relations = view->relations->len;
  return (const guint *) view->relations->data;
}

guint
ent_view_get_n_entities (EntView *view)
{
  g_return_val_if_fail (view != NULL, 0);
  return view->entities->len;
}

guint
ent_view_get_n_relations (EntView *view)
{
  g_return_val_if_fail (view != NULL, 0);
  return view->relations->len;
}

gboolean
ent_view_contains_entity (EntView *view,
                          guint    entity)
{
  g_return_val_if_fail (view != NULL, FALSE);

  return entity < view->graph->entities->len && view->entity_mask[entity];
}

gboolean
ent_view_contains_relation (EntView *view,
                            guint    relation)
{
  g_return_val_if_fail (view != NULL, FALSE);

  return relation < view->graph->relations->len && view->relation_mask[relation];
}

static int
uint_compare (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a;
  guint ub = *(const guint *) b;

  return ua < ub ? -1 : (ua > ub);
}

GArray *
ent_view_get_neighbours (EntView *view,
                         guint    entity)
{
  GArray *out;
  EntGraphEntity *e;
  guint kept = 0;

  g_return_val_if_fail (view != NULL, NULL);

  out = g_array_new (FALSE, FALSE, sizeof (guint));
  if (!ent_view_contains_entity (view, entity))
    return out;

  e = g_ptr_array_index (view->graph->entities, entity);
  for (guint j = 0; j < e->relations->len; j++)
    {
      guint r = g_array_index (e->relations, guint, j);
      guint other = ent_graph_relation_other (view->graph, r, entity);

      if (view->relation_mask[r] && other != entity)
        g_array_append_val (out, other);
    }

  g_array_sort (out, uint_compare);
  for (guint i = 0; i < out->len; i++)
    if (kept == 0 || g_array_index (out, guint, kept - 1) != g_array_index (out, guint, i))
      g_array_index (out, guint, kept++) = g_array_index (out, guint, i);
  g_array_set_size (out, kept);

  return out;
}

static gboolean
arrays_equal (GArray *a,
              GArray *b)
{
  return a->len == b->len
         && memcmp (a->data, b->data, a->len * sizeof (guint)) == 0;
}

gboolean
ent_view_equal (EntView *a,
                EntView *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->graph == b->graph
         && arrays_equal (a->entities, b->entities)
         && arrays_equal (a->relations, b->relations);
}

/* Entities of @view that @other does not contain (by id when the graphs
 * differ, since a reloaded graph renumbers nothing but may add entities). */
static GArray *
entities_missing_from (EntView *view,
                       EntView *other)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < view->entities->len; i++)
    {
      guint entity = g_array_index (view->entities, guint, i);
      gboolean present;

      if (other == NULL)
        present = FALSE;
      else if (other->graph == view->graph)
        present = other->entity_mask[entity];
      else
        {
          EntGraphEntity *e = g_ptr_array_index (view->graph->entities, entity);
          guint index;

          present = ent_graph_lookup_entity_id (other->graph, e->id, &index)
                    && ent_view_contains_entity (other, index);
        }

      if (!present)
        g_array_append_val (out, entity);
    }

  return out;
}

GArray *
ent_view_diff_new_entities (EntView *view,
                            EntView *previous)
{
  g_return_val_if_fail (view != NULL, NULL);

  return entities_missing_from (view, previous);
}

GArray *
ent_view_diff_removed_entities (EntView *view,
                                EntView *previous)
{
  g_return_val_if_fail (view != NULL, NULL);

  if (previous == NULL)
    return g_array_new (FALSE, FALSE, sizeof (guint));
  return entities_missing_from (previous, view);
}
