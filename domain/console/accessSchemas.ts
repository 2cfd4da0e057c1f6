import { z } from 'zod';
import { firstAdminInput, newPasswordSchema, passwordWithoutUsername, usernameSchema } from '../api/accessSchemas.ts';
import { id, text } from '../api/fields.ts';
import { pageSizeMax, textLimits } from '../api/limits.ts';
import { groupRoles } from './groupRoles.ts';

/** Inputs of the console's setup, sign-in, group accounts and group audit log. Objects are strict. */

export const consoleSetupInput = z.strictObject({
  groupName: text(textLimits.name),
  admin: firstAdminInput,
});

export const accountCreateInput = z
  .strictObject({
    username: usernameSchema,
    displayName: text(textLimits.name),
    role: z.enum(groupRoles),
    password: newPasswordSchema,
  })
  .superRefine(passwordWithoutUsername);

export const accountUpdateInput = z.strictObject({
  id,
  displayName: text(textLimits.name).optional(),
  role: z.enum(groupRoles).optional(),
});

export const accountByIdInput = z.strictObject({ id });

export const accountResetPasswordInput = z.strictObject({ id, password: newPasswordSchema });

export const groupAuditListInput = z.strictObject({
  /** The id of the last entry of the page before: the log is read newest first. */
  before: z.int().min(1).optional(),
  limit: z.int().min(1).max(pageSizeMax).optional(),
  action: z.string().trim().max(64).optional(),
});
