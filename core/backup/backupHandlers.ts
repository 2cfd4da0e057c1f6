import fs from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../../db/queries/audit.ts';
import { writeSetting } from '../../db/queries/settings.ts';
import { countUsers } from '../../db/queries/users.ts';
import type { Session } from '../auth/sessions.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import type { DeskShell } from '../deskShell.ts';
import type { Handlers } from '../dispatcher.ts';
import { recoveryKeyOf, unlockWithRecoveryKey } from '../keys/deskKeyring.ts';
import { backupSettingKeys, loadBackupConfig, rememberBackupFolder } from './backupConfig.ts';
import { type BackupKeys, inspectBackup } from './backupInspect.ts';
import { checkBackupAdmin, entryOf, listBackups, restorableBackup } from './backupListing.ts';
import type { BackupService } from './backupService.ts';
import { viewOf } from './backupService.ts';
import { storageProblemOf } from './storageErrors.ts';

type BackupHandlers = Pick<
  Handlers,
  | 'desk.health'
  | 'backup.status'
  | 'backup.configure'
  | 'backup.run'
  | 'backup.list'
  | 'backup.inspect'
  | 'backup.restore'
  | 'recovery.list'
  | 'recovery.restore'
  | 'recovery.unlock'
>;

/** Backups, restores and recovery change what every user sees: administrators only. */
export function requireAdmin(session: Session): void {
  if (!session.user.roles.includes('admin')) throw new DeskError('forbidden', { key: 'forbidden' });
}

/** A folder the desk can write into, or the reason next to the field. */
function checkWritableFolder(folder: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw invalidField('folder', 'backup:field.folderMissing');
  }
  if (!stat.isDirectory()) throw invalidField('folder', 'backup:field.notAFolder');
  const probe = path.join(folder, `.complaint-desk-write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (e) {
    const problem = storageProblemOf(e) ?? 'readOnly';
    throw invalidField('folder', `backup:storage.${problem}`, { path: folder });
  }
}

export function backupHandlers(ctx: DeskContext, shell: DeskShell, backups: BackupService): BackupHandlers {
  const { db } = ctx.store;
  const refuseOnceInitialized = async () => {
    if ((await countUsers(db)) > 0) throw new DeskError('forbidden', { key: 'backup:recoveryNotNeeded' });
  };

  return {
    'desk.health': async () => ({ state: 'ok', initialized: (await countUsers(db)) > 0 }),

    'backup.status': (_input, call) => backups.status(call.locale),

    'backup.configure': async (input, call) => {
      requireAdmin(call.session);
      const folder = path.resolve(input.folder);
      checkWritableFolder(folder);
      const at = ctx.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await writeSetting(trx, backupSettingKeys.folder, folder, at);
        await writeSetting(trx, backupSettingKeys.dailyTime, input.dailyTime, at);
        await writeSetting(trx, backupSettingKeys.keep, input.keep, at);
        await writeSetting(trx, backupSettingKeys.onQuit, input.onQuit, at);
        await appendAudit(trx, {
          id: ctx.newId(),
          at,
          actor_id: call.session.user.id,
          action: 'settings.backup',
          target: null,
          detail: JSON.stringify({ ...input, folder }),
        });
      });
      rememberBackupFolder(shell.dataDir, folder);
      return backups.status(call.locale);
    },

    'backup.run': async (_input, call) => {
      requireAdmin(call.session);
      const run = await backups.run('manual', call.session.user.id);
      if (!run.ok && run.error) throw new DeskError('store_error', run.error);
      return viewOf(run, call.locale);
    },

    'backup.list': async (input, call) => {
      requireAdmin(call.session);
      const { config } = await loadBackupConfig(db, shell.dataDir);
      const folder = input.folder ? path.resolve(input.folder) : config.folder;
      // The default folder appears with the first backup; a chosen one that is missing is said so (USB unplugged).
      if (!input.folder && config.isDefaultFolder && !fs.existsSync(folder)) return { folder, items: [] };
      return { folder, items: await listBackups(folder, call.locale, keysOf(shell)) };
    },

    'backup.inspect': async (input, call) => {
      requireAdmin(call.session);
      return entryOf(input.path, await inspectBackup(input.path, { thorough: true, keys: keysOf(shell, input.recoveryKey) }), call.locale);
    },

    'backup.restore': async (input, call) => {
      requireAdmin(call.session);
      const backup = await restorableBackup(input.path, keysOf(shell, input.recoveryKey));
      return shell.restore(backup, { id: call.session.user.id, username: call.session.user.username });
    },

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

/** The keys a backup may open with: this desk's own, and the recovery key typed with the request. */
export function keysOf(shell: DeskShell, recoveryKey?: string): BackupKeys {
  return { dataKey: shell.dataKey(), recoveryKey: recoveryKeyOf(recoveryKey) };
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
