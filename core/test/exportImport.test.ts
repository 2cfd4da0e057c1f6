import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { rowCountsOf } from '../../db/queries/integrity.ts';
import { parseCsv } from '../data/csv.ts';
import { admin, staffPassword } from './staff.ts';
import { rowCounts } from './storeSnapshot.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

const open: { close(): Promise<void> }[] = [];
/** An export carries no passwords: the import chooses the administrator's. */
const adminPassword = 'moved desk 2026';
afterEach(async () => {
  for (const d of open.splice(0)) await d.close().catch(() => undefined);
});

async function sourceDesk() {
  const desk = await openTestDesk();
  open.push(desk);
  await desk.setupAndLogin();
  await desk.person('reception1', ['receptionist'], [], '前台');
  const departmentId = (await desk.call('departments.list', {})).items[0]?.id as string;
  const a = await desk.call('cases.register', { ...sampleComplaint, complainant: { name: '李"四"', phone: '13900001111' }, demands: '' });
  const b = await desk.call('cases.register', {
    ...sampleComplaint,
    subject: '收费不明，多收了挂号费',
    content: '第一行\r\n第二行，含逗号,和引号"',
    // Texts that Excel and WPS would run: the CSV must show them, and the import bring them back exactly.
    demands: "=cmd|' /C calc'!A0",
    complainant: { name: "'@SUM(1+1)", phone: '13900002222' },
  });
  await desk.call('cases.act', { id: a.id, action: { type: 'accept', departmentId } });
  await desk.call('cases.act', { id: b.id, action: { type: 'decline', reason: '不属于受理范围' } });
  return { desk, a, b };
}

