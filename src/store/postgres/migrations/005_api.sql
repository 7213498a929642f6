-- Indexes for the HTTP API's lists that had none to follow (found with EXPLAIN QUERY PLAN on a 10,000-article
-- database): each of these queries scanned a whole table, and two of them the articles table with every text.
--
-- /api/quotes (every statement, newest first): read in index order instead of sorting all statements.
CREATE INDEX IF NOT EXISTS record_statements_published ON record_statements (published DESC, article_id, statement_id);
-- /api/events/weekly (happened events per week and type): a covering index, so the count never reads event JSON.
CREATE INDEX IF NOT EXISTS record_events_happened ON record_events (happened, date, type);
-- /api/places (dateline places by frequency): counted on the index, not by reading every article row.
CREATE INDEX IF NOT EXISTS articles_dateline_place ON articles (dateline_place);
