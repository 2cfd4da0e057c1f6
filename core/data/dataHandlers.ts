import fs from 'node:fs';
import path from 'node:path';
import { countRows } from '../../db/queries/integrity.ts';
import { countUsers } from '../../db/queries/users.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { hashPassword } from '../auth/password.ts';
import { loadBackupConfig } from '../backup/backupConfig.ts';
import { keysOf } from '../backup/shellKeys.ts';
import { asStorageError } from '../backup/storageErrors.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import type { DeskShell } from '../deskShell.ts';
import type { Handlers } from '../dispatcher.ts';
import type { Jobs } from '../jobs/jobRegistry.ts';
import { backupEncryptionOf } from '../keys/deskKeyring.ts';
import { exportStore } from './exportData.ts';
import { importInto, loadExport } from './importData.ts';

type DataHandlers = Pick<Handlers, 'data.export' | 'data.import'>;

export function dataHandlers(ctx: DeskContext, shell: DeskShell, jobs: Jobs): DataHandlers {
  const { db } = ctx.store;
  return {
    'data.export': async (input, call) => {
      const folder = input.folder ? path.resolve(input.folder) : (await loadBackupConfig(db, shell.dataDir)).config.folder;
      if (!input.folder) fs.mkdirSync(folder, { recursive: true });
      if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw invalidField('folder', 'backup:field.folderMissing');
      const at = ctx.now();
      const dataKey = ctx.store.key;
      const sealing = dataKey ? { dataKey, header: backupEncryptionOf(shell.dataDir, dataKey) } : null;
      const result = await jobs.run('export', call.session.user.id, async (progress) => {
        try {
          return await exportStore(ctx.store.file, folder, input.format, at, sealing, progress);
        } catch (e) {
          throw asStorageError(e, folder);
        }
      });
      // Exports carry every complainant's personal data: who took one, and where, is audited.
      await recordAudit(ctx, db, {
        at: at.toISOString(),
        actorId: call.session.user.id,
        action: 'data.export',
        target: result.path,
        detail: { format: input.format, counts: result.counts },
      });
      return result;
    },

    'data.import': async (input) => {
      // Only a desk nobody has set up: an import never merges into or overwrites real records.
      if ((await countUsers(db)) > 0 || countRows(ctx.store.sqlite, 'cases') > 0)
        throw new DeskError('conflict', { key: 'backup:import.notEmpty' });
      // Nobody is signed in yet: the job is the desk's, and the page that started it reads it without a session.
      return jobs.run('import', null, (progress) =>
        shell.alone(async () => {
          const loaded = loadExport(input.path, keysOf(shell, input.recoveryKey));
          const administrator = {
            password: input.adminPassword,
            passwordHash: await hashPassword(input.adminPassword),
            at: ctx.now().toISOString(),
          };
          let outcome: Awaited<ReturnType<typeof importInto>>;
          try {
            outcome = await importInto(ctx.store.file, ctx.store.key, loaded, administrator, progress);
          } catch (e) {
            if (e instanceof DeskError) throw e;
            throw asStorageError(e, shell.dataDir);
          }
          await recordAudit(ctx, db, {
            actorId: null,
            action: 'data.import',
            target: path.resolve(input.path),
            detail: { cases: outcome.cases, events: outcome.events, administrator: outcome.administrator },
          });
          // The imported desk's identity (device id, clock) is loaded by reopening it.
          await shell.reload();
          return outcome;
        }),
      );
    },
  };
}
