import { z } from 'zod';
import { recordTypes } from '../cases/vocabulary.ts';
import { retentionLimits } from '../retention/retentionRules.ts';

/** Inputs of retention (保存期限) and the removal of personal data at its end. */

const months = z.int().min(retentionLimits.minMonths).max(retentionLimits.maxMonths);

export const retentionPeriodsInput = z.strictObject({
  personalData: z.strictObject(
    Object.fromEntries(recordTypes.map((t) => [t, months])) as Record<(typeof recordTypes)[number], typeof months>,
  ),
  evidence: months,
});

export const retentionUpdateInput = z.strictObject({ periods: retentionPeriodsInput });

export const retentionApplyInput = z.strictObject({
  /** The cases the supervisor saw in the dry run: only those, and only if still due, are touched. */
  caseIds: z.array(z.string().min(1).max(64)).min(1).max(100_000),
  /** The screen's explicit confirmation: removed data cannot be brought back. */
  confirm: z.literal(true),
});
