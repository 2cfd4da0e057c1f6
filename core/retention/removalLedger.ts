import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { RemovalKind } from '../../domain/retention/retentionRules.ts';
import { renameDurably, writeFileDurably } from '../backup/dataFiles.ts';

/**
 * The removal ledger (删除记录): beside the backup generations, in the backup folder, the ids of
 * the cases whose data were removed (by retention or at a person's request) and what was
 * removed. No name, no number: case ids, kinds, times. A generation written before a removal
 * still holds the data; whenever a desk opens a store, it takes out again what the ledger of
 * its backup folder says was removed, so a restored older generation does not bring a removed
 * complainant back. Signed with a key derived from the store's data key, so a ledger edited
 * by someone without the key (to make a desk remove other cases' data) is ignored.
 */
/** One ledger per desk in a folder several desks may share, named like its generations. */
export const ledgerFileName = (deviceId: string) => `desk-removals-${deviceId.slice(-8)}.json`;

export interface LedgerEntry {
  caseId: string;
  kinds: RemovalKind[];
  at: string;
  by: string;
  reason: string;
}

interface LedgerFile {
  version: 1;
  entries: LedgerEntry[];
  /** HMAC-SHA256 of `entries` under a key derived from the data key; absent for a plain desk. */
  mac?: string;
}

const macOf = (key: Buffer, entries: LedgerEntry[]) =>
  createHmac('sha256', createHmac('sha256', key).update('complaint-desk removal ledger').digest())
    .update(JSON.stringify(entries))
    .digest('hex');

/** The ledger's entries, or none when it is missing, unreadable or not signed with this desk's key. */
export function readLedger(folder: string, deviceId: string, key: Buffer | null): LedgerEntry[] {
  let parsed: LedgerFile;
  try {
    parsed = JSON.parse(fs.readFileSync(path.join(folder, ledgerFileName(deviceId)), 'utf8')) as LedgerFile;
  } catch {
    return [];
  }
  if (parsed.version !== 1 || !Array.isArray(parsed.entries)) return [];
  if (key) {
    const expected = Buffer.from(macOf(key, parsed.entries), 'hex');
    const given = Buffer.from(typeof parsed.mac === 'string' ? parsed.mac : '', 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return [];
  }
  return parsed.entries;
}

/** Adds entries to the folder's ledger (kinds merged per case), written whole under a temporary name and renamed. */
export function addToLedger(folder: string, deviceId: string, key: Buffer | null, added: readonly LedgerEntry[]): void {
  if (added.length === 0) return;
  const byCase = new Map(readLedger(folder, deviceId, key).map((e) => [e.caseId, e]));
  for (const e of added) {
    const was = byCase.get(e.caseId);
    byCase.set(e.caseId, was ? { ...was, kinds: [...new Set([...was.kinds, ...e.kinds])].sort() } : { ...e, kinds: [...e.kinds].sort() });
  }
  const entries = [...byCase.values()].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  const file: LedgerFile = { version: 1, entries, ...(key ? { mac: macOf(key, entries) } : {}) };
  fs.mkdirSync(folder, { recursive: true });
  const temporary = path.join(folder, `${ledgerFileName(deviceId)}.partial`);
  writeFileDurably(temporary, JSON.stringify(file));
  renameDurably(temporary, path.join(folder, ledgerFileName(deviceId)));
}

/** The store's own tombstones as ledger entries. */
export async function removalsInStore(db: Kysely<Database>): Promise<LedgerEntry[]> {
  const rows = await db.selectFrom('case_removals').selectAll().orderBy('removed_at').execute();
  const byCase = new Map<string, LedgerEntry>();
  for (const r of rows) {
    const kind = r.kind as RemovalKind;
    const was = byCase.get(r.case_id);
    if (was) was.kinds = [...new Set([...was.kinds, kind])];
    else byCase.set(r.case_id, { caseId: r.case_id, kinds: [kind], at: r.removed_at, by: r.removed_by, reason: r.reason });
  }
  return [...byCase.values()];
}
