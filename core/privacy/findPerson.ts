import type { Kysely } from 'kysely';
import { listCaseEvents } from '../../db/queries/caseEvents.ts';
import { findCase } from '../../db/queries/cases.ts';
import { casesNamingPerson, removalsByCase } from '../../db/queries/privacy.ts';
import type { Database } from '../../db/schema.ts';
import type { PersonCase, PersonReport } from '../../domain/api/privacyViews.ts';
import type { AttachmentRef, CaseIntake, Complainant } from '../../domain/cases/events.ts';
import type { CaseStatus, RecordType } from '../../domain/cases/vocabulary.ts';
import { type PersonKey, personIn } from '../../domain/privacy/personMatch.ts';
import { addMonths, type RemovalKind } from '../../domain/retention/retentionRules.ts';
import { finishedStatuses } from '../../domain/seals/yearManifest.ts';
import { breather } from '../jobs/breather.ts';
import { loadRetention } from '../retention/retentionSettings.ts';

/** A report lists at most this many cases; a person with more is told so. */
const listed = 500;
const page = 2000;

const isFinished = (status: string) => finishedStatuses.includes(status as CaseStatus);

/** The ids of the cases holding the person, oldest first, and whether there were more. */
async function matchingCases(db: Kysely<Database>, key: PersonKey) {
  const found: { id: string; match: ReturnType<typeof personIn> }[] = [];
  let after = 0;
  for (;;) {
    const rows = await casesNamingPerson(db, key, after, page);
    if (rows.length === 0) return { found, truncated: false };
    for (const r of rows) {
      const match = personIn({ complainant: JSON.parse(r.complainant) as Complainant, intake: JSON.parse(r.intake) as CaseIntake }, key);
      if (match.roles.length === 0) continue;
      if (found.length === listed) return { found, truncated: true };
      found.push({ id: r.id, match });
    }
    after = rows.at(-1)?.seqno ?? after;
    // Let the desk answer its other users between pages of a large store.
    await breather();
  }
}

/**
 * Everything the desk holds about one person (PIPL art. 45): each case naming them as its
 * complainant, among its complainants or as a witness, with what was recorded, corrected and
 * kept, and when retention removes it. Reads only; the caller audits.
 */
export async function findPerson(db: Kysely<Database>, key: PersonKey, now: Date): Promise<PersonReport> {
  const { periods } = await loadRetention(db);
  const { found, truncated } = await matchingCases(db, key);
  const removals = await removalsByCase(
    db,
    found.map((f) => f.id),
  );
  const cases: PersonCase[] = [];
  for (const { id, match } of found) {
    const row = await findCase(db, { id });
    if (!row) continue;
    const events = await listCaseEvents(db, id);
    const removed = (removals.get(id) ?? []).filter((k): k is RemovalKind => k === 'evidence' || k === 'personalData');
    const finishedAt = isFinished(row.status) ? row.updated_at : null;
    const attachments: AttachmentRef[] = [];
    const corrections: PersonCase['corrections'] = [];
    for (const e of events) {
      if (e.type === 'registered') attachments.push(...(e.payload.intake?.attachments ?? []));
      if (e.type === 'attachmentsAdded') attachments.push(...e.payload.attachments);
      if (e.type === 'corrected' && e.payload.field.startsWith('complainant.')) {
        corrections.push({ at: e.at, field: e.payload.field, before: e.payload.before, after: e.payload.after, reason: e.payload.reason });
      }
    }
    cases.push({
      id,
      number: row.number,
      type: row.type as RecordType,
      status: row.status as CaseStatus,
      receivedAt: row.received_at,
      finishedAt,
      roles: match.roles,
      complainant: JSON.parse(row.complainant) as Complainant,
      asCoComplainant: match.asCoComplainant,
      asWitness: match.asWitness,
      subject: row.subject,
      content: row.content,
      demands: row.demands,
      corrections,
      attachments: attachments.map((a) => ({ name: a.name, mime: a.mime, size: a.size })),
      personalDataUntil: finishedAt ? addMonths(finishedAt, periods.personalData[row.type as RecordType]) : null,
      evidenceUntil: finishedAt ? addMonths(finishedAt, Math.min(periods.evidence, periods.personalData[row.type as RecordType])) : null,
      removed,
      erasable: finishedAt !== null && match.roles.includes('complainant') && !removed.includes('personalData'),
    });
  }
  return { query: { phone: key.phone, idNumber: key.idNumber }, asOf: now.toISOString(), cases, truncated };
}
