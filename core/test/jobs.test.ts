import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../domain/api/jobViews.ts';
import { DeskError } from '../deskError.ts';
import { createJobs } from '../jobs/jobRegistry.ts';
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
