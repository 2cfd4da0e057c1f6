import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFileName } from '../../db/connection.ts';
import { evidencePath } from '../../domain/sync/evidenceProtocol.ts';
import { startTestServer } from '../../server/test/serverHarness.ts';
import { hostKeyKeyring } from '../keys/hostKeyring.ts';
import { createEvidenceClient } from '../sync/evidenceClient.ts';
import { openSyncDesk, type SyncDesk } from './syncDesk.ts';

/**
 * Evidence travels by SHA-256 (DESIGN.md §10): up right after the events naming it, down when a
 * person opens it on another desk of the site (and in the background), kept encrypted there; a
 * desk of another site never receives it, even knowing its hash.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let a: SyncDesk;
let b: SyncDesk;
let other: SyncDesk;

beforeAll(async () => {
  server = await startTestServer();
  await server.site('一院');
  await server.site('二院');
  a = await openSyncDesk();
  b = await openSyncDesk({ keyring: hostKeyKeyring('keyFile', randomBytes(32)) });
  other = await openSyncDesk();
  await a.join(server.url, await server.code('一院'));
  await b.join(server.url, await server.code('一院'));
  await other.join(server.url, await server.code('二院'));
}, 60_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  await other?.close();
  await server?.close();
});

/** A small PNG whose bytes differ by `n`, so each test has files of its own. */
function png(n: number): Buffer {
  const head = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  return Buffer.concat([head, Buffer.from(`evidence ${n} ${randomBytes(8).toString('hex')}`)]);
}

async function upload(desk: SyncDesk, bytes: Buffer, name = '现场照片.png') {
  return desk.by('rec', 'attachments.upload', { name, mime: 'image/png', dataBase64: bytes.toString('base64') });
}

const evidenceRows = (sha256: string) => server.store.db.selectFrom('evidence').selectAll().where('sha256', '=', sha256).execute();
const heldOn = (desk: SyncDesk, sha256: string) => fs.existsSync(path.join(desk.dataDir, 'attachments', sha256.slice(0, 2), sha256));

