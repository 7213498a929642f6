-- The cross-document record (src/record/): resolved actors, states over time, de-duplicated events, followed-up
-- commitments. Every table but record_decisions is derived from the stored articles and rewritten whole, in one
-- transaction, by each rebuild; each row keeps its full object (with evidence) as JSON in `json`, and the
-- columns beside it are what queries filter on. record_decisions holds manual merges and splits: user input,
-- never rewritten.

CREATE TABLE record_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE record_decisions (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  decision TEXT NOT NULL, -- JSON ResolutionDecision
  made_at  TEXT NOT NULL
);

CREATE TABLE record_actors (
  id      TEXT PRIMARY KEY,
  type    TEXT NOT NULL,
  name    TEXT NOT NULL,
  aliases TEXT NOT NULL, -- JSON array of strings
  json    TEXT NOT NULL
);
CREATE INDEX record_actors_name ON record_actors (name COLLATE NOCASE);

CREATE TABLE record_actor_members (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  local_id   TEXT NOT NULL,
  actor_id   TEXT NOT NULL REFERENCES record_actors (id) ON DELETE CASCADE,
  via        TEXT NOT NULL,
  score      REAL NOT NULL,
  reasons    TEXT NOT NULL, -- JSON array of strings
  PRIMARY KEY (article_id, local_id)
);
CREATE INDEX record_actor_members_actor ON record_actor_members (actor_id);

CREATE TABLE record_offices (
  id        TEXT PRIMARY KEY,
  person_id TEXT NOT NULL,
  title     TEXT NOT NULL,
  from_date TEXT,
  to_date   TEXT,
  json      TEXT NOT NULL
);
CREATE INDEX record_offices_person ON record_offices (person_id);

CREATE TABLE record_memberships (
  id        TEXT PRIMARY KEY,
  person_id TEXT NOT NULL,
  org_id    TEXT NOT NULL,
  from_date TEXT,
  to_date   TEXT,
  json      TEXT NOT NULL
);

CREATE TABLE record_relations (
  id        TEXT PRIMARY KEY,
  kind      TEXT NOT NULL,
  a_id      TEXT NOT NULL,
  b_id      TEXT NOT NULL,
  from_date TEXT,
  to_date   TEXT,
  json      TEXT NOT NULL
);

CREATE TABLE record_events (
  id            TEXT PRIMARY KEY,
  type          TEXT NOT NULL,
  date          TEXT,
  actor_ids     TEXT NOT NULL, -- JSON array
  recipient_ids TEXT NOT NULL, -- JSON array
  sources       INTEGER NOT NULL,
  json          TEXT NOT NULL
);
CREATE INDEX record_events_date ON record_events (date);

CREATE TABLE record_commitments (
  id      TEXT PRIMARY KEY,
  by_id   TEXT NOT NULL,
  to_id   TEXT,
  status  TEXT NOT NULL,
  due_end TEXT,
  json    TEXT NOT NULL
);

CREATE TABLE record_agreements (
  id   TEXT PRIMARY KEY,
  json TEXT NOT NULL
);

CREATE TABLE record_statements (
  article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  statement_id TEXT NOT NULL,
  speaker_id   TEXT,
  kind         TEXT NOT NULL,
  json         TEXT NOT NULL,
  PRIMARY KEY (article_id, statement_id)
);
CREATE INDEX record_statements_speaker ON record_statements (speaker_id);

-- Full-text search over articles (title + text) and statements (quoted content). kind is 'article' or
-- 'statement'; ref is the statement id for statements, the article's ingested_at for articles (so an article
-- stored again with a new analysis is re-indexed).
CREATE VIRTUAL TABLE record_search USING fts5 (
  kind UNINDEXED,
  article_id UNINDEXED,
  ref UNINDEXED,
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);
