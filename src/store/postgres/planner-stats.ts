/**
 * Keeps PostgreSQL's planner statistics of the store's tables in step with their growth while one process
 * writes many articles. The store's statements are prepared once per connection, and PostgreSQL keeps a generic
 * plan for a prepared statement until the tables' statistics change: plans made when the tables were nearly
 * empty (the first articles of an ingest) read them whole (sequential scans), and went on doing so when they
 * held hundreds of thousands of rows, so each article cost more than the one before. Autovacuum, which would
 * analyse them, may be off or far behind on a bulk load. An ANALYZE of the schema's tables after 64, 128, 256 …
 * committed articles (doubling: a logarithmic number of times whatever the corpus size) updates the statistics,
 * and with them every session's cached plans.
 */
import type { PgDb } from './pg-db.js';

/** Commits before the first ANALYZE; the next comes after twice as many. */
const FIRST_ANALYZE_AT = 64;

export class PlannerStats {
  private commits = 0;
  private next = FIRST_ANALYZE_AT;
  /** ANALYZEs run so far by this store (for tests). */
  runs = 0;
  /**
   * Why the last ANALYZE after a commit failed, if one did (cleared by the next that succeeds). `polity ingest`,
   * `polity worker` and `polity record rebuild` print it as a warning when they end (SqlStore.warnings()).
   */
  lastError: string | undefined;

  constructor(private readonly db: PgDb) {}

  /**
   * `n` articles committed (one stored article; a rebuild's batch); analyses the schema's tables when the count
   * reaches the next threshold (once, however many thresholds a large batch passes).
   */
  committed(n = 1): void {
    this.commits += n;
    if (this.commits < this.next) return;
    while (this.next <= this.commits) this.next *= 2;
    // The articles are committed already: statistics that could not be refreshed now (a lock another ANALYZE
    // holds, a lost connection the next write will report) must not make them look failed. Kept for a caller to see.
    try {
      this.analyze();
      this.lastError = undefined;
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
    }
  }

  /** ANALYZE of every table in the store's schema (not the whole database: other schemas are not the store's). */
  analyze(): void {
    const tables = this.db.prepare("SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename").pluck().all() as string[];
    if (tables.length === 0) return;
    // Takes a lock that only VACUUM, ANALYZE and DDL wait for: the other writers and readers go on.
    this.db.exec(`ANALYZE ${tables.join(', ')}`);
    this.runs++;
  }
}
