/* ent-graph-canvas.c — the widget that shows a laid-out view of the graph.
 *
 * Drawing goes through a cached render node: the layout is drawn once, at the
 * current zoom, over the visible area plus a margin, and that node is reused
 * while the user pans, and scaled while they zoom; it is redrawn sharp a moment
 * after the zoom settles, when the visible area leaves it, or when the layout,
 * the palette or the selection and hover state change. Animations (a new view,
 * a camera move) run on the frame clock with a tick callback.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-canvas"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ent-graph-canvas.h"
#include "ent-theme.h"

#define MIN_ZOOM            0.02
#define MAX_ZOOM            8.0
/* Fitting a small graph should not blow its nodes up. */
#define FIT_MAX_ZOOM        1.5
#define FIT_PADDING         32.0
#define ZOOM_STEP           1.25
#define TRANSITION_USEC     (450 * G_TIME_SPAN_MILLISECOND)
#define CAMERA_USEC         (300 * G_TIME_SPAN_MILLISECOND)
/* Beyond this many nodes a view change switches at once: interpolating every
 * frame would cost more than the animation is worth. */
#define MAX_ANIMATED_NODES  1500
#define CACHE_MARGIN        0.15
#define CACHE_MAX_PIXELS    4096.0
#define SETTLE_MSEC         150
#define HIT_TOLERANCE_PX    5.0
#define LEGEND_MARGIN       12.0
#define VISIBLE_INSET       48.0

struct _EntGraphCanvas
{
  GtkWidget            parent_instance;

  EntView             *view;
  EntLayoutEngine      engine;
  EntLayout           *layout;
  GCancellable        *cancellable;

  /* Camera: widget = layout point * zoom + offset. */
  double               zoom;
  double               ox;
  double               oy;
  double               from_zoom, from_cx, from_cy;
  double               to_zoom, to_cx, to_cy;
  gint64               camera_start;

  /* The view change being animated. */
  EntLayout           *from_layout;
  gint64               transition_start;
  double               transition_t;
  guint                tick_id;

  /* Interactive state: graph indices for the selection, layout indices for
   * the hover; the render state is derived from both. */
  guint                selected_entity;
  guint                selected_relation;
  guint                hover_node;
  guint                hover_edge;
  EntRenderState       state;
  guint                state_serial;

  GskRenderNode       *cache;
  EntRect              cache_rect;
  double               cache_scale;
  guint                cache_serial;
  EntPaletteKind       cache_palette;
  guint                settle_id;
  GskRenderNode       *legend;

  GMenuModel          *context_menu;
  GtkWidget           *popover;

  double               pointer_x;
  double               pointer_y;
  double               drag_ox;
  double               drag_oy;
  double               pinch_zoom;
  double               pinch_x;
  double               pinch_y;

  EntPaletteKind       palette;
  guint                busy : 1;
  guint                show_legend : 1;
  guint                dragging : 1;
  guint                pending_fit : 1;
};

enum {
  PROP_0,
  PROP_VIEW,
  PROP_BUSY,
  PROP_ENGINE,
  PROP_SHOW_LEGEND,
  PROP_ZOOM,
  PROP_SELECTED_ENTITY,
  PROP_SELECTED_RELATION,
  N_PROPS
};

