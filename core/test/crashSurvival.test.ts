import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { setupTokenHeader } from '../../domain/api/setupToken.ts';
import { sampleComplaint } from './testDesk.ts';

let host: ChildProcess | undefined;
afterEach(() => {
  host?.kill('SIGKILL');
});

/** Starts the browser host as a real process and resolves once it prints its URL. */
function startHost(dataDir: string): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'core/http/webHost.ts', '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DESK_SETUP_TOKEN: setupToken },
  });
  host = child;
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = out.match(/http:\/\/127\.0\.0\.1:\d+\//)?.[0];
      if (url) resolve({ process: child, url });
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${out}`)));
  });
}

/** The setup token the hosts are started with, as whoever starts a host would have it. */
const setupToken = 'crash-survival-setup-token';

async function post(url: string, method: string, body: unknown, token?: string) {
  const res = await fetch(`${url}api/${method}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', [setupTokenHeader]: setupToken, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  return (await res.json()) as { ok: boolean; data: Record<string, unknown> };
}

it('keeps a registered case when the host is killed with SIGKILL right after the call returned', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-crash-'));
  const first = await startHost(dataDir);
  const admin = { username: 'admin', password: 'survive the plug 1', displayName: '值班员' };
  await post(first.url, 'setup.init', { orgName: '物业服务中心', profile: 'property', admin });
  const login = await post(first.url, 'auth.login', { username: admin.username, password: admin.password });
  const registered = await post(first.url, 'cases.register', sampleComplaint, login.data.token as string);
  expect(registered.ok).toBe(true);
  first.process.kill('SIGKILL');
  await new Promise((r) => first.process.once('exit', r));

  const second = await startHost(dataDir);
  const again = await post(second.url, 'auth.login', { username: admin.username, password: admin.password });
  const found = await post(second.url, 'cases.get', { number: registered.data.number }, again.data.token as string);
  expect(found.ok).toBe(true);
  expect(found.data).toMatchObject({ id: registered.data.id, subject: sampleComplaint.subject, queryCode: registered.data.queryCode });
}, 30_000);
