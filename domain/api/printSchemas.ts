import { z } from 'zod';
import { personQueryFields } from './privacySchemas.ts';
import { casePrintInput, printTemplates } from './registrationSchemas.ts';
import { periodInput } from './reportSchemas.ts';
import { deskYear } from './sealSchemas.ts';

/** The analysis (月度/季度/半年/年度投诉情况分析) of a period, the other arm of `print.render`. */
export const analysisPrintInput = z.strictObject({
  template: z.literal('monthlyAnalysis'),
  period: periodInput,
  /** `preview` shows it; `print` records a copy (the second and later are marked as reprints). */
  purpose: z.enum(['preview', 'print']).optional(),
});

/** The register of a sealed year (归档目录). */
export const yearRegisterPrintInput = z.strictObject({
  template: z.literal('yearRegister'),
  year: deskYear,
  purpose: z.enum(['preview', 'print']).optional(),
});

/** What the desk holds about one person (个人信息查询结果), for a supervisor to hand them. */
export const personReportPrintInput = z
  .strictObject({
    template: z.literal('personReport'),
    phone: personQueryFields.phone,
    idNumber: personQueryFields.idNumber,
    purpose: z.enum(['preview', 'print']).optional(),
  })
  .refine((q) => q.phone !== undefined || q.idNumber !== undefined, { message: 'phoneOrIdNumber', path: ['phone'] });

/** `print.render`: one method for every printed document, told apart by `template`. */
export const printRenderInput = z.discriminatedUnion('template', [
  casePrintInput,
  analysisPrintInput,
  yearRegisterPrintInput,
  personReportPrintInput,
]);

/** Every template `print.render` prints; the permission matrix has a row for each. */
export const documentTemplates = [...printTemplates, 'monthlyAnalysis', 'yearRegister', 'personReport'] as const;
export type DocumentTemplate = (typeof documentTemplates)[number];
