import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { bundledCalendarData } from '../../core/calendar/bundledCalendar.ts';
import { systemActorId } from '../../core/deadlines/sweep.ts';
import { createContextTools } from '../../core/deskContext.ts';
import { foldReportFacts } from '../../core/reports/reportFacts.ts';
import { loadSettings } from '../../core/settings.ts';
import { openStore } from '../../db/connection.ts';
import { hashBytes, newDagEvent, storedColumnsOf } from '../../db/eventCodec.ts';
import { storedClockRow } from '../../db/queries/caseClocks.ts';
import { projectionColumns } from '../../db/queries/cases.ts';
import { reportFactsRow } from '../../db/queries/reportFacts.ts';
import { insertUser } from '../../db/queries/users.ts';
import type { Database } from '../../db/schema.ts';
import type { CaseEvent, CaseEventData } from '../../domain/cases/events.ts';
import { encodeHlc } from '../../domain/cases/hlc.ts';
import { formatCaseNumber, makeQueryCode, numberingPeriod } from '../../domain/cases/numbering.ts';
import { applyEvent, type CaseState } from '../../domain/cases/projection.ts';
import { registeredPayload } from '../../domain/cases/registeredPayload.ts';
import type { Role } from '../../domain/cases/vocabulary.ts';
import { breachesDue, foldCaseClocks } from '../../domain/deadlines/caseClocks.ts';
import { computeDeadlines } from '../../domain/deadlines/deadline.ts';
import { presetPolicy } from '../../domain/deadlines/presets.ts';
import { createWorkingCalendar, localDateOf } from '../../domain/deadlines/workingCalendar.ts';
import { defaultWorkingHours } from '../../domain/deadlines/workingHours.ts';
import { factsOf } from '../../domain/reports/caseFacts.ts';
import { toBigramDocument, toTrigramDocument } from '../../domain/text/searchTerms.ts';
import { createRng } from './rng.ts';
import { type SyntheticCase, syntheticCase, type Vocabulary } from './syntheticCase.ts';

export interface BulkLoadOptions {
  dataDir: string;
  count: number;
  seed: number;
  /** The generated history ends here (ms) and reaches back `years`. */
  until: number;
  years?: number;
  /** Cases per transaction. */
  chunkSize?: number;
  onProgress?: (done: number) => void;
}

export interface BulkLoadResult {
  cases: number;
  events: number;
  ms: number;
}

const dayMs = 86_400_000;

async function vocabularyOf(db: Kysely<Database>, rng: ReturnType<typeof createRng>, at: string): Promise<Vocabulary> {
  const categories = await db.selectFrom('categories').select(['id', 'name']).orderBy('created_at').orderBy('id').execute();
  const departments = (await db.selectFrom('departments').select('id').orderBy('created_at').orderBy('id').execute()).map((d) => d.id);
  if (categories.length === 0 || departments.length < 2) throw new Error('run setup.init before loading cases');
  const user = async (username: string, displayName: string, roles: Role[], departmentIds: string[]) => {
    const id = uuidv7({ msecs: Date.parse(at), random: rng.bytes(16) });
    await insertUser(db, {
      id,
      username,
      display_name: displayName,
      // Not a scrypt hash: these synthetic colleagues never sign in.
      password_hash: 'bench:no-login',
      roles,
      department_ids: departmentIds,
      disabled: 0,
      created_at: at,
      version: 1,
    });
    return id;
  };
  const receptionists: string[] = [];
  for (let i = 1; i <= 6; i++) receptionists.push(await user(`bench-reception-${i}`, `前台${i}号`, ['receptionist'], []));
  const handlers = new Map<string, string[]>();
  for (const [d, department] of departments.entries()) {
    const ids: string[] = [];
    for (let i = 1; i <= 2; i++) ids.push(await user(`bench-handler-${d}-${i}`, `经办人${d}-${i}`, ['handler'], [department]));
    handlers.set(department, ids);
  }
  const supervisor = await user('bench-supervisor', '质控科科长', ['supervisor'], []);
  return { categories, departments, receptionists, handlers, supervisor };
}

