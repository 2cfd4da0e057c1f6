import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../domain/cases/projection.ts';
import type { Store } from '../connection.ts';
import { insertCase, updateCase } from '../queries/cases.ts';
import { repeatComplainants } from '../queries/reportLists.ts';
import { wholeMonths } from '../queries/reportPhones.ts';
import { rebuildReportRollups, refreshReportRollup } from '../queries/reportRollups.ts';
import type { Database } from '../schema.ts';
import { openPlanStore, type PlanStore, registeredState } from './planStore.ts';

/**
 * The repeat complainants from the kept counts per phone and month (migration 22) give the list
 * the query over every complaint of the period gave (kept here as it was), for whole years, whole
 * months and ranges that cut months, with and without the viewer's recused cases; the kept counts
 * equal a recount from scratch after the cases change (a phone corrected, a type changed, a phone
 * removed by retention); and the query reads the repeating phones' rows, not every complaint.
 */
const offset = 480;
const count = 400;
/** Two years of cases, one every ~43 hours, some within an hour of a local midnight (month ends cut). */
const receivedAt = (i: number) => new Date(Date.UTC(2025, 0, 1, 15, 30) + i * 43 * 3_600_000 + i * 1000).toISOString();
/** 20 phones that come back (some often), the rest once each; every 13th case has none. */
const phoneOf = (i: number) =>
  i % 13 === 0 ? undefined : i % 3 === 0 ? `1390000${String(i % 20).padStart(4, '0')}` : `1380${String(i).padStart(7, '0')}`;

function state(i: number): CaseState {
  const phone = phoneOf(i);
  return {
    ...registeredState({
      number: `25-${String(i).padStart(4, '0')}`,
      type: i % 11 === 0 ? 'suggestion' : 'complaint',
      complainant: phone ? { name: `人${i}`, phone } : { name: `人${i}` },
      receivedAt: receivedAt(i),
      confidential: i % 7 === 0,
    }),
    // Every ninth case names the user `u` as the one complained about (recusal).
    respondent: i % 9 === 0 ? { userId: 'u' } : null,
  };
}

/** Today's query before the kept counts: every complaint of the period from report_counted, grouped by phone. */
async function listedAsBefore(store: Store, range: { from: string; to: string }, limit: number, viewerId: string) {
  const latest = `FROM cases l WHERE l.complainant_phone = t.phone AND l.received_at < @to
        AND coalesce(json_extract(l.respondent, '$.userId'), '') != @viewer ORDER BY l.received_at DESC LIMIT 1`;
  return store.sqlite
    .prepare(
      `WITH t AS (SELECT phone, count(*) AS cases, max(received_at) AS latest_at, max(confidential) AS confidential
        FROM report_counted
        WHERE received_at >= @from AND received_at < @to
          AND phone IS NOT NULL AND type = 'complaint' AND coalesce(respondent_user, '') != @viewer
        GROUP BY phone HAVING count(*) > 1 ORDER BY cases DESC, latest_at DESC LIMIT @limit)
      SELECT t.phone, t.cases, t.confidential,
        (SELECT l.complainant_name ${latest}) AS name,
        (SELECT l.id ${latest}) AS latest_id,
        (SELECT l.number ${latest}) AS latest_number
      FROM t ORDER BY t.cases DESC, t.latest_at DESC`,
    )
    .all({ ...range, limit, viewer: viewerId });
}

const local = (date: string) => new Date(`${date}+08:00`).toISOString();
const ranges = [
  { from: local('2025-01-01T00:00:00'), to: local('2026-01-01T00:00:00') },
  { from: local('2026-01-01T00:00:00'), to: local('2027-01-01T00:00:00') },
  { from: local('2025-03-01T00:00:00'), to: local('2025-04-01T00:00:00') },
  { from: local('2025-01-01T00:00:00'), to: local('2025-07-01T00:00:00') },
  { from: local('2025-02-10T13:00:00'), to: local('2025-11-03T07:30:00') },
  { from: local('2025-05-03T00:00:00'), to: local('2025-05-29T00:00:00') },
  { from: local('2024-06-01T00:00:00'), to: local('2028-01-01T00:00:00') },
];

