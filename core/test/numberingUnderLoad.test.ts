import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { storeFileName } from '../../db/connection.ts';
import { rowCounts } from './storeSnapshot.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

const now = new Date('2026-11-20T02:00:00Z');
let desk: Awaited<ReturnType<typeof openTestDesk>> | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

async function ready() {
  desk = await openTestDesk({ now: () => now });
  await desk.setupAndLogin();
  return desk;
}

/** A failure inside the registration transaction, after the counter moved: a trigger refuses one subject. */
function failInsideTransaction(dataDir: string, subject: string) {
  const db = new Sqlite(path.join(dataDir, storeFileName));
  db.exec(
    `CREATE TRIGGER test_fail BEFORE INSERT ON cases WHEN NEW.subject = '${subject}' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;`,
  );
  db.close();
}

const sequenceOf = (number: string) => Number(number.split('-').at(-1));

describe('numbers under failures and concurrency', () => {
  it('stay gapless when registrations fail after the number was drawn, and nothing of the failure remains', async () => {
    const d = await ready();
    failInsideTransaction(d.dataDir, 'BOOM');
    const first = await d.call('cases.register', sampleComplaint);
    const before = rowCounts(d.dataDir);
    const failed = await d.raw('cases.register', { ...sampleComplaint, subject: 'BOOM' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(rowCounts(d.dataDir)).toEqual(before);
    const second = await d.call('cases.register', sampleComplaint);
    expect([first.number, second.number]).toEqual(['2611-0001', '2611-0002']);
  });

  it('stay unique and gapless when many registrations, good and bad, arrive at once', async () => {
    const d = await ready();
    failInsideTransaction(d.dataDir, 'BOOM');
    const inputs = Array.from({ length: 60 }, (_, i) =>
      i % 5 === 0
        ? { ...sampleComplaint, subject: 'BOOM' }
        : i % 7 === 0
          ? { ...sampleComplaint, complainant: { name: '张三', phone: 'bad' } }
          : { ...sampleComplaint, subject: `并发登记 ${i}` },
    );
    const answers = await Promise.all(inputs.map((input) => d.raw('cases.register', input)));
    const numbers = answers.flatMap((a) => (a.ok ? [(a.data as { number: string }).number] : []));
    const expectedGood = inputs.filter((x) => x.subject !== 'BOOM' && x.complainant.phone !== 'bad').length;
    expect(numbers).toHaveLength(expectedGood);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.map(sequenceOf).sort((a, b) => a - b)).toEqual(Array.from({ length: expectedGood }, (_, i) => i + 1));
    const list = await d.call('cases.list', { limit: 200 });
    expect(list.items).toHaveLength(expectedGood);
  });

  it('follow the number format and desk prefix set by the administrator', async () => {
    const d = await ready();
    expect((await d.call('cases.register', sampleComplaint)).number).toBe('2611-0001');
    const settings = await d.call('settings.update', { desk: { numberFormat: 'YYYYMM-NNNN' } });
    expect(settings.nextNumberExample).toBe('202611-0001');
    // Same prefix, same counter: the sequence goes on in the new format.
    expect((await d.call('cases.register', sampleComplaint)).number).toBe('202611-0002');
    await d.call('settings.update', { desk: { deskPrefix: 'a', numberFormat: 'YYMM-NNNN' } });
    expect((await d.call('cases.register', sampleComplaint)).number).toBe('A2611-0001');
    const before = rowCounts(d.dataDir);
    const bad = await d.raw('settings.update', { desk: { deskPrefix: '1A' } }, { locale: 'zh-CN' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'desk.deskPrefix': /字母开头/ } } });
    expect(rowCounts(d.dataDir)).toEqual(before);
  });

  it('restart at 1 in a new month', async () => {
    let clock = new Date('2026-11-30T15:59:00Z'); // 23:59 on 30 November, desk time
    desk = await openTestDesk({ now: () => clock });
    await desk.setupAndLogin();
    expect((await desk.call('cases.register', sampleComplaint)).number).toBe('2611-0001');
    clock = new Date('2026-11-30T16:01:00Z'); // 00:01 on 1 December
    expect((await desk.call('cases.register', sampleComplaint)).number).toBe('2612-0001');
  });
});
