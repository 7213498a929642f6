-- PostgreSQL mirror of src/store/sqlite/migrations/001_articles.sql: the same tables and indexes. Differences: text
-- columns use COLLATE "C" (byte order, as SQLite's BINARY, so ORDER BY and id range scans agree); tables whose
-- rows are read in insertion order have a `rowid` identity column (SQLite's implicit rowid); REAL is double
-- precision; `end` is quoted (reserved); NOCASE indexes are on lower(); FTS5 is a tsvector with a GIN index.

-- Articles and their per-article annotation layers. The whole document is kept as JSON (document_json,
-- the source of truth read back by getDocument); the layer tables below are query indexes over it, written
-- in the same transaction and removed with the article (ON DELETE CASCADE).
-- Spans are stored as [start, end) UTF-16 offsets into articles.text.

CREATE TABLE articles (
  id             TEXT COLLATE "C" PRIMARY KEY,
  content_hash   TEXT COLLATE "C" NOT NULL UNIQUE,
  url            TEXT COLLATE "C",
  title          TEXT COLLATE "C",
  origin         TEXT COLLATE "C",
  published      TEXT COLLATE "C",
  dateline_place TEXT COLLATE "C",
  text           TEXT COLLATE "C" NOT NULL,
  document_json  TEXT COLLATE "C" NOT NULL,
  ingested_at    TEXT COLLATE "C" NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE actors (
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id         TEXT COLLATE "C" NOT NULL,
  type       TEXT COLLATE "C" NOT NULL,
  name       TEXT COLLATE "C" NOT NULL,
  aliases    TEXT COLLATE "C" NOT NULL, -- JSON array of strings
  PRIMARY KEY (article_id, id)
);
CREATE INDEX actors_name ON actors (lower(name));

CREATE TABLE mentions (
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id         TEXT COLLATE "C" NOT NULL,
  type       TEXT COLLATE "C" NOT NULL,
  actor_id   TEXT COLLATE "C",
  start      INTEGER NOT NULL,
  "end"        INTEGER NOT NULL,
  source     TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (article_id, id)
);
CREATE INDEX mentions_actor ON mentions (article_id, actor_id);

CREATE TABLE roles (
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id         TEXT COLLATE "C" NOT NULL,
  person_id  TEXT COLLATE "C" NOT NULL,
  title      TEXT COLLATE "C" NOT NULL,
  org_id     TEXT COLLATE "C",
  start      INTEGER NOT NULL,
  "end"        INTEGER NOT NULL,
  PRIMARY KEY (article_id, id)
);

CREATE TABLE memberships (
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id         TEXT COLLATE "C" NOT NULL,
  person_id  TEXT COLLATE "C" NOT NULL,
  org_id     TEXT COLLATE "C" NOT NULL,
  inferred   INTEGER NOT NULL,
  start      INTEGER NOT NULL,
  "end"        INTEGER NOT NULL,
  PRIMARY KEY (article_id, id)
);

CREATE TABLE statements (
  article_id    TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id            TEXT COLLATE "C" NOT NULL,
  kind          TEXT COLLATE "C" NOT NULL,
  speaker_id    TEXT COLLATE "C",
  cue_lemma     TEXT COLLATE "C",
  content_start INTEGER NOT NULL,
  content_end   INTEGER NOT NULL,
  start         INTEGER NOT NULL,
  "end"           INTEGER NOT NULL,
  PRIMARY KEY (article_id, id)
);
CREATE INDEX statements_speaker ON statements (article_id, speaker_id);

CREATE TABLE events (
  article_id    TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id            TEXT COLLATE "C" NOT NULL,
  type          TEXT COLLATE "C" NOT NULL,
  mode          TEXT COLLATE "C",
  cameo         TEXT COLLATE "C",
  modality      TEXT COLLATE "C" NOT NULL,
  actor_ids     TEXT COLLATE "C" NOT NULL, -- JSON array of actor ids
  recipient_ids TEXT COLLATE "C" NOT NULL, -- JSON array of actor ids
  date          TEXT COLLATE "C",          -- TimeValue.value
  trigger_start INTEGER NOT NULL,
  trigger_end   INTEGER NOT NULL,
  start         INTEGER NOT NULL,
  "end"           INTEGER NOT NULL,
  PRIMARY KEY (article_id, id)
);
CREATE INDEX events_type ON events (type);

CREATE TABLE commitments (
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id         TEXT COLLATE "C" NOT NULL,
  kind       TEXT COLLATE "C" NOT NULL,
  by_id      TEXT COLLATE "C" NOT NULL,
  to_id      TEXT COLLATE "C",
  status     TEXT COLLATE "C" NOT NULL,
  due        TEXT COLLATE "C",             -- TimeValue.value
  what_start INTEGER NOT NULL,
  what_end   INTEGER NOT NULL,
  start      INTEGER NOT NULL,
  "end"        INTEGER NOT NULL,
  PRIMARY KEY (article_id, id)
);
