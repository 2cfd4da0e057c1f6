import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { CaseEventData } from '../../domain/cases/events.ts';
import { siteCaseOf } from '../../domain/reports/siteCase.ts';
import type { WireEvent } from '../../domain/sync/protocol.ts';
import { termQuery, toTermSet, toTrigramDocument } from '../../domain/text/searchTerms.ts';
import { heldEventOf, projectionRow, rebuildCaseProjection, siteAliasesOf, siteTimeOf } from '../store/caseProjection.ts';
import { searchCases } from '../store/searchQueries.ts';
import { dialects, registeredData, serverPerSuite, wireEvent } from './serverHarness.ts';

const registered = (over: Record<string, unknown>): CaseEventData =>
  ({ type: 'registered', payload: { ...registeredData.payload, ...over } }) as CaseEventData;

const deadlines = { acknowledge: '2026-11-02T09:00:00.000Z', feedback: '2026-11-06T09:00:00.000Z', resolve: '2026-11-20T09:00:00.000Z' };

/** A case's events as one desk records them, one after another. */
function chain(caseId: string, data: CaseEventData[], device = 'dev'): WireEvent[] {
  const out: WireEvent[] = [];
  for (const d of data) out.push(wireEvent(caseId, out.length ? [out.at(-1)?.hash ?? ''] : [], d, device));
  return out;
}