enum {
  ENTITY_ACTIVATED,
  SELECTION_CHANGED,
  LAYOUT_CHANGED,
  LAYOUT_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (EntGraphCanvas, ent_graph_canvas, GTK_TYPE_WIDGET)

static double
ease_out_cubic (double t)
{
  double p = t - 1.0;
  return p * p * p + 1.0;
}

static void
get_viewport (EntGraphCanvas *self,
              EntRect        *rect)
{
  rect->x = -self->ox / self->zoom;
  rect->y = -self->oy / self->zoom;
  rect->width = gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom;
  rect->height = gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom;
}

static void
widget_to_layout (EntGraphCanvas *self,
                  double          x,
                  double          y,
                  double         *lx,
                  double         *ly)
{
  *lx = (x - self->ox) / self->zoom;
  *ly = (y - self->oy) / self->zoom;
}

/* The layout on screen belongs to the graph of the view asked for. Right
 * after a new snapshot of the project it does not, until the new layout
 * arrives: its indices would name other entities, so it is only drawn. */
static gboolean
layout_is_current (EntGraphCanvas *self)
{
  return self->layout != NULL &&
         (self->view == NULL ||
          ent_view_get_graph (ent_layout_get_view (self->layout)) == ent_view_get_graph (self->view));
}

static void
invalidate_cache (EntGraphCanvas *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Selection and hover ----------------------------------------------------- */

static void
rebuild_state (EntGraphCanvas *self)
{
  guint node = ENT_LAYOUT_NONE;
  guint edge = ENT_LAYOUT_NONE;

  ent_render_state_clear (&self->state);

  if (layout_is_current (self))
    {
      if (self->selected_entity != ENT_GRAPH_CANVAS_NONE)
        ent_layout_lookup_entity (self->layout, self->selected_entity, &node);
      if (self->selected_relation != ENT_GRAPH_CANVAS_NONE)
        ent_layout_lookup_relation (self->layout, self->selected_relation, &edge);
      self->state.selected_node = node;
      self->state.selected_edge = edge;
      self->state.hover_node = self->hover_node;
      self->state.hover_edge = self->hover_edge;
      if (self->hover_node != ENT_LAYOUT_NONE)
        ent_render_state_highlight_neighbourhood (&self->state, self->layout, self->hover_node);
    }

  self->state_serial++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible_description (EntGraphCanvas *self)
{
  g_autofree char *description = NULL;
  EntGraph *graph = self->view != NULL ? ent_view_get_graph (self->view) : NULL;

  if (graph != NULL && self->selected_entity != ENT_GRAPH_CANVAS_NONE)
    {
      EntGraphEntity *entity = ent_graph_get_entity (graph, self->selected_entity);
      description = g_strdup_printf (_("Selected: %s (%s)"), entity->name,
                                     ent_entity_type_to_label (entity->type));
    }
  else if (graph != NULL && self->selected_relation != ENT_GRAPH_CANVAS_NONE)
    {
      EntGraphRelation *relation = ent_graph_get_relation (graph, self->selected_relation);
      description = g_strdup_printf (_("Selected: %s — %s — %s"),
                                     ent_graph_get_entity (graph, relation->source)->name,
                                     ent_relation_type_to_label (relation->type),
                                     ent_graph_get_entity (graph, relation->target)->name);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("Nothing selected"),
                                  -1);
}

static void
set_selection (EntGraphCanvas *self,
               guint           entity,
               guint           relation)
{
  gboolean entity_changed = self->selected_entity != entity;
  gboolean relation_changed = self->selected_relation != relation;

  if (!entity_changed && !relation_changed)
    return;

  self->selected_entity = entity;
  self->selected_relation = relation;
  rebuild_state (self);
  update_accessible_description (self);

  if (entity_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ENTITY]);
  if (relation_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RELATION]);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
set_hover (EntGraphCanvas *self,
           guint           node,
           guint           edge)
{
  const char *cursor;

  if (self->hover_node == node && self->hover_edge == edge)
    return;

  self->hover_node = node;
  self->hover_edge = edge;
  rebuild_state (self);

  if (self->dragging)
    cursor = "grabbing";
  else if (node != ENT_LAYOUT_NONE || edge != ENT_LAYOUT_NONE)
    cursor = "pointer";
  else
    cursor = NULL;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static gboolean
node_at (EntGraphCanvas *self,
         double          x,
         double          y,
         guint          *node)
{
  double lx, ly;

  if (!layout_is_current (self))
    return FALSE;
  widget_to_layout (self, x, y, &lx, &ly);
  return ent_layout_node_at (self->layout, lx, ly, node);
}

static gboolean
edge_at (EntGraphCanvas *self,
         double          x,
         double          y,
         guint          *edge)
{
  double lx, ly;

  if (!layout_is_current (self))
    return FALSE;
  widget_to_layout (self, x, y, &lx, &ly);
  return ent_layout_edge_at (self->layout, lx, ly, HIT_TOLERANCE_PX / self->zoom, edge);
}

/* Camera ------------------------------------------------------------------ */

static gboolean
settle_cb (gpointer user_data)
{
  EntGraphCanvas *self = user_data;

  self->settle_id = 0;
  /* Redraw sharp at the zoom the user stopped at. */
  invalidate_cache (self);
  return G_SOURCE_REMOVE;
}

static void
set_camera (EntGraphCanvas *self,
            double          zoom,
            double          ox,
            double          oy)
{
  gboolean zoom_changed;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  zoom_changed = zoom != self->zoom;
  if (!zoom_changed && ox == self->ox && oy == self->oy)
    return;

  self->zoom = zoom;
  self->ox = ox;
  self->oy = oy;

  if (zoom_changed)
    {
      g_clear_handle_id (&self->settle_id, g_source_remove);
      self->settle_id = g_timeout_add (SETTLE_MSEC, settle_cb, self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_at (EntGraphCanvas *self,
         double          x,
         double          y,
         double          zoom)
{
  double lx, ly;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  widget_to_layout (self, x, y, &lx, &ly);
  self->camera_start = 0;
  set_camera (self, zoom, x - lx * zoom, y - ly * zoom);
}

static void
camera_for_center (EntGraphCanvas *self,
                   double          zoom,
                   double          cx,
                   double          cy,
                   double         *ox,
                   double         *oy)
{
  *ox = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 - cx * zoom;
  *oy = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 - cy * zoom;
}

static gboolean tick_cb (GtkWidget     *widget,
                         GdkFrameClock *frame_clock,
                         gpointer       user_data);

static void
ensure_tick (EntGraphCanvas *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

/* People who turned animations off get every change at once. */
static gboolean
animations_enabled (EntGraphCanvas *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled && gtk_widget_get_mapped (GTK_WIDGET (self));
}

static gint64
frame_time (EntGraphCanvas *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  return clock != NULL ? gdk_frame_clock_get_frame_time (clock) : g_get_monotonic_time ();
}

/* Moves the camera so that layout point (cx, cy) ends up in the middle at
 * @zoom: animated when the widget is on screen. */
static void
move_camera (EntGraphCanvas *self,
             double          zoom,
             double          cx,
             double          cy,
             gboolean        animate)
{
  double ox, oy;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);

  if (!animate || !animations_enabled (self))
    {
      self->camera_start = 0;
      camera_for_center (self, zoom, cx, cy, &ox, &oy);
      set_camera (self, zoom, ox, oy);
      return;
    }

  self->from_zoom = self->zoom;
  self->from_cx = (gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 - self->ox) / self->zoom;
  self->from_cy = (gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 - self->oy) / self->zoom;
  self->to_zoom = zoom;
  self->to_cx = cx;
  self->to_cy = cy;
  self->camera_start = frame_time (self);
  ensure_tick (self);
}

static void
fit_camera (EntGraphCanvas *self,
            gboolean        animate)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  const EntRect *bounds;
  double zoom;

  if (self->layout == NULL)
    return;
  if (width <= 0 || height <= 0)
    {
      self->pending_fit = TRUE;
      return;
    }
  self->pending_fit = FALSE;

  bounds = &self->layout->bounds;
  zoom = MIN ((width - 2 * FIT_PADDING) / MAX (bounds->width, 1.0),
              (height - 2 * FIT_PADDING) / MAX (bounds->height, 1.0));
  zoom = CLAMP (zoom, MIN_ZOOM, FIT_MAX_ZOOM);
  move_camera (self, zoom,
               bounds->x + bounds->width / 2.0,
               bounds->y + bounds->height / 2.0,
               animate);
}

static void
ensure_node_visible (EntGraphCanvas *self,
                     guint           node)
{
  const EntLayoutNode *n = &self->layout->nodes[node];
  double x = n->x * self->zoom + self->ox;
  double y = n->y * self->zoom + self->oy;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (x >= VISIBLE_INSET && x <= width - VISIBLE_INSET &&
      y >= VISIBLE_INSET && y <= height - VISIBLE_INSET)
    return;
  move_camera (self, self->zoom, n->x, n->y, TRUE);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  EntGraphCanvas *self = ENT_GRAPH_CANVAS (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  gboolean more = FALSE;

  if (self->camera_start != 0)
    {
      double t = MIN (1.0, (double) (now - self->camera_start) / CAMERA_USEC);
      double e = ease_out_cubic (t);
      /* Zoom moves evenly in log scale, the centre in layout points. */
      double zoom = exp (log (self->from_zoom) + (log (self->to_zoom) - log (self->from_zoom)) * e);
      double cx = self->from_cx + (self->to_cx - self->from_cx) * e;
      double cy = self->from_cy + (self->to_cy - self->from_cy) * e;
      double ox, oy;

      camera_for_center (self, zoom, cx, cy, &ox, &oy);
      set_camera (self, zoom, ox, oy);
      if (t >= 1.0)
        self->camera_start = 0;
      else
        more = TRUE;
    }

  if (self->transition_start != 0)
    {
      double t = MIN (1.0, (double) (now - self->transition_start) / TRANSITION_USEC);

      self->transition_t = ease_out_cubic (t);
      if (t >= 1.0)
        {
          self->transition_start = 0;
          self->transition_t = 1.0;
          g_clear_pointer (&self->from_layout, ent_layout_unref);
          invalidate_cache (self);
        }
      else
        more = TRUE;
      gtk_widget_queue_draw (widget);
    }

  if (!more)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Layout ------------------------------------------------------------------ */

static void
set_busy (EntGraphCanvas *self,
          gboolean        busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_BUSY, busy, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_accessible_label (EntGraphCanvas *self)
{
  g_autofree char *label = NULL;

  if (self->layout != NULL)
    label = g_strdup_printf (_("Graph of %u entities and %u relations"),
                             self->layout->n_nodes, self->layout->n_edges);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : _("Graph"),
                                  -1);
}

static gboolean
same_graph (EntLayout *a,
            EntLayout *b)
{
  return a != NULL && b != NULL &&
         ent_view_get_graph (ent_layout_get_view (a)) == ent_view_get_graph (ent_layout_get_view (b));
}

static void
install_layout (EntGraphCanvas      *self,
                EntLayout           *layout,
                EntGraphCanvasFlags  flags)
{
  g_autoptr(EntLayout) old = g_steal_pointer (&self->layout);
  gboolean animate;

  self->layout = ent_layout_ref (layout);
  self->hover_node = ENT_LAYOUT_NONE;
  self->hover_edge = ENT_LAYOUT_NONE;
  g_clear_pointer (&self->legend, gsk_render_node_unref);
  g_clear_pointer (&self->from_layout, ent_layout_unref);
  self->transition_start = 0;
  self->transition_t = 1.0;

  animate = (flags & ENT_GRAPH_CANVAS_ANIMATE) != 0 &&
            animations_enabled (self) &&
            same_graph (old, layout) &&
            old->n_nodes + layout->n_nodes <= MAX_ANIMATED_NODES;
  if (animate)
    {
      self->from_layout = g_steal_pointer (&old);
      self->transition_start = frame_time (self);
      self->transition_t = 0.0;
      ensure_tick (self);
    }

  rebuild_state (self);
  invalidate_cache (self);
  update_accessible_label (self);

  if ((flags & ENT_GRAPH_CANVAS_KEEP_CAMERA) == 0)
    fit_camera (self, animate);

  g_signal_emit (self, signals[LAYOUT_CHANGED], 0);
}

typedef struct {
  EntGraphCanvas      *self;
  GCancellable        *cancellable;
  EntGraphCanvasFlags  flags;
} LayoutRequest;

static void
layout_request_free (LayoutRequest *request)
{
  g_object_unref (request->self);
  g_object_unref (request->cancellable);
  g_free (request);
}

static void
layout_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LayoutRequest *request = user_data;
  EntGraphCanvas *self = request->self;
  g_autoptr(EntLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  layout = ent_layout_compute_finish (result, &error);

  /* A newer request (or dispose) superseded this one. */
  if (g_cancellable_is_cancelled (request->cancellable) || request->cancellable != self->cancellable)
    {
      layout_request_free (request);
      return;
    }

  set_busy (self, FALSE);
  if (layout == NULL)
    {
      g_debug ("Could not lay the view out: %s", error->message);
      g_signal_emit (self, signals[LAYOUT_FAILED], 0, error);
    }
  else
    install_layout (self, layout, request->flags);

  layout_request_free (request);
}

static void
request_layout (EntGraphCanvas      *self,
                EntGraphCanvasFlags  flags)
{
  LayoutRequest *request;
  EntLayout *previous = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->view == NULL)
    {
      set_busy (self, FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  if (self->layout != NULL &&
      ent_view_get_graph (ent_layout_get_view (self->layout)) == ent_view_get_graph (self->view))
    previous = self->layout;

  request = g_new0 (LayoutRequest, 1);
  request->self = g_object_ref (self);
  request->cancellable = g_object_ref (self->cancellable);
  request->flags = flags;
  ent_layout_compute_incremental_async (self->view, self->engine, previous,
                                        self->cancellable, layout_ready_cb, request);
}

/* Drawing ----------------------------------------------------------------- */

static void
init_options (EntGraphCanvas   *self,
              EntRenderOptions *options,
              const EntRect    *visible,
              gboolean          fast)
{
  ent_render_options_init (options, self->palette);
  options->overview_labels = 48;
  options->state = &self->state;
  options->visible = *visible;
  options->draw_background = FALSE;
  options->antialias_fast = fast;
}

/* The static drawing as a texture: on an image surface the renderer writes
 * thin edges and small shapes into the pixels itself, several times faster
 * than the recording surface behind GTK 4.8's cairo nodes. */
static GskRenderNode *
render_rect_texture (EntGraphCanvas *self,
                     const EntRect  *rect,
                     double          scale)
{
  EntRenderOptions options;
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height, stride;

  init_options (self, &options, rect, FALSE);
  surface = ent_render_to_image (self->layout, NULL, 1.0, &options, rect, scale);
  if (surface == NULL)
    return NULL;
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* Cairo's ARGB32 is premultiplied native-endian, GDK_MEMORY_DEFAULT. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
  return gsk_texture_node_new (texture, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* A cairo node of @rect (layout points) drawn at @scale device pixels a point. */
static GskRenderNode *
render_rect (EntGraphCanvas *self,
             const EntRect  *rect,
             double          scale,
             gboolean        transition)
{
  GskRenderNode *node;
  EntRenderOptions options;
  cairo_t *cr;

  if (!transition && (node = render_rect_texture (self, rect, scale)) != NULL)
    return node;

  node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0,
                                                  ceil (rect->width * scale),
                                                  ceil (rect->height * scale)));
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -rect->x, -rect->y);

  init_options (self, &options, rect, transition);
  if (transition)
    ent_render_draw_transition (cr, self->from_layout, self->layout, self->transition_t, &options);
  else
    ent_render_draw (cr, self->layout, &options);

  cairo_destroy (cr);
  return node;
}

static gboolean
rect_contains (const EntRect *outer,
               const EntRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

static gboolean
cache_is_usable (EntGraphCanvas *self,
                 const EntRect  *viewport,
                 double          device_scale)
{
  double ratio;

  if (self->cache == NULL ||
      self->cache_serial != self->state_serial ||
      self->cache_palette != self->palette ||
      !rect_contains (&self->cache_rect, viewport))
    return FALSE;

  ratio = self->zoom * device_scale / self->cache_scale;
  if (fabs (ratio - 1.0) < 1e-3)
    return TRUE;
  /* While the zoom moves, a scaled copy is good enough; it is redrawn sharp
   * once the zoom settles. */
  return self->settle_id != 0 && ratio > 0.5 && ratio < 2.0;
}

static void
rebuild_cache (EntGraphCanvas *self,
               const EntRect  *viewport,
               double          device_scale)
{
  double scale = self->zoom * device_scale;
  double longest = MAX (viewport->width, viewport->height) * scale;
  double margin = CACHE_MARGIN;

  /* Keep the surface to a size every renderer takes. */
  if (longest * (1.0 + 2.0 * margin) > CACHE_MAX_PIXELS)
    margin = MAX (0.0, (CACHE_MAX_PIXELS / longest - 1.0) / 2.0);

  g_clear_pointer (&self->cache, gsk_render_node_unref);
  self->cache_rect.x = viewport->x - viewport->width * margin;
  self->cache_rect.y = viewport->y - viewport->height * margin;
  self->cache_rect.width = viewport->width * (1.0 + 2.0 * margin);
  self->cache_rect.height = viewport->height * (1.0 + 2.0 * margin);
  self->cache_scale = scale;
  self->cache_serial = self->state_serial;
  self->cache_palette = self->palette;
  self->cache = render_rect (self, &self->cache_rect, scale, FALSE);
}

static void
append_scaled (EntGraphCanvas *self,
               GtkSnapshot    *snapshot,
               GskRenderNode  *node,
               const EntRect  *rect,
               double          scale)
{
  double factor = self->zoom / scale;
  double x = rect->x * self->zoom + self->ox;
  double y = rect->y * self->zoom + self->oy;

  gtk_snapshot_save (snapshot);
  /* At the zoom it was drawn for, on whole pixels: no resampling blur. */
  if (fabs (factor - 1.0) < 1e-3)
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  else
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      gtk_snapshot_scale (snapshot, factor, factor);
    }
  gtk_snapshot_append_node (snapshot, node);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_legend (EntGraphCanvas *self,
                 GtkSnapshot    *snapshot,
                 double          device_scale)
{
  const EntPalette *palette = ent_palette_get (self->palette);
  double width, height;
  int widget_height = gtk_widget_get_height (GTK_WIDGET (self));

  ent_render_legend_size (self->layout, palette, &width, &height);
  if (width <= 0 || height <= 0 || height + 2 * LEGEND_MARGIN > widget_height)
    return;

  if (self->legend == NULL)
    {
      cairo_t *cr;

      self->legend = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0,
                                                              ceil (width * device_scale),
                                                              ceil (height * device_scale)));
      cr = gsk_cairo_node_get_draw_context (self->legend);
      cairo_scale (cr, device_scale, device_scale);
      ent_render_draw_legend (cr, self->layout, palette, 0, 0);
      cairo_destroy (cr);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (LEGEND_MARGIN, widget_height - height - LEGEND_MARGIN));
  gtk_snapshot_scale (snapshot, 1.0 / device_scale, 1.0 / device_scale);
  gtk_snapshot_append_node (snapshot, self->legend);
  gtk_snapshot_restore (snapshot);
}

static void
ent_graph_canvas_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  EntGraphCanvas *self = ENT_GRAPH_CANVAS (widget);
  const EntPalette *palette = ent_palette_get (self->palette);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double device_scale = gtk_widget_get_scale_factor (widget);
  GdkRGBA background = {
    palette->background.red, palette->background.green,
    palette->background.blue, palette->background.alpha,
  };
  EntRect viewport;

  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  get_viewport (self, &viewport);

  if (self->from_layout != NULL)
    {
      /* Every frame of a view change is different: no cache. */
      g_autoptr(GskRenderNode) frame = render_rect (self, &viewport, self->zoom * device_scale, TRUE);
      append_scaled (self, snapshot, frame, &viewport, self->zoom * device_scale);
    }
  else
    {
      if (!cache_is_usable (self, &viewport, device_scale))
        rebuild_cache (self, &viewport, device_scale);
      append_scaled (self, snapshot, self->cache, &self->cache_rect, self->cache_scale);
    }

  if (self->show_legend)
    snapshot_legend (self, snapshot, device_scale);

  gtk_snapshot_pop (snapshot);
}

static void
ent_graph_canvas_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  EntGraphCanvas *self = ENT_GRAPH_CANVAS (widget);

  if (self->pending_fit)
    fit_camera (self, FALSE);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
ent_graph_canvas_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = 120;
  *natural = 600;
}

static void
ent_graph_canvas_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  EntGraphCanvas *self = ENT_GRAPH_CANVAS (widget);
  EntPaletteKind palette;

  GTK_WIDGET_CLASS (ent_graph_canvas_parent_class)->css_changed (widget, change);

  palette = ent_theme_get_palette (widget);
  if (palette != self->palette)
    {
      self->palette = palette;
      g_clear_pointer (&self->legend, gsk_render_node_unref);
      invalidate_cache (self);
    }
}

/* Input ------------------------------------------------------------------- */

static void
popup_context_menu (EntGraphCanvas *self,
                    double          x,
                    double          y)
{
  if (self->context_menu == NULL)
    return;

  if (self->popover == NULL)
    {
      self->popover = gtk_popover_menu_new_from_model (self->context_menu);
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
      gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
context_menu_at (EntGraphCanvas *self,
                 double          x,
                 double          y)
{
  guint node;

  if (node_at (self, x, y, &node))
    set_selection (self, self->layout->nodes[node].entity, ENT_GRAPH_CANVAS_NONE);
  popup_context_menu (self, x, y);
}

void
ent_graph_canvas_click_at (EntGraphCanvas *self,
                           double          x,
                           double          y,
                           int             n_press)
{
  guint node, edge;

  g_return_if_fail (ENT_IS_GRAPH_CANVAS (self));

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (node_at (self, x, y, &node))
    {
      guint entity = self->layout->nodes[node].entity;

      set_selection (self, entity, ENT_GRAPH_CANVAS_NONE);
      if (n_press == 2)
        g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, entity);
    }
  else if (edge_at (self, x, y, &edge))
    set_selection (self, ENT_GRAPH_CANVAS_NONE, self->layout->edges[edge].relation);
  else if (n_press == 1)
    set_selection (self, ENT_GRAPH_CANVAS_NONE, ENT_GRAPH_CANVAS_NONE);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   EntGraphCanvas  *self)
{
  ent_graph_canvas_click_at (self, x, y, n_press);
}

static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      EntGraphCanvas  *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  context_menu_at (self, x, y);
}

static void
long_pressed_cb (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 EntGraphCanvas      *self)
{
  context_menu_at (self, x, y);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               EntGraphCanvas *self)
{
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_SECONDARY)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_ox = self->ox;
  self->drag_oy = self->oy;
  self->dragging = FALSE;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                EntGraphCanvas *self)
{
  /* Below the threshold it is still a click. */
  if (!self->dragging && !gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
    return;

  if (!self->dragging)
    {
      self->dragging = TRUE;
      self->camera_start = 0;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  set_camera (self, self->zoom, self->drag_ox + dx, self->drag_oy + dy);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             EntGraphCanvas *self)
{
  if (!self->dragging)
    return;
  self->dragging = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           EntGraphCanvas           *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (self->layout == NULL)
    return FALSE;

  /* A mouse wheel zooms; a touchpad pans, and zooms with Ctrl. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    zoom_at (self, self->pointer_x, self->pointer_y, self->zoom * pow (ZOOM_STEP, -dy));
  else if (state & GDK_CONTROL_MASK)
    zoom_at (self, self->pointer_x, self->pointer_y, self->zoom * pow (1.01, -dy));
  else
    {
      self->camera_start = 0;
      set_camera (self, self->zoom, self->ox - dx, self->oy - dy);
    }
  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           EntGraphCanvas           *self)
{
  guint node = ENT_LAYOUT_NONE;
  guint edge = ENT_LAYOUT_NONE;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->dragging || self->from_layout != NULL)
    return;

  if (!node_at (self, x, y, &node) && !edge_at (self, x, y, &edge))
    node = edge = ENT_LAYOUT_NONE;
  set_hover (self, node, edge);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          EntGraphCanvas           *self)
{
  set_hover (self, ENT_LAYOUT_NONE, ENT_LAYOUT_NONE);
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               EntGraphCanvas   *self)
{
  self->pinch_zoom = self->zoom;
  if (!gtk_gesture_get_bounding_box_center (gesture, &self->pinch_x, &self->pinch_y))
    {
      self->pinch_x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      self->pinch_y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       EntGraphCanvas *self)
{
  zoom_at (self, self->pinch_x, self->pinch_y, self->pinch_zoom * scale);
}

static gboolean
query_tooltip_cb (GtkWidget      *widget,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip,
                  EntGraphCanvas *self)
{
  EntGraph *graph;
  g_autofree char *markup = NULL;
  guint node, edge;

  if (self->layout == NULL || keyboard)
    return FALSE;
  graph = ent_view_get_graph (ent_layout_get_view (self->layout));

  if (node_at (self, x, y, &node))
    {
      EntGraphEntity *entity = ent_graph_get_entity (graph, self->layout->nodes[node].entity);

      markup = g_markup_printf_escaped ("<b>%s</b>\n%s", entity->name,
                                        ent_entity_type_to_label (entity->type));
    }
  else if (edge_at (self, x, y, &edge))
    {
      EntGraphRelation *relation = ent_graph_get_relation (graph, self->layout->edges[edge].relation);
      const char *arrow = ent_relation_type_is_symmetric (relation->type) ? "—" : "→";

      markup = g_markup_printf_escaped (ngettext ("<b>%s</b>\n%s %s %s\n%u source",
                                                  "<b>%s</b>\n%s %s %s\n%u sources",
                                                  relation->weight),
                                        ent_relation_type_to_label (relation->type),
                                        ent_graph_get_entity (graph, relation->source)->name,
                                        arrow,
                                        ent_graph_get_entity (graph, relation->target)->name,
                                        relation->weight);
    }

  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { x - 4, y - 4, 8, 8 });
  return TRUE;
}

/* Keyboard ---------------------------------------------------------------- */

static gboolean
move_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  return ent_graph_canvas_move_selection (ENT_GRAPH_CANVAS (widget),
                                          (GtkDirectionType) g_variant_get_int32 (args));
}

static gboolean
activate_binding (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  EntGraphCanvas *self = ENT_GRAPH_CANVAS (widget);

  if (self->selected_entity == ENT_GRAPH_CANVAS_NONE)
    return FALSE;
  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, self->selected_entity);
  return TRUE;
}

static gboolean
unselect_binding (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  EntGraphCanvas *self = ENT_GRAPH_CANVAS (widget);

  if (self->selected_entity == ENT_GRAPH_CANVAS_NONE &&
      self->selected_relation == ENT_GRAPH_CANVAS_NONE)
    return FALSE;
  ent_graph_canvas_clear_selection (self);
  return TRUE;
}

static gboolean
menu_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  EntGraphCanvas *self = ENT_GRAPH_CANVAS (widget);
  double x, y;

  if (!ent_graph_canvas_get_entity_position (self, self->selected_entity, &x, &y))
    {
      x = gtk_widget_get_width (widget) / 2.0;
      y = gtk_widget_get_height (widget) / 2.0;
    }
  popup_context_menu (self, x, y);
  return TRUE;
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  EntGraphCanvas *self = ENT_GRAPH_CANVAS (widget);

  if (g_str_equal (action_name, "canvas.zoom-in"))
    ent_graph_canvas_zoom_in (self);
  else if (g_str_equal (action_name, "canvas.zoom-out"))
    ent_graph_canvas_zoom_out (self);
  else
    ent_graph_canvas_zoom_fit (self);
}

/* GObject ----------------------------------------------------------------- */

static void
ent_graph_canvas_dispose (GObject *object)
{
  EntGraphCanvas *self = ENT_GRAPH_CANVAS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_object (&self->context_menu);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  g_clear_pointer (&self->legend, gsk_render_node_unref);
  g_clear_pointer (&self->from_layout, ent_layout_unref);
  g_clear_pointer (&self->layout, ent_layout_unref);
  g_clear_pointer (&self->view, ent_view_unref);
  ent_render_state_clear (&self->state);

  G_OBJECT_CLASS (ent_graph_canvas_parent_class)->dispose (object);
}

static void
ent_graph_canvas_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EntGraphCanvas *self = ENT_GRAPH_CANVAS (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_boxed (value, self->view);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_ENGINE:
      g_value_set_int (value, self->engine);
      break;

    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_SELECTED_ENTITY:
      g_value_set_uint (value, self->selected_entity);
      break;

    case PROP_SELECTED_RELATION:
      g_value_set_uint (value, self->selected_relation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_graph_canvas_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EntGraphCanvas *self = ENT_GRAPH_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      ent_graph_canvas_set_engine (self, g_value_get_int (value));
      break;

    case PROP_SHOW_LEGEND:
      ent_graph_canvas_set_show_legend (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass   *widget_class,
                  guint             keyval,
                  guint             kp_keyval,
                  GtkDirectionType  direction)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, move_binding, "i", direction);
  gtk_widget_class_add_binding (widget_class, kp_keyval, 0, move_binding, "i", direction);
}

static void
ent_graph_canvas_class_init (EntGraphCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_graph_canvas_dispose;
  object_class->get_property = ent_graph_canvas_get_property;
  object_class->set_property = ent_graph_canvas_set_property;

  widget_class->snapshot = ent_graph_canvas_snapshot;
  widget_class->size_allocate = ent_graph_canvas_size_allocate;
  widget_class->measure = ent_graph_canvas_measure;
  widget_class->css_changed = ent_graph_canvas_css_changed;

  properties[PROP_VIEW] =
    g_param_spec_boxed ("view", NULL, NULL, ENT_TYPE_VIEW,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENGINE] =
    g_param_spec_int ("engine", NULL, NULL, ENT_LAYOUT_AUTO, ENT_N_LAYOUT_ENGINES - 1, ENT_LAYOUT_AUTO,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_ENTITY] =
    g_param_spec_uint ("selected-entity", NULL, NULL, 0, G_MAXUINT, ENT_GRAPH_CANVAS_NONE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_RELATION] =
    g_param_spec_uint ("selected-relation", NULL, NULL, 0, G_MAXUINT, ENT_GRAPH_CANVAS_NONE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Double click or Enter on an entity: the window focuses it. */
  signals[ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LAYOUT_CHANGED] =
    g_signal_new ("layout-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LAYOUT_FAILED] =
    g_signal_new ("layout-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_css_name (widget_class, "graphcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_action);

  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, GTK_DIR_UP);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, GTK_DIR_DOWN);
  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, GTK_DIR_LEFT);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, GTK_DIR_RIGHT);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Enter, 0, activate_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, unselect_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_binding, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "canvas.zoom-fit", NULL);
}

