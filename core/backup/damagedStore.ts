import { StoreKeyError } from '../../db/cipher.ts';
import { StoreTooNewError } from '../../db/migrate.ts';
import { deskMethods } from '../../domain/api/deskApi.ts';
import { createSessions } from '../auth/sessions.ts';
import { DeskError, type MessageRef } from '../deskError.ts';
import type { DeskShell } from '../deskShell.ts';
import { createDispatcher, type Dispatch, type Handlers } from '../dispatcher.ts';
import { DeskKeyError } from '../keys/storeKey.ts';
import { recoveryList, recoveryRestore, recoveryUnlock } from '../recovery/recoveryHandlers.ts';
import { translatorFor } from '../translate.ts';
import { storageMessage, storageProblemOf } from './storageErrors.ts';

/** Why the store could not be opened, as the recovery screen explains it. */
export interface StoreDamage {
  state: 'damaged' | 'tooNew' | 'unavailable' | 'locked';
  message: MessageRef;
  detail: string;
}

export function storeDamageOf(e: unknown): StoreDamage {
  const detail = e instanceof Error ? e.message : String(e);
  if (e instanceof StoreTooNewError) {
    return { state: 'tooNew', message: { key: 'backup:health.tooNew', values: { version: e.storeVersion, latest: e.appVersion } }, detail };
  }
  if (e instanceof DeskKeyError) return { state: 'locked', message: { key: `backup:keys.locked.${e.problem}` }, detail };
  if (e instanceof StoreKeyError) return { state: 'locked', message: { key: 'backup:keys.locked.keyMismatch' }, detail };
  const problem = storageProblemOf(e);
  if (problem && problem !== 'damaged' && problem !== 'ioError') {
    return { state: 'unavailable', message: storageMessage(problem, 'desk.sqlite'), detail };
  }
  return { state: 'damaged', message: { key: 'backup:health.damaged' }, detail };
}

/**
 * The dispatcher of a desk whose store could not be opened: `desk.health` says why,
 * `recovery.list` finds the backups and `recovery.restore` puts one in place; every other
 * method answers `store_error` with the same explanation, never an empty desk.
 */
export function damagedDispatcher(shell: DeskShell, damage: StoreDamage, log: (e: unknown) => void): Dispatch {
  const unavailable = async () => {
    throw new DeskError('store_error', damage.message);
  };
  const handlers = Object.fromEntries(Object.keys(deskMethods).map((m) => [m, unavailable])) as unknown as Handlers;
  handlers['desk.health'] = async (_input, call) => ({
    state: damage.state,
    message: translatorFor(call.locale)(damage.message.key, damage.message.values ?? {}),
    detail: damage.detail,
    backupFolder: shell.rememberedBackupFolder(),
  });
  handlers['recovery.list'] = (input, call) => recoveryList(shell, input.folder, call.locale);
  handlers['recovery.restore'] = (input) => recoveryRestore(shell, input);
  handlers['recovery.unlock'] = (input) => recoveryUnlock(shell, input);
  return createDispatcher(handlers, createSessions({ idleMs: 0, now: Date.now }), log);
}
