import fs from 'node:fs';
import path from 'node:path';
import type Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { openKeyed } from './cipher.ts';
import { migrate } from './migrate.ts';
import type { Database } from './schema.ts';
import { cachingDatabase } from './statementCache.ts';

export interface Store {
  db: Kysely<Database>;
  sqlite: Sqlite.Database;
  file: string;
  /** The data key the store is encrypted with; null for a plain store. */
  key: Buffer | null;
  close(): Promise<void>;
}

export const storeFileName = 'desk.sqlite';

/** The copy of the store a schema upgrade makes first, beside it in the data folder. */
export const upgradeCopyName = (fromVersion: number, at: number) => `desk.before-upgrade-v${fromVersion}-${at}.sqlite`;
const upgradeCopy = /^desk\.before-upgrade-v\d+-\d+\.sqlite(-wal|-shm|-journal)?$/;

/**
 * Deletes the copies upgrades left in `dataDir` (with any log a tool that opened one left beside
 * it) and says which. Each holds the data as it was before the upgrade: once personal data is
 * removed from the store, a copy would still give it to whoever reads the folder.
 */
export function removeUpgradeCopies(dataDir: string): string[] {
  const copies = fs.readdirSync(dataDir).filter((name) => upgradeCopy.test(name));
  for (const name of copies) fs.rmSync(path.join(dataDir, name), { force: true });
  return copies;
}

/**
 * Opens (creating if needed) the desk's store in `dataDir` and brings its schema up to date.
 * synchronous=FULL: a registered complaint must survive a power cut the moment its slip prints.
 * With a key the store is encrypted (a new file is created encrypted); a wrong key throws
 * StoreKeyError before anything is read or migrated.
 */
export function openStore(dataDir: string, key: Buffer | null = null): Store {
  const file = path.join(dataDir, storeFileName);
  const sqlite = openKeyed(file, key);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // Removed personal data (end of retention) must leave no trace in the file's free pages.
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('busy_timeout = 5000');
    migrate(sqlite, {
      backup: (fromVersion) => {
        sqlite.prepare('VACUUM INTO ?').run(path.join(dataDir, upgradeCopyName(fromVersion, Date.now())));
      },
    });
  } catch (e) {
    // A damaged or too-new store: release the file so it can be set aside and replaced.
    sqlite.close();
    throw e;
  }
  // kysely prepares every query it runs: compiling the same SQL again and again cost more than a
  // tenth of the desk's time while it applied pulled events.
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingDatabase(sqlite) }) });
  return {
    db,
    sqlite,
    file,
    key,
    close: async () => {
      await db.destroy();
    },
  };
}
