import type { Kysely } from 'kysely';
import { bundledCalendarData } from '../../core/calendar/bundledCalendar.ts';
import type { CaseEventData } from '../../domain/cases/events.ts';
import { type CaseState, projectCase } from '../../domain/cases/projection.ts';
import { createWorkingCalendar } from '../../domain/deadlines/workingCalendar.ts';
import { repeatIds } from '../../domain/reports/figures.ts';
import { type HeldEvent, reportCaseOf, type SiteCase, type SiteTime, siteCaseOf } from '../../domain/reports/siteCase.ts';
import type { WireEvent } from '../../domain/sync/protocol.ts';
import type { Aliases } from '../../domain/sync/referenceRecords.ts';
import { withRollups } from './caseRollups.ts';
import type { ServerDatabase } from './schema.ts';

type Db = Kysely<ServerDatabase>;

/**
 * The row of a case as folded, held by `siteId` and registered at `registeredSiteId` (another
 * site when it was transferred here), `is_repeat` left to `refreshRepeats`.
 */
export function projectionRow(siteId: number, c: SiteCase, eventCount: number, registeredSiteId = siteId) {
  const clock = (name: 'acknowledge' | 'feedback' | 'resolve') => c.clocks[name];
  return {
    case_id: c.caseId,
    site_id: siteId,
    registered_site_id: registeredSiteId,
    number: c.number,
    type: c.type,
    status: c.status,
    channel: c.channel,
    severity: c.severity,
    category_id: c.categoryId,
    department_id: c.departmentId,
    handler_id: c.handlerId,
    respondent_department_id: c.respondentDepartmentId,
    respondent_person: c.respondentPerson,
    subject: c.subject,
    complainant_name: c.complainantName,
    complainant_phone: c.complainantPhone,
    phone_key: c.phoneKey,
    confidential: c.confidential ? 1 : 0,
    anonymous: c.anonymous ? 1 : 0,
    received_at: c.receivedAt,
    received_day: c.receivedDay,
    received_week: c.receivedWeek,
    accepted_at: c.facts.acceptedAt,
    declined: c.facts.declined ? 1 : 0,
    closed_at: c.facts.closedAt,
    finding: c.facts.finding,
    follow_ups: c.facts.followUps,
    last_satisfaction: c.facts.lastSatisfaction,
    merged: c.facts.merged ? 1 : 0,
    resolve_done_at: c.facts.clockDoneAt.resolve,
    ack_due: clock('acknowledge')?.due ?? null,
    ack_met_at: clock('acknowledge')?.metAt ?? null,
    ack_breached_at: clock('acknowledge')?.breachedAt ?? null,
    feedback_due: clock('feedback')?.due ?? null,
    feedback_met_at: clock('feedback')?.metAt ?? null,
    feedback_breached_at: clock('feedback')?.breachedAt ?? null,
    resolve_due: clock('resolve')?.due ?? null,
    resolve_met_at: clock('resolve')?.metAt ?? null,
    resolve_breached_at: clock('resolve')?.breachedAt ?? null,
    paused_since: clock('resolve')?.pausedSince ?? null,
    handling_days: c.handlingDays,
    search_text: c.searchText,
    search_terms: c.searchTerms,
    event_count: eventCount,
    conflict_count: c.conflicts,
  };
}

/** A held event's wire body as the fold reads it. */
export function heldEventOf(body: string): HeldEvent {
  return foldedEventOf(JSON.parse(body) as WireEvent);
}

/** A case's history as every desk folds it, from its events as they travel. */
export function foldWireEvents(events: readonly WireEvent[]): CaseState {
  return projectCase(events.map(foldedEventOf) as unknown as (CaseEventData & HeldEvent)[]);
}

/** A wire event with its payload parsed: what the fold reads. */
function foldedEventOf(e: WireEvent): HeldEvent {
  return {
    id: e.id,
    type: e.type,
    payload: JSON.parse(e.payload) as unknown,
    actorId: e.actorId,
    at: e.at,
    hlc: e.hlc,
    hash: e.hash,
    parents: e.parents,
  };
}

