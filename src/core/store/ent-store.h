/* ent-store.h — the project file: one SQLite database per project.
 *
 * Schema version in PRAGMA user_version with forward migrations, WAL, foreign
 * keys, one transaction per document, documents keyed by the SHA-256 of their
 * text, FTS5 over sentences, user corrections kept apart from extracted facts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ent-document.h"
#include "ent-extraction.h"
#include "ent-graph.h"

G_BEGIN_DECLS

#define ENT_STORE_ERROR (ent_store_error_quark ())

typedef enum {
  ENT_STORE_ERROR_NOT_A_PROJECT,  /* a SQLite file of something else: never touched */
  ENT_STORE_ERROR_CORRUPT,        /* not a database, or damaged */
  ENT_STORE_ERROR_TOO_NEW,        /* written by a newer Entente */
  ENT_STORE_ERROR_READ_ONLY,      /* a write was asked of a read-only project */
  ENT_STORE_ERROR_NOT_FOUND,      /* no such project / entity / document */
  ENT_STORE_ERROR_FAILED,         /* any other SQLite error; message says which */
  ENT_STORE_ERROR_BUSY,           /* another process kept the project locked too long */
} EntStoreError;

typedef enum {
  ENT_STORE_OPEN_DEFAULT   = 0,
  ENT_STORE_OPEN_CREATE    = 1 << 0,  /* create the file if missing */
  ENT_STORE_OPEN_READ_ONLY = 1 << 1,
} EntStoreOpenFlags;

typedef enum {
  ENT_STORE_ADDED,      /* a new document */
  ENT_STORE_UNCHANGED,  /* the same text was already in the project: no-op */
  ENT_STORE_REPLACED,   /* a new version of a file already ingested from the same path */
} EntStoreAddOutcome;

typedef struct {
  guint documents;
  guint sentences;
  guint entities;
  guint relations;
  guint evidence;
  guint entities_by_type[ENT_N_ENTITY_TYPES];
  guint relations_by_type[ENT_N_RELATION_TYPES];
  gint64 file_size;  /* bytes on disk, WAL included */
} EntStoreStats;

typedef struct {
  gint64  document_id;
  char   *document_title;
  gsize   start;        /* characters into the document text */
  gsize   end;
  char   *text;         /* the sentence */
  char   *snippet;      /* the sentence with matches in <b></b>, escaped for Pango markup */
} EntSentenceHit;

typedef struct _EntStore EntStore;

GQuark      ent_store_error_quark        (void);

/* $XDG_DATA_HOME/entente/default.entente (the folder is created). */
char       *ent_store_default_path       (void);

EntStore   *ent_store_open               (const char         *path,
                                          EntStoreOpenFlags   flags,
                                          GError            **error);
void        ent_store_free               (EntStore           *store);
const char *ent_store_get_path           (EntStore           *store);
/* How long one attempt at a write waits for another program's lock (10 s
 * unless set). A write still locked out is tried again three times, after
 * growing pauses, before it fails with ENT_STORE_ERROR_BUSY. */
void        ent_store_set_busy_timeout   (EntStore           *store,
                                          guint               milliseconds);
/* TRUE when the project was opened read-only (asked for, or the file has no
 * write permission): every write then fails with ENT_STORE_ERROR_READ_ONLY. */
gboolean    ent_store_is_read_only       (EntStore           *store);

/* What reading the project skipped because the file is damaged or was
 * edited by hand: rows without a value they need, spans that end before they
 * start, references to rows that are not there, and so on. One line ("damaged
 * project: skipped …") with a count per kind of damage, or NULL when nothing
 * was skipped. A row read again (corrections are applied after every
 * document) is counted once. The report is cleared by this call; one never
 * taken is logged once when the store is freed. */
char       *ent_store_take_damage_report (EntStore          *store);

/* Words (runs of non-blank characters) in @text, as counted for documents. */
guint       ent_store_count_words        (const char         *text,
                                          gsize               length);

/* TRUE when a document with this text is already in the project. Lets the
 * ingester skip extraction of unchanged files. */
gboolean    ent_store_has_document       (EntStore           *store,
                                          const char         *hash);

/* Adds a document and what was extracted from it in one transaction:
 * resolves its entities against the project, merges relations (a relation
 * already known gains a piece of evidence), indexes its sentences. A document
 * whose path was ingested before with other text replaces the facts of that
 * previous version. On error nothing of the document is kept. */
gboolean    ent_store_add_document       (EntStore             *store,
                                          const EntDocument    *document,
                                          const EntExtraction  *extraction,
                                          EntStoreAddOutcome   *outcome,
                                          GError              **error);

EntGraph   *ent_store_load_graph         (EntStore           *store,
                                          GError            **error);
gboolean    ent_store_get_stats          (EntStore           *store,
                                          EntStoreStats      *stats,
                                          GError            **error);
char       *ent_store_get_document_text  (EntStore           *store,
                                          gint64              document_id,
                                          GError            **error);
/* Full-text search over every sentence (FTS5 query syntax; plain words are
 * safe: the query is quoted word by word). Element type EntSentenceHit. */
GPtrArray  *ent_store_search_sentences   (EntStore           *store,
                                          const char         *query,
                                          guint               limit,
                                          GError            **error);
void        ent_sentence_hit_free        (EntSentenceHit     *hit);

/* Corrections by hand. Stored apart from extracted facts and re-applied after
 * every ingestion, so that re-ingesting never loses them. */
gboolean    ent_store_merge_entities     (EntStore      *store,
                                          gint64         keep_id,
                                          gint64         merged_id,
                                          GError       **error);
gboolean    ent_store_rename_entity      (EntStore      *store,
                                          gint64         id,
                                          const char    *name,
                                          GError       **error);
gboolean    ent_store_retype_entity      (EntStore      *store,
                                          gint64         id,
                                          EntEntityType  type,
                                          GError       **error);
gboolean    ent_store_set_entity_hidden  (EntStore      *store,
                                          gint64         id,
                                          gboolean       hidden,
                                          GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntStore, ent_store_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntSentenceHit, ent_sentence_hit_free)

G_END_DECLS
