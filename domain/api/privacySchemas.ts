import { z } from 'zod';
import { isValidPhone } from '../cases/phone.ts';
import { id, optionalText, text } from './fields.ts';

/**
 * Inputs of the complainant's rights (PIPL art. 44–47): finding everything the desk holds about
 * one person by phone or ID number, taking a copy of it, and removing it ahead of retention.
 */

const phone = optionalText(32).refine((v) => v === undefined || isValidPhone(v), { message: 'phone' });
const idNumber = optionalText(32).refine((v) => v === undefined || /^[0-9A-Za-z]{15,18}$/.test(v.replace(/\s/g, '')), {
  message: 'idNumber',
});

/** The two numbers a person is found by; the print of their report takes them too. */
export const personQueryFields = { phone, idNumber };

/** One person, named by a phone number or an ID number (or both: cases matching either are theirs). */
export const personQueryInput = z
  .strictObject({ phone, idNumber })
  .refine((q) => q.phone !== undefined || q.idNumber !== undefined, { message: 'phoneOrIdNumber', path: ['phone'] });

export const personExportInput = z
  .strictObject({ phone, idNumber, format: z.enum(['xlsx', 'csv']) })
  .refine((q) => q.phone !== undefined || q.idNumber !== undefined, { message: 'phoneOrIdNumber', path: ['phone'] });

/**
 * Why personal data go before their retention ends (PIPL art. 47): the purpose is achieved, the
 * person withdrew consent, the processing broke the law or an agreement, or another ground the
 * note explains.
 */
export const erasureGrounds = ['purposeAchieved', 'consentWithdrawn', 'unlawful', 'other'] as const;
export type ErasureGround = (typeof erasureGrounds)[number];

export const personEraseInput = z
  .strictObject({
    phone,
    idNumber,
    /** The cases of the person's report to clear: only finished cases in which they are the complainant. */
    caseIds: z.array(id).min(1).max(1000),
    ground: z.enum(erasureGrounds),
    /** What the person asked and how the desk checked it was them. */
    note: text(500),
    /** The screen's explicit confirmation: removed data cannot be brought back. */
    confirm: z.literal(true),
  })
  .refine((q) => q.phone !== undefined || q.idNumber !== undefined, { message: 'phoneOrIdNumber', path: ['phone'] });
