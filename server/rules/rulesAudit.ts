import type { Kysely } from 'kysely';
import { insertRulesAudit } from '../store/rulesQueries.ts';
import type { ServerDatabase } from '../store/schema.ts';

/** Who changed the group's rules: a group account's id (the console), or null for the server's own command line. */
export interface RulesActor {
  id: string | null;
}

/**
 * One entry of the group's audit for a change of its rules, written in the change's own
 * transaction: what it was before and what it is after (null where there was nothing).
 */
export async function auditRulesChange(
  trx: Kysely<ServerDatabase>,
  entry: { at: string; actor: RulesActor; action: string; target: string | null; before: unknown; after: unknown },
): Promise<void> {
  await insertRulesAudit(trx, {
    at: entry.at,
    actor: entry.actor.id,
    action: entry.action,
    target: entry.target,
    before: entry.before === null ? null : JSON.stringify(entry.before),
    after: entry.after === null ? null : JSON.stringify(entry.after),
  });
}
