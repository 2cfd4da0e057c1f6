import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { projectMissingCases } from './caseProjection.ts';
import { type Dialect, migrateServer } from './migrations.ts';
import type { ServerDatabase } from './schema.ts';

export interface ServerStore {
  db: Kysely<ServerDatabase>;
  dialect: Dialect;
  close(): Promise<void>;
}

// PostgreSQL's bigint arrives as text by default; the sequences fit a JavaScript number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

/**
 * The server's store: PostgreSQL when `databaseUrl` is given (DATABASE_URL), otherwise an
 * embedded SQLite file in `dataDir`. Migrated before it is used.
 */
export async function openServerStore(options: {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  /** Where the pool reports a connection the database dropped (a restart, an administrator's kill). */
  log?: ((line: string) => void) | undefined;
}): Promise<ServerStore> {
  let db: Kysely<ServerDatabase>;
  let dialect: Dialect;
  if (options.databaseUrl) {
    dialect = 'postgres';
    // No JIT: the console's queries are short, and at ten million cases their estimated costs pass
    // jit_above_cost, so each paid 20-80 ms to compile expressions that run for less (the yearly
    // analysis 868 ms with it, 630 without; a search 72 and 48). `options` in the URL still wins.
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10, connectionTimeoutMillis: 15_000, options: '-c jit=off' });
    // A connection PostgreSQL drops (57P01 on a restart) emits 'error' on its client, idle or
    // checked out; unheard, that error would end the process. Heard, the client is discarded on
    // release, the request in flight answers 503, and the pool connects afresh when asked.
    const dropped = (e: Error) => options.log?.(`database connection lost: ${e.message}`);
    pool.on('error', dropped);
    pool.on('connect', (client) => client.on('error', dropped));
    db = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
  } else {
    if (!options.dataDir) throw new Error('the server needs --data DIR or DATABASE_URL');
    fs.mkdirSync(options.dataDir, { recursive: true });
    const sqlite = new Sqlite(path.join(options.dataDir, 'server.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // A removal rewrites events and rows: the bytes they held are overwritten, not left in free pages.
    sqlite.pragma('secure_delete = ON');
    dialect = 'sqlite';
    db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  try {
    await migrateServer(db, dialect);
    // Cases held before the group's projection existed are folded once, here.
    await projectMissingCases(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return { db, dialect, close: () => db.destroy() };
}
