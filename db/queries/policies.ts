import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { compiledOnce } from './compiledOnce.ts';

export async function readPolicies(db: Kysely<Database>) {
  return db.selectFrom('deadline_policies').selectAll().execute();
}

const policyOf = compiledOnce((db, v: { type: string; severity: string }) =>
  db.selectFrom('deadline_policies').selectAll().where('type', '=', v.type).where('severity', '=', v.severity),
);

export async function findPolicy(db: Kysely<Database>, type: string, severity: string) {
  return (await policyOf(db, { type, severity }))[0];
}

export async function writePolicy(db: Kysely<Database>, row: { type: string; severity: string; clocks: string; at: string; by: string }) {
  await db
    .insertInto('deadline_policies')
    .values({ type: row.type, severity: row.severity, clocks: row.clocks, version: 1, updated_at: row.at, updated_by: row.by })
    .onConflict((oc) =>
      oc.columns(['type', 'severity']).doUpdateSet((eb) => ({
        clocks: row.clocks,
        updated_at: row.at,
        updated_by: row.by,
        version: eb('deadline_policies.version', '+', 1),
      })),
    )
    .execute();
}

/** Back to the presets of the desk's profile (a policy without a row is its preset), but for the keys (`type|severity`) kept. */
export async function clearPolicies(db: Kysely<Database>, kept: readonly string[] = []) {
  let query = db.deleteFrom('deadline_policies');
  if (kept.length > 0) query = query.where(sql<string>`type || '|' || severity`, 'not in', kept);
  await query.execute();
}
