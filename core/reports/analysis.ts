import { correctiveActionsForPeriod } from '../../db/queries/correctiveActions.ts';
import { latestReasons, majorCases, namesOf, overdueCases, repeatComplainants } from '../../db/queries/reportLists.ts';
import { closedBetween } from '../../db/queries/reports.ts';
import type { Actor } from '../../domain/access/caseAccess.ts';
import type { AnalysisReport } from '../../domain/api/reportViews.ts';
import { localDateOf } from '../../domain/deadlines/workingCalendar.ts';
import { analysisListLimit, repeatsListed, reportCaseLine } from '../../domain/reports/analysisLists.ts';
import type { Clock } from '../../domain/reports/caseFacts.ts';
import type { ReportGroup } from '../../domain/reports/groups.ts';
import { type PeriodRef, periodRange, previousPeriod, samePeriodLastYear } from '../../domain/reports/periods.ts';
import { type PersonalDataOutlet, presentComplainantContact } from '../access/caseGate.ts';
import { correctiveActionOf } from '../correctiveActions/correctiveActionViews.ts';
import type { DeskContext } from '../deskContext.ts';
import { loadSettings } from '../settings.ts';
import { breakdownsFor, figuresFor } from './reportData.ts';

/**
 * 月度投诉情况分析 and its quarterly, half-yearly and yearly forms, for `viewer` and where it goes:
 * the complainants it names are shown, masked or left out as the access rules say for that outlet.
 */
export async function buildAnalysis(
  ctx: DeskContext,
  period: PeriodRef,
  viewer: Actor,
  outlet: PersonalDataOutlet,
): Promise<AnalysisReport> {
  const { db } = ctx.store;
  const settings = await loadSettings(db);
  const offset = settings.utcOffsetMinutes;
  const now = ctx.now().toISOString();
  const range = periodRange(period, offset);
  const previousRange = periodRange(previousPeriod(period), offset);
  const lastYearRange = periodRange(samePeriodLastYear(period), offset);
  const bucket = period.kind === 'month' ? 'day' : 'month';
  // The period's figures, trend and every breakdown from one pass over its cases.
  const breakdown = await breakdownsFor(
    db,
    range,
    now,
    [bucket, 'category', 'department', 'channel', 'severity', 'type', 'respondentDepartment', 'respondentPerson'],
    offset,
  );
  const groups = (g: ReportGroup) => breakdown.groups[g] ?? [];

  const major = await majorCases(db, range, analysisListLimit);
  const overdue = await overdueCases(db, range, now, analysisListLimit);
  const departmentNames = await namesOf(
    db,
    'departments',
    [...major, ...overdue].map((c) => c.department_id),
  );
  const reasons = await latestReasons(
    db,
    overdue.map((c) => c.id),
  );
  const line = (c: (typeof major)[number]) => reportCaseLine(c, departmentNames);
  const today = localDateOf(now, offset);
  return {
    orgName: settings.orgName,
    period,
    range,
    previousRange,
    lastYearRange,
    generatedAt: now,
    current: breakdown.figures,
    previous: await figuresFor(db, previousRange, now, offset),
    lastYear: await figuresFor(db, lastYearRange, now, offset),
    closedInRange: await closedBetween(db, range.from, range.to),
    trend: { bucket, rows: groups(bucket) },
    byCategory: groups('category'),
    byDepartment: groups('department'),
    byChannel: groups('channel'),
    bySeverity: groups('severity'),
    byType: groups('type'),
    byRespondentDepartment: groups('respondentDepartment').filter((g) => g.key !== null),
    byRespondentPerson: groups('respondentPerson').filter((g) => g.key !== null),
    majorCases: major.map(line),
    overdueCases: overdue.map((c) => ({
      ...line(c),
      clocks: (['acknowledge', 'feedback', 'resolve'] as const satisfies readonly Clock[]).filter(
        (k) => ({ acknowledge: c.ack_late, feedback: c.feedback_late, resolve: c.resolve_late })[k] === 1,
      ),
      reason: reasons.get(c.id) ?? null,
    })),
    correctiveActions: (await correctiveActionsForPeriod(db, range)).map((r) => correctiveActionOf(r, today)),
    repeatComplainants: (await repeatComplainants(db, range, repeatsListed, viewer.id)).map((r) => ({
      ...presentComplainantContact(viewer, r.confidential === 1, { name: r.name, phone: r.phone }, outlet),
      cases: r.cases,
      latestCaseId: r.latest_id,
      latestNumber: r.latest_number,
    })),
  };
}
