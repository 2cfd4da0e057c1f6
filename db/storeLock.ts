import path from 'node:path';
import Sqlite from 'better-sqlite3';

export const lockFileName = 'desk.lock';

/** Another running desk holds this data directory. */
export class StoreLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(`the desk's data in ${dataDir} is already open in another Complaint Desk window or program; close that one first`);
  }
}

export interface StoreLock {
  release(): void;
}

/**
 * One desk per data directory: an exclusive SQLite lock on `desk.lock`, held for the life of
 * the desk. The operating system drops it when the process dies, even by SIGKILL or a power
 * cut, so no stale lock is ever left behind; SQLite also refuses a second connection in the
 * same process, so a second createDesk on the same folder fails too.
 */
export function takeStoreLock(dataDir: string): StoreLock {
  const db = new Sqlite(path.join(dataDir, lockFileName), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // A write transaction takes the exclusive lock; in EXCLUSIVE locking mode it is kept after COMMIT.
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder; COMMIT');
    db.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') throw new StoreLockedError(dataDir);
    throw e;
  }
  return { release: () => db.close() };
}
