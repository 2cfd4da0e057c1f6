import { addCalendarDays, isWeekday } from './workingCalendar.ts';

/**
 * Reads a holiday file an administrator imports when the State Council publishes the next
 * year (each November): the JSON of the `chinese-days` package (`holidays` / `workdays` maps of
 * date to "English,中文,n"), a plain JSON `{ "holidays": [...], "makeUpDays": [...] }` (dates or
 * `{ date, name }`), or an iCalendar (.ics) holiday feed whose event titles say 休/假 for rest
 * days and 班 for make-up working days. Every year that appears is imported whole.
 */
export interface ImportedDay {
  date: string;
  name: string | null;
}
export interface ImportedYear {
  year: number;
  holidays: ImportedDay[];
  makeUpDays: ImportedDay[];
}
export type CalendarFileProblem =
  | { key: 'unreadable' }
  | { key: 'empty' }
  | { key: 'badDate'; date: string }
  | { key: 'bothKinds'; date: string }
  | { key: 'makeUpOnWeekday'; date: string }
  | { key: 'noHolidays'; year: number };

export type CalendarFileResult = { ok: true; years: ImportedYear[] } | { ok: false; problem: CalendarFileProblem };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
function validDate(date: string): boolean {
  return isoDate.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}

function dayList(value: unknown): ImportedDay[] | null {
  if (value === undefined) return [];
  if (Array.isArray(value)) {
    const out: ImportedDay[] = [];
    for (const v of value) {
      if (typeof v === 'string') out.push({ date: v, name: null });
      else if (v && typeof v === 'object' && typeof (v as { date?: unknown }).date === 'string') {
        const name = (v as { name?: unknown }).name;
        out.push({ date: (v as { date: string }).date, name: typeof name === 'string' ? name : null });
      } else return null;
    }
    return out;
  }
  if (value && typeof value === 'object') {
    // chinese-days: "Spring Festival,春节,4" — keep the Chinese name.
    return Object.entries(value).map(([date, v]) => ({ date, name: typeof v === 'string' ? (v.split(',')[1] ?? v) : null }));
  }
  return null;
}

function fromJson(data: unknown): { holidays: ImportedDay[]; makeUpDays: ImportedDay[] } | null {
  if (!data || typeof data !== 'object') return null;
  const o = data as Record<string, unknown>;
  const holidays = dayList(o.holidays);
  const makeUpDays = dayList(o.makeUpDays ?? o.workdays);
  if (!holidays || !makeUpDays) return null;
  return { holidays, makeUpDays };
}

/** Unfolds iCalendar lines and reads each VEVENT's all-day date range and title. */
function fromIcs(text: string): { holidays: ImportedDay[]; makeUpDays: ImportedDay[] } | null {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const holidays: ImportedDay[] = [];
  const makeUpDays: ImportedDay[] = [];
  let event: { start?: string; end?: string; summary?: string } | null = null;
  const dateOf = (value: string) => {
    const m = /(\d{4})(\d{2})(\d{2})/.exec(value);
    return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  };
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') event = {};
    else if (event && line.startsWith('DTSTART')) event.start = dateOf(line.slice(line.indexOf(':') + 1)) ?? '';
    else if (event && line.startsWith('DTEND')) event.end = dateOf(line.slice(line.indexOf(':') + 1)) ?? '';
    else if (event && line.startsWith('SUMMARY')) event.summary = line.slice(line.indexOf(':') + 1).trim();
    else if (event && line === 'END:VEVENT') {
      const { start, summary } = event;
      if (!start || !summary) return null;
      const makeUp = /班/.test(summary);
      if (!makeUp && !/[休假]/.test(summary)) {
        event = null;
        continue;
      }
      const name = summary.replace(/\s*(补班|上班|休息|放假|假期|休|班).*$/, '') || null;
      // DTEND of an all-day event is exclusive; a missing one means a single day.
      const end = event.end && event.end > start ? event.end : addCalendarDays(start, 1);
      for (let d = start; d < end; d = addCalendarDays(d, 1)) (makeUp ? makeUpDays : holidays).push({ date: d, name });
      event = null;
    }
  }
  return holidays.length + makeUpDays.length > 0 ? { holidays, makeUpDays } : null;
}

export function parseCalendarFile(text: string): CalendarFileResult {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, problem: { key: 'empty' } };
  let days: { holidays: ImportedDay[]; makeUpDays: ImportedDay[] } | null;
  if (trimmed.startsWith('BEGIN:VCALENDAR')) days = fromIcs(trimmed);
  else {
    try {
      days = fromJson(JSON.parse(trimmed));
    } catch {
      days = null;
    }
  }
  if (!days) return { ok: false, problem: { key: 'unreadable' } };
  if (days.holidays.length + days.makeUpDays.length === 0) return { ok: false, problem: { key: 'empty' } };
  const holidayDates = new Set<string>();
  for (const d of days.holidays) {
    if (!validDate(d.date)) return { ok: false, problem: { key: 'badDate', date: d.date } };
    holidayDates.add(d.date);
  }
  for (const d of days.makeUpDays) {
    if (!validDate(d.date)) return { ok: false, problem: { key: 'badDate', date: d.date } };
    if (holidayDates.has(d.date)) return { ok: false, problem: { key: 'bothKinds', date: d.date } };
    if (isWeekday(d.date)) return { ok: false, problem: { key: 'makeUpOnWeekday', date: d.date } };
  }
  const byYear = new Map<number, ImportedYear>();
  const yearOf = (date: string) => {
    const year = Number(date.slice(0, 4));
    const known = byYear.get(year);
    if (known) return known;
    const y: ImportedYear = { year, holidays: [], makeUpDays: [] };
    byYear.set(year, y);
    return y;
  };
  const seen = new Set<string>();
  for (const d of days.holidays) if (!seen.has(d.date) && seen.add(d.date)) yearOf(d.date).holidays.push(d);
  for (const d of days.makeUpDays) if (!seen.has(d.date) && seen.add(d.date)) yearOf(d.date).makeUpDays.push(d);
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);
  // Every year has a Spring Festival: a year with make-up days only is a cut-off file.
  const partial = years.find((y) => y.holidays.length === 0);
  if (partial) return { ok: false, problem: { key: 'noHolidays', year: partial.year } };
  for (const y of years) {
    y.holidays.sort((a, b) => a.date.localeCompare(b.date));
    y.makeUpDays.sort((a, b) => a.date.localeCompare(b.date));
  }
  return { ok: true, years };
}
