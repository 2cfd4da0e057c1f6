import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../domain/cases/hlc.ts';
import type { CaseState } from '../../domain/cases/projection.ts';
import { planSearch, toBigramDocument, toTrigramDocument } from '../../domain/text/searchTerms.ts';
import type { Store } from '../connection.ts';
import { newDagEvent } from '../eventCodec.ts';
import { boardCards } from '../queries/caseBoard.ts';
import { insertCaseEvent, latestClock, listCaseLog, listEventsOfCases } from '../queries/caseEvents.ts';
import { insertCase, type ListFilter, listCases } from '../queries/cases.ts';
import { indexCase } from '../queries/search.ts';
import type { Database } from '../schema.ts';
import { openPlanStore, type PlanStore, registeredState } from './planStore.ts';

/**
 * The plans the benchmark depends on: answers unchanged, no scan or sort of every row
 * (bench/results has the before/after figures). cases_status_seqno comes with migration 5;
 * the log's key serves a case's read path since migration 10.
 */
const statuses = ['registered', 'accepted', 'declined'] as const;
const severities = ['general', 'major', 'urgent'] as const;
const texts3 = ['门诊电梯坏了', '护士态度很差', '电梯里态度差'];

function state(i: number): CaseState {
  const registered = registeredState({
    number: `2611-${String(i).padStart(4, '0')}`,
    severity: severities[Math.floor(i / 3) % 3] ?? 'general',
  });
  return { ...registered, status: statuses[i % 3] ?? 'registered', handlerId: i % 2 === 0 ? 'u' : null };
}

