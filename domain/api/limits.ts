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
} as const;

export const passwordMinLength = 8;
export const pageSizeMax = 200;