static void
ent_graph_canvas_init (EntGraphCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *gesture;
  GtkEventController *controller;

  self->zoom = 1.0;
  self->engine = ENT_LAYOUT_AUTO;
  self->show_legend = TRUE;
  self->transition_t = 1.0;
  self->selected_entity = ENT_GRAPH_CANVAS_NONE;
  self->selected_relation = ENT_GRAPH_CANVAS_NONE;
  self->hover_node = ENT_LAYOUT_NONE;
  self->hover_edge = ENT_LAYOUT_NONE;
  ent_render_state_init (&self->state);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (long_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  update_accessible_label (self);
}

/* Public API -------------------------------------------------------------- */

GtkWidget *
ent_graph_canvas_new (void)
{
  return g_object_new (ENT_TYPE_GRAPH_CANVAS, NULL);
}

void
ent_graph_canvas_set_view (EntGraphCanvas      *self,
                           EntView             *view,
                           EntGraphCanvasFlags  flags)
{
  g_return_if_fail (ENT_IS_GRAPH_CANVAS (self));

  if (view == self->view)
    return;

  g_clear_pointer (&self->view, ent_view_unref);
  self->view = view != NULL ? ent_view_ref (view) : NULL;

  if (view == NULL)
    {
      g_clear_pointer (&self->layout, ent_layout_unref);
      g_clear_pointer (&self->from_layout, ent_layout_unref);
      self->hover_node = self->hover_edge = ENT_LAYOUT_NONE;
      rebuild_state (self);
      invalidate_cache (self);
    }

  request_layout (self, flags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

EntView *
ent_graph_canvas_get_view (EntGraphCanvas *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_CANVAS (self), NULL);

  return self->view;
}

EntLayout *
ent_graph_canvas_get_layout (EntGraphCanvas *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_CANVAS (self), NULL);

  return self->layout;
}

gboolean
ent_graph_canvas_get_busy (EntGraphCanvas *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_CANVAS (self), FALSE);

  return self->busy;
}

