import type { ErrorCode } from '../domain/api/envelope.ts';

/** A message to translate: an i18next key in the `errors` namespace and its values. */
export interface MessageRef {
  key: string;
  values?: Record<string, string | number>;
}

/**
 * A refusal the caller can act on. Thrown by handlers; the dispatcher translates it into the
 * caller's language and answers it as `{ ok: false, error }`. Nothing is written when one is
 * thrown inside a transaction.
 */
export class DeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly ref: MessageRef,
    readonly fieldRefs?: Record<string, MessageRef>,
  ) {
    super(`${code}: ${ref.key}`);
  }
}

export const invalidField = (field: string, key: string, values?: Record<string, string | number>) =>
  new DeskError('invalid_input', { key: 'invalidInput' }, { [field]: values ? { key, values } : { key } });

/**
 * An attempt beyond the caller's role, recusal or department. The dispatcher writes it to the
 * audit log after the handler's transaction has rolled back, so the refusal leaves a trace
 * even though nothing else was written.
 */
export class AccessDenied extends DeskError {
  constructor(
    ref: MessageRef,
    readonly target: string | null,
    /** A short code the audit page words (`recused`, `role`), never a message key. */
    readonly reason: string,
  ) {
    super('forbidden', ref);
  }
}
