import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { setupTokenHeader } from '../../domain/api/setupToken.ts';
import { consoleAdmin } from './consoleHarness.ts';
import { freePort } from './pgCluster.ts';
import { spawnServer } from './serverProcess.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-server-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** The command line as an operator types it: `npm run server -- <args> --data DIR`. */
async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args, '--data', dataDir], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '' },
    });
    return { code: 0, out: stdout };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

it('adds sites, issues codes and revokes desks from the command line, on the console’s functions', async () => {
  expect(await cli('site', 'add', '--name', '第一医院')).toMatchObject({ code: 0, out: expect.stringContaining('site 第一医院 added') });
  const twice = await cli('site', 'add', '--name', '第一医院');
  expect(twice.code).toBe(1);
  expect(twice.out).toContain('A site named 第一医院 exists already');
  expect((await cli('enrol-code', '--site', '第一医院')).out).toMatch(/enrolment code for 第一医院: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/);
  expect((await cli('enrol-code', '--site', '第九医院')).out).toContain('There is no site 第九医院');
  expect((await cli('revoke', '--desk', 'nobody')).out).toContain('no enrolled desk nobody');
}, 60_000);

it('prints the console’s one-time setup link while the group has no administrator, and not after', async () => {
  const port = await freePort();
  const first = await spawnServer({ port, dataDir });
  try {
    const link = first.log.find((l) => l.includes('first setup'))?.match(/\?setup=(\S+)/)?.[1];
    expect(link).toBeTruthy();
    const answer = await fetch(`${first.url}/api/setup.init`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [setupTokenHeader]: link ?? '' },
      body: JSON.stringify({ groupName: '示例医疗集团', admin: consoleAdmin }),
    });
    expect(answer.status).toBe(200);
  } finally {
    await first.kill();
  }
  const again = await spawnServer({ port, dataDir });
  try {
    expect(again.log.some((l) => l.includes('first setup'))).toBe(false);
  } finally {
    await again.kill();
  }
}, 60_000);
