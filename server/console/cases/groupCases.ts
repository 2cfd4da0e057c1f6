import type { Kysely } from 'kysely';
import { causalOrder } from '../../../domain/cases/eventDag.ts';
import type { CaseEvent } from '../../../domain/cases/events.ts';
import type { CaseStatus, Channel, RecordType, Severity } from '../../../domain/cases/vocabulary.ts';
import { consoleComplainant, maskedEvent } from '../../../domain/console/consoleComplainant.ts';
import type { DrillFigure } from '../../../domain/console/reportsSchemas.ts';
import type { GroupCaseLine, GroupCaseList, GroupRepeatComplainant } from '../../../domain/console/reportsViews.ts';
import type { GroupCaseDetail, GroupConflicts } from '../../../domain/console/searchViews.ts';
import type { GroupDimension } from '../../../domain/reports/groupFigures.ts';
import type { Range } from '../../../domain/reports/periods.ts';
import type { WireEvent } from '../../../domain/sync/protocol.ts';
import { termQuery } from '../../../domain/text/searchTerms.ts';
import { foldWireEvents } from '../../store/caseProjection.ts';
import { conflictCases, conflictCounts } from '../../store/conflictQueries.ts';
import type { Dialect } from '../../store/migrations.ts';
import { type CaseLineRow, figureCases, listSites } from '../../store/reportQueries.ts';
import type { ServerDatabase } from '../../store/schema.ts';
import { caseLine, eventBodiesOf, groupAccountNames, repeatsAcrossSites, searchCases } from '../../store/searchQueries.ts';

type Db = Kysely<ServerDatabase>;

/** Cross-site case lists: search, a figure's cases, repeat complainants; personal data masked unless revealed. */

async function siteNames(db: Db): Promise<Map<number, string>> {
  return new Map((await listSites(db)).map((s) => [s.id, s.name]));
}

function lineOf(row: CaseLineRow, names: ReadonlyMap<number, string>, revealed: boolean): GroupCaseLine {
  return {
    id: row.case_id,
    siteId: Number(row.site_id),
    siteName: names.get(Number(row.site_id)) ?? '',
    number: row.number,
    subject: row.subject,
    status: row.status as CaseStatus,
    severity: row.severity as Severity,
    type: row.type as RecordType,
    channel: row.channel as Channel,
    receivedAt: row.received_at,
    closedAt: row.closed_at,
    complainant: consoleComplainant(
      { name: row.complainant_name, phone: row.complainant_phone, confidential: Number(row.confidential) === 1 },
      revealed,
    ),
  };
}

export async function searchGroupCases(
  db: Db,
  dialect: Dialect,
  input: { q: string; siteId?: number | undefined; limit: number },
): Promise<GroupCaseList> {
  const query = termQuery(input.q);
  if (!query) return { total: 0, items: [] };
  const rows = await searchCases(db, dialect, query, { siteId: input.siteId, limit: input.limit });
  const names = await siteNames(db);
  return { total: rows.length, items: rows.map((r) => lineOf(r, names, false)) };
}

/** The cases whose acts conflicted, counted per site and listed (one site's or all), masked. */
export async function groupConflicts(db: Db, input: { siteId?: number | undefined; limit: number }): Promise<GroupConflicts> {
  const names = await siteNames(db);
  const counts = await conflictCounts(db);
  const rows = await conflictCases(db, input.siteId, input.limit);
  return {
    sites: counts.map((c) => ({ ...c, name: names.get(c.siteId) ?? '' })),
    items: rows.map((r) => lineOf(r, names, false)),
  };
}

export async function figureCaseList(
  db: Db,
  input: Range & {
    now: string;
    figure: DrillFigure;
    siteId?: number | undefined;
    dimension?: GroupDimension | undefined;
    key?: string | null | undefined;
    limit: number;
    offset: number;
  },
): Promise<GroupCaseList> {
  const where = input.dimension ? { dimension: input.dimension, key: input.key ?? null } : null;
  const { total, rows } = await figureCases(
    db,
    { from: input.from, to: input.to, now: input.now, siteIds: input.siteId ? [input.siteId] : undefined },
    input.figure,
    where,
    { limit: input.limit, offset: input.offset },
  );
  const names = await siteNames(db);
  return { total, items: rows.map((r) => lineOf(r, names, false)) };
}

