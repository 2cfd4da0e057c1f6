import { type Kysely, sql } from 'kysely';
import { type ActionAuditEntry, majorSeverities } from '../../domain/reports/analysisLists.ts';
import type { WireEvent } from '../../domain/sync/protocol.ts';
import { cohortRows, type GroupCohort, lateClock } from './reportQueries.ts';
import type { ServerDatabase } from './schema.ts';

type Db = Kysely<ServerDatabase>;

/** The group analysis's lists over the case projection and the desks' audit (domain/reports/analysisLists.ts). */

export interface AnalysisCaseRow {
  case_id: string;
  site_id: number;
  number: string;
  subject: string;
  severity: string;
  status: string;
  department_id: string | null;
  received_at: string;
}

const lineColumns = sql`c.case_id, c.site_id, c.number, c.subject, c.severity, c.status, c.department_id, c.received_at`;

/** The cohort's major and urgent cases, oldest first. */
export async function majorCasesOf(db: Db, f: GroupCohort, limit: number): Promise<AnalysisCaseRow[]> {
  const result = await sql<AnalysisCaseRow>`
    SELECT ${lineColumns} FROM ${cohortRows(f)}
    WHERE c.handled = 1 AND c.severity IN (${sql.join([...majorSeverities])})
    ORDER BY c.received_at, c.case_id LIMIT ${limit}`.execute(db);
  return result.rows;
}

export interface OverdueCaseRow extends AnalysisCaseRow {
  ack_late: number | string;
  feedback_late: number | string;
  resolve_late: number | string;
}

/** The cohort's cases that missed a clock (the on-time figures' cases not met), oldest first. */
export async function overdueCasesOf(db: Db, f: GroupCohort, limit: number): Promise<OverdueCaseRow[]> {
  const ack = lateClock('acknowledge', f.now);
  const feedback = lateClock('feedback', f.now);
  const resolve = lateClock('resolve', f.now);
  const result = await sql<OverdueCaseRow>`
    SELECT ${lineColumns},
      CASE WHEN ${ack} THEN 1 ELSE 0 END AS ack_late,
      CASE WHEN ${feedback} THEN 1 ELSE 0 END AS feedback_late,
      CASE WHEN ${resolve} THEN 1 ELSE 0 END AS resolve_late
    FROM ${cohortRows(f)}
    WHERE c.handled = 1 AND ((${ack}) OR (${feedback}) OR (${resolve}))
    ORDER BY c.received_at, c.case_id LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** The latest reason recorded on each case (an event whose payload has one), by the events' time. */
export async function latestReasonsOf(db: Db, caseIds: readonly string[]): Promise<Map<string, string>> {
  const reasons = new Map<string, { at: string; reason: string }>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await db
      .selectFrom('events')
      .select(['case_id', 'body'])
      .where('case_id', 'in', caseIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const w = JSON.parse(r.body) as WireEvent;
      const reason = (JSON.parse(w.payload) as { reason?: unknown }).reason;
      const held = reasons.get(r.case_id);
      if (typeof reason === 'string' && (!held || w.at >= held.at)) reasons.set(r.case_id, { at: w.at, reason });
    }
  }
  return new Map([...reasons].map(([id, r]) => [id, r.reason]));
}

const actionEntries = ['correctiveActions.create', 'correctiveActions.implement', 'correctiveActions.verify'];

/** The corrective actions' audit entries of the sites asked for (all when none), oldest first. */
export async function correctiveActionAudit(db: Db, siteIds?: readonly number[]): Promise<ActionAuditEntry[]> {
  let query = db
    .selectFrom('audit_entries')
    .select(['site_id', 'at', 'actor_id', 'action', 'target', 'detail'])
    .where('action', 'in', actionEntries);
  if (siteIds && siteIds.length > 0) query = query.where('site_id', 'in', [...siteIds]);
  const rows = await query.orderBy('at').execute();
  return rows.map((r) => ({
    siteId: Number(r.site_id),
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    target: r.target,
    detail: r.detail,
  }));
}

/** Case numbers by case id. */
export async function caseNumbersOf(db: Db, caseIds: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(caseIds)];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('case_projection').select(['case_id', 'number']).where('case_id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.case_id, r.number]));
}
