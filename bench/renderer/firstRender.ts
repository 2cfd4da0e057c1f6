import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import Sqlite from 'better-sqlite3';
import { storeFileName } from '../../db/connection.ts';
import { benchAdmin, benchDataDir, openBenchDesk, removeBenchDataDir } from '../benchDesk.ts';
import { bulkLoad } from '../data/bulkLoad.ts';
import { summarise } from '../measure/stats.ts';
import type { ResultRow } from '../report.ts';
import { historyEnd } from '../tier/shared.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What is timed: until this many matches of `selector` are in the DOM (as many as the first load showed). */
const views = [
  {
    name: 'board',
    label: 'board (看板), every open column',
    route: '/board',
    selector: '[data-testid="board-card"]',
    unit: 'cards',
    link: true,
  },
  {
    name: 'board-list',
    label: "board's list view (virtualised)",
    route: '/board?view=list',
    selector: '[data-testid="list-row"]',
    unit: 'rows',
    link: false,
  },
  { name: 'case-list', label: 'case list (投诉件), first page', route: '/cases', selector: 'tbody tr', unit: 'rows', link: true },
];

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
      const target = { max: 300, of: 'median', text: 'median ≤ 300 ms' } as const;
      for (const view of views) {
        await page.goto(`${started.url}#${view.route}`);
        await page.locator(view.selector).first().waitFor();
        const expected = await page.locator(view.selector).count();
        const cold: number[] = [];
        for (let i = 0; i < options.runs; i++) {
          await page.goto(`${started.url}#${view.route}`, { waitUntil: 'commit' });
          await page.reload({ waitUntil: 'commit' });
          const at = await page.waitForFunction(
            ([selector, n]) => (document.querySelectorAll(selector as string).length >= (n as number) ? performance.now() : false),
            [view.selector, expected] as const,
          );
          cold.push((await at.jsonValue()) as number);
        }
        await page.screenshot({ path: path.join(options.root, `e2e/.artifacts/screens/bench-${view.name}.png`) });
        rows.push({
          tier: `${open} open`,
          metric: `renderer: ${view.label}, first render after a reload (Chromium, browser host)`,
          value: summarise(cold),
          target,
          note: `navigation start → ${expected} ${view.unit} in the DOM; includes loading the bundle, the session check and the data`,
        });
        if (!view.link) continue;
        const warm: number[] = [];
        for (let i = 0; i < options.runs; i++) {
          await page.locator('a[href="#/register"]').click();
          await page.locator(view.selector).first().waitFor({ state: 'detached' });
          // A string, not a function: tsx's transform would wrap a named function in a helper the page lacks.
          warm.push(
            await page.evaluate<number>(`new Promise((resolve) => {
              const t0 = performance.now();
              document.querySelector('a[href="#${view.route}"]').click();
              const check = () => {
                if (document.querySelectorAll('${view.selector}').length >= ${expected}) requestAnimationFrame(() => resolve(performance.now() - t0));
                else requestAnimationFrame(check);
              };
              requestAnimationFrame(check);
            })`),
          );
        }
        rows.push({
          tier: `${open} open`,
          metric: `renderer: ${view.label}, first render from the navigation link`,
          value: summarise(warm),
          target,
          note: `click → ${expected} ${view.unit} in the DOM and the next frame`,
        });
      }
      notes.push(
        "renderer: the board shows each open column's first 30 cards with a count, the list pages 50 rows and the board's list view is virtualised, so none of the first renders grows with the open cases",
      );
    } finally {
      await browser.close();
    }
  } finally {
    if (host && host.exitCode === null) {
      // The host backs up on quit; let it finish before its folder goes.
      const exited = new Promise((resolve) => host?.once('exit', resolve));
      host.kill();
      await exited;
    }
    removeBenchDataDir(dataDir);
  }
  return { rows, notes };
}
