import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import Sqlite from 'better-sqlite3';
import { storeFileName } from '../../db/connection.ts';
import { benchAdmin, benchDataDir, openBenchDesk } from '../benchDesk.ts';
import { bulkLoad } from '../data/bulkLoad.ts';
import { summarise } from '../measure/stats.ts';
import type { ResultRow } from '../report.ts';
import { historyEnd } from '../tier.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function startHost(root: string, dataDir: string): Promise<{ url: string; host: ChildProcess }> {
  const host = spawn(process.execPath, ['--import', 'tsx', 'core/http/webHost.ts', '--data', dataDir, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    host.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (found) resolve(found[0]);
    });
    host.once('exit', (code) => reject(new Error(`browser host exited (${code}): ${out}`)));
  });
  return { url, host };
}

/**
 * Time to first render of the case list in Chromium, against the browser host, on a store
 * holding about `openCases` open cases. Cold: a reload of #/cases until its
 * last row is in the DOM (timed from navigation start by the page's own clock). Warm: a click on
 * the navigation link until the last row is in the DOM and a frame has passed.
 */
export async function measureFirstRender(options: {
  root: string;
  seed: number;
  openCases: number;
  runs: number;
  log: (s: string) => void;
}) {
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  if (!fs.existsSync(path.join(options.root, 'out/renderer/index.html'))) {
    options.log('renderer: building (electron-vite build)');
    execFileSync('npx', ['electron-vite', 'build'], { cwd: options.root, stdio: 'ignore' });
  }
  const dataDir = benchDataDir('render');
  let host: ChildProcess | undefined;
  try {
    const desk = await openBenchDesk(dataDir);
    await desk.close();
    // Five days of intake: nearly every case is still open, at every stage before the reply.
    await bulkLoad({ dataDir, count: Math.ceil(options.openCases * 1.1), seed: options.seed, until: historyEnd, years: 5 / 365 });
    const sqlite = new Sqlite(path.join(dataDir, storeFileName), { readonly: true });
    const open = (
      sqlite
        .prepare(
          "SELECT count(*) AS n FROM cases WHERE status IN ('registered', 'accepted', 'investigating', 'awaiting_approval', 'responded')",
        )
        .get() as { n: number }
    ).n;
    sqlite.close();

    const started = await startHost(options.root, dataDir);
    host = started.host;
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      await page.goto(started.url);
      await page.getByLabel('登录名').fill(benchAdmin.username);
      await page.getByLabel(/^密码/).fill(benchAdmin.password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByText(`当前用户：${benchAdmin.displayName}`).waitFor();
      await page.goto(`${started.url}#/cases`);
      await page.locator('tbody tr').first().waitFor();
      const expected = await page.locator('tbody tr').count();

      const cold: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        await page.goto(`${started.url}#/cases`, { waitUntil: 'commit' });
        await page.reload({ waitUntil: 'commit' });
        const at = await page.waitForFunction(
          (n) => (document.querySelectorAll('tbody tr').length >= n ? performance.now() : false),
          expected,
        );
        cold.push((await at.jsonValue()) as number);
      }
      const warm: number[] = [];
      for (let i = 0; i < options.runs; i++) {
        await page.locator('a[href="#/register"]').click();
        await page.locator('tbody tr').first().waitFor({ state: 'detached' });
        // A string, not a function: tsx's transform would wrap a named function in a helper the page lacks.
        warm.push(
          await page.evaluate<number>(`new Promise((resolve) => {
            const t0 = performance.now();
            document.querySelector('a[href="#/cases"]').click();
            const check = () => {
              if (document.querySelectorAll('tbody tr').length >= ${expected}) requestAnimationFrame(() => resolve(performance.now() - t0));
              else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          })`),
        );
      }
      await page.screenshot({ path: path.join(options.root, 'e2e/.artifacts/screens/bench-case-list.png') });
      const target = { max: 500, of: 'median', text: 'median ≤ 500 ms' } as const;
      rows.push({
        tier: `${open} open`,
        metric: 'renderer: case list first render after a reload (Chromium, browser host)',
        value: summarise(cold),
        target,
        note: `navigation start → ${expected} rows (the first page) in the DOM; includes loading the bundle, session check and cases.list`,
      });
      rows.push({
        tier: `${open} open`,
        metric: 'renderer: case list first render from the navigation link',
        value: summarise(warm),
        target,
        note: `click → ${expected} rows in the DOM and the next frame`,
      });
      notes.push(
        `renderer: the case list pages ${expected} rows at a time, so its first render does not grow with the open cases; issue 4's board is not on main yet`,
      );
    } finally {
      await browser.close();
    }
  } finally {
    host?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { rows, notes };
}