EntLayoutEngine
ent_graph_canvas_get_engine (EntGraphCanvas *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_CANVAS (self), ENT_LAYOUT_AUTO);

  return self->engine;
}

void
ent_graph_canvas_set_engine (EntGraphCanvas  *self,
                             EntLayoutEngine  engine)
{
  g_return_if_fail (ENT_IS_GRAPH_CANVAS (self));
  g_return_if_fail (engine < ENT_N_LAYOUT_ENGINES);

  if (self->engine == engine)
    return;
  self->engine = engine;
  /* A new engine moves everything: animate, and fit the new shape. */
  request_layout (self, ENT_GRAPH_CANVAS_ANIMATE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);
}

gboolean
ent_graph_canvas_get_show_legend (EntGraphCanvas *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_CANVAS (self), FALSE);

  return self->show_legend;
}

void
ent_graph_canvas_set_show_legend (EntGraphCanvas *self,
                                  gboolean        show_legend)
{
  g_return_if_fail (ENT_IS_GRAPH_CANVAS (self));

  show_legend = !!show_legend;
  if (self->show_legend == show_legend)
    return;
  self->show_legend = show_legend;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LEGEND]);
}

void
ent_graph_canvas_set_context_menu (EntGraphCanvas *self,
                                   GMenuModel     *menu)
{
  g_return_if_fail (ENT_IS_GRAPH_CANVAS (self));
  g_return_if_fail (!menu || G_IS_MENU_MODEL (menu));

  if (!g_set_object (&self->context_menu, menu))
    return;
  g_clear_pointer (&self->popover, gtk_widget_unparent);
}

