import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { local, nowIso } from '../../core/test/reportsDataset.ts';
import { twoSitesOfAGroup } from '../../core/test/syncDesk.ts';
import type { GroupDimension, RolledUp } from '../../domain/reports/groupFigures.ts';
import { rebuildCaseRollups, rolledUpCounts, rolledUpWorkload } from '../store/caseRollups.ts';
import type { Dialect } from '../store/migrations.ts';
import { openWorkloadBySite } from '../store/openWorkQueries.ts';
import { type GroupCohort, groupCounts } from '../store/reportQueries.ts';
import type { ServerDatabase } from '../store/schema.ts';
import { dialects, seededSitePerSuite } from './serverHarness.ts';

/**
 * The group's roll-ups answer what the cohort queries count: kept by each push (the change of a
 * case's row), equal to counting them all again from the projection, and read back as the same
 * figures per site, day, month and the desk's groups, the clocks past due without a breach
 * recorded added at the time they are read.
 */
const dimensions: GroupDimension[] = ['site', 'day', 'month', 'category', 'channel', 'severity', 'type'];

async function rollupRows(db: Kysely<ServerDatabase>) {
  const rows = await sql<Record<string, unknown>>`SELECT * FROM case_rollups ORDER BY dimension, day, site_id, key`.execute(db);
  // A row whose cases all moved away holds zeros; a count from scratch has no row for it.
  return rows.rows
    .map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+$/.test(v) && k !== 'key' && k !== 'day' ? Number(v) : v]),
      ),
    )
    .filter((r) => Object.entries(r).some(([k, v]) => !['site_id', 'day', 'dimension', 'key'].includes(k) && v !== 0));
}

/** The kept roll-ups are those a rebuild makes. */
async function expectKeptAsRebuilt(db: Kysely<ServerDatabase>) {
  const kept = await rollupRows(db);
  await rebuildCaseRollups(db);
  const rebuilt = await rollupRows(db);
  expect(rebuilt.length).toBeGreaterThan(0);
  expect(kept).toEqual(rebuilt);
}

const sorted = (m: ReadonlyMap<string | null, unknown> | undefined) =>
  [...(m ?? [])].sort((a, b) => String(a[0]).localeCompare(String(b[0])));

async function expectSameCounts(db: Kysely<ServerDatabase>, dialect: Dialect, cohort: GroupCohort) {
  const rolled = (await rolledUpCounts(db, dialect, cohort, dimensions, 480)) as RolledUp;
  expect(rolled).not.toBeNull();
  const counted = await groupCounts(db, dialect, cohort, dimensions);
  expect(rolled.total).toEqual(counted.total);
  for (const d of dimensions) expect({ d, rows: sorted(rolled.per.get(d)) }).toEqual({ d, rows: sorted(counted.per.get(d)) });
  // The open work now, the same from the roll-ups as from the open cases.
  const bySite = (w: { siteId: number }[]) => [...w].sort((a, b) => a.siteId - b.siteId);
  for (const siteIds of [undefined, cohort.siteIds]) {
    const work = bySite(await rolledUpWorkload(db, cohort.now, siteIds));
    expect(work).toEqual(bySite(await openWorkloadBySite(db, cohort.now, siteIds)));
    expect(work.length).toBeGreaterThan(0);
  }
  return counted;
}

const november = { from: local('2025-11-01', '00:00'), to: local('2025-12-01', '00:00') };
const autumn = { from: local('2025-09-01', '00:00'), to: local('2025-12-01', '00:00') };

describe.each(dialects)('the roll-ups on %s', (dialect) => {
  const site = seededSitePerSuite(dialect);
  const { server } = site;

  it('are kept by each push as a count from scratch makes them, and count what the cohort counts', async () => {
    const db = server.store.db;
    await expectKeptAsRebuilt(db);
    for (const range of [november, autumn]) {
      for (const siteIds of [undefined, [site.siteId]]) {
        const counted = await expectSameCounts(db, server.store.dialect, { ...range, now: nowIso, siteIds });
        expect(counted.total.registered).toBeGreaterThan(0);
      }
    }
    // Clocks past their due time with no breach recorded: decided by the time they are read at.
    const running = await groupCounts(db, server.store.dialect, { ...november, now: nowIso }, [], 'pendingLate');
    expect(running.total.clockDecided.acknowledge).toBeGreaterThan(0);

    // Cases change after they were first counted: a repeat complaint, one accepted, one closed.
    const { c2, c4 } = site.seeded.ids;
    site.seeded.at(local('2025-11-20', '12:02'));
    await site.seeded.desk.call('cases.act', { id: c4.id, action: { type: 'accept', departmentId: site.seeded.outpatient } });
    await site.seeded.desk.call('cases.act', { id: c2.id, action: { type: 'startInvestigation' } });
    await site.seeded.desk.call('cases.register', {
      type: 'complaint',
      channel: 'phone',
      severity: 'general',
      subject: '挂号排队再次过久',
      content: '又排了一个小时',
      complainant: { name: '张三', phone: '13900001111' },
      receivedAt: local('2025-11-20', '12:02'),
    } as Parameters<typeof site.seeded.desk.call<'cases.register'>>[1]);
    await site.seeded.desk.call('sync.now', {});
    await expectKeptAsRebuilt(db);
    await expectSameCounts(db, server.store.dialect, { ...november, now: nowIso });
  });

  it('leave to the cohort a range that is not whole days of the group, and a site keeping another day', async () => {
    const db = server.store.db;
    const cohort = { from: local('2025-11-01', '06:00'), to: november.to, now: nowIso };
    expect(await rolledUpCounts(db, server.store.dialect, cohort, ['site'], 480)).toBeNull();
    expect(await rolledUpCounts(db, server.store.dialect, { ...november, now: nowIso }, ['site'], 0)).toBeNull();
    expect(await rolledUpCounts(db, server.store.dialect, { ...november, now: nowIso }, ['week'], 480)).toBeNull();
  });

  it.runIf(dialect === 'postgres')('read with PostgreSQL’s JIT off, whose compiling cost more than the short queries', async () => {
    const { rows } = await sql<{ jit: string }>`SHOW jit`.execute(server.store.db);
    expect(rows[0]?.jit).toBe('off');
  });
});

describe('the roll-ups of a case transferred between two sites', () => {
  const group = twoSitesOfAGroup();

  it('move its handling to the site that holds it, its intake staying where it was registered', async () => {
    const { a, b, siteIds } = group;
    const moved = await a.register('rec', { subject: '二院停车场收费争议' });
    await a.register('rec', { subject: '一院挂号排队过久' });
    await a.syncNow();
    const db = group.server.store.db;
    await expectKeptAsRebuilt(db);
    await a.act('sup', moved.id, { type: 'transfer', toSiteId: siteIds.second, reason: '事发二院停车场' });
    await a.syncNow();
    await b.syncNow();
    await b.act('sup', moved.id, { type: 'accept', departmentId: b.outpatient.id });
    await b.syncNow();
    await a.syncNow();
    await expectKeptAsRebuilt(db);
    const day = 86_400_000;
    const midnight = Math.floor((Date.now() + 8 * 3_600_000) / day) * day - 8 * 3_600_000;
    const range = { from: new Date(midnight - day).toISOString(), to: new Date(midnight + 2 * day).toISOString() };
    const counted = await expectSameCounts(db, 'sqlite', { ...range, now: new Date().toISOString() });
    expect(counted.total.registered).toBe(2);
    expect(counted.total.accepted).toBe(1);
    expect(counted.per.get('site')?.get(siteIds.second)?.accepted).toBe(1);
  });
});
