import fs from 'node:fs';
import path from 'node:path';
import { renameDurably, syncFile } from '../backup/dataFiles.ts';
import type { RecoveryWrap } from './sealing.ts';

/** Beside the store: its data key, wrapped by this machine's keyring and by the recovery key. */
export const keysFileName = 'desk.keys.json';

export interface KeysFile {
  app: 'complaint-desk';
  format: 1;
  keyId: string;
  host: { kind: string; wrapped: string };
  /** Absent until an administrator has been given a recovery key (at setup, or later on 备份与数据). */
  recovery: RecoveryWrap | null;
  recoveryCreatedAt: string | null;
}

export function readKeysFile(dataDir: string): KeysFile | null {
  const file = path.join(dataDir, keysFileName);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return null;
    throw e;
  }
  const parsed = JSON.parse(text) as Partial<KeysFile>;
  if (parsed.app !== 'complaint-desk' || parsed.format !== 1 || !parsed.host || typeof parsed.keyId !== 'string')
    throw Object.assign(new Error(`${file} is not a desk key file`), { code: 'SQLITE_NOTADB' });
  return parsed as KeysFile;
}

/** Written beside, flushed, then renamed over the old one: a crash leaves the old or the new file, whole. */
export function writeKeysFile(dataDir: string, keys: KeysFile): void {
  const file = path.join(dataDir, keysFileName);
  const temporary = `${file}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  syncFile(temporary);
  renameDurably(temporary, file);
}
