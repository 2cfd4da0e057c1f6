/** The answer of every call, whichever transport carried it. */

export const errorCodes = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'locked',
  'not_found',
  'unknown_method',
  'conflict',
  'not_initialized',
  'already_initialized',
  'invalid_transition',
  'store_error',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface DeskErrorBody {
  code: ErrorCode;
  message: string;
  /** Per-field messages keyed by dotted path (`complainant.name`), in the caller's language. */
  fields?: Record<string, string>;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: DeskErrorBody };

/** The HTTP status each error code travels with. */
export const httpStatusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  locked: 423,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  not_initialized: 409,
  already_initialized: 409,
  invalid_transition: 409,
  store_error: 503,
  internal: 500,
};

/** Call metadata every transport carries beside the input. */
export interface CallContext {
  token?: string | undefined;
  locale?: string | undefined;
  /**
   * Where the call came from, for what strangers can do (wrong passwords, refused calls): the
   * browser host's caller address; absent in Electron, whose one window is one place.
   */
  source?: string | undefined;
}

/** The place of a call without a source: the Electron window, or a test. */
export const localSource = 'local';
