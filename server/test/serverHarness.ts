import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll } from 'vitest';
import { createSyncClient, makeDeskKeys, type SigningIdentity, SyncRequestError } from '../../core/sync/syncClient.ts';
import { nowIso, seedReportDataset } from '../../core/test/reportsDataset.ts';
import { newDagEvent } from '../../db/eventCodec.ts';
import type { CaseEventData } from '../../domain/cases/events.ts';
import { encodeHlc } from '../../domain/cases/hlc.ts';
import type { WireEvent } from '../../domain/sync/protocol.ts';
import { addSite, issueEnrolmentCode } from '../admin.ts';
import { createSyncServer } from '../http.ts';
import { openServerStore, type ServerStore } from '../store/openServerStore.ts';
import type { ServerDatabase } from '../store/schema.ts';
import { postgresInstalled, startPgCluster } from './pgCluster.ts';

/**
 * A sync server on a free loopback port over a fresh SQLite store (or `databaseUrl`, or the
 * SQLite store a test wrote in `dataDir`), with a log to read.
 */
export async function startTestServer(options: { databaseUrl?: string; dataDir?: string; now?: () => Date } = {}) {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'desk-server-'));
  const store: ServerStore = await openServerStore(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir });
  const log: string[] = [];
  const now = options.now ?? (() => new Date());
  const evidenceDir = options.databaseUrl ? undefined : path.join(dataDir, 'evidence');
  const server = createSyncServer({ db: store.db, dialect: store.dialect, now, log: (line) => log.push(line), evidenceDir });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    store,
    log,
    dataDir,
    async site(name: string) {
      return addSite(store.db, name, now());
    },
    async code(site: string, lifeMs?: number) {
      return (await issueEnrolmentCode(store.db, site, now(), lifeMs)).code;
    },
    /** Enrols a new desk in `site` and answers its signing identity and prefix. */
    async desk(site: string, name = 'desk') {
      const keys = makeDeskKeys();
      const deskId = uuidv7();
      const client = createSyncClient({ serverUrl: url });
      const enrolled = await client.enrol({ code: await this.code(site), publicKey: keys.publicKey, deskName: name, deskId });
      return { identity: { deskId, privateKey: keys.privateKey } satisfies SigningIdentity, prefix: enrolled.prefix, client };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Both stores the server runs on; PostgreSQL where Debian's postgresql package is installed (.ci/run installs it). */
export const dialects = postgresInstalled ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

/**
 * A server on `dialect` (its own PostgreSQL cluster for 'postgres') holding `sites`, started
 * before the tests of the describe block that calls this and stopped after them.
 */
export function serverPerSuite(
  dialect: (typeof dialects)[number],
  sites: readonly string[],
  options: { now?: () => Date } = {},
): TestServer {
  let started: TestServer | undefined;
  let cluster: Awaited<ReturnType<typeof startPgCluster>> | undefined;
  beforeAll(async () => {
    if (dialect === 'postgres') cluster = await startPgCluster();
    started = await startTestServer({ ...options, ...(cluster ? { databaseUrl: cluster.url } : {}) });
    for (const site of sites) await started.site(site);
  }, 120_000);
  afterAll(async () => {
    await started?.close();
    cluster?.stop();
  }, 60_000);
  const live = () => {
    if (!started) throw new Error('the test server starts before the tests');
    return started;
  };
  return {
    get url() {
      return live().url;
    },
    get store() {
      return live().store;
    },
    get log() {
      return live().log;
    },
    get dataDir() {
      return live().dataDir;
    },
    site: (name) => live().site(name),
    code: (site, lifeMs) => live().code(site, lifeMs),
    desk: (site, name) => live().desk(site, name),
    close: () => live().close(),
  };
}

/**
 * The desk's hand-counted report dataset (core/test/reportsDataset.ts) synced to a server on
 * `dialect` as site 一院, beside an empty 二院, the server's clock at the dataset's now; set up
 * before the tests of the describe block that calls this.
 */
export function seededSitePerSuite(dialect: (typeof dialects)[number]) {
  const server = serverPerSuite(dialect, [], { now: () => new Date(nowIso) });
  let seeded: Awaited<ReturnType<typeof seedReportDataset>> | undefined;
  let siteId: number | undefined;
  beforeAll(async () => {
    seeded = await seedReportDataset();
    siteId = (await server.site('一院')).id;
    await server.site('二院');
    await seeded.desk.call('sync.configure', { serverUrl: server.url, enrolmentCode: await server.code('一院') });
    await seeded.desk.call('sync.now', {});
  }, 120_000);
  afterAll(async () => {
    await seeded?.desk.close();
  }, 60_000);
  const live = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the seeded site is set up before the tests');
    return value;
  };
  return {
    server,
    get seeded() {
      return live(seeded);
    },
    get siteId() {
      return live(siteId);
    },
  };
}

/** The status and error code a request was refused with; fails when it was not refused. */
export async function refusalOf(request: Promise<unknown>) {
  try {
    await request;
  } catch (e) {
    if (e instanceof SyncRequestError) return { status: e.status, error: e.refusal?.error };
    throw e;
  }
  throw new Error('the request was not refused');
}

/** How many rows one of the server's tables holds. */
export async function rowCount(store: ServerStore, table: keyof ServerDatabase): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

let tick = 0;
/** A real event on the wire, hashed as a desk hashes it. */
export function wireEvent(caseId: string, parents: string[], data: CaseEventData, device = 'dev'): WireEvent {
  tick++;
  const at = new Date(Date.UTC(2026, 10, 1) + tick).toISOString();
  const fields = {
    id: uuidv7(),
    caseId,
    seq: 1,
    parents,
    actorId: 'u',
    device,
    at,
    hlc: encodeHlc({ wallMs: Date.parse(at), counter: 0 }, device),
  };
  const event = newDagEvent(fields, data);
  return { ...fields, form: 'dag', parents: event.parents, type: data.type, payload: JSON.stringify(data.payload), hash: event.hash };
}

export { registeredData } from '../../domain/test/caseEventFixtures.ts';
export const noted = (text: string): CaseEventData => ({ type: 'noted', payload: { text } });
