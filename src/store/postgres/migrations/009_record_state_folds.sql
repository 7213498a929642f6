-- Bounded work per article for a state reported in thousands of articles (src/record/apply.ts, fold.ts).

-- One row per state key (family, key) the observations hold: the keys of one person are listed from here
-- (instead of DISTINCT over every observation of theirs), and a key reported often keeps the fold of its
-- observations dated before `through` (fold.ts), so recomputing it reads only the observations since.
CREATE TABLE IF NOT EXISTS record_state_folds (
  family  TEXT COLLATE "C" NOT NULL,
  key     TEXT COLLATE "C" NOT NULL,
  through TEXT COLLATE "C" NOT NULL DEFAULT '',
  fold    TEXT,
  PRIMARY KEY (family, key)
);
INSERT INTO record_state_folds (family, key) SELECT DISTINCT family, key FROM record_observations ON CONFLICT DO NOTHING;

-- A key's observations from a day on.
CREATE INDEX record_observations_key_date ON record_observations (family, key, date);
