import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, test } from '@playwright/test';
import { findAndAccept, registerComplaint, runWizard, signIn } from '../flows.ts';

/** The Electron binary's path, or why there is none (its download is unreachable on some machines). */
function electronBinary(): { path: string } | { missing: string } {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    if (typeof binary === 'string' && fs.existsSync(binary)) return { path: binary };
    return { missing: 'the electron package is installed without its binary' };
  } catch (e) {
    return { missing: `no Electron binary is installed (${(e as Error).message.split('\n')[0]})` };
  }
}

const binary = electronBinary();

test('the same flow in the Electron shell', async () => {
  if ('missing' in binary) {
    // Reported as skipped, never as passed; the reason is printed so a reader of the log sees it.
    console.warn(`Electron e2e NOT RUN: ${binary.missing}`);
    test.skip(true, `Electron e2e not run: ${binary.missing}`);
    return;
  }
  fs.mkdirSync('e2e/.artifacts/screens', { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-electron-e2e-'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: ['out/main/main.js'],
    env: { ...process.env, COMPLAINT_DESK_DATA: dataDir, LANG: 'zh_CN.UTF-8' },
  });
  try {
    const page = await app.firstWindow();
    await runWizard(page);
    await signIn(page, 'firstAdmin', { shot: '03-login' });
    const number = await registerComplaint(page);
    await findAndAccept(page, number);
  } finally {
    await app.close();
  }
});