describe.each(dialects)('the group case projection on %s', (dialect) => {
  const s = serverPerSuite(dialect, ['一院', '二院']);

  const rows = async () =>
    (await s.store.db.selectFrom('case_projection').selectAll().orderBy('case_id').execute()).map(({ row_no: _, ...r }) => r);

  it('equals a fold of the held events, is kept with each push and rebuilt the same from the events', async () => {
    const a = await s.desk('一院');
    const b = await s.desk('一院');
    const other = await s.desk('二院');
    const first = uuidv7();
    const firstEvents = chain(first, [
      registered({
        number: 'A2611-0001',
        subject: '挂号窗口排队过久',
        content: '电梯坏了没人管',
        complainant: { name: '张三', phone: '13800138000' },
        categoryId: 'cat-1',
        receivedAt: '2026-11-01T01:00:00.000Z',
        deadlines,
      }),
      { type: 'accepted', payload: { departmentId: 'dep-1', coDepartmentIds: [] } },
      { type: 'proposed', payload: { text: '致歉', finding: 'valid' } },
      { type: 'approved', payload: {} },
      { type: 'responded', payload: { channel: 'phone', content: '已处理' } },
      { type: 'followedUp', payload: { method: 'phone', satisfaction: 5, explanationAccepted: false } },
      { type: 'closed', payload: { override: false } },
    ]);
    // A second complaint of the same phone and category ten days later: a repeat, pushed first.
    const second = uuidv7();
    const secondEvents = chain(
      second,
      [
        registered({
          number: 'B2611-0001',
          subject: '收费',
          content: '多收费用',
          complainant: { name: '张三', phone: '13800138000' },
          categoryId: 'cat-1',
          receivedAt: '2026-11-11T01:00:00.000Z',
          deadlines,
        }),
        { type: 'deadlineBreached', payload: { clock: 'acknowledge', due: deadlines.acknowledge } },
      ],
      'dev-b',
    );
    await b.client.push(b.identity, secondEvents);
    expect((await rows()).find((r) => r.case_id === second)).toMatchObject({ is_repeat: 0, ack_breached_at: secondEvents[1]?.at });
    await a.client.push(a.identity, firstEvents.slice(0, 3));
    await a.client.push(a.identity, firstEvents.slice(3));
    // Two desks act on one case without seeing each other: both branches fold, in causal order.
    const third = uuidv7();
    const [reg] = chain(third, [
      registered({ number: 'C2611-0001', type: 'suggestion', receivedAt: '2026-11-12T01:00:00.000Z', deadlines }),
    ]);
    if (!reg) throw new Error('registered');
    const onA = wireEvent(third, [reg.hash], { type: 'accepted', payload: { departmentId: 'dep-2', coDepartmentIds: [] } }, 'dev');
    const onB = wireEvent(third, [reg.hash], { type: 'noted', payload: { text: '来电补充' } }, 'dev-b');
    await a.client.push(a.identity, [reg, onA]);
    await b.client.push(b.identity, [onB]);
    const elsewhere = uuidv7();
    await other.client.push(
      other.identity,
      chain(elsewhere, [registered({ number: 'A2611-0001', complainant: { name: '王五', phone: '13800138000' } })]),
    );

    const held = await rows();
    expect(held).toHaveLength(4);
    // The yardstick: each case folded from all its events by the desk's own rules.
    for (const row of held) {
      const events = await s.store.db.selectFrom('events').select('body').where('case_id', '=', row.case_id).execute();
      const time = await siteTimeOf(s.store.db, row.site_id);
      const folded = siteCaseOf(
        row.case_id,
        events.map((e) => heldEventOf(e.body)).reverse(),
        time,
        await siteAliasesOf(s.store.db, row.site_id),
      );
      const { case_id, ...expected } = projectionRow(row.site_id, folded, events.length);
      const { is_repeat, ...kept } = row;
      expect(kept).toEqual({ case_id, ...expected });
    }
    const byId = new Map(held.map((r) => [r.case_id, r]));
    expect(byId.get(first)).toMatchObject({ status: 'closed', finding: 'valid', last_satisfaction: 5, handling_days: 0, is_repeat: 0 });
    // The earlier case arrived after the later one: the later one became a repeat then.
    expect(byId.get(second)?.is_repeat).toBe(1);
    expect(byId.get(third)).toMatchObject({ status: 'accepted', department_id: 'dep-2', event_count: 3 });
    // Same phone at another site: not a repeat of this site's complaints (the desk counts its site's).
    expect(byId.get(elsewhere)?.is_repeat).toBe(0);

    await rebuildCaseProjection(s.store.db);
    expect(await rows()).toEqual(held);
  });

  it('finds cases of every site by number, phone, name or text of 1, 2 and 3+ Chinese characters', async () => {
    const find = async (q: string, siteId?: number) => {
      const query = termQuery(q);
      if (!query) return [];
      return (await searchCases(s.store.db, s.store.dialect, query, { siteId, limit: 50 })).map((r) => r.number).sort();
    };
    expect(await find('B2611-0001')).toEqual(['B2611-0001']);
    expect(await find('138 0013 8000')).toEqual(['A2611-0001', 'A2611-0001', 'B2611-0001']);
    expect(await find('王五')).toEqual(['A2611-0001']);
    expect(await find('电梯')).toEqual(['A2611-0001']);
    expect(await find('梯')).toEqual(['A2611-0001']);
    expect(await find('收')).toEqual(['B2611-0001']);
    expect(await find('挂号窗口')).toEqual(['A2611-0001']);
    // Every pair present, not in that order: no match.
    expect(await find('口窗号挂')).toEqual([]);
    expect(await find('多收费用')).toEqual(['B2611-0001']);
    expect(await find('%')).toEqual([]);
    const one = (await s.store.db.selectFrom('sites').select('id').where('name', '=', '二院').executeTakeFirstOrThrow()).id;
    expect(await find('13800138000', one)).toEqual(['A2611-0001']);
  });

  it('finds the same cases in the same order whether the newest window fills the page or not', async () => {
    // 240 more cases, three to an instant (ties at the window's edge): a common term in three of
    // four, a rare one in a few of the oldest, at both sites.
    const template = await s.store.db
      .selectFrom('case_projection')
      .selectAll()
      .where('number', '=', 'B2611-0001')
      .executeTakeFirstOrThrow();
    const { row_no: _, ...base } = template;
    const sites = (await s.store.db.selectFrom('sites').select('id').orderBy('id').execute()).map((r) => r.id);
    const copies = Array.from({ length: 240 }, (_, i) => {
      const number = `W${String(i).padStart(4, '0')}`;
      const subject = [i % 4 ? '电梯坏了' : '收费', i % 37 === 5 ? '锅炉' : ''].join('');
      return {
        ...base,
        case_id: `w-${String(i).padStart(4, '0')}`,
        site_id: sites[Math.floor(i / 5) % sites.length] ?? base.site_id,
        number,
        subject,
        received_at: new Date(Date.parse('2026-10-01T00:00:00.000Z') + Math.floor(i / 3) * 60_000).toISOString(),
        search_text: toTrigramDocument([number, subject]),
        search_terms: toTermSet([number, subject]),
      };
    });
    await s.store.db.insertInto('case_projection').values(copies).execute();
    const search = async (q: string, windowRows: number, siteId?: number) => {
      const query = termQuery(q);
      if (!query) throw new Error(q);
      return (await searchCases(s.store.db, s.store.dialect, query, { siteId, limit: 20, windowRows })).map(
        (r) => `${r.received_at} ${r.case_id}`,
      );
    };
    for (const q of ['电梯', '梯', '收费', '锅炉', '锅', '电梯坏了', 'W00', '13800138000'])
      for (const siteId of [undefined, sites[1]]) {
        // More rows than the table: one query, the yardstick.
        const whole = await search(q, 1_000_000, siteId);
        expect(whole.length, q).toBeGreaterThan(0);
        expect(
          [...whole].sort((a, b) => (a.slice(0, 24) === b.slice(0, 24) ? 0 : a < b ? 1 : -1)),
          q,
        ).toEqual(whole);
        // A window of 4 (ties at its edge), 40 (the common terms fill the page from it) and 200.
        for (const windowRows of [4, 40, 200]) expect(await search(q, windowRows, siteId), `${q} ${windowRows}`).toEqual(whole);
      }
    expect((await search('电梯', 1_000_000)).length).toBe(20);
  });
});
