import { z } from 'zod';

/** The field shapes every input schema is built from, so a rule like "blank means absent" is one rule. */

/** Required text: trimmed, not empty, at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** Optional text: trimmed; an empty field means the field was left out. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const id = z.string().trim().min(1).max(64);

export const isoDateTime = z.iso.datetime({ offset: true });
