import { z } from 'zod';
import {
  caseStatuses,
  channels,
  compensationForms,
  contactMethods,
  correctableFields,
  findings,
  recordTypes,
  severities,
} from '../cases/vocabulary.ts';
import { id, isoDateTime, optionalText, text } from './fields.ts';
import { pageSizeMax, textLimits } from './limits.ts';

/** Inputs of case handling: the lifecycle actions after registration, the board, inbox and inquiries. */

export const handlingActionInputs = [
  z.strictObject({
    type: z.literal('assign'),
    departmentId: id,
    coDepartmentIds: z.array(id).max(20).optional(),
    handlerId: id.optional(),
    reason: text(textLimits.reason),
  }),
  z.strictObject({ type: z.literal('startInvestigation') }),
  z.strictObject({ type: z.literal('note'), text: text(textLimits.content) }),
  z.strictObject({
    type: z.literal('contact'),
    contactedAt: isoDateTime.optional(),
    method: z.enum(contactMethods),
    person: text(textLimits.name),
    summary: text(textLimits.content),
  }),
  z.strictObject({
    type: z.literal('propose'),
    text: text(textLimits.content),
    finding: z.enum(findings),
    compensation: z.strictObject({ amount: z.number().positive().max(100_000_000), form: z.enum(compensationForms) }).optional(),
  }),
  z.strictObject({ type: z.literal('approve'), comment: optionalText(textLimits.reason) }),
  z.strictObject({ type: z.literal('sendBack'), reason: text(textLimits.reason) }),
  z.strictObject({ type: z.literal('respond'), channel: z.enum(contactMethods), content: text(textLimits.content) }),
  z.strictObject({
    type: z.literal('followUp'),
    method: z.enum(contactMethods),
    satisfaction: z.int().min(1).max(5),
    comment: optionalText(textLimits.reason),
    explanationAccepted: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('close'), reason: optionalText(textLimits.reason), override: z.boolean().optional() }),
  z.strictObject({ type: z.literal('review'), reason: text(textLimits.reason) }),
  z.strictObject({ type: z.literal('escalate'), reason: text(textLimits.reason) }),
  z.strictObject({
    type: z.literal('correct'),
    field: z.enum(correctableFields),
    value: z.string().trim().max(textLimits.content),
    reason: text(textLimits.reason),
  }),
  z.strictObject({ type: z.literal('archive') }),
  z.strictObject({ type: z.literal('link'), number: text(32) }),
  z.strictObject({ type: z.literal('merge'), intoNumber: text(32), reason: text(textLimits.reason) }),
  // To another site of the group: the site's id as the server gave it (sync.sites).
  z.strictObject({ type: z.literal('transfer'), toSiteId: text(40), reason: text(textLimits.reason) }),
] as const;

/** What the board and the list filter on; every filter narrows an indexed query. */
const caseFilterFields = {
  statuses: z.array(z.enum(caseStatuses)).max(caseStatuses.length).optional(),
  mine: z.boolean().optional(),
  departmentId: id.optional(),
  categoryId: id.optional(),
  severity: z.enum(severities).optional(),
  channel: z.enum(channels).optional(),
  type: z.enum(recordTypes).optional(),
  overdue: z.boolean().optional(),
  dueSoon: z.boolean().optional(),
  awaitingFollowUp: z.boolean().optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  q: optionalText(textLimits.query),
};

export const caseSorts = ['newest', 'oldest', 'due'] as const;
export type CaseSort = (typeof caseSorts)[number];

export const boardInput = z.strictObject({ ...caseFilterFields, perColumn: z.int().min(1).max(100).optional() });

export const browseCasesInput = z.strictObject({
  ...caseFilterFields,
  sort: z.enum(caseSorts).optional(),
  limit: z.int().min(1).max(pageSizeMax).optional(),
  cursor: z.string().max(200).optional(),
});

export const verifyChainInput = z.strictObject({ id: id.optional() });

export const inquireInput = z.strictObject({
  number: text(32),
  queryCode: z.string().trim().toUpperCase().min(1).max(12),
});

export const caseHandlersInput = z.strictObject({ departmentId: id.optional() });
