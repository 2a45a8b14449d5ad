/* bench-viewer.c — how fast the viewer lays out and draws a large project.
 *
 * Generates a project-like graph (5,000 entities, 10,000 relations, a few
 * hubs and many leaves, names of realistic length) and measures:
 *   - the whole-graph layout with the AUTO engine (target <= 3 s);
 *   - focus view + layout + first frame of a neighbourhood of up to 200
 *     nodes (target <= 150 ms);
 *   - frame time at several zoom levels, with culling and level of detail,
 *     on a 1600x1000 image surface (target <= 16 ms, 60 fps).
 * It reports figures; it does not fail on them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-viewer"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "ent-layout.h"
#include "ent-render.h"
#include "ent-view.h"

#define N_ENTITIES  5000
#define N_RELATIONS 10000
#define WIDTH       1600
#define HEIGHT      1000
#define FOCUS_MAX   200

static const char *first_names[] = {
  "Alexander", "Ebrahim", "Hossein", "Sergei", "Maria", "Olga", "Ahmad", "Li", "Narendra",
  "Recep", "Emmanuel", "Olaf", "Ursula", "Kassym-Jomart", "Shavkat", "Ilham", "Nikol",
  "Mohammed", "Fatima", "Wang", "Antonio", "Josep", "Dmitry", "Roman", "Kamala",
};
static const char *last_names[] = {
  "Lukashenko", "Raisi", "Amir-Abdollahian", "Lavrov", "Zakharova", "Golovchenko", "Vahidi",
  "Qiang", "Modi", "Erdogan", "Macron", "Scholz", "von der Leyen", "Tokayev", "Mirziyoyev",
  "Aliyev", "Pashinyan", "bin Salman", "Haddad", "Yi", "Guterres", "Borrell", "Medvedev",
  "Starovoit", "Harris",
};
static const char *places[] = {
  "Tehran", "Minsk", "Moscow", "Beijing", "Astara", "Rasht", "Baku", "Tashkent", "Ankara",
  "Brest", "Isfahan", "Gomel", "Samarkand", "Bandar Abbas", "Vitebsk",
};
static const char *org_words[] = {
  "Cooperation", "Economic", "Security", "Transport", "Energy", "Development", "Trade",
  "Eurasian", "Caspian", "Strategic", "Investment", "Customs",
};
static const char *org_kinds[] = {
  "Organisation", "Council", "Union", "Commission", "Bank", "Forum", "Agency", "Committee",
};

typedef struct {
  EntRelationType type;
  EntEntityType   source;
  EntEntityType   target;
} Pattern;

/* Which relation goes between which types, in rough proportion. */
static const Pattern patterns[] = {
  { ENT_RELATION_HOLDS_OFFICE, ENT_ENTITY_PERSON, ENT_ENTITY_COUNTRY },
  { ENT_RELATION_HOLDS_OFFICE, ENT_ENTITY_PERSON, ENT_ENTITY_ORGANIZATION },
  { ENT_RELATION_MET, ENT_ENTITY_PERSON, ENT_ENTITY_PERSON },
  { ENT_RELATION_MET, ENT_ENTITY_PERSON, ENT_ENTITY_PERSON },
  { ENT_RELATION_HOSTED, ENT_ENTITY_PERSON, ENT_ENTITY_PERSON },
  { ENT_RELATION_VISITED, ENT_ENTITY_PERSON, ENT_ENTITY_PLACE },
  { ENT_RELATION_VISITED, ENT_ENTITY_PERSON, ENT_ENTITY_COUNTRY },
  { ENT_RELATION_SIGNED, ENT_ENTITY_PERSON, ENT_ENTITY_AGREEMENT },
  { ENT_RELATION_PARTY_TO, ENT_ENTITY_COUNTRY, ENT_ENTITY_AGREEMENT },
  { ENT_RELATION_MEMBER_OF, ENT_ENTITY_COUNTRY, ENT_ENTITY_ORGANIZATION },
  { ENT_RELATION_COOPERATES_WITH, ENT_ENTITY_COUNTRY, ENT_ENTITY_COUNTRY },
  { ENT_RELATION_ADVOCATES, ENT_ENTITY_PERSON, ENT_ENTITY_PROJECT },
  { ENT_RELATION_INVOLVES, ENT_ENTITY_PROJECT, ENT_ENTITY_COUNTRY },
  { ENT_RELATION_INVOLVES, ENT_ENTITY_EVENT, ENT_ENTITY_COUNTRY },
  { ENT_RELATION_PART_OF, ENT_ENTITY_PLACE, ENT_ENTITY_PROJECT },
  { ENT_RELATION_SANCTIONS, ENT_ENTITY_COUNTRY, ENT_ENTITY_COUNTRY },
  { ENT_RELATION_LOCATED_IN, ENT_ENTITY_PLACE, ENT_ENTITY_COUNTRY },
};

