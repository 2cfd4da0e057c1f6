import { caseSpan } from '../../db/eventCodec.ts';
import type { DeskInput } from '../../domain/api/deskApi.ts';
import { planSearch } from '../../domain/text/searchTerms.ts';
import type { BenchDesk } from '../benchDesk.ts';
import { searchTerms } from '../data/phrases.ts';
import { createRng } from '../data/rng.ts';
import type { openRaw } from '../measure/floors.ts';
import { time } from '../measure/stats.ts';
import { type Add, type TierOptions, targets } from './shared.ts';

/** The reads the pages make (board, inbox, list, search, one case, the reports), each beside its floor where it has one. */
export async function measureReads(
  bench: BenchDesk,
  raw: ReturnType<typeof openRaw>,
  options: TierOptions,
  add: Add,
  notes: string[],
  sampleMemory: () => void,
) {
  const rng = createRng(options.seed + 1);
  const maxSeqno = (raw.prepare('SELECT max(seqno) AS n FROM cases').get() as { n: number }).n;
  const caseAt = raw.prepare('SELECT id, complainant_phone FROM cases WHERE seqno = ?');
  const randomCase = () => caseAt.get(1 + rng.int(maxSeqno)) as { id: string; complainant_phone: string | null };
  const departments = (raw.prepare('SELECT id FROM departments ORDER BY created_at, id').all() as { id: string }[]).map((d) => d.id);
  const handler = (raw.prepare('SELECT handler_id AS id FROM cases WHERE handler_id IS NOT NULL LIMIT 1').get() as { id: string }).id;
  const n = options.reads;

  // The board (issue 4): one column per open status, the most pressing deadline first. The
  // floor runs the same SQL (count per status, then each column's first cards) raw.
  const open = ['registered', 'accepted', 'investigating', 'awaiting_approval', 'responded'] as const;
  const countOpen = raw.prepare(
    `SELECT status, count(*) AS n FROM cases WHERE status IN (${open.map(() => '?').join(',')}) GROUP BY status`,
  );
  const column = raw.prepare('SELECT * FROM cases WHERE status = ? ORDER BY due_at IS NULL, due_at, seqno LIMIT 30');
  const columnOfDepartment = raw.prepare(
    'SELECT * FROM cases WHERE status = ? AND (department_id = ? OR EXISTS (SELECT 1 FROM json_each(cases.co_department_ids) WHERE value = ?)) ORDER BY due_at IS NULL, due_at, seqno LIMIT 30',
  );
  const boardValue = await time(n, () => bench.call('cases.board', {}));
  const boardFloor = await time(n, () => {
    countOpen.all(...open);
    for (const status of open) column.all(status);
  });
  const openCount = (countOpen.all(...open) as { n: number }[]).reduce((sum, r) => sum + r.n, 0);
  add({
    metric: 'board: cases.board, every open column',
    value: boardValue,
    floor: boardFloor,
    target: targets.board,
    note: `${openCount} open cases`,
  });
  const department = departments[0] as string;
  const boardDepartment = await time(n, () => bench.call('cases.board', { departmentId: department }));
  const boardDepartmentFloor = await time(n, () => {
    for (const status of open) columnOfDepartment.all(status, department, department);
  });
  add({ metric: 'board: cases.board, one department', value: boardDepartment, floor: boardDepartmentFloor, target: targets.board });
  add({
    metric: 'board: cases.board, overdue only',
    value: await time(n, () => bench.call('cases.board', { overdue: true })),
    target: targets.board,
  });
  add({
    metric: 'list: cases.browse, open cases by due date, with total',
    value: await time(n, () => bench.call('cases.browse', { statuses: [...open], sort: 'due' })),
    target: targets.board,
  });
  add({
    metric: 'list: cases.browse, all cases newest first, with total',
    value: await time(n, () => bench.call('cases.browse', {})),
    target: targets.board,
  });
  add({ metric: 'inbox: cases.inbox (supervisor)', value: await time(n, () => bench.call('cases.inbox', {})), target: targets.board });
  sampleMemory();

  // The walking skeleton's list query, still the case list page's.
  const boards: { name: string; input: Parameters<typeof listFloorSql>[0] }[] = [
    { name: 'no filter', input: {} },
    { name: 'status = registered (queue to accept)', input: { status: 'registered' } },
    { name: 'department + status = investigating', input: { departmentId: departments[0], status: 'investigating' } },
    { name: 'status = closed + severity = urgent', input: { status: 'closed', severity: 'urgent' } },
    { name: 'handler (my cases)', input: { handlerId: handler } },
  ];
  for (const board of boards) {
    const { sql, params } = listFloorSql(board.input);
    const floorStatement = raw.prepare(sql);
    const value = await time(n, () => bench.call('cases.list', board.input));
    const floor = await time(n, () => floorStatement.all(...params));
    add({ metric: `list: cases.list, ${board.name}`, value, floor, target: targets.board });
    sampleMemory();
  }

  // Full-text search through cases.list q; the floor is the raw FTS5 query for the first page.
  const phones: string[] = [];
  while (phones.length < 8) {
    const phone = randomCase().complainant_phone;
    if (phone && /^1\d{10}$/.test(phone)) phones.push(phone.slice(-4));
  }
  const groups: [string, string[]][] = [
    ['2-character Chinese (bigram index)', searchTerms.two],
    ['3-character Chinese (trigram index)', searchTerms.three],
    ['4-character Chinese (trigram index)', searchTerms.four],
    ['phone suffix, 4 digits (trigram index)', phones],
  ];
  for (const [name, terms] of groups) {
    const floors = new Map(
      terms.map((term) => {
        const plan = planSearch(term);
        if (plan.index === 'none') throw new Error(`no index for ${term}`);
        const table = plan.index === 'trigram' ? 'case_search_trigram' : 'case_search_bigram';
        return [
          term,
          { statement: raw.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT 51`), match: plan.match },
        ];
      }),
    );
    const term = (i: number) => terms[i % terms.length] as string;
    const value = await time(n, (i) => bench.call('cases.list', { q: term(i) }));
    const floor = await time(n, (i) => {
      const f = floors.get(term(i));
      return f?.statement.all(f.match);
    });
    const hits = terms.map((t) => {
      const f = floors.get(t);
      return f
        ? (
            raw.prepare(`SELECT count(*) AS n FROM (${f.statement.source.replace(' ORDER BY rowid DESC LIMIT 51', '')})`).get(f.match) as {
              n: number;
            }
          ).n
        : 0;
    });
    add({
      metric: `search: cases.list q, ${name}`,
      value,
      floor,
      target: targets.search,
      note: `${terms.length} terms, ${Math.min(...hits)}–${Math.max(...hits)} matching cases each`,
    });
    sampleMemory();
  }

  // One case with its events.
  const ids = Array.from({ length: n }, () => randomCase().id);
  const caseById = raw.prepare('SELECT * FROM cases WHERE id = ?');
  const eventsOf = raw.prepare(
    'SELECT e.*, a.name, d.name FROM cases c JOIN case_events e ON e.pos >= c.seqno * ? AND e.pos < (c.seqno + 1) * ? JOIN event_parties a ON a.n = e.actor JOIN event_parties d ON d.n = e.device WHERE c.id = ? ORDER BY e.pos',
  );
  const oneCase = await time(n, (i) => bench.call('cases.get', { id: ids[i % ids.length] as string }));
  const oneFloor = await time(n, (i) => {
    caseById.get(ids[i % ids.length]);
    eventsOf.all(caseSpan, caseSpan, ids[i % ids.length]);
  });
  add({ metric: 'one case with its events: cases.get', value: oneCase, floor: oneFloor, target: targets.oneCase });

  // The dashboard and the analysis, called as their pages call them (the reports read case_report_facts and case_clocks).
  const months = ['2026-10', '2025-06', '2024-03', '2026-01'];
  const monthRange = (month: string) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    return { from: `${month}-01T00:00:00+08:00`, to: `${next}-01T00:00:00+08:00` };
  };
  const breakdowns = ['category', 'department', 'channel', 'severity', 'type', 'respondentDepartment', 'respondentPerson'] as const;
  const dashboard = await time(
    Math.min(n, 8),
    (i) => {
      const range = monthRange(months[i % months.length] as string);
      return Promise.all([
        bench.call('reports.summary', { ...range, breakdowns: [...breakdowns] }),
        bench.call('reports.summary', { ...range, groupBy: 'day' }),
        bench.call('reports.repeats', { ...range, limit: 8 }),
      ]);
    },
    1,
  );
  add({
    metric: 'dashboard, one month as the page asks it: reports.summary with 7 breakdowns, the daily trend, reports.repeats',
    value: dashboard,
    target: targets.dashboard,
  });
  const analysis = await time(
    Math.min(n, 8),
    (i) => {
      const [year, index] = (months[i % months.length] as string).split('-').map(Number) as [number, number];
      return bench.call('reports.analysis', { period: { kind: 'month', year, index } });
    },
    1,
  );
  add({
    metric: 'monthly analysis: reports.analysis (against the previous month and last year, breakdowns, lists)',
    value: analysis,
    target: targets.monthly,
  });
  const yearly = await time(Math.min(n, 5), () => bench.call('reports.analysis', { period: { kind: 'year', year: 2025, index: 1 } }), 1);
  add({ metric: 'yearly analysis: reports.analysis, 2025', value: yearly, target: targets.yearly });
  const review = await time(
    Math.min(n, 5),
    () => bench.call('reports.performance', { from: '2025-01-01T00:00:00+08:00', to: '2026-01-01T00:00:00+08:00' }),
    1,
  );
  add({ metric: 'performance review: reports.performance, 2025', value: review, target: targets.yearly });
  // The reports read what the bulk writer folded: say how much of the store they saw.
  const facts = raw
    .prepare('SELECT count(*) AS cases, total(closed_at IS NOT NULL) AS closed, total(follow_ups > 0) AS followedUp FROM case_report_facts')
    .get() as { cases: number; closed: number; followedUp: number };
  notes.push(
    `${options.label}: the reports read report facts of ${facts.cases.toLocaleString('en')} cases (${facts.closed.toLocaleString('en')} closed, ${facts.followedUp.toLocaleString('en')} followed up)`,
  );
  sampleMemory();
}

/** The SQL the db layer sends for a cases.list filter, as a raw prepared statement (the floor). */
function listFloorSql(input: DeskInput<'cases.list'>) {
  const where: string[] = [];
  const params: string[] = [];
  for (const [column, value] of [
    ['status', input.status],
    ['department_id', input.departmentId],
    ['handler_id', input.handlerId],
    ['severity', input.severity],
  ] as const) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  return { sql: `SELECT * FROM cases${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seqno DESC LIMIT 51`, params };
}
