import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import type { CheckOutcome, RunningCheck } from '../../db/backgroundCheck.ts';
import { lockFileName, takeStoreLock } from '../../db/storeLock.ts';
import { admin } from './staff.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const desk of open.splice(0)) await desk.close();
});

/** A process that takes the folder's lock and is killed with SIGKILL while holding it. */
function crashWhileHolding(dataDir: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'lockHolderChild.ts'), dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) child.kill('SIGKILL');
    });
    child.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error('the lock holder ended by itself'))));
  });
}

/** Overwrites one leaf page of the case events, a page nothing reads while the desk starts. */
function damageOneEventPage(dataDir: string) {
  const file = path.join(dataDir, 'desk.sqlite');
  const db = new Sqlite(file, { readonly: true });
  const page = db
    .prepare("SELECT pageno FROM dbstat WHERE name = 'case_events' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1")
    .pluck()
    .get() as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
  fs.closeSync(fd);
}

async function storeWithCases() {
  const desk = await openTestDesk();
  await desk.setupAndLogin();
  const ids: string[] = [];
  for (let i = 0; i < 40; i++) ids.push((await desk.call('cases.register', { ...sampleComplaint, subject: `启动检查 ${i}` })).id);
  await desk.close();
  return { dataDir: desk.dataDir, ids };
}

it('tells a clean end from a crash and from a folder never locked before', async () => {
  const { dataDir } = await storeWithCases();
  fs.rmSync(path.join(dataDir, lockFileName));
  const first = takeStoreLock(dataDir);
  expect(first.previousRun).toBe('unknown');
  first.release({ trustworthy: true });
  const second = takeStoreLock(dataDir);
  expect(second.previousRun).toBe('clean');
  second.release({ trustworthy: true });
  await crashWhileHolding(dataDir);
  const third = takeStoreLock(dataDir);
  expect(third.previousRun).toBe('unclean');
  third.release({ trustworthy: false, damaged: true });
  const fourth = takeStoreLock(dataDir);
  expect(fourth.previousRun).toBe('damaged');
  fourth.release({ trustworthy: false });
  const fifth = takeStoreLock(dataDir);
  expect(fifth.previousRun).toBe('unclean');
  fifth.release({ trustworthy: true });
}, 120_000);

it('checks every page at start-up only after a crash or for a store of unknown history', async () => {
  const { dataDir } = await storeWithCases();
  damageOneEventPage(dataDir);

  // The last desk closed properly: the start is quick and the damage shows only when that page is read.
  const trusted = await openTestDesk({ dataDir });
  open.push(trusted);
  expect(trusted.desk.state).toBe('ok');
  await open.pop()?.close();

  // After a crash the desk opens at once and the check in the background finds the damage.
  await crashWhileHolding(dataDir);
  const afterCrash = await openTestDesk({ dataDir });
  open.push(afterCrash);
  await afterCrash.desk.storeChecked();
  expect(afterCrash.desk.state).toBe('damaged');
  expect(await afterCrash.call('desk.health', {})).toMatchObject({ state: 'damaged' });
  await open.pop()?.close();

  // A damaged store stays suspect: the check runs again, before the desk opens, until a start finds it whole.
  const again = await openTestDesk({ dataDir });
  open.push(again);
  expect(again.desk.state).toBe('damaged');
  await open.pop()?.close();

  fs.rmSync(path.join(dataDir, lockFileName));
  const copiedIn = await openTestDesk({ dataDir });
  open.push(copiedIn);
  expect(copiedIn.desk.state).toBe('damaged');
}, 120_000);

it('checks again at the next start when a damaged page was met while running', async () => {
  const { dataDir, ids } = await storeWithCases();
  damageOneEventPage(dataDir);
  const trusted = await openTestDesk({ dataDir });
  open.push(trusted);
  expect(trusted.desk.state).toBe('ok');
  const login = await trusted.call('auth.login', { username: admin.username, password: admin.password });
  const answers = [];
  for (const id of ids) answers.push(await trusted.raw('cases.get', { id }, { token: login.token }));
  expect(answers.some((a) => !a.ok && a.error.code === 'store_error')).toBe(true);
  await open.pop()?.close();

  const next = await openTestDesk({ dataDir });
  open.push(next);
  expect(next.desk.state).toBe('damaged');
}, 120_000);

/** A check in the background that ends when the test says. */
function heldCheck() {
  let finish: (outcome: CheckOutcome) => void = () => {};
  let started = 0;
  const check = (): RunningCheck => {
    started += 1;
    const done = new Promise<CheckOutcome>((resolve) => {
      finish = resolve;
    });
    return { done, stop: async () => finish({ state: 'stopped' }) };
  };
  return { check, finish: (outcome: CheckOutcome) => finish(outcome), started: () => started };
}

it('opens at once after a crash, answers while the store is checked in the background, and says so', async () => {
  const { dataDir, ids } = await storeWithCases();
  await crashWhileHolding(dataDir);
  const held = heldCheck();
  const desk = await openTestDesk({ dataDir, checkInBackground: held.check });
  open.push(desk);
  expect(held.started()).toBe(1);
  expect(desk.desk.state).toBe('ok');
  expect(await desk.call('desk.health', {})).toEqual({ state: 'ok', initialized: true, checking: true });
  await desk.login();
  expect((await desk.call('cases.get', { id: ids[0] as string })).id).toBe(ids[0]);
  await desk.call('cases.register', { ...sampleComplaint, subject: '检查期间登记' });

  held.finish({ state: 'ok' });
  await desk.desk.storeChecked();
  expect(await desk.call('desk.health', {})).toEqual({ state: 'ok', initialized: true, checking: false });
  await open.pop()?.close();
  // Checked whole: the run ended clean, the next start checks nothing.
  const lock = takeStoreLock(dataDir);
  expect(lock.previousRun).toBe('clean');
  lock.release({ trustworthy: true });
}, 120_000);

it('checks again at the next start when the desk closed before its check was over', async () => {
  const { dataDir } = await storeWithCases();
  await crashWhileHolding(dataDir);
  const held = heldCheck();
  const desk = await openTestDesk({ dataDir, checkInBackground: held.check });
  await desk.close();
  const lock = takeStoreLock(dataDir);
  expect(lock.previousRun).toBe('unclean');
  lock.release({ trustworthy: false });

  const again = heldCheck();
  const next = await openTestDesk({ dataDir, checkInBackground: again.check });
  open.push(next);
  expect(again.started()).toBe(1);
}, 120_000);

it('turns to the recovery screen when the check in the background finds damage', async () => {
  const { dataDir } = await storeWithCases();
  await crashWhileHolding(dataDir);
  const held = heldCheck();
  const desk = await openTestDesk({ dataDir, checkInBackground: held.check });
  open.push(desk);
  expect(desk.desk.state).toBe('ok');
  held.finish({ state: 'damaged', findings: ['*** in database main ***\nTree 7 page 12: btreeInitPage() returns error code 11'] });
  await desk.desk.storeChecked();
  expect(desk.desk.state).toBe('damaged');
  expect(await desk.call('desk.health', {})).toMatchObject({ state: 'damaged' });
  await open.pop()?.close();
  const lock = takeStoreLock(dataDir);
  expect(lock.previousRun).toBe('damaged');
  lock.release({ trustworthy: false, damaged: true });
}, 120_000);
