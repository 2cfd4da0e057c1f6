import type BetterSqlite3 from 'better-sqlite3';
import { migrations as bundled, type Migration } from './migrations/index.ts';

export class StoreTooNewError extends Error {
  constructor(
    readonly storeVersion: number,
    readonly appVersion: number,
  ) {
    super(`the store was written by a newer version of Complaint Desk (schema ${storeVersion} > ${appVersion})`);
  }
}

export const latestSchemaVersion = (list: readonly Migration[] = bundled) => list.at(-1)?.version ?? 0;

/**
 * Brings the store to the latest schema. All pending migrations run in one transaction
 * together with `PRAGMA user_version`, so a crash mid-upgrade leaves the old schema intact
 * (kysely's Migrator does not wrap SQLite migrations in a transaction). `backup` is called
 * first when an existing store is about to change.
 */
export function migrate(
  sqlite: BetterSqlite3.Database,
  options: { backup?: (fromVersion: number) => void; migrations?: readonly Migration[] } = {},
): { from: number; to: number } {
  const list = options.migrations ?? bundled;
  const latest = latestSchemaVersion(list);
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new StoreTooNewError(current, latest);
  const pending = list.filter((m) => m.version > current);
  if (pending.length === 0) return { from: current, to: current };
  if (current > 0) options.backup?.(current);
  sqlite.transaction(() => {
    for (const migration of pending) {
      if ('run' in migration) migration.run(sqlite);
      else sqlite.exec(migration.sql);
      sqlite.pragma(`user_version = ${migration.version}`);
    }
  })();
  return { from: current, to: latest };
}