static EntEntityType
pick_type (GRand *rand)
{
  /* person 40 %, country 4 %, organization 16 %, agreement 12 %, place 16 %,
   * project 6 %, event 6 % */
  static const guint cumulative[ENT_N_ENTITY_TYPES] = { 40, 44, 60, 72, 88, 94, 100 };
  guint r = (guint) g_rand_int_range (rand, 0, 100);

  for (guint i = 0; i < ENT_N_ENTITY_TYPES; i++)
    if (r < cumulative[i])
      return i;
  return ENT_ENTITY_PERSON;
}

#define PICK(rand, array) (array[g_rand_int_range (rand, 0, G_N_ELEMENTS (array))])

static char *
make_name (GRand         *rand,
           EntEntityType  type,
           guint          serial)
{
  switch (type)
    {
    case ENT_ENTITY_PERSON:
      return g_strdup_printf ("%s %s %u", PICK (rand, first_names), PICK (rand, last_names), serial);
    case ENT_ENTITY_COUNTRY:
      return g_strdup_printf ("Republic %u", serial);
    case ENT_ENTITY_ORGANIZATION:
      return g_strdup_printf ("%s %s %s %u", PICK (rand, org_words), PICK (rand, org_words),
                              PICK (rand, org_kinds), serial);
    case ENT_ENTITY_AGREEMENT:
      return g_strdup_printf ("Memorandum on %s and %s cooperation %u", PICK (rand, org_words),
                              PICK (rand, org_words), serial);
    case ENT_ENTITY_PLACE:
      return g_strdup_printf ("%s %u", PICK (rand, places), serial);
    case ENT_ENTITY_PROJECT:
      return g_strdup_printf ("%s–%s railway %u", PICK (rand, places), PICK (rand, places), serial);
    case ENT_ENTITY_EVENT:
    case ENT_N_ENTITY_TYPES:
    default:
      return g_strdup_printf ("Summit in %s %u", PICK (rand, places), serial);
    }
}

/* News is written story by story: the entities of one story (a visit, a
 * summit, a sanctions round) are related among themselves, and stories are
 * tied together by the few actors that appear everywhere (leaders, large
 * countries, organisations). The generator follows that: clusters of about
 * twenty entities, plus hubs drawn with preferential attachment. */
#define N_STORIES    250
#define N_FAMOUS     180
#define CROSS_STORY  0.06

typedef struct {
  GArray *members[ENT_N_ENTITY_TYPES];  /* local entities by type */
} Story;

static guint
pick_from (GRand  *rand,
           GArray *array)
{
  return g_array_index (array, guint, g_rand_int_range (rand, 0, array->len));
}

/* A famous entity of @type, the already popular ones more likely. */
static gboolean
pick_famous (GRand         *rand,
             GArray       **famous,
             GArray       **popular,
             EntEntityType  type,
             guint         *out)
{
  if (famous[type]->len == 0)
    return FALSE;
  if (popular[type]->len > 0 && g_rand_double (rand) < 0.7)
    *out = pick_from (rand, popular[type]);
  else
    *out = pick_from (rand, famous[type]);
  g_array_append_val (popular[type], *out);
  return TRUE;
}

static gboolean
pick_member (GRand         *rand,
             Story         *story,
             GArray       **famous,
             GArray       **popular,
             EntEntityType  type,
             guint         *out)
{
  /* Countries and organisations are mostly the famous ones; people, places
   * and agreements mostly belong to the story. */
  double famous_share = (type == ENT_ENTITY_COUNTRY || type == ENT_ENTITY_ORGANIZATION) ? 0.6 : 0.12;

  if ((story->members[type]->len == 0 || g_rand_double (rand) < famous_share)
      && pick_famous (rand, famous, popular, type, out))
    return TRUE;
  if (story->members[type]->len == 0)
    return FALSE;
  *out = pick_from (rand, story->members[type]);
  return TRUE;
}

