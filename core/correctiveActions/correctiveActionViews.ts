import type { CorrectiveActionRow } from '../../db/queries/correctiveActions.ts';
import type { CorrectiveAction } from '../../domain/api/reportViews.ts';
import { correctiveActionOverdue } from '../../domain/reports/analysisLists.ts';

export function correctiveActionOf(row: CorrectiveActionRow, today: string): CorrectiveAction {
  return {
    id: row.id,
    source: row.source,
    caseId: row.case_id,
    caseNumber: row.case_number,
    period: row.period,
    departmentId: row.department_id,
    departmentName: row.department_name,
    cause: row.cause,
    measure: row.measure,
    training: row.training,
    owner: row.owner,
    dueDate: row.due_date,
    status: row.status,
    overdue: correctiveActionOverdue(row.status, row.due_date, today),
    implementedAt: row.implemented_at,
    implementation: row.implementation,
    verifiedAt: row.verified_at,
    verifiedByName: row.verified_by_name,
    verification: row.verification,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
  };
}
