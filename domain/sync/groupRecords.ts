import type { ReferenceKind } from './referenceRecords.ts';

/**
 * What the group decides for every site (DESIGN.md §10): the official calendar of the years it
 * imported, the category tree it keeps, and the deadline policies of each profile. The server
 * writes these into every site's reference stream marked as the group's; a desk keeps them
 * read-only, and a site adds its own records beside them (its closures and extra working days,
 * its own categories, policies the group left to it). Pure: the rules the desk and the server share.
 */
export const groupKinds = ['category', 'policy', 'calendarYear', 'calendarDay'] as const satisfies readonly ReferenceKind[];
export type GroupKind = (typeof groupKinds)[number];

/** The device name in the clock of a record the group wrote: never a desk's id (those are UUIDs). */
export const groupDevice = 'group';

/**
 * The official year a calendar record belongs to: a year the group imported owns every day of
 * it, listed or not (a day it does not list is an ordinary working day or weekend).
 */
export function calendarYearOf(kind: string, key: string): number | null {
  if (kind === 'calendarYear') return Number(key);
  if (kind === 'calendarDay') return Number(key.slice(0, 4));
  return null;
}
