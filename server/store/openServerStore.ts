import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
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
export async function openServerStore(options: { dataDir?: string | undefined; databaseUrl?: string | undefined }): Promise<ServerStore> {
  let db: Kysely<ServerDatabase>;
  let dialect: Dialect;
  if (options.databaseUrl) {
    dialect = 'postgres';
    db = new Kysely<ServerDatabase>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: options.databaseUrl, max: 10 }) }),
    });
  } else {
    if (!options.dataDir) throw new Error('the server needs --data DIR or DATABASE_URL');
    fs.mkdirSync(options.dataDir, { recursive: true });
    const sqlite = new Sqlite(path.join(options.dataDir, 'server.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    dialect = 'sqlite';
    db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  try {
    await migrateServer(db, dialect);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return { db, dialect, close: () => db.destroy() };
}
