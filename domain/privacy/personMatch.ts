import type { CaseIntake, Complainant, Witness } from '../cases/events.ts';
import { phoneLookupKey } from '../cases/phone.ts';

/** How a person appears in a case. */
export type PersonRole = 'complainant' | 'coComplainant' | 'witness';

/** A person as a request names them: the phone in its lookup form, the ID number in capitals without spaces. */
export interface PersonKey {
  phone: string | null;
  idNumber: string | null;
}

export function personKeyOf(q: { phone?: string | undefined; idNumber?: string | undefined }): PersonKey {
  return {
    phone: q.phone ? phoneLookupKey(q.phone) : null,
    idNumber: q.idNumber ? normalIdNumber(q.idNumber) : null,
  };
}

export function normalIdNumber(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

function samePerson(p: { phone?: string | undefined; idNumber?: string | undefined }, key: PersonKey): boolean {
  if (key.phone && p.phone && phoneLookupKey(p.phone) === key.phone) return true;
  return Boolean(key.idNumber && p.idNumber && normalIdNumber(p.idNumber) === key.idNumber);
}

/** Where the person appears in one case: as its complainant, among its other complainants, among its witnesses. */
export function personIn(
  c: { complainant: Complainant; intake: CaseIntake },
  key: PersonKey,
): { roles: PersonRole[]; asCoComplainant: Complainant[]; asWitness: Witness[] } {
  const asCoComplainant = (c.intake.coComplainants ?? []).filter((p) => samePerson(p, key));
  const asWitness = (c.intake.witnesses ?? []).filter((w) => samePerson(w, key));
  const roles: PersonRole[] = [];
  if (samePerson(c.complainant, key)) roles.push('complainant');
  if (asCoComplainant.length > 0) roles.push('coComplainant');
  if (asWitness.length > 0) roles.push('witness');
  return { roles, asCoComplainant, asWitness };
}
