import { describe, expect, it } from 'vitest';
import { local, nowIso } from '../../core/test/reportsDataset.ts';
import { twoSitesOfAGroup } from '../../core/test/syncDesk.ts';
import type { DrillFigure } from '../../domain/console/reportsSchemas.ts';
import { figuresOf } from '../../domain/reports/figures.ts';
import { rollUp } from '../../domain/reports/groupFigures.ts';
import type { ReportGroup } from '../../domain/reports/groups.ts';
import { figureCaseList, groupCaseDetail, groupRepeats, searchGroupCases } from '../console/cases/groupCases.ts';
import { groupAnalysis, siteComparison } from '../console/reports/groupReports.ts';
import { groupCounts, groupCube } from '../store/reportQueries.ts';
import { dialects, seededSitePerSuite } from './serverHarness.ts';

/**
 * The group's figures of a site are the figures its desk shows for the same cases: the desk's
 * hand-counted dataset (core/test/reportsDataset.ts) synced to a server, then counted there.
 */
const november = { from: local('2025-11-01', '00:00'), to: local('2025-12-01', '00:00') };
const october = { from: local('2025-10-01', '00:00'), to: local('2025-11-01', '00:00') };

describe.each(dialects)('the group figures of one site on %s', (dialect) => {
  const site = seededSitePerSuite(dialect);
  const { server } = site;

  it('equal what its desk reports for the same cases, in all and per group', async () => {
    const groups: ReportGroup[] = [
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
    ];
    for (const range of [november, october]) {
      const desk = await site.seeded.desk.call('reports.summary', { ...range, breakdowns: groups });
      const cube = await groupCube(server.store.db, { ...range, now: nowIso, siteIds: [site.siteId] }, groups);
      const rolled = rollUp(cube, groups);
      expect(figuresOf(rolled.total)).toEqual(desk.figures);
      // The database's own roll-up (GROUPING SETS on PostgreSQL) counts the same.
      const counted = await groupCounts(server.store.db, server.store.dialect, { ...range, now: nowIso, siteIds: [site.siteId] }, groups);
      expect(counted.total).toEqual(rolled.total);
      for (const g of groups) expect([...(counted.per.get(g) ?? [])].sort()).toEqual([...(rolled.per.get(g) ?? [])].sort());
      for (const g of groups) {
        const onDesk = Object.fromEntries(
          (desk.breakdowns?.[g] ?? []).filter((r) => r.figures.counts.registered > 0).map((r) => [r.key ?? 'none', r.figures]),
        );
        const onServer = Object.fromEntries([...(rolled.per.get(g) ?? [])].map(([k, c]) => [k ?? 'none', figuresOf(c)]));
        expect({ g, figures: onServer }).toEqual({ g, figures: onDesk });
      }
    }
    expect((await site.seeded.desk.call('reports.summary', november)).figures.counts.registered).toBe(5);
  });

  it('the group analysis of the month holds the desk analysis figures, the quiet site beside it', async () => {
    const period = { kind: 'month' as const, year: 2025, index: 11 };
    const desk = await site.seeded.desk.call('reports.analysis', { period });
    const ctx = { db: server.store.db, dialect: server.store.dialect, now: new Date(nowIso), utcOffsetMinutes: 480, groupName: '集团' };
    const group = await groupAnalysis(ctx, period);
    expect(group.current).toEqual(desk.current);
    expect(group.previous).toEqual(desk.previous);
    expect(group.lastYear).toEqual(desk.lastYear);
    expect(group.trend.rows.map((r) => [r.key, r.figures.counts.registered])).toEqual(
      desk.trend.rows.map((r) => [r.key, r.figures.counts.registered]),
    );
    expect(group.bySite.map((r) => [r.label, r.figures.counts.registered])).toEqual([
      ['一院', 5],
      ['二院', 0],
    ]);
    const bySite = await siteComparison(ctx, november);
    expect(bySite.rows[0]).toMatchObject({ name: '一院', registered: 5, repeatRate: desk.current.repeatRate, intakePer1000: null });
    await server.store.db.updateTable('sites').set({ volume_per_month: 2000 }).where('id', '=', site.siteId).execute();
    const per1000 = (await siteComparison(ctx, november)).rows[0]?.intakePer1000 ?? 0;
    // Five cases over about a month of 2,000 visits: about 2.5 per 1,000.
    expect(per1000).toBeCloseTo(2.5, 0);
  });

  it('lists the cases behind a figure, finds cases across sites and names repeat complainants, masked', async () => {
    const db = server.store.db;
    const numbers = async (figure: DrillFigure) =>
      (await figureCaseList(db, { ...november, now: nowIso, figure, limit: 50, offset: 0 })).items.map((c) => c.id).sort();
    const { c1, c2, c3, c4 } = site.seeded.ids;
    expect(await numbers('repeats')).toEqual([c4.id]);
    expect(await numbers('valid')).toEqual([c1.id]);
    expect(await numbers('declined')).toEqual([c3.id]);
    expect(await numbers('late.acknowledge')).toEqual([c2.id, c4.id].sort());
    const byChannel = await figureCaseList(db, {
      ...november,
      now: nowIso,
      figure: 'registered',
      dimension: 'channel',
      key: 'phone',
      limit: 1,
      offset: 0,
    });
    expect(byChannel.total).toBe(2);
    expect(byChannel.items).toHaveLength(1);

    const found = await searchGroupCases(db, dialect, { q: '13900001111', limit: 50 });
    expect(found.items.map((c) => c.id).sort()).toEqual([c1.id, c4.id].sort());
    expect(found.items[0]?.complainant).toEqual({ name: '张*', phone: '139****1111', masked: true, hidden: false });
    expect(found.items[0]?.siteName).toBe('一院');
    expect((await searchGroupCases(db, dialect, { q: '梯', limit: 50 })).total).toBe(6);
    // Fragments of digits: four or more by the digits' own index on PostgreSQL, fewer by the newest cases.
    const ids = async (q: string) => (await searchGroupCases(db, dialect, { q, limit: 50 })).items.map((c) => c.id);
    expect((await ids('0001111')).sort()).toEqual([c1.id, c4.id].sort());
    expect(await ids('111')).toEqual(expect.arrayContaining([c1.id, c4.id]));
    expect(await ids('000011112')).toEqual([]);
    expect(await ids(c2.number)).toEqual([c2.id]);

    const repeats = await groupRepeats(db, november, 1, 10);
    expect(repeats).toEqual([
      {
        complainant: { name: '张*', phone: '139****1111', masked: true, hidden: false },
        cases: 2,
        sites: [{ siteId: site.siteId, name: '一院', cases: 2 }],
        latestCaseId: c4.id,
        latestNumber: c4.number,
      },
    ]);
    // Across two sites or more: nobody in this group yet.
    expect(await groupRepeats(db, november, 2, 10)).toEqual([]);

    const masked = await groupCaseDetail(db, c1.id, false);
    expect(masked?.line.complainant.name).toBe('张*');
    expect(masked?.events.map((e) => e.type)).toEqual((await site.seeded.desk.call('cases.get', { id: c1.id })).events.map((e) => e.type));
    expect(JSON.stringify(masked?.events)).not.toContain('13900001111');
    const revealed = await groupCaseDetail(db, c1.id, true);
    expect(revealed?.line.complainant).toEqual({ name: '张三', phone: '13900001111', masked: false, hidden: false });
  });
});

