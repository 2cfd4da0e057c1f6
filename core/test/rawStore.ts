import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { storeFileName } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';

/** A second, read-only kysely connection to a desk's store, for checking what was written. */
export function openRaw(dataDir: string) {
  const sqlite = new Sqlite(path.join(dataDir, storeFileName), { readonly: true });
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }) };
}
