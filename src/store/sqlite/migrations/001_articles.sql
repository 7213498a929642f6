-- Articles and their per-article annotation layers. The whole document is kept as JSON (document_json,
-- the source of truth read back by getDocument); the layer tables below are query indexes over it, written
-- in the same transaction and removed with the article (ON DELETE CASCADE).
-- Spans are stored as [start, end) UTF-16 offsets into articles.text.

CREATE TABLE articles (
  id             TEXT PRIMARY KEY,
  content_hash   TEXT NOT NULL UNIQUE,
  url            TEXT,
  title          TEXT,
  origin         TEXT,
  published      TEXT,
  dateline_place TEXT,
  text           TEXT NOT NULL,
  document_json  TEXT NOT NULL,
  ingested_at    TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE actors (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id         TEXT NOT NULL,
  type       TEXT NOT NULL,
  name       TEXT NOT NULL,
  aliases    TEXT NOT NULL, -- JSON array of strings
  PRIMARY KEY (article_id, id)
);
CREATE INDEX actors_name ON actors (name COLLATE NOCASE);

CREATE TABLE mentions (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id         TEXT NOT NULL,
  type       TEXT NOT NULL,
  actor_id   TEXT,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  source     TEXT NOT NULL,
  PRIMARY KEY (article_id, id)
);
CREATE INDEX mentions_actor ON mentions (article_id, actor_id);

CREATE TABLE roles (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id         TEXT NOT NULL,
  person_id  TEXT NOT NULL,
  title      TEXT NOT NULL,
  org_id     TEXT,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  PRIMARY KEY (article_id, id)
);

CREATE TABLE memberships (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id         TEXT NOT NULL,
  person_id  TEXT NOT NULL,
  org_id     TEXT NOT NULL,
  inferred   INTEGER NOT NULL,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  PRIMARY KEY (article_id, id)
);

CREATE TABLE statements (
  article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id            TEXT NOT NULL,
  kind          TEXT NOT NULL,
  speaker_id    TEXT,
  cue_lemma     TEXT,
  content_start INTEGER NOT NULL,
  content_end   INTEGER NOT NULL,
  start         INTEGER NOT NULL,
  end           INTEGER NOT NULL,
  PRIMARY KEY (article_id, id)
);
CREATE INDEX statements_speaker ON statements (article_id, speaker_id);

CREATE TABLE events (
  article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id            TEXT NOT NULL,
  type          TEXT NOT NULL,
  mode          TEXT,
  cameo         TEXT,
  modality      TEXT NOT NULL,
  actor_ids     TEXT NOT NULL, -- JSON array of actor ids
  recipient_ids TEXT NOT NULL, -- JSON array of actor ids
  date          TEXT,          -- TimeValue.value
  trigger_start INTEGER NOT NULL,
  trigger_end   INTEGER NOT NULL,
  start         INTEGER NOT NULL,
  end           INTEGER NOT NULL,
  PRIMARY KEY (article_id, id)
);
CREATE INDEX events_type ON events (type);

CREATE TABLE commitments (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  id         TEXT NOT NULL,
  kind       TEXT NOT NULL,
  by_id      TEXT NOT NULL,
  to_id      TEXT,
  status     TEXT NOT NULL,
  due        TEXT,             -- TimeValue.value
  what_start INTEGER NOT NULL,
  what_end   INTEGER NOT NULL,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  PRIMARY KEY (article_id, id)
);