describe('the group figures of two sites with a case transferred between them', () => {
  const group = twoSitesOfAGroup();

  it('count at each site what its desk counts: the intake where registered, the handling where held', async () => {
    const { a, b, siteIds } = group;
    const moved = await a.register('rec', { subject: '二院停车场收费争议' });
    await a.register('rec', { subject: '一院挂号排队过久' });
    await b.register('rec', { subject: '二院门诊排队过久' });
    await a.syncNow();
    await a.act('sup', moved.id, { type: 'transfer', toSiteId: siteIds.second, reason: '事发二院停车场' });
    await a.syncNow();
    await b.syncNow();
    await b.act('sup', moved.id, { type: 'accept', departmentId: b.outpatient.id });
    await b.syncNow();
    await a.syncNow();
    const day = 86_400_000;
    const range = { from: new Date(Date.now() - day).toISOString(), to: new Date(Date.now() + day).toISOString() };
    const groups: ReportGroup[] = ['channel', 'type'];
    const db = group.server.store.db;
    const bySite: Record<string, number> = {};
    for (const [desk, siteId] of [
      [a, Number(siteIds.first)],
      [b, Number(siteIds.second)],
    ] as const) {
      const onDesk = await desk.by('sup', 'reports.summary', { ...range, breakdowns: groups });
      const counted = await groupCounts(db, 'sqlite', { ...range, now: new Date().toISOString(), siteIds: [siteId] }, groups);
      expect(figuresOf(counted.total)).toEqual(onDesk.figures);
      bySite[siteId] = counted.total.registered;
      for (const g of groups) {
        const onServer = Object.fromEntries([...(counted.per.get(g) ?? [])].map(([k, c]) => [k ?? 'none', figuresOf(c)]));
        const desks = Object.fromEntries((onDesk.breakdowns?.[g] ?? []).map((r) => [r.key ?? 'none', r.figures]));
        expect({ g, figures: onServer }).toEqual({ g, figures: desks });
      }
    }
    // Registered at 一院 twice and at 二院 once; the group counts the moved case once.
    expect(bySite).toEqual({ [siteIds.first]: 2, [siteIds.second]: 1 });
    const all = await groupCounts(db, 'sqlite', { ...range, now: new Date().toISOString() }, ['site']);
    expect(all.total.registered).toBe(3);
    expect(all.total.accepted).toBe(1);
  });
});
