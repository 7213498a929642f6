-- A change counter for the server's answer cache (src/server/cache.ts), standing in for SQLite's data_version:
-- one row that every write transaction through PgDb adds one to just before COMMIT (PgDb.noteChange), so a new
-- count becomes visible in the same instant as what was written.
CREATE TABLE polity_changes (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  BIGINT NOT NULL
);
INSERT INTO polity_changes (id, n) VALUES (1, 0);
