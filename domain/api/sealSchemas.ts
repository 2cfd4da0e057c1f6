import { z } from 'zod';

/** Inputs of year-end sealing (年度封存). */

/** A desk year: a seal, a retention run or the year register names one. */
export const deskYear = z.number().int().min(2000).max(2999);

export const sealYearInput = z.strictObject({ year: deskYear });

export const sealSealInput = z.strictObject({
  year: deskYear,
  /** Ids of the year's open cases that stay workable outside the seal: each must be named. */
  carryOver: z.array(z.string().min(1).max(64)).max(100_000),
  /** The screen's explicit confirmation: sealed cases can never be changed again. */
  confirm: z.literal(true),
});
