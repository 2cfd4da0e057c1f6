import type { Kysely } from 'kysely';
import { countStrangerRows, insertGroupAudit } from '../../store/consoleQueries.ts';
import type { ServerDatabase } from '../../store/schema.ts';
import type { ConsoleSession } from '../consoleTypes.ts';

/** One line of the group's audit log: who, what, on which record, and the record before and after. */
export interface GroupAuditRecord {
  actor: ConsoleSession['user'] | null;
  action: string;
  target?: string | null | undefined;
  before?: unknown;
  after?: unknown;
  source: string;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * What someone without a session can make the log write (wrong passwords, refused calls): from
 * one place, of one kind, at most this many rows in a window, as at the desk; the place's
 * wrong passwords are still counted and still shut it out.
 */
export const strangerBudget = { rowsPerWindow: 20, windowMs: 10 * 60_000 } as const;

/** Written in the transaction of the change it records, so a change without its line cannot be kept. */
export async function recordGroupAudit(db: Kysely<ServerDatabase>, at: Date, entry: GroupAuditRecord): Promise<void> {
  if (entry.actor === null) {
    const since = new Date(at.getTime() - strangerBudget.windowMs).toISOString();
    if ((await countStrangerRows(db, entry.source.slice(0, 100), entry.action, since)) >= strangerBudget.rowsPerWindow) return;
  }
  await insertGroupAudit(db, {
    at: at.toISOString(),
    actor_id: entry.actor?.id ?? null,
    actor_name: entry.actor?.username ?? null,
    action: entry.action,
    target: entry.target ?? null,
    before: json(entry.before),
    after: json(entry.after),
    source: entry.source.slice(0, 100),
  });
}
