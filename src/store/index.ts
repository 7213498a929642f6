export { AmbiguousIdError, StoreError, type ArticleSummary, type PutOptions, type PutStatus, type Store } from './store.js';
export { DEFAULT_DB_PATH, SqliteStore, openStore, resolveDbPath, type ArticleHook } from './sqlite/sqlite-store.js';
export { MIGRATIONS_DIR, loadMigrations, migrate, type Migration } from './sqlite/migrate.js';
export { storeArticles, storeItems, type ReadArticle, type StoreArticlesOptions, type StoreOutcome } from './store-articles.js';
export { checkDatabase, type DatabaseCheck, type DatabaseProblem } from './sqlite/check.js';
export { withBusyRetry, isBusyError, type BusyRetryOptions } from './sqlite/busy.js';
