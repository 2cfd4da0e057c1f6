import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { beforeSignIn } from '../../domain/api/deskApi.ts';
import { setupTokenHeader } from '../../domain/api/setupToken.ts';
import { listen } from '../http/httpTransport.ts';
import { createSetupToken } from '../http/requestGuard.ts';
import { rowCounts } from './storeSnapshot.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

let server: http.Server | undefined;
let desk: Awaited<ReturnType<typeof openTestDesk>> | undefined;
afterEach(async () => {
  server?.close();
  await desk?.close();
});

const setupToken = 'printed-by-the-host-0123456789';

interface Answer {
  status: number;
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string; fields?: Record<string, string> } };
}

/**
 * A raw request, so a test can send what a browser or another program would (a foreign Host,
 * an Origin, any content type) rather than what fetch allows.
 */
function request(port: number, pathname: string, body: string, headers: Record<string, string>, method = 'POST'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Answer['body'] }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function start() {
  desk = await openTestDesk();
  server = await listen(desk.desk, { port: 0, rendererDir: null, setupToken: createSetupToken(setupToken) });
  const { address, port } = server.address() as AddressInfo;
  expect(address).toBe('127.0.0.1');
  const json = { 'Content-Type': 'application/json', [setupTokenHeader]: setupToken };
  /** A call as the desk's own page makes it: JSON, and the setup token from the printed link. */
  const post = (method: string, body: string, headers: Record<string, string> = {}) =>
    request(port, `/api/${method}`, body, { ...json, ...headers });
  /** A call with exactly these headers (Host is the host's own unless given). */
  const raw = (pathname: string, body: string, headers: Record<string, string>, method = 'POST') =>
    request(port, pathname, body, { Host: `127.0.0.1:${port}`, ...headers }, method);
  return { post, raw, port, dataDir: desk.dataDir };
}

const init = JSON.stringify({
  orgName: '物业服务中心',
  profile: 'property',
  admin: { username: 'admin', password: 'long enough 1', displayName: '管理员' },
});

describe('HTTP transport', () => {
  it('signs in and registers over POST /api/<method> with a bearer token', async () => {
    const { post } = await start();
    expect((await post('setup.init', init)).status).toBe(200);
    const login = await post('auth.login', JSON.stringify({ username: 'admin', password: 'long enough 1' }));
    const token = (login.body.data as { token: string }).token;
    const registered = await post('cases.register', JSON.stringify(sampleComplaint), { Authorization: `Bearer ${token}` });
    expect(registered.status).toBe(200);
    expect(registered.body).toMatchObject({ ok: true, data: { number: expect.stringMatching(/^\d{4}-0001$/) } });
  });

  it('answers malformed JSON with invalid_input in the caller language', async () => {
    const { post } = await start();
    const answer = await post('setup.init', '{"orgName": ', { 'Accept-Language': 'zh-TW,zh;q=0.9' });
    expect(answer).toEqual({ status: 400, body: { ok: false, error: { code: 'invalid_input', message: '請求內容不是有效的 JSON。' } } });
  });

  it('answers an unknown method with 404 unknown_method', async () => {
    const { post } = await start();
    const answer = await post('cases.obliterate', '{}', { 'Accept-Language': 'en' });
    expect(answer.status).toBe(404);
    expect(answer.body.error).toEqual({ code: 'unknown_method', message: 'The desk has no operation called "cases.obliterate".' });
  });

  it('answers a call without a session with 401', async () => {
    const { post } = await start();
    await post('setup.init', init);
    expect((await post('cases.list', '{}', { Authorization: 'Bearer forged' })).status).toBe(401);
  });
});

