import type { Kysely } from 'kysely';
import { calendarYearOf, groupDevice } from '../../domain/sync/groupRecords.ts';
import { type ReferenceRow, sameName, stampOf } from '../../domain/sync/referenceRecords.ts';
import type { WireReference } from '../../domain/sync/referenceWire.ts';
import type { Dialect } from '../store/migrations.ts';
import { lockSequence } from '../store/queries.ts';
import { lastReferenceSeq, putReference } from '../store/referenceQueries.ts';
import {
  currentRulesRev,
  groupRecordsFor,
  setSiteRulesRev,
  siteProfile,
  siteRecordsToCompare,
  siteRulesRev,
} from '../store/rulesQueries.ts';
import type { ServerDatabase } from '../store/schema.ts';

type Db = Kysely<ServerDatabase>;

/** What writing the group's records into a site needs: the store's dialect (for its lock) and the time. */
export interface RulesWriter {
  dialect: Dialect;
  now(): Date;
}

interface Wanted {
  kind: string;
  key: string;
  row: string | null;
  owned: 0 | 1;
}

/**
 * Categories above their subcategories, then a site's categories merged into the group's (the
 * alias before the old record goes), then policies, then the calendar's days before its years.
 */
const order = (w: Wanted) => {
  if (w.kind === 'category' && w.row === null) return 3;
  if (w.kind === 'category') return w.row && JSON.parse(w.row).parent_id ? 1 : 0;
  return { alias: 2, policy: 4, calendarDay: 5, calendarYear: 6 }[w.kind] ?? 7;
};

type Held = { kind: string; key: string; row: string | null; group_owned: number };

/**
 * A category the site made apart (a desk's seeded 服务态度) of the same name under the same
 * parent as one of the group's: the site's is merged into the group's, as desks merge their
 * own on joining (an alias every desk folds, its cases following), and its record is taken out.
 */
function siteTwins(group: readonly { kind: string; key: string; row: string }[], held: readonly Held[], at: string): Wanted[] {
  const aliased = new Set(held.filter((h) => h.kind === 'alias' && h.row !== null).map((h) => h.key));
  const groupCategories = group
    .filter((g) => g.kind === 'category')
    .map((g) => JSON.parse(g.row) as ReferenceRow<'category'>)
    .filter((c) => c.disabled === 0);
  const wanted: Wanted[] = [];
  for (const h of held) {
    if (h.kind !== 'category' || h.group_owned === 1 || h.row === null || aliased.has(`category:${h.key}`)) continue;
    const mine = JSON.parse(h.row) as ReferenceRow<'category'>;
    const twin = groupCategories.find((c) => c.id !== mine.id && c.parent_id === mine.parent_id && sameName(c.name, mine.name));
    if (!twin) continue;
    const alias: ReferenceRow<'alias'> = { kind: 'category', local_id: mine.id, canonical_id: twin.id, merged_at: at };
    wanted.push({ kind: 'alias', key: `category:${mine.id}`, row: JSON.stringify(alias), owned: 1 });
    wanted.push({ kind: 'category', key: mine.id, row: null, owned: 1 });
  }
  return wanted;
}

/**
 * Brings a site's reference stream to the group's rules, in the caller's transaction: every
 * record of the group the site takes (its profile's policies among them) written as the group's,
 * with a clock newer than the version the site held; a day of a group year the group does not
 * list taken out; a policy the group no longer gives this site (its profile changed) handed back
 * to the site. Writes only what differs, so running it again changes nothing. Answers how many
 * records it wrote.
 */
export async function applyGroupRules(trx: Db, w: RulesWriter, siteId: number): Promise<number> {
  await lockSequence(trx, siteId, w.dialect === 'postgres');
  const rev = await currentRulesRev(trx);
  const group = await groupRecordsFor(trx, await siteProfile(trx, siteId));
  const years = new Set(group.filter((g) => g.kind === 'calendarYear').map((g) => Number(g.key)));
  const held = await siteRecordsToCompare(trx, siteId, [...years]);
  const wanted = new Map<string, Wanted>(group.map((g) => [`${g.kind}|${g.key}`, { ...g, owned: 1 }]));
  for (const h of held) {
    const id = `${h.kind}|${h.key}`;
    if (wanted.has(id)) continue;
    const year = calendarYearOf(h.kind, h.key);
    if (year !== null && years.has(year)) {
      if (h.row !== null || h.group_owned !== 1) wanted.set(id, { kind: h.kind, key: h.key, row: null, owned: 1 });
    } else if (h.group_owned === 1 && h.kind === 'policy') {
      // The only records the group hands back: its categories stay (disabled), a merged site category stays merged.
      wanted.set(id, { kind: h.kind, key: h.key, row: null, owned: 0 });
    }
  }
  const at = w.now().toISOString();
  for (const twin of siteTwins(group, held, at)) wanted.set(`${twin.kind}|${twin.key}`, twin);
  const heldOf = new Map(held.map((h) => [`${h.kind}|${h.key}`, h]));
  let seq = await lastReferenceSeq(trx, siteId);
  let written = 0;
  for (const want of [...wanted.values()].sort((a, b) => order(a) - order(b))) {
    const h = heldOf.get(`${want.kind}|${want.key}`);
    if (h && h.row === want.row && h.group_owned === want.owned) continue;
    seq++;
    await putReference(trx, {
      site_id: siteId,
      kind: want.kind,
      key: want.key,
      hlc: stampOf(w.now().getTime(), h?.hlc, groupDevice),
      row: want.row,
      desk_id: groupDevice,
      seq,
      received_at: at,
      group_owned: want.owned,
    });
    written++;
  }
  await setSiteRulesRev(trx, siteId, rev);
  return written;
}

/** Before a desk of the site pulls or pushes: the group's changes the site's stream lacks (a new site, a changed profile). */
export async function catchUpGroupRules(db: Db, w: RulesWriter, siteId: number): Promise<void> {
  if ((await siteRulesRev(db, siteId)) >= (await currentRulesRev(db))) return;
  await db.transaction().execute((trx) => applyGroupRules(trx, w, siteId));
}

/**
 * Whether a record a desk pushed is the group's to decide: one the group wrote into the site,
 * or a day of a year the group imported. The push loses; when it claims to be newer than the
 * group's version, the group's version is written again with a newer clock, so the desk that
 * pushed takes it back at its next pull.
 */
export async function groupClaim(
  trx: Db,
  w: RulesWriter,
  siteId: number,
  years: ReadonlySet<number>,
  pushed: WireReference,
  held: { hlc: string; row: string | null; group_owned: number } | undefined,
  seq: number,
): Promise<'desk' | 'group' | 'groupAgain'> {
  const year = calendarYearOf(pushed.kind, pushed.key);
  const claimed = held?.group_owned === 1 || (year !== null && years.has(year));
  if (!claimed) return 'desk';
  if (held && held.hlc >= pushed.hlc) return 'group';
  const newest = held && held.hlc > pushed.hlc ? held.hlc : pushed.hlc;
  await putReference(trx, {
    site_id: siteId,
    kind: pushed.kind,
    key: pushed.key,
    hlc: stampOf(w.now().getTime(), newest, groupDevice),
    row: held?.group_owned === 1 ? held.row : null,
    desk_id: groupDevice,
    seq,
    received_at: w.now().toISOString(),
    group_owned: 1,
  });
  return 'groupAgain';
}
