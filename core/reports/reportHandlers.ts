import { appendAudit } from '../../db/queries/audit.ts';
import { repeatComplainants } from '../../db/queries/reportLists.ts';
import { closedBetween, openWorkload } from '../../db/queries/reports.ts';
import type { PerformanceRow } from '../../domain/api/reportViews.ts';
import type { Role } from '../../domain/cases/vocabulary.ts';
import { canViewPerformance, canViewReports } from '../../domain/reports/access.ts';
import { isValidPeriod } from '../../domain/reports/periods.ts';
import { dueSoonBefore } from '../deadlines/deadlineViews.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { loadSettings } from '../settings.ts';
import { buildAnalysis } from './analysis.ts';
import { exportAnalysis } from './exportAnalysis.ts';
import { renderAnalysisDocument } from './printAnalysis.ts';
import { figuresFor, groupsFor, utcIso } from './reportData.ts';

type ReportHandlers = Pick<
  Handlers,
  'reports.summary' | 'reports.repeats' | 'reports.analysis' | 'reports.export' | 'reports.print' | 'reports.performance'
>;

export function requireRole(roles: readonly Role[], allowed: (roles: readonly Role[]) => boolean) {
  if (!allowed(roles)) throw new DeskError('forbidden', { key: 'reports:errors.forbidden' });
}

function checkedRange(input: { from: string; to: string }) {
  const range = { from: utcIso(input.from), to: utcIso(input.to) };
  if (range.to <= range.from) throw invalidField('to', 'reports:errors.rangeOrder');
  return range;
}

function checkedPeriod<P extends { kind: 'month' | 'quarter' | 'halfYear' | 'year'; year: number; index: number }>(p: P): P {
  if (!isValidPeriod(p)) throw invalidField('period.index', 'reports:errors.periodIndex');
  return p;
}

export function reportHandlers(ctx: DeskContext): ReportHandlers {
  const { db } = ctx.store;
  return {
    'reports.summary': async (input, call) => {
      requireRole(call.session.user.roles, canViewReports);
      const range = checkedRange(input);
      const now = ctx.now();
      const nowIso = now.toISOString();
      const soon = await dueSoonBefore(ctx, db, nowIso);
      const { utcOffsetMinutes } = await loadSettings(db);
      return {
        range,
        now: nowIso,
        figures: await figuresFor(db, range, nowIso, utcOffsetMinutes, input.departmentId),
        closedInRange: await closedBetween(db, range.from, range.to),
        workload: await openWorkload(db, nowIso, soon),
        groups: input.groupBy ? await groupsFor(db, range, nowIso, input.groupBy, utcOffsetMinutes, input.departmentId) : null,
      };
    },

    'reports.repeats': async (input, call) => {
      requireRole(call.session.user.roles, canViewReports);
      const rows = await repeatComplainants(db, checkedRange(input), input.limit ?? 10);
      return {
        items: rows.map((r) => ({
          phone: r.phone,
          name: r.name,
          cases: r.cases,
          latestCaseId: r.latest_id,
          latestNumber: r.latest_number,
        })),
      };
    },

    'reports.analysis': async (input, call) => {
      requireRole(call.session.user.roles, canViewReports);
      return buildAnalysis(ctx, checkedPeriod(input.period));
    },

    'reports.export': async (input, call) => {
      requireRole(call.session.user.roles, canViewReports);
      const report = await buildAnalysis(ctx, checkedPeriod(input.period));
      const file = await exportAnalysis(report, input.format, call.locale);
      await appendAudit(db, {
        id: ctx.newId(),
        at: ctx.now().toISOString(),
        actor_id: call.session.user.id,
        action: 'reports.export',
        target: `${input.period.kind}:${input.period.year}-${input.period.index}`,
        detail: JSON.stringify({ format: input.format, filename: file.filename }),
      });
      return file;
    },

    'reports.print': async (input, call) => {
      requireRole(call.session.user.roles, canViewReports);
      return renderAnalysisDocument(ctx, checkedPeriod(input.period), {
        locale: call.locale,
        actorId: call.session.user.id,
        purpose: input.purpose ?? 'preview',
      });
    },

    'reports.performance': async (input, call) => {
      requireRole(call.session.user.roles, canViewPerformance);
      const range = checkedRange(input);
      const now = ctx.now().toISOString();
      const { utcOffsetMinutes } = await loadSettings(db);
      const [handled, received, handlers, persons] = [
        await groupsFor(db, range, now, 'department', utcOffsetMinutes),
        await groupsFor(db, range, now, 'respondentDepartment', utcOffsetMinutes),
        await groupsFor(db, range, now, 'handler', utcOffsetMinutes),
        await groupsFor(db, range, now, 'respondentPerson', utcOffsetMinutes),
      ];
      const merge = (
        responsible: typeof handled,
        complainedAbout: typeof handled,
        keyOf: (r: (typeof handled)[number]) => string | null,
      ): PerformanceRow[] => {
        const rows = new Map<string, PerformanceRow>();
        const rowFor = (key: string, label: string) => {
          let row = rows.get(key);
          if (!row) {
            row = {
              key,
              label,
              complaintsReceived: 0,
              assigned: 0,
              closed: 0,
              onTime: { numerator: 0, denominator: 0, value: null },
              satisfaction: { numerator: 0, denominator: 0, value: null },
              averageHandlingDays: null,
            };
            rows.set(key, row);
          }
          return row;
        };
        for (const g of responsible) {
          const key = keyOf(g);
          if (key === null) continue;
          const row = rowFor(key, g.label ?? key);
          row.assigned = g.figures.counts.registered;
          row.closed = g.figures.counts.closed;
          row.onTime = g.figures.onTimeRate.resolve;
          row.satisfaction = g.figures.satisfactionRate;
          row.averageHandlingDays = g.figures.averageHandlingDays;
        }
        for (const g of complainedAbout) {
          const key = keyOf(g);
          if (key === null) continue;
          rowFor(key, g.label ?? key).complaintsReceived = g.figures.counts.complaints;
        }
        return [...rows.values()].sort((a, b) => b.complaintsReceived - a.complaintsReceived || b.assigned - a.assigned);
      };
      return {
        range,
        departments: merge(handled, received, (g) => g.key),
        // People are matched by name: the person complained about is recorded as written at the desk.
        people: merge(handlers, persons, (g) => g.label),
      };
    },
  };
}
