-- An actor's timeline reads its commitments, offices and relations by date from each side (made by it or to it;
-- held by the person or in the organisation; either party of a relation), and by the day each ended or was
-- settled: every read one index range in date order, so a much-covered actor's answer reads its page of rows,
-- not all it ever had, sorted (the commitments made to an actor were 11 ms of a 42 ms first timeline at 100,000
-- bench articles). The one-column indexes these begin with are dropped: the new ones serve their lookups.
CREATE INDEX IF NOT EXISTS record_commitments_to_made ON record_commitments (to_id, made);
CREATE INDEX IF NOT EXISTS record_commitments_to_resolved ON record_commitments (to_id, resolved_on);
CREATE INDEX IF NOT EXISTS record_commitments_by_resolved ON record_commitments (by_id, resolved_on);
DROP INDEX IF EXISTS record_commitments_to;
CREATE INDEX IF NOT EXISTS record_offices_person_from ON record_offices (person_id, from_date);
CREATE INDEX IF NOT EXISTS record_offices_person_to ON record_offices (person_id, to_date);
CREATE INDEX IF NOT EXISTS record_offices_org_from ON record_offices (org_id, from_date);
CREATE INDEX IF NOT EXISTS record_offices_org_to ON record_offices (org_id, to_date);
DROP INDEX IF EXISTS record_offices_person;
DROP INDEX IF EXISTS record_offices_org;
CREATE INDEX IF NOT EXISTS record_relations_a_from ON record_relations (a_id, from_date);
CREATE INDEX IF NOT EXISTS record_relations_a_to ON record_relations (a_id, to_date);
CREATE INDEX IF NOT EXISTS record_relations_b_from ON record_relations (b_id, from_date);
CREATE INDEX IF NOT EXISTS record_relations_b_to ON record_relations (b_id, to_date);
DROP INDEX IF EXISTS record_relations_a;
DROP INDEX IF EXISTS record_relations_b;
