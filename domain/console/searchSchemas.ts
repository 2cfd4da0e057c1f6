import { z } from 'zod';
import { id, isoDateTime, text } from '../api/fields.ts';
import { textLimits } from '../api/limits.ts';

/** Cross-site search, one case of any site, its reveal, and repeat complainants across sites. */

export const groupSearchInput = z.strictObject({
  q: z.string().trim().min(1).max(100),
  siteId: z.int().min(1).optional(),
  limit: z.int().min(1).max(200).default(50),
});

export const groupCaseInput = z.strictObject({ id });

export const revealInput = z.strictObject({ id, reason: text(textLimits.reason) });

export const groupRepeatsInput = z.strictObject({
  from: isoDateTime,
  to: isoDateTime,
  /** Only complainants seen at this many sites or more (1: repeats within one site too). */
  minSites: z.int().min(1).max(100).default(2),
  limit: z.int().min(1).max(200).default(50),
});

/** Cases whose acts conflicted (made at once on two desks), to be settled at their site: one site's or every site's. */
export const groupConflictsInput = z.strictObject({
  siteId: z.int().min(1).optional(),
  limit: z.int().min(1).max(200).default(100),
});
