import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverMigrator } from '../store/migrations.ts';
import { startPgCluster } from './pgCluster.ts';
import { dialects, startTestServer, type TestServer } from './serverHarness.ts';

/** The tables as a store from before group-wide prefixes held them: only what the test writes. */
type LegacyRow = Record<string, string | number | null>;
interface LegacyTables {
  sites: LegacyRow;
  desks: LegacyRow;
  transfers: LegacyRow;
  case_projection: LegacyRow;
}

const projectionOf = (caseId: string, siteId: number, number: string): LegacyRow => ({
  case_id: caseId,
  site_id: siteId,
  number,
  type: 'complaint',
  status: 'registered',
  channel: 'phone',
  severity: 'normal',
  subject: '电梯停运',
  complainant_name: '张三',
  confidential: 0,
  anonymous: 0,
  received_at: '2026-11-02T01:00:00.000Z',
  received_day: '2026-11-02',
  received_week: '2026-W45',
  declined: 0,
  follow_ups: 0,
  merged: 0,
  search_text: '',
  search_terms: '',
  event_count: 1,
});

/**
 * Desk prefixes are the group's: a desk of any site takes a prefix no desk of the group has.
 * A store from before, where two sites' desks took one prefix, keeps them (the later marked
 * `shared_prefix`), and its cases take the site they were registered at.
 */
describe.each(dialects)('desk prefixes across the group on %s', (dialect) => {
  let cluster: Awaited<ReturnType<typeof startPgCluster>> | undefined;
  let dataDir: string | undefined;
  let server: TestServer;

  beforeAll(async () => {
    let db: Kysely<LegacyTables>;
    if (dialect === 'postgres') {
      cluster = await startPgCluster();
      db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: cluster.url, max: 2 }) }) });
    } else {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-legacy-'));
      db = new Kysely({ dialect: new SqliteDialect({ database: new Sqlite(path.join(dataDir, 'server.sqlite')) }) });
    }
    // The store as the server left it before prefixes were the group's.
    const { error } = await serverMigrator(db, dialect).migrateTo('008_evidence_removals');
    if (error) throw error;
    await db
      .insertInto('sites')
      .values([
        { name: '一院', created_at: '2026-10-01T00:00:00.000Z' },
        { name: '二院', created_at: '2026-10-01T00:00:00.000Z' },
      ])
      .execute();
    const desk = (id: string, site: number, prefix: string, day: string) => ({
      id,
      site_id: site,
      name: id,
      public_key: 'key',
      prefix,
      enrolled_at: `2026-10-${day}T00:00:00.000Z`,
    });
    await db
      .insertInto('desks')
      .values([desk('one-a', 1, 'A', '02'), desk('one-b', 1, 'B', '03'), desk('two-a', 2, 'A', '04')])
      .execute();
    // 一院's A2611-0001 transferred to 二院, which has an A2611-0001 of its own.
    await db
      .insertInto('case_projection')
      .values([projectionOf('moved', 2, 'A2611-0001'), projectionOf('stayed', 2, 'A2611-0001'), projectionOf('home', 1, 'B2611-0001')])
      .execute();
    await db
      .insertInto('transfers')
      .values({
        event_id: 'transfer-1',
        case_id: 'moved',
        from_site: 1,
        to_site: 2,
        reason: '事发二院',
        actor_id: 'u',
        desk_id: 'one-a',
        at: '2026-11-03T00:00:00.000Z',
        received_at: '2026-11-03T00:00:00.000Z',
      })
      .execute();
    await db.destroy();
    server = await startTestServer(cluster ? { databaseUrl: cluster.url } : { dataDir: dataDir as string });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    cluster?.stop();
  }, 60_000);

  it('keeps the prefixes two sites already share, marking the later desk, and hands out only free ones', async () => {
    const db = server.store.db;
    const desks = await db.selectFrom('desks').select(['id', 'prefix', 'shared_prefix']).orderBy('id').execute();
    expect(desks).toEqual([
      { id: 'one-a', prefix: 'A', shared_prefix: 0 },
      { id: 'one-b', prefix: 'B', shared_prefix: 0 },
      { id: 'two-a', prefix: 'A', shared_prefix: 1 },
    ]);
    // 二院's next desk takes neither its own A nor 一院's B; 一院's takes neither C.
    expect((await server.desk('二院')).prefix).toBe('C');
    expect((await server.desk('一院')).prefix).toBe('D');
    expect((await server.desk('二院')).prefix).toBe('E');
    // The store itself refuses a desk with a prefix the group has, whatever site it is of.
    const again = {
      site_id: 2,
      name: 'x',
      public_key: 'key',
      prefix: 'D',
      shared_prefix: 0,
      enrolled_at: '2026-12-01T00:00:00.000Z',
      revoked_at: null,
    };
    await expect(
      db
        .insertInto('desks')
        .values({ ...again, id: 'twin' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .insertInto('desks')
        .values({ ...again, id: 'twin-b', prefix: 'B' })
        .execute(),
    ).rejects.toThrow();
  });

  it('gives the cases it holds the site they were registered at', async () => {
    const rows = await server.store.db
      .selectFrom('case_projection')
      .select(['case_id', 'site_id', 'registered_site_id'])
      .orderBy('case_id')
      .execute();
    expect(rows).toEqual([
      { case_id: 'home', site_id: 1, registered_site_id: 1 },
      { case_id: 'moved', site_id: 2, registered_site_id: 1 },
      { case_id: 'stayed', site_id: 2, registered_site_id: 2 },
    ]);
  });
});
