import { z } from 'zod';

/** Inputs of year-end sealing (年度封存). */

const year = z.number().int().min(2000).max(2999);

export const sealYearInput = z.strictObject({ year });

export const sealSealInput = z.strictObject({
  year,
  /** Ids of the year's open cases that stay workable outside the seal: each must be named. */
  carryOver: z.array(z.string().min(1).max(64)).max(100_000),
  /** The screen's explicit confirmation: sealed cases can never be changed again. */
  confirm: z.literal(true),
});
