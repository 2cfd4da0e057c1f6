import { z } from 'zod';
import { id, text } from '../api/fields.ts';
import { textLimits } from '../api/limits.ts';

/** Inputs of transfers between sites (转办) made at the console. */

export const caseTransferInput = z.strictObject({
  caseId: id,
  toSiteId: z.int().min(1),
  reason: text(textLimits.reason),
});

export const caseTransferSitesInput = z.strictObject({ caseId: id });
