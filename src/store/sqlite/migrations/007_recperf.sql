-- record_actor_context is looked up by value only for full names (kind 'fname': linking by name, findActors).
-- Co-occurrence rows (kind 'with', most of the table: up to 30 per actor per article) no longer go into that
-- index: a partial index on the full names alone, so each article writes one B-tree entry less per row.
DROP INDEX IF EXISTS record_actor_context_value;
CREATE INDEX IF NOT EXISTS record_actor_context_fname ON record_actor_context (value) WHERE kind = 'fname';