describe('the browser host refuses what a web page or another program could send', () => {
  const initialized = async (post: (m: string, b: string) => Promise<Answer>) =>
    ((await post('setup.status', '{}')).body.data as { initialized: boolean }).initialized;

  it('refuses a cross-site text/plain POST (no preflight) before reading it: the desk stays unset', async () => {
    const { raw, post } = await start();
    const answer = await raw('/api/setup.init', init, {
      'Content-Type': 'text/plain',
      [setupTokenHeader]: setupToken,
      'Accept-Language': 'en',
    });
    expect(answer.status).toBe(415);
    expect(answer.body.error?.message).toMatch(/JSON/);
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      expect((await raw('/api/setup.init', init, { 'Content-Type': type, [setupTokenHeader]: setupToken })).status).toBe(415);
    }
    expect(await initialized(post)).toBe(false);
  });

  it('refuses a Host that is not its own address and port (DNS rebinding), on the API and the pages', async () => {
    const { raw, post, port } = await start();
    const headers = { 'Content-Type': 'application/json', [setupTokenHeader]: setupToken };
    for (const host of [`attacker.example:${port}`, 'attacker.example', `127.0.0.1:${port + 1}`, `127.0.0.1.nip.io:${port}`]) {
      const answer = await raw('/api/setup.init', init, { ...headers, Host: host });
      expect(answer.status, host).toBe(421);
      expect(answer.body.error?.code).toBe('forbidden');
      expect((await raw('/', '', { Host: host }, 'GET')).status, host).toBe(421);
    }
    expect(await initialized(post)).toBe(false);
    expect((await raw('/api/setup.status', '{}', { ...headers, Host: `localhost:${port}` })).status).toBe(200);
  });

  it('refuses a call a browser marks as coming from another origin', async () => {
    const { raw, post, port } = await start();
    const headers = { 'Content-Type': 'application/json', [setupTokenHeader]: setupToken };
    for (const origin of ['http://attacker.example', 'null', `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`]) {
      expect((await raw('/api/setup.init', init, { ...headers, Origin: origin })).status, origin).toBe(403);
    }
    expect((await raw('/api/setup.init', init, { ...headers, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await raw('/api/setup.init', init, { ...headers, 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect(await initialized(post)).toBe(false);
    const own = await raw('/api/setup.status', '{}', { ...headers, Origin: `http://127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-origin' });
    expect(own.status).toBe(200);
  });

  it('lets no one without the printed setup token set up, import into, restore or search folders for backups', async () => {
    const { dataDir, port } = await start();
    const owned = Object.entries(beforeSignIn).filter(([, rule]) => rule !== 'anyone');
    expect(owned.map(([m]) => m).sort()).toEqual(['data.import', 'recovery.list', 'recovery.restore', 'setup.init']);
    const before = rowCounts(dataDir);
    for (const [method] of owned) {
      for (const token of [undefined, '', 'guessed', `${setupToken}x`, setupToken.slice(0, -1)]) {
        const headers: Record<string, string> = { [setupTokenHeader]: token ?? '', 'Accept-Language': 'en' };
        if (token === undefined) delete headers[setupTokenHeader];
        const answer = await request(port, `/api/${method}`, method === 'setup.init' ? init : '{}', {
          'Content-Type': 'application/json',
          ...headers,
        });
        expect(answer.status, `${method} ${token}`).toBe(403);
        expect(answer.body.error?.message).toMatch(/person who started the desk/);
      }
    }
    expect(rowCounts(dataDir)).toEqual(before);
  });

  it('spends the setup token on the first takeover that succeeds', async () => {
    const { post } = await start();
    expect((await post('setup.init', init)).status).toBe(200);
    const again = await post('data.import', JSON.stringify({ path: '/nonexistent/export.json' }));
    expect(again.status).toBe(403);
  });

  it('answers a malformed percent-encoding with 400, never 500', async () => {
    const { raw } = await start();
    const api = await raw('/api/setup.%E0%A4%A', '{}', { 'Content-Type': 'application/json', 'Accept-Language': 'en' });
    expect(api.status).toBe(400);
    expect(api.body.error).toEqual({ code: 'invalid_input', message: 'The address is not valid.' });
    expect((await raw('/%E0%A4%A', '', {}, 'GET')).status).toBe(400);
    expect((await raw('/assets/%', '', {}, 'GET')).status).toBe(400);
  });

  it('answers a path of two slashes, which a URL reads as a host name, and goes on answering', async () => {
    const { raw, post } = await start();
    expect((await raw('//', '{}', { 'Content-Type': 'application/json' })).status).toBeLessThan(500);
    expect((await post('setup.status', '{}')).status).toBe(200);
  });

  it('says in the caller language that operations are POSTed', async () => {
    const { raw } = await start();
    const answer = await raw('/api/setup.status', '', { 'Accept-Language': 'zh-CN' }, 'GET');
    expect(answer.status).toBe(405);
    expect(answer.body.error?.message).toBe('操作须以 POST 发送。');
  });
});
