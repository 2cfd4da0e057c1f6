import fs from 'node:fs';
import path from 'node:path';
import type Sqlite from 'better-sqlite3';
import { openKeyed } from '../../db/cipher.ts';
import { integrityCheck, rowCountsOf, schemaVersionOf, switchToRollbackJournal } from '../../db/queries/integrity.ts';
import type { BackupTrigger } from '../../domain/api/backupViews.ts';
import type { JobProgress } from '../jobs/jobRegistry.ts';
import {
  type BackupEncryption,
  type BackupManifest,
  backupApp,
  backupFilesDirName,
  backupStoreFileName,
  generationPrefix,
  manifestFileName,
} from './backupManifest.ts';
import {
  attachmentFolders,
  copyFileDurably,
  fileStamp,
  filesUnder,
  renameDurably,
  sha256OfFile,
  syncFile,
  writeFileDurably,
} from './dataFiles.ts';

export class BackupVerificationError extends Error {
  readonly code = 'BACKUP_VERIFY';
}

export interface WriteBackupOptions {
  storeFile: string;
  dataDir: string;
  folder: string;
  at: Date;
  trigger: BackupTrigger;
  deviceId: string;
  orgName: string | null;
  /** The store's data key and what the manifest says about it; null for a plain store. */
  encryption: { dataKey: Buffer; manifest: BackupEncryption } | null;
  /** Told each step (pages copied, files copied), so the screen shows how far the backup got. */
  progress?: JobProgress;
}

export interface WrittenBackup {
  path: string;
  manifest: BackupManifest;
  bytes: number;
}

const sameCounts = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([t, n]) => b[t] === n);

/**
 * Writes one generation into `folder` and verifies it before it counts:
 * 1. SQLite's online backup API copies the store from a separate read-only connection whose
 *    read transaction is held open, so the copy is exactly the snapshot whose row counts were
 *    taken, while the desk keeps registering cases; an encrypted store is copied by
 *    `VACUUM INTO` instead (the backup API refuses a keyed target), which reads one snapshot
 *    too and writes it encrypted under the same key, and its counts are the copy's own;
 * 2. the copy is switched to a rollback journal (one self-contained file), opened, run through
 *    `PRAGMA integrity_check`, and its counts compared with the snapshot's;
 * 3. the data directory's other folders (attachments) are copied and each copy hashed against
 *    its source;
 * 4. the manifest is written last and the generation renamed from `.partial-…` to its final
 *    name: a generation without that name is never listed or restored.
 */
