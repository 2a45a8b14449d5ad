/* ent-shape.c — node shape geometry shared by layout and render.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-shape"

#include "config.h"

#include <math.h>

#include "ent-shape-private.h"

#define PAD_X 8.0
#define PAD_Y 5.0
/* The pin's body ends at this fraction of its height; the point is below. */
#define PIN_BODY 0.6
#define PIN_NECK (PIN_BODY - 0.5)

typedef struct {
  double x, y;
} Vertex;

/* Vertices in the unit box [-0.5, 0.5]², clockwise on screen. */
static const Vertex hexagon[] = {
  { -0.5, 0 }, { -0.25, -0.5 }, { 0.25, -0.5 }, { 0.5, 0 }, { 0.25, 0.5 }, { -0.25, 0.5 },
};
#define OCT_A 0.2071
static const Vertex octagon[] = {
  { -OCT_A, -0.5 }, { OCT_A, -0.5 }, { 0.5, -OCT_A }, { 0.5, OCT_A },
  { OCT_A, 0.5 }, { -OCT_A, 0.5 }, { -0.5, OCT_A }, { -0.5, -OCT_A },
};
static const Vertex diamond[] = {
  { 0, -0.5 }, { 0.5, 0 }, { 0, 0.5 }, { -0.5, 0 },
};
static const Vertex pin[] = {
  { -0.5, -0.5 }, { 0.5, -0.5 }, { 0.5, PIN_NECK }, { 0, 0.5 }, { -0.5, PIN_NECK },
};
static const Vertex box[] = {
  { -0.5, -0.5 }, { 0.5, -0.5 }, { 0.5, 0.5 }, { -0.5, 0.5 },
};

static const Vertex *
shape_polygon (EntNodeShape  shape,
               guint        *n)
{
  switch (shape)
    {
    case ENT_NODE_SHAPE_HEXAGON:
      *n = G_N_ELEMENTS (hexagon);
      return hexagon;
    case ENT_NODE_SHAPE_OCTAGON:
      *n = G_N_ELEMENTS (octagon);
      return octagon;
    case ENT_NODE_SHAPE_DIAMOND:
      *n = G_N_ELEMENTS (diamond);
      return diamond;
    case ENT_NODE_SHAPE_PIN:
      *n = G_N_ELEMENTS (pin);
      return pin;
    case ENT_NODE_SHAPE_ROUNDED_BOX:
    case ENT_NODE_SHAPE_NOTE:
      *n = G_N_ELEMENTS (box);
      return box;
    case ENT_NODE_SHAPE_ELLIPSE:
    case ENT_N_NODE_SHAPES:
    default:
      *n = 0;
      return NULL;
    }
}

/* Even-odd crossing test in unit coordinates. */
static gboolean
polygon_contains (const Vertex *v,
                  guint         n,
                  double        x,
                  double        y)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      if ((v[i].y > y) != (v[j].y > y)
          && x < (v[j].x - v[i].x) * (y - v[i].y) / (v[j].y - v[i].y) + v[i].x)
        inside = !inside;
    }

  return inside;
}

gboolean
ent_shape_contains (EntNodeShape shape,
                    double       width,
                    double       height,
                    double       dx,
                    double       dy)
{
  const Vertex *polygon;
  double ux, uy;
  guint n;

  if (width <= 0 || height <= 0)
    return FALSE;

  ux = dx / width;
  uy = dy / height;
  if (fabs (ux) > 0.5 || fabs (uy) > 0.5)
    return FALSE;

  polygon = shape_polygon (shape, &n);
  if (polygon == NULL)
    return ux * ux + uy * uy <= 0.25;
  if (polygon == box)
    return TRUE;

  return polygon_contains (polygon, n, ux, uy);
}

