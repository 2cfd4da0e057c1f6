import { z } from 'zod';
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

/** `print.render`: one method for every printed document, told apart by `template`. */
export const printRenderInput = z.discriminatedUnion('template', [casePrintInput, analysisPrintInput, yearRegisterPrintInput]);

/** Every template `print.render` prints; the permission matrix has a row for each. */
export const documentTemplates = [...printTemplates, 'monthlyAnalysis', 'yearRegister'] as const;
export type DocumentTemplate = (typeof documentTemplates)[number];
