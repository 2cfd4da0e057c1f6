import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../schema.ts';

export async function appendAudit(db: Kysely<Database>, row: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}
