/** What a report can be broken down by: time buckets (desk-local), case columns and people. */
export const reportGroups = [
  'day',
  'week',
  'month',
  'category',
  'department',
  'channel',
  'severity',
  'type',
  'status',
  'respondentDepartment',
  'respondentPerson',
  'handler',
] as const;
export type ReportGroup = (typeof reportGroups)[number];