EntPaletteKind
ent_graph_canvas_get_palette (EntGraphCanvas *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_CANVAS (self), ENT_PALETTE_LIGHT);

  return self->palette;
}

guint
ent_graph_canvas_get_selected_entity (EntGraphCanvas *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_CANVAS (self), ENT_GRAPH_CANVAS_NONE);

  return self->selected_entity;
}

guint
ent_graph_canvas_get_selected_relation (EntGraphCanvas *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_CANVAS (self), ENT_GRAPH_CANVAS_NONE);

  return self->selected_relation;
}

void
ent_graph_canvas_select_entity (EntGraphCanvas *self,
                                guint           entity,
                                gboolean        scroll_to)
{
  guint node;

  g_return_if_fail (ENT_IS_GRAPH_CANVAS (self));

  set_selection (self, entity, ENT_GRAPH_CANVAS_NONE);
  if (scroll_to && layout_is_current (self) && entity != ENT_GRAPH_CANVAS_NONE &&
      ent_layout_lookup_entity (self->layout, entity, &node))
    ensure_node_visible (self, node);
}

void
ent_graph_canvas_select_relation (EntGraphCanvas *self,
                                  guint           relation)
{
  g_return_if_fail (ENT_IS_GRAPH_CANVAS (self));

  set_selection (self, ENT_GRAPH_CANVAS_NONE, relation);
}

