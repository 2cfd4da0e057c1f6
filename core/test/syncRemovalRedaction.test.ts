import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireEvent } from '../../domain/sync/protocol.ts';
import { pulledFault } from '../../domain/sync/receiveRules.ts';
import { startTestServer, type TestServer } from '../../server/test/serverHarness.ts';
import { secretsFound } from './stringsScan.ts';
import { openSyncDesk, type SyncDesk } from './syncDesk.ts';

/**
 * From desk to server to desk, the server never keeps or hands on what a desk removed: a case
 * registered on desk A and synced, then erased on A, is redacted on the server (events, their
 * hashes kept; projection; search), on desk B which held it plain, and on a desk that joins
 * later; a case a desk erased before it joined reaches the server already redacted. The files
 * are grepped for the complainant as `strings` reads them; every chain verifies.
 */
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** Latin letters and digits, so `strings` would see them in a plain store file. */
const first = { name: 'Zhaoqian Mingyue', phone: '13912345678', address: 'Jiefang Road 7' };
const second = { name: 'Sunli Xiaohong', phone: '13687654321', address: 'Renmin Road 9' };
const secretsOf = (p: typeof first) => [p.name, p.phone, p.address];

let server: TestServer;
const desks: SyncDesk[] = [];
beforeAll(async () => {
  server = await startTestServer();
  await server.site('一院');
}, 60_000);
afterAll(async () => {
  for (const d of desks) await d.close();
  await server?.close();
}, 60_000);

async function newDesk(join = true) {
  const desk = await openSyncDesk();
  desks.push(desk);
  if (join) await desk.join(server.url, await server.code('一院'));
  return desk;
}

/** A finished case of `person` on `desk`, which erases it at the person's request when `erase`. */
async function caseOf(desk: SyncDesk, person: typeof first) {
  const { id } = await desk.register('rec', { complainant: person });
  await desk.act('admin', id, { type: 'resolveOnSpot', resolution: '当场退还多收的 20 元', satisfaction: 5 });
  return id;
}
const erase = (desk: SyncDesk, person: typeof first, id: string) =>
  desk.by('sup', 'privacy.erase', { phone: person.phone, caseIds: [id], ground: 'consentWithdrawn', note: '本人书面申请', confirm: true });

/** The server's events of the case verify as a desk verifies what it pulls. */
async function verifiesOnServer(caseId: string) {
  const rows = await server.store.db.selectFrom('events').select('body').where('case_id', '=', caseId).orderBy('seq').execute();
  const known = new Set<string>();
  const faults = rows.map((r) => {
    const e = JSON.parse(r.body) as WireEvent;
    const fault = pulledFault(e, known, known.size > 0, sha256);
    known.add(e.hash);
    return fault;
  });
  return { events: rows.length, redacted: rows.filter((r) => r.body.includes('"redacted"')).length, faults: faults.filter(Boolean) };
}

const onServerDisk = (secrets: string[]) =>
  secretsFound(path.join(server.dataDir, 'server.sqlite'), secrets).concat(
    secretsFound(server.dataDir, secrets, (f) => !f.startsWith('server.sqlite')),
  );

describe('a removal travelling from desk to server to desk', () => {
  it('leaves the complainant nowhere: the server, the desk that held it, a desk that joins later', async () => {
    const a = await newDesk();
    const b = await newDesk();
    const id = await caseOf(a, first);
    await a.syncNow();
    await b.syncNow();
    expect((await b.by('admin', 'cases.get', { id })).complainant.name).toBe(first.name);
    // Before the removal the yardstick finds the name, so its finding nothing after means something.
    expect(secretsFound(b.dataDir, secretsOf(first))).not.toEqual([]);

    expect(await erase(a, first, id)).toMatchObject({ cases: 1 });
    await a.syncNow();
    const projected = await server.store.db.selectFrom('case_projection').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(projected).toMatchObject({ complainant_name: '', complainant_phone: null });
    expect(await verifiesOnServer(id)).toMatchObject({ faults: [], redacted: 1 });
    expect(onServerDisk(secretsOf(first))).toEqual([]);

    // B held the plain events: it takes the removal at its next round.
    await b.syncNow();
    expect((await b.by('admin', 'cases.get', { id })).complainant).toEqual({ name: '' });
    expect(await b.by('admin', 'cases.verifyChain', { id })).toMatchObject({ firstBroken: null });
    expect(secretsFound(b.dataDir, secretsOf(first))).toEqual([]);

    // A desk that joins later catches up with the case redacted, and verifies it.
    const c = await newDesk();
    await c.syncNow();
    const onC = await c.by('admin', 'cases.get', { id });
    expect(onC.complainant).toEqual({ name: '' });
    expect(await c.by('admin', 'cases.verifyChain', { id })).toMatchObject({ firstBroken: null });
    expect((await c.by('admin', 'audit.list', { action: 'sync.refused' })).items).toEqual([]);
    expect(secretsFound(c.dataDir, secretsOf(first))).toEqual([]);
    expect(await a.by('admin', 'cases.verifyChain', { id })).toMatchObject({ firstBroken: null });
  }, 120_000);

  it('sends what a desk removed before it joined redacted, never the plain data', async () => {
    const d = await newDesk(false);
    const id = await caseOf(d, second);
    expect(await erase(d, second, id)).toMatchObject({ cases: 1 });
    await d.join(server.url, await server.code('一院'));
    await d.syncNow();
    expect(await d.status()).toMatchObject({ pending: 0, lastError: null });
    expect((await d.by('admin', 'audit.list', { action: 'sync.kept' })).items).toEqual([]);
    // The server holds the whole history (the case, its acts), the removal, and no trace of the person.
    const history = await verifiesOnServer(id);
    expect(history).toMatchObject({ faults: [], redacted: 1 });
    expect(history.events).toBe((await d.by('admin', 'cases.verifyChain', { id })).eventsChecked);
    expect(await server.store.db.selectFrom('removals').select('kinds').where('case_id', '=', id).executeTakeFirst()).toBeDefined();
    expect(onServerDisk(secretsOf(second))).toEqual([]);

    // Another desk of the site pulls it redacted and verifies it.
    const e = await newDesk();
    await e.syncNow();
    expect((await e.by('admin', 'cases.get', { id })).complainant).toEqual({ name: '' });
    expect(await e.by('admin', 'cases.verifyChain', { id })).toMatchObject({ firstBroken: null });
    expect(secretsFound(e.dataDir, secretsOf(second))).toEqual([]);
  }, 120_000);
});
