import type { CorrectiveAction, CorrectiveActionStatus, ReportCaseLine } from '../api/reportViews.ts';
import type { CaseStatus, Severity } from '../cases/vocabulary.ts';
import type { Range } from './periods.ts';

/**
 * What the period analysis lists beside its figures, a desk's and the group's alike: its major
 * cases, its overdue cases (domain/deadlines/onTime.ts: a clock not met), the corrective actions
 * that belong in it and its repeat complainants. The desk reads them from its store
 * (db/queries/reportLists.ts), the server from its case projection and the desks' audit.
 */

/** A case as a list of the analysis reads it from a store, its department by id. */
export interface AnalysisCaseRow {
  id: string;
  number: string;
  subject: string;
  severity: string;
  status: string;
  department_id: string | null;
  received_at: string;
}

/** A listed case's line, its department named. */
export const reportCaseLine = (c: AnalysisCaseRow, departmentNames: ReadonlyMap<string, string>): ReportCaseLine => ({
  id: c.id,
  number: c.number,
  subject: c.subject,
  severity: c.severity as Severity,
  status: c.status as CaseStatus,
  departmentName: c.department_id ? (departmentNames.get(c.department_id) ?? null) : null,
  receivedAt: c.received_at,
});

/** The severities the analysis lists as major cases. */
export const majorSeverities = ['major', 'urgent'] as const satisfies readonly Severity[];

/** The most cases a list of the analysis holds. */
export const analysisListLimit = 200;

/** Repeat complainants listed in the analysis, the most first. */
export const repeatsListed = 20;

/**
 * An action open or implemented past its due date (a local date, as `today`); the desk's list
 * filter `dueBefore` (db/queries/correctiveActions.ts) is its SQL.
 */
export const correctiveActionOverdue = (status: CorrectiveActionStatus, dueDate: string, today: string) =>
  status !== 'closed' && dueDate < today;

/**
 * An action belongs in a period's report when raised before its end and raised in it, still not
 * closed, or verified in it. This is the definition: the server applies it, the desk's SQL
 * (db/queries/correctiveActions.ts correctiveActionsForPeriod) is held to it by
 * db/test/correctiveActionRule.test.ts.
 */
export function inPeriodReport(a: Pick<CorrectiveAction, 'createdAt' | 'status' | 'verifiedAt'>, range: Range): boolean {
  if (a.createdAt >= range.to) return false;
  return a.createdAt >= range.from || a.status !== 'closed' || (a.verifiedAt !== null && a.verifiedAt >= range.from);
}

/** An audit entry of a desk, as the server keeps it: where corrective actions travel (their table stays on the desk). */
export interface ActionAuditEntry {
  siteId: number;
  at: string;
  actorId: string | null;
  action: string;
  target: string | null;
  detail: string | null;
}

/** What the corrective actions' audit entries carry: the create, implement and verify inputs (domain/api/reportSchemas.ts). */
interface CreatedDetail {
  caseId?: string;
  period?: string;
  departmentId?: string;
  cause: string;
  measure: string;
  training?: string;
  owner: string;
  dueDate: string;
}

export interface AuditedAction {
  siteId: number;
  action: Omit<CorrectiveAction, 'caseNumber' | 'departmentName' | 'createdByName' | 'verifiedByName' | 'overdue'>;
  createdBy: string | null;
  verifiedBy: string | null;
}

function parsed(detail: string | null): Record<string, unknown> | null {
  if (!detail) return null;
  try {
    const value: unknown = JSON.parse(detail);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * The corrective actions as the desks' audit tells them, each as its desk holds it now: raised
 * (`correctiveActions.create`, its id the target), implemented, verified effective (closed) or
 * not (open again). Entries in any order; an entry of an action never raised is passed over.
 */
export function actionsFromAudit(entries: readonly ActionAuditEntry[]): AuditedAction[] {
  const sorted = [...entries].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const actions = new Map<string, AuditedAction>();
  for (const e of sorted) {
    const detail = parsed(e.detail);
    if (!detail) continue;
    if (e.action === 'correctiveActions.create' && e.target) {
      const d = detail as unknown as CreatedDetail;
      if (typeof d.cause !== 'string' || typeof d.measure !== 'string' || typeof d.dueDate !== 'string') continue;
      actions.set(e.target, {
        siteId: e.siteId,
        createdBy: e.actorId,
        verifiedBy: null,
        action: {
          id: e.target,
          source: d.caseId ? 'case' : 'analysis',
          caseId: text(d.caseId),
          period: text(d.period),
          departmentId: text(d.departmentId),
          cause: d.cause,
          measure: d.measure,
          training: text(d.training),
          owner: text(d.owner) ?? '',
          dueDate: d.dueDate,
          status: 'open',
          implementedAt: null,
          implementation: null,
          verifiedAt: null,
          verification: null,
          createdAt: e.at,
        },
      });
      continue;
    }
    const held = actions.get(text(detail.id) ?? e.target ?? '');
    if (!held) continue;
    if (e.action === 'correctiveActions.implement') {
      held.action = { ...held.action, status: 'implemented', implementedAt: e.at, implementation: text(detail.implementation) };
    } else if (e.action === 'correctiveActions.verify') {
      held.action = {
        ...held.action,
        status: detail.effective === true ? 'closed' : 'open',
        verifiedAt: e.at,
        verification: text(detail.verification),
      };
      held.verifiedBy = e.actorId;
    }
  }
  return [...actions.values()];
}