void
ent_graph_canvas_clear_selection (EntGraphCanvas *self)
{
  g_return_if_fail (ENT_IS_GRAPH_CANVAS (self));

  set_selection (self, ENT_GRAPH_CANVAS_NONE, ENT_GRAPH_CANVAS_NONE);
}

static guint
node_nearest_center (EntGraphCanvas *self)
{
  double cx, cy, best = G_MAXDOUBLE;
  guint found = ENT_LAYOUT_NONE;

  widget_to_layout (self,
                    gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                    gtk_widget_get_height (GTK_WIDGET (self)) / 2.0,
                    &cx, &cy);
  for (guint i = 0; i < self->layout->n_nodes; i++)
    {
      double dx = self->layout->nodes[i].x - cx;
      double dy = self->layout->nodes[i].y - cy;
      double d = dx * dx + dy * dy;

      if (d < best)
        {
          best = d;
          found = i;
        }
    }
  return found;
}

/* How well @to continues from @from in @direction: lower is better, negative
 * means it does not lie that way at all. Distance counts, and so does leaving
 * the axis, so the key goes where the eye expects. */
static double
direction_score (const EntLayoutNode *from,
                 const EntLayoutNode *to,
                 GtkDirectionType     direction)
{
  double dx = to->x - from->x;
  double dy = to->y - from->y;
  double along, across;

  switch ((int) direction)
    {
    case GTK_DIR_UP:    along = -dy; across = dx; break;
    case GTK_DIR_DOWN:  along = dy;  across = dx; break;
    case GTK_DIR_LEFT:  along = -dx; across = dy; break;
    case GTK_DIR_RIGHT: along = dx;  across = dy; break;
    default:            return -1.0;
    }

  if (along <= 0 || fabs (across) > 2.5 * along)
    return -1.0;
  return along + 2.0 * fabs (across);
}