describe('repeat complainants from the kept counts per phone and month', () => {
  let planStore: PlanStore;
  let store: Store;
  let logged: Kysely<Database>;

  const keptRows = async () => (await sql`SELECT * FROM report_phone_month ORDER BY phone, month`.execute(store.db)).rows;
  const compareAll = async () => {
    let listed = 0;
    for (const range of ranges)
      for (const viewer of ['u', 'nobody'])
        for (const limit of [3, 500]) {
          const kept = await repeatComplainants(store.db, range, limit, viewer);
          expect(kept, `${range.from} – ${range.to}, ${viewer}, ${limit}`).toEqual(await listedAsBefore(store, range, limit, viewer));
          listed += kept.length;
        }
    return listed;
  };

  beforeAll(async () => {
    planStore = openPlanStore();
    ({ store, logged } = planStore);
    // In transactions: one commit (one wait for the disk) per half, not per case.
    await store.db.transaction().execute(async (trx) => {
      for (let i = 1; i <= count / 2; i++)
        await insertCase(trx, { id: `case-${i}`, registeredBy: 'u', at: receivedAt(i), lastSeq: 1, heads: [] }, state(i));
      await rebuildReportRollups(trx, offset, '2027-01-01T00:00:00.000Z');
    });
    // The rest arrive once the roll-ups are counted: kept case by case.
    await store.db.transaction().execute(async (trx) => {
      for (let i = count / 2 + 1; i <= count; i++) {
        await insertCase(trx, { id: `case-${i}`, registeredBy: 'u', at: receivedAt(i), lastSeq: 1, heads: [] }, state(i));
        await refreshReportRollup(trx, `case-${i}`, undefined, true);
      }
    });
  }, 60_000);

  afterAll(() => planStore.close());

  it('finds whole local months in a range, and none in a range shorter than one', () => {
    expect(wholeMonths(local('2025-01-01T00:00:00'), local('2026-01-01T00:00:00'), offset)).toEqual({
      fromMonth: '2025-01',
      toMonth: '2026-01',
      start: '2024-12-31T16:00:00.000Z',
      end: '2025-12-31T16:00:00.000Z',
    });
    expect(wholeMonths(local('2025-02-10T13:00:00'), local('2025-05-03T07:30:00'), offset)).toMatchObject({
      fromMonth: '2025-03',
      toMonth: '2025-05',
    });
    const to = local('2025-05-29T00:00:00');
    expect(wholeMonths(local('2025-05-03T00:00:00'), to, offset)).toEqual({ fromMonth: '', toMonth: '', start: to, end: to });
  });

  it('lists what the query over every complaint of the period listed', async () => {
    const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM report_counted`.execute(store.db);
    expect(rows.rows[0]?.n).toBe(count);
    expect(await compareAll()).toBeGreaterThan(20);
  });

  it('keep, case by case, what a rebuild counts, and drop a phone that retention removed', async () => {
    const kept = await keptRows();
    await rebuildReportRollups(store.db, offset, '2027-01-01T00:00:00.000Z');
    expect(await keptRows()).toEqual(kept);

    const change = async (i: number, next: CaseState) => {
      const seq =
        (await sql<{ last_seq: number }>`SELECT last_seq FROM cases WHERE id = ${`case-${i}`}`.execute(store.db)).rows[0]?.last_seq ?? 0;
      expect(await updateCase(store.db, `case-${i}`, seq, { at: receivedAt(i), lastSeq: seq + 1, heads: [] }, next)).toBe(true);
    };
    const redacted = phoneOf(3) ?? '';
    const casesOf = (phone: string) => Array.from({ length: count }, (_, k) => k + 1).filter((i) => phoneOf(i) === phone);
    expect(casesOf(redacted).length).toBeGreaterThan(2);
    // Retention removes the complainant's contact from every case of theirs: the tombstone stays counted.
    for (const i of casesOf(redacted)) await change(i, { ...state(i), complainant: { name: '' } });
    await change(6, { ...state(6), complainant: { name: '人6', phone: '13800000001' } });
    await change(12, { ...state(12), type: 'suggestion' });
    await change(15, { ...state(15), confidential: true });
    const phones = await sql<{ n: number }>`SELECT count(*) AS n FROM report_phone_month WHERE phone = ${redacted}`.execute(store.db);
    expect(phones.rows[0]?.n).toBe(0);
    expect(
      (await sql<{ n: number }>`SELECT count(*) AS n FROM report_counted WHERE phone IS NULL`.execute(store.db)).rows[0]?.n,
    ).toBeGreaterThan(casesOf(redacted).length);
    const changed = await keptRows();
    expect(changed).not.toEqual(kept);
    await compareAll();
    await rebuildReportRollups(store.db, offset, '2027-01-01T00:00:00.000Z');
    expect(await keptRows()).toEqual(changed);
  });

  it("reads the repeating phones' months and the period's edges from indexes, no scan of every complaint", async () => {
    const statements: string[] = [];
    const { Kysely: K, SqliteDialect } = await import('kysely');
    const db = new K<Database>({ dialect: new SqliteDialect({ database: store.sqlite }), log: (e) => void statements.push(e.query.sql) });
    for (const range of [ranges[0], ranges[4], ranges[5]]) {
      if (!range) continue;
      statements.length = 0;
      await repeatComplainants(db, range, 10, 'u');
      const text = statements.find((s) => s.includes('report_phone_month')) ?? '';
      const detail = planStore.plan(
        text,
        Array.from(text.matchAll(/\?/g), () => 'x'),
      );
      expect(detail).toContain('SEARCH report_phone_month USING COVERING INDEX report_phone_month_repeating (month>? AND month<?)');
      expect(detail).toMatch(/SEARCH report_counted USING (COVERING )?INDEX report_counted_phone \(received_at>\? AND received_at<\?\)/);
      expect(detail).toMatch(/SEARCH report_counted USING (COVERING )?INDEX report_counted_by_phone \(phone=\?\)/);
      expect(detail).toMatch(/SEARCH (cases|l) USING INDEX cases_respondent_user/);
      expect(detail).not.toMatch(/SCAN (cases|l|report_counted|report_phone_month)\b(?! USING)/);
      // Every read in the order of an index: the one sort is of the candidates' sums per phone (the most first).
      const reads = detail.slice(0, detail.indexOf('SCAN (subquery'));
      expect(reads).toContain('report_phone_month');
      expect(reads).not.toContain('TEMP B-TREE');
    }
    // The kept rows read for the whole store are those of the phones that came back, not every complaint.
    const repeating = await sql<{ n: number }>`SELECT count(*) AS n FROM report_phone_month WHERE repeating = 1`.execute(store.db);
    const complaints = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM report_counted WHERE phone IS NOT NULL AND type = 'complaint'`.execute(store.db);
    expect(repeating.rows[0]?.n ?? 0).toBeLessThan((complaints.rows[0]?.n ?? 0) / 2);
    void logged;
  });

  it('recounts a phone and month from their index when a case changes', async () => {
    const statements: string[] = [];
    const { Kysely: K, SqliteDialect } = await import('kysely');
    const db = new K<Database>({ dialect: new SqliteDialect({ database: store.sqlite }), log: (e) => void statements.push(e.query.sql) });
    const seq = (await sql<{ last_seq: number }>`SELECT last_seq FROM cases WHERE id = 'case-30'`.execute(store.db)).rows[0]?.last_seq ?? 0;
    await updateCase(db, 'case-30', seq, { at: receivedAt(30), lastSeq: seq + 1, heads: [] }, { ...state(30), confidential: true });
    const recounts = statements.filter((s) => s.includes('report_phone_month'));
    expect(recounts).toHaveLength(3);
    for (const text of recounts) {
      const detail = planStore.plan(
        text,
        Array.from(text.matchAll(/\?/g), () => '[["13900000010","2025-05"]]'),
      );
      expect(detail).not.toMatch(/SCAN (report_counted|report_phone_month|b|t)\b(?! USING)/);
    }
  });
});
