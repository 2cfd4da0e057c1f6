import fs from 'node:fs';
import path from 'node:path';
import type Sqlite from 'better-sqlite3';
import { isPlainStoreFile, openKeyed } from '../../db/cipher.ts';
import { latestSchemaVersion } from '../../db/migrate.ts';
import { dataTables, integrityCheck, rowCountsOf, schemaVersionOf, settingValue } from '../../db/queries/integrity.ts';
import type { MessageRef } from '../deskError.ts';
import { keyIdOf, type RecoveryWrap, unwrapWithRecovery } from '../keys/sealing.ts';
import { type BackupManifest, backupApp, backupFilesDirName, backupStoreFileName, manifestFileName } from './backupManifest.ts';
import { sha256OfFile } from './dataFiles.ts';
import { storageProblemOf } from './storageErrors.ts';

/** The keys a backup may open with: this desk's own data key, and a recovery key the administrator typed. */
export interface BackupKeys {
  dataKey: Buffer | null;
  recoveryKey: Uint8Array | null;
}

const noKeys: BackupKeys = { dataKey: null, recoveryKey: null };

/** A backup that may be restored: its store, manifest (absent for a bare store file) and contents. */
export interface InspectedBackup {
  dir: string | null;
  storeFile: string;
  manifest: BackupManifest | null;
  schemaVersion: number;
  counts: Record<string, number>;
  orgName: string | null;
  createdAt: string | null;
  bytes: number;
  files: number;
  /** The data key the backup's store and files are encrypted with; null for a plain backup. */
  dataKey: Buffer | null;
  /** The backup's data key under its recovery key, kept with the restored store. */
  recovery: RecoveryWrap | null;
  recoveryCreatedAt: string | null;
  /** Encrypted, and neither this desk's key nor a recovery key opens it: listed, not restorable. */
  locked?: boolean;
}

export type Inspection = { ok: true; backup: InspectedBackup } | { ok: false; problem: MessageRef; backup: Partial<InspectedBackup> };

const refuse = (key: string, values: Record<string, string | number> = {}, backup: Partial<InspectedBackup> = {}): Inspection => ({
  ok: false,
  problem: { key: `backup:refused.${key}`, values },
  backup,
});

/**
 * Decides whether `target` (a backup generation folder, its manifest or store, or a bare
 * store file such as a set-aside one) can be restored by this version of the app: a real
 * SQLite file, a desk's store, intact (`integrity_check`), not from a newer schema, and equal
 * to what its manifest says was written (the store's hash and every attachment present).
 * A listing passes `thorough: false` and skips the two slow steps (integrity_check and the
 * store's hash), which a restore always runs.
 */
