import { z } from 'zod';
import { reportGroups } from '../reports/groups.ts';
import { analysisPeriods } from '../reports/periods.ts';
import { id, isoDateTime, optionalText, text } from './fields.ts';
import { textLimits } from './limits.ts';

/** A range of receipt times, half-open [from, to); `to` must come after `from` (checked in core). */
export const reportRangeInput = z.strictObject({
  from: isoDateTime,
  to: isoDateTime,
  groupBy: z.enum(reportGroups).optional(),
  /** Several breakdowns of the same cohort in one call (one pass over it). */
  breakdowns: z.array(z.enum(reportGroups)).max(reportGroups.length).optional(),
  departmentId: id.optional(),
});

export const periodInput = z.strictObject({
  kind: z.enum(analysisPeriods),
  year: z.int().min(2000).max(2100),
  index: z.int().min(1).max(12),
});

export const analysisInput = z.strictObject({ period: periodInput });

export const exportInput = z.strictObject({
  period: periodInput,
  format: z.enum(['xlsx', 'csv']),
});

export const performanceInput = z.strictObject({ from: isoDateTime, to: isoDateTime });

export const repeatsInput = z.strictObject({ from: isoDateTime, to: isoDateTime, limit: z.int().min(1).max(100).optional() });

const localDate = z.iso.date();

export const createCorrectiveActionInput = z.strictObject({
  caseId: id.optional(),
  period: z
    .string()
    .regex(/^(month|quarter|halfYear|year):\d{4}-\d{1,2}$/)
    .optional(),
  departmentId: id.optional(),
  cause: text(textLimits.reason),
  measure: text(textLimits.reason),
  training: optionalText(textLimits.reason),
  owner: text(textLimits.name),
  dueDate: localDate,
});

export const listCorrectiveActionsInput = z.strictObject({
  status: z.enum(['open', 'implemented', 'closed', 'overdue']).optional(),
  caseId: id.optional(),
  departmentId: id.optional(),
});

/** Records that the measure was carried out. */
export const implementCorrectiveActionInput = z.strictObject({ id, implementation: text(textLimits.reason) });

/** Verification of the effect: effective closes it; not effective sends it back to open. */
export const verifyCorrectiveActionInput = z.strictObject({
  id,
  effective: z.boolean(),
  verification: text(textLimits.reason),
});
