import { z } from 'zod';
import { id, text } from '../api/fields.ts';
import { textLimits } from '../api/limits.ts';

/** Inputs of the sites and desks page. */

/** What a site counts its activity in, for intake per 1,000 of them. */
export const volumeUnits = ['visits', 'units'] as const;
export type VolumeUnit = (typeof volumeUnits)[number];

const volume = z.strictObject({
  /** Visits (a hospital) or units served (a property company) in an ordinary month. */
  perMonth: z.int().min(1).max(100_000_000),
  unit: z.enum(volumeUnits),
});

export const siteAddInput = z.strictObject({
  name: text(textLimits.name),
  volume: volume.nullable().optional(),
});

export const siteUpdateInput = z.strictObject({
  id: z.int().min(1),
  name: text(textLimits.name).optional(),
  volume: volume.nullable().optional(),
});

export const siteIssueCodeInput = z.strictObject({
  siteId: z.int().min(1),
  /** How long the code is good for; a day unless said. */
  hours: z
    .int()
    .min(1)
    .max(24 * 14)
    .optional(),
});

export const siteCodesInput = z.strictObject({ siteId: z.int().min(1).optional() });

/** A code is named by the first letters of its hash, which the list shows: the code itself is never kept. */
export const siteRevokeCodeInput = z.strictObject({
  codeId: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{12}$/),
});

export const deskRevokeInput = z.strictObject({ id });
