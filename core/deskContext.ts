import { createHash, randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Store } from '../db/connection.ts';
import { decodeHlc, encodeHlc, type HlcState, receiveHlc, tickHlc } from '../domain/cases/hlc.ts';
import type { WorkingCalendar } from '../domain/deadlines/workingCalendar.ts';
import type { AuditBudget } from './audit/auditBudget.ts';
import type { LoginThrottle } from './auth/loginThrottle.ts';
import type { Sessions } from './auth/sessions.ts';

/** What every handler may use: the store, the clock, identity and the calendar. */
export interface DeskContext {
  store: Store;
  sessions: Sessions;
  /** Wrong passwords per place and name. */
  loginThrottle: LoginThrottle;
  /** How many rows strangers' calls may add to the audit log. */
  auditBudget: AuditBudget;
  calendar: WorkingCalendar;
  deviceId: string;
  now(): Date;
  newId(): string;
  nextHlc(): string;
  /** Takes in the clock of an event received from another desk: the next event is ordered after it. */
  receiveHlc(hlc: string): void;
  sha256(text: string): string;
  randomInts(count: number, bound: number): number[];
}

/** `lastWallMs`: the newest wall time the log's clock reached; the clock goes on after it. */
export function createContextTools(deviceId: string, lastWallMs: number, now: () => Date) {
  let hlc: HlcState = { wallMs: lastWallMs + 1, counter: 0 };
  return {
    newId: () => uuidv7(),
    nextHlc: () => {
      hlc = tickHlc(hlc, now().getTime());
      return encodeHlc(hlc, deviceId);
    },
    receiveHlc: (remote: string) => {
      hlc = receiveHlc(hlc, decodeHlc(remote), now().getTime());
    },
    sha256: (text: string) => createHash('sha256').update(text, 'utf8').digest('hex'),
    randomInts: (count: number, bound: number) => Array.from({ length: count }, () => randomInt(bound)),
  };
}
