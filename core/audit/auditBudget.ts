import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DeskContext } from '../deskContext.ts';
import { type AuditFact, recordAudit } from './recordAudit.ts';

/**
 * What strangers can make the desk write: failed sign-ins and refused calls without a session
 * each leave a row, but from one place, of one kind, at most `rowsPerWindow` in a window; the
 * rest are counted and written as one `audit.suppressed` row (how many, the first and the last)
 * when that place's next row of the kind is written, or when the desk closes.
 */
export const auditBudgetPolicy = { rowsPerWindow: 20, windowMs: 10 * 60_000 } as const;

/** Places × kinds remembered at most; beyond it the oldest window's count is written out. */
const maxWindows = 1_000;

interface Window {
  source: string;
  action: string;
  start: number;
  written: number;
  suppressed: number;
  firstSuppressed: number | null;
  lastSuppressed: number | null;
}

const summaryOf = (w: Window): AuditFact => ({
  actorId: null,
  action: 'audit.suppressed',
  detail: {
    source: w.source,
    action: w.action,
    count: w.suppressed,
    firstAt: new Date(w.firstSuppressed ?? w.start).toISOString(),
    lastAt: new Date(w.lastSuppressed ?? w.start).toISOString(),
  },
});

export function createAuditBudget(now: () => number) {
  const windows = new Map<string, Window>();

  return {
    /**
     * Whether this row may be written now, and the summaries of windows that ended with rows
     * left unwritten (to write first, so the log reads in order).
     */
    take(source: string, action: string): { write: boolean; summaries: AuditFact[] } {
      const key = JSON.stringify([source, action]);
      const t = now();
      const summaries: AuditFact[] = [];
      let w = windows.get(key);
      if (w && t - w.start >= auditBudgetPolicy.windowMs) {
        if (w.suppressed > 0) summaries.push(summaryOf(w));
        windows.delete(key);
        w = undefined;
      }
      if (!w) {
        if (windows.size >= maxWindows) {
          const [oldestKey, oldest] = windows.entries().next().value as [string, Window];
          if (oldest.suppressed > 0) summaries.push(summaryOf(oldest));
          windows.delete(oldestKey);
        }
        w = { source, action, start: t, written: 0, suppressed: 0, firstSuppressed: null, lastSuppressed: null };
        windows.set(key, w);
      }
      if (w.written < auditBudgetPolicy.rowsPerWindow) {
        w.written++;
        return { write: true, summaries };
      }
      w.suppressed++;
      w.firstSuppressed ??= t;
      w.lastSuppressed = t;
      return { write: false, summaries };
    },
    /** The counts not yet written (the desk is closing). */
    drain(): AuditFact[] {
      const out = [...windows.values()].filter((w) => w.suppressed > 0).map(summaryOf);
      windows.clear();
      return out;
    },
  };
}

export type AuditBudget = ReturnType<typeof createAuditBudget>;

/** Records a row a stranger's call caused, within the place's budget (and any summary due first). */
export async function recordStrangerAudit(ctx: DeskContext, db: Kysely<Database>, source: string, fact: AuditFact): Promise<void> {
  const { write, summaries } = ctx.auditBudget.take(source, fact.action);
  for (const summary of summaries) await recordAudit(ctx, db, summary);
  if (write) await recordAudit(ctx, db, { ...fact, detail: { ...fact.detail, source } });
}
