import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { compiledOnce } from './compiledOnce.ts';

const bump = compiledOnce((db, v: { scope: string }) =>
  db
    .insertInto('counters')
    .values({ scope: v.scope, value: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .returning('value'),
);

/**
 * The next value of a counter. Call it inside the transaction that uses the value: a rollback
 * then returns the number, which keeps case numbers gapless.
 */
export async function nextCounterValue(db: Kysely<Database>, scope: string): Promise<number> {
  const [row] = await bump(db, { scope });
  if (!row) throw new Error(`counter ${scope} was not counted`);
  return row.value;
}
