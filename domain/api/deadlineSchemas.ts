import { z } from 'zod';
import { recordTypes, severities } from '../cases/vocabulary.ts';
import { clockUnits } from '../deadlines/deadline.ts';
import { textLimits } from './limits.ts';

/** Inputs of the deadline actions on a case and of the calendar and policy settings. */

const reason = z.string().trim().min(1).max(textLimits.reason);
/** One extension per case; the regulations grant 3 more working days (001:121), a month at most here. */
export const maxExtensionWorkingDays = 30;

export const extendAction = z.strictObject({
  type: z.literal('extend'),
  workingDays: z.int().min(1).max(maxExtensionWorkingDays),
  reason,
});
export const pauseAction = z.strictObject({ type: z.literal('pause'), reason });
export const resumeAction = z.strictObject({
  type: z.literal('resume'),
  reason: z
    .string()
    .trim()
    .max(textLimits.reason)
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
});

const localDate = z.iso.date();

export const calendarGetInput = z.strictObject({ year: z.int().min(2000).max(2100).optional() });
/** The text of a JSON or .ics file; 2 MB is far above any year's holiday file. */
export const calendarImportInput = z.strictObject({ content: z.string().min(1).max(2_000_000) });
export const calendarSetLocalDayInput = z.strictObject({
  date: localDate,
  kind: z.enum(['closure', 'extraWorkingDay', 'none']),
  note: z
    .string()
    .trim()
    .max(textLimits.shortText)
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
});

const clock = z.strictObject({
  unit: z.enum(clockUnits),
  amount: z.int().min(1).max(365),
  severalDepartments: z.int().min(1).max(365).optional(),
});
export const policyUpdateInput = z.strictObject({
  type: z.enum(recordTypes),
  severity: z.enum(severities),
  acknowledge: clock,
  feedback: clock,
  resolve: clock,
});

export const onTimeReportInput = z.strictObject({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) });
