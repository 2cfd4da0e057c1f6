import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

/** A 1×1 PNG, the smallest real image. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Every file and folder under `root` (itself included) that another account on the machine could read or enter. */
function openToOthers(root: string): string[] {
  const open: string[] = [];
  const visit = (p: string) => {
    const stat = fs.statSync(p);
    if ((stat.mode & 0o077) !== 0) open.push(`${path.relative(path.dirname(root), p) || p} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const child of fs.readdirSync(p)) visit(path.join(p, child));
  };
  visit(root);
  return open;
}

let previousMask = 0;
beforeEach(() => {
  // The usual default: files 0644, folders 0755, readable by every account on the machine.
  previousMask = process.umask(0o022);
});
afterEach(() => {
  process.umask(previousMask);
});

describe.skipIf(process.platform === 'win32')('files the desk writes', () => {
  it('are readable by their owner only: store, evidence, backups and exports (0600 files, 0700 folders)', async () => {
    const desk = await openTestDesk({ backupScheduler: false });
    try {
      await desk.setupAndLogin();
      const photo = await desk.call('attachments.upload', { name: '现场照片.png', mime: 'image/png', dataBase64: png.toString('base64') });
      await desk.call('cases.register', { ...sampleComplaint, attachments: [photo] });
      const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-usb-'));
      await desk.call('backup.configure', { folder: usb, dailyTime: '17:30', keep: 3, onQuit: true });
      await desk.call('backup.run', {});
      const exports = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-exports-'));
      const json = await desk.call('data.export', { format: 'json', folder: exports });
      const csv = await desk.call('data.export', { format: 'csv', folder: exports });
      expect(openToOthers(desk.dataDir)).toEqual([]);
      expect(openToOthers(path.join(usb, fs.readdirSync(usb)[0] ?? ''))).toEqual([]);
      expect(openToOthers(json.path)).toEqual([]);
      expect(openToOthers(csv.path)).toEqual([]);
    } finally {
      await desk.close();
    }
  });

  it('closes a data folder an earlier version left open to others', async () => {
    const first = await openTestDesk({ backupScheduler: false });
    await first.setupAndLogin();
    await first.close();
    fs.chmodSync(first.dataDir, 0o755);
    fs.chmodSync(path.join(first.dataDir, 'desk.sqlite'), 0o644);
    const again = await openTestDesk({ dataDir: first.dataDir, backupScheduler: false });
    try {
      expect((fs.statSync(first.dataDir).mode & 0o777).toString(8)).toBe('700');
      expect((fs.statSync(path.join(first.dataDir, 'desk.sqlite')).mode & 0o777).toString(8)).toBe('600');
    } finally {
      await again.close();
    }
  });
});
