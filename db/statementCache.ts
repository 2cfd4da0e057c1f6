import type Sqlite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Enough for every distinct query the desk's code builds, with room for raw `sql` variants. */
const defaultStatementCacheSize = 400;

export interface CachingDatabase extends SqliteDatabase {
  prepare(sql: string): Sqlite.Statement;
  /** How many statements are kept now (for tests and diagnostics). */
  readonly cachedStatements: number;
}

/**
 * Wraps the store's connection for kysely's SqliteDialect so that `prepare` hands back the
 * statement it prepared before for the same SQL text, instead of compiling it again on every
 * query (the dialect prepares each query it runs). Least recently used statements are dropped
 * beyond `capacity`.
 *
 * A statement being stepped through by `iterate` (kysely's stream) cannot run anything else until
 * its iterator ends. kysely holds its one connection while a stream runs, but an iterator left
 * unfinished must not make every later run of that SQL fail: a busy kept statement is never
 * handed out, a fresh one is prepared instead and not kept. A schema change needs nothing here:
 * SQLite recompiles a prepared statement whose tables changed, and better-sqlite3 reads its
 * columns anew on every run. Closing drops every kept statement with the connection.
 */
export function cachingDatabase(sqlite: Sqlite.Database, capacity = defaultStatementCacheSize): CachingDatabase {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`statement cache capacity must be a positive integer: ${capacity}`);
  // A Map iterates in insertion order: re-inserting on each hit keeps the least recently used first.
  const cache = new Map<string, Sqlite.Statement>();
  return {
    prepare(sql: string): Sqlite.Statement {
      const kept = cache.get(sql);
      if (kept) {
        if (kept.busy) return sqlite.prepare(sql);
        cache.delete(sql);
        cache.set(sql, kept);
        return kept;
      }
      const statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > capacity) {
        const oldest = cache.keys().next();
        if (!oldest.done) cache.delete(oldest.value);
      }
      return statement;
    },
    close(): void {
      cache.clear();
      sqlite.close();
    },
    get cachedStatements() {
      return cache.size;
    },
  };
}
