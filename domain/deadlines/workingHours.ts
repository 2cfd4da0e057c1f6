/**
 * The desk's opening hours on a working day, e.g. 08:30-12:00 and 13:30-17:30: clocks counted
 * in working hours only run inside them. Periods are minutes since local midnight, in order,
 * not overlapping.
 */
export interface WorkingPeriod {
  start: number;
  end: number;
}
export type WorkingHours = readonly WorkingPeriod[];

export const defaultWorkingHours: WorkingHours = [
  { start: 8 * 60 + 30, end: 12 * 60 },
  { start: 13 * 60 + 30, end: 17 * 60 + 30 },
];

const hhmm = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function parseClockTime(text: string): number | null {
  const m = hhmm.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function formatClockTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Why a list of periods is not usable, or null: each must end after it starts and after the previous one. */
export function workingHoursProblem(periods: readonly WorkingPeriod[]): 'empty' | 'order' | null {
  if (periods.length === 0) return 'empty';
  let previousEnd = -1;
  for (const p of periods) {
    if (p.end <= p.start || p.start < previousEnd) return 'order';
    previousEnd = p.end;
  }
  return null;
}
