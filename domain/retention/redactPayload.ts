import type { CaseIntake, Complainant, Witness } from '../cases/events.ts';
import type { RemovalKind } from './retentionRules.ts';

/** A complainant reduced to what identifies no one: the relation to the matter stays. */
function anonymous(c: Complainant): Complainant {
  return { name: '', ...(c.relation ? { relation: c.relation } : {}) };
}

const fieldsOfPerson = new Set(['complainant.name', 'complainant.phone', 'complainant.address', 'complainant.unit']);

type Payload = Record<string, unknown>;

/**
 * An event's payload with the removed kinds of data taken out, the rest as it was: the figures
 * the reports count (type, channel, department, dates, outcomes) and the account of the matter
 * stay. Answers null when nothing in it is removed, so the event is left untouched.
 */
export function redactPayload(type: string, payload: Payload, kinds: readonly RemovalKind[]): Payload | null {
  const personal = kinds.includes('personalData');
  const evidence = kinds.includes('evidence');
  const next: Payload = { ...payload };
  let changed = false;
  const set = (key: string, value: unknown) => {
    if (JSON.stringify(next[key]) === JSON.stringify(value)) return;
    changed = true;
    if (value === undefined) delete next[key];
    else next[key] = value;
  };
  if (evidence && Array.isArray(payload.attachments) && payload.attachments.length > 0) set('attachments', []);
  const intake = payload.intake as CaseIntake | undefined;
  if (type === 'registered' && intake) {
    const kept: CaseIntake = { ...intake };
    if (evidence && intake.attachments?.length) kept.attachments = [];
    if (personal && intake.coComplainants) kept.coComplainants = intake.coComplainants.map(anonymous);
    if (personal && intake.witnesses) kept.witnesses = intake.witnesses.map((): Witness => ({ name: '' }));
    set('intake', kept);
  }
  if (personal) {
    if (type === 'registered') set('complainant', anonymous(payload.complainant as Complainant));
    if (type === 'corrected' && fieldsOfPerson.has(String(payload.field))) {
      set('before', null);
      set('after', null);
    }
    if (type === 'contacted' && payload.person) set('person', '');
  }
  return changed ? next : null;
}

/** The evidence files an event's payload refers to, by SHA-256. */
export function attachmentsOf(payload: Payload): string[] {
  const own = Array.isArray(payload.attachments) ? (payload.attachments as { sha256: string }[]) : [];
  const intake = (payload.intake as CaseIntake | undefined)?.attachments ?? [];
  return [...own, ...intake].map((a) => a.sha256);
}
