/* ent-raster.c — a software rasteriser for thin lines and tiny boxes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-raster"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ent-raster-private.h"

/* Flattening tolerance of curves, in device pixels. */
#define FLATNESS 0.25
#define MAX_DEPTH 12

/* floor() is a libm call without SSE 4.1; pixel coordinates fit an int
 * once clamped far outside any surface. */
static inline int
ifloor (double value)
{
  int i;

  value = CLAMP (value, -1e9, 1e9);
  i = (int) value;
  return i - (value < i);
}

static int
clamp_int (double value,
           int    low,
           int    high)
{
  if (value < low)
    return low;
  if (value > high)
    return high;
  return (int) value;
}

static gboolean
read_clip (EntRaster *raster,
           cairo_t   *cr)
{
  cairo_rectangle_list_t *list = cairo_copy_clip_rectangle_list (cr);
  int width = cairo_image_surface_get_width (raster->surface);
  int height = cairo_image_surface_get_height (raster->surface);
  gboolean ok = FALSE;

  if (list->status == CAIRO_STATUS_SUCCESS && list->num_rectangles <= 1)
    {
      raster->clip_x0 = raster->clip_y0 = raster->clip_x1 = raster->clip_y1 = 0;
      if (list->num_rectangles == 1)
        {
          /* In user space: back to pixels (corners may swap with a flip). */
          const cairo_rectangle_t *r = &list->rectangles[0];
          double ax = raster->xx * r->x + raster->x0, bx = raster->xx * (r->x + r->width) + raster->x0;
          double ay = raster->yy * r->y + raster->y0, by = raster->yy * (r->y + r->height) + raster->y0;

          raster->clip_x0 = clamp_int (round (MIN (ax, bx)), 0, width);
          raster->clip_x1 = clamp_int (round (MAX (ax, bx)), 0, width);
          raster->clip_y0 = clamp_int (round (MIN (ay, by)), 0, height);
          raster->clip_y1 = clamp_int (round (MAX (ay, by)), 0, height);
        }
      ok = TRUE;
    }

  cairo_rectangle_list_destroy (list);
  return ok;
}

gboolean
ent_raster_begin (EntRaster *raster,
                  cairo_t   *cr)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_format_t format;
  cairo_matrix_t m;
  double sx, sy, ox, oy;

  memset (raster, 0, sizeof *raster);
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;
  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0)
    return FALSE;

  /* Pixels = device transformation (HiDPI scale, group offset) of user. */
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &ox, &oy);
  raster->surface = target;
  raster->xx = m.xx * sx;
  raster->yy = m.yy * sy;
  raster->x0 = m.x0 * sx + ox;
  raster->y0 = m.y0 * sy + oy;
  if (!read_clip (raster, cr))
    return FALSE;

  cairo_surface_flush (target);
  raster->data = cairo_image_surface_get_data (target);
  raster->stride = cairo_image_surface_get_stride (target);
  raster->opaque = format == CAIRO_FORMAT_RGB24;
  return raster->data != NULL;
}

void
ent_raster_finish (EntRaster *raster)
{
  if (raster->surface != NULL)
    cairo_surface_mark_dirty (raster->surface);
  raster->surface = NULL;
}

void
ent_raster_set_source (EntRaster      *raster,
                       const EntColor *color,
                       double          alpha)
{
  double a = CLAMP (color->alpha * alpha, 0, 1);

  raster->a = (int) (a * 255 + 0.5);
  raster->r = (int) (CLAMP (color->red, 0, 1) * a * 255 + 0.5);
  raster->g = (int) (CLAMP (color->green, 0, 1) * a * 255 + 0.5);
  raster->b = (int) (CLAMP (color->blue, 0, 1) * a * 255 + 0.5);
}

void
ent_raster_set_width (EntRaster *raster,
                      double     width)
{
  raster->half_width = width * sqrt (fabs (raster->xx * raster->yy)) / 2;
}

void
ent_raster_set_dash (EntRaster *raster,
                     double     on,
                     double     off)
{
  double scale = sqrt (fabs (raster->xx * raster->yy));

  raster->dash_on = on * scale;
  raster->dash_off = off * scale;
}

/* Source over, premultiplied, with coverage @k in 0..256. Shifts by 8
 * instead of dividing by 255: off by at most one level, invisible. */
static inline void
blend (const EntRaster *raster,
       guint32         *pixel,
       guint32          k)
{
  guint32 d = *pixel;
  guint32 inverse = 256 - ((raster->a * k) >> 8);
  guint32 a = ((raster->a * k) >> 8) + (((d >> 24) * inverse) >> 8);
  guint32 r = ((raster->r * k) >> 8) + ((((d >> 16) & 0xff) * inverse) >> 8);
  guint32 g = ((raster->g * k) >> 8) + ((((d >> 8) & 0xff) * inverse) >> 8);
  guint32 b = ((raster->b * k) >> 8) + (((d & 0xff) * inverse) >> 8);

  if (raster->opaque)
    a = 255;
  *pixel = (MIN (a, 255) << 24) | (MIN (r, 255) << 16) | (MIN (g, 255) << 8) | MIN (b, 255);
}

