import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where a restore or a damaged start-up puts the store it replaces; never deleted by the desk. */
export const setAsideDirName = 'set-aside';

/**
 * The folders of the data directory that hold the desk's files beside the store (attachments,
 * whatever their area names them): every sub-folder except the set-aside stores, hidden
 * folders and a backup folder that an administrator put inside the data directory.
 */
export function attachmentFolders(dataDir: string, backupFolder: string | null): string[] {
  const backupInside = backupFolder ? path.relative(dataDir, path.resolve(backupFolder)) : null;
  return fs
    .readdirSync(dataDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== setAsideDirName && !d.name.startsWith('.'))
    .map((d) => d.name)
    .filter((name) => !backupInside || backupInside.split(path.sep)[0] !== name)
    .sort();
}

/** Every file under `root`, as paths relative to it with forward slashes (the manifest's form). */
export function filesUnder(root: string, relative = ''): string[] {
  const dir = path.join(root, relative);
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(root, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Copies and flushes to the device, so a USB drive pulled right after holds the whole file. */
export function copyFileDurably(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  syncFile(to);
}

export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The desk's one way to rename: into place, then flushes the folder that now names it: a rename lives in the folder's
 * entries, and a power cut before they reach the device (a USB stick) could leave the old name.
 */
export function renameDurably(from: string, to: string): void {
  fs.renameSync(from, to);
  syncFolder(path.dirname(to));
  // Moved between folders: the old folder must lose the name too, or both could hold it after a cut.
  if (path.dirname(path.resolve(from)) !== path.dirname(path.resolve(to))) syncFolder(path.dirname(from));
}

/** Flushes a folder's entries; Windows cannot open a folder for that and writes them through. */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function writeFileDurably(file: string, content: string | Uint8Array): void {
  fs.writeFileSync(file, content);
  syncFile(file);
}

/** A file-name-safe UTC stamp: 20261122T140501Z. */
export const fileStamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
