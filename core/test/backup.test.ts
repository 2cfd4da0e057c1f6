import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { integrityCheck, rowCountsOf } from '../../db/queries/integrity.ts';
import { StoreLockedError } from '../../db/storeLock.ts';
import type { BackupManifest } from '../backup/backupManifest.ts';
import { createDesk } from '../desk.ts';
import { verifyChains } from '../integrity/verifyChains.ts';
import { admin } from './staff.ts';
import { rowCounts } from './storeSnapshot.ts';
import { openTestDesk, sampleComplaint, withHelpers } from './testDesk.ts';

const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close().catch(() => undefined);
});

async function deskWithCases(n: number, options: Parameters<typeof openTestDesk>[0] = {}) {
  const desk = await openTestDesk(options);
  open.push(desk);
  await desk.setupAndLogin();
  const folder = tempDir('desk-backups-');
  await desk.call('backup.configure', { folder, dailyTime: '17:30', keep: 3, onQuit: true });
  const numbers: string[] = [];
  for (let i = 0; i < n; i++)
    numbers.push((await desk.call('cases.register', { ...sampleComplaint, subject: `第${i + 1}件 电梯故障` })).number);
  return { desk, folder, numbers };
}

const manifestOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;

describe('backup now', () => {
  it('writes a generation that opens, passes integrity_check and holds the same rows, and shows it as the last backup', async () => {
    const { desk, folder } = await deskWithCases(3);
    fs.mkdirSync(path.join(desk.dataDir, 'attachments', '2611'), { recursive: true });
    fs.writeFileSync(path.join(desk.dataDir, 'attachments', '2611', '现场照片.jpg'), Buffer.from('not really a jpeg'));
    const run = await desk.call('backup.run', {});
    expect(run).toMatchObject({ ok: true, trigger: 'manual', cases: 3, error: null });
    expect(run.path && path.dirname(run.path)).toBe(folder);
    const dir = run.path as string;
    const copy = new Sqlite(path.join(dir, 'desk.sqlite'), { readonly: true });
    expect(integrityCheck(copy)).toEqual(['ok']);
    const counts = rowCountsOf(copy);
    expect(verifyChains(copy).problems).toEqual([]);
    copy.close();
    expect(counts.cases).toBe(3);
    expect(manifestOf(dir).counts).toEqual(counts);
    // The copy is one self-contained file, not a WAL store needing its -wal beside it.
    expect(fs.existsSync(path.join(dir, 'desk.sqlite-wal'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'files', 'attachments', '2611', '现场照片.jpg'), 'utf8')).toBe('not really a jpeg');
    expect(manifestOf(dir).files).toEqual([expect.objectContaining({ path: 'attachments/2611/现场照片.jpg', bytes: 17 })]);

    const status = await desk.call('backup.status', {});
    expect(status).toMatchObject({ overdue: false, running: false, last: { ok: true, path: dir }, lastGood: { ok: true, path: dir } });
    expect(status.config).toMatchObject({ folder, keep: 3, isDefaultFolder: false });
    const listed = await desk.call('backup.list', {});
    expect(listed.items).toEqual([expect.objectContaining({ path: dir, valid: true, files: 1, problem: null })]);
  });

  it('backs up a consistent snapshot while cases keep being registered, skipping attachments still being written', async () => {
    const { desk } = await deskWithCases(5);
    fs.mkdirSync(path.join(desk.dataDir, 'attachments', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(desk.dataDir, 'attachments', 'ab', 'abcdef'), 'photo');
    fs.writeFileSync(path.join(desk.dataDir, 'attachments', 'ab', 'abc.123.tmp'), 'half a pho');
    const registering = Promise.all(
      Array.from({ length: 20 }, (_, i) => desk.call('cases.register', { ...sampleComplaint, subject: `并发 ${i}` })),
    );
    const [run] = await Promise.all([desk.call('backup.run', {}), registering]);
    const copy = new Sqlite(path.join(run.path as string, 'desk.sqlite'), { readonly: true });
    const counts = rowCountsOf(copy);
    expect(verifyChains(copy).problems).toEqual([]);
    copy.close();
    expect(counts.cases).toBeGreaterThanOrEqual(5);
    expect(counts.cases).toBeLessThanOrEqual(25);
    // Every registration writes exactly one event: a torn snapshot would break this equality.
    expect(counts.case_events).toBe(counts.cases);
    expect(manifestOf(run.path as string).files.map((f) => f.path)).toEqual(['attachments/ab/abcdef']);
  });

  it('keeps only the set number of generations', async () => {
    let clock = Date.parse('2026-11-20T02:00:00Z');
    const { desk, folder } = await deskWithCases(1, { now: () => new Date(clock) });
    for (let i = 0; i < 5; i++) {
      clock += 60_000;
      expect((await desk.call('backup.run', {})).ok).toBe(true);
    }
    const generations = fs.readdirSync(folder).filter((n) => n.startsWith('desk-backup-'));
    expect(generations).toHaveLength(3);
    expect(generations.sort().at(-1)).toContain('20261120T020500Z');
  });

  it('says the USB drive is missing, records the failure and keeps the last good backup', async () => {
    const { desk, folder } = await deskWithCases(1);
    const good = await desk.call('backup.run', {});
    fs.rmSync(folder, { recursive: true });
    const answer = await desk.raw('backup.run', {}, { locale: 'zh-CN' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'store_error' } });
    expect(!answer.ok && answer.error.message).toContain('U 盘是否已插好');
    const status = await desk.call('backup.status', {}, { locale: 'en' });
    expect(status.last).toMatchObject({ ok: false, error: expect.stringContaining('USB drive') });
    expect(status.lastGood?.path).toBe(good.path);
  });

  it('refuses a backup folder that does not exist, next to the field, and writes nothing', async () => {
    const { desk } = await deskWithCases(0);
    const before = rowCounts(desk.dataDir);
    const answer = await desk.raw(
      'backup.configure',
      { folder: '/no/such/usb', dailyTime: '25:00', keep: 0, onQuit: true },
      { locale: 'en' },
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { dailyTime: expect.any(String), keep: expect.any(String) } },
    });
    const missing = await desk.raw(
      'backup.configure',
      { folder: '/no/such/usb', dailyTime: '18:00', keep: 5, onQuit: true },
      { locale: 'en' },
    );
    expect(missing).toMatchObject({ ok: false, error: { fields: { folder: 'This folder does not exist or cannot be reached' } } });
    expect(rowCounts(desk.dataDir)).toEqual(before);
  });

  it('backs up on schedule: once after the daily time, again the next day, and catches up after the PC was off', async () => {
    let clock = Date.parse('2026-11-20T01:00:00Z'); // 09:00 in Beijing
    const { desk, folder } = await deskWithCases(1, { now: () => new Date(clock) });
    const count = () => fs.readdirSync(folder).filter((n) => n.startsWith('desk-backup-')).length;
    const scheduled = () => desk.desk.tickBackups();
    // The desk has never been backed up: the first tick catches up.
    await scheduled();
    expect(count()).toBe(1);
    await scheduled();
    expect(count()).toBe(1);
    clock = Date.parse('2026-11-20T09:31:00Z'); // 17:31
    await scheduled();
    expect(count()).toBe(2);
    clock = Date.parse('2026-11-23T01:00:00Z'); // Monday morning after a weekend switched off
    await scheduled();
    expect(count()).toBe(3);
    // Three days on, the morning's session has long expired.
    const login = await desk.call('auth.login', { username: admin.username, password: admin.password });
    expect((await desk.call('backup.status', {}, { token: login.token })).last?.trigger).toBe('scheduled');
  });
});