static inline guint32 *
pixel_at (const EntRaster *raster,
          int              x,
          int              y)
{
  return (guint32 *) (raster->data + (gsize) y * raster->stride) + x;
}

static inline gboolean
dash_off_at (const EntRaster *raster,
             double           position)
{
  double period = raster->dash_on + raster->dash_off;

  return fmod (MAX (position, 0), period) >= raster->dash_on;
}

/* Hairlines (at most about a pixel wide): Xiaolin Wu's algorithm, two
 * pixels per step along the major axis, the line's cross-section shared
 * between them by the fractional position of its centre. */
static void
hairline (EntRaster *raster,
          double     ax,
          double     ay,
          double     bx,
          double     by,
          double     length)
{
  gboolean x_major = fabs (bx - ax) >= fabs (by - ay);
  double a_major = x_major ? ax : ay, a_minor = x_major ? ay : ax;
  double b_major = x_major ? bx : by, b_minor = x_major ? by : bx;
  int clip_major0 = x_major ? raster->clip_x0 : raster->clip_y0;
  int clip_major1 = x_major ? raster->clip_x1 : raster->clip_y1;
  int clip_minor0 = x_major ? raster->clip_y0 : raster->clip_x0;
  int clip_minor1 = x_major ? raster->clip_y1 : raster->clip_x1;
  double slope, section, lo, hi;
  int m0, m1;

  if (a_major > b_major)
    {
      double t;

      t = a_major; a_major = b_major; b_major = t;
      t = a_minor; a_minor = b_minor; b_minor = t;
    }
  slope = (b_minor - a_minor) / MAX (b_major - a_major, 1e-9);
  /* Ink per step along the major axis: width over cos(angle). */
  section = MIN (2 * raster->half_width * length / MAX (b_major - a_major, 1e-9), 2.0);
  lo = a_major;
  hi = b_major;
  m0 = clamp_int (floor (lo), clip_major0, clip_major1);
  m1 = clamp_int (floor (hi) + 1, clip_major0, clip_major1);

  for (int m = m0; m < m1; m++)
    {
      /* The part of this pixel column the segment covers (its ends). */
      double extent = MIN (m + 1, hi) - MAX (m, lo);
      double centre = a_minor + (m + 0.5 - a_major) * slope - 0.5;
      int n = ifloor (centre);
      double f = centre - n;
      double ink = section * CLAMP (extent, 0, 1);
      double first = MIN ((1 - f) * ink, 1), second = MIN (f * ink, 1);

      if (n >= clip_minor0 && n < clip_minor1 && first > 0)
        blend (raster, x_major ? pixel_at (raster, m, n) : pixel_at (raster, n, m), (guint32) (first * 256));
      if (n + 1 >= clip_minor0 && n + 1 < clip_minor1 && second > 0)
        blend (raster, x_major ? pixel_at (raster, m, n + 1) : pixel_at (raster, n + 1, m), (guint32) (second * 256));
    }
}

/* One segment in device pixels: coverage from the distance of each pixel
 * centre to the centre line, butt ends, anti-aliased over half a pixel.
 * Rows outside, columns inside: the pixels of one row are contiguous in
 * memory, which matters more than anything else here. Along and across the
 * line are linear in x, so the inner loop only adds. */
