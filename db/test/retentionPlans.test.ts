import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../domain/cases/projection.ts';
import { recordTypes } from '../../domain/cases/vocabulary.ts';
import { dueBounds, dueRemovals, type RemovalKind, type RetentionPeriods } from '../../domain/retention/retentionRules.ts';
import { finishedStatuses } from '../../domain/seals/yearManifest.ts';
import { insertCase } from '../queries/cases.ts';
import { countDueCases, dueCasesPage, fileUsedElsewhere, insertRemoval, retentionCandidatesBetween } from '../queries/retention.ts';
import { openPlanStore, type PlanStore, registeredState } from './planStore.ts';

/**
 * The reads of retention's dry run and removal (migration 21): the due cases counted and listed
 * from a range of `cases_retention`, a file's other users from `evidence_refs`, never a read of
 * every case or every event; the same answers as deciding each case with `dueRemovals`.
 */
const statuses = ['registered', 'closed', 'declined', 'archived', 'investigating'] as const;
const now = '2026-12-03T00:00:00.000Z';
const periods: RetentionPeriods = {
  personalData: { ...(Object.fromEntries(recordTypes.map((t) => [t, 24])) as RetentionPeriods['personalData']), praise: 6 },
  evidence: 12,
};
const kindsOf = (bits: number) => (['evidence', 'personalData'] as const).filter((k) => (bits & (k === 'evidence' ? 1 : 2)) !== 0);

describe('query plans of retention', () => {
  let planStore: PlanStore;
  const count = 300;
  /** Each case's type, finishing day and removed kinds, as the store has them. */
  const cases: { seqno: number; id: string; type: string; status: string; finishedAt: string; removed: RemovalKind[] }[] = [];

  beforeAll(async () => {
    planStore = openPlanStore();
    const { store } = planStore;
    for (let i = 1; i <= count; i++) {
      const type = i % 5 === 0 ? 'praise' : 'complaint';
      // Finished across three years, some on a month's last days where the calendar decides.
      const finishedAt = new Date(Date.parse('2023-11-01T00:00:00.000Z') + ((i * 7_919) % 1_100) * 86_400_000 + i * 60_000).toISOString();
      const status = statuses[i % statuses.length] as string;
      const state: CaseState = { ...registeredState({ number: `R-${i}`, type }), status: status as CaseState['status'] };
      await insertCase(store.db, { id: `case-${i}`, registeredBy: 'u', at: finishedAt, lastSeq: 1, heads: [] }, state);
      const seqno = store.sqlite.prepare('SELECT seqno FROM cases WHERE id = ?').pluck().get(`case-${i}`) as number;
      const removed: RemovalKind[] = i % 7 === 0 ? ['evidence'] : i % 11 === 0 ? ['evidence', 'personalData'] : [];
      for (const kind of removed)
        await insertRemoval(store.db, { case_id: `case-${i}`, kind, removed_at: now, removed_by: 'u', reason: 'retention', files: 0 });
      cases.push({ seqno, id: `case-${i}`, type, status, finishedAt, removed });
    }
    // Two cases name the same file, a third its own.
    const event = store.sqlite.prepare(
      "INSERT INTO case_events (pos, id, dag, parents, type, actor, device, at, lead, tick, payload) VALUES (?, randomblob(16), 1, x'', 'attachmentsAdded', 1, 1, 0, 0, 0, ?)",
    );
    store.sqlite.prepare("INSERT OR IGNORE INTO event_parties (n, name) VALUES (1, 'u')").run();
    for (const [seqno, sha] of [
      [1, 'a'.repeat(64)],
      [2, 'a'.repeat(64)],
      [3, 'b'.repeat(64)],
    ] as const)
      event.run(seqno * 2 ** 20 + 9, JSON.stringify({ attachments: [{ sha256: sha, name: 'x.jpg', mime: 'image/jpeg', size: 1 }] }));
  });

  afterAll(() => planStore.close());

  const expected = () =>
    cases
      .filter((c) => (finishedStatuses as readonly string[]).includes(c.status))
      .filter((c) => dueRemovals({ type: c.type as 'complaint', finishedAt: c.finishedAt, removed: c.removed }, periods, now).length > 0);

  it('keeps removed_kinds from the tombstones, by a trigger', () => {
    const rows = planStore.store.sqlite.prepare('SELECT id, removed_kinds FROM cases').all() as { id: string; removed_kinds: number }[];
    const byId = new Map(rows.map((r) => [r.id, kindsOf(r.removed_kinds)]));
    for (const c of cases) expect(byId.get(c.id)).toEqual(c.removed);
  });

  it('counts and lists the due cases from a range of cases_retention, as dueRemovals decides them', async () => {
    const { logged, statements } = planStore;
    const bounds = dueBounds(periods, now);
    const surely = bounds.map((b) => ({ type: b.type, personalData: b.personalData.surely, evidence: b.evidence.surely }));
    const maybe = bounds.map((b) => ({ type: b.type, personalData: b.personalData.maybe, evidence: b.evidence.maybe }));
    const due = expected();
    expect(due.length).toBeGreaterThan(20);
    expect(due.length).toBeLessThan(cases.length / 2);

    statements.length = 0;
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    const surelyCount = await countDueCases(logged, finishedStatuses, surely, pause);
    const maybeCount = await countDueCases(logged, finishedStatuses, maybe, pause);
    // Counted a month at a time, the desk answering in between.
    expect(pauses).toBeGreaterThan(2);
    expect(surelyCount).toBeLessThanOrEqual(due.length);
    expect(maybeCount).toBeGreaterThanOrEqual(due.length);
    const between = await retentionCandidatesBetween(
      logged,
      finishedStatuses,
      'complaint',
      2,
      bounds[0]?.personalData.surely ?? '',
      bounds[0]?.personalData.maybe ?? '',
    );
    expect(between.every((c) => c.type === 'complaint')).toBe(true);

    const listed: number[] = [];
    let after: { updatedAt: string; seqno: number } | null = null;
    for (;;) {
      const page = await dueCasesPage(logged, finishedStatuses, maybe, after, 7);
      listed.push(...page.map((c) => c.seqno));
      const last = page.at(-1);
      if (!last) break;
      after = { updatedAt: last.updated_at, seqno: last.seqno };
    }
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.length).toBe(maybeCount);
    for (const c of due) expect(listed).toContain(c.seqno);

    expect(statements.length).toBeGreaterThan(3);
    for (const statement of statements) {
      const detail = planStore.plan(
        statement,
        Array.from(statement.matchAll(/\?/g), () => 'x'),
      );
      expect(detail).toMatch(/USING (COVERING )?INDEX cases_retention/);
      expect(detail).not.toMatch(/SCAN cases\b/);
      expect(detail).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    }
  });

  it("finds a file's other users in evidence_refs, filled by a trigger, without reading the events", async () => {
    const { logged, statements } = planStore;
    statements.length = 0;
    expect(await fileUsedElsewhere(logged, 'a'.repeat(64), 1)).toBe(true);
    expect(await fileUsedElsewhere(logged, 'b'.repeat(64), 3)).toBe(false);
    expect(statements).toHaveLength(2);
    for (const statement of statements) {
      const detail = planStore.plan(statement, ['x', 1, 1]);
      expect(detail).toMatch(/evidence_refs/);
      expect(detail).not.toMatch(/SCAN (case_events|evidence_refs)\b/);
    }
  });
});
