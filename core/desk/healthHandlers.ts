import { countUsers } from '../../db/queries/users.ts';
import type { DeskContext } from '../deskContext.ts';
import type { DeskShell } from '../deskShell.ts';
import type { Handlers } from '../dispatcher.ts';

type HealthHandlers = Pick<Handlers, 'desk.health'>;

/** A desk that opened is healthy; the one that could not open answers from backup/damagedStore.ts. */
export function healthHandlers(ctx: DeskContext, shell: DeskShell): HealthHandlers {
  const { db } = ctx.store;
  return {
    'desk.health': async () => ({ state: 'ok', initialized: (await countUsers(db)) > 0, checking: shell.checkingStore() }),
  };
}
