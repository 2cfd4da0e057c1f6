import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrate } from './migrate.ts';
import type { Database } from './schema.ts';

export interface Store {
  db: Kysely<Database>;
  sqlite: Sqlite.Database;
  file: string;
  close(): Promise<void>;
}

export const storeFileName = 'desk.sqlite';

/**
 * Opens (creating if needed) the desk's store in `dataDir` and brings its schema up to date.
 * synchronous=FULL: a registered complaint must survive a power cut the moment its slip prints.
 */
export function openStore(dataDir: string): Store {
  const file = path.join(dataDir, storeFileName);
  const sqlite = new Sqlite(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    migrate(sqlite, {
      backup: (fromVersion) => {
        const target = path.join(dataDir, `desk.before-upgrade-v${fromVersion}-${Date.now()}.sqlite`);
        sqlite.prepare('VACUUM INTO ?').run(target);
      },
    });
  } catch (e) {
    // A damaged or too-new store: release the file so it can be set aside and replaced.
    sqlite.close();
    throw e;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    sqlite,
    file,
    close: async () => {
      await db.destroy();
    },
  };
}
