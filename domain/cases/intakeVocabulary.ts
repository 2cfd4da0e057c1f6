import type { RecordType } from './vocabulary.ts';

/** The closed vocabularies of intake and the desk's decision, named as in GLOSSARY.md. */

/** How the complainant stands to the organisation; the profile decides which are offered first. */
export const complainantRelations = [
  'self',
  'patient',
  'family',
  'owner',
  'tenant',
  'resident',
  'visitor',
  'customer',
  'staff',
  'other',
] as const;
export type ComplainantRelation = (typeof complainantRelations)[number];

/**
 * Anonymous records are taken for complaints, suggestions and praise; a help or repair request
 * needs someone to call back, so it always names a contact.
 */
export const anonymousAllowedTypes: readonly RecordType[] = ['complaint', 'suggestion', 'praise'];

export function anonymousAllowed(type: RecordType): boolean {
  return anonymousAllowedTypes.includes(type);
}

/** Why a desk declines (不予受理), from the regulations; `other` needs the free text. */
export const declineReasons = [
  'outsideScope',
  'otherAuthority',
  'alreadyDecided',
  'inLitigation',
  'noFacts',
  'duplicate',
  'other',
] as const;
export type DeclineReason = (typeof declineReasons)[number];

/**
 * Where the rules send a matter the desk does not handle itself (e.g. medical damage disputes
 * and claims above 20,000 yuan go to mediation or the courts). Each has printed guidance.
 */
export const redirectTargets = [
  'medicalMediation',
  'court',
  'arbitration',
  'healthAuthority',
  'housingAuthority',
  'consumerAssociation',
  'otherAuthority',
] as const;
export type RedirectTarget = (typeof redirectTargets)[number];

/** 1 very dissatisfied … 5 very satisfied; 4 or 5 counts as satisfied. */
export const satisfactionLevels = [1, 2, 3, 4, 5] as const;
export const satisfiedFrom = 4;

/** Claims above this amount (yuan) go to mediation or the courts (hospital rules). */
export const largeClaimYuan = 20_000;
