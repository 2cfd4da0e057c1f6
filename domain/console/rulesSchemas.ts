import { z } from 'zod';
import { createCategoryInput, updateCategoryInput } from '../api/accessSchemas.ts';
import { calendarImportInput, policyUpdateInput } from '../api/deadlineSchemas.ts';
import { id } from '../api/fields.ts';
import { orgProfiles, recordTypes, severities } from '../cases/vocabulary.ts';

/**
 * Inputs of the group's rules (domain/sync/groupRecords.ts): the same shapes as a desk's own
 * calendar import, category editor and policy form, the policies naming the profile they are for.
 */
export const rulesCalendarInput = calendarImportInput;
export const rulesCategoryCreateInput = createCategoryInput;
export const rulesCategoryUpdateInput = updateCategoryInput;
export const rulesCategoryByIdInput = z.strictObject({ id });
export const rulesPolicySetInput = policyUpdateInput.extend({ profile: z.enum(orgProfiles) });
export const rulesPolicyClearInput = z.strictObject({
  profile: z.enum(orgProfiles),
  type: z.enum(recordTypes),
  severity: z.enum(severities),
});
