import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { createSessions } from '../../core/auth/sessions.ts';
import { bundledCalendarData } from '../../core/calendar/bundledCalendar.ts';
import { appendCaseEvent } from '../../core/cases/eventLog.ts';
import { createContextTools, type DeskContext } from '../../core/deskContext.ts';
import { loadSettings } from '../../core/settings.ts';
import { openStore } from '../../db/connection.ts';
import { insertCase, updateCase } from '../../db/queries/cases.ts';
import { nextCounterValue } from '../../db/queries/counters.ts';
import { indexCase } from '../../db/queries/search.ts';
import { insertUser } from '../../db/queries/users.ts';
import type { Database } from '../../db/schema.ts';
import type { CaseEventData, RegisteredPayload } from '../../domain/cases/events.ts';
import { genesisHash } from '../../domain/cases/hashChain.ts';
import { formatCaseNumber, makeQueryCode, numberingPeriod } from '../../domain/cases/numbering.ts';
import { applyEvent, type CaseState } from '../../domain/cases/projection.ts';
import { computeDeadlines } from '../../domain/deadlines/deadline.ts';
import { presetPolicy } from '../../domain/deadlines/presets.ts';
import { createWorkingCalendar, localDateOf } from '../../domain/deadlines/workingCalendar.ts';
import { defaultWorkingHours } from '../../domain/deadlines/workingHours.ts';
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
  const user = async (username: string, displayName: string, roles: string[], departmentIds: string[]) => {
    const id = uuidv7({ msecs: Date.parse(at), random: rng.bytes(16) });
    await insertUser(db, {
      id,
      username,
      display_name: displayName,
      // Not a scrypt hash: these synthetic colleagues never sign in.
      password_hash: 'bench:no-login',
      roles: JSON.stringify(roles),
      department_ids: JSON.stringify(departmentIds),
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
  return { categories, departments, receptionists, handlers };
}

interface Live {
  id: string;
  prevSeq: number;
  prevHash: string;
  state: CaseState;
}

type Step =
  | { at: number; kind: 'register'; index: number; synthetic: SyntheticCase }
  | { at: number; kind: 'later'; index: number; actorId: string; data: CaseEventData };

/**
 * Fills a set-up desk's store with `count` synthetic cases through the db layer, in big
 * transactions: each case is written exactly as the core writes it (number from the counter,
 * `registered` event through appendCaseEvent's hash chain, the projection via insertCase /
 * updateCase, the search documents via toTrigramDocument / toBigramDocument and indexCase), but
 * without the dispatcher, validation and one fsync per case, which 1M core calls would need hours for.
 */
export async function bulkLoad(options: BulkLoadOptions): Promise<BulkLoadResult> {
  const started = performance.now();
  const rng = createRng(options.seed);
  const store = openStore(options.dataDir);
  try {
    const { db } = store;
    const years = options.years ?? 3;
    const from = options.until - years * 365 * dayMs;
    const settings = await loadSettings(db);
    const deviceId = settings.deviceId ?? 'bench-device';
    const vocabulary = await vocabularyOf(db, rng, new Date(from).toISOString());
    let clock = from;
    const now = () => new Date(clock);
    const ctx: DeskContext = {
      store,
      sessions: createSessions({ idleMs: 1, now: () => clock }),
      calendar: createWorkingCalendar(bundledCalendarData()),
      deviceId,
      now,
      ...createContextTools(deviceId, null, now),
      newId: () => uuidv7({ msecs: clock, random: rng.bytes(16) }),
      randomInts: (n, bound) => Array.from({ length: n }, () => rng.int(bound)),
    };
    const days = Math.round((options.until - from) / dayMs);
    const offsetMs = settings.utcOffsetMinutes * 60_000;
    // Case i is registered during office hours (08:00–18:00 local) of day i·days/count, in order.
    const registrationTime = (i: number) => {
      const position = (i * days) / options.count;
      const day = Math.floor(position);
      return from - ((from + offsetMs) % dayMs) + day * dayMs + 8 * 3_600_000 + (position - day) * 10 * 3_600_000;
    };

    const chunkSize = options.chunkSize ?? 5_000;
    let events = 0;
    for (let first = 0; first < options.count; first += chunkSize) {
      const last = Math.min(options.count, first + chunkSize);
      const steps: Step[] = [];
      for (let i = first; i < last; i++) {
        const synthetic = syntheticCase(rng, vocabulary, registrationTime(i), options.until);
        steps.push({ at: synthetic.registeredAt, kind: 'register', index: i, synthetic });
        for (const e of synthetic.later) steps.push({ at: e.at, kind: 'later', index: i, actorId: e.actorId, data: e.data });
      }
      steps.sort((a, b) => a.at - b.at || a.index - b.index);
      const live = new Map<number, Live>();
      await db.transaction().execute(async (trx) => {
        for (const step of steps) {
          clock = step.at;
          if (step.kind === 'register') {
            live.set(step.index, await register(ctx, trx, step.synthetic, settings));
          } else {
            const c = live.get(step.index);
            if (!c) throw new Error('event before registration');
            const state = applyEvent(c.state, step.data);
            const event = await appendCaseEvent(
              ctx,
              trx,
              { caseId: c.id, prevSeq: c.prevSeq, prevHash: c.prevHash, actorId: step.actorId },
              step.data,
            );
            const stored = await updateCase(trx, c.id, c.prevSeq, { at: event.at, lastSeq: event.seq, lastHash: event.hash }, state);
            if (!stored) throw new Error('projection update lost');
            live.set(step.index, { id: c.id, prevSeq: event.seq, prevHash: event.hash, state });
          }
          events++;
        }
      });
      options.onProgress?.(last);
    }
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { cases: options.count, events, ms: performance.now() - started };
  } finally {
    await store.close();
  }
}

/** registerCase's transaction body, with the synthetic clock and actor. */
async function register(
  ctx: DeskContext,
  trx: Kysely<Database>,
  synthetic: SyntheticCase,
  settings: Awaited<ReturnType<typeof loadSettings>>,
): Promise<Live> {
  const { input } = synthetic;
  const severity = input.severity ?? 'general';
  const deadlines = computeDeadlines(input.receivedAt, presetPolicy(settings.profile, severity), {
    calendar: ctx.calendar,
    utcOffsetMinutes: settings.utcOffsetMinutes,
    workingHours: defaultWorkingHours,
  });
  const localDay = localDateOf(ctx.now(), settings.utcOffsetMinutes);
  const period = numberingPeriod(Number(localDay.slice(0, 4)), Number(localDay.slice(5, 7)));
  const id = ctx.newId();
  const sequence = await nextCounterValue(trx, `case:${settings.deskPrefix}${period}`);
  const payload: RegisteredPayload = {
    number: formatCaseNumber(settings.deskPrefix, period, sequence),
    queryCode: makeQueryCode(ctx.randomInts),
    type: input.type,
    channel: input.channel,
    complainant: input.complainant,
    subject: input.subject,
    content: input.content,
    demands: input.demands,
    categoryId: input.categoryId,
    severity,
    respondent: input.respondent,
    receivedAt: input.receivedAt,
    confidential: input.confidential ?? false,
    anonymous: input.anonymous ?? false,
    deadlines,
  };
  const data = { type: 'registered', payload } as const;
  const event = await appendCaseEvent(ctx, trx, { caseId: id, prevSeq: 0, prevHash: genesisHash, actorId: synthetic.registeredBy }, data);
  const state = applyEvent(null, data);
  const seqno = await insertCase(
    trx,
    { id, registeredBy: synthetic.registeredBy, at: event.at, lastSeq: event.seq, lastHash: event.hash },
    state,
  );
  // The same texts as core/cases/registerCase.ts indexes.
  const texts = [payload.number, payload.complainant.name, payload.complainant.phone, payload.subject, payload.content];
  await indexCase(trx, seqno, { trigram: toTrigramDocument(texts), bigram: toBigramDocument(texts) });
  return { id, prevSeq: event.seq, prevHash: event.hash, state };
}
