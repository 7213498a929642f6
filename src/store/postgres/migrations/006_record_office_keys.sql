-- Office keys now spell one office one way (src/record/lexicon/offices.json synonyms: "Chairwoman" = "Chair"),
-- and past-office reports ("former Governor") are kept as observations. The record is derived data: a database
-- built before is rebuilt from its stored articles by the next ingest or `polity record rebuild`. No table changes.
INSERT INTO record_meta (key, value) SELECT 'needs_rebuild', '1' WHERE EXISTS (SELECT 1 FROM articles)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