void
ent_shape_boundary (EntNodeShape shape,
                    double       width,
                    double       height,
                    double       dx,
                    double       dy,
                    double      *bx,
                    double      *by)
{
  double length = hypot (dx, dy);
  double lo = 0, hi;

  if (length < 1e-9)
    {
      *bx = 0;
      *by = 0;
      return;
    }

  /* Bisection along the ray: every shape here is star-shaped from its centre,
   * and 30 steps reach far below a pixel at any zoom. */
  hi = hypot (width, height) / length;
  for (guint i = 0; i < 30; i++)
    {
      double mid = (lo + hi) / 2;

      if (ent_shape_contains (shape, width, height, dx * mid, dy * mid))
        lo = mid;
      else
        hi = mid;
    }

  *bx = dx * lo;
  *by = dy * lo;
}

/* The smallest width that keeps the padded label box inside the shape. */
static double
fit_width (EntNodeShape shape,
           double       half_x,
           double       half_y,
           double       height,
           double       label_dy)
{
  double lo = 2 * half_x, hi = 8 * half_x + 4 * height;

  for (guint i = 0; i < 30; i++)
    {
      double mid = (lo + hi) / 2;
      gboolean fits = ent_shape_contains (shape, mid, height, half_x, label_dy + half_y)
                      && ent_shape_contains (shape, mid, height, half_x, label_dy - half_y);

      if (fits)
        hi = mid;
      else
        lo = mid;
    }

  return ceil (hi);
}

void
ent_shape_size_for_label (EntNodeShape shape,
                          double       label_width,
                          double       label_height,
                          double      *width,
                          double      *height)
{
  double half_x = label_width / 2 + PAD_X;
  double half_y = label_height / 2 + PAD_Y;
  double w, h;

  switch (shape)
    {
    case ENT_NODE_SHAPE_ELLIPSE:
      w = ceil (2 * half_x * G_SQRT2);
      h = ceil (2 * half_y * G_SQRT2);
      break;
    case ENT_NODE_SHAPE_DIAMOND:
      /* A flatter diamond than the area-optimal 4×4 one: text is wide. */
      half_x = label_width / 2 + 2;
      h = ceil (2 * half_y * 2.6);
      w = fit_width (shape, half_x, half_y, h, 0);
      break;
    case ENT_NODE_SHAPE_HEXAGON:
      h = ceil (2 * half_y * 1.15);
      w = fit_width (shape, half_x, half_y, h, 0);
      break;
    case ENT_NODE_SHAPE_OCTAGON:
      h = ceil (2 * half_y * 1.3);
      w = fit_width (shape, half_x, half_y, h, 0);
      break;
    case ENT_NODE_SHAPE_PIN:
      h = ceil (2 * half_y / PIN_BODY);
      w = ceil (2 * half_x);
      break;
    case ENT_NODE_SHAPE_NOTE:
      w = ceil (2 * half_x + 6);
      h = ceil (2 * half_y);
      break;
    case ENT_NODE_SHAPE_ROUNDED_BOX:
    case ENT_N_NODE_SHAPES:
    default:
      w = ceil (2 * half_x);
      h = ceil (2 * half_y);
      break;
    }

  *width = w;
  *height = h;
}

double
ent_shape_label_offset (EntNodeShape shape,
                        double       height)
{
  if (shape == ENT_NODE_SHAPE_PIN)
    return (PIN_BODY / 2 - 0.5) * height;
  return 0;
}

const char *
ent_shape_graphviz_name (EntNodeShape shape)
{
  switch (shape)
    {
    case ENT_NODE_SHAPE_ELLIPSE:     return "ellipse";
    case ENT_NODE_SHAPE_HEXAGON:     return "hexagon";
    case ENT_NODE_SHAPE_ROUNDED_BOX: return "box";
    case ENT_NODE_SHAPE_NOTE:        return "note";
    case ENT_NODE_SHAPE_PIN:         return "invhouse";
    case ENT_NODE_SHAPE_DIAMOND:     return "diamond";
    case ENT_NODE_SHAPE_OCTAGON:     return "octagon";
    case ENT_N_NODE_SHAPES:
    default:                         return "box";
    }
}

