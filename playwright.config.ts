import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * e2e against the browser host on a fresh temp data directory, in Debian's Chromium
 * (Playwright's own browser downloads are unreachable here). The config is evaluated again
 * in each worker; the environment carries the first evaluation's choices to them.
 */
process.env.DESK_E2E_DATA ??= fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
// The host's key, as an administrator gives it: a key file kept apart from the data folder.
process.env.DESK_E2E_KEY_FILE ??= path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-key-')), 'desk.key');
process.env.DESK_E2E_PORT ??= '5181';
// The shared host's setup token, chosen here so the specs can open its first-run link; the host
// reads it from the environment it inherits (flows.ts's firstRunPath).
process.env.DESK_SETUP_TOKEN ??= randomBytes(24).toString('base64url');
const port = Number(process.env.DESK_E2E_PORT);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/.artifacts/results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  // Waits for what a page shows, not speed checks: the machines running this are shared, and a
  // preview of a 10 MB file can take longer than five seconds while other work runs.
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'],
    },
  },
  projects: [
    { name: 'chromium', testDir: 'e2e/browser' },
    { name: 'electron', testDir: 'e2e/electron' },
  ],
  webServer: {
    command: `node --import tsx core/http/webHost.ts --data ${process.env.DESK_E2E_DATA} --port ${port} --key-file ${process.env.DESK_E2E_KEY_FILE}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