static guint
find_in_direction (EntGraphCanvas   *self,
                   guint             from,
                   GtkDirectionType  direction,
                   gboolean          neighbours_only)
{
  const EntLayoutNode *origin = &self->layout->nodes[from];
  double best = G_MAXDOUBLE;
  guint found = ENT_LAYOUT_NONE;

  for (guint i = 0; i < (neighbours_only ? self->layout->n_edges : self->layout->n_nodes); i++)
    {
      guint candidate;
      double score;

      if (neighbours_only)
        {
          const EntLayoutEdge *edge = &self->layout->edges[i];

          if (edge->source == from)
            candidate = edge->target;
          else if (edge->target == from)
            candidate = edge->source;
          else
            continue;
        }
      else
        candidate = i;

      if (candidate == from)
        continue;
      score = direction_score (origin, &self->layout->nodes[candidate], direction);
      if (score >= 0 && score < best)
        {
          best = score;
          found = candidate;
        }
    }
  return found;
}

gboolean
ent_graph_canvas_move_selection (EntGraphCanvas   *self,
                                 GtkDirectionType  direction)
{
  guint from, to;

  g_return_val_if_fail (ENT_IS_GRAPH_CANVAS (self), FALSE);

  if (!layout_is_current (self) || self->layout->n_nodes == 0)
    return FALSE;

  if (self->selected_entity == ENT_GRAPH_CANVAS_NONE ||
      !ent_layout_lookup_entity (self->layout, self->selected_entity, &from))
    to = node_nearest_center (self);
  else
    {
      /* Neighbours first: the arrows walk the graph, not the plane. */
      to = find_in_direction (self, from, direction, TRUE);
      if (to == ENT_LAYOUT_NONE)
        to = find_in_direction (self, from, direction, FALSE);
    }

  if (to == ENT_LAYOUT_NONE)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }

  set_selection (self, self->layout->nodes[to].entity, ENT_GRAPH_CANVAS_NONE);
  ensure_node_visible (self, to);
  return TRUE;
}