describe('query plans at scale', () => {
  let planStore: PlanStore;
  let store: Store;
  let statements: string[];
  let logged: Kysely<Database>;

  beforeAll(async () => {
    planStore = openPlanStore();
    ({ store, statements, logged } = planStore);
    for (let i = 1; i <= 60; i++) {
      const seqno = await insertCase(
        store.db,
        { id: `case-${i}`, registeredBy: 'u', at: '2026-11-01T01:00:00.000Z', lastSeq: 1, heads: [] },
        state(i),
      );
      const texts = [`2611-${i}`, texts3[i % 3]];
      await indexCase(store.db, seqno, { trigram: toTrigramDocument(texts), bigram: toBigramDocument(texts) });
      for (let seq = 1; seq <= 3; seq++) {
        const at = `2026-11-0${seq}T01:00:00.000Z`;
        const hlc = encodeHlc({ wallMs: Date.parse(at), counter: 0 }, 'd');
        const fields = { id: `event-${i}-${seq}`, caseId: `case-${i}`, seq, parents: [], actorId: 'u', device: 'd', at, hlc };
        await insertCaseEvent(store.db, seqno, newDagEvent(fields, { type: 'noted', payload: { text: `${i}` } }), `{"text":"${i}"}`);
      }
    }
  });

  afterAll(() => planStore.close());

  const plan = (sql: string, params: unknown[]) => planStore.plan(sql, params);

  it('lists a status newest first from an index in rowid order, without sorting, with the same answer as before', async () => {
    for (const filter of [{ status: 'accepted' }, { status: 'accepted', severity: 'urgent' }, { status: 'registered' }] as const) {
      statements.length = 0;
      const rows = await listCases(logged, {
        statuses: [filter.status],
        ...('severity' in filter ? { severity: filter.severity } : {}),
        limit: 5,
      } satisfies ListFilter);
      const all = Array.from({ length: 60 }, (_, k) => ({ i: k + 1, s: state(k + 1) }));
      const expected = all
        .filter(({ s }) => s.status === filter.status && (!('severity' in filter) || s.severity === filter.severity))
        .map(({ i }) => `case-${i}`)
        .reverse()
        .slice(0, 5);
      expect(rows.map((r) => r.id)).toEqual(expected);
      const params = 'severity' in filter ? [filter.status, filter.severity, 5] : [filter.status, 5];
      const detail = plan(statements[0] ?? '', params);
      expect(detail).toMatch(/USING (COVERING )?INDEX cases_status/);
      expect(detail).not.toContain('TEMP B-TREE');
    }
  });

  it("reads one case's log as one range of the table's key, with no index", async () => {
    statements.length = 0;
    const log = await listCaseLog(logged, 'case-7');
    expect(log.map((e) => [e.id, e.seq, e.caseId])).toEqual([1, 2, 3].map((seq) => [`event-7-${seq}`, seq, 'case-7']));
    const detail = plan(statements[0] ?? '', [2 ** 20, 2 ** 20, 'case-7']);
    expect(detail).toMatch(/SEARCH e USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    expect(detail).not.toContain('SCAN');
    expect(await latestClock(logged)).toBe(Date.parse('2026-11-03T01:00:00.000Z'));
  });

  it('reads the logs of cases far apart as one range of the key per case, never the span between them', async () => {
    const seqnos = [3, 41, 58];
    const cases = seqnos.map((seqno) => ({ id: `case-${seqno}`, seqno }));
    statements.length = 0;
    const events = await listEventsOfCases(logged, cases);
    expect(events.map((e) => [e.caseId, e.seq])).toEqual(seqnos.flatMap((n) => [1, 2, 3].map((seq) => [`case-${n}`, seq])));
    const detail = plan(statements[0] ?? '', [JSON.stringify(seqnos), 2 ** 20, 2 ** 20]);
    expect(detail).toMatch(/SEARCH e USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    expect(detail).not.toMatch(/SCAN e\b/);
  });

  it('searches newest first through a join on the index, with the answers of the IN (subquery) form', async () => {
    const reference = store.sqlite.prepare(
      `SELECT id FROM cases WHERE seqno IN (SELECT rowid FROM case_search_bigram WHERE case_search_bigram MATCH @bigram)
         AND (@status IS NULL OR status = @status) AND (@before IS NULL OR seqno < @before) ORDER BY seqno DESC LIMIT @limit`,
    );
    const referenceTrigram = store.sqlite.prepare(
      `SELECT id FROM cases WHERE seqno IN (SELECT rowid FROM case_search_trigram WHERE case_search_trigram MATCH @trigram)
         AND (@status IS NULL OR status = @status) AND (@before IS NULL OR seqno < @before) ORDER BY seqno DESC LIMIT @limit`,
    );
    for (const q of ['电梯', '态度', '态度很差', '2611-1', '门', '无此词']) {
      for (const status of [undefined, 'accepted'] as const) {
        for (const before of [undefined, 40]) {
          const search = planSearch(q);
          statements.length = 0;
          const rows = await listCases(logged, { search, statuses: status ? [status] : undefined, beforeSeqno: before, limit: 7 });
          const params = { status: status ?? null, before: before ?? null, limit: 7, bigram: '', trigram: '' };
          const expected =
            search.index === 'trigram'
              ? referenceTrigram.pluck().all({ ...params, trigram: search.match })
              : search.index === 'bigram'
                ? reference.pluck().all({ ...params, bigram: search.match })
                : [];
          expect(rows.map((r) => r.id)).toEqual(expected);
          if (q !== '无此词' && !status) expect(rows.length).toBeGreaterThan(0);
          if (search.index !== 'none' && !status && !before) {
            const detail = plan(statements[0] ?? '', [search.match, 7]);
            // The index is the outer loop, read newest first; no sort, no list of every match.
            expect(detail).toMatch(/^SCAN s VIRTUAL TABLE/);
            expect(detail).not.toContain('TEMP B-TREE');
          }
        }
      }
    }
  });

  it("serves a board column and a handler's cases from an index in order, with the same answers", async () => {
    for (const status of ['registered', 'accepted']) {
      statements.length = 0;
      const cards = await boardCards(logged, status, {}, 4);
      const expected = store.sqlite
        .prepare('SELECT id FROM cases WHERE status = ? ORDER BY due_at IS NULL, due_at, seqno LIMIT 4')
        .pluck()
        .all(status);
      expect(cards.map((c) => c.id)).toEqual(expected);
      const detail = plan(statements[0] ?? '', [status, 4]);
      expect(detail).toContain('cases_status_due');
      expect(detail).not.toContain('TEMP B-TREE');
    }
    statements.length = 0;
    const mine = await listCases(logged, { handlerId: 'u', limit: 5 });
    expect(mine.map((c) => c.id)).toEqual(['case-60', 'case-58', 'case-56', 'case-54', 'case-52']);
    const detail = plan(statements[0] ?? '', ['u', 5]);
    expect(detail).toContain('cases_handler_seqno');
    expect(detail).not.toContain('TEMP B-TREE');
  });
});
