-- PostgreSQL mirror of src/store/sqlite/migrations/003_record_incremental.sql: the same tables and indexes. Differences: text
-- columns use COLLATE "C" (byte order, as SQLite's BINARY, so ORDER BY and id range scans agree); tables whose
-- rows are read in insertion order have a `rowid` identity column (SQLite's implicit rowid); REAL is double
-- precision; `end` is quoted (reserved); NOCASE indexes are on lower(); FTS5 is a tsvector with a GIN index.

-- The incremental record (src/record/apply.ts): each stored article is linked into the record in the same
-- transaction as the article row, touching only what that article concerns. 002's tables stay (the cross eval
-- and older readers use record_actors, record_actor_members, record_offices); this adds the persistent actor
-- index (blocking keys and context), the per-article observations that states are recomputed from, and the
-- indexes every query uses. The record tables are derived data: 002's rebuild wipes them, so nothing here
-- needs converting.

DELETE FROM record_meta WHERE key = 'fingerprint';

-- A database upgraded from 002 holds a record built the old way (slug ids, no keys): derived rows, so they go,
-- and the record is rebuilt from the stored articles by the next ingest or `polity record rebuild`.
-- record_decisions (user input) stays.
INSERT INTO record_meta (key, value) SELECT 'needs_rebuild', '1' WHERE EXISTS (SELECT 1 FROM articles);
DELETE FROM record_search;
DELETE FROM record_statements;
DELETE FROM record_agreements;
DELETE FROM record_commitments;
DELETE FROM record_events;
DELETE FROM record_relations;
DELETE FROM record_memberships;
DELETE FROM record_offices;
DELETE FROM record_actor_members;
DELETE FROM record_actors;

ALTER TABLE record_actors ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE record_actors ADD COLUMN first_seen TEXT COLLATE "C";
ALTER TABLE record_actors ADD COLUMN last_seen TEXT COLLATE "C";
CREATE INDEX record_actors_articles ON record_actors (type, articles DESC);

-- Blocking keys: 'pf:' full person name, 'ps:' surname, 'pk:' consonant key of the surname, 'pg:' given name,
-- 'o:' folded organisation name or alias, 'oa:' acronym, 'oi:' initials of a long name.
CREATE TABLE record_actor_keys (
  key      TEXT COLLATE "C" NOT NULL,
  actor_id TEXT COLLATE "C" NOT NULL REFERENCES record_actors (id) ON DELETE CASCADE,
  n        INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (key, actor_id)
);
CREATE INDEX record_actor_keys_actor ON record_actor_keys (actor_id);

-- Context of an actor, with counts: kind 'name' (surface names), 'given', 'suffix', 'gender', 'title', 'org'
-- (folded names of parties/organisations it is tied to), 'with' (record actors named in the same articles).
CREATE TABLE record_actor_context (
  actor_id TEXT COLLATE "C" NOT NULL REFERENCES record_actors (id) ON DELETE CASCADE,
  kind     TEXT COLLATE "C" NOT NULL,
  value    TEXT COLLATE "C" NOT NULL,
  n        INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (actor_id, kind, value)
);

-- Which stored articles the record has taken in.
CREATE TABLE record_articles (
  article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  published  TEXT COLLATE "C",
  linked_at  TEXT COLLATE "C" NOT NULL
);

-- Per-article observations of states: family 'office' | 'membership' | 'relation'; key groups the observations
-- of one state (an office of one person, a person–party pair, a relation kind and pair); recomputing a key's
-- intervals reads only its rows.
CREATE TABLE record_observations (
  rowid BIGINT GENERATED ALWAYS AS IDENTITY,
  article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  family     TEXT COLLATE "C" NOT NULL,
  key        TEXT COLLATE "C" NOT NULL,
  date       TEXT COLLATE "C" NOT NULL,
  kind       TEXT COLLATE "C" NOT NULL, -- opened | holds | closed
  json       TEXT COLLATE "C" NOT NULL  -- {evidence, person, title, org, country, ...}
);
CREATE INDEX record_observations_key ON record_observations (family, key);
CREATE INDEX record_observations_article ON record_observations (article_id);

ALTER TABLE record_offices ADD COLUMN state_key TEXT COLLATE "C";
ALTER TABLE record_offices ADD COLUMN office_key TEXT COLLATE "C";
ALTER TABLE record_offices ADD COLUMN org_id TEXT COLLATE "C";
ALTER TABLE record_offices ADD COLUMN country TEXT COLLATE "C";
CREATE INDEX record_offices_state ON record_offices (state_key);
CREATE INDEX record_offices_office ON record_offices (office_key, country);
CREATE INDEX record_offices_from ON record_offices (from_date);

ALTER TABLE record_memberships ADD COLUMN state_key TEXT COLLATE "C";
CREATE INDEX record_memberships_state ON record_memberships (state_key);
CREATE INDEX record_memberships_person ON record_memberships (person_id);
CREATE INDEX record_memberships_org ON record_memberships (org_id);

ALTER TABLE record_relations ADD COLUMN state_key TEXT COLLATE "C";
CREATE INDEX record_relations_state ON record_relations (state_key);
CREATE INDEX record_relations_a ON record_relations (a_id);
CREATE INDEX record_relations_b ON record_relations (b_id);

-- Events: the window the merged reports allow, and who took part (for per-actor queries and de-duplication).
ALTER TABLE record_events ADD COLUMN win_from TEXT COLLATE "C";
ALTER TABLE record_events ADD COLUMN win_to TEXT COLLATE "C";
ALTER TABLE record_events ADD COLUMN happened INTEGER NOT NULL DEFAULT 1;
CREATE INDEX record_events_type ON record_events (type, win_from);
CREATE TABLE record_event_actors (
  event_id TEXT COLLATE "C" NOT NULL REFERENCES record_events (id) ON DELETE CASCADE,
  actor_id TEXT COLLATE "C" NOT NULL,
  role     TEXT COLLATE "C" NOT NULL, -- actor | recipient
  date     TEXT COLLATE "C",
  PRIMARY KEY (event_id, actor_id, role)
);
CREATE INDEX record_event_actors_actor ON record_event_actors (actor_id, date);

-- Commitments: when made, the sketch of the promised act (verbs and objects) that later articles are matched
-- against, and the first article (whose text the act is quoted from).
ALTER TABLE record_commitments ADD COLUMN made TEXT COLLATE "C";
ALTER TABLE record_commitments ADD COLUMN sketch TEXT COLLATE "C";
CREATE INDEX record_commitments_by ON record_commitments (by_id, made);
CREATE INDEX record_commitments_to ON record_commitments (to_id);
CREATE INDEX record_commitments_made ON record_commitments (made);

ALTER TABLE record_agreements ADD COLUMN match_key TEXT COLLATE "C";
CREATE INDEX record_agreements_key ON record_agreements (match_key);

ALTER TABLE record_statements ADD COLUMN published TEXT COLLATE "C";
CREATE INDEX record_statements_speaker_date ON record_statements (speaker_id, published);

-- Lookups by value: an actor by any of its folded names.
CREATE INDEX record_actor_context_value ON record_actor_context (kind, value);
CREATE INDEX record_offices_to ON record_offices (to_date);
CREATE INDEX record_memberships_from ON record_memberships (from_date);
CREATE INDEX record_relations_from ON record_relations (from_date);
CREATE INDEX record_events_date_type ON record_events (date, type);
-- The day a commitment's decisive follow-up (kept or broken) was reported.
ALTER TABLE record_commitments ADD COLUMN resolved_on TEXT COLLATE "C";
CREATE INDEX record_commitments_resolved ON record_commitments (resolved_on);
CREATE INDEX record_commitments_status ON record_commitments (status, made);

-- The things each commitment's act concerns (stems of its nouns), so a later article is checked only against the
-- commitments whose act it may report on.
CREATE TABLE record_commitment_terms (
  term          TEXT COLLATE "C" NOT NULL,
  commitment_id TEXT COLLATE "C" NOT NULL REFERENCES record_commitments (id) ON DELETE CASCADE,
  made          TEXT COLLATE "C",
  PRIMARY KEY (term, commitment_id)
);

-- Every article the record has taken in, kept when the article row is deleted (no foreign key): an article
-- stored again with a new analysis is then known to need a rebuild.
CREATE TABLE record_taken (
  article_id TEXT COLLATE "C" PRIMARY KEY
);
CREATE INDEX record_offices_org ON record_offices (org_id);
CREATE INDEX record_relations_to ON record_relations (to_date);
CREATE INDEX record_memberships_to ON record_memberships (to_date);
CREATE INDEX record_actors_all_articles ON record_actors (articles DESC);
CREATE INDEX record_commitment_terms_made ON record_commitment_terms (term, made);
