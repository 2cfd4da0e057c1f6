import type { ConsoleSessionUser } from '../../domain/console/accessViews.ts';
import type { ConsoleMethod, ConsoleOutput, ConsoleParsedInput, consoleMethods } from '../../domain/console/consoleApi.ts';
import type { Language } from '../../locales/resources.ts';

/** A signed-in group account's call: its account as the store has it now, and its token's hash. */
export interface ConsoleSession {
  tokenHash: string;
  user: ConsoleSessionUser;
}

type SessionOf<M extends ConsoleMethod> = (typeof consoleMethods)[M]['session'] extends true ? ConsoleSession : ConsoleSession | null;

export interface ConsoleCall<M extends ConsoleMethod> {
  session: SessionOf<M>;
  locale: Language;
  /** The caller's address, for wrong passwords and the audit log. */
  source: string;
  /** Whether the request carried the setup token this process printed (still unspent). */
  setupToken: boolean;
}

export type ConsoleHandlers = {
  [M in ConsoleMethod]: (input: ConsoleParsedInput<M>, call: ConsoleCall<M>) => Promise<ConsoleOutput<M>>;
};
