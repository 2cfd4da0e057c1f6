import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeFileName } from '../../db/connection.ts';
import { benchDataDir, openBenchDesk, removeBenchDataDir } from '../benchDesk.ts';
import { bulkLoad } from '../data/bulkLoad.ts';
import { createRng } from '../data/rng.ts';
import { syntheticCase, type Vocabulary } from '../data/syntheticCase.ts';
import { openRaw } from '../measure/floors.ts';
import { ratioOf, renderTable, verdict } from '../report.ts';
import { historyEnd } from '../tier/shared.ts';
import { runTier } from '../tier.ts';

const vocabulary: Vocabulary = {
  categories: [
    { id: 'c1', name: '服务态度' },
    { id: 'c2', name: '等候时间' },
  ],
  departments: ['d1', 'd2', 'd3'],
  receptionists: ['r1'],
  handlers: new Map([['d1', ['h1']]]),
};

describe('the bench harness', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) removeBenchDataDir(dir);
  });

  it('generates the same cases from the same seed, and different ones from another', () => {
    const at = Date.parse('2025-03-03T02:00:00Z');
    const one = syntheticCase(createRng(7), vocabulary, at, historyEnd);
    expect(syntheticCase(createRng(7), vocabulary, at, historyEnd)).toEqual(one);
    expect(syntheticCase(createRng(8), vocabulary, at, historyEnd)).not.toEqual(one);
    expect(one.input.content.length).toBeGreaterThan(10);
  });

  it('bulk-loads cases the core then finds, opens and keeps numbering after', async () => {
    const dataDir = benchDataDir('test');
    dirs.push(dataDir);
    await (await openBenchDesk(dataDir)).close();
    const loaded = await bulkLoad({ dataDir, count: 300, seed: 1, until: historyEnd });
    expect(loaded.cases).toBe(300);
    expect(loaded.events).toBeGreaterThan(300);
    // Every case has its deadline clocks, as the core writes them: start-up has nothing to backfill.
    const sqlite = openRaw(path.join(dataDir, storeFileName), { readonly: true });
    const withoutClocks = sqlite
      .prepare('SELECT count(*) FROM cases WHERE seqno NOT IN (SELECT case_seqno FROM case_clocks)')
      .pluck()
      .get();
    const eventCount = () => sqlite.prepare('SELECT count(*) FROM case_events').pluck().get();
    const before = eventCount();
    expect(withoutClocks).toBe(0);
    expect(sqlite.prepare("SELECT count(*) FROM case_events WHERE type = 'deadlineBreached'").pluck().get()).toBeGreaterThan(0);

    // And its report facts, folded as the core folds them: the same rows a start-up backfill writes.
    expect(sqlite.prepare('SELECT count(*) FROM cases WHERE seqno NOT IN (SELECT case_seqno FROM case_report_facts)').pluck().get()).toBe(
      0,
    );
    expect(sqlite.prepare('SELECT count(*) FROM case_report_facts WHERE closed_at IS NOT NULL').pluck().get()).toBeGreaterThan(0);
    const factsRows = () => sqlite.prepare('SELECT * FROM case_report_facts ORDER BY case_seqno').all();
    const bulkFacts = factsRows();
    const write = openRaw(path.join(dataDir, storeFileName));
    write.prepare('DELETE FROM case_report_facts').run();
    write.close();

    const bench = await openBenchDesk(dataDir);
    expect(factsRows()).toEqual(bulkFacts);
    // Breaches were recorded as the sweep would have: the start-up sweep finds nothing left to record.
    expect(eventCount()).toBe(before);
    sqlite.close();
    try {
      const newest = (await bench.call('cases.list', { limit: 1 })).items[0];
      if (!newest) throw new Error('no cases listed');
      const detail = await bench.call('cases.get', { id: newest.id });
      expect(detail.events[0]?.type).toBe('registered');
      // Indexed as the core indexes: a two-character substring of the subject and the phone's last digits find it.
      const found = await bench.call('cases.list', { q: detail.subject.slice(1, 3), limit: 200 });
      expect(found.items.map((c) => c.id)).toContain(newest.id);
      const phone = detail.complainant.phone;
      if (phone) expect((await bench.call('cases.list', { q: phone.slice(-5), limit: 200 })).items.map((c) => c.id)).toContain(newest.id);
      // The bulk load advanced the same counters registration uses: no number is issued twice.
      const registered = await bench.call('cases.register', {
        type: 'complaint',
        channel: 'phone',
        complainant: { name: '李四' },
        subject: '测试',
        content: '基准测试之后的登记',
      });
      expect((await bench.call('cases.get', { id: registered.id })).number).toBe(registered.number);
    } finally {
      await bench.close();
    }
  });

  it("runs the smoke tier's measurements end to end", async () => {
    const { rows, notes } = await runTier({ label: 'test', count: 2_000, seed: 3, reads: 3, writes: 3 });
    const metrics = rows.map((r) => r.metric);
    for (const expected of [
      'registration',
      'board',
      'search',
      'one case',
      'dashboard',
      'monthly analysis',
      'yearly analysis',
      'start-up',
      'size per case',
      'projection rebuild',
      'resident memory after a simulated hour',
    ]) {
      expect(
        metrics.some((m) => m.includes(expected)),
        expected,
      ).toBe(true);
    }
    // The reports ran on facts the bulk writer folded, not on an empty table.
    expect(notes.join('\n')).toMatch(/report facts of 2,000 cases \([1-9][\d,]* closed/);
    for (const row of rows) {
      const v = row.value;
      expect(v === null ? 0 : typeof v === 'number' ? v : v.p95).toBeGreaterThan(0);
    }
    const rebuild = rows.find((r) => r.metric.startsWith('projection rebuild'));
    expect(rebuild?.note).toContain(' 0 mismatches');
    const registration = rows.find((r) => r.metric.startsWith('registration'));
    expect(registration && ratioOf(registration)).toBeGreaterThan(0);
    expect(notes.some((n) => n.includes('differs'))).toBe(false);
    expect(renderTable(rows)).toContain('| test | list: cases.list, no filter |');
  }, 120_000);

  it('judges a figure against its target and its floor', () => {
    const target = { max: 10, of: 'p95', text: '', ratioMax: 3 } as const;
    expect(verdict({ tier: 't', metric: 'm', value: { n: 1, median: 2, p95: 9 }, floor: 1, target })).toBe('PASS');
    expect(verdict({ tier: 't', metric: 'm', value: { n: 1, median: 4, p95: 9 }, floor: 1, target })).toBe('MISS');
    expect(verdict({ tier: 't', metric: 'm', value: { n: 1, median: 2, p95: 11 }, floor: 1, target })).toBe('MISS');
  });
});