static void
segment (EntRaster *raster,
         double     ax,
         double     ay,
         double     bx,
         double     by,
         double    *dash_position)
{
  double dx = bx - ax, dy = by - ay;
  double length = sqrt (dx * dx + dy * dy);
  double reach = raster->half_width + 0.5;
  double ux, uy, x_lo, x_hi, half_row;
  gboolean dashed = raster->dash_on > 0;
  int y0, y1;

  if (length < 1e-9)
    return;
  if (MAX (ax, bx) + reach < raster->clip_x0 || MIN (ax, bx) - reach >= raster->clip_x1
      || MAX (ay, by) + reach < raster->clip_y0 || MIN (ay, by) - reach >= raster->clip_y1)
    {
      *dash_position += length;
      return;
    }

  if (raster->half_width <= 0.6 && !dashed)
    {
      hairline (raster, ax, ay, bx, by, length);
      *dash_position += length;
      return;
    }

  ux = dx / length;
  uy = dy / length;
  x_lo = MIN (ax, bx) - reach;
  x_hi = MAX (ax, bx) + reach;
  /* Half the width of the line's footprint on one row. */
  half_row = fabs (uy) > 1e-6 ? reach / fabs (uy) : G_MAXDOUBLE;
  y0 = clamp_int (floor (MIN (ay, by) - reach), raster->clip_y0, raster->clip_y1);
  y1 = clamp_int (floor (MAX (ay, by) + reach) + 1, raster->clip_y0, raster->clip_y1);

  for (int y = y0; y < y1; y++)
    {
      double cy = y + 0.5;
      double from = x_lo, to = x_hi;
      int x0, x1;
      double tx, along, across;
      guint32 *pixel;

      if (half_row < G_MAXDOUBLE)
        {
          double centre = ax + (cy - ay) * dx / dy;

          from = MAX (from, centre - half_row);
          to = MIN (to, centre + half_row);
        }
      x0 = clamp_int (floor (from), raster->clip_x0, raster->clip_x1);
      x1 = clamp_int (floor (to) + 1, raster->clip_x0, raster->clip_x1);
      if (x0 >= x1)
        continue;

      tx = x0 + 0.5 - ax;
      along = tx * ux + (cy - ay) * uy;
      across = tx * uy - (cy - ay) * ux;
      pixel = pixel_at (raster, x0, y);
      for (int x = x0; x < x1; x++, along += ux, across += uy, pixel++)
        {
          double coverage = reach - fabs (across);

          if (coverage <= 0)
            continue;
          if (coverage > 1)
            coverage = 1;
          if (along < 0.5)
            coverage *= MAX (along + 0.5, 0);
          else if (along > length - 0.5)
            coverage *= MAX (length - along + 0.5, 0);
          if (coverage <= 0 || (dashed && dash_off_at (raster, *dash_position + along)))
            continue;
          blend (raster, pixel, (guint32) (coverage * 256));
        }
    }

  *dash_position += length;
}

static void
flatten (EntRaster      *raster,
         const EntPoint *p,
         guint           depth,
         double         *dash_position)
{
  double dx = p[3].x - p[0].x, dy = p[3].y - p[0].y;
  double d1 = fabs ((p[1].x - p[3].x) * dy - (p[1].y - p[3].y) * dx);
  double d2 = fabs ((p[2].x - p[3].x) * dy - (p[2].y - p[3].y) * dx);
  EntPoint left[4], right[4], ab, bc, cd, abc, bcd, mid;

  /* Flat when both control points are within FLATNESS of the chord. */
  if (depth >= MAX_DEPTH || (d1 + d2) * (d1 + d2) <= FLATNESS * FLATNESS * (dx * dx + dy * dy))
    {
      segment (raster, p[0].x, p[0].y, p[3].x, p[3].y, dash_position);
      return;
    }

  ab.x = (p[0].x + p[1].x) / 2; ab.y = (p[0].y + p[1].y) / 2;
  bc.x = (p[1].x + p[2].x) / 2; bc.y = (p[1].y + p[2].y) / 2;
  cd.x = (p[2].x + p[3].x) / 2; cd.y = (p[2].y + p[3].y) / 2;
  abc.x = (ab.x + bc.x) / 2; abc.y = (ab.y + bc.y) / 2;
  bcd.x = (bc.x + cd.x) / 2; bcd.y = (bc.y + cd.y) / 2;
  mid.x = (abc.x + bcd.x) / 2; mid.y = (abc.y + bcd.y) / 2;
  left[0] = p[0]; left[1] = ab; left[2] = abc; left[3] = mid;
  right[0] = mid; right[1] = bcd; right[2] = cd; right[3] = p[3];
  flatten (raster, left, depth + 1, dash_position);
  flatten (raster, right, depth + 1, dash_position);
}

void
ent_raster_stroke_curve (EntRaster      *raster,
                         const EntPoint *points,
                         guint           n_points)
{
  double dash_position = 0;

  for (guint k = 0; k + 3 < n_points; k += 3)
    {
      EntPoint device[4];

      for (guint i = 0; i < 4; i++)
        {
          device[i].x = raster->xx * points[k + i].x + raster->x0;
          device[i].y = raster->yy * points[k + i].y + raster->y0;
        }
      flatten (raster, device, 0, &dash_position);
    }
}

void
ent_raster_fill_box (EntRaster *raster,
                     double     x,
                     double     y,
                     double     width,
                     double     height)
{
  double ax = raster->xx * x + raster->x0, bx = raster->xx * (x + width) + raster->x0;
  double ay = raster->yy * y + raster->y0, by = raster->yy * (y + height) + raster->y0;
  double x0 = MIN (ax, bx), x1 = MAX (ax, bx), y0 = MIN (ay, by), y1 = MAX (ay, by);
  int px0 = clamp_int (floor (x0), raster->clip_x0, raster->clip_x1);
  int px1 = clamp_int (ceil (x1), raster->clip_x0, raster->clip_x1);
  int py0 = clamp_int (floor (y0), raster->clip_y0, raster->clip_y1);
  int py1 = clamp_int (ceil (y1), raster->clip_y0, raster->clip_y1);

  /* Exact area coverage of each pixel by the box. */
  for (int py = py0; py < py1; py++)
    {
      double cy = MIN (py + 1, y1) - MAX (py, y0);

      for (int px = px0; px < px1; px++)
        {
          double cx = MIN (px + 1, x1) - MAX (px, x0);

          if (cx > 0 && cy > 0)
            blend (raster, pixel_at (raster, px, py), (guint32) (MIN (cx * cy, 1) * 256));
        }
    }
}

