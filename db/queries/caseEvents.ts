import { type Kysely, sql } from 'kysely';
import { causalOrder } from '../../domain/cases/eventDag.ts';
import type { CaseEvent } from '../../domain/cases/events.ts';
import { caseSpan, eventOfRow, type StoredEventRow, storedColumnsOf } from '../eventCodec.ts';
import type { Database } from '../schema.ts';
import { compiledOnce } from './compiledOnce.ts';
import { insertRows } from './rowInserts.ts';

/** An event as read from the log, its hash recomputed (db/eventCodec.ts). */
export type CaseEventRow = CaseEvent;

export const storedColumns = sql`e.pos, e.id, e.dag, e.parents, e.type, e.payload, a.name AS actor_name, d.name AS device_name, e.at, e.lead, e.tick, r.hash AS kept_hash`;
// An event whose payload lost data at the end of retention keeps the hash it had (migration 13).
export const parties = sql`JOIN event_parties a ON a.n = e.actor JOIN event_parties d ON d.n = e.device LEFT JOIN event_redactions r ON r.pos = e.pos`;

const findParty = compiledOnce((db, v: { name: string }) => db.selectFrom('event_parties').select('n').where('name', '=', v.name));

/** The number of a party (a user or a desk) in `event_parties`, added on first use. */
async function partyNumber(db: Kysely<Database>, name: string, known?: Map<string, number>): Promise<number> {
  const kept = known?.get(name);
  if (kept !== undefined) return kept;
  const [found] = await findParty(db, { name });
  const n = found ? found.n : (await db.insertInto('event_parties').values({ name }).returning('n').executeTakeFirstOrThrow()).n;
  known?.set(name, n);
  return n;
}

const advanceClock = compiledOnce(
  (_, v: { wall: number }) => sql`UPDATE counters SET value = ${v.wall} WHERE scope = 'hlc' AND value < ${v.wall}`,
);

/** Keeps the newest wall time of the hybrid clock in `counters` for the next start. */
async function keepClock(db: Kysely<Database>, wall: number): Promise<void> {
  await advanceClock(db, { wall });
}

/**
 * Stores one event of the case numbered `caseSeqno` at its place `event.seq`. `payloadText` is
 * the payload exactly as hashed. Keeps the newest clock in `counters` for the next start.
 */
export async function insertCaseEvent(db: Kysely<Database>, caseSeqno: number, event: CaseEvent, payloadText: string): Promise<void> {
  const parties = { actor: await partyNumber(db, event.actorId), device: await partyNumber(db, event.device) };
  const values = storedColumnsOf(caseSeqno, event, payloadText, parties);
  await insertRows(db, 'case_events', [values]);
  await keepClock(db, values.at + values.lead);
}

export interface CaseEventWriter {
  /**
   * Stores one event, as `insertCaseEvent` does, but for the clock; the row may wait for the
   * next ones to go with them, so nothing may read the events stored before `finish`.
   */
  insert(caseSeqno: number, event: CaseEvent, payloadText: string): Promise<void>;
  /** Stores the rows still waiting and keeps the newest clock; once, after the last, in the same transaction. */
  finish(): Promise<void>;
}

/** Rows of one multi-row INSERT: well under SQLite's limit on bound values. */
const rowsPerInsert = 250;

/**
 * Stores many events in one transaction (a pulled page) as `insertCaseEvent` stores each, with
 * fewer statements: the parties `names` (those the events may name) are looked up at once, a
 * party is still added only when an event stored names it (so in the same order as one by one),
 * the rows go in the same order a few hundred to a statement, and the clock is kept once.
 */
export async function caseEventWriter(db: Kysely<Database>, names: Iterable<string>): Promise<CaseEventWriter> {
  const known = new Map<string, number>();
  const wanted = [...new Set(names)];
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('event_parties')
      .select(['n', 'name'])
      .where('name', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const r of rows) known.set(r.name, r.n);
  }
  let newest: number | null = null;
  let waiting: ReturnType<typeof storedColumnsOf>[] = [];
  const flush = async () => {
    if (waiting.length === 0) return;
    const rows = waiting;
    waiting = [];
    await insertRows(db, 'case_events', rows);
  };
  return {
    async insert(caseSeqno, event, payloadText) {
      const parties = { actor: await partyNumber(db, event.actorId, known), device: await partyNumber(db, event.device, known) };
      const values = storedColumnsOf(caseSeqno, event, payloadText, parties);
      waiting.push(values);
      if (waiting.length >= rowsPerInsert) await flush();
      const wall = values.at + values.lead;
      if (newest === null || wall > newest) newest = wall;
    },
    async finish() {
      await flush();
      if (newest !== null) await keepClock(db, newest);
    },
  };
}

/** One case's log in this desk's order (the order it was stored in). */
export async function listCaseLog(db: Kysely<Database>, caseId: string): Promise<CaseEventRow[]> {
  const result = await sql<StoredEventRow>`
    SELECT ${storedColumns} FROM cases c
    JOIN case_events e ON e.pos >= c.seqno * ${caseSpan} AND e.pos < (c.seqno + 1) * ${caseSpan}
    ${parties}
    WHERE c.id = ${caseId} ORDER BY e.pos`.execute(db);
  return result.rows.map((r) => eventOfRow(caseId, r));
}

/** One case's events in causal order (domain/cases/eventDag.ts): the order every desk folds them in. */
export async function listCaseEvents(db: Kysely<Database>, caseId: string): Promise<CaseEventRow[]> {
  return causalOrder(await listCaseLog(db, caseId));
}

/** The newest wall time of the hybrid clock the log has seen, for the clock to go on from. */
export async function latestClock(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('counters').select('value').where('scope', '=', 'hlc').executeTakeFirst();
  return row?.value ?? 0;
}

/**
 * The logs of several cases at once, each in this desk's order: one range of the table per case
 * (the cases may lie far apart in the log, as a sealed year's do in the order of their numbers),
 * for verifying and rebuilding page by page. CROSS JOIN keeps the list outside: the planner knows
 * nothing of its size and would read the whole log otherwise.
 */
export async function listEventsOfCases(db: Kysely<Database>, cases: readonly { id: string; seqno: number }[]): Promise<CaseEventRow[]> {
  if (cases.length === 0) return [];
  const idOf = new Map(cases.map((c) => [c.seqno, c.id]));
  const seqnos = JSON.stringify([...idOf.keys()].sort((a, b) => a - b));
  const result = await sql<StoredEventRow>`
    SELECT ${storedColumns} FROM json_each(${seqnos}) s
    CROSS JOIN case_events e ON e.pos >= s.value * ${caseSpan} AND e.pos < (s.value + 1) * ${caseSpan}
    ${parties}
    ORDER BY e.pos`.execute(db);
  return result.rows.map((r) => eventOfRow(idOf.get(Math.floor(r.pos / caseSpan)) as string, r));
}

/** The latest event of a type in a case's log. */
export async function lastEventOfType(db: Kysely<Database>, caseId: string, type: string): Promise<CaseEventRow | undefined> {
  return (await listCaseEvents(db, caseId)).filter((e) => e.type === type).at(-1);
}
