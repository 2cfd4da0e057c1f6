import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ConsoleServer, startConsoleServer } from './consoleHarness.ts';

let server: ConsoleServer;
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-console-page-'));

beforeAll(async () => {
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'console.html'), '<!doctype html><title>console</title>');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'console-1.js'), 'export {};');
  server = await startConsoleServer({ rendererDir });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

it('serves the console page at / with the page policy, and its assets', async () => {
  const page = await fetch(`${server.url}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<title>console</title>');
  expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  const asset = await fetch(`${server.url}/assets/console-1.js`);
  expect(asset.headers.get('content-type')).toContain('text/javascript');
  expect(asset.headers.get('cache-control')).toContain('immutable');
});

it('sends every other path home, never serves the desk’s page, and keeps out of the folder', async () => {
  for (const p of ['/index.html', '/sites/1', '/console.html']) {
    const answer = await fetch(`${server.url}${p}`, { redirect: 'manual' });
    expect(answer.status, p).toBe(302);
    expect(answer.headers.get('location')).toBe('/');
  }
  expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
  // Dots, encoded or not, never climb out of the assets: at most they are a path sent home.
  for (const p of ['/assets/..%2fconsole.html', '/assets/%2e%2e/index.html', '/assets/../index.html']) {
    const answer = await fetch(`${server.url}${p}`, { redirect: 'manual' });
    expect([302, 404], p).toContain(answer.status);
    expect(await answer.text(), p).not.toContain('<title>desk');
  }
  expect((await fetch(`${server.url}/`, { method: 'DELETE' })).status).toBe(405);
});

it('answers a path of two slashes, which a URL reads as a host name, and goes on answering', async () => {
  const { port } = new URL(server.url);
  const status = await new Promise<number>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '//' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
  expect(status).toBeLessThan(500);
  expect((await fetch(`${server.url}/v1/hello`)).status).toBe(200);
});
