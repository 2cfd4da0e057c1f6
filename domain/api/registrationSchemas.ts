import { z } from 'zod';
import { intakePrompts } from '../cases/intakePrompts.ts';
import { anonymousAllowed, complainantRelations, declineReasons, redirectTargets } from '../cases/intakeVocabulary.ts';
import { isValidPhone } from '../cases/phone.ts';
import { channels, recordTypes, severities } from '../cases/vocabulary.ts';
import { id, isoDateTime, optionalText, text } from './fields.ts';
import { attachmentLimits, intakeLimits, textLimits } from './limits.ts';

/**
 * Inputs of registration, the desk's decision, printing and attachments. Custom issues carry
 * the `field.*` message key of the `errors` namespace as their message.
 */

const isoDate = z.iso.date();
const phone = optionalText(32).refine((v) => v === undefined || isValidPhone(v), { message: 'phone' });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** The complainant as typed; the name may be blank only on an anonymous record (checked below). */
const complainantFields = {
  name: optionalText(textLimits.name),
  phone,
  address: optionalText(textLimits.shortText),
  unit: optionalText(textLimits.name),
  idNumber: optionalText(32).refine((v) => v === undefined || /^[0-9A-Za-z()（）-]{6,32}$/.test(v), { message: 'idNumber' }),
  relation: z.enum(complainantRelations).optional(),
};
export const complainantInput = z.strictObject(complainantFields);
const coComplainantInput = z.strictObject({ ...complainantFields, name: text(textLimits.name) });

export const attachmentRefInput = z.strictObject({
  sha256,
  name: text(attachmentLimits.nameLength),
  mime: text(100),
  size: z.int().min(1).max(attachmentLimits.maxBytes),
});

export const registerCaseInput = z
  .strictObject({
    type: z.enum(recordTypes),
    channel: z.enum(channels),
    complainant: complainantInput,
    anonymous: z.boolean().optional(),
    coComplainants: z.array(coComplainantInput).max(intakeLimits.coComplainants).optional(),
    headCount: z.int().min(1).max(intakeLimits.headCount).optional(),
    witnesses: z
      .array(z.strictObject({ name: text(textLimits.name), phone }))
      .max(intakeLimits.witnesses)
      .optional(),
    subject: text(textLimits.subject),
    content: text(textLimits.content),
    demands: optionalText(textLimits.content),
    categoryId: id.optional(),
    severity: z.enum(severities).optional(),
    respondent: z
      .strictObject({
        departmentId: id.optional(),
        person: optionalText(textLimits.name),
        userId: id.optional(),
      })
      .optional(),
    occurredAt: isoDateTime.optional(),
    occurredPlace: optionalText(textLimits.shortText),
    letter: z.strictObject({ number: optionalText(textLimits.reference), date: isoDate.optional() }).optional(),
    transfer: z.strictObject({ source: text(textLimits.shortText), reference: optionalText(textLimits.reference) }).optional(),
    receivedAt: isoDateTime.optional(),
    confidential: z.boolean().optional(),
    attachments: z.array(attachmentRefInput).max(attachmentLimits.perCase).optional(),
    /** The hospital intake prompts the receptionist gave (domain/cases/intakePrompts.ts). */
    promptsGiven: z.array(z.enum(intakePrompts)).max(intakePrompts.length).optional(),
  })
  .superRefine(
    (v, ctx) => {
      // Runs even when other fields failed (`when` below), so every message shows at once:
      // `v` may then be partial, hence the optional chaining.
      const name = v.complainant?.name;
      if (v.anonymous && v.type && !anonymousAllowed(v.type)) {
        ctx.addIssue({ code: 'custom', path: ['anonymous'], message: 'anonymousNotAllowed' });
      }
      if (!v.anonymous && !name) {
        ctx.addIssue({ code: 'custom', path: ['complainant', 'name'], message: 'required' });
      }
      if (v.channel === 'transferred' && !v.transfer) ctx.addIssue({ code: 'custom', path: ['transfer', 'source'], message: 'required' });
      if (v.channel && v.channel !== 'transferred' && v.transfer) {
        ctx.addIssue({ code: 'custom', path: ['transfer', 'source'], message: 'onlyForTransferred' });
      }
      if (v.channel && v.channel !== 'letter' && v.letter)
        ctx.addIssue({ code: 'custom', path: ['letter', 'number'], message: 'onlyForLetters' });
      const people = 1 + (Array.isArray(v.coComplainants) ? v.coComplainants.length : 0);
      if (typeof v.headCount === 'number' && v.headCount < people) {
        ctx.addIssue({ code: 'custom', path: ['headCount'], message: 'headCountTooSmall' });
      }
    },
    { when: () => true },
  );

/** Repeat-complaint lookup while the phone number or name is typed. */
export const lookupComplainantInput = z.strictObject({
  phone: optionalText(32),
  name: optionalText(textLimits.name),
  limit: z.int().min(1).max(50).optional(),
});

export const suggestTriageInput = z.strictObject({
  subject: z.string().max(textLimits.subject),
  content: z.string().max(textLimits.content),
  demands: z.string().max(textLimits.content).optional(),
  /** The category chosen so far: it may call for intake prompts the text does not. */
  categoryId: id.optional(),
});

/** The desk's decision on a registered case: accept and route, decline, resolve on the spot, redirect. */
export const decisionActionInputs = [
  z.strictObject({
    type: z.literal('accept'),
    departmentId: id,
    handlerId: id.optional(),
    coDepartmentIds: z.array(id).max(20).optional(),
  }),
  z
    .strictObject({ type: z.literal('decline'), reasonCode: z.enum(declineReasons).optional(), reason: optionalText(textLimits.reason) })
    // A reason from the list may stand alone; `other` (or no code, a reason given as text alone) needs the text.
    .refine((v) => (v.reasonCode ?? 'other') !== 'other' || v.reason !== undefined, { path: ['reason'], message: 'required' }),
  z.strictObject({
    type: z.literal('resolveOnSpot'),
    resolution: text(textLimits.reason),
    satisfaction: z.int().min(1).max(5),
  }),
  z
    .strictObject({ type: z.literal('redirect'), target: z.enum(redirectTargets), note: optionalText(textLimits.reason) })
    .refine((v) => v.target !== 'otherAuthority' || v.note !== undefined, { path: ['note'], message: 'required' }),
] as const;

/** The documents of one case (the analysis is printed too: domain/api/printSchemas.ts). */
export const printTemplates = ['slip', 'registrationForm', 'declineNotice', 'redirectGuidance', 'replyLetter'] as const;
export type PrintTemplate = (typeof printTemplates)[number];

/** A case's document, one arm of `print.render`'s input (domain/api/printSchemas.ts). */
export const casePrintInput = z.strictObject({
  template: z.enum(printTemplates),
  caseId: id,
  /** `preview` shows it; `print` records a copy (the second and later are marked as reprints). */
  purpose: z.enum(['preview', 'print']).optional(),
  slipWidth: z.enum(['80', '58']).optional(),
});

export const uploadAttachmentInput = z.strictObject({
  name: text(attachmentLimits.nameLength),
  mime: z.string().trim().max(100),
  /**
   * The bytes, base64-encoded: JSON carries them over IPC and HTTP alike. The size limit is
   * checked on the decoded bytes by the handler, which can say it in megabytes.
   */
  dataBase64: z.string().min(1),
});

export const addAttachmentsInput = z.strictObject({
  caseId: id,
  attachments: z.array(attachmentRefInput).min(1).max(attachmentLimits.perCase),
});

export const getAttachmentInput = z.strictObject({ caseId: id, sha256 });
