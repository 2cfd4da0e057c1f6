import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hasCapability } from '../../domain/access/permissions.ts';
import type { SessionUser } from '../../domain/api/views.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import { AccessDenied } from '../deskError.ts';

/**
 * Prints and exports that carry personal data need a permission and leave a trace. Printing
 * (issue 3) and exporting (issues 7, 8) call these inside the transaction that records the job.
 */

export function mayPrintPersonalData(user: SessionUser): boolean {
  return hasCapability(user.roles, 'personalData.print');
}

export function mayExportPersonalData(user: SessionUser): boolean {
  return hasCapability(user.roles, 'personalData.export');
}

/** Refuses (audited) or records the print of a document holding personal data. */
export async function authorizePersonalDataPrint(
  ctx: DeskContext,
  db: Kysely<Database>,
  user: SessionUser,
  job: { target: string | null; template: string; detail?: Record<string, unknown> },
): Promise<void> {
  if (!mayPrintPersonalData(user)) throw new AccessDenied({ key: 'access:denied.print' }, job.target, 'print');
  await recordAudit(ctx, db, {
    actorId: user.id,
    action: 'personalData.print',
    target: job.target,
    detail: { template: job.template, ...job.detail },
  });
}

/** Refuses (audited) or records an export holding personal data. */
export async function authorizePersonalDataExport(
  ctx: DeskContext,
  db: Kysely<Database>,
  user: SessionUser,
  job: { what: string; detail?: Record<string, unknown> },
): Promise<void> {
  if (!mayExportPersonalData(user)) throw new AccessDenied({ key: 'access:denied.export' }, null, 'export');
  await recordAudit(ctx, db, { actorId: user.id, action: 'personalData.export', target: null, detail: { what: job.what, ...job.detail } });
}
