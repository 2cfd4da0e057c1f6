import type { Kysely } from 'kysely';
import { insertGroupAudit } from '../../store/consoleQueries.ts';
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

/** Written in the transaction of the change it records, so a change without its line cannot be kept. */
export async function recordGroupAudit(db: Kysely<ServerDatabase>, at: Date, entry: GroupAuditRecord): Promise<void> {
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
