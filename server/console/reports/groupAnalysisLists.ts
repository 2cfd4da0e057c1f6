import type { Kysely } from 'kysely';
import type { AnalysisReport, ReportCaseLine } from '../../../domain/api/reportViews.ts';
import { consoleComplainant } from '../../../domain/console/consoleComplainant.ts';
import { localDateOf } from '../../../domain/deadlines/workingCalendar.ts';
import {
  actionsFromAudit,
  analysisListLimit,
  correctiveActionOverdue,
  inPeriodReport,
  repeatsListed,
  reportCaseLine,
} from '../../../domain/reports/analysisLists.ts';
import type { Clock } from '../../../domain/reports/caseFacts.ts';
import type { Range } from '../../../domain/reports/periods.ts';
import {
  type AnalysisCaseRow,
  caseNumbersOf,
  correctiveActionAudit,
  latestReasonsOf,
  majorCasesOf,
  overdueCasesOf,
} from '../../store/analysisListQueries.ts';
import { listSites, referenceNames } from '../../store/reportQueries.ts';
import type { ServerDatabase } from '../../store/schema.ts';
import { repeatsAcrossSites } from '../../store/searchQueries.ts';
import { siteStaffNames } from '../../store/transferQueries.ts';

type Db = Kysely<ServerDatabase>;

export type AnalysisLists = Pick<AnalysisReport, 'majorCases' | 'overdueCases' | 'correctiveActions' | 'repeatComplainants'>;

const clocks = ['acknowledge', 'feedback', 'resolve'] as const satisfies readonly Clock[];

/**
 * The lists of the group's analysis, as a desk's analysis lists its own (domain/reports/analysisLists.ts),
 * over every site's cases or one site's, each line naming its site. Complainants are shown as the
 * console shows them outside a revealed case: masked, a confidential one hidden.
 */
export async function groupAnalysisLists(
  db: Db,
  input: { range: Range; now: string; utcOffsetMinutes: number; siteId?: number | undefined },
): Promise<AnalysisLists> {
  const siteIds = input.siteId ? [input.siteId] : undefined;
  const cohort = { ...input.range, now: input.now, siteIds };
  const sites = new Map((await listSites(db)).map((s) => [Number(s.id), s.name]));
  const siteName = (id: number) => sites.get(Number(id)) ?? '';

  const major = await majorCasesOf(db, cohort, analysisListLimit);
  const overdue = await overdueCasesOf(db, cohort, analysisListLimit);
  const reasons = await latestReasonsOf(
    db,
    overdue.map((c) => c.case_id),
  );

  const audited = actionsFromAudit(await correctiveActionAudit(db, siteIds)).filter((a) => inPeriodReport(a.action, input.range));
  const departments = await referenceNames(db, 'department', [
    ...[...major, ...overdue].map((c) => c.department_id),
    ...audited.map((a) => a.action.departmentId),
  ]);
  const numbers = await caseNumbersOf(
    db,
    audited.flatMap((a) => (a.action.caseId ? [a.action.caseId] : [])),
  );
  // Who raised and verified each action, by the names of its site's staff.
  const staff = new Map<number, Map<string, string>>();
  for (const siteId of new Set(audited.map((a) => a.siteId))) {
    const ids = audited.filter((a) => a.siteId === siteId).flatMap((a) => [a.createdBy, a.verifiedBy].flatMap((id) => (id ? [id] : [])));
    staff.set(siteId, await siteStaffNames(db, siteId, ids));
  }
  const staffName = (siteId: number, id: string | null) => (id ? (staff.get(siteId)?.get(id) ?? null) : null);
  const today = localDateOf(input.now, input.utcOffsetMinutes);

  const line = (c: AnalysisCaseRow): ReportCaseLine => ({
    ...reportCaseLine({ ...c, id: c.case_id }, departments),
    siteName: siteName(c.site_id),
  });

  const repeats = (await repeatsAcrossSites(db, input.range, 1, input.siteId ? repeatsListed * 5 : repeatsListed, true))
    .filter((r) => !input.siteId || r.cases.some((c) => Number(c.site_id) === input.siteId))
    .slice(0, repeatsListed);

  return {
    majorCases: major.map(line),
    overdueCases: overdue.map((c) => ({
      ...line(c),
      clocks: clocks.filter((k) => Number({ acknowledge: c.ack_late, feedback: c.feedback_late, resolve: c.resolve_late }[k]) === 1),
      reason: reasons.get(c.case_id) ?? null,
    })),
    correctiveActions: audited
      .sort((a, b) => (a.action.createdAt < b.action.createdAt ? -1 : a.action.createdAt > b.action.createdAt ? 1 : 0))
      .map((a) => ({
        ...a.action,
        caseNumber: a.action.caseId ? (numbers.get(a.action.caseId) ?? null) : null,
        departmentName: a.action.departmentId ? (departments.get(a.action.departmentId) ?? null) : null,
        overdue: correctiveActionOverdue(a.action.status, a.action.dueDate, today),
        createdByName: staffName(a.siteId, a.createdBy) ?? '',
        verifiedByName: staffName(a.siteId, a.verifiedBy),
        siteName: siteName(a.siteId),
      })),
    repeatComplainants: repeats.flatMap((r) => {
      const latest = r.cases[0];
      if (!latest) return [];
      const shown = consoleComplainant(
        { name: latest.complainant_name, phone: latest.complainant_phone, confidential: r.cases.some((c) => Number(c.confidential) === 1) },
        false,
      );
      const perSite = new Map<number, number>();
      for (const c of r.cases) perSite.set(Number(c.site_id), (perSite.get(Number(c.site_id)) ?? 0) + 1);
      return [
        {
          name: shown.name,
          phone: shown.phone ?? '',
          masked: shown.masked,
          hidden: shown.hidden,
          cases: r.cases.length,
          latestCaseId: latest.case_id,
          latestNumber: latest.number,
          sites: [...perSite].sort((a, b) => a[0] - b[0]).map(([id, cases]) => ({ name: siteName(id), cases })),
        },
      ];
    }),
  };
}
