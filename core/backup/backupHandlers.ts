import fs from 'node:fs';
import path from 'node:path';
import { writeSetting } from '../../db/queries/settings.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import type { DeskShell } from '../deskShell.ts';
import type { Handlers } from '../dispatcher.ts';
import { backupSettingKeys, loadBackupConfig, rememberBackupFolder } from './backupConfig.ts';
import { inspectBackup } from './backupInspect.ts';
import { entryOf, listBackups, restorableBackup } from './backupListing.ts';
import type { BackupService } from './backupService.ts';
import { viewOf } from './backupService.ts';
import { keysOf } from './shellKeys.ts';
import { storageProblemOf } from './storageErrors.ts';

type BackupHandlers = Pick<
  Handlers,
  'backup.status' | 'backup.configure' | 'backup.run' | 'backup.list' | 'backup.inspect' | 'backup.restore'
>;

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
  return {
    'backup.status': (_input, call) => backups.status(call.locale),

    'backup.configure': async (input, call) => {
      const folder = path.resolve(input.folder);
      checkWritableFolder(folder);
      const at = ctx.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await writeSetting(trx, backupSettingKeys.folder, folder, at);
        await writeSetting(trx, backupSettingKeys.dailyTime, input.dailyTime, at);
        await writeSetting(trx, backupSettingKeys.keep, input.keep, at);
        await writeSetting(trx, backupSettingKeys.onQuit, input.onQuit, at);
        await recordAudit(ctx, trx, { at, actorId: call.session.user.id, action: 'settings.backup', detail: { ...input, folder } });
      });
      rememberBackupFolder(shell.dataDir, folder);
      return backups.status(call.locale);
    },

    'backup.run': async (_input, call) => {
      const run = await backups.run('manual', call.session.user.id);
      if (!run.ok && run.error) throw new DeskError('store_error', run.error);
      return viewOf(run, call.locale);
    },

    'backup.list': async (input, call) => {
      const { config } = await loadBackupConfig(db, shell.dataDir);
      const folder = input.folder ? path.resolve(input.folder) : config.folder;
      // The default folder appears with the first backup; a chosen one that is missing is said so (USB unplugged).
      if (!input.folder && config.isDefaultFolder && !fs.existsSync(folder)) return { folder, items: [] };
      return { folder, items: await listBackups(folder, call.locale, keysOf(shell)) };
    },

    'backup.inspect': async (input, call) => {
      return entryOf(input.path, await inspectBackup(input.path, { thorough: true, keys: keysOf(shell, input.recoveryKey) }), call.locale);
    },

    'backup.restore': async (input, call) => {
      const backup = await restorableBackup(input.path, keysOf(shell, input.recoveryKey));
      return shell.restore(backup, { id: call.session.user.id, username: call.session.user.username });
    },
  };
}
