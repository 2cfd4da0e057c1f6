import type { Kysely } from 'kysely';
import { isGroupOwned } from '../../db/queries/referenceSync.ts';
import type { Database } from '../../db/schema.ts';
import type { GroupKind } from '../../domain/sync/groupRecords.ts';
import { DeskError, invalidField } from '../deskError.ts';

/**
 * A record the group keeps the same in every site (domain/sync/groupRecords.ts) is read-only
 * here: an edit of it is refused, in the reader's language, before anything is written. The
 * site's own records beside it stay editable.
 */
export async function refuseGroupRecord(db: Kysely<Database>, kind: Exclude<GroupKind, 'calendarDay'>, key: string): Promise<void> {
  if (await isGroupOwned(db, kind, key)) throw new DeskError('conflict', { key: `sync:group.readOnly.${kind}` });
}

/** A holiday file naming a year the group imported is refused at the file's field: the group's year stays as it is. */
export async function refuseGroupYears(db: Kysely<Database>, years: readonly number[]): Promise<void> {
  for (const year of years) {
    if (await isGroupOwned(db, 'calendarYear', String(year))) throw invalidField('content', 'sync:group.yearReadOnly', { year });
  }
}
