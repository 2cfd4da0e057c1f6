import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroupCategory, importGroupCalendar, setGroupPolicy } from '../../server/rules/groupRules.ts';
import { startTestServer, type TestServer } from '../../server/test/serverHarness.ts';
import { openSyncDesk, type SyncDesk } from './syncDesk.ts';

/**
 * What the group keeps the same everywhere, from the server to the desks of two sites: next
 * year's calendar imported once at the group moves the provisional deadlines of both; a category
 * of the group appears on both; a desk cannot change the group's records, and keeps its own beside them.
 */
const bj = (local: string) => new Date(`${local}+08:00`);
const endOf = (date: string) => bj(`${date}T23:59:59.999`).toISOString();
// Desks and server share one clock, late in December, so the cases reach past the calendar data.
const offset = bj('2026-12-28T10:00').getTime() - Date.now();
const now = () => new Date(Date.now() + offset);

const year2027 = JSON.stringify({
  holidays: { '2027-01-01': "New Year's Day,元旦,1", '2027-01-04': "New Year's Day,元旦,1" },
  workdays: { '2027-01-09': "New Year's Day,元旦,1" },
});

let server: TestServer;
let a: SyncDesk;
let b: SyncDesk;
const rules = () => ({ db: server.store.db, dialect: server.store.dialect, now });
const group = { user: null, source: 'test' };

beforeAll(async () => {
  server = await startTestServer({ now });
  await server.site('一院');
  await server.site('二院');
  a = await openSyncDesk({ now });
  b = await openSyncDesk({ now });
  await a.join(server.url, await server.code('一院'));
  await b.join(server.url, await server.code('二院'));
  await a.syncNow();
  await b.syncNow();
}, 120_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.close();
}, 60_000);

describe('the group’s rules on the desks of two sites', () => {
  it('a calendar imported at the group reaches both desks at their next sync and moves their provisional deadlines', async () => {
    const onA = await a.register('rec');
    const onB = await b.register('rec');
    for (const c of [onA, onB]) expect(c.deadlines).toMatchObject({ feedback: endOf('2027-01-04'), provisional: true });
    const imported = await importGroupCalendar(rules(), group, year2027);
    expect(imported).toEqual({ years: [{ year: 2027, holidays: 2, makeUpDays: 1, replaced: false }], sites: 2 });
    for (const [desk, c] of [
      [a, onA],
      [b, onB],
    ] as const) {
      await desk.syncNow();
      const shown = await desk.by('admin', 'cases.get', { id: c.id });
      // 12-29, 12-30, 12-31, then 01-05 and 01-06: the group's 01-01 and 01-04 are holidays.
      expect(shown.deadlines.feedback).toBe(endOf('2027-01-06'));
      expect(shown.deadlines.provisional).toBeUndefined();
      expect(shown.events.at(-1)).toMatchObject({ type: 'deadlinesRecomputed', payload: { reason: 'calendar' } });
      const calendar = await desk.by('admin', 'calendar.get', { year: 2027 });
      expect(calendar.years.find((y) => y.year === 2027)).toMatchObject({ source: 'imported', group: true });
      expect(calendar.holidays.map((d) => d.date)).toEqual(['2027-01-01', '2027-01-04']);
      expect(calendar.makeUpDays.map((d) => d.date)).toEqual(['2027-01-09']);
      // The desk's import of the group's year is refused at the file's field, in the reader's language.
      const refused = await desk.rawBy('admin', 'calendar.import', { content: year2027 }, 'en');
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { content: expect.stringContaining('2027') } } });
      expect(JSON.stringify(refused)).toContain("group's office");
    }
  });

  it('a category of the group appears on both desks, read-only, and a site keeps adding its own under it', async () => {
    const { id } = await createGroupCategory(rules(), group, { name: '医保政策' });
    for (const desk of [a, b]) {
      await desk.syncNow();
      const listed = (await desk.by('admin', 'categories.list', {})).items;
      expect(listed.find((c) => c.id === id)).toMatchObject({ name: '医保政策', parentId: null, group: true });
      expect(listed.filter((c) => c.id !== id).every((c) => !c.group)).toBe(true);
      for (const [method, input] of [
        ['categories.update', { id, name: '医保' }],
        ['categories.disable', { id }],
      ] as const) {
        const zh = await desk.rawBy('admin', method, input);
        expect(zh).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('集团') } });
        const en = await desk.rawBy('admin', method, input, 'en');
        expect(en).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('set by the group') } });
      }
      expect((await desk.by('admin', 'categories.list', {})).items.find((c) => c.id === id)).toMatchObject({ name: '医保政策' });
    }
    // A's own subcategory under the group's category stays A's (and its site's), editable.
    const own = await a.by('admin', 'categories.create', { name: '异地就医', parentId: id });
    await a.by('admin', 'categories.update', { id: own.id, name: '异地就医结算' });
    await a.syncNow();
    await b.syncNow();
    expect((await a.by('admin', 'categories.list', {})).items.find((c) => c.id === own.id)).toMatchObject({ group: false });
    expect((await b.by('admin', 'categories.list', {})).items.find((c) => c.id === own.id)).toBeUndefined();
  });

  it('a site’s seeded category of the group’s name is merged into the group’s, its cases following', async () => {
    const seeded = (await a.by('admin', 'categories.list', {})).items.find((c) => c.name === '服务态度' && c.parentId === null);
    expect(seeded?.group).toBe(false);
    const before = await a.register('rec', { categoryId: seeded?.id ?? '' });
    const { id } = await createGroupCategory(rules(), group, { name: '服务态度' });
    for (const desk of [a, b]) {
      await desk.syncNow();
      const same = (await desk.by('admin', 'categories.list', { includeDisabled: true })).items.filter((c) => c.name === '服务态度');
      expect(same).toEqual([expect.objectContaining({ id, group: true })]);
    }
    expect(await a.by('admin', 'cases.get', { id: before.id })).toMatchObject({ categoryId: id });
    expect(await a.by('admin', 'cases.verifyChain', {})).toMatchObject({ firstBroken: null });
  });

  it('a policy of the group for the hospital profile is read-only on the desks and survives a reset', async () => {
    const clock = (amount: number) => ({ unit: 'workingDays' as const, amount });
    await setGroupPolicy(rules(), group, {
      profile: 'hospital',
      type: 'complaint',
      severity: 'general',
      acknowledge: clock(1),
      feedback: clock(3),
      resolve: clock(10),
    });
    for (const desk of [a, b]) {
      await desk.syncNow();
      const row = (await desk.by('admin', 'policies.list', {})).items.find((p) => p.type === 'complaint' && p.severity === 'general');
      expect(row).toMatchObject({ group: true, policy: { feedback: { amount: 3 } } });
      const refused = await desk.rawBy('admin', 'policies.update', {
        type: 'complaint',
        severity: 'general',
        acknowledge: clock(1),
        feedback: clock(5),
        resolve: clock(15),
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
      await desk.by('admin', 'policies.update', {
        type: 'praise',
        severity: 'general',
        acknowledge: clock(2),
        feedback: clock(6),
        resolve: clock(20),
      });
      await desk.by('admin', 'policies.reset', {});
      const after = (await desk.by('admin', 'policies.list', {})).items;
      expect(after.find((p) => p.type === 'complaint' && p.severity === 'general')).toMatchObject({ group: true, custom: true });
      expect(after.find((p) => p.type === 'praise' && p.severity === 'general')).toMatchObject({ group: false, custom: false });
      // A new case takes the group's three working days.
      const c = await desk.register('rec');
      expect(c.deadlines.feedback).toBe(endOf('2026-12-31'));
    }
  });
});
