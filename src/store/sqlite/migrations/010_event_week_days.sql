-- PostgreSQL's 010 makes its record_event_week() give '' for a date that names no calendar day ("2023-02-29")
-- instead of failing. SQLite's date() never fails on such a date, so nothing changes here; the file keeps the
-- two dialects' migrations numbered alike.
SELECT 1;