const tables = (dataDir: string) => {
  const db = new Sqlite(path.join(dataDir, 'desk.sqlite'), { readonly: true });
  try {
    const dump: Record<string, unknown[]> = {};
    // Tables clustered on their keys (WITHOUT ROWID) have no rowid: their rows in key order.
    const clustered = new Set(
      (db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND wr = 1").all() as { name: string }[]).map((r) => r.name),
    );
    for (const t of Object.keys(rowCountsOf(db))) {
      dump[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY ${clustered.has(t) ? '1, 2' : 'rowid'}`).all();
    }
    return dump;
  } finally {
    db.close();
  }
};

describe.each(['json', 'csv'] as const)('export as %s and import into an empty desk', (format) => {
  it('brings back every row of every table, with working sign-in, search and verified chains', async () => {
    const { desk, a, b } = await sourceDesk();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-export-'));
    const exported = await desk.call('data.export', { format, folder });
    expect(exported.counts.cases).toBe(2);
    expect(exported.counts.case_events).toBe(4);
    if (format === 'csv') {
      const csv = fs.readFileSync(path.join(exported.path, 'cases.csv'));
      // Excel needs the byte-order mark to read UTF-8 Chinese.
      expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(csv.toString('utf8')).toContain('收费不明，多收了挂号费');
      // No cell of any file starts a formula; the manifest says the texts are guarded.
      for (const file of fs.readdirSync(exported.path).filter((f) => f.endsWith('.csv'))) {
        const cells = parseCsv(fs.readFileSync(path.join(exported.path, file), 'utf8')).flat();
        expect(
          cells.filter((c) => c !== null && /^[=+@\t\r]/.test(c)),
          file,
        ).toEqual([]);
        expect(
          cells.filter((c) => c?.startsWith('-') && Number.isNaN(Number(c))),
          file,
        ).toEqual([]);
      }
      expect(csv.toString('utf8')).toContain(`"'=cmd|' /C calc'!A0"`);
      expect(JSON.parse(fs.readFileSync(path.join(exported.path, 'manifest.json'), 'utf8')).textGuard).toBe('apostrophe');
    }
    // No password hash leaves the desk, in any file of either format.
    const files = format === 'json' ? [exported.path] : fs.readdirSync(exported.path).map((f) => path.join(exported.path, f));
    for (const file of files) {
      const content = fs.readFileSync(file, 'utf8');
      expect(content, file).not.toMatch(/scrypt\$/);
      expect(content, file).not.toContain('password_hash');
    }
    const before = tables(desk.dataDir);

    const target = await openTestDesk();
    open.push(target);
    const imported = await target.call('data.import', { path: exported.path, adminPassword });
    expect(imported).toMatchObject({ cases: 2, events: 4, administrator: 'admin' });
    const after = tables(target.dataDir);
    const withoutPasswords = (rows: unknown[] | undefined) =>
      rows?.map((r) => ({ ...(r as Record<string, unknown>), password_hash: undefined, password_changed_at: undefined }));
    for (const [table, rows] of Object.entries(before)) {
      if (table === 'audit_log') continue; // the import adds its own entry
      // Everything else comes back exactly; the accounts without their passwords.
      if (table === 'users') expect(withoutPasswords(after[table])).toEqual(withoutPasswords(rows));
      else expect(after[table], table).toEqual(rows);
    }
    // The export's own audit entry is written after its snapshot; the import adds one.
    const exportedAudit = (before.audit_log ?? []).filter((r) => (r as { action: string }).action !== 'data.export');
    expect(after.audit_log?.slice(0, exportedAudit.length)).toEqual(exportedAudit);
    expect(after.audit_log?.at(-1)).toMatchObject({ action: 'data.import' });

    // The administrator signs in with the password chosen at the import, not the old one; the
    // other accounts have none until the administrator resets theirs.
    expect(await target.raw('auth.login', { username: admin.username, password: admin.password })).toMatchObject({ ok: false });
    expect(await target.raw('auth.login', { username: 'reception1', password: staffPassword })).toMatchObject({ ok: false });
    const login = await target.call('auth.login', { username: 'admin', password: adminPassword });
    const token = login.token;
    const reception = (await target.call('users.list', {}, { token })).items.find((u) => u.username === 'reception1');
    await target.call('users.resetPassword', { id: reception?.id ?? '', password: 'new front desk 7' }, { token });
    expect((await target.raw('auth.login', { username: 'reception1', password: 'new front desk 7' })).ok).toBe(true);
    const found = await target.call('cases.list', { q: '挂号' }, { token });
    expect(found.items.map((c) => c.number).sort()).toEqual([a.number, b.number].sort());
    expect((await target.call('cases.list', { q: '收费' }, { token })).items.map((c) => c.number)).toEqual([b.number]);
    const detail = await target.call('cases.get', { id: a.id }, { token });
    expect(detail).toMatchObject({ status: 'accepted', complainant: { name: '李"四"' } });
    // Numbering continues where the exported desk stopped.
    const next = await target.call('cases.register', sampleComplaint, { token });
    expect(next.number.slice(-4)).toBe('0003');
  });
});

describe('import refusals', () => {
  it('refuses a desk that already holds records, and writes nothing', async () => {
    const { desk } = await sourceDesk();
    const exported = await desk.call('data.export', { format: 'json', folder: fs.mkdtempSync(path.join(os.tmpdir(), 'desk-export-')) });
    const before = rowCounts(desk.dataDir);
    const answer = await desk.raw('data.import', { path: exported.path, adminPassword }, { locale: 'en' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('new, empty desk') } });
    expect(rowCounts(desk.dataDir)).toEqual(before);
  });

  it('refuses an export whose case history was tampered with, naming the case, and writes nothing', async () => {
    const { desk, b } = await sourceDesk();
    const exported = await desk.call('data.export', { format: 'json', folder: fs.mkdtempSync(path.join(os.tmpdir(), 'desk-export-')) });
    const text = fs.readFileSync(exported.path, 'utf8');
    fs.writeFileSync(exported.path, text.replace('不属于受理范围', '已经处理完毕'));
    const target = await openTestDesk();
    open.push(target);
    const before = rowCounts(target.dataDir);
    const answer = await target.raw('data.import', { path: exported.path, adminPassword }, { locale: 'zh-CN' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining(`投诉件 ${b.number}`) } });
    expect(rowCounts(target.dataDir)).toEqual(before);
  });

  it('refuses a file that is not an export, and an export from a newer version', async () => {
    const target = await openTestDesk();
    open.push(target);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-export-'));
    const notExport = path.join(dir, 'x.json');
    fs.writeFileSync(notExport, '{"hello":1}');
    expect(await target.raw('data.import', { path: notExport, adminPassword }, { locale: 'en' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('is not a Complaint Desk export') },
    });
    const newer = path.join(dir, 'newer.json');
    fs.writeFileSync(newer, JSON.stringify({ app: 'complaint-desk', kind: 'export', format: 1, schemaVersion: 99, tables: {} }));
    expect(await target.raw('data.import', { path: newer, adminPassword }, { locale: 'en' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('newer version') },
    });
  });
});
