import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rowCounts } from './storeSnapshot.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close().catch(() => undefined);
});

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const text = (s: string) => Buffer.from(s).toString('base64');
const storedFiles = (dataDir: string) =>
  fs.existsSync(path.join(dataDir, 'attachments'))
    ? fs.readdirSync(path.join(dataDir, 'attachments'), { recursive: true, encoding: 'utf8' })
    : [];

describe('attachments.add and cases.register', () => {
  it('judge the type from the stored bytes, not from the caller', async () => {
    const desk = await openTestDesk();
    open.push(desk);
    await desk.setupAndLogin();
    const c = await desk.call('cases.register', sampleComplaint);
    const note = await desk.call('attachments.upload', { name: 'note.txt', mime: 'text/plain', dataBase64: text('<script>x</script>') });
    expect(note.mime).toBe('text/plain');
    const before = rowCounts(desk.dataDir);
    // The same file declared as a picture or a PDF, so that a viewer would open it as one.
    for (const mime of ['image/png', 'application/pdf']) {
      const add = await desk.raw('attachments.add', { caseId: c.id, attachments: [{ ...note, mime }] }, { locale: 'en' });
      expect(add, mime).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'attachments.0': /not accepted/ } } });
      const register = await desk.raw('cases.register', { ...sampleComplaint, attachments: [{ ...note, mime }] }, { locale: 'zh-CN' });
      expect(register, mime).toMatchObject({ ok: false, error: { fields: { 'attachments.0': /不支持此类文件/ } } });
    }
    expect(rowCounts(desk.dataDir)).toEqual(before);
    const photo = await desk.call('attachments.upload', { name: 'p.png', mime: 'image/png', dataBase64: png.toString('base64') });
    expect((await desk.call('attachments.add', { caseId: c.id, attachments: [note, photo] })).intake.attachments).toEqual([note, photo]);
  });
});

describe('uploads never attached', () => {
  it('are removed a day after their upload by the first sweep after the start, those attached never', async () => {
    let now = new Date('2026-11-02T09:00:00Z');
    const desk = await openTestDesk({ now: () => now });
    open.push(desk);
    await desk.setupAndLogin();
    const kept = await desk.call('attachments.upload', { name: 'kept.png', mime: 'image/png', dataBase64: png.toString('base64') });
    const dropped = await desk.call('attachments.upload', { name: 'dropped.txt', mime: 'text/plain', dataBase64: text('没人附上的文件') });
    const added = await desk.call('attachments.upload', { name: 'added.txt', mime: 'text/plain', dataBase64: text('后来补充的说明') });
    now = new Date('2026-11-03T08:00:00Z');
    await desk.login();
    const c = await desk.call('cases.register', { ...sampleComplaint, attachments: [kept] });
    // Uploaded 23 hours ago: still there, and adding it starts its wait again.
    await desk.call('attachments.add', { caseId: c.id, attachments: [added] });
    await desk.close();

    now = new Date('2026-11-05T09:00:00Z');
    // The start itself leaves the folder alone (a sweep reads every case); the sweep comes after.
    const reopened = await openTestDesk({ dataDir: desk.dataDir, now: () => now, uploadSweepDelayMs: 50 });
    open.push(reopened);
    expect(storedFiles(desk.dataDir).join('\n')).toContain(dropped.sha256);
    await vi.waitFor(() => expect(storedFiles(desk.dataDir).join('\n')).not.toContain(dropped.sha256));
    const files = storedFiles(desk.dataDir).join('\n');
    expect(files).toContain(kept.sha256);
    expect(files).toContain(added.sha256);
    await reopened.login();
    const back = await reopened.call('attachments.get', { caseId: c.id, sha256: added.sha256 });
    expect(Buffer.from(back.dataBase64, 'base64').toString()).toBe('后来补充的说明');
  });

  it('may wait up to a quota; beyond it an upload is refused next to the file, in the caller’s language', async () => {
    const quota = 3 * 1024 * 1024;
    const desk = await openTestDesk({ unattachedMaxBytes: quota });
    open.push(desk);
    await desk.setupAndLogin();
    const size = 1024 * 1024 - 10;
    const fits = Math.floor(quota / size);
    const upload = (i: number) => {
      const bytes = Buffer.alloc(size, 'a');
      bytes.write(`file ${i} `);
      return desk.raw(
        'attachments.upload',
        { name: `${i}.txt`, mime: 'text/plain', dataBase64: bytes.toString('base64') },
        { locale: 'zh-TW' },
      );
    };
    const refs: { sha256: string; name: string; mime: string; size: number }[] = [];
    for (let i = 0; i < fits; i++) {
      const answer = await upload(i);
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
      refs.push(answer.data as (typeof refs)[number]);
    }
    const before = storedFiles(desk.dataDir).length;
    expect(await upload(fits)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { dataBase64: /尚未附到案件的檔案已達 3 MB/ } },
    });
    expect(storedFiles(desk.dataDir)).toHaveLength(before);
    // Attached files no longer wait: there is room again.
    await desk.call('cases.register', { ...sampleComplaint, attachments: refs.slice(0, 2) });
    expect(await upload(fits)).toMatchObject({ ok: true });
  });

  it('count against the quota after a restart before the first sweep has run', async () => {
    const quota = 2 * 1024 * 1024;
    const desk = await openTestDesk({ unattachedMaxBytes: quota });
    open.push(desk);
    await desk.setupAndLogin();
    const upload = (d: typeof desk, i: number) =>
      d.raw('attachments.upload', {
        name: `${i}.txt`,
        mime: 'text/plain',
        dataBase64: Buffer.alloc(1024 * 1024 - 10, `file ${i} `).toString('base64'),
      });
    expect(await upload(desk, 1)).toMatchObject({ ok: true });
    expect(await upload(desk, 2)).toMatchObject({ ok: true });
    await desk.close();
    const reopened = await openTestDesk({ dataDir: desk.dataDir, unattachedMaxBytes: quota });
    open.push(reopened);
    await reopened.login();
    expect(await upload(reopened, 3)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
