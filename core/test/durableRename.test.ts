import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

afterEach(() => vi.restoreAllMocks());

/** The folders flushed (opened and fsync'd) while `act` runs. */
async function foldersFlushed(act: () => Promise<unknown>): Promise<string[]> {
  const opened = new Map<number, string>();
  const open = fs.openSync;
  vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
    const fd = (open as (...a: unknown[]) => number)(p, ...rest);
    opened.set(fd, String(p));
    return fd;
  }) as typeof fs.openSync);
  const flushed: string[] = [];
  const fsync = fs.fsyncSync;
  vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
    const p = opened.get(fd);
    if (p && fs.statSync(p).isDirectory()) flushed.push(p);
    fsync(fd);
  });
  await act();
  vi.restoreAllMocks();
  return flushed;
}

describe.skipIf(process.platform === 'win32')('renames into place', () => {
  it('flush the folder after a backup generation and a restored store are renamed in', async () => {
    const desk = await openTestDesk();
    try {
      await desk.setupAndLogin();
      await desk.call('cases.register', sampleComplaint);
      const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-usb-'));
      await desk.call('backup.configure', { folder: usb, dailyTime: '17:30', keep: 3, onQuit: true });
      let generation = '';
      expect(
        await foldersFlushed(async () => {
          generation = (await desk.call('backup.run', {})).path as string;
        }),
      ).toContain(usb);
      expect(await foldersFlushed(() => desk.call('backup.restore', { path: generation, confirm: true }))).toContain(desk.dataDir);
    } finally {
      await desk.close();
    }
  });

  it('flush the folder after an export and an uploaded file are renamed in', async () => {
    const desk = await openTestDesk();
    try {
      await desk.setupAndLogin();
      const exports = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-export-'));
      for (const format of ['json', 'csv'] as const) {
        expect(await foldersFlushed(() => desk.call('data.export', { format, folder: exports })), format).toContain(exports);
      }
      let sha256 = '';
      const flushed = await foldersFlushed(async () => {
        sha256 = (
          await desk.call('attachments.upload', { name: 'a.txt', mime: 'text/plain', dataBase64: Buffer.from('证据').toString('base64') })
        ).sha256;
      });
      expect(flushed).toContain(path.join(desk.dataDir, 'attachments', sha256.slice(0, 2)));
    } finally {
      await desk.close();
    }
  });
});

describe('every rename into place', () => {
  it('goes through the one durable rename (dataFiles.ts renameDurably)', () => {
    const sources = ['core', 'db', 'electron', 'server'].flatMap((dir) =>
      fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)),
    );
    const renaming = sources
      .filter((f) => f.endsWith('.ts') && !f.includes(`${path.sep}test${path.sep}`))
      .filter((f) => /\brename(Sync)?\(/.test(fs.readFileSync(f, 'utf8')));
    expect(renaming).toEqual([path.join('core', 'backup', 'dataFiles.ts')]);
  });
});