describe('evidence between the desks of a site', () => {
  it('goes up with the round that pushes its case, and opens on the other desk, fetched then kept encrypted', async () => {
    const bytes = png(1);
    const ref = await upload(a, bytes);
    const { id } = await a.register('rec', { attachments: [ref] });
    expect(await a.syncNow()).toMatchObject({ pushed: 1 });
    const rows = await evidenceRows(ref.sha256);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ size: bytes.length, case_id: id });
    // The SQLite server keeps the bytes as a file under its data folder, not in its store.
    expect(rows[0]?.content).toBeNull();
    expect(fs.readFileSync(path.join(server.dataDir, 'evidence', String(rows[0]?.site_id), ref.sha256.slice(0, 2), ref.sha256))).toEqual(
      bytes,
    );

    // B pulls the case without the file; the case page says the file is on the server.
    const pull = await b.rawBy('admin', 'sync.now', {});
    expect(pull.ok).toBe(true);
    const detail = await b.by('rec', 'cases.get', { id });
    expect(detail.intake.attachments?.map((x) => x.sha256)).toEqual([ref.sha256]);
    // The background fetch of that round took it already; take it away to see the fetch on opening.
    if (heldOn(b, ref.sha256)) fs.rmSync(path.join(b.dataDir, 'attachments', ref.sha256.slice(0, 2), ref.sha256));
    expect((await b.by('rec', 'cases.get', { id })).remoteEvidence).toEqual([ref.sha256]);
    const opened = await b.by('rec', 'attachments.get', { caseId: id, sha256: ref.sha256 });
    expect(Buffer.from(opened.dataBase64, 'base64')).toEqual(bytes);
    // Kept on B, sealed under B's key: the file on disk is not the photo.
    const onDisk = fs.readFileSync(path.join(b.dataDir, 'attachments', ref.sha256.slice(0, 2), ref.sha256));
    expect(onDisk.subarray(0, 8).toString('latin1')).toBe('CDESK-E1');
    expect(onDisk.includes(bytes.subarray(16))).toBe(false);
    expect((await b.by('rec', 'cases.get', { id })).remoteEvidence).toEqual([]);
  });

  it('is fetched in the background by the scheduler round, files added later too, each stored once', async () => {
    const { id } = await a.register('rec');
    const later = png(2);
    const ref = await upload(a, later, '补充材料.png');
    await a.by('rec', 'attachments.add', { caseId: id, attachments: [ref] });
    await a.syncNow();
    await a.syncNow();
    expect(await evidenceRows(ref.sha256)).toHaveLength(1);
    expect(heldOn(b, ref.sha256)).toBe(false);
    await b.syncNow();
    expect(heldOn(b, ref.sha256)).toBe(true);
    const opened = await b.by('rec', 'attachments.get', { caseId: id, sha256: ref.sha256 });
    expect(Buffer.from(opened.dataBase64, 'base64')).toEqual(later);
  });

  it('a desk that joins with cases takes their files up with its history', async () => {
    const late = await openSyncDesk();
    try {
      const bytes = png(3);
      const ref = await upload(late, bytes);
      await late.register('rec', { attachments: [ref] });
      await late.join(server.url, await server.code('一院'));
      await late.syncNow();
      expect(await evidenceRows(ref.sha256)).toHaveLength(1);
    } finally {
      await late.close();
    }
  });

  it('says in words when a file cannot be fetched: not sent yet by its desk, or offline', async () => {
    const ref = await upload(a, png(4));
    const { id } = await a.register('rec', { attachments: [ref] });
    await a.syncNow();
    // As if A had not sent the file yet: the server holds the case, not the file.
    await server.store.db.deleteFrom('evidence').where('sha256', '=', ref.sha256).execute();
    await b.syncNow();
    expect(heldOn(b, ref.sha256)).toBe(false);
    const notSent = await b.rawBy('rec', 'attachments.get', { caseId: id, sha256: ref.sha256 }, 'en');
    expect(notSent).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(notSent.ok ? '' : notSent.error.message).toContain('has not sent it');
    // The round itself is fine: the file is asked for again later.
    expect((await b.status()).state).toBe('synced');

    // Offline: A cannot reach the server for a file B registered.
    const fromB = await upload(b, png(8));
    const onB = await b.register('rec', { attachments: [fromB] });
    await b.syncNow();
    await a.syncNow();
    // Taken in the background by that round; put away again to see it asked for offline.
    fs.rmSync(path.join(a.dataDir, 'attachments', fromB.sha256.slice(0, 2), fromB.sha256));
    const store = new Sqlite(path.join(a.dataDir, storeFileName));
    const url = store.prepare('SELECT server_url FROM sync_config').pluck().get() as string;
    try {
      store.prepare("UPDATE sync_config SET server_url = 'http://127.0.0.1:9'").run();
      await a.rawBy('admin', 'sync.now', {});
      const offline = await a.rawBy('rec', 'attachments.get', { caseId: onB.id, sha256: fromB.sha256 }, 'en');
      expect(offline.ok ? '' : offline.error.message).toContain('cannot be reached');
    } finally {
      store.prepare('UPDATE sync_config SET server_url = ?').run(url);
      store.close();
    }
    await a.syncNow();
    expect(Buffer.from((await a.by('rec', 'attachments.get', { caseId: onB.id, sha256: fromB.sha256 })).dataBase64, 'base64')).toHaveLength(
      fromB.size,
    );
  });
});

describe('a desk of another site', () => {
  it('can never fetch a site’s file, even by its hash, and cannot upload into a site’s case', async () => {
    const bytes = png(5);
    const ref = await upload(a, bytes);
    const { id } = await a.register('rec', { attachments: [ref] });
    await a.syncNow();
    expect(await evidenceRows(ref.sha256)).toHaveLength(1);
    // The other site's desk asks the server directly, signed with its own key.
    const identity = await server.desk('二院', 'stranger');
    const client = createEvidenceClient({ serverUrl: server.url, timeoutMs: 10_000, now: () => new Date() });
    expect(await client.get(identity.identity, ref.sha256)).toBeNull();
    await expect(client.put(identity.identity, ref.sha256, id, bytes)).rejects.toMatchObject({
      status: 403,
      refusal: { error: 'foreign' },
    });
    // And through its desk: the case never reaches it, so neither does the file.
    await other.syncNow();
    expect(heldOn(other, ref.sha256)).toBe(false);
    expect(await other.rawBy('admin', 'cases.get', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('the server refuses bytes that do not hash to their name and files no event of the case names', async () => {
    const identity = await server.desk('一院', 'checker');
    const client = createEvidenceClient({ serverUrl: server.url, timeoutMs: 10_000, now: () => new Date() });
    const { id } = await a.register('rec');
    await a.syncNow();
    const bytes = png(6);
    const sha = (await upload(a, bytes)).sha256;
    await expect(client.put(identity.identity, sha, id, png(7))).rejects.toMatchObject({ status: 422, refusal: { error: 'tampered' } });
    await expect(client.put(identity.identity, sha, id, bytes)).rejects.toMatchObject({ status: 403, refusal: { error: 'foreign' } });
    expect(await evidenceRows(sha)).toHaveLength(0);
    expect(evidencePath(sha, id)).toContain(sha);
  });
});