function settingNumber(row: string | null): number | null {
  if (!row) return null;
  try {
    const { value } = JSON.parse(row) as { value: string };
    const parsed = JSON.parse(value) as unknown;
    return typeof parsed === 'number' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * The site's time as its desks keep it: the calendar its desks sent (the bundled one for the
 * years they sent none of), and its offset from UTC (UTC+8 unless the site set another).
 */
export async function siteTimeOf(db: Db, siteId: number): Promise<SiteTime> {
  const rows = await db
    .selectFrom('reference_records')
    .select(['kind', 'key', 'row'])
    .where('site_id', '=', siteId)
    .where((eb) =>
      eb.or([
        eb('kind', 'in', ['calendarYear', 'calendarDay', 'localDay']),
        eb.and([eb('kind', '=', 'setting'), eb('key', '=', 'desk.utcOffsetMinutes')]),
      ]),
    )
    .execute();
  const offset = settingNumber(rows.find((r) => r.kind === 'setting')?.row ?? null);
  return { calendar: calendarOf(rows.filter((r) => r.kind !== 'setting')), utcOffsetMinutes: offset ?? 480 };
}

/**
 * A site's working calendar is built from every holiday of every year it covers (milliseconds of
 * work each push would repeat); the same rows always build the same calendar, so the last few
 * are kept by their rows' text.
 */
const calendars = new Map<string, SiteTime['calendar']>();
const calendarsKept = 16;

function calendarOf(rows: readonly { kind: string; key: string; row: string | null }[]): SiteTime['calendar'] {
  const key = JSON.stringify(rows.map((r) => [r.kind, r.key, r.row]).sort());
  const kept = calendars.get(key);
  if (kept) return kept;
  const calendar = buildCalendar(rows);
  if (calendars.size >= calendarsKept) calendars.delete(calendars.keys().next().value as string);
  calendars.set(key, calendar);
  return calendar;
}

function buildCalendar(rows: readonly { kind: string; key: string; row: string | null }[]): SiteTime['calendar'] {
  const bundled = bundledCalendarData();
  const parsed = rows.flatMap((r) => (r.row ? [{ kind: r.kind, key: r.key, row: JSON.parse(r.row) as Record<string, unknown> }] : []));
  const sent = new Set(parsed.filter((r) => r.kind === 'calendarYear').map((r) => Number(r.row.year)));
  const bundledDays = (dates: readonly string[]) => dates.filter((d) => !sent.has(Number(d.slice(0, 4))));
  const days = (kind: string, dayKind: string) =>
    parsed.filter((r) => r.kind === kind && r.row.kind === dayKind).map((r) => String(r.row.date));
  return createWorkingCalendar({
    coveredYears: [...new Set([...bundled.coveredYears, ...sent])],
    holidays: [...bundledDays(bundled.holidays), ...days('calendarDay', 'holiday')],
    makeUpDays: [...bundledDays(bundled.makeUpDays), ...days('calendarDay', 'makeUpDay')],
    closures: days('localDay', 'closure'),
    extraWorkingDays: days('localDay', 'extraWorkingDay'),
  });
}

/** The site's merged records (a desk's department or category folded into the site's). */
export async function siteAliasesOf(db: Db, siteId: number): Promise<Aliases> {
  const rows = await db.selectFrom('reference_records').select('row').where('site_id', '=', siteId).where('kind', '=', 'alias').execute();
  const maps = { department: new Map<string, string>(), category: new Map<string, string>(), user: new Map<string, string>() };
  for (const r of rows) {
    if (!r.row) continue;
    const a = JSON.parse(r.row) as { kind: keyof typeof maps; local_id: string; canonical_id: string };
    maps[a.kind]?.set(a.local_id, a.canonical_id);
  }
  return maps;
}

const chunk = 500;
/** Rows a projection upsert writes at once: ~50 columns each, under either database's bound parameters. */
const upsertRows = 200;

/** What a site's cases fold with, read once a push (and before its sequence lock: it is not ordered by it). */
export interface SiteFolding {
  time: SiteTime;
  aliases: Aliases;
}

export async function siteFoldingOf(db: Db, siteId: number): Promise<SiteFolding> {
  return { time: await siteTimeOf(db, siteId), aliases: await siteAliasesOf(db, siteId) };
}

/**
 * Folds the cases again from all their held events and stores their rows, then the repeat
 * flags of every phone number they had or have: one call per accepted push, in its transaction.
 * Each step is one statement for many cases: a push holds its site's sequence lock meanwhile.
 */
export async function projectCases(db: Db, siteId: number, caseIds: readonly string[], folding?: SiteFolding): Promise<void> {
  if (caseIds.length === 0) return;
  const { time, aliases } = folding ?? (await siteFoldingOf(db, siteId));
  const phones = new Set<string>();
  for (let i = 0; i < caseIds.length; i += chunk) {
    const ids = caseIds.slice(i, i + chunk);
    const events = await db
      .selectFrom('events')
      .select(['case_id', 'site_id', 'body'])
      .where('case_id', 'in', ids)
      .orderBy('seq')
      .execute();
    const before = await db.selectFrom('case_projection').select('complainant_phone').where('case_id', 'in', ids).execute();
    for (const b of before) if (b.complainant_phone) phones.add(b.complainant_phone);
    const byCase = new Map<string, HeldEvent[]>();
    // The site whose desk pushed the case's registration: where it was registered.
    const registeredAt = new Map<string, number>();
    for (const e of events) {
      const held = heldEventOf(e.body);
      if (held.type === 'registered') registeredAt.set(e.case_id, e.site_id);
      const list = byCase.get(e.case_id);
      if (list) list.push(held);
      else byCase.set(e.case_id, [held]);
    }
    const rows = [...byCase].map(([caseId, held]) => {
      const c = siteCaseOf(caseId, held, time, aliases);
      if (c.complainantPhone) phones.add(c.complainantPhone);
      return projectionRow(siteId, c, held.length, registeredAt.get(caseId) ?? siteId);
    });
    for (let r = 0; r < rows.length; r += upsertRows) {
      const part = rows.slice(r, r + upsertRows);
      await withRollups(
        db,
        part.map((row) => row.case_id),
        () => upsertProjection(db, part),
      );
    }
  }
  await refreshRepeats(db, siteId, [...phones]);
}

async function upsertProjection(db: Db, rows: ReturnType<typeof projectionRow>[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first).filter((k) => k !== 'case_id') as (keyof typeof first)[];
  await db
    .insertInto('case_projection')
    .values(rows)
    .onConflict((oc) =>
      oc.column('case_id').doUpdateSet((eb) => Object.fromEntries(columns.map((col) => [col, eb.ref(`excluded.${col}`)]))),
    )
    .execute();
}

/**
 * The repeat flag of every case of the site with one of these phone numbers, by the desk's own
 * rule (repeatIds): a late case from a desk that was offline can make a later case a repeat.
 */
export async function refreshRepeats(db: Db, siteId: number, phones: readonly string[]): Promise<void> {
  for (let i = 0; i < phones.length; i += chunk) {
    const rows = await db
      .selectFrom('case_projection')
      .select(['case_id', 'type', 'category_id', 'complainant_phone', 'received_at', 'merged', 'is_repeat'])
      .where('site_id', '=', siteId)
      .where('complainant_phone', 'in', phones.slice(i, i + chunk))
      .execute();
    const repeats = repeatIds(
      rows.map((r) =>
        reportCaseOf({
          caseId: r.case_id,
          type: r.type,
          categoryId: r.category_id,
          complainantPhone: r.complainant_phone,
          receivedAt: r.received_at,
          facts: { merged: r.merged === 1 },
          clocks: {},
        } as unknown as SiteCase),
      ),
    );
    for (const flag of [0, 1] as const) {
      const changed = rows.filter((r) => (repeats.has(r.case_id) ? 1 : 0) === flag && r.is_repeat !== flag).map((r) => r.case_id);
      for (let c = 0; c < changed.length; c += chunk) {
        const ids = changed.slice(c, c + chunk);
        await withRollups(db, ids, () => db.updateTable('case_projection').set({ is_repeat: flag }).where('case_id', 'in', ids).execute());
      }
    }
  }
}

/** Cases held with no row yet (a store from before the projection), `limit` at a time. */
async function unprojected(db: Db, limit: number) {
  return db
    .selectFrom('cases')
    .leftJoin('case_projection', 'case_projection.case_id', 'cases.id')
    .select(['cases.id', 'cases.site_id'])
    .where('case_projection.case_id', 'is', null)
    .limit(limit)
    .execute();
}

/** Projects every held case that has no row yet; answers how many. */
export async function projectMissingCases(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const page = await unprojected(db, chunk);
    if (page.length === 0) return done;
    const bySite = new Map<number, string[]>();
    for (const c of page) bySite.set(c.site_id, [...(bySite.get(c.site_id) ?? []), c.id]);
    await db.transaction().execute(async (trx) => {
      for (const [site, ids] of bySite) await projectCases(trx, site, ids);
    });
    done += page.length;
  }
}

/** Drops every row and folds all the cases again from their events: the repair, and the test's yardstick. */
export async function rebuildCaseProjection(db: Db): Promise<number> {
  await db.deleteFrom('case_projection').execute();
  // The rows' counts left with them; each row folded again adds its own.
  await db.deleteFrom('case_rollups').execute();
  return projectMissingCases(db);
}
