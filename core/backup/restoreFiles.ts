import fs from 'node:fs';
import path from 'node:path';
import { storeFileName } from '../../db/connection.ts';
import { keysFileName } from '../keys/keysFile.ts';
import type { InspectedBackup } from './backupInspect.ts';
import { backupFilesDirName } from './backupManifest.ts';
import { BackupVerificationError } from './backupWriter.ts';
import { attachmentFolders, copyFileDurably, fileStamp, filesUnder, renameDurably, setAsideDirName, sha256OfFile } from './dataFiles.ts';

// The key file goes with the store it opens: a set-aside encrypted store stays openable.
const storeFiles = [storeFileName, `${storeFileName}-wal`, `${storeFileName}-shm`, `${storeFileName}-journal`, keysFileName];

/**
 * Moves the store (with its -wal and -shm, which may hold committed cases) and the attachment
 * folders into `set-aside/<stamp>-<why>/` inside the data directory. Moved, never deleted: a
 * restore that turns out to be the wrong one can be undone by hand. Answers the folder, or
 * null when there was nothing to move. The store must be closed.
 */
export function setAsideStore(dataDir: string, at: Date, why: string, backupFolder: string | null): string | null {
  const present = storeFiles.filter((f) => fs.existsSync(path.join(dataDir, f)));
  const folders = attachmentFolders(dataDir, backupFolder);
  if (present.length === 0 && folders.length === 0) return null;
  const target = path.join(dataDir, setAsideDirName, `${fileStamp(at)}-${why}`);
  fs.mkdirSync(target, { recursive: true });
  for (const name of [...present, ...folders]) renameDurably(path.join(dataDir, name), path.join(target, name));
  return target;
}

/** Undoes setAsideStore after a failed restore: what was placed is removed, what was set aside goes back. */
export function putBack(dataDir: string, setAside: string | null, backupFolder: string | null): void {
  for (const f of storeFiles) fs.rmSync(path.join(dataDir, f), { force: true });
  for (const folder of attachmentFolders(dataDir, backupFolder)) fs.rmSync(path.join(dataDir, folder), { recursive: true, force: true });
  if (!setAside) return;
  for (const name of fs.readdirSync(setAside)) renameDurably(path.join(setAside, name), path.join(dataDir, name));
  fs.rmdirSync(setAside);
}

/**
 * Copies a verified backup into the (emptied) data directory: the store under a temporary
 * name renamed into place once flushed, then each attachment, hashed against the manifest.
 */
export async function placeBackup(backup: InspectedBackup, dataDir: string): Promise<void> {
  const temporary = path.join(dataDir, `${storeFileName}.restoring`);
  copyFileDurably(backup.storeFile, temporary);
  renameDurably(temporary, path.join(dataDir, storeFileName));
  if (!backup.dir || !backup.manifest) return;
  const filesRoot = path.join(backup.dir, backupFilesDirName);
  const expected = new Map(backup.manifest.files.map((f) => [f.path, f.sha256]));
  const present = fs.existsSync(filesRoot) ? filesUnder(filesRoot) : [];
  for (const rel of present) {
    if (!expected.has(rel)) continue; // only what the manifest vouches for
    const to = path.join(dataDir, ...rel.split('/'));
    copyFileDurably(path.join(filesRoot, ...rel.split('/')), to);
    if ((await sha256OfFile(to)) !== expected.get(rel))
      throw new BackupVerificationError(`restored ${rel} differs from the backup's manifest`);
    expected.delete(rel);
  }
  if (expected.size > 0) throw new BackupVerificationError(`backup lacks ${[...expected.keys()][0]}`);
}
