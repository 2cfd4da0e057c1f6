import type { Kysely } from 'kysely';
import { listCaseEvents } from '../../db/queries/caseEvents.ts';
import { findCase } from '../../db/queries/cases.ts';
import { readAliases } from '../../db/queries/referenceSync.ts';
import { displayNamesOf } from '../../db/queries/users.ts';
import type { Database } from '../../db/schema.ts';
import type { CaseDetail } from '../../domain/api/views.ts';
import { projectCase } from '../../domain/cases/projection.ts';
import { canonicalEvent, canonicalState } from '../../domain/sync/referenceRecords.ts';
import { DeskError } from '../deskError.ts';
import { caseDetailOf, caseEventOf } from './caseViews.ts';

/**
 * A case with its events and the names of everyone who acted on it, for printing and
 * attachments. It carries no actions: what a user may do is answered by `cases.get`.
 */
export async function loadCaseDetail(db: Kysely<Database>, id: string, now: Date = new Date()): Promise<CaseDetail> {
  const row = await findCase(db, { id });
  if (!row) throw new DeskError('not_found', { key: 'caseNotFound' });
  const events = await listCaseEvents(db, row.id);
  const aliases = await readAliases(db);
  const state = canonicalState(projectCase(events.map(caseEventOf)), aliases);
  const names = await displayNamesOf(db, [
    ...events.map((e) => e.actorId),
    ...(state.handlerId ? [state.handlerId] : []),
    row.registered_by,
  ]);
  return caseDetailOf({
    row,
    state,
    events: events.map((e) => canonicalEvent(e, aliases)),
    names,
    allowedActions: [],
    linked: [],
    earlier: [],
    elsewhere: [],
    now,
  });
}
