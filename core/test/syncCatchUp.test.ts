import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoad } from '../../bench/data/bulkLoad.ts';
import { storeFileName } from '../../db/connection.ts';
import { rebuildReportRollups } from '../../db/queries/reportRollups.ts';
import type { Database } from '../../db/schema.ts';
import type { JobView } from '../../domain/api/jobViews.ts';
import { startTestServer } from '../../server/test/serverHarness.ts';
import { openSyncDesk, reopenSyncDesk, type SyncDesk } from './syncDesk.ts';

/** A desk of the site that was offline for a month, and wrote 2,000 cases meanwhile, catches up both ways. */
let server: Awaited<ReturnType<typeof startTestServer>>;
let away: SyncDesk;
let office: SyncDesk;

beforeAll(async () => {
  server = await startTestServer();
  await server.site('一院');
  away = await openSyncDesk();
  office = await openSyncDesk();
  await away.join(server.url, await server.code('一院'));
  await office.join(server.url, await server.code('一院'));
}, 120_000);
afterAll(async () => {
  await away?.close();
  await office?.close();
  await server?.close();
}, 60_000);

const countOf = (desk: SyncDesk, sql: string) => {
  const db = new Sqlite(path.join(desk.dataDir, storeFileName), { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

/** Whether the desk's roll-up tables are what rebuilding them from its cases gives (the rebuild rolled back). */
async function rollupsAgainstRebuild(desk: SyncDesk): Promise<{ same: boolean }> {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new Sqlite(path.join(desk.dataDir, storeFileName)) }) });
  const tables = async (d: Kysely<Database>) => ({
    daily: (await sql`SELECT * FROM report_daily WHERE registered <> 0 ORDER BY dimension, day, key`.execute(d)).rows,
    counted: (await sql`SELECT * FROM report_counted ORDER BY case_seqno`.execute(d)).rows,
    phones: (await sql`SELECT * FROM report_phone_month ORDER BY phone, month`.execute(d)).rows,
  });
  let same = false;
  try {
    await db.transaction().execute(async (trx) => {
      const kept = await tables(trx);
      const offset = (await sql<{ o: number }>`SELECT utc_offset_minutes AS o FROM report_rollup_state`.execute(trx)).rows[0]?.o ?? 0;
      await rebuildReportRollups(trx, offset, new Date().toISOString());
      same = JSON.stringify(await tables(trx)) === JSON.stringify(kept);
      throw new Error('rolled back');
    });
  } catch (e) {
    if (!(e instanceof Error) || e.message !== 'rolled back') throw e;
  } finally {
    await db.destroy();
  }
  return { same };
}

describe('a desk offline for a month with 2,000 cases', () => {
  it('sends them all and receives what the site did meanwhile, each once', async () => {
    await away.desk.close();
    // A month of work written while the server could not be reached: the outbox keeps every event.
    const loaded = await bulkLoad({ dataDir: away.dataDir, count: 2000, seed: 7, until: Date.now(), years: 30 / 365 });
    for (let i = 0; i < 5; i++) await office.register('rec');
    await office.syncNow();
    away = await reopenSyncDesk(away.dataDir);
    expect((await away.status()).waiting.events).toBe(loaded.events);

    // A catch-up is a job: how many were sent shows while it runs, and it ends done.
    const rounding = away.syncNow();
    let over = false;
    void rounding.finally(() => {
      over = true;
    });
    const seen: JobView[] = [];
    while (!over) {
      const [job] = (await away.by('admin', 'jobs.status', {})).items;
      if (job) seen.push(job);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const round = await rounding;
    expect(round).toEqual({ pushed: loaded.events, pulled: 5 });
    const sending = seen.filter((j) => j.state === 'running' && j.phase === 'pushing');
    expect(sending.length, 'the sending was seen while it ran').toBeGreaterThan(0);
    expect(sending.every((j) => j.total === loaded.events && j.done <= j.total)).toBe(true);
    expect(sending.some((j) => j.done < j.total)).toBe(true);
    expect((await away.by('admin', 'jobs.status', {})).items[0]).toMatchObject({
      kind: 'syncCatchUp',
      state: 'done',
      // Then it paged through the site's events (its own among them) and kept the office's five.
      phase: 'pulling',
      done: 5,
    });
    expect(await office.syncNow()).toEqual({ pushed: 0, pulled: loaded.events });

    const cases = countOf(office, 'SELECT count(*) FROM cases');
    expect(cases).toBe(countOf(away, 'SELECT count(*) FROM cases'));
    expect(cases).toBe(2005);
    expect(countOf(office, 'SELECT count(DISTINCT number) FROM cases')).toBe(2005);
    expect(countOf(office, 'SELECT count(*) FROM case_events')).toBe(countOf(away, 'SELECT count(*) FROM case_events'));
    expect(await office.by('admin', 'cases.verifyChain', {})).toMatchObject({ firstBroken: null, casesChecked: 2005 });
    // The office took 2,000 new cases a page at a time: its report roll-ups are what a rebuild counts.
    expect(await rollupsAgainstRebuild(office)).toEqual({ same: true });
  }, 240_000);
});
