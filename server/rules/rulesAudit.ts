import type { Kysely } from 'kysely';
import type { ConsoleSessionUser } from '../../domain/console/accessViews.ts';
import { recordGroupAudit } from '../console/access/groupAudit.ts';
import type { ServerDatabase } from '../store/schema.ts';

/** Who changed the group's rules: a group account signed in to the console (null: the server's own command line), and from where. */
export interface RulesActor {
  user: ConsoleSessionUser | null;
  source: string;
}

/**
 * One line of the group's audit log for a change of its rules, written in the change's own
 * transaction: what it was before and what it is after (null where there was nothing).
 */
export async function auditRulesChange(
  trx: Kysely<ServerDatabase>,
  entry: { at: Date; actor: RulesActor; action: string; target: string | null; before: unknown; after: unknown },
): Promise<void> {
  await recordGroupAudit(trx, entry.at, {
    actor: entry.actor.user,
    action: entry.action,
    target: entry.target,
    // Nothing before (a new record) or after (one taken away) is an empty column, not the text "null".
    before: entry.before ?? undefined,
    after: entry.after ?? undefined,
    source: entry.actor.source,
  });
}
