import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../domain/api/jobViews.ts';
import { DeskError } from '../deskError.ts';
import { createJobs } from '../jobs/jobRegistry.ts';
import { rowCounts } from './storeSnapshot.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close().catch(() => undefined);
});

describe('the job registry', () => {
  const clock = () => new Date('2026-11-20T02:00:00Z');
  let n = 0;
  const jobs = () => createJobs(clock, () => `job-${++n}`);
  const everyone = () => true;

  it('shows how far a job got while it runs, and all of it done at the end', async () => {
    const registry = jobs();
    const seen: Pick<JobView, 'state' | 'phase' | 'done' | 'total'>[] = [];
    const look = () => {
      const [job] = registry.list('en', 'u1', everyone);
      if (job) seen.push({ state: job.state, phase: job.phase, done: job.done, total: job.total });
    };
    const answer = await registry.run('export', 'u1', async (progress) => {
      for (let i = 0; i < 3; i++) {
        await progress.step('rows', i, 3);
        look();
      }
      return 'written';
    });
    look();
    expect(answer).toBe('written');
    expect(seen).toEqual([
      { state: 'running', phase: 'rows', done: 0, total: 3 },
      { state: 'running', phase: 'rows', done: 1, total: 3 },
      { state: 'running', phase: 'rows', done: 2, total: 3 },
      { state: 'done', phase: 'rows', done: 3, total: 3 },
    ]);
    expect(registry.list('en', 'u1', everyone)[0]).toMatchObject({ mine: true, error: null, finishedAt: clock().toISOString() });
  });

  it('keeps a failure in words of the reader’s language, and lets the error go on to the caller', async () => {
    const registry = jobs();
    const refusal = new DeskError('store_error', { key: 'backup:storage.diskFull', values: { path: '/media/usb' } });
    await expect(
      registry.run('backup', null, async () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    const [failed] = registry.list('zh-CN', 'u1', everyone);
    expect(failed).toMatchObject({ kind: 'backup', state: 'failed', mine: false });
    expect(failed?.error).toBe('/media/usb 所在的磁盘已满。请清理空间（或改选其他文件夹）后重试。');
    // A failure the work answers rather than throws (a backup records its own) fails the job too.
    await registry.run(
      'backup',
      null,
      async () => ({ ok: false }),
      () => ({ key: 'internal' }),
    );
    expect(registry.list('en', 'u1', everyone)[0]).toMatchObject({ state: 'failed', error: expect.stringContaining('went wrong') });
  });

  it('shows someone else’s job only to whoever may start that kind', async () => {
    const registry = jobs();
    await registry.run('seal', 'supervisor', async () => null);
    expect(registry.list('en', 'reception', () => false)).toEqual([]);
    expect(registry.list('en', 'director', (kind) => kind === 'seal')).toHaveLength(1);
  });
});

describe('a backup as a job', () => {
  it('reports each file it copies while other calls are answered, ends done, and a failed one says why in words', async () => {
    const desk = await openTestDesk();
    open.push(desk);
    await desk.setupAndLogin();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-jobs-'));
    await desk.call('backup.configure', { folder, dailyTime: '17:30', keep: 3, onQuit: false });
    await desk.call('cases.register', sampleComplaint);
    const evidence = path.join(desk.dataDir, 'attachments', '2611');
    fs.mkdirSync(evidence, { recursive: true });
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(evidence, `照片${i}.jpg`), Buffer.alloc(64 * 1024, i));

    const running = desk.call('backup.run', {});
    const seen: JobView[] = [];
    let finished = false;
    void running.finally(() => {
      finished = true;
    });
    while (!finished) {
      const [job] = (await desk.call('jobs.status', {})).items;
      if (job) seen.push(job);
      // As a screen's poll would: the next look comes after the desk's other work had its turn.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const run = await running;
    expect(run.ok).toBe(true);
    const copying = seen.filter((j) => j.state === 'running' && j.phase === 'files');
    expect(copying.length, 'the copying of files was seen while it ran').toBeGreaterThan(0);
    expect(copying.every((j) => j.total === 40 && j.done < j.total)).toBe(true);
    const [done] = (await desk.call('jobs.status', {})).items;
    expect(done).toMatchObject({ kind: 'backup', state: 'done', mine: true, error: null });
    expect(done?.done).toBe(done?.total);

    fs.rmSync(folder, { recursive: true, force: true });
    const failed = await desk.call('backup.run', {}, { locale: 'zh-CN' }).catch((e: unknown) => e);
    expect(failed).toBeTruthy();
    const [last] = (await desk.call('jobs.status', {}, { locale: 'zh-CN' })).items;
    expect(last).toMatchObject({ kind: 'backup', state: 'failed' });
    expect(last?.error).toContain(`无法访问 ${folder}`);
  });

  it('an export counts the rows it writes against the whole store', async () => {
    const desk = await openTestDesk();
    open.push(desk);
    await desk.setupAndLogin();
    await desk.call('cases.register', sampleComplaint);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-jobs-export-'));
    const result = await desk.call('data.export', { format: 'csv', folder });
    const rows = Object.values(result.counts).reduce((n, c) => n + c, 0);
    const [job] = (await desk.call('jobs.status', {})).items;
    expect(job).toMatchObject({ kind: 'export', state: 'done', phase: 'rows', done: rows, total: rows });
  });
});

describe('an import as a job', () => {
  const adminPassword = 'moved desk 2026';

  /** An export of a desk with many rows (an audit log years long), so the import takes a while. */
  async function bigExport(): Promise<{ path: string; rows: number; caseNumber: string }> {
    const desk = await openTestDesk();
    open.push(desk);
    await desk.setupAndLogin();
    const registered = await desk.call('cases.register', sampleComplaint);
    const store = new Sqlite(path.join(desk.dataDir, 'desk.sqlite'));
    try {
      const insert = store.prepare(
        "INSERT INTO audit_log (id, at, actor_id, action, target, detail) VALUES (?, ?, NULL, 'auth.login', ?, '{}')",
      );
      store.transaction(() => {
        for (let i = 0; i < 30_000; i++) insert.run(`old-${i}`, '2025-01-01T00:00:00.000Z', `窗口 ${i}`);
      })();
    } finally {
      store.close();
    }
    const exported = await desk.call('data.export', {
      format: 'json',
      folder: fs.mkdtempSync(path.join(os.tmpdir(), 'desk-jobs-import-')),
    });
    return { path: exported.path, rows: Object.values(exported.counts).reduce((n, c) => n + c, 0), caseNumber: registered.number };
  }

  /** Asks how far the import got, without a session, until it answers; meanwhile tries to set the desk up. */
  async function watch(target: Awaited<ReturnType<typeof openTestDesk>>, running: Promise<unknown>) {
    const seen: JobView[] = [];
    const others: unknown[] = [];
    let finished = false;
    void running.finally(() => {
      finished = true;
    });
    while (!finished) {
      const [job] = (await target.call('jobs.status', {}, { locale: 'en' })).items;
      if (job) seen.push(job);
      if (job?.state === 'running' && others.length === 0) others.push(await target.raw('setup.status', {}, { locale: 'en' }));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return { seen, others };
  }

  it('counts the rows it writes while the page that started it asks, before anyone signs in, and ends done', async () => {
    const source = await bigExport();
    const target = await openTestDesk();
    open.push(target);
    const running = target.call('data.import', { path: source.path, adminPassword });
    const { seen, others } = await watch(target, running);
    const outcome = await running;
    expect(outcome).toMatchObject({ cases: 1, administrator: 'admin' });

    const writing = seen.filter((j) => j.state === 'running' && j.phase === 'importRows');
    expect(writing.length, 'rows were seen being written').toBeGreaterThan(0);
    expect(writing.some((j) => j.done > 0 && j.done < j.total)).toBe(true);
    expect(writing.every((j) => j.kind === 'import' && j.total === source.rows && !j.mine)).toBe(true);
    // Nothing else is answered while the import holds the store: it would wait on the import's lock.
    expect(others[0]).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('being imported') } });

    // The job outlives the reopening of the store on the imported desk.
    const [done] = (await target.call('jobs.status', {})).items;
    expect(done).toMatchObject({ kind: 'import', state: 'done', error: null, done: source.rows, total: source.rows });
    // Signed in, the desk answers again; a signed-in administrator still sees their own kinds of job.
    const login = await target.call('auth.login', { username: 'admin', password: adminPassword });
    expect((await target.call('cases.list', {}, { token: login.token })).items.map((c) => c.number)).toEqual([source.caseNumber]);
  });

  it('a failed import says why in the reader’s language, and writes nothing', async () => {
    const source = await bigExport();
    const text = fs.readFileSync(source.path, 'utf8');
    // The case's history altered: its chain no longer verifies, found after every row was written.
    fs.writeFileSync(source.path, text.replace(sampleComplaint.subject, `${sampleComplaint.subject}（改）`));
    const target = await openTestDesk();
    open.push(target);
    const before = rowCounts(target.dataDir);
    const running = target.raw('data.import', { path: source.path, adminPassword }, { locale: 'zh-CN' });
    const { seen } = await watch(target, running);
    expect(await running).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(seen.some((j) => j.state === 'running' && j.phase === 'importRows' && j.done > 0)).toBe(true);
    const [failed] = (await target.call('jobs.status', {}, { locale: 'zh-CN' })).items;
    expect(failed).toMatchObject({ kind: 'import', state: 'failed' });
    expect(failed?.error).toContain(`投诉件 ${source.caseNumber}`);
    expect(rowCounts(target.dataDir)).toEqual(before);
    // The desk is free again, still empty and ready to be set up.
    expect(await target.call('setup.status', {})).toMatchObject({ initialized: false });
  });
});
