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
});