#define SUBSAMPLES 4

/* Adds to @coverage (indexed from @x_origin) the horizontal coverage of
 * [left, right) on one sub-row, weighted by @weight. */
static void
accumulate_span (float  *coverage,
                 int     x_origin,
                 int     width,
                 double  left,
                 double  right,
                 double  weight)
{
  int a = ifloor (left), b = ifloor (right);

  if (right <= left)
    return;
  if (a == b)
    {
      int i = a - x_origin;

      if (i >= 0 && i < width)
        coverage[i] += (float) ((right - left) * weight);
      return;
    }
  if (a - x_origin >= 0 && a - x_origin < width)
    coverage[a - x_origin] += (float) ((a + 1 - left) * weight);
  for (int x = MAX (a + 1, x_origin); x < MIN (b, x_origin + width); x++)
    coverage[x - x_origin] += (float) weight;
  if (b - x_origin >= 0 && b - x_origin < width)
    coverage[b - x_origin] += (float) ((right - b) * weight);
}

void
ent_raster_fill_convex (EntRaster      *raster,
                        const EntPoint *points,
                        guint           n_points)
{
  EntPoint device[32];
  double x_min = G_MAXDOUBLE, x_max = -G_MAXDOUBLE, y_min = G_MAXDOUBLE, y_max = -G_MAXDOUBLE;
  int px0, px1, py0, py1, width;
  float stack_coverage[512];
  g_autofree float *heap_coverage = NULL;
  float *coverage;

  n_points = MIN (n_points, G_N_ELEMENTS (device));
  if (n_points < 3)
    return;
  for (guint i = 0; i < n_points; i++)
    {
      device[i].x = raster->xx * points[i].x + raster->x0;
      device[i].y = raster->yy * points[i].y + raster->y0;
      x_min = MIN (x_min, device[i].x);
      x_max = MAX (x_max, device[i].x);
      y_min = MIN (y_min, device[i].y);
      y_max = MAX (y_max, device[i].y);
    }

  px0 = clamp_int (ifloor (x_min), raster->clip_x0, raster->clip_x1);
  px1 = clamp_int (ifloor (x_max) + 1, raster->clip_x0, raster->clip_x1);
  py0 = clamp_int (ifloor (y_min), raster->clip_y0, raster->clip_y1);
  py1 = clamp_int (ifloor (y_max) + 1, raster->clip_y0, raster->clip_y1);
  width = px1 - px0;
  if (width <= 0 || py1 <= py0)
    return;

  /* Small nodes are the common case: no allocation for them. */
  if (width <= (int) G_N_ELEMENTS (stack_coverage))
    coverage = stack_coverage;
  else
    coverage = heap_coverage = g_new (float, width);
  for (int y = py0; y < py1; y++)
    {
      guint32 *pixel = pixel_at (raster, px0, y);

      memset (coverage, 0, width * sizeof (float));
      for (guint k = 0; k < SUBSAMPLES; k++)
        {
          double sy = y + (k + 0.5) / SUBSAMPLES;
          double left = G_MAXDOUBLE, right = -G_MAXDOUBLE;

          /* A convex outline crosses a horizontal line twice at most. */
          for (guint i = 0, j = n_points - 1; i < n_points; j = i++)
            {
              const EntPoint *p = &device[i], *q = &device[j];
              double x;

              if ((p->y > sy) == (q->y > sy))
                continue;
              x = p->x + (sy - p->y) * (q->x - p->x) / (q->y - p->y);
              left = MIN (left, x);
              right = MAX (right, x);
            }
          accumulate_span (coverage, px0, width, left, right, 1.0 / SUBSAMPLES);
        }
      for (int i = 0; i < width; i++)
        if (coverage[i] > 0.002f)
          blend (raster, pixel + i, (guint32) (MIN (coverage[i], 1.0f) * 256));
    }
}

void
ent_raster_stroke_closed (EntRaster      *raster,
                          const EntPoint *points,
                          guint           n_points)
{
  double dash_position = 0;

  for (guint i = 0, j = n_points - 1; i < n_points; j = i++)
    segment (raster,
             raster->xx * points[j].x + raster->x0, raster->yy * points[j].y + raster->y0,
             raster->xx * points[i].x + raster->x0, raster->yy * points[i].y + raster->y0,
             &dash_position);
}
