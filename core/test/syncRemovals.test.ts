import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { protocolVersion, syncHeaders } from '../../domain/sync/protocol.ts';
import { startTestServer, type TestServer } from '../../server/test/serverHarness.ts';
import { openSyncDesk, type SyncDesk, twoDesksOfOneSite } from './syncDesk.ts';

/**
 * A removal (a person's request, the end of retention) on one desk of a site reaches the rest:
 * the server deletes the case's evidence files and keeps the record that they were removed; the
 * other desk, at its next round, takes the same data out of its copy, with the same tombstone.
 */
const site = twoDesksOfOneSite();
let server: TestServer;
let a: SyncDesk;
let b: SyncDesk;
beforeAll(() => {
  ({ server, a, b } = site);
});

const heldOn = (desk: SyncDesk, sha256: string) => fs.existsSync(path.join(desk.dataDir, 'attachments', sha256.slice(0, 2), sha256));
const complainant = { name: '钱六', phone: '13912345678' };

describe('a removal on one desk of a site', () => {
  it('removes the server’s copy of the files and the other desk’s, and the same data there', async () => {
    const photo = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from(`removal ${Math.random()}`)]);
    const ref = await a.by('rec', 'attachments.upload', { name: '收据.png', mime: 'image/png', dataBase64: photo.toString('base64') });
    const { id } = await a.register('rec', { complainant, attachments: [ref] });
    await a.act('admin', id, { type: 'resolveOnSpot', resolution: '当场退还多收的 20 元', satisfaction: 5 });
    await a.syncNow();
    await b.syncNow();
    // B fetched the file in the background of its round.
    expect(heldOn(b, ref.sha256)).toBe(true);
    const row = async () =>
      server.store.db.selectFrom('evidence').select(['removed_at', 'content']).where('sha256', '=', ref.sha256).executeTakeFirst();
    expect((await row())?.removed_at).toBeNull();

    const erased = await a.by('sup', 'privacy.erase', {
      phone: complainant.phone,
      caseIds: [id],
      ground: 'consentWithdrawn',
      note: '本人书面申请',
      confirm: true,
    });
    expect(erased).toEqual({ cases: 1, files: 1 });
    expect((await a.status()).waiting.records).toBe(1);
    await a.syncNow();
    expect(await a.status()).toMatchObject({ pending: 0 });
    // On the server: the bytes gone, the row kept as the record of the removal.
    expect(await row()).toMatchObject({ content: null, removed_at: expect.any(String) });
    expect(fs.existsSync(path.join(server.dataDir, 'evidence'))).toBe(true);
    const files = fs.readdirSync(path.join(server.dataDir, 'evidence'), { recursive: true }).map(String);
    expect(files.some((f) => f.endsWith(ref.sha256))).toBe(false);

    // Before its next round B's case still names the file; were B to fetch it now, it is told it was removed.
    fs.rmSync(path.join(b.dataDir, 'attachments', ref.sha256.slice(0, 2), ref.sha256));
    const early = await b.rawBy('admin', 'attachments.get', { caseId: id, sha256: ref.sha256 }, 'en');
    expect(early).toMatchObject({ ok: false, error: { message: expect.stringContaining('removed at the end of its retention') } });

    // B takes the same data out at its next round: the file, the complainant, with A's tombstone.
    await b.syncNow();
    expect(await b.status()).toMatchObject({ pending: 0 });
    expect(heldOn(b, ref.sha256)).toBe(false);
    const onB = await b.by('admin', 'cases.get', { id });
    expect(onB.complainant).toEqual({ name: '' });
    expect(onB.intake.attachments ?? []).toEqual([]);
    expect(await b.by('admin', 'cases.verifyChain', { id })).toMatchObject({ firstBroken: null });
    const removed = await b.by('admin', 'audit.list', { action: 'retention.remove' });
    expect(removed.items.find((e) => e.target === id)).toMatchObject({ actorId: a.ids.sup });
    // The case names the file no more, on B as on A: nothing to open, nothing fetched from the server.
    const opened = await b.rawBy('admin', 'attachments.get', { caseId: id, sha256: ref.sha256 }, 'en');
    expect(opened).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // Nothing more goes either way.
    expect(await a.syncNow()).toEqual({ pushed: 0, pulled: 0 });
    expect(await b.syncNow()).toEqual({ pushed: 0, pulled: 0 });
    expect(await b.status()).toMatchObject({ pending: 0 });
    expect(await server.store.db.selectFrom('removals').select(['case_id', 'kinds']).execute()).toEqual([
      { case_id: id, kinds: JSON.stringify(['evidence', 'personalData']) },
    ]);
  }, 60_000);
});

/** A server of the same protocol from before removals travelled: their routes are unknown to it. */
async function serverWithoutRemovals(target: string) {
  const proxy = http.createServer((req, res) => {
    if (req.url?.startsWith('/v1/removals/')) {
      res.writeHead(404, { 'content-type': 'application/json', [syncHeaders.protocol]: String(protocolVersion) });
      res.end(JSON.stringify({ error: 'not_found', message: 'no such route' }));
      return;
    }
    const forward = http.request(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, close: () => new Promise((r) => proxy.close(r)) };
}

describe('a desk newer than its server', () => {
  it('syncs on while the server does not take removals yet, and keeps them waiting', async () => {
    const older = await startTestServer();
    await older.site('一院');
    const front = await serverWithoutRemovals(older.url);
    const desk = await openSyncDesk();
    try {
      await desk.join(front.url, await older.code('一院'));
      const { id } = await desk.register('rec', { complainant });
      await desk.act('admin', id, { type: 'resolveOnSpot', resolution: '当场解释', satisfaction: 5 });
      await desk.syncNow();
      await desk.by('sup', 'privacy.erase', {
        phone: complainant.phone,
        caseIds: [id],
        ground: 'consentWithdrawn',
        note: '本人申请',
        confirm: true,
      });
      expect(await desk.syncNow()).toEqual({ pushed: 0, pulled: 0 });
      expect(await desk.status()).toMatchObject({ state: 'synced', lastError: null, waiting: { records: 1, events: 0 } });
    } finally {
      await desk.close();
      await front.close();
      await older.close();
    }
  }, 60_000);
});