static EntGraph *
generate_graph (void)
{
  EntGraph *graph = ent_graph_new ();
  GRand *rand = g_rand_new_with_seed (20230313);
  GArray *famous[ENT_N_ENTITY_TYPES], *popular[ENT_N_ENTITY_TYPES];
  Story stories[N_STORIES];
  guint docs[N_STORIES];
  guint added = 0;

  for (guint t = 0; t < ENT_N_ENTITY_TYPES; t++)
    {
      famous[t] = g_array_new (FALSE, FALSE, sizeof (guint));
      popular[t] = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  for (guint s = 0; s < N_STORIES; s++)
    {
      for (guint t = 0; t < ENT_N_ENTITY_TYPES; t++)
        stories[s].members[t] = g_array_new (FALSE, FALSE, sizeof (guint));
      docs[s] = ent_graph_add_document (graph, s + 1, "Article", NULL, "2023-03-13", NULL);
    }

  for (guint i = 0; i < N_ENTITIES; i++)
    {
      EntEntityType type = i < ENT_N_ENTITY_TYPES ? (EntEntityType) i : pick_type (rand);
      g_autofree char *name = make_name (rand, type, i);
      guint index = ent_graph_add_entity (graph, i + 1, type, name, 1 + g_rand_int_range (rand, 0, 30));

      if (i < N_FAMOUS || type == ENT_ENTITY_COUNTRY)
        g_array_append_val (famous[type], index);
      else
        g_array_append_val (stories[g_rand_int_range (rand, 0, N_STORIES)].members[type], index);
    }

  while (added < N_RELATIONS)
    {
      const Pattern *p = &patterns[g_rand_int_range (rand, 0, G_N_ELEMENTS (patterns))];
      guint story = g_rand_int_range (rand, 0, N_STORIES);
      guint other = g_rand_double (rand) < CROSS_STORY ? (guint) g_rand_int_range (rand, 0, N_STORIES) : story;
      guint s, t, r, sources;

      if (!pick_member (rand, &stories[story], famous, popular, p->source, &s)
          || !pick_member (rand, &stories[other], famous, popular, p->target, &t)
          || s == t)
        continue;
      r = ent_graph_add_relation (graph, added + 1, p->type, s, t);
      /* Mostly one source, sometimes several. */
      sources = 1 + (g_rand_double (rand) < 0.2) + (g_rand_double (rand) < 0.05) * 3;
      for (guint k = 0; k < sources; k++)
        ent_graph_relation_add_evidence (graph, r, docs[(story + k) % N_STORIES],
                                         0, 80, "A sentence stating the relation.");
      added++;
    }

  ent_graph_finish (graph);
  for (guint t = 0; t < ENT_N_ENTITY_TYPES; t++)
    {
      g_array_unref (famous[t]);
      g_array_unref (popular[t]);
    }
  for (guint s = 0; s < N_STORIES; s++)
    for (guint t = 0; t < ENT_N_ENTITY_TYPES; t++)
      g_array_unref (stories[s].members[t]);
  g_rand_free (rand);
  return graph;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* One frame as the canvas draws it: background, pan and zoom, clip. */
static void
draw_frame (cairo_t    *cr,
            EntLayout  *layout,
            double      zoom,
            double      cx,
            double      cy)
{
  EntRenderOptions options;

  ent_render_options_init (&options, ENT_PALETTE_LIGHT);
  options.draw_background = TRUE;
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, WIDTH, HEIGHT);
  cairo_clip (cr);
  cairo_translate (cr, WIDTH / 2.0, HEIGHT / 2.0);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -cx, -cy);
  ent_render_draw (cr, layout, &options);
  cairo_restore (cr);
}

static double
fit_zoom (EntLayout *layout)
{
  return MIN (WIDTH / layout->bounds.width, HEIGHT / layout->bounds.height);
}