export async function writeBackup(o: WriteBackupOptions): Promise<WrittenBackup> {
  const stat = fs.statSync(o.folder); // ENOENT when the USB drive is not plugged in
  if (!stat.isDirectory()) throw Object.assign(new Error(`${o.folder} is not a folder`), { code: 'ENOTDIR' });
  const name = uniqueName(o.folder, `${generationPrefix}${fileStamp(o.at)}-${o.deviceId.slice(-8)}`);
  const partial = path.join(o.folder, `.partial-${name}`);
  fs.mkdirSync(partial);
  const step = o.progress?.step ?? (async () => {});
  try {
    const storeCopy = path.join(partial, backupStoreFileName);
    const dataKey = o.encryption?.dataKey ?? null;
    const source = openKeyed(o.storeFile, dataKey, { readonly: true, fileMustExist: true });
    let counts: Record<string, number> | null = null;
    let schemaVersion: number;
    try {
      await step('copyStore', 0, 1);
      if (dataKey) {
        schemaVersion = schemaVersionOf(source);
        // One statement: the screen sees the copy start and end, not its pages.
        source.prepare('VACUUM INTO ?').run(storeCopy);
      } else {
        source.exec('BEGIN');
        counts = rowCountsOf(source);
        schemaVersion = schemaVersionOf(source);
        await source.backup(storeCopy, {
          progress: ({ totalPages, remainingPages }) => {
            void step('copyStore', totalPages - remainingPages, totalPages);
            return 100;
          },
        });
        source.exec('COMMIT');
      }
    } finally {
      source.close();
    }
    await step('verify', 0, 1);
    const copy: Sqlite.Database = openKeyed(storeCopy, dataKey);
    try {
      counts ??= rowCountsOf(copy);
      switchToRollbackJournal(copy);
      const check = integrityCheck(copy);
      if (check.length !== 1 || check[0] !== 'ok') throw new BackupVerificationError(`integrity_check: ${check.slice(0, 3).join('; ')}`);
      const copied = rowCountsOf(copy);
      if (!sameCounts(counts, copied)) throw new BackupVerificationError(`row counts differ: ${JSON.stringify({ counts, copied })}`);
      if (schemaVersionOf(copy) !== schemaVersion) throw new BackupVerificationError('schema version differs');
    } finally {
      copy.close();
    }
    syncFile(storeCopy);

    const files: BackupManifest['files'] = [];
    // A file still being written lives under a temporary name until it is renamed into place.
    const listed = attachmentFolders(o.dataDir, o.folder).flatMap((folder) =>
      filesUnder(path.join(o.dataDir, folder))
        .filter((rel) => !rel.endsWith('.tmp'))
        .map((rel) => `${folder}/${rel}`),
    );
    for (const [i, relative] of listed.entries()) {
      await step('files', i, listed.length);
      const from = path.join(o.dataDir, relative);
      const to = path.join(partial, backupFilesDirName, relative);
      let sourceHash: string;
      try {
        copyFileDurably(from, to);
        sourceHash = await sha256OfFile(from);
      } catch (e) {
        // Gone since the folder was listed: not referenced by the snapshot, which was taken first.
        if ((e as { code?: string }).code === 'ENOENT' && !fs.existsSync(from)) {
          fs.rmSync(to, { force: true });
          continue;
        }
        throw e;
      }
      const copyHash = await sha256OfFile(to);
      // A file being replaced while it is copied would differ; attachments are written once.
      if (sourceHash !== copyHash) throw new BackupVerificationError(`copy of ${relative} differs from its source`);
      files.push({ path: relative, bytes: fs.statSync(to).size, sha256: copyHash });
    }

    await step('finish', 0, 1);
    const storeBytes = fs.statSync(storeCopy).size;
    const manifest: BackupManifest = {
      app: backupApp,
      format: 1,
      createdAt: o.at.toISOString(),
      trigger: o.trigger,
      deviceId: o.deviceId,
      orgName: o.orgName,
      schemaVersion,
      counts,
      store: { bytes: storeBytes, sha256: await sha256OfFile(storeCopy) },
      files,
      verified: { integrityCheck: 'ok', countsMatch: true },
      ...(o.encryption ? { encryption: o.encryption.manifest } : {}),
    };
    writeFileDurably(path.join(partial, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
    const final = path.join(o.folder, name);
    renameDurably(partial, final);
    return { path: final, manifest, bytes: storeBytes + files.reduce((n, f) => n + f.bytes, 0) };
  } catch (e) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw e;
  }
}

function uniqueName(folder: string, base: string): string {
  let name = base;
  for (let i = 2; fs.existsSync(path.join(folder, name)) || fs.existsSync(path.join(folder, `.partial-${name}`)); i++)
    name = `${base}-${i}`;
  return name;
}

/**
 * Keeps the newest `keep` generations written by this desk (a shared network folder may hold
 * other desks' backups, which are theirs to rotate) and removes partial ones it left behind.
 */
export function rotateBackups(folder: string, deviceId: string, keep: number): string[] {
  const mine: { dir: string; createdAt: string }[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    // Called under the backup lock, so a partial generation of this desk is one a crash left behind.
    if (entry.isDirectory() && entry.name.startsWith(`.partial-${generationPrefix}`) && entry.name.includes(deviceId.slice(-8))) {
      fs.rmSync(path.join(folder, entry.name), { recursive: true, force: true });
      continue;
    }
    if (!entry.isDirectory() || !entry.name.startsWith(generationPrefix)) continue;
    try {
      const m = JSON.parse(fs.readFileSync(path.join(folder, entry.name, manifestFileName), 'utf8')) as Partial<BackupManifest>;
      if (m.app === backupApp && m.deviceId === deviceId && typeof m.createdAt === 'string') {
        mine.push({ dir: path.join(folder, entry.name), createdAt: m.createdAt });
      }
    } catch {
      // Not a complete generation of ours: left alone.
    }
  }
  mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const removed = mine.slice(keep).map((g) => g.dir);
  for (const dir of removed) fs.rmSync(dir, { recursive: true, force: true });
  return removed;
}
