import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../domain/cases/hlc.ts';
import type { WireReference } from '../../domain/sync/referenceWire.ts';
import {
  clearGroupPolicy,
  createGroupCategory,
  importGroupCalendar,
  previewGroupCalendar,
  readGroupRules,
  renameGroupCategory,
  setGroupPolicy,
} from '../rules/groupRules.ts';
import { dialects, rowCount, serverPerSuite } from './serverHarness.ts';

const file = (holidays: string[], makeUpDays: string[] = []) => JSON.stringify({ holidays, makeUpDays });
const setting = (key: string, value: unknown, wallMs: number): WireReference => ({
  kind: 'setting',
  key,
  hlc: encodeHlc({ wallMs, counter: 0 }, 'desk-a'),
  row: JSON.stringify({ key, value: JSON.stringify(value), version: 1, updated_at: '2026-11-01T00:00:00.000Z' }),
});
const day = (date: string, wallMs: number, kind = 'holiday'): WireReference => ({
  kind: 'calendarDay',
  key: date,
  hlc: encodeHlc({ wallMs, counter: 0 }, 'desk-a'),
  row: JSON.stringify({ date, kind, name: null }),
});
const clock = (amount: number) => ({ unit: 'workingDays' as const, amount });

describe.each(dialects)('the group’s rules in every site’s stream on %s', (dialect) => {
  const s = serverPerSuite(dialect, ['甲院', '乙物业']);
  const rules = () => ({ db: s.store.db, dialect: s.store.dialect, now: () => new Date() });
  const admin = { user: { id: 'g-admin', username: 'zhang', displayName: '张', role: 'group_admin' as const }, source: 'test' };
  const groupRecords = async (desk: Awaited<ReturnType<typeof s.desk>>) => {
    const all = [];
    let after = 0;
    for (;;) {
      const page = await desk.client.pullReferences(desk.identity, after);
      all.push(...page.records);
      after = page.cursor;
      if (!page.more) break;
    }
    const newest = new Map(all.map((r) => [`${r.kind}|${r.key}`, r]));
    return [...newest.values()];
  };

  it('writes an imported year into every site, replaces it whole on a second import, and audits before and after', async () => {
    const a = await s.desk('甲院');
    // The site held a desk's 2027 day the group does not list: it goes.
    expect(await a.client.pushReferences(a.identity, [day('2027-03-08', 1000)])).toEqual({ accepted: 1, stale: 0 });
    const preview = await previewGroupCalendar(s.store.db, file(['2027-01-01', '2027-02-10'], ['2027-02-07']));
    expect(preview).toEqual({
      years: [
        {
          year: 2027,
          holidays: 2,
          makeUpDays: 1,
          replaced: false,
          added: ['2027-01-01:holiday', '2027-02-07:makeUpDay', '2027-02-10:holiday'],
          removed: [],
        },
      ],
      sites: 2,
    });
    await importGroupCalendar(rules(), admin, file(['2027-01-01', '2027-02-10'], ['2027-02-07']));
    let held = await groupRecords(a);
    const calendar = (records: typeof held) =>
      records
        .filter((r) => r.kind === 'calendarDay' && r.key.startsWith('2027'))
        .map((r) => `${r.key}:${r.row ? JSON.parse(r.row).kind : 'gone'}:${r.group ? 'group' : 'site'}`)
        .sort();
    expect(calendar(held)).toEqual([
      '2027-01-01:holiday:group',
      '2027-02-07:makeUpDay:group',
      '2027-02-10:holiday:group',
      '2027-03-08:gone:group',
    ]);
    expect(held.find((r) => r.kind === 'calendarYear' && r.key === '2027')).toMatchObject({ group: true });
    // The second notice moves a holiday: the old day goes from every site.
    const second = await previewGroupCalendar(s.store.db, file(['2027-01-01', '2027-02-11'], ['2027-02-07']));
    expect(second.years[0]).toMatchObject({ replaced: true, added: ['2027-02-11:holiday'], removed: ['2027-02-10:holiday'] });
    await importGroupCalendar(rules(), admin, file(['2027-01-01', '2027-02-11'], ['2027-02-07']));
    held = await groupRecords(a);
    expect(calendar(held)).toEqual([
      '2027-01-01:holiday:group',
      '2027-02-07:makeUpDay:group',
      '2027-02-10:gone:group',
      '2027-02-11:holiday:group',
      '2027-03-08:gone:group',
    ]);
    const audit = await s.store.db
      .selectFrom('group_audit')
      .selectAll()
      .where('action', '=', 'rules.calendar.import')
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actor_id: 'g-admin', actor_name: 'zhang', target: '2027', before: '[]' });
    expect(JSON.parse(audit[1]?.before ?? 'null')[0].days).toContain('2027-02-10:holiday');
    expect(JSON.parse(audit[1]?.after ?? 'null')[0].days).toContain('2027-02-11:holiday');
    expect((await readGroupRules(s.store.db)).calendar.map((y) => y.holidays.map((d) => d.date))).toEqual([['2027-01-01', '2027-02-11']]);
  });

  it('refuses a bad file at its field, writing nothing', async () => {
    const before = await rowCount(s.store, 'reference_records');
    const audits = await rowCount(s.store, 'group_audit');
    for (const content of ['not a calendar', file(['2027-02-30']), file(['2027-01-01'], ['2027-01-05'])]) {
      const refused = await importGroupCalendar(rules(), admin, content).catch((e: unknown) => e);
      expect(refused).toMatchObject({
        code: 'invalid_input',
        fieldRefs: { content: { key: expect.stringMatching(/^deadlines:import\./) } },
      });
    }
    expect(await rowCount(s.store, 'reference_records')).toBe(before);
    expect(await rowCount(s.store, 'group_audit')).toBe(audits);
  });

  it('refuses a desk’s push of a group record, and gives the group’s version back with a newer clock', async () => {
    const a = await s.desk('甲院');
    const { id } = await createGroupCategory(rules(), admin, { name: '医保政策' });
    const mine = await groupRecords(a);
    const theirs = mine.find((r) => r.kind === 'category' && r.key === id);
    expect(theirs).toMatchObject({ group: true });
    const edited = JSON.stringify({ ...JSON.parse(theirs?.row ?? '{}'), name: '改了' });
    const future = Date.now() + 60_000;
    const pushed = { kind: 'category' as const, key: id, hlc: encodeHlc({ wallMs: future, counter: 0 }, 'desk-a'), row: edited };
    expect(await a.client.pushReferences(a.identity, [pushed, day('2027-05-05', future)])).toEqual({ accepted: 0, stale: 2 });
    const back = await groupRecords(a);
    const category = back.find((r) => r.kind === 'category' && r.key === id);
    expect(JSON.parse(category?.row ?? '{}').name).toBe('医保政策');
    expect((category?.hlc ?? '') > pushed.hlc).toBe(true);
    expect(back.find((r) => r.key === '2027-05-05')).toMatchObject({ row: null, group: true });
    // The same batch again changes nothing.
    const count = await rowCount(s.store, 'reference_records');
    expect(await a.client.pushReferences(a.identity, [pushed])).toEqual({ accepted: 0, stale: 1 });
    expect(await rowCount(s.store, 'reference_records')).toBe(count);
    await renameGroupCategory(rules(), admin, { id, name: '医疗保障' });
    expect(JSON.parse((await groupRecords(a)).find((r) => r.key === id)?.row ?? '{}').name).toBe('医疗保障');
    const refused = await createGroupCategory(rules(), admin, { name: ' 医疗保障 ' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ fieldRefs: { name: { key: 'consoleRules:errors.nameTaken' } } });
  });

  it('merges a site’s category of the same name into the group’s, once', async () => {
    const a = await s.desk('甲院');
    const seeded = (id: string, name: string): WireReference => ({
      kind: 'category',
      key: id,
      hlc: encodeHlc({ wallMs: 1000, counter: 0 }, 'desk-a'),
      row: JSON.stringify({ id, name, parent_id: null, disabled: 0, created_at: '2026-11-01T00:00:00.000Z', version: 1 }),
    });
    await a.client.pushReferences(a.identity, [seeded('site-attitude', '服务态度'), seeded('site-other', '其他')]);
    const { id } = await createGroupCategory(rules(), admin, { name: '服务态度' });
    const held = await groupRecords(a);
    expect(held.find((r) => r.kind === 'alias' && r.key === 'category:site-attitude')).toMatchObject({ group: true });
    expect(JSON.parse(held.find((r) => r.key === 'category:site-attitude')?.row ?? '{}')).toMatchObject({ canonical_id: id });
    expect(held.find((r) => r.kind === 'category' && r.key === 'site-attitude')).toMatchObject({ row: null, group: true });
    expect(held.find((r) => r.kind === 'category' && r.key === 'site-other')?.row).not.toBeNull();
    // Applying again changes nothing.
    const count = await rowCount(s.store, 'reference_records');
    const seq = (await groupRecords(a)).length;
    await renameGroupCategory(rules(), admin, { id, name: '服务态度' });
    expect((await groupRecords(a)).length).toBe(seq);
    expect(await rowCount(s.store, 'reference_records')).toBe(count);
  });

  it('gives a profile’s policies to the sites of that profile only, a site that joins later included, and hands them back when cleared', async () => {
    const hospital = await s.desk('甲院');
    const property = await s.desk('乙物业');
    await hospital.client.pushReferences(hospital.identity, [setting('org.profile', 'hospital', 1000)]);
    await property.client.pushReferences(property.identity, [setting('org.profile', 'property', 1000)]);
    await setGroupPolicy(rules(), admin, {
      profile: 'hospital',
      type: 'complaint',
      severity: 'major',
      acknowledge: clock(1),
      feedback: clock(3),
      resolve: clock(10),
    });
    const policies = async (desk: typeof hospital) => (await groupRecords(desk)).filter((r) => r.kind === 'policy' && r.row !== null);
    expect((await policies(hospital)).map((r) => [r.key, r.group])).toEqual([['complaint|major', true]]);
    expect(await policies(property)).toEqual([]);
    // Both sites take the group's calendar and categories; a site added now takes them at its first pull.
    await s.site('丙院');
    const late = await s.desk('丙院');
    const lateHeld = await groupRecords(late);
    expect(lateHeld.filter((r) => r.kind === 'calendarYear').map((r) => r.key)).toEqual(['2027']);
    expect(lateHeld.some((r) => r.kind === 'category' && r.group)).toBe(true);
    expect(lateHeld.filter((r) => r.kind === 'policy')).toEqual([]);
    // Its profile arrives with its first desk's settings: the hospital policies follow.
    await late.client.pushReferences(late.identity, [setting('org.profile', 'hospital', 2000)]);
    expect((await policies(late)).map((r) => r.key)).toEqual(['complaint|major']);
    const invalid = await setGroupPolicy(rules(), admin, {
      profile: 'hospital',
      type: 'complaint',
      severity: 'major',
      acknowledge: clock(1),
      feedback: { ...clock(5), severalDepartments: 2 },
      resolve: clock(10),
    }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ fieldRefs: { 'feedback.severalDepartments': expect.anything() } });
    await clearGroupPolicy(rules(), admin, { profile: 'hospital', type: 'complaint', severity: 'major' });
    const cleared = (await groupRecords(hospital)).find((r) => r.kind === 'policy' && r.key === 'complaint|major');
    expect(cleared).toMatchObject({ row: null });
    expect(cleared?.group).toBeUndefined();
    const audit = await s.store.db
      .selectFrom('group_audit')
      .select(['action', 'before', 'after'])
      .where('action', 'like', 'rules.policies.%')
      .execute();
    expect(audit.map((e) => [e.action, e.before === null, e.after === null])).toEqual([
      ['rules.policies.set', true, false],
      ['rules.policies.clear', false, true],
    ]);
  });
});
