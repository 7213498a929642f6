export { AmbiguousIdError, StoreError, type ArticleSummary, type PutOptions, type PutStatus, type Store } from './store.js';
export { DEFAULT_DB_PATH, SqlStore, SqliteStore, databaseExists, openStore, redactUrl, resolveDbPath, type ArticleHook, type StoreOpenOptions } from './sqlite/sqlite-store.js';
export { isPostgresUrl, type Db, type Dialect, type RunResult, type SqlFragments, type Statement as SqlStatement, type Transaction } from './sql/db.js';
export { SqliteDb } from './sqlite/sqlite-db.js';
export { PgDb, PgError, parsePgUrl } from './postgres/pg-db.js';
export { MIGRATIONS_DIR, loadMigrations, migrate, pendingMigrations, type Migration } from './sqlite/migrate.js';
export { storeArticles, storeItems, type ReadArticle, type StoreArticlesOptions, type StoreOutcome } from './store-articles.js';
export { checkDatabase, type DatabaseCheck, type DatabaseProblem } from './sqlite/check.js';
export { withBusyRetry, isBusyError, type BusyRetryOptions } from './sqlite/busy.js';
