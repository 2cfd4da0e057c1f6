import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { compiledOnce } from './compiledOnce.ts';

const allSettings = compiledOnce((db) => db.selectFrom('settings').select(['key', 'value']));

export async function readSettings(db: Kysely<Database>): Promise<Map<string, unknown>> {
  const rows = await allSettings(db, {});
  return new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

export async function writeSetting(db: Kysely<Database>, key: string, value: unknown, at: string): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json, version: 1, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: json, updated_at: at, version: eb('settings.version', '+', 1) })))
    .execute();
}
