import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { keyPragmas } from './cipher.ts';

/** How a check ended: the store whole, SQLite's findings (damaged), or stopped before the end (unknown). */
export type CheckOutcome = { state: 'ok' } | { state: 'damaged'; findings: string[] } | { state: 'stopped' };

/** A check under way: `done` settles with its outcome; `stop` ends it early (a restore, a close). */
export interface RunningCheck {
  readonly done: Promise<CheckOutcome>;
  stop(): Promise<void>;
}

/**
 * The worker's whole program. It is given as text, not as a module file, so that it runs the
 * same from the TypeScript sources, the tests and the bundled main process; it loads the
 * store's driver from the path the desk itself resolved.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  const Sqlite = require(workerData.driver);
  db = new Sqlite(workerData.file, { readonly: true, fileMustExist: true });
  for (const pragma of workerData.pragmas) db.pragma(pragma);
  const rows = db.pragma('quick_check');
  parentPort.postMessage({ findings: rows.map((r) => String(Object.values(r)[0])) });
} catch (e) {
  parentPort.postMessage({ error: String(e && e.message), code: e && e.code });
} finally {
  if (db) db.close();
}
`;

/** SQLite's answers for a file that is not (or no longer) a readable database. */
const damageCodes = /^SQLITE_(CORRUPT|NOTADB)/;

/**
 * `PRAGMA quick_check` of a store file on a read-only connection of its own (with the store's
 * key) in a worker thread: it reads every page, seconds at a million cases, while the desk
 * goes on answering. A worker that cannot start or load the driver is no finding: `fallback`
 * (the check on the desk's own connection) answers instead.
 */
export function quickCheckInBackground(file: string, key: Buffer | null, fallback: () => string[]): RunningCheck {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, { eval: true, workerData: { driver, file, pragmas: keyPragmas(key, file) } });
  let stopped = false;
  const outcomeOf = (findings: string[]): CheckOutcome =>
    findings.length === 1 && findings[0] === 'ok' ? { state: 'ok' } : { state: 'damaged', findings };
  const done = new Promise<CheckOutcome>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => CheckOutcome) => {
      if (settled) return;
      settled = true;
      try {
        resolve(outcome());
      } catch (e) {
        reject(e);
      }
    };
    // The desk's own connection answers when the worker could not; never after a stop (it may be closed).
    const fallBack = () => settle(() => (stopped ? { state: 'stopped' } : outcomeOf(fallback())));
    worker.once('message', (m: { findings?: string[]; error?: string; code?: string }) => {
      if (m.findings) settle(() => outcomeOf(m.findings as string[]));
      else if (m.code && damageCodes.test(m.code)) settle(() => ({ state: 'damaged', findings: [`${m.code}: ${m.error}`] }));
      else fallBack();
    });
    worker.once('error', fallBack);
    // A worker that ended without a word was stopped, or lost.
    worker.once('exit', fallBack);
  });
  return {
    done,
    stop: async () => {
      stopped = true;
      await worker.terminate();
    },
  };
}