static void
append_rounded_box (cairo_t *cr,
                    double   x,
                    double   y,
                    double   w,
                    double   h)
{
  double r = MIN (8.0, MIN (w, h) / 3);
  double l = x - w / 2, t = y - h / 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, l + w - r, t + r, r, -G_PI / 2, 0);
  cairo_arc (cr, l + w - r, t + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, l + r, t + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, l + r, t + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
append_note (cairo_t *cr,
             double   x,
             double   y,
             double   w,
             double   h)
{
  double fold = MIN (10.0, MIN (w, h) * 0.35);
  double l = x - w / 2, t = y - h / 2;

  cairo_move_to (cr, l, t);
  cairo_line_to (cr, l + w - fold, t);
  cairo_line_to (cr, l + w, t + fold);
  cairo_line_to (cr, l + w, t + h);
  cairo_line_to (cr, l, t + h);
  cairo_close_path (cr);
  /* The folded corner, as an open stroke-only flap. */
  cairo_move_to (cr, l + w - fold, t);
  cairo_line_to (cr, l + w - fold, t + fold);
  cairo_line_to (cr, l + w, t + fold);
}

static void
append_ellipse (cairo_t *cr,
                double   x,
                double   y,
                double   w,
                double   h)
{
  /* Four Bézier quadrants: cheaper than cairo_scale + cairo_arc per node. */
  const double k = 0.5522847498;
  double rx = w / 2, ry = h / 2;

  cairo_move_to (cr, x + rx, y);
  cairo_curve_to (cr, x + rx, y + k * ry, x + k * rx, y + ry, x, y + ry);
  cairo_curve_to (cr, x - k * rx, y + ry, x - rx, y + k * ry, x - rx, y);
  cairo_curve_to (cr, x - rx, y - k * ry, x - k * rx, y - ry, x, y - ry);
  cairo_curve_to (cr, x + k * rx, y - ry, x + rx, y - k * ry, x + rx, y);
  cairo_close_path (cr);
}

void
ent_shape_append_path (cairo_t     *cr,
                       EntNodeShape shape,
                       double       x,
                       double       y,
                       double       width,
                       double       height)
{
  const Vertex *polygon;
  guint n;

  switch (shape)
    {
    case ENT_NODE_SHAPE_ELLIPSE:
      append_ellipse (cr, x, y, width, height);
      return;
    case ENT_NODE_SHAPE_ROUNDED_BOX:
      append_rounded_box (cr, x, y, width, height);
      return;
    case ENT_NODE_SHAPE_NOTE:
      append_note (cr, x, y, width, height);
      return;
    case ENT_NODE_SHAPE_HEXAGON:
    case ENT_NODE_SHAPE_OCTAGON:
    case ENT_NODE_SHAPE_DIAMOND:
    case ENT_NODE_SHAPE_PIN:
    case ENT_N_NODE_SHAPES:
    default:
      break;
    }

  polygon = shape_polygon (shape, &n);
  if (polygon == NULL)
    {
      polygon = box;
      n = G_N_ELEMENTS (box);
    }

  cairo_move_to (cr, x + polygon[0].x * width, y + polygon[0].y * height);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, x + polygon[i].x * width, y + polygon[i].y * height);
  cairo_close_path (cr);
}

guint
ent_shape_polygon (EntNodeShape shape,
                   double       x,
                   double       y,
                   double       width,
                   double       height,
                   guint        ellipse_sides,
                   EntPoint    *points)
{
  const Vertex *polygon;
  guint n;

  if (shape == ENT_NODE_SHAPE_ELLIPSE)
    {
      n = CLAMP (ellipse_sides, 4, ENT_SHAPE_MAX_POLYGON);
      for (guint i = 0; i < n; i++)
        {
          double angle = 2 * G_PI * i / n;

          points[i].x = x + cos (angle) * width / 2;
          points[i].y = y + sin (angle) * height / 2;
        }
      return n;
    }

  polygon = shape_polygon (shape, &n);
  if (polygon == NULL)
    {
      polygon = box;
      n = G_N_ELEMENTS (box);
    }
  for (guint i = 0; i < n; i++)
    {
      points[i].x = x + polygon[i].x * width;
      points[i].y = y + polygon[i].y * height;
    }
  return n;
}
