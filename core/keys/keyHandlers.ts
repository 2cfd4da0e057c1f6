import path from 'node:path';
import { appendAudit } from '../../db/queries/audit.ts';
import type { EncryptionStatus } from '../../domain/api/backupViews.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { issueRecoveryKey } from './deskKeyring.ts';
import { readKeysFile } from './keysFile.ts';

type KeyHandlers = Pick<Handlers, 'keys.status' | 'keys.newRecoveryKey'>;

const keyringKinds = new Set<EncryptionStatus['keyring']>(['safeStorage', 'keyFile', 'environment']);

export function keyHandlers(ctx: DeskContext): KeyHandlers {
  const dataDir = path.dirname(ctx.store.file);
  return {
    'keys.status': async () => {
      const keys = ctx.store.key ? readKeysFile(dataDir) : null;
      const kind = keys?.host.kind as EncryptionStatus['keyring'];
      return {
        encrypted: ctx.store.key !== null,
        keyring: keys && keyringKinds.has(kind) ? kind : null,
        recoveryKeyCreatedAt: keys?.recoveryCreatedAt ?? null,
      };
    },

    'keys.newRecoveryKey': async (_input, call) => {
      if (!ctx.store.key) throw new DeskError('conflict', { key: 'backup:keys.notEncrypted' });
      const createdAt = ctx.now().toISOString();
      const recoveryKey = issueRecoveryKey(dataDir, ctx.store.key, createdAt);
      // Who made a new recovery key and when; never the key itself.
      await appendAudit(ctx.store.db, {
        id: ctx.newId(),
        at: createdAt,
        actor_id: call.session.user.id,
        action: 'keys.newRecoveryKey',
        target: null,
        detail: null,
      });
      return { recoveryKey, createdAt };
    },
  };
}
