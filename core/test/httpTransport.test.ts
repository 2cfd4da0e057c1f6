import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from '../http/httpTransport.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

let server: http.Server | undefined;
let desk: Awaited<ReturnType<typeof openTestDesk>> | undefined;
afterEach(async () => {
  server?.close();
  await desk?.close();
});

async function start() {
  desk = await openTestDesk();
  server = await listen(desk.desk, { port: 0, rendererDir: null });
  const { address, port } = server.address() as AddressInfo;
  expect(address).toBe('127.0.0.1');
  const post = async (method: string, body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, { method: 'POST', body, headers });
    return {
      status: res.status,
      body: (await res.json()) as {
        ok: boolean;
        data?: unknown;
        error?: { code: string; message: string; fields?: Record<string, string> };
      },
    };
  };
  return { post };
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
