import type { DeskShell } from '../deskShell.ts';
import { recoveryKeyOf } from '../keys/deskKeyring.ts';
import type { BackupKeys } from './backupInspect.ts';

/** The keys a backup may open with: this desk's own, and the recovery key typed with the request. */
export function keysOf(shell: DeskShell, recoveryKey?: string): BackupKeys {
  return { dataKey: shell.dataKey(), recoveryKey: recoveryKeyOf(recoveryKey) };
}
