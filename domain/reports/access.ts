import type { Role } from '../cases/vocabulary.ts';

/**
 * Who sees the analysis. Until the permission matrix (issue 6) absorbs these, they are decided
 * here from the session's roles: analysis and corrective actions for supervisors and directors,
 * performance of people and departments (绩效考核) for supervisors and directors only.
 */
const analysts: readonly Role[] = ['supervisor', 'director'];

export const canViewReports = (roles: readonly Role[]) => roles.some((r) => analysts.includes(r));
export const canViewPerformance = (roles: readonly Role[]) => roles.some((r) => analysts.includes(r));
export const canManageCorrectiveActions = (roles: readonly Role[]) => roles.some((r) => analysts.includes(r));
