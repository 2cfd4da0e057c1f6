import fs from 'node:fs';
import path from 'node:path';

/**
 * Everything the desk writes holds complainants' personal data (the store, its backups, exports,
 * evidence, print logs): on a shared Linux or macOS machine no other account may read it. A
 * file-creation mask of 077 makes every file the process creates 0600 and every folder 0700,
 * whichever code creates it, SQLite's journals included; Windows ignores it (there the user's
 * profile folder is private already).
 */
export const privateFileMode = 0o600;
export const privateFolderMode = 0o700;

export function keepCreatedFilesPrivate(): void {
  if (process.platform === 'win32') return;
  process.umask(0o077);
}

/**
 * Folders and files created before the desk kept them private (an earlier version's data
 * folder) are closed too, where the file system has modes at all (a FAT USB stick has none).
 */
export function makePrivate(target: string): void {
  if (process.platform === 'win32') return;
  try {
    const stat = fs.statSync(target);
    fs.chmodSync(target, stat.isDirectory() ? privateFolderMode : privateFileMode);
  } catch {
    // Missing, or a file system without modes: nothing to close.
  }
}

/** The data folder and the store's files in it. */
export function makeDataFolderPrivate(dataDir: string, storeFiles: readonly string[]): void {
  makePrivate(dataDir);
  for (const name of storeFiles) makePrivate(path.join(dataDir, name));
}