describe('who and when', () => {
  it('backs up on quit when the administrator left it on, and not when turned off', async () => {
    const { desk, folder } = await deskWithCases(1);
    const generations = () => fs.readdirSync(folder).filter((n) => n.startsWith('desk-backup-')).length;
    await desk.desk.backupOnQuit();
    expect(generations()).toBe(1);
    expect((await desk.call('backup.status', {})).last?.trigger).toBe('quit');
    await desk.call('backup.configure', { folder, dailyTime: '17:30', keep: 3, onQuit: false });
    await desk.desk.backupOnQuit();
    expect(generations()).toBe(1);
  });

  it('refuses backups, restores and exports to anyone but an administrator', async () => {
    const { desk } = await deskWithCases(1);
    const login = await desk.person('clerk', ['receptionist'], [], '前台小刘');
    // Refusals may be audited; nothing else may change.
    const withoutAudit = () => {
      const { audit_log: _, ...rest } = rowCounts(desk.dataDir);
      return rest;
    };
    const before = withoutAudit();
    for (const [method, input] of [
      ['backup.run', {}],
      ['backup.configure', { folder: os.tmpdir(), dailyTime: '17:30', keep: 3, onQuit: true }],
      ['backup.restore', { path: os.tmpdir(), confirm: true }],
      ['data.export', { format: 'json' }],
    ] as const) {
      expect(await desk.raw(method, input, { token: login.token }), method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(withoutAudit()).toEqual(before);
  });
});

describe('one desk per data directory', () => {
  it('refuses a second desk on the same folder with a clear error, and allows it once the first is closed', async () => {
    const first = await openTestDesk();
    await expect(createDesk({ dataDir: first.dataDir, backupScheduler: false })).rejects.toBeInstanceOf(StoreLockedError);
    await expect(createDesk({ dataDir: first.dataDir, backupScheduler: false })).rejects.toThrow(/already open/);
    await first.close();
    const second = await createDesk({ dataDir: first.dataDir, backupScheduler: false });
    await second.close();
  });
});

describe('restore', () => {
  it('sets the current store aside and brings back exactly what the backup held, attachments included', async () => {
    const { desk, numbers } = await deskWithCases(2);
    fs.mkdirSync(path.join(desk.dataDir, 'attachments'), { recursive: true });
    fs.writeFileSync(path.join(desk.dataDir, 'attachments', 'a.txt'), 'before');
    const backup = await desk.call('backup.run', {});
    const later = await desk.call('cases.register', { ...sampleComplaint, subject: '备份之后登记的' });
    fs.writeFileSync(path.join(desk.dataDir, 'attachments', 'b.txt'), 'after');

    const result = await desk.call('backup.restore', { path: backup.path as string, confirm: true });
    expect(result.cases).toBe(2);
    expect(result.setAsidePath).toContain(path.join(desk.dataDir, 'set-aside'));
    // Everyone signs in again on the restored store.
    expect(await desk.raw('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const login = await desk.call('auth.login', { username: admin.username, password: admin.password });
    const list = await desk.call('cases.list', {}, { token: login.token });
    expect(list.items.map((c) => c.number).sort()).toEqual([...numbers].sort());
    expect(await desk.raw('cases.get', { number: later.number }, { token: login.token })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(fs.readFileSync(path.join(desk.dataDir, 'attachments', 'a.txt'), 'utf8')).toBe('before');
    expect(fs.existsSync(path.join(desk.dataDir, 'attachments', 'b.txt'))).toBe(false);

    // The replaced store was moved, not deleted: it still holds the later case.
    const setAside = new Sqlite(path.join(result.setAsidePath as string, 'desk.sqlite'), { readonly: true });
    expect(setAside.prepare('SELECT count(*) FROM cases WHERE number = ?').pluck().get(later.number)).toBe(1);
    setAside.close();
    expect(fs.readFileSync(path.join(result.setAsidePath as string, 'attachments', 'b.txt'), 'utf8')).toBe('after');
  });

  it('puts the previous store back when the restored one cannot be opened', async () => {
    const { desk, numbers } = await deskWithCases(2);
    const good = (await desk.call('backup.run', {})).path as string;
    // A store that claims an old schema but already has the new columns: its upgrade fails.
    const scratch = tempDir('desk-bad-restore-');
    const lying = path.join(scratch, 'old.sqlite');
    fs.copyFileSync(path.join(good, 'desk.sqlite'), lying);
    const ld = new Sqlite(lying);
    ld.pragma('user_version = 1');
    ld.close();
    const answer = await desk.raw('backup.restore', { path: lying, confirm: true }, { locale: 'en' });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'store_error', message: expect.stringContaining('previous data was put back') },
    });
    expect(desk.desk.state).toBe('ok');
    expect(fs.readdirSync(path.join(desk.dataDir, 'set-aside'))).toEqual([]);
    const login = await desk.call('auth.login', { username: admin.username, password: admin.password });
    const list = await desk.call('cases.list', {}, { token: login.token });
    expect(list.items.map((c) => c.number).sort()).toEqual([...numbers].sort());
  });

  it('says the chosen backup folder is missing when listing it', async () => {
    const { desk, folder } = await deskWithCases(0);
    fs.rmSync(folder, { recursive: true });
    expect(await desk.raw('backup.list', {}, { locale: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { folder: expect.stringContaining('USB drive') } },
    });
  });

  it('refuses what is not a valid backup, with a clear message, and changes nothing', async () => {
    const { desk } = await deskWithCases(1);
    const good = (await desk.call('backup.run', {})).path as string;
    const scratch = tempDir('desk-not-backups-');
    const cases: [string, RegExp][] = [];

    const text = path.join(scratch, 'notes.txt');
    fs.writeFileSync(text, '这不是备份');
    cases.push([text, /is not a Complaint Desk backup/]);

    const other = path.join(scratch, 'other.sqlite');
    new Sqlite(other).exec('CREATE TABLE t (x); PRAGMA user_version = 1').close();
    cases.push([other, /not a Complaint Desk store/]);

    const newer = path.join(scratch, 'newer');
    fs.cpSync(good, newer, { recursive: true });
    fs.rmSync(path.join(newer, 'manifest.json'));
    const nd = new Sqlite(path.join(newer, 'desk.sqlite'));
    nd.pragma('user_version = 99');
    nd.close();
    cases.push([path.join(newer, 'desk.sqlite'), /newer version of Complaint Desk \(data version 99/]);

    const damaged = path.join(scratch, 'damaged');
    fs.cpSync(good, damaged, { recursive: true });
    fs.rmSync(path.join(damaged, 'manifest.json'));
    corrupt(path.join(damaged, 'desk.sqlite'));
    cases.push([path.join(damaged, 'desk.sqlite'), /damaged/]);

    const changed = path.join(scratch, 'changed');
    fs.cpSync(good, changed, { recursive: true });
    const cd = new Sqlite(path.join(changed, 'desk.sqlite'));
    cd.exec("UPDATE settings SET value = '\"改过\"' WHERE key = 'org.name'");
    cd.close();
    cases.push([changed, /changed since it was written/]);

    cases.push([path.join(scratch, 'nothing-here'), /Nothing was found/]);

    const before = rowCounts(desk.dataDir);
    for (const [target, message] of cases) {
      const answer = await desk.raw('backup.restore', { path: target, confirm: true }, { locale: 'en' });
      expect(answer.ok, target).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code).toBe('invalid_input');
        expect(answer.error.message).toMatch(message);
        expect(answer.error.fields?.path).toMatch(message);
      }
      const inspected = await desk.call('backup.inspect', { path: target }, { locale: 'en' });
      expect(inspected).toMatchObject({ valid: false, problem: expect.stringMatching(message) });
    }
    expect(rowCounts(desk.dataDir)).toEqual(before);
    expect(fs.existsSync(path.join(desk.dataDir, 'set-aside'))).toBe(false);
  });
});

/** Overwrites the middle of a store with garbage, the way a failing disk would. */
function corrupt(file: string) {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  const pageSize = 4096;
  for (let page = 1; page * pageSize < size; page += 2) fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, page * pageSize);
  fs.closeSync(fd);
}

