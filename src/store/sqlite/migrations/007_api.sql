-- PostgreSQL's 007 adds a change counter for the server's answer cache; SQLite has its own (PRAGMA data_version),
-- so here the schema does not change.
SELECT 1;