static void
bench_frames (EntLayout *layout)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  double fit = fit_zoom (layout);
  const double zooms[] = { fit, 0.25, 0.5, 1.0, 2.0 };
  const guint n_frames = 40;
  EntRenderOptions defaults;

  ent_render_options_init (&defaults, ENT_PALETTE_LIGHT);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      double zoom = MAX (zooms[z], fit);
      double total = 0, worst = 0;
      g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
      EntRect visible;

      /* Pan across the middle, as a user dragging the canvas. */
      for (guint f = 0; f < n_frames; f++)
        {
          double cx = layout->bounds.width / 2 + (f - n_frames / 2.0) * 8 / zoom;
          double cy = layout->bounds.height / 2;
          gint64 start = g_get_monotonic_time ();
          double elapsed;

          draw_frame (cr, layout, zoom, cx, cy);
          cairo_surface_flush (surface);
          elapsed = seconds_since (start) * 1000;
          total += elapsed;
          worst = MAX (worst, elapsed);
        }

      visible.width = WIDTH / zoom;
      visible.height = HEIGHT / zoom;
      visible.x = layout->bounds.width / 2 - visible.width / 2;
      visible.y = layout->bounds.height / 2 - visible.height / 2;
      ent_layout_query_rect (layout, &visible, nodes, NULL);
      printf ("frame %ux%u zoom %.3f%s (%u nodes visible, labels %s): mean %.1f ms, worst %.1f ms, %.0f fps\n",
              WIDTH, HEIGHT, zoom, z == 0 ? " (fit)" : "", nodes->len,
              zoom >= defaults.label_min_scale ? "on" : "off", total / n_frames, worst,
              1000.0 / (total / n_frames));
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static guint
most_connected (EntGraph *graph,
                guint     rank)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  guint best = 0;

  /* The rank-th highest degree, by simple selection: ranks are small. */
  for (guint r = 0; r <= rank; r++)
    {
      guint best_degree = 0;

      for (guint i = 0; i < graph->entities->len; i++)
        {
          EntGraphEntity *e = ent_graph_get_entity (graph, i);
          gboolean taken = FALSE;

          for (guint k = 0; k < order->len; k++)
            taken |= g_array_index (order, guint, k) == i;
          if (!taken && e->relations->len > best_degree)
            {
              best_degree = e->relations->len;
              best = i;
            }
        }
      g_array_append_val (order, best);
    }
  return best;
}

static void
bench_focus (EntGraph *graph,
             guint     entity,
             guint     depth)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntView) view = NULL;
  g_autoptr(EntLayout) layout = NULL;
  gint64 start = g_get_monotonic_time ();
  double t_view, t_layout, t_render, t_again;
  gint64 again;

  view = ent_view_new_focus_limited (graph, NULL, entity, depth, FOCUS_MAX);
  t_view = seconds_since (start);
  layout = ent_layout_compute (view, ENT_LAYOUT_AUTO, NULL, &error);
  g_assert_no_error (error);
  t_layout = seconds_since (start) - t_view;
  draw_frame (cr, layout, fit_zoom (layout), layout->bounds.width / 2, layout->bounds.height / 2);
  cairo_surface_flush (surface);
  t_render = seconds_since (start) - t_view - t_layout;
  again = g_get_monotonic_time ();
  draw_frame (cr, layout, fit_zoom (layout), layout->bounds.width / 2, layout->bounds.height / 2);
  cairo_surface_flush (surface);
  t_again = seconds_since (again);

  printf ("focus depth %u on \"%s\" (%u/%u, %s): view %.2f ms + layout %.1f ms + first frame %.1f ms = %.1f ms"
          " (next frame %.1f ms)\n",
          depth, ent_graph_get_entity (graph, entity)->name, layout->n_nodes, layout->n_edges,
          ent_layout_engine_to_string (layout->engine), t_view * 1000, t_layout * 1000,
          t_render * 1000, (t_view + t_layout + t_render) * 1000, t_again * 1000);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntView) all = NULL;
  g_autoptr(EntLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double elapsed;

  start = g_get_monotonic_time ();
  graph = generate_graph ();
  printf ("generated %u entities, %u relations in %.2f s\n",
          graph->entities->len, graph->relations->len, seconds_since (start));

  /* Warm up the worker, fonts and Graphviz plugins outside the figures. */
  bench_focus (graph, graph->entities->len - 1, 1);

  start = g_get_monotonic_time ();
  all = ent_view_new_all (graph, NULL);
  printf ("view all: %.2f ms\n", seconds_since (start) * 1000);

  start = g_get_monotonic_time ();
  layout = ent_layout_compute (all, ENT_LAYOUT_AUTO, NULL, &error);
  elapsed = seconds_since (start);
  g_assert_no_error (error);
  printf ("layout %u/%u %s: %.2f s (target 3 s), %.0f x %.0f pt\n",
          layout->n_nodes, layout->n_edges, ent_layout_engine_to_string (layout->engine),
          elapsed, layout->bounds.width, layout->bounds.height);

  for (guint rank = 0; rank < 3; rank++)
    bench_focus (graph, most_connected (graph, rank * 4), 2);
  bench_focus (graph, most_connected (graph, 40), 2);
  bench_focus (graph, graph->entities->len / 2, 2);
  printf ("(target for focus + layout + first frame: 150 ms)\n");

  bench_frames (layout);
  printf ("(target per frame: 16 ms)\n");

  return 0;
}
