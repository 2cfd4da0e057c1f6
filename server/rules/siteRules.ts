import type { Kysely } from 'kysely';
import { calendarYearOf, groupDevice } from '../../domain/sync/groupRecords.ts';
import { stampOf } from '../../domain/sync/referenceRecords.ts';
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

/** Categories above their subcategories, then policies, then the calendar's days before its years. */
const order = (w: Wanted) => {
  if (w.kind === 'category') return w.row && JSON.parse(w.row).parent_id ? 1 : 0;
  return { policy: 2, calendarDay: 3, calendarYear: 4 }[w.kind] ?? 5;
};

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
    } else if (h.group_owned === 1) {
      wanted.set(id, { kind: h.kind, key: h.key, row: null, owned: 0 });
    }
  }
  const heldOf = new Map(held.map((h) => [`${h.kind}|${h.key}`, h]));
  let seq = await lastReferenceSeq(trx, siteId);
  const at = w.now().toISOString();
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
