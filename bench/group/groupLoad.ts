import { sql } from 'kysely';
import { bundledCalendarData } from '../../core/calendar/bundledCalendar.ts';
import type { CaseEventData } from '../../domain/cases/events.ts';
import { breachesDue } from '../../domain/deadlines/caseClocks.ts';
import type { ClockName } from '../../domain/deadlines/deadline.ts';
import { createWorkingCalendar } from '../../domain/deadlines/workingCalendar.ts';
import { repeatWindowDays } from '../../domain/reports/figures.ts';
import { type HeldEvent, type SiteCase, siteCaseOf } from '../../domain/reports/siteCase.ts';
import { projectionRow } from '../../server/store/caseProjection.ts';
import { searchDigits } from '../../server/store/caseRollupsMigration.ts';
import type { ServerStore } from '../../server/store/openServerStore.ts';
import { runningClocksOf, runningDueOf } from '../../server/store/openWorkQueries.ts';
import { categoryPhrases } from '../data/phrases.ts';
import { createRng, type Rng } from '../data/rng.ts';
import { syntheticCase, type Vocabulary } from '../data/syntheticCase.ts';

const dayMs = 86_400_000;
const rowsAStatement = 5_000;

/** The b-tree indexes migrations 005 and 012 make, dropped while the rows go in and made again after (timed). */
const projectionIndexes = [
  'CREATE INDEX case_projection_received ON case_projection (received_at)',
  'CREATE INDEX case_projection_site_received ON case_projection (site_id, received_at)',
  'CREATE INDEX case_projection_phone ON case_projection (site_id, complainant_phone, received_at)',
  'CREATE INDEX case_projection_phone_key ON case_projection (phone_key)',
  'CREATE INDEX case_projection_number ON case_projection (number)',
  'CREATE INDEX case_projection_open ON case_projection (site_id) WHERE closed_at IS NULL AND declined = 0 AND merged = 0',
  `CREATE INDEX case_projection_running ON case_projection (received_at) WHERE ${runningClocksOf('')}`,
  `CREATE INDEX case_projection_running_due ON case_projection ((${runningDueOf('')})) WHERE ${runningClocksOf('')}`,
];
/** The search's inverted indexes (migrations 005 and 012), the terms' and the digits': the largest to build, made after the reports are measured. */
export const searchIndexes = [
  "CREATE INDEX case_projection_terms ON case_projection USING gin (string_to_array(search_terms, ' '))",
  `CREATE INDEX case_projection_digits ON case_projection USING gin ((${searchDigits}) gin_trgm_ops)`,
];
const indexName = (statement: string) => statement.split(' ')[2] as string;

function vocabulary(): Vocabulary {
  const categories = Object.keys(categoryPhrases).map((name, i) => ({ id: `cat-${i + 1}`, name }));
  const departments = Array.from({ length: 12 }, (_, i) => `dep-${i + 1}`);
  return {
    categories,
    departments,
    receptionists: ['rec-1', 'rec-2', 'rec-3'],
    handlers: new Map(departments.map((d) => [d, [`${d}-h1`, `${d}-h2`]])),
    supervisor: 'sup-1',
  };
}

/**
 * The case's events as a desk records them (one chain), so the server's fold (siteCaseOf) reads
 * them as it reads pushed ones. Deadlines: 1, 5 and 15 days after receipt (the hospital
 * profile's working days, approximated by calendar days: the bench measures reading, not the
 * deadline calculator).
 */
