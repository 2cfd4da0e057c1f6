import fs from 'node:fs';
import path from 'node:path';
import { countUsers } from '../../db/queries/users.ts';
import { checkBackupAdmin, listBackups, restorableBackup } from '../backup/backupListing.ts';
import { keysOf } from '../backup/shellKeys.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError } from '../deskError.ts';
import type { DeskShell } from '../deskShell.ts';
import type { Handlers } from '../dispatcher.ts';
import { unlockWithRecoveryKey } from '../keys/deskKeyring.ts';

type RecoveryHandlers = Pick<Handlers, 'recovery.list' | 'recovery.restore' | 'recovery.unlock'>;

/**
 * Recovery on a desk that opened: only one nobody has set up yet may restore a backup this way
 * (an administrator signs in and uses backup.restore). The desk that could not open answers
 * these from backup/damagedStore.ts with the same functions.
 */
export function recoveryHandlers(ctx: DeskContext, shell: DeskShell): RecoveryHandlers {
  const { db } = ctx.store;
  const refuseOnceInitialized = async () => {
    if ((await countUsers(db)) > 0) throw new DeskError('forbidden', { key: 'backup:recoveryNotNeeded' });
  };
  return {
    'recovery.list': async (input, call) => {
      await refuseOnceInitialized();
      return recoveryList(shell, input.folder, call.locale);
    },

    'recovery.restore': async (input) => {
      await refuseOnceInitialized();
      return recoveryRestore(shell, input);
    },

    // The desk opened: its key is at hand, there is nothing to unlock.
    'recovery.unlock': async () => {
      throw new DeskError('forbidden', { key: 'backup:recoveryNotNeeded' });
    },
  };
}

/** The backups a desk that nobody can sign in to may restore from: a chosen folder, or the remembered one. */
export async function recoveryList(shell: DeskShell, folder: string | undefined, locale: string | undefined) {
  const chosen = folder ? path.resolve(folder) : shell.rememberedBackupFolder();
  if (!chosen) return { folder: null, items: [] };
  if (!folder && !fs.existsSync(chosen)) return { folder: chosen, items: [] };
  return { folder: chosen, items: await listBackups(chosen, locale, keysOf(shell)) };
}

export async function recoveryRestore(
  shell: DeskShell,
  input: { path: string; username: string; password: string; recoveryKey?: string | undefined },
) {
  const backup = await restorableBackup(input.path, keysOf(shell, input.recoveryKey));
  const admin = await checkBackupAdmin(backup, input.username, input.password);
  return shell.restore(backup, admin);
}

/** A desk whose key this machine cannot read: the recovery key unlocks it, and the desk opens. */
export async function recoveryUnlock(shell: DeskShell, input: { recoveryKey: string }) {
  unlockWithRecoveryKey(shell.dataDir, shell.keyring, input.recoveryKey);
  await shell.reload();
  return {};
}
