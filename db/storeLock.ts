import path from 'node:path';
import Sqlite from 'better-sqlite3';

export const lockFileName = 'desk.lock';

/** Another running desk holds this data directory. */
export class StoreLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(`the desk's data in ${dataDir} is already open in another Complaint Desk window or program; close that one first`);
  }
}

/**
 * How the desk that held the folder before ended: `clean` when it released the lock on the way
 * out, `unclean` when it was killed or lost power while holding it (or closed before it had
 * checked the store), `damaged` when it found its store damaged, `unknown` the first time this
 * folder is locked (a new folder, or a store copied in from elsewhere).
 */
export type PreviousRun = 'clean' | 'unclean' | 'damaged' | 'unknown';

/** The holder row a desk that found damage leaves behind: pid 0, which no running process has. */
const damagedMark = 0;

export interface StoreLock {
  readonly previousRun: PreviousRun;
  /**
   * Lets the folder go. `trustworthy: false` (the store was not checked after a crash, or was
   * found damaged: `damaged`) leaves the run marked as unclean or damaged, so the next start
   * checks the store again.
   */
  release(options: { trustworthy: boolean; damaged?: boolean }): void;
}

/**
 * One desk per data directory: an exclusive SQLite lock on `desk.lock`, held for the life of
 * the desk. The operating system drops it when the process dies, even by SIGKILL or a power
 * cut, so no stale lock is ever left behind; SQLite also refuses a second connection in the
 * same process, so a second createDesk on the same folder fails too.
 */
export function takeStoreLock(dataDir: string): StoreLock {
  const db = new Sqlite(path.join(dataDir, lockFileName), { timeout: 0 });
  let previousRun: PreviousRun;
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // A write transaction takes the exclusive lock; in EXCLUSIVE locking mode it is kept after COMMIT.
    db.exec('BEGIN EXCLUSIVE');
    const known = db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'holder'").pluck().get() === 1;
    // The holder row is deleted on release: a row still here means its desk never got to release.
    const leftBehind = known ? (db.prepare('SELECT pid FROM holder').pluck().all() as number[]) : [];
    previousRun = !known ? 'unknown' : leftBehind.includes(damagedMark) ? 'damaged' : leftBehind.length > 0 ? 'unclean' : 'clean';
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder; COMMIT');
    db.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') throw new StoreLockedError(dataDir);
    throw e;
  }
  return {
    previousRun,
    release: ({ trustworthy, damaged = false }) => {
      try {
        if (damaged) db.prepare('UPDATE holder SET pid = ?').run(damagedMark);
        else if (trustworthy) db.exec('DELETE FROM holder');
      } finally {
        db.close();
      }
    },
  };
}
