import { createHash, createPrivateKey, sign } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { createSyncClient, makeDeskKeys, type SyncRequestError } from '../../core/sync/syncClient.ts';
import { protocolVersion, type Refusal, signedText, syncHeaders } from '../../domain/sync/protocol.ts';
import { revoke } from '../admin.ts';
import { dialects, noted, refusalOf, registeredData, rowCount, serverPerSuite, wireEvent } from './serverHarness.ts';

describe.each(dialects)('the sync server on %s', (dialect) => {
  const s = serverPerSuite(dialect, ['第一医院', '第二医院']);
  const counts = async () => ({ events: await rowCount(s.store, 'events'), cases: await rowCount(s.store, 'cases') });

  it('enrols desks of a site with their own prefixes, refusing a wrong, used or expired code', async () => {
    const a = await s.desk('第一医院', '投诉办');
    const b = await s.desk('第一医院', '护理部');
    expect([a.prefix, b.prefix]).toEqual(['A', 'B']);
    const client = createSyncClient({ serverUrl: s.url });
    const enrol = (code: string) => client.enrol({ code, publicKey: makeDeskKeys().publicKey, deskName: 'x', deskId: uuidv7() });
    expect(await refusalOf(enrol('WRNG-CODE-0000'))).toEqual({ status: 403, error: 'bad_code' });
    const expired = await s.code('第一医院', -1000);
    expect(await refusalOf(enrol(expired))).toEqual({ status: 403, error: 'expired_code' });
    const once = await s.code('第一医院');
    await enrol(once);
    expect(await refusalOf(enrol(once))).toEqual({ status: 403, error: 'bad_code' });
  });

  it('accepts pushed events once, in the site sequence, and a desk of the site pulls them after its cursor', async () => {
    const a = await s.desk('第一医院');
    const b = await s.desk('第一医院');
    const caseId = uuidv7();
    const reg = wireEvent(caseId, [], registeredData);
    const note = wireEvent(caseId, [reg.hash], noted('电话回访'));
    const first = await a.client.push(a.identity, [reg, note]);
    expect(first).toMatchObject({ accepted: 2, duplicates: 0 });
    // The same batch again changes nothing.
    expect(await a.client.push(a.identity, [reg, note])).toEqual({ accepted: 0, duplicates: 2, seq: first.seq });
    const pulled = await b.client.pull(b.identity, first.seq - 2);
    expect(pulled.events.map((e) => [e.id, e.hash, e.serverSeq])).toEqual([
      [reg.id, reg.hash, first.seq - 1],
      [note.id, note.hash, first.seq],
    ]);
    expect(pulled.cursor).toBe(first.seq);
    expect((await b.client.pull(b.identity, pulled.cursor)).events).toEqual([]);
  });

  it('holds a pull open until something arrives (long-poll)', async () => {
    const a = await s.desk('第一医院');
    const b = await s.desk('第一医院');
    const cursor = (await b.client.pull(b.identity, 0, 0, 2000)).cursor;
    const waiting = b.client.pull(b.identity, cursor, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    const reg = wireEvent(uuidv7(), [], registeredData);
    await a.client.push(a.identity, [reg]);
    expect((await waiting).events.map((e) => e.id)).toEqual([reg.id]);
  });

  it('refuses a tampered event, an event whose parent it does not hold, and writes nothing', async () => {
    const a = await s.desk('第一医院');
    const caseId = uuidv7();
    const reg = wireEvent(caseId, [], registeredData);
    const before = await counts();
    const edited = { ...reg, payload: reg.payload.replace('"s"', '"t"') };
    const tampered = await refusalOf(a.client.push(a.identity, [edited]));
    expect(tampered).toEqual({ status: 422, error: 'tampered' });
    const orphan = wireEvent(caseId, ['f'.repeat(64)], noted('x'));
    expect(await refusalOf(a.client.push(a.identity, [reg, orphan]))).toEqual({ status: 422, error: 'tampered' });
    expect(await counts()).toEqual(before);
    expect(s.log.some((l) => l.includes('tampered') && l.includes(caseId))).toBe(true);
  });

  it('keeps the sites apart: a desk of another site neither pulls nor writes a case of this one', async () => {
    const a = await s.desk('第一医院');
    const other = await s.desk('第二医院');
    const caseId = uuidv7();
    const reg = wireEvent(caseId, [], registeredData);
    await a.client.push(a.identity, [reg]);
    const all = await other.client.pull(other.identity, 0);
    expect(all.events.some((e) => e.caseId === caseId)).toBe(false);
    const before = await counts();
    expect(await refusalOf(other.client.push(other.identity, [wireEvent(caseId, [reg.hash], noted('x'))]))).toEqual({
      status: 403,
      error: 'foreign',
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses unsigned, badly signed, replayed, mistimed, oversized, malformed and other-version requests, and a revoked desk', async () => {
    const a = await s.desk('第一医院');
    const path = '/v1/pull?after=0&wait=0';
    const raw = (headers: Record<string, string>, method = 'GET', body?: string) =>
      fetch(`${s.url}${path}`, {
        method,
        headers: { [syncHeaders.protocol]: String(protocolVersion), ...headers },
        body: body ?? null,
      }).then(async (r) => ({ status: r.status, error: ((await r.json()) as { error: string }).error }));
    expect(await raw({})).toEqual({ status: 401, error: 'unsigned' });
    const time = new Date().toISOString();
    const signedBy = (nonce: string, t = time) => {
      const text = signedText({ method: 'GET', path, bodySha256: createHash('sha256').update('').digest('hex'), time: t, nonce });
      const key = createPrivateKey({ key: Buffer.from(a.identity.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
      return {
        [syncHeaders.desk]: a.identity.deskId,
        [syncHeaders.time]: t,
        [syncHeaders.nonce]: nonce,
        [syncHeaders.signature]: sign(null, Buffer.from(text), key).toString('base64'),
      };
    };
    const good = signedBy('n1');
    expect((await raw(good)).status).toBe(200);
    expect(await raw(good)).toEqual({ status: 409, error: 'replay' });
    expect(await raw({ ...signedBy('n2'), [syncHeaders.nonce]: 'n3' })).toEqual({ status: 401, error: 'bad_signature' });
    expect(await raw(signedBy('n4', new Date(Date.now() - 10 * 60_000).toISOString()))).toEqual({ status: 401, error: 'clock' });
    expect(await raw({ ...signedBy('n5'), [syncHeaders.protocol]: String(protocolVersion + 1) })).toEqual({
      status: 426,
      error: 'version',
    });
    const older = createSyncClient({ serverUrl: s.url, protocol: protocolVersion - 1 });
    expect(await refusalOf(older.pull(a.identity, 0))).toEqual({ status: 426, error: 'version' });
    const big = await fetch(`${s.url}/v1/push`, {
      method: 'POST',
      headers: { [syncHeaders.protocol]: String(protocolVersion), 'content-type': 'application/json' },
      body: 'x'.repeat(9 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
    const malformed = await a.client
      .request('POST', '/v1/push', { events: [{ id: 'nope' }] }, a.identity)
      .catch((e: SyncRequestError) => e.status);
    expect(malformed).toBe(400);
    expect(await revoke(s.store.db, a.identity.deskId, new Date())).toBe(true);
    expect(await refusalOf(a.client.pull(a.identity, 0))).toEqual({ status: 403, error: 'revoked' });
  });
  it('refuses a desk of another protocol version, newer or older, naming both versions, in the language it asks for', async () => {
    const a = await s.desk('第一医院');
    for (const desk of [protocolVersion + 1, protocolVersion - 1]) {
      const answer = await fetch(`${s.url}/v1/pull?after=0`, {
        headers: { [syncHeaders.protocol]: String(desk), 'accept-language': 'en-GB,en;q=0.8' },
      });
      expect(answer.status).toBe(426);
      expect(answer.headers.get(syncHeaders.protocol)).toBe(String(protocolVersion));
      const refusal = (await answer.json()) as Refusal;
      expect(refusal).toMatchObject({ error: 'version', serverProtocol: protocolVersion, deskProtocol: String(desk) });
      expect(refusal.message).toBe(`This server speaks sync protocol ${protocolVersion}, the desk ${desk}: update the older of the two`);
    }
    // A desk that sends no version at all is an older one too.
    const none = await fetch(`${s.url}/v1/push`, { method: 'POST', body: '{}', headers: { 'accept-language': 'zh-TW' } });
    expect(none.status).toBe(426);
    expect(((await none.json()) as Refusal).message).toBe(`本伺服器使用同步協定版本 ${protocolVersion}，受理台使用 —：請升級較舊的一方`);
    // The hello answers any version: a desk learns the server's before it asks anything else.
    expect(await createSyncClient({ serverUrl: s.url, protocol: protocolVersion + 1 }).hello()).toMatchObject({
      protocol: protocolVersion,
    });
    expect(await refusalOf(createSyncClient({ serverUrl: s.url, protocol: protocolVersion + 1 }).push(a.identity, []))).toEqual({
      status: 426,
      error: 'version',
    });
  });

  it('answers its refusals in the language the request asks for: zh-CN, zh-TW or en', async () => {
    const ask = async (language: string | undefined) => {
      const r = await fetch(`${s.url}/v1/pull?after=0`, {
        headers: { [syncHeaders.protocol]: String(protocolVersion), ...(language ? { 'accept-language': language } : {}) },
      });
      return ((await r.json()) as Refusal).message;
    };
    expect(await ask('zh-CN,zh;q=0.9')).toBe('请求未签名');
    expect(await ask('zh-Hant-TW')).toBe('請求未簽章');
    expect(await ask('en-US')).toBe('The request is not signed');
    expect(await ask('fr-FR')).toBe('请求未签名');
    expect(await ask(undefined)).toBe('请求未签名');
  });

  it('refuses a replayed signed push and a desk of another site asking for this site’s case, writing nothing and logging it', async () => {
    const a = await s.desk('第一医院');
    const other = await s.desk('第二医院');
    const caseId = uuidv7();
    const reg = wireEvent(caseId, [], registeredData);
    const body = JSON.stringify({ events: [reg] });
    const time = new Date().toISOString();
    const text = signedText({
      method: 'POST',
      path: '/v1/push',
      bodySha256: createHash('sha256').update(body).digest('hex'),
      time,
      nonce: 'once',
    });
    const key = createPrivateKey({ key: Buffer.from(a.identity.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
    const headers = {
      [syncHeaders.protocol]: String(protocolVersion),
      [syncHeaders.desk]: a.identity.deskId,
      [syncHeaders.time]: time,
      [syncHeaders.nonce]: 'once',
      [syncHeaders.signature]: sign(null, Buffer.from(text), key).toString('base64'),
    };
    const send = () => fetch(`${s.url}/v1/push`, { method: 'POST', headers, body });
    expect((await send()).status).toBe(200);
    const before = await counts();
    const replay = await send();
    expect([replay.status, ((await replay.json()) as Refusal).error]).toEqual([409, 'replay']);
    // Site B's desk pushes onto site A's case, and re-registers it under its own site: both refused.
    const note = wireEvent(caseId, [reg.hash], noted('B'));
    expect(await refusalOf(other.client.push(other.identity, [note]))).toEqual({ status: 403, error: 'foreign' });
    expect(await refusalOf(other.client.push(other.identity, [reg]))).toEqual({ status: 403, error: 'foreign' });
    expect(await counts()).toEqual(before);
    expect((await other.client.pull(other.identity, 0)).events.some((e) => e.caseId === caseId)).toBe(false);
    expect(s.log.some((l) => l.includes('refused POST /v1/push') && l.includes(other.identity.deskId) && l.includes(caseId))).toBe(true);
    expect(s.log.some((l) => l.includes('replay') && l.includes(a.identity.deskId))).toBe(true);
  });
});
