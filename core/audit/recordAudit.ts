import type { Kysely } from 'kysely';
import { appendAudit, appendLookAudit } from '../../db/queries/audit.ts';
import type { Database } from '../../db/schema.ts';
import type { DeskContext } from '../deskContext.ts';

export interface AuditFact {
  actorId: string | null;
  /** `area.verb`, e.g. `auth.login`, `users.create`, `personalData.reveal`. */
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
  /** When, if the change it records is stamped with a time of its own; otherwise now. */
  at?: string;
}

/** The one way handlers append to the audit log; pass the transaction that writes the change it records. */
export function recordAudit(ctx: DeskContext, db: Kysely<Database>, fact: AuditFact): Promise<void> {
  return appendAudit(db, auditRow(ctx, fact));
}

/**
 * The audit of a look at data that changes nothing else (a case opened), outside any transaction:
 * committed without waiting for the disk (db/queries/audit.ts appendLookAudit says what that risks).
 */
export function recordLook(ctx: DeskContext, fact: AuditFact): Promise<void> {
  return appendLookAudit(ctx.store.db, ctx.store.sqlite, auditRow(ctx, fact));
}

function auditRow(ctx: DeskContext, fact: AuditFact) {
  return {
    id: ctx.newId(),
    at: fact.at ?? ctx.now().toISOString(),
    actor_id: fact.actorId,
    action: fact.action,
    target: fact.target ?? null,
    detail: fact.detail ? JSON.stringify(fact.detail) : null,
  };
}
