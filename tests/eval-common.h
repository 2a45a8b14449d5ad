/* eval-common.h — measures the extractor against hand annotations.
 *
 * An annotation file (JSON, see tests/annotations/README.md) lists the
 * entities and relations a set of articles states. Several files merge into
 * one EvalAnnotation: an id used in two files is the same real thing.
 *
 * The articles go through the real pipeline (load, extract, add to a fresh
 * project, load the graph) and the graph is compared with the annotation:
 *
 * - a graph entity matches an annotated one when the types are equal and the
 *   name key (ent_name_key) of its name or of an alias equals the key of one
 *   of the annotated names;
 * - an annotated entity is found when exactly one graph entity matches it
 *   (two are a duplicate: a miss);
 * - a relation is found when a graph relation of the same type joins graph
 *   entities matching its ends (either way round for symmetric types); for
 *   holds_office with annotated roles, the graph's role must contain one of
 *   them (compared as name keys, so case and punctuation do not matter);
 * - precision counts graph entities and relations (co_mentioned left out)
 *   that match an annotated or acceptable one;
 * - every piece of evidence must be the document text at [start, end).
 *
 * Every miss and every false positive is printed with g_test_message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ent-graph.h"
#include "ent-store.h"
#include "ent-types.h"

G_BEGIN_DECLS

typedef struct _EvalAnnotation EvalAnnotation;

typedef struct {
  guint entities;             /* annotated (required) entities */
  guint entities_found;
  guint entities_duplicated;  /* matched by two or more graph entities */
  guint entities_mistyped;    /* only matched by graph entities of another type */
  guint graph_entities;
  guint graph_entities_correct;
  guint relations;            /* annotated (required) relations */
  guint relations_found;
  guint relations_found_ignoring_role;
  guint graph_relations;      /* co_mentioned left out */
  guint graph_relations_correct;
  guint graph_relations_off_ontology; /* endpoint types DESIGN.md does not allow */
  guint evidence;
  guint evidence_verbatim;
} EvalScore;

EvalAnnotation *eval_annotation_new         (void);
void            eval_annotation_free        (EvalAnnotation *annotation);
/* Merges one annotation file. Fails on malformed JSON, unknown types, a
 * relation naming an unknown id, an id with two types, or a relation the
 * ontology does not allow between those types. */
gboolean        eval_annotation_load        (EvalAnnotation *annotation,
                                             const char     *path,
                                             GError        **error);
/* The article file names the loaded files name in their "document" member. */
GPtrArray      *eval_annotation_get_documents (EvalAnnotation *annotation);
/* Ids of required entities annotated in at least @min_files files. */
GPtrArray      *eval_annotation_shared_ids  (EvalAnnotation *annotation,
                                             guint           min_files);

/* A fresh project in a new temporary folder; eval_project_remove() deletes both. */
EntStore       *eval_project_new            (char          **out_dir,
                                             GError        **error);
void            eval_project_remove         (EntStore       *store,
                                             const char     *dir);

/* load -> extract -> add, for each path, with one extractor. */
gboolean        eval_ingest_files           (EntStore           *store,
                                             const char * const *paths,
                                             GError            **error);

/* Compares @graph (loaded from @store) with @annotation; @label starts every
 * message printed. Adds to @score. Without @store, evidence is not checked. */
void            eval_score                  (EvalAnnotation *annotation,
                                             EntStore       *store,
                                             EntGraph       *graph,
                                             const char     *label,
                                             EvalScore      *score);
/* Only the evidence check of eval_score(). */
void            eval_score_evidence         (EntStore       *store,
                                             EntGraph       *graph,
                                             const char     *label,
                                             EvalScore      *score);
/* How many graph entities match the annotated entity @id (1 = resolved). */
guint           eval_count_matches          (EvalAnnotation *annotation,
                                             EntGraph       *graph,
                                             const char     *id);
void            eval_score_add              (EvalScore       *total,
                                             const EvalScore *part);
void            eval_score_report           (const char      *label,
                                             const EvalScore *score);

double          eval_entity_recall          (const EvalScore *score);
double          eval_entity_precision       (const EvalScore *score);
double          eval_relation_recall        (const EvalScore *score);
double          eval_relation_precision     (const EvalScore *score);

/* Whether DESIGN.md's ontology allows @type from @source to @target. */
gboolean        eval_relation_allowed       (EntRelationType type,
                                             EntEntityType   source,
                                             EntEntityType   target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EvalAnnotation, eval_annotation_free)

G_END_DECLS
