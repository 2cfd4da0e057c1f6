import { z } from 'zod';
import { passwordMinLength, passwordWeakness } from '../access/passwordStrength.ts';
import { roles } from '../cases/vocabulary.ts';
import { id, isoDateTime, text } from './fields.ts';
import { pageSizeMax, textLimits } from './limits.ts';

/** Inputs of accounts, sessions, privacy, administration and the audit log. */

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(textLimits.username)
  .regex(/^[a-zA-Z0-9._-]+$/);

/** A new password: length first (its own message), then strength. */
export const newPasswordSchema = z
  .string()
  .min(passwordMinLength)
  .max(textLimits.password)
  .refine((p) => passwordWeakness(p) === null || passwordWeakness(p) === 'tooShort', { message: 'weakPassword' });

/**
 * A new account's password may not contain its own login name: one rule for the first
 * administrator at setup and every account created later. Added to the object that holds both.
 */
export function passwordWithoutUsername(account: { username: string; password: string }, ctx: z.RefinementCtx): void {
  if (passwordWeakness(account.password, account.username) === 'containsUsername') {
    ctx.addIssue({ code: 'custom', path: ['password'], message: 'passwordContainsUsername' });
  }
}

/** Signing in: the login name and the password as typed. */
export const loginInput = z.strictObject({
  username: text(textLimits.username),
  password: z.string().min(1).max(textLimits.password),
});

/** The first administrator, named at setup: of the desk, or of the group server. */
export const firstAdminInput = z
  .strictObject({
    username: usernameSchema,
    password: newPasswordSchema,
    displayName: text(textLimits.name),
  })
  .superRefine(passwordWithoutUsername);

const roleList = z.array(z.enum(roles)).min(1).max(roles.length);
const departmentIdList = z.array(id).max(50);

export const unlockInput = z.strictObject({
  username: text(textLimits.username),
  password: z.string().min(1).max(textLimits.password),
});

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(textLimits.password),
  newPassword: newPasswordSchema,
});

export const listUsersInput = z.strictObject({ includeDisabled: z.boolean().optional() });

export const createUserInput = z
  .strictObject({
    username: usernameSchema,
    password: newPasswordSchema,
    displayName: text(textLimits.name),
    roles: roleList,
    departmentIds: departmentIdList.optional(),
  })
  .superRefine(passwordWithoutUsername);

export const updateUserInput = z.strictObject({
  id,
  displayName: text(textLimits.name).optional(),
  roles: roleList.optional(),
  departmentIds: departmentIdList.optional(),
});

export const byIdInput = z.strictObject({ id });

export const resetPasswordInput = z.strictObject({ id, password: newPasswordSchema });

export const revealInput = z.strictObject({ id, field: z.enum(['phone', 'idNumber']) });

export const listReferenceInput = z.strictObject({ includeDisabled: z.boolean().optional() });

export const updateDepartmentInput = z.strictObject({
  id,
  name: text(textLimits.name),
  parentId: id.nullable().optional(),
});

export const createCategoryInput = z.strictObject({ name: text(textLimits.name), parentId: id.optional() });
export const updateCategoryInput = z.strictObject({ id, name: text(textLimits.name) });

export const listAuditInput = z.strictObject({
  actorId: id.optional(),
  action: z
    .string()
    .trim()
    .max(64)
    .regex(/^[a-zA-Z.]*$/)
    .optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  limit: z.int().min(1).max(pageSizeMax).optional(),
  cursor: z.string().max(200).optional(),
});
