import type { Refusal, RefusalCode } from '../domain/sync/protocol.ts';
import { type MessageValues, type ServerMessageKey, serverMessage } from './messages.ts';

/** A request the server turns down, with its HTTP status; nothing it would have written is kept. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: RefusalCode,
    readonly key: ServerMessageKey,
    readonly values: MessageValues = {},
    readonly extra: Omit<Refusal, 'error' | 'message'> = {},
  ) {
    super(serverMessage(key, values, 'en'));
  }

  /** The answer, its message in the language the request asked for. */
  body(acceptLanguage: string | undefined): Refusal {
    return { error: this.code, message: serverMessage(this.key, this.values, acceptLanguage), ...this.extra };
  }
}
