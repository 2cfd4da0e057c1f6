import { z } from 'zod';
import { caseStatuses, channels, orgProfiles, recordTypes, severities } from '../cases/vocabulary.ts';
import { firstAdminInput } from './accessSchemas.ts';
import { extendAction, pauseAction, resumeAction } from './deadlineSchemas.ts';
import { id, isoDateTime, optionalText, text } from './fields.ts';
import { handlingActionInputs } from './handlingSchemas.ts';
import { pageSizeMax, textLimits } from './limits.ts';
import { decisionActionInputs } from './registrationSchemas.ts';

/**
 * zod schemas of every DeskApi input. Objects are strict: an unknown field is a mistake by
 * the caller, answered with `invalid_input`, never silently dropped.
 */

export const emptyInput = z.strictObject({});

export const setupInitInput = z.strictObject({
  orgName: text(textLimits.name),
  profile: z.enum(orgProfiles),
  admin: firstAdminInput,
});

export const getCaseInput = z.union([z.strictObject({ id }), z.strictObject({ number: text(32) })]);

export const listCasesInput = z.strictObject({
  status: z.enum(caseStatuses).optional(),
  departmentId: id.optional(),
  handlerId: id.optional(),
  categoryId: id.optional(),
  severity: z.enum(severities).optional(),
  type: z.enum(recordTypes).optional(),
  channel: z.enum(channels).optional(),
  respondentDepartmentId: id.optional(),
  respondentPerson: optionalText(textLimits.name),
  overdue: z.boolean().optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  q: optionalText(textLimits.query),
  /** Open cases whose current deadline falls by the end of the N-th working day from today (0: today). */
  dueWithinDays: z.int().min(0).max(60).optional(),
  limit: z.int().min(1).max(pageSizeMax).optional(),
  cursor: z.string().max(200).optional(),
});

export const caseActionInput = z.discriminatedUnion('type', [
  ...decisionActionInputs,
  ...handlingActionInputs,
  extendAction,
  pauseAction,
  resumeAction,
]);

export const actOnCaseInput = z.strictObject({ id, action: caseActionInput });

export const createDepartmentInput = z.strictObject({
  name: text(textLimits.name),
  parentId: id.optional(),
});