describe('a damaged store at start-up', () => {
  it('starts in recovery mode, never as an empty desk, and restores the latest good backup with an administrator of that backup', async () => {
    const { desk, numbers } = await deskWithCases(3);
    await desk.call('backup.run', {});
    const dataDir = desk.dataDir;
    await desk.close();
    open.pop();
    corrupt(path.join(dataDir, 'desk.sqlite'));

    const damaged = withHelpers(await createDesk({ dataDir, backupScheduler: false, log: () => {} }));
    open.push(damaged);
    expect(damaged.desk.state).toBe('damaged');
    const health = await damaged.call('desk.health', {}, { locale: 'zh-CN' });
    expect(health).toMatchObject({ state: 'damaged', message: expect.stringContaining('数据文件已损坏') });
    // Nothing pretends the desk is new or empty.
    expect(await damaged.raw('setup.status', {})).toMatchObject({ ok: false, error: { code: 'store_error' } });
    expect(await damaged.raw('auth.login', { username: admin.username, password: admin.password })).toMatchObject({ ok: false });

    const found = await damaged.call('recovery.list', {});
    expect(found.items).toHaveLength(1);
    const latest = found.items[0];
    expect(latest).toMatchObject({ valid: true, counts: expect.objectContaining({ cases: 3 }) });
    const wrong = await damaged.raw('recovery.restore', { path: latest?.path, username: 'admin', password: 'wrong one' }, { locale: 'en' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: expect.stringContaining('not an administrator account of this backup') },
    });

    const restored = await damaged.call('recovery.restore', {
      path: latest?.path as string,
      username: admin.username,
      password: admin.password,
    });
    expect(restored.cases).toBe(3);
    expect(damaged.desk.state).toBe('ok');
    expect(await damaged.call('desk.health', {})).toEqual({ state: 'ok', initialized: true, checking: false });
    const login = await damaged.call('auth.login', { username: admin.username, password: admin.password });
    const list = await damaged.call('cases.list', {}, { token: login.token });
    expect(list.items.map((c) => c.number).sort()).toEqual([...numbers].sort());
    expect(fs.existsSync(path.join(restored.setAsidePath as string, 'desk.sqlite'))).toBe(true);
    // Recovery is closed once the desk works again.
    expect(await damaged.raw('recovery.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('starts in recovery mode on a store written by a newer version', async () => {
    const { desk } = await deskWithCases(1);
    const dataDir = desk.dataDir;
    await desk.close();
    open.pop();
    const raw = new Sqlite(path.join(dataDir, 'desk.sqlite'));
    raw.pragma('user_version = 99');
    raw.close();
    const newer = withHelpers(await createDesk({ dataDir, backupScheduler: false, log: () => {} }));
    open.push(newer);
    expect(await newer.call('desk.health', {}, { locale: 'en' })).toMatchObject({
      state: 'tooNew',
      message: expect.stringContaining('newer version of Complaint Desk (data version 99'),
    });
    // The file is left as it was.
    const again = new Sqlite(path.join(dataDir, 'desk.sqlite'), { readonly: true });
    expect(again.pragma('user_version', { simple: true })).toBe(99);
    again.close();
  });
});