function heldEvents(rng: Rng, siteId: number, index: number, registeredAt: number, until: number, vocab: Vocabulary, phones: string[][]) {
  const s = syntheticCase(rng, vocab, registeredAt, until);
  // A tenth of the complainants come back (to the same site mostly, sometimes to another).
  const pool = phones[rng.chance(0.8) ? siteId - 1 : rng.int(phones.length)] ?? [];
  if (s.input.complainant.phone && pool.length > 0 && rng.chance(0.1)) s.input.complainant.phone = rng.pick(pool);
  else if (s.input.complainant.phone && pool.length < 200) pool.push(s.input.complainant.phone);
  const received = Date.parse(s.input.receivedAt);
  const iso = (ms: number) => new Date(ms).toISOString();
  const deadlines = { acknowledge: iso(received + dayMs), feedback: iso(received + 5 * dayMs), resolve: iso(received + 15 * dayMs) };
  const d = new Date(registeredAt);
  const number = `S${siteId}-${String(d.getUTCFullYear()).slice(2)}${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(index).padStart(7, '0')}`;
  const registered: CaseEventData = {
    type: 'registered',
    payload: {
      number,
      queryCode: 'Q',
      type: s.input.type,
      channel: s.input.channel,
      severity: s.input.severity ?? 'general',
      subject: s.input.subject,
      content: s.input.content,
      demands: s.input.demands,
      complainant: { ...s.input.complainant, name: s.input.complainant.name ?? '' },
      respondent: s.input.respondent,
      categoryId: s.input.categoryId,
      receivedAt: s.input.receivedAt,
      confidential: s.input.confidential ?? false,
      anonymous: s.input.anonymous ?? false,
      deadlines,
    },
  };
  const all = [{ at: registeredAt, actorId: s.registeredBy, data: registered }, ...s.later];
  const events: HeldEvent[] = [];
  for (const [i, e] of all.entries()) {
    events.push({
      id: `${index}-${i}`,
      type: e.data.type,
      payload: e.data.payload,
      actorId: e.actorId,
      at: iso(e.at),
      hlc: `${iso(e.at)}-${i}`,
      hash: `${index}-${i}`,
      parents: i === 0 ? [] : [`${index}-${i - 1}`],
    });
  }
  return { caseId: `case-${String(index).padStart(9, '0')}`, events };
}

