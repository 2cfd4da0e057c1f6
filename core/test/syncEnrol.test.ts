import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFileName } from '../../db/connection.ts';
import { selfSignedCert } from '../../server/test/selfSignedCert.ts';
import { startTestServer } from '../../server/test/serverHarness.ts';
import { openSyncDesk, type SyncDesk } from './syncDesk.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
let desk: SyncDesk;

beforeAll(async () => {
  server = await startTestServer();
  await server.site('一院');
  desk = await openSyncDesk();
});
afterAll(async () => {
  await desk.close();
  await server.close();
});

/** What the desk's store holds of sync, read beside the desk. */
function syncRows() {
  const db = new Sqlite(path.join(desk.dataDir, storeFileName), { readonly: true });
  try {
    return {
      config: db.prepare('SELECT count(*) FROM sync_config').pluck().get() as number,
      outbox: db.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number,
      events: db.prepare('SELECT count(*) FROM case_events').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

const fieldsOf = async (input: unknown, locale = 'en') => {
  const answer = await desk.rawBy('admin', 'sync.configure', input, locale);
  if (answer.ok) throw new Error('the enrolment should have been refused');
  return answer.error;
};

describe('enrolment refused', () => {
  it('answers at the field, in the caller’s language, and writes nothing', async () => {
    await desk.register('rec');
    const before = syncRows();
    const badUrl = await fieldsOf({ serverUrl: 'sync.example.org', enrolmentCode: 'ABCD-EFGH' });
    expect(badUrl.code).toBe('invalid_input');
    expect(badUrl.fields?.serverUrl).toContain('http://');

    const unreachable = await fieldsOf({ serverUrl: `http://127.0.0.1:${await closedPort()}`, enrolmentCode: 'ABCD-EFGH' }, 'zh-CN');
    expect(unreachable.fields?.serverUrl).toContain('没有服务器应答');

    const wrongCode = await fieldsOf({ serverUrl: server.url, enrolmentCode: 'ABCD-EFGH-JKMN' });
    expect(wrongCode.fields?.enrolmentCode).toContain('not known');

    const expired = await fieldsOf({ serverUrl: server.url, enrolmentCode: await server.code('一院', -1000) }, 'zh-TW');
    expect(expired.fields?.enrolmentCode).toContain('過期');

    expect(syncRows()).toEqual({ ...before, config: 0, outbox: 0 });
    expect(await desk.status()).toMatchObject({ enabled: false, state: 'off', pending: 0 });
  });

  it('is for the administrator only', async () => {
    const answer = await desk.rawBy('sup', 'sync.configure', { serverUrl: server.url, enrolmentCode: await server.code('一院') });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await desk.rawBy('rec', 'sync.leave', {})).ok).toBe(false);
    expect((await desk.rawBy('rec', 'sync.status', {})).ok).toBe(true);
  });
});

describe('a desk that holds cases joins', () => {
  it('takes its prefix, sends its history and numbers new cases with the prefix', async () => {
    const first = await desk.register('rec');
    const status = await desk.join(server.url, await server.code('一院'));
    expect(status).toMatchObject({ enabled: true, siteName: '一院', prefix: 'A', state: 'syncing' });
    // Its history goes up with it: every event, and its records and audit beside them.
    expect(status.waiting.events).toBe(syncRows().events);
    expect(status.pending).toBeGreaterThan(status.waiting.events);
    expect(await desk.syncNow()).toEqual({ pushed: syncRows().events, pulled: 0 });
    expect(await desk.status()).toMatchObject({ pending: 0, state: 'synced' });

    const next = await desk.register('rec');
    expect(next.number.startsWith('A')).toBe(true);
    expect(first.number.startsWith('A')).toBe(false);
    expect((await desk.status()).pending).toBe(1);
    expect(await desk.syncNow()).toEqual({ pushed: 1, pulled: 0 });

    const again = await desk.rawBy('admin', 'sync.configure', { serverUrl: server.url, enrolmentCode: await server.code('一院') });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('leaves the site, keeping its cases', async () => {
    const events = syncRows().events;
    expect(await desk.by('admin', 'sync.leave', {})).toMatchObject({ enabled: false, state: 'off' });
    expect(syncRows()).toEqual({ config: 0, outbox: 0, events });
    const after = await desk.register('rec');
    expect(after.number.startsWith('A')).toBe(false);
    expect(syncRows().outbox).toBe(0);
  });
});

/** A server answering every request with `answer`: something that is not (quite) the sync server. */
async function fakeServer(answer: (req: http.IncomingMessage) => { status: number; body: string }) {
  const s = http.createServer((req, res) => {
    const { status, body } = answer(req);
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(s.address() as net.AddressInfo).port}`, close: () => new Promise((r) => s.close(r)) };
}

describe('a server the desk will not join', () => {
  it('is named at the address field: another version, a clock far off, not a sync server, a certificate not trusted', async () => {
    const before = syncRows();
    const hello = (protocol: number, time: string) => JSON.stringify({ protocol, server: 'complaint-desk', time });
    const newer = await fakeServer(() => ({ status: 200, body: hello(99, new Date().toISOString()) }));
    const version = await fieldsOf({ serverUrl: newer.url, enrolmentCode: 'ABCD-EFGH' });
    expect(version.fields?.serverUrl).toContain('sync version 99');
    await newer.close();

    const late = await fakeServer(() => ({ status: 200, body: hello(1, new Date(Date.now() + 3_600_000).toISOString()) }));
    const clock = await fieldsOf({ serverUrl: late.url, enrolmentCode: 'ABCD-EFGH' }, 'zh-CN');
    expect(clock.fields?.serverUrl).toContain('时钟');
    await late.close();

    const other = await fakeServer(() => ({ status: 404, body: '<html>not here</html>' }));
    const notSync = await fieldsOf({ serverUrl: other.url, enrolmentCode: 'ABCD-EFGH' });
    expect(notSync.fields?.serverUrl).toContain('not a Complaint Desk sync server');
    await other.close();

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-sync-tls-'));
    const { certFile, keyFile } = selfSignedCert(dir);
    const tls = https.createServer({ key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) }, (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(hello(1, new Date().toISOString())),
    );
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    const untrusted = await fieldsOf({
      serverUrl: `https://127.0.0.1:${(tls.address() as net.AddressInfo).port}`,
      enrolmentCode: 'ABCD-EFGH',
    });
    expect(untrusted.fields?.serverUrl).toContain('certificate');
    await new Promise((r) => tls.close(r));
    fs.rmSync(dir, { recursive: true, force: true });

    expect(syncRows()).toEqual(before);
  });
});