double
ent_graph_canvas_get_zoom (EntGraphCanvas *self)
{
  g_return_val_if_fail (ENT_IS_GRAPH_CANVAS (self), 1.0);

  return self->zoom;
}

static void
zoom_by (EntGraphCanvas *self,
         double          factor)
{
  double cx, cy;

  if (self->layout == NULL)
    return;
  widget_to_layout (self,
                    gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                    gtk_widget_get_height (GTK_WIDGET (self)) / 2.0,
                    &cx, &cy);
  /* Chain from the target of a running animation, so quick presses add up. */
  if (self->camera_start != 0)
    move_camera (self, self->to_zoom * factor, self->to_cx, self->to_cy, TRUE);
  else
    move_camera (self, self->zoom * factor, cx, cy, TRUE);
}

void
ent_graph_canvas_zoom_in (EntGraphCanvas *self)
{
  g_return_if_fail (ENT_IS_GRAPH_CANVAS (self));

  zoom_by (self, ZOOM_STEP);
}

void
ent_graph_canvas_zoom_out (EntGraphCanvas *self)
{
  g_return_if_fail (ENT_IS_GRAPH_CANVAS (self));

  zoom_by (self, 1.0 / ZOOM_STEP);
}

void
ent_graph_canvas_zoom_fit (EntGraphCanvas *self)
{
  g_return_if_fail (ENT_IS_GRAPH_CANVAS (self));

  fit_camera (self, TRUE);
}

gboolean
ent_graph_canvas_get_entity_position (EntGraphCanvas *self,
                                      guint           entity,
                                      double         *x,
                                      double         *y)
{
  guint node;

  g_return_val_if_fail (ENT_IS_GRAPH_CANVAS (self), FALSE);

  if (!layout_is_current (self) || entity == ENT_GRAPH_CANVAS_NONE ||
      !ent_layout_lookup_entity (self->layout, entity, &node))
    return FALSE;

  if (x != NULL)
    *x = self->layout->nodes[node].x * self->zoom + self->ox;
  if (y != NULL)
    *y = self->layout->nodes[node].y * self->zoom + self->oy;
  return TRUE;
}
