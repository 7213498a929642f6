-- Bounded work per article for the incremental record at any corpus size (src/record/link.ts, apply.ts).

-- Blocking candidates per key, most-filed first: a lookup under a common surname reads the top rows only.
CREATE INDEX record_actor_keys_n ON record_actor_keys (key, n DESC);

-- The later holders of an office, by start day: a new term reads the few who took over after it began.
CREATE INDEX record_offices_office_from ON record_offices (office_key, from_date);