interface Pending {
  index: number;
  synthetic: SyntheticCase;
  /** Registration first, then the later events; each gets its id and HLC in global time order. */
  events: { at: number; actorId: string; data: CaseEventData; id?: string; hlc?: string }[];
}

/**
 * Fills a set-up desk's store with `count` synthetic cases in big transactions, row for row as
 * the core writes them, through the same functions: the number from a per-month counter
 * (formatCaseNumber), deadlines (computeDeadlines), each event's fields and hash chain
 * (newDagEvent, SHA-256), the projection folded with applyEvent and mapped by projectionColumns, the
 * deadline clocks by foldCaseClocks, the search documents by toTrigramDocument / toBigramDocument. The rows go in with prepared
 * statements, each case once with its final projection, instead of a core call (and fsync) per
 * event: 1M cases with ~8M events would take many hours through the core.
 */
export async function bulkLoad(options: BulkLoadOptions): Promise<BulkLoadResult> {
  const started = performance.now();
  const rng = createRng(options.seed);
  const store = openStore(options.dataDir);
  try {
    const { db, sqlite } = store;
    const years = options.years ?? 3;
    const from = options.until - years * 365 * dayMs;
    const settings = await loadSettings(db);
    const deviceId = settings.deviceId ?? 'bench-device';
    const vocabulary = await vocabularyOf(db, rng, new Date(from).toISOString());
    let clock = from;
    const now = () => new Date(clock);
    const tools = createContextTools(deviceId, 0, now);
    const calendar = createWorkingCalendar(bundledCalendarData());
    const days = Math.round((options.until - from) / dayMs);
    const offsetMs = settings.utcOffsetMinutes * 60_000;
    // Case i is registered during office hours (08:00–18:00 local) of day i·days/count, in order.
    const localMidnight = from - ((from + offsetMs) % dayMs);
    const registrationTime = (i: number) => {
      const position = (i * days) / options.count;
      const day = Math.floor(position);
      return localMidnight + day * dayMs + 8 * 3_600_000 + (position - day) * 10 * 3_600_000;
    };

    const insertEvent = sqlite.prepare(
      'INSERT INTO case_events (pos, id, dag, parents, type, payload, actor, device, at, lead, tick) VALUES (@pos, @id, @dag, @parents, @type, @payload, @actor, @device, @at, @lead, @tick)',
    );
    const addParty = sqlite.prepare('INSERT OR IGNORE INTO event_parties (name) VALUES (?)');
    const partyOf = sqlite.prepare('SELECT n FROM event_parties WHERE name = ?').pluck();
    const parties = new Map<string, number>();
    const party = (name: string) => {
      let n = parties.get(name);
      if (n === undefined) {
        addParty.run(name);
        n = partyOf.get(name) as number;
        parties.set(name, n);
      }
      return n;
    };
    const insertClock = sqlite.prepare(
      'INSERT INTO case_clocks (case_seqno, clock, due, met_at, breached_at, paused_since, provisional) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const factsColumns = Object.keys(reportFactsRow(0, factsOf([]), null));
    const insertFacts = sqlite.prepare(
      `INSERT INTO case_report_facts (${factsColumns.join(',')}) VALUES (${factsColumns.map((c) => `@${c}`).join(',')})`,
    );
    const insertTrigram = sqlite.prepare('INSERT INTO case_search_trigram (rowid, doc) VALUES (?, ?)');
    const insertBigram = sqlite.prepare('INSERT INTO case_search_bigram (rowid, doc) VALUES (?, ?)');
    const caseInserts = new Map<string, ReturnType<typeof sqlite.prepare>>();
    const insertCaseRow = (row: Record<string, unknown>) => {
      const columns = Object.keys(row);
      const key = columns.join(',');
      let statement = caseInserts.get(key);
      if (!statement) {
        statement = sqlite.prepare(`INSERT INTO cases (${key}) VALUES (${columns.map((c) => `@${c}`).join(',')})`);
        caseInserts.set(key, statement);
      }
      return Number(statement.run(row).lastInsertRowid);
    };
    const counters = new Map<string, number>();
    const readCounter = sqlite.prepare('SELECT value FROM counters WHERE scope = ?').pluck();
    const writeCounter = sqlite.prepare(
      'INSERT INTO counters (scope, value) VALUES (?, ?) ON CONFLICT (scope) DO UPDATE SET value = excluded.value',
    );

    const chunkSize = options.chunkSize ?? 5_000;
    let events = 0;
    for (let first = 0; first < options.count; first += chunkSize) {
      const last = Math.min(options.count, first + chunkSize);
      const pending: Pending[] = [];
      for (let i = first; i < last; i++) {
        const synthetic = syntheticCase(rng, vocabulary, registrationTime(i), options.until);
        pending.push({
          index: i,
          synthetic,
          events: [
            // The registration's payload needs the case number, drawn when the case is written.
            { at: synthetic.registeredAt, actorId: synthetic.registeredBy, data: { type: 'registered' } as unknown as CaseEventData },
            ...synthetic.later,
          ],
        });
      }
      // Ids and HLCs in the order things happened, as the desk's clock would have issued them.
      const timeline = pending.flatMap((p) => p.events).sort((a, b) => a.at - b.at);
      for (const e of timeline) {
        clock = e.at;
        e.id = uuidv7({ msecs: e.at, random: rng.bytes(16) });
        e.hlc = tools.nextHlc();
      }
      sqlite.transaction(() => {
        for (const p of pending) {
          events += writeCase(p);
        }
      })();
      options.onProgress?.(last);
    }
    sqlite.transaction(() => {
      for (const [scope, value] of counters) writeCounter.run(scope, value);
      // insertCaseEvent's newest clock, so the desk's clock goes on after the generated log.
      sqlite.prepare("UPDATE counters SET value = (SELECT coalesce(max(at + lead), 0) FROM case_events) WHERE scope = 'hlc'").run();
    })();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { cases: options.count, events, ms: performance.now() - started };

    /**
     * The deadline sweep's events: every clock missed by `until` is recorded as `deadlineBreached`
     * by the system actor, a minute after it fell due or when it was met late, as a desk that ran
     * its sweep all along would have (else the first start-up records them all at once).
     */
    function withBreaches(list: Pending['events']): Pending['events'] {
      const stored = list.map((e) => ({ type: e.data.type, at: new Date(e.at).toISOString(), payload: e.data.payload as unknown }));
      const folded = foldCaseClocks(stored);
      const breaches = breachesDue(folded.clocks, new Date(options.until).toISOString(), folded.pausedSince).map((c) => {
        const at = c.metAt ? Date.parse(c.metAt) : Date.parse(c.due) + 60_000;
        return {
          at,
          actorId: systemActorId,
          data: {
            type: 'deadlineBreached',
            payload: c.metAt ? { clock: c.clock, due: c.due, metAt: c.metAt } : { clock: c.clock, due: c.due },
          } as CaseEventData,
          id: uuidv7({ msecs: at, random: rng.bytes(16) }),
          hlc: encodeHlc({ wallMs: at, counter: 0 }, deviceId),
        };
      });
      if (breaches.length === 0) return list;
      const [first, ...rest] = list;
      return [first as Pending['events'][number], ...[...rest, ...breaches].sort((a, b) => a.at - b.at)];
    }

    /** registerCase and cases.act for one case: its events chained, its projection folded. */
    function writeCase(p: Pending): number {
      const { input } = p.synthetic;
      clock = p.synthetic.registeredAt;
      const severity = input.severity ?? 'general';
      const deadlines = computeDeadlines(input.receivedAt, presetPolicy(settings.profile, severity), {
        calendar,
        utcOffsetMinutes: settings.utcOffsetMinutes,
        workingHours: defaultWorkingHours,
      });
      const localDay = localDateOf(now(), settings.utcOffsetMinutes);
      const period = numberingPeriod(Number(localDay.slice(0, 4)), Number(localDay.slice(5, 7)));
      const scope = `case:${settings.deskPrefix}${period}`;
      const sequence = (counters.get(scope) ?? (readCounter.get(scope) as number | undefined) ?? 0) + 1;
      counters.set(scope, sequence);
      const payload = registeredPayload(input, {
        number: formatCaseNumber(settings.deskPrefix, period, sequence),
        queryCode: makeQueryCode((n, bound) => Array.from({ length: n }, () => rng.int(bound))),
        severity,
        receivedAt: input.receivedAt,
        deadlines,
      });
      const caseId = uuidv7({ msecs: p.synthetic.registeredAt, random: rng.bytes(16) });
      p.events[0] = { ...(p.events[0] as Pending['events'][number]), data: { type: 'registered', payload } };
      const events = withBreaches(p.events);
      let heads: string[] = [];
      let state: CaseState | null = null;
      const logged: { event: CaseEvent; payload: string }[] = [];
      for (const [k, e] of events.entries()) {
        const data: CaseEventData = e.data;
        // appendCaseEvent's fields and hash.
        const event = newDagEvent(
          {
            id: e.id as string,
            caseId,
            seq: k + 1,
            parents: heads,
            actorId: e.actorId,
            device: deviceId,
            at: new Date(e.at).toISOString(),
            hlc: e.hlc as string,
          },
          data,
        );
        logged.push({ event, payload: JSON.stringify(data.payload) });
        state = applyEvent(state, { ...data, actorId: event.actorId, at: event.at });
        heads = [event.hash];
      }
      if (!state) throw new Error('a case without events');
      const registeredAt = new Date(p.synthetic.registeredAt).toISOString();
      const lastAt = new Date(events.at(-1)?.at ?? p.synthetic.registeredAt).toISOString();
      const seqno = insertCaseRow({
        id: caseId,
        registered_by: p.synthetic.registeredBy,
        created_at: registeredAt,
        updated_at: lastAt,
        last_seq: events.length,
        heads: hashBytes(heads),
        ...projectionColumns(state),
      });
      for (const { event, payload } of logged) {
        insertEvent.run(storedColumnsOf(seqno, event, payload, { actor: party(event.actorId), device: party(event.device) }));
      }
      const stored = logged.map(({ event }) => ({ type: event.type, at: event.at, payload: event.payload as unknown }));
      // syncCaseClocks: the deadline clocks folded from the same events.
      const folded = foldCaseClocks(stored);
      for (const c of folded.clocks) {
        const k = storedClockRow(seqno, {
          case_id: caseId,
          clock: c.clock,
          due: c.due,
          met_at: c.metAt,
          breached_at: c.breachedAt,
          paused_since: folded.pausedSince,
          provisional: folded.provisional ? 1 : 0,
        });
        insertClock.run(k.case_seqno, k.clock, k.due, k.met_at, k.breached_at, k.paused_since, k.provisional);
      }
      // appendCaseEvent's recordReportFacts, folded once over the whole log: the facts the reports read.
      const { facts, handlingDays } = foldReportFacts({ calendar }, input.receivedAt, stored, settings.utcOffsetMinutes);
      insertFacts.run(reportFactsRow(seqno, facts, handlingDays));
      // The same texts as core/cases/registerCase.ts indexes.
      const texts = [payload.number, payload.complainant.name, payload.complainant.phone, payload.subject, payload.content];
      insertTrigram.run(seqno, toTrigramDocument(texts));
      insertBigram.run(seqno, toBigramDocument(texts));
      return logged.length;
    }
  } finally {
    await store.close();
  }
}
