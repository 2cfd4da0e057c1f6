import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { readSettings, writeSetting } from '../../db/queries/settings.ts';
import type { Database } from '../../db/schema.ts';
import type { BackupConfig, BackupTrigger } from '../../domain/api/backupViews.ts';
import { defaultBackupPolicy } from '../../domain/backup/schedule.ts';
import type { MessageRef } from '../deskError.ts';
import { renameDurably, writeFileDurably } from './dataFiles.ts';

export const backupSettingKeys = {
  folder: 'backup.folder',
  dailyTime: 'backup.dailyTime',
  keep: 'backup.keep',
  onQuit: 'backup.onQuit',
  last: 'backup.last',
  lastGood: 'backup.lastGood',
} as const;

/** One backup attempt as stored: the error as a message reference, translated when shown. */
export interface StoredBackupRun {
  at: string;
  ok: boolean;
  trigger: BackupTrigger;
  path: string | null;
  bytes: number;
  durationMs: number;
  cases: number;
  error: MessageRef | null;
}

/**
 * Until an administrator chooses a folder (a USB drive, a network share), backups go beside
 * the data folder: better than nothing, and the settings page says it is on the same disk.
 */
export const defaultBackupFolder = (dataDir: string) => path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}-backups`);

/**
 * The chosen folder is also kept in a small file beside the store, because a damaged store
 * cannot be asked where its backups are.
 */
const locationFileName = 'backup-location.json';

export function rememberBackupFolder(dataDir: string, folder: string): void {
  const file = path.join(dataDir, locationFileName);
  const temporary = `${file}.tmp`;
  writeFileDurably(temporary, JSON.stringify({ folder }));
  renameDurably(temporary, file);
}

export function rememberedBackupFolder(dataDir: string): string | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, locationFileName), 'utf8')) as { folder?: unknown };
    return typeof parsed.folder === 'string' ? parsed.folder : null;
  } catch {
    return fs.existsSync(defaultBackupFolder(dataDir)) ? defaultBackupFolder(dataDir) : null;
  }
}

export async function loadBackupConfig(db: Kysely<Database>, dataDir: string) {
  const s = await readSettings(db);
  const folder = s.get(backupSettingKeys.folder) as string | undefined;
  const config: BackupConfig = {
    folder: folder ?? defaultBackupFolder(dataDir),
    isDefaultFolder: folder === undefined,
    dailyTime: (s.get(backupSettingKeys.dailyTime) as string | undefined) ?? defaultBackupPolicy.dailyTime,
    keep: (s.get(backupSettingKeys.keep) as number | undefined) ?? defaultBackupPolicy.keep,
    onQuit: (s.get(backupSettingKeys.onQuit) as boolean | undefined) ?? defaultBackupPolicy.onQuit,
  };
  return {
    config,
    last: (s.get(backupSettingKeys.last) as StoredBackupRun | undefined) ?? null,
    lastGood: (s.get(backupSettingKeys.lastGood) as StoredBackupRun | undefined) ?? null,
  };
}

export async function saveBackupRun(db: Kysely<Database>, run: StoredBackupRun): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await writeSetting(trx, backupSettingKeys.last, run, run.at);
    if (run.ok) await writeSetting(trx, backupSettingKeys.lastGood, run, run.at);
  });
}
