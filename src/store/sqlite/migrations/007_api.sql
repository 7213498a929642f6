-- /api/events/weekly without filters (the events chart as it opens) read every happened event and grouped them
-- per week and type on each request: a cost growing with the record. record_event_weeks keeps those counts,
-- kept up to date by triggers on record_events, so every write path (apply, merge, rebuild, a re-analysed
-- article's delete) counts the same way. Written to be applied again safely. week is '' for a date that names no day (a month, a year).
-- (PostgreSQL's 007 also adds a change counter for the answer cache; SQLite has PRAGMA data_version.)
CREATE TABLE IF NOT EXISTS record_event_weeks (
  week TEXT NOT NULL,
  type TEXT NOT NULL,
  n    INTEGER NOT NULL,
  PRIMARY KEY (week, type)
) WITHOUT ROWID;

INSERT INTO record_event_weeks (week, type, n)
  SELECT coalesce(date(date, '-6 days', 'weekday 1'), ''), type, count(*) FROM record_events WHERE happened = 1 AND date IS NOT NULL GROUP BY 1, 2
  ON CONFLICT (week, type) DO UPDATE SET n = excluded.n;

CREATE TRIGGER IF NOT EXISTS record_event_weeks_insert AFTER INSERT ON record_events WHEN new.happened = 1 AND new.date IS NOT NULL
BEGIN
  INSERT INTO record_event_weeks (week, type, n) VALUES (coalesce(date(new.date, '-6 days', 'weekday 1'), ''), new.type, 1)
    ON CONFLICT (week, type) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS record_event_weeks_delete AFTER DELETE ON record_events WHEN old.happened = 1 AND old.date IS NOT NULL
BEGIN
  UPDATE record_event_weeks SET n = n - 1 WHERE week = coalesce(date(old.date, '-6 days', 'weekday 1'), '') AND type = old.type;
  DELETE FROM record_event_weeks WHERE week = coalesce(date(old.date, '-6 days', 'weekday 1'), '') AND type = old.type AND n <= 0;
END;

CREATE TRIGGER IF NOT EXISTS record_event_weeks_update AFTER UPDATE OF happened, date, type ON record_events
BEGIN
  UPDATE record_event_weeks SET n = n - 1
    WHERE old.happened = 1 AND old.date IS NOT NULL AND week = coalesce(date(old.date, '-6 days', 'weekday 1'), '') AND type = old.type;
  DELETE FROM record_event_weeks WHERE week = coalesce(date(old.date, '-6 days', 'weekday 1'), '') AND type = old.type AND n <= 0;
  INSERT INTO record_event_weeks (week, type, n)
    SELECT coalesce(date(new.date, '-6 days', 'weekday 1'), ''), new.type, 1 WHERE new.happened = 1 AND new.date IS NOT NULL
    ON CONFLICT (week, type) DO UPDATE SET n = n + 1;
END;
