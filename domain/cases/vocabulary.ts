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
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const roles = ['receptionist', 'handler', 'supervisor', 'director', 'admin'] as const;
export type Role = (typeof roles)[number];

export const orgProfiles = ['hospital', 'property', 'serviceHall'] as const;
export type OrgProfile = (typeof orgProfiles)[number];
