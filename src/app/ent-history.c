/* ent-history.c — the views a window went through, for Back and Forward.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-history"

#include "config.h"

#include "ent-history.h"

struct _EntHistory
{
  GPtrArray *views;    /* (element-type EntView) */
  guint      current;  /* index into views; meaningless when empty */
  guint      max_length;
};

EntHistory *
ent_history_new (guint max_length)
{
  EntHistory *self = g_new0 (EntHistory, 1);

  self->views = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_view_unref);
  self->max_length = MAX (max_length, 1);
  return self;
}

void
ent_history_free (EntHistory *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->views);
  g_free (self);
}

void
ent_history_push (EntHistory *self,
                  EntView    *view)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);

  if (self->views->len > 0)
    {
      /* Re-entering the same view is not a step: Back would seem to do nothing. */
      if (ent_view_equal (self->views->pdata[self->current], view))
        {
          ent_history_replace (self, view);
          return;
        }
      g_ptr_array_set_size (self->views, self->current + 1);
    }

  g_ptr_array_add (self->views, ent_view_ref (view));
  if (self->views->len > self->max_length)
    g_ptr_array_remove_index (self->views, 0);
  self->current = self->views->len - 1;
}

void
ent_history_replace (EntHistory *self,
                     EntView    *view)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);

  if (self->views->len == 0)
    {
      ent_history_push (self, view);
      return;
    }
  ent_view_ref (view);
  ent_view_unref (self->views->pdata[self->current]);
  self->views->pdata[self->current] = view;
}

EntView *
ent_history_get_current (EntHistory *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->views->len > 0 ? self->views->pdata[self->current] : NULL;
}

gboolean
ent_history_can_go_back (EntHistory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->views->len > 0 && self->current > 0;
}

gboolean
ent_history_can_go_forward (EntHistory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->views->len > 0 && self->current + 1 < self->views->len;
}

EntView *
ent_history_go_back (EntHistory *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (!ent_history_can_go_back (self))
    return NULL;
  self->current--;
  return self->views->pdata[self->current];
}

EntView *
ent_history_go_forward (EntHistory *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (!ent_history_can_go_forward (self))
    return NULL;
  self->current++;
  return self->views->pdata[self->current];
}

void
ent_history_map (EntHistory        *self,
                 EntHistoryMapFunc  func,
                 gpointer           user_data)
{
  g_autoptr(GPtrArray) mapped = NULL;
  guint current = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);

  mapped = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_view_unref);
  for (guint i = 0; i < self->views->len; i++)
    {
      EntView *view = func (self->views->pdata[i], user_data);

      if (view == NULL)
        continue;
      if (i <= self->current)
        current = mapped->len;
      g_ptr_array_add (mapped, view);
    }

  g_ptr_array_unref (self->views);
  self->views = g_steal_pointer (&mapped);
  self->current = current;
}

void
ent_history_clear (EntHistory *self)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_set_size (self->views, 0);
  self->current = 0;
}

guint
ent_history_get_length (EntHistory *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->views->len;
}
