import fs from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { openStore } from '../db/connection.ts';
import { latestHlc } from '../db/queries/caseEvents.ts';
import { writeSetting } from '../db/queries/settings.ts';
import type { CallContext, Envelope } from '../domain/api/envelope.ts';
import { createWorkingCalendar } from '../domain/deadlines/workingCalendar.ts';
import { authHandlers } from './auth/authHandlers.ts';
import { createSessions } from './auth/sessions.ts';
import { bundledCalendarData } from './calendar/bundledCalendar.ts';
import { boardHandlers } from './cases/boardHandlers.ts';
import { caseHandlers } from './cases/caseHandlers.ts';
import { departmentHandlers } from './departments/departmentHandlers.ts';
import { createContextTools, type DeskContext } from './deskContext.ts';
import { createDispatcher, type Handlers } from './dispatcher.ts';
import { loadSettings, settingKeys } from './settings.ts';
import { setupHandlers } from './setup/setupHandlers.ts';
import { createUserHandlers } from './users/createUser.ts';

export interface DeskOptions {
  dataDir: string;
  /** The clock, replaceable by tests. */
  now?: () => Date;
  /** How long a session lives without a call. */
  sessionIdleMs?: number;
  log?: (e: unknown) => void;
}

export interface Desk {
  call(method: string, input: unknown, context?: CallContext): Promise<Envelope<unknown>>;
  close(): Promise<void>;
  readonly dataDir: string;
}

/** Opens the desk in `dataDir`: the store, its schema, the handlers and the dispatcher. */
export async function createDesk(options: DeskOptions): Promise<Desk> {
  const now = options.now ?? (() => new Date());
  fs.mkdirSync(options.dataDir, { recursive: true });
  const store = openStore(options.dataDir);
  let deviceId = (await loadSettings(store.db)).deviceId;
  if (!deviceId) {
    deviceId = uuidv7();
    await writeSetting(store.db, settingKeys.deviceId, deviceId, now().toISOString());
  }
  const sessions = createSessions({ idleMs: options.sessionIdleMs ?? 8 * 3_600_000, now: () => now().getTime() });
  const ctx: DeskContext = {
    store,
    sessions,
    calendar: createWorkingCalendar(bundledCalendarData()),
    deviceId,
    now,
    ...createContextTools(deviceId, await latestHlc(store.db), now),
  };
  const handlers: Handlers = {
    ...setupHandlers(ctx),
    ...authHandlers(ctx),
    ...caseHandlers(ctx),
    ...boardHandlers(ctx),
    ...createUserHandlers(ctx),
    ...departmentHandlers(ctx),
  };
  const dispatch = createDispatcher(handlers, sessions, options.log ?? ((e) => console.error(e)));
  return {
    dataDir: options.dataDir,
    call: (method, input, context = {}) => dispatch(method, input, context),
    close: () => store.close(),
  };
}
