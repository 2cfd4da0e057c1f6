import fs from 'node:fs';
import { test } from '@playwright/test';
import { findAndAccept, firstRunPath, registerComplaint, runWizard, signIn } from '../flows.ts';

test.beforeAll(() => fs.mkdirSync('e2e/.artifacts/screens', { recursive: true }));

test('wizard, sign-in, register in Chinese, find by two characters, accept', async ({ page }) => {
  await page.goto(firstRunPath);
  await runWizard(page);
  await signIn(page, 'firstAdmin', { shot: '03-login' });
  const number = await registerComplaint(page);
  await findAndAccept(page, number);
});
