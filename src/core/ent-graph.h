/* ent-graph.h — an immutable, reference-counted snapshot of a project's graph.
 *
 * Loaded from the store in one read transaction (ent_store_load_graph), then
 * shared read-only between the viewer, the layout thread and the exporters.
 * Entities and relations are addressed by their index in the arrays; the
 * store ids are kept for going back to the store (corrections, documents).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ent-types.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  char   *title;
  char   *path;    /* may be NULL */
  char   *date;    /* "YYYY-MM-DD" or NULL */
  char   *source;  /* may be NULL */
} EntGraphDocument;

typedef struct {
  guint  document;  /* index into EntGraph.documents */
  gsize  start;     /* Unicode characters into the document text */
  gsize  end;
  char  *text;      /* the exact sentence */
} EntGraphEvidence;

typedef struct {
  char  *attribute;
  char  *value;
  guint  document;  /* index into EntGraph.documents */
  char  *text;      /* the sentence the claim comes from */
} EntGraphClaim;

typedef struct {
  gint64         id;
  EntEntityType  type;
  char          *name;
  GPtrArray     *aliases;     /* (element-type utf8) */
  GHashTable    *attributes;  /* utf8 -> utf8 */
  GPtrArray     *claims;      /* (element-type EntGraphClaim) */
  guint          mentions;
  guint          n_sources;   /* distinct documents that mention it */
  GArray        *relations;   /* (element-type guint): indices of incident relations */
} EntGraphEntity;

typedef struct {
  gint64           id;
  EntRelationType  type;
  guint            source;     /* index into EntGraph.entities */
  guint            target;
  GHashTable      *attributes; /* utf8 -> utf8, e.g. "role" -> "President" */
  GPtrArray       *evidence;   /* (element-type EntGraphEvidence) */
  guint            weight;     /* distinct documents among the evidence */
} EntGraphRelation;

typedef struct _EntGraph EntGraph;

struct _EntGraph
{
  /*< public, read-only >*/
  GPtrArray *documents;  /* (element-type EntGraphDocument) */
  GPtrArray *entities;   /* (element-type EntGraphEntity), hidden ones left out */
  GPtrArray *relations;  /* (element-type EntGraphRelation) */
  /*< private >*/
  GHashTable *entity_by_id;
  GHashTable *document_by_id;
  gatomicrefcount ref_count;
};

EntGraph         *ent_graph_new               (void);
EntGraph         *ent_graph_ref               (EntGraph   *graph);
void              ent_graph_unref             (EntGraph   *graph);

/* Builders, used by the store and by tests. Indices are returned. */
guint             ent_graph_add_document      (EntGraph   *graph,
                                               gint64      id,
                                               const char *title,
                                               const char *path,
                                               const char *date,
                                               const char *source);
guint             ent_graph_add_entity        (EntGraph      *graph,
                                               gint64         id,
                                               EntEntityType  type,
                                               const char    *name,
                                               guint          mentions);
guint             ent_graph_add_relation      (EntGraph        *graph,
                                               gint64           id,
                                               EntRelationType  type,
                                               guint            source,
                                               guint            target);
void              ent_graph_relation_add_evidence (EntGraph   *graph,
                                                   guint       relation,
                                                   guint       document,
                                                   gsize       start,
                                                   gsize       end,
                                                   const char *text);
void              ent_graph_entity_add_claim  (EntGraph   *graph,
                                               guint       entity,
                                               const char *attribute,
                                               const char *value,
                                               guint       document,
                                               const char *text);
/* Computes weights, n_sources and adjacency once everything is added. */
void              ent_graph_finish            (EntGraph   *graph);

EntGraphEntity   *ent_graph_get_entity        (EntGraph   *graph,
                                               guint       index);
EntGraphRelation *ent_graph_get_relation      (EntGraph   *graph,
                                               guint       index);
EntGraphDocument *ent_graph_get_document      (EntGraph   *graph,
                                               guint       index);
gboolean          ent_graph_lookup_entity_id  (EntGraph   *graph,
                                               gint64      id,
                                               guint      *index);
gboolean          ent_graph_lookup_document_id (EntGraph  *graph,
                                                gint64     id,
                                                guint     *index);
/* Exact name or alias, case-insensitive; the entity with most mentions wins. */
gboolean          ent_graph_find_entity       (EntGraph   *graph,
                                               const char *name,
                                               guint      *index);
/* The other end of @relation as seen from @entity. */
guint             ent_graph_relation_other    (EntGraph   *graph,
                                               guint       relation,
                                               guint       entity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntGraph, ent_graph_unref)

G_END_DECLS