export async function inspectBackup(
  target: string,
  options: { thorough: boolean; keys?: BackupKeys | undefined } = { thorough: true },
): Promise<Inspection> {
  const keys = options.keys ?? noKeys;
  const resolved = path.resolve(target);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch (e) {
    return storageProblemOf(e) === 'folderMissing' ? refuse('notFound', { path: resolved }) : refuse('unreadable', { path: resolved });
  }
  let dir: string | null = null;
  let storeFile = resolved;
  if (stat.isDirectory()) {
    dir = resolved;
    storeFile = path.join(resolved, backupStoreFileName);
  } else if (path.basename(resolved) === manifestFileName) {
    dir = path.dirname(resolved);
    storeFile = path.join(dir, backupStoreFileName);
  } else if (fs.existsSync(path.join(path.dirname(resolved), manifestFileName))) {
    dir = path.dirname(resolved);
  }
  let manifest: BackupManifest | null = null;
  if (dir) {
    try {
      const parsed = JSON.parse(fs.readFileSync(path.join(dir, manifestFileName), 'utf8')) as Partial<BackupManifest>;
      if (parsed.app !== backupApp) return refuse('notBackup', { path: resolved });
      manifest = parsed as BackupManifest;
    } catch {
      return refuse('notBackup', { path: resolved });
    }
  }
  if (!fs.existsSync(storeFile)) return refuse('notBackup', { path: resolved });
  const encryption = manifest?.encryption ?? null;
  if (!encryption && !isPlainStoreFile(storeFile) && !keys.dataKey) return refuse('notBackup', { path: resolved });
  let dataKey: Buffer | null = null;
  if (encryption) {
    if (keys.dataKey && keyIdOf(keys.dataKey) === encryption.keyId) dataKey = keys.dataKey;
    else if (keys.recoveryKey) {
      if (!encryption.recovery) return refuse('noRecoveryKey');
      dataKey = unwrapWithRecovery(encryption.recovery, keys.recoveryKey);
      if (!dataKey || keyIdOf(dataKey) !== encryption.keyId) return refuse('wrongRecoveryKey');
    } else if (options.thorough) return refuse('needsRecoveryKey');
    else return lockedListing(dir, storeFile, manifest as BackupManifest);
  } else if (!isPlainStoreFile(storeFile)) dataKey = keys.dataKey; // a bare store file of this desk (a set-aside one)
  const encryptionOf = {
    dataKey,
    recovery: encryption?.recovery ?? null,
    recoveryCreatedAt: encryption?.recoveryCreatedAt ?? null,
  };

  let db: Sqlite.Database;
  try {
    db = openKeyed(storeFile, dataKey, { readonly: true, fileMustExist: true });
  } catch {
    return refuse('damaged', { path: resolved });
  }
  try {
    let schemaVersion: number;
    let tables: string[];
    try {
      schemaVersion = schemaVersionOf(db);
      tables = dataTables(db);
    } catch {
      return refuse('damaged', { path: resolved });
    }
    const latest = latestSchemaVersion();
    if (schemaVersion > latest) return refuse('tooNew', { version: schemaVersion, latest }, { schemaVersion });
    if (schemaVersion < 1 || !tables.includes('case_events') || !tables.includes('cases')) return refuse('notDesk', { path: resolved });
    let check = ['ok'];
    try {
      if (options.thorough) check = integrityCheck(db);
    } catch {
      check = ['unreadable'];
    }
    if (check.length !== 1 || check[0] !== 'ok') return refuse('damaged', { path: resolved }, { schemaVersion });
    const counts = manifest && !options.thorough ? manifest.counts : rowCountsOf(db);
    const orgName = (settingValue(db, 'org.name') as string | undefined) ?? null;
    db.close();
    const partial = { schemaVersion, counts, orgName };
    if (manifest) {
      if (options.thorough && manifest.store.sha256 !== (await sha256OfFile(storeFile)))
        return refuse('changed', { path: resolved }, partial);
      for (const f of manifest.files) {
        const copy = path.join(dir ?? '', backupFilesDirName, ...f.path.split('/'));
        if (!fs.existsSync(copy) || fs.statSync(copy).size !== f.bytes) return refuse('missingFile', { file: f.path }, partial);
      }
    }
    const bytes = fs.statSync(storeFile).size + (manifest?.files.reduce((n, f) => n + f.bytes, 0) ?? 0);
    return {
      ok: true,
      backup: {
        dir,
        storeFile,
        manifest,
        schemaVersion,
        counts,
        orgName: manifest?.orgName ?? orgName,
        createdAt: manifest?.createdAt ?? null,
        bytes,
        files: manifest?.files.length ?? 0,
        ...encryptionOf,
      },
    };
  } finally {
    if (db.open) db.close();
  }
}

/** An encrypted backup no key at hand opens: listed from its manifest, restorable once the recovery key is typed. */
function lockedListing(dir: string | null, storeFile: string, manifest: BackupManifest): Inspection {
  return {
    ok: true,
    backup: {
      dir,
      storeFile,
      manifest,
      schemaVersion: manifest.schemaVersion,
      counts: manifest.counts,
      orgName: manifest.orgName,
      createdAt: manifest.createdAt,
      bytes: manifest.store.bytes + manifest.files.reduce((n, f) => n + f.bytes, 0),
      files: manifest.files.length,
      dataKey: null,
      recovery: manifest.encryption?.recovery ?? null,
      recoveryCreatedAt: manifest.encryption?.recoveryCreatedAt ?? null,
      locked: true,
    },
  };
}