export async function groupRepeats(db: Db, range: Range, minSites: number, limit: number): Promise<GroupRepeatComplainant[]> {
  const names = await siteNames(db);
  return (await repeatsAcrossSites(db, range, minSites, limit)).flatMap((r) => {
    const latest = r.cases[0];
    if (!latest) return [];
    const perSite = new Map<number, number>();
    for (const c of r.cases) perSite.set(Number(c.site_id), (perSite.get(Number(c.site_id)) ?? 0) + 1);
    return [
      {
        complainant: consoleComplainant(
          { name: latest.complainant_name, phone: latest.complainant_phone, confidential: r.cases.some((c) => c.confidential === 1) },
          false,
        ),
        cases: r.cases.length,
        sites: [...perSite].sort((a, b) => a[0] - b[0]).map(([siteId, cases]) => ({ siteId, name: names.get(siteId) ?? '', cases })),
        latestCaseId: latest.case_id,
        latestNumber: latest.number,
      },
    ];
  });
}

/** Names of a site's departments, categories and staff as its desks sent them, for a case's timeline. */
async function siteDirectory(db: Db, siteId: number) {
  const rows = await db
    .selectFrom('reference_records')
    .select(['kind', 'key', 'row'])
    .where('site_id', '=', siteId)
    .where('kind', 'in', ['department', 'category', 'user'])
    .execute();
  const of = (kind: string, field: string) =>
    Object.fromEntries(
      rows
        .filter((r) => r.kind === kind && r.row)
        .map((r) => [r.key, String((JSON.parse(r.row ?? '{}') as Record<string, unknown>)[field] ?? r.key)]),
    );
  return { departments: of('department', 'name'), categories: of('category', 'name'), users: of('user', 'display_name') };
}

/** One case of any site with its whole history, masked unless `revealed`; undefined when the server holds none. */
export async function groupCaseDetail(db: Db, caseId: string, revealed: boolean): Promise<GroupCaseDetail | undefined> {
  const row = await caseLine(db, caseId);
  if (!row) return undefined;
  const bodies = await eventBodiesOf(db, caseId);
  // A transferred case's history names people and departments of every site it passed through,
  // and the group account that transferred it at the console: the holder's names win a clash.
  const holder = Number(row.site_id);
  const passed = [...new Set(bodies.map((e) => Number(e.site_id)).filter((s) => s !== holder)), holder];
  const directories = await Promise.all(passed.map((s) => siteDirectory(db, s)));
  const consoleActors = bodies.filter((e) => e.desk_id.startsWith('console:')).map((e) => e.desk_id.slice('console:'.length));
  const names = {
    departments: Object.assign({}, ...directories.map((d) => d.departments)) as Record<string, string>,
    categories: Object.assign({}, ...directories.map((d) => d.categories)) as Record<string, string>,
    users: Object.assign(await groupAccountNames(db, [...new Set(consoleActors)]), ...directories.map((d) => d.users)) as Record<
      string,
      string
    >,
  };
  const wires = bodies.map((e) => JSON.parse(e.body) as WireEvent);
  // Acts made at once on two desks that the fold set aside, as every desk of the site flags them.
  const conflicts = new Set(foldWireEvents(wires).conflictIds);
  const events = wires.map((w) => {
    const event = {
      ...w,
      payload: JSON.parse(w.payload) as unknown,
      actorName: names.users[w.actorId] ?? w.actorId,
      conflict: conflicts.has(w.id),
    };
    return event as unknown as CaseEvent & { actorName: string; conflict: boolean };
  });
  return {
    line: lineOf(row, await siteNames(db), revealed),
    events: causalOrder(revealed ? events : events.map(maskedEvent)),
    names,
  };
}
