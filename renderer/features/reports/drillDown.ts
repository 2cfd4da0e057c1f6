import { addCalendarDays } from '../../../domain/deadlines/workingCalendar.ts';
import type { ReportGroup } from '../../../domain/reports/groups.ts';
import { type Range, startOfLocalDate } from '../../../domain/reports/periods.ts';

/** Desk time (UTC+8) as in renderer/format.ts. */
export const deskUtcOffsetMinutes = 480;

/** The filters the case list reads from its URL; a chart bar or slice opens the list with them. */
export const caseListFilterKeys = [
  'status',
  'type',
  'channel',
  'severity',
  'categoryId',
  'departmentId',
  'respondentDepartmentId',
  'respondentPerson',
  'handlerId',
  'overdue',
  'from',
  'to',
  'q',
] as const;
export type CaseListFilterKey = (typeof caseListFilterKeys)[number];

function bucketRange(group: 'day' | 'week' | 'month', key: string): Range {
  const start = group === 'month' ? `${key}-01` : key;
  let end: string;
  if (group === 'day') end = addCalendarDays(start, 1);
  else if (group === 'week') end = addCalendarDays(start, 7);
  else {
    const [y, m] = key.split('-').map(Number) as [number, number];
    end = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  }
  return { from: startOfLocalDate(start, deskUtcOffsetMinutes), to: startOfLocalDate(end, deskUtcOffsetMinutes) };
}

const groupFilter: Partial<Record<ReportGroup, CaseListFilterKey>> = {
  category: 'categoryId',
  department: 'departmentId',
  channel: 'channel',
  severity: 'severity',
  type: 'type',
  status: 'status',
  respondentDepartment: 'respondentDepartmentId',
  respondentPerson: 'respondentPerson',
  handler: 'handlerId',
};

/** The case-list URL of one group of a breakdown over `range`; null for the "not given" group. */
export function caseListUrl(range: Range, group: ReportGroup, key: string | null): string | null {
  if (key === null) return null;
  const params = new URLSearchParams();
  if (group === 'day' || group === 'week' || group === 'month') {
    const bucket = bucketRange(group, key);
    params.set('from', bucket.from > range.from ? bucket.from : range.from);
    params.set('to', bucket.to < range.to ? bucket.to : range.to);
  } else {
    params.set('from', range.from);
    params.set('to', range.to);
    const filter = groupFilter[group];
    if (!filter) return null;
    params.set(filter, key);
  }
  return `/cases?${params.toString()}`;
}
