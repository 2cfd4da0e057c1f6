/** The closed vocabularies of a case, named as in GLOSSARY.md. */

export const recordTypes = ['complaint', 'suggestion', 'praise', 'helpRequest', 'repairRequest'] as const;
export type RecordType = (typeof recordTypes)[number];

export const channels = ['walkIn', 'phone', 'letter', 'email', 'online', 'wechat', 'transferred'] as const;
export type Channel = (typeof channels)[number];

export const severities = ['general', 'major', 'urgent'] as const;
export type Severity = (typeof severities)[number];

export const caseStatuses = [
  'registered',
  'declined',
  'accepted',
  'investigating',
  'awaiting_approval',
  'responded',
  'closed',
  'archived',
  // Seen only on the desks of a site that transferred the case to another: read-only there.
  'transferred_out',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const roles = ['receptionist', 'handler', 'supervisor', 'director', 'admin'] as const;
export type Role = (typeof roles)[number];

export const orgProfiles = ['hospital', 'property', 'serviceHall'] as const;
export type OrgProfile = (typeof orgProfiles)[number];

/** What an investigation found (核实结论). */
export const findings = ['valid', 'toImprove', 'invalid', 'malicious'] as const;
export type Finding = (typeof findings)[number];

/** How staff reached the complainant: a contact-log entry, a reply or a follow-up visit. */
export const contactMethods = ['phone', 'visit', 'walkIn', 'sms', 'wechat', 'email', 'letter'] as const;
export type ContactMethod = (typeof contactMethods)[number];

/** Forms a compensation may take (赔偿/补偿方式). */
export const compensationForms = ['cash', 'refund', 'voucher', 'service', 'other'] as const;
export type CompensationForm = (typeof compensationForms)[number];

/** Registration data a correction may change; the original stays in the log. */
export const correctableFields = [
  'subject',
  'content',
  'demands',
  'complainant.name',
  'complainant.phone',
  'complainant.address',
  'complainant.unit',
  'type',
  'channel',
  'severity',
] as const;
export type CorrectableField = (typeof correctableFields)[number];

/** Satisfaction on a 5-point scale; 4 and 5 count as satisfied. */
export const satisfiedFrom = 4;
export const isSatisfied = (satisfaction: number) => satisfaction >= satisfiedFrom;
