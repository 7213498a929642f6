-- A change counter for the server's answer cache (src/server/cache.ts), standing in for SQLite's data_version:
-- one row that every write transaction through PgDb adds one to just before COMMIT (PgDb.noteChange), so a new
-- count becomes visible in the same instant as what was written.
CREATE TABLE IF NOT EXISTS polity_changes (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  BIGINT NOT NULL
);
INSERT INTO polity_changes (id, n) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;

-- Happened events counted per week and type for /api/events/weekly without filters, kept by a trigger on
-- record_events (see the SQLite 007). week is '' for a date that names no day.
CREATE TABLE IF NOT EXISTS record_event_weeks (
  week TEXT COLLATE "C" NOT NULL,
  type TEXT COLLATE "C" NOT NULL,
  n    INTEGER NOT NULL,
  PRIMARY KEY (week, type)
);

-- The Monday on or before a YYYY-MM-DD day (ISO week), '' for anything else: the expression of eventsPerWeek.
CREATE OR REPLACE FUNCTION record_event_week(d TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT coalesce(CASE WHEN d ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN to_char(date_trunc('week', substr(d, 1, 10)::date), 'YYYY-MM-DD') END, '')
$$;

INSERT INTO record_event_weeks (week, type, n)
  SELECT record_event_week(date), type, count(*) FROM record_events WHERE happened = 1 AND date IS NOT NULL GROUP BY 1, 2
  ON CONFLICT (week, type) DO UPDATE SET n = excluded.n;

CREATE OR REPLACE FUNCTION record_event_weeks_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.happened = 1 AND OLD.date IS NOT NULL THEN
    UPDATE record_event_weeks SET n = n - 1 WHERE week = record_event_week(OLD.date) AND type = OLD.type;
    DELETE FROM record_event_weeks WHERE week = record_event_week(OLD.date) AND type = OLD.type AND n <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.happened = 1 AND NEW.date IS NOT NULL THEN
    INSERT INTO record_event_weeks (week, type, n) VALUES (record_event_week(NEW.date), NEW.type, 1)
      ON CONFLICT (week, type) DO UPDATE SET n = record_event_weeks.n + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER record_event_weeks_count AFTER INSERT OR DELETE OR UPDATE OF happened, date, type ON record_events
  FOR EACH ROW EXECUTE FUNCTION record_event_weeks_count();