/** Fills case_projection with `count` cases over `sites` sites and three years, in time order. */
export async function load(
  store: ServerStore,
  options: { sites: number; count: number; copies: number; seed: number; until: number; log: (l: string) => void },
) {
  const { db } = store;
  const folded = options.count / options.copies;
  const untilIso = new Date(options.until).toISOString();
  const rng = createRng(options.seed);
  const vocab = vocabulary();
  const time = { calendar: createWorkingCalendar(bundledCalendarData()), utcOffsetMinutes: 480 };
  for (let i = 1; i <= options.sites; i++)
    await db
      .insertInto('sites')
      .values({ name: `分院${i}`, created_at: new Date(0).toISOString() })
      .execute();
  await db.updateTable('sites').set({ volume_per_month: sql`20000 + (id * 997) % 30000` }).execute();
  for (const statement of [...projectionIndexes, ...searchIndexes])
    await sql.raw(`DROP INDEX IF EXISTS ${indexName(statement)}`).execute(db);
  const from = options.until - 3 * 365 * dayMs;
  // No write-ahead log for the bulk load (the cluster runs without fsync already): reads are the same.
  await sql`ALTER TABLE case_projection SET UNLOGGED`.execute(db);
  await sql`ALTER TABLE case_rollups SET UNLOGGED`.execute(db);
  const phones = Array.from({ length: options.sites }, () => [] as string[]);
  // The last complaint per site, phone and category: the desk's repeat rule in time order.
  const lastSeen = new Map<string, number>();
  const started = performance.now();
  let batch: ReturnType<typeof projectionRow>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await sql`INSERT INTO case_projection SELECT * FROM json_populate_recordset(NULL::case_projection, ${JSON.stringify(batch)})`.execute(
      db,
    );
    batch = [];
  };
  for (let i = 0; i < folded; i++) {
    const siteId = 1 + rng.int(options.sites);
    const registeredAt = from + Math.floor(((options.until - from) * i) / folded);
    const { caseId, events } = heldEvents(rng, siteId, i, registeredAt, options.until, vocab, phones);
    const c = withSweptBreaches(siteCaseOf(caseId, events, time), untilIso);
    const row = projectionRow(siteId, c, events.length) as ReturnType<typeof projectionRow> & { row_no: number; is_repeat: number };
    row.row_no = i + 1;
    row.is_repeat = 0;
    if (c.complainantPhone && !c.facts.merged) {
      const key = `${siteId} ${c.complainantPhone} ${c.categoryId}`;
      const before = lastSeen.get(key);
      const at = Date.parse(c.receivedAt);
      if (c.type === 'complaint' && before !== undefined && before >= at - repeatWindowDays * dayMs) row.is_repeat = 1;
      lastSeen.set(key, at);
    }
    batch.push(row);
    if (batch.length >= rowsAStatement) await flush();
    if ((i + 1) % 100_000 === 0) options.log(`group: ${i + 1} cases loaded (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await flush();
  const loadedMs = performance.now() - started;
  const copiesStarted = performance.now();
  await copyCases(store, options);
  const copiedMs = performance.now() - copiesStarted;
  const indexStarted = performance.now();
  for (const statement of projectionIndexes) await sql.raw(statement).execute(db);
  await sql`VACUUM (ANALYZE) case_projection`.execute(db);
  return { loadedMs, copiedMs, indexMs: performance.now() - indexStarted };
}

/**
 * The clocks the desk's deadline sweep records as breached by `until` (domain/deadlines
 * caseClocks.ts breachesDue), as its `deadlineBreached` events fold: a desk running its sweep
 * all along leaves few clocks past due unrecorded.
 */
function withSweptBreaches(c: SiteCase, until: string): SiteCase {
  const pausedSince = Object.values(c.clocks)[0]?.pausedSince ?? null;
  const records = Object.entries(c.clocks).map(([clock, s]) => ({
    clock: clock as ClockName,
    due: s.due,
    metAt: s.metAt,
    breachedAt: s.breachedAt,
  }));
  for (const b of breachesDue(records, until, pausedSince)) {
    const state = c.clocks[b.clock];
    if (state) state.breachedAt = b.metAt ?? new Date(Date.parse(b.due) + 60_000).toISOString();
  }
  return c;
}

/** The digit permutations of the copies: each keeps 1 (a mobile number still starts with 1) and moves the rest. */
function digitPermutations(count: number, seed: number): string[] {
  const rng = createRng(seed + 1);
  const seen = new Set<string>(['0123456789']);
  const out: string[] = [];
  while (out.length < count) {
    const rest = [...'023456789'];
    for (let i = rest.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [rest[i], rest[j]] = [rest[j] as string, rest[i] as string];
    }
    const perm = `${rest[0]}1${rest.slice(1).join('')}`;
    if (!seen.has(perm)) {
      seen.add(perm);
      out.push(perm);
    }
  }
  return out;
}

/**
 * Makes the folded cases `copies` times as many in SQL: copy k of a case is another case at
 * another site (the sites turned by 37k), received at the same instant, its case id suffixed,
 * and every digit of its number, phone and search documents put through the copy's permutation
 * of digits (so its terms are the terms of its text, a complainant who came back comes back in
 * the copy too, and its repeat flag stays true to the desk's rule).
 */
async function copyCases(
  store: ServerStore,
  options: { sites: number; count: number; copies: number; seed: number; log: (l: string) => void },
) {
  if (options.copies <= 1) return;
  const { db } = store;
  const base = options.count / options.copies;
  const columns = (
    await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns
      WHERE table_name = 'case_projection' ORDER BY ordinal_position`.execute(db)
  ).rows.map((r) => r.column_name);
  const perms = digitPermutations(options.copies - 1, options.seed);
  for (let k = 1; k < options.copies; k++) {
    const perm = perms[k - 1] as string;
    const digits = (column: string) => `translate(${column}, '0123456789', '${perm}')`;
    const site = (column: string) => `((${column} - 1 + ${37 * k}) % ${options.sites}) + 1`;
    const expressions: Record<string, string> = {
      row_no: `row_no + ${k * base}`,
      case_id: `case_id || '-${k}'`,
      site_id: site('site_id'),
      registered_site_id: site('registered_site_id'),
      number: digits('number'),
      complainant_phone: digits('complainant_phone'),
      phone_key: digits('phone_key'),
      search_text: digits('search_text'),
      search_terms: digits('search_terms'),
    };
    const started = performance.now();
    await sql
      .raw(
        `INSERT INTO case_projection (${columns.join(', ')})
        SELECT ${columns.map((c) => expressions[c] ?? c).join(', ')} FROM case_projection WHERE row_no <= ${base}`,
      )
      .execute(db);
    options.log(`group: copy ${k} of ${options.copies - 1} made (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
}
