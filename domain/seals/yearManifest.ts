import type { CaseStatus } from '../cases/vocabulary.ts';

/** A case whose handling is over: it may be sealed. Any other status must be closed or carried over first. */
export const finishedStatuses: readonly CaseStatus[] = ['closed', 'declined', 'archived'];

/** The desk's year of an instant (desks are UTC+8): a case belongs to the year it was received. */
export function deskYearOf(iso: string): number {
  return new Date(Date.parse(iso) + 8 * 3_600_000).getUTCFullYear();
}

/** The UTC instants bounding a desk year, for range queries on received_at. */
export function deskYearRange(year: number): { from: string; to: string } {
  const start = Date.UTC(year, 0, 1) - 8 * 3_600_000;
  const end = Date.UTC(year + 1, 0, 1) - 8 * 3_600_000;
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}

export interface SealedEntry {
  number: string;
  lastSeq: number;
  finalHash: string;
}

export interface ManifestHeader {
  year: number;
  orgName: string;
  sealedAt: string;
  carriedOver: readonly string[];
}

/**
 * The text that is hashed and signed: one line per field, then one line per case in number
 * order. Plain text so a privacy officer can recompute the hash with any tool from the printed
 * register; any change to a sealed case's history changes its final hash, so this text.
 */
export function manifestText(header: ManifestHeader, entries: readonly SealedEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  const lines = [
    'complaint-desk year register 1',
    `year ${header.year}`,
    `org ${header.orgName}`,
    `sealed ${header.sealedAt}`,
    `cases ${sorted.length}`,
    `carried-over ${[...header.carriedOver].sort().join(' ')}`,
    ...sorted.map((e) => `${e.number} ${e.lastSeq} ${e.finalHash}`),
  ];
  return `${lines.join('\n')}\n`;
}
