import { clocksReceivedBetween } from '../../db/queries/caseClocks.ts';
import { repeatComplainants } from '../../db/queries/reportLists.ts';
import { closedBetween, openWorkload } from '../../db/queries/reports.ts';
import type { PerformanceRow } from '../../domain/api/reportViews.ts';
import type { ClockName } from '../../domain/deadlines/deadline.ts';
import { onTimeRates } from '../../domain/deadlines/onTime.ts';
import { presentComplainantContact } from '../access/caseGate.ts';
import { authorizePersonalDataExport } from '../access/personalDataGate.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { dueSoonBefore } from '../deadlines/deadlineViews.ts';
import type { DeskContext } from '../deskContext.ts';
import type { Handlers } from '../dispatcher.ts';
import { loadSettings } from '../settings.ts';
import { buildAnalysis } from './analysis.ts';
import { exportAnalysis } from './exportAnalysis.ts';
import { breakdownsFor } from './reportData.ts';
import { checkedPeriod, checkedRange } from './reportInput.ts';

type ReportHandlers = Pick<
  Handlers,
  'reports.summary' | 'reports.repeats' | 'reports.analysis' | 'reports.export' | 'reports.performance' | 'reports.onTime'
>;

/** Who may call each of these is the permission matrix's (domain/access), checked by the dispatcher. */

export function reportHandlers(ctx: DeskContext): ReportHandlers {
  const { db } = ctx.store;
  return {
    'reports.summary': async (input) => {
      const range = checkedRange(input);
      const now = ctx.now();
      const nowIso = now.toISOString();
      const soon = await dueSoonBefore(ctx, db, nowIso);
      const { utcOffsetMinutes } = await loadSettings(db);
      // The figures and every breakdown asked for come from one pass over the cohort.
      const wanted = [...new Set([...(input.groupBy ? [input.groupBy] : []), ...(input.breakdowns ?? [])])];
      const { figures, groups } = await breakdownsFor(db, range, nowIso, wanted, utcOffsetMinutes, input.departmentId);
      return {
        range,
        now: nowIso,
        figures,
        closedInRange: await closedBetween(db, range.from, range.to),
        workload: await openWorkload(db, nowIso, soon),
        groups: input.groupBy ? (groups[input.groupBy] ?? []) : null,
        breakdowns: input.breakdowns ? Object.fromEntries(input.breakdowns.map((g) => [g, groups[g] ?? []])) : null,
      };
    },

    'reports.repeats': async (input, call) => {
      const viewer = call.session.user;
      const rows = await repeatComplainants(db, checkedRange(input), input.limit ?? 10, viewer.id);
      return {
        items: rows.map((r) => ({
          ...presentComplainantContact(viewer, r.confidential === 1, { name: r.name, phone: r.phone }),
          cases: r.cases,
          latestCaseId: r.latest_id,
          latestNumber: r.latest_number,
        })),
      };
    },

    'reports.analysis': async (input, call) => {
      return buildAnalysis(ctx, checkedPeriod(input.period), call.session.user, 'screen');
    },

    'reports.export': async (input, call) => {
      const report = await buildAnalysis(ctx, checkedPeriod(input.period), call.session.user, 'export');
      const file = await exportAnalysis(report, input.format, call.locale);
      const named = report.repeatComplainants.filter((r) => !r.hidden).length;
      const target = `${input.period.kind}:${input.period.year}-${input.period.index}`;
      await db.transaction().execute(async (trx) => {
        await recordAudit(ctx, trx, {
          actorId: call.session.user.id,
          action: 'reports.export',
          target,
          // Whether complainants' names left the desk in the file, and how many.
          detail: { format: input.format, filename: file.filename, complainantsNamed: named },
        });
        // Names in the file are personal data leaving the desk: the access work's own record of it.
        if (named > 0)
          await authorizePersonalDataExport(ctx, trx, call.session.user, { what: 'reports.export', detail: { target, named } });
      });
      return file;
    },

    'reports.onTime': async (input) => {
      const rows = await clocksReceivedBetween(db, new Date(input.from).toISOString(), new Date(input.to).toISOString());
      return onTimeRates(
        rows.map((r) => ({ clock: r.clock as ClockName, due: r.due, metAt: r.met_at, breachedAt: r.breached_at })),
        ctx.now().toISOString(),
      );
    },

    'reports.performance': async (input) => {
      const range = checkedRange(input);
      const now = ctx.now().toISOString();
      const { utcOffsetMinutes } = await loadSettings(db);
      const { groups } = await breakdownsFor(
        db,
        range,
        now,
        ['department', 'respondentDepartment', 'handler', 'respondentPerson'],
        utcOffsetMinutes,
      );
      const [handled, received, handlers, persons] = [
        groups.department ?? [],
        groups.respondentDepartment ?? [],
        groups.handler ?? [],
        groups.respondentPerson ?? [],
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
