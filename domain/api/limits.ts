/** Lengths the desk accepts; longer text is refused at the boundary, never truncated. */
export const textLimits = {
  name: 100,
  username: 32,
  password: 128,
  shortText: 200,
  subject: 200,
  content: 10_000,
  reason: 2_000,
  query: 100,
  reference: 60,
} as const;

export const passwordMinLength = 8;
export const pageSizeMax = 200;

/** How much one intake may hold. */
export const intakeLimits = {
  coComplainants: 50,
  witnesses: 10,
  headCount: 10_000,
} as const;

/** Evidence: photos, scanned letters, PDFs and recordings, each within these limits. */
export const attachmentLimits = {
  maxBytes: 20 * 1024 * 1024,
  perCase: 20,
  nameLength: 200,
  /** An upload not attached to a case within this long is removed (the desk looks every hour). */
  unattachedKeepHours: 24,
  /** Uploads waiting to be attached may hold this much at most; more is refused until some are attached or removed. */
  unattachedMaxBytes: 200 * 1024 * 1024,
} as const;

/** The kinds of file a desk keeps as evidence, by MIME type. */
export const attachmentTypes = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/wav',
  'audio/x-wav',
  'audio/amr',
  'audio/ogg',
  'text/plain',
] as const;
