import type { Refusal, RefusalCode } from '../domain/sync/protocol.ts';

/** A request the server turns down, with its HTTP status; nothing it would have written is kept. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: RefusalCode,
    message: string,
    readonly extra: Omit<Refusal, 'error' | 'message'> = {},
  ) {
    super(message);
  }

  body(): Refusal {
    return { error: this.code, message: this.message, ...this.extra };
  }
}
