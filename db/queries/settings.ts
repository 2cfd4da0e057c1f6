import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { compiledOnce } from './compiledOnce.ts';

const allSettings = compiledOnce((db) => db.selectFrom('settings').select(['key', 'value']));

/** Every setting as stored: its key and its JSON text. */
export function readSettingTexts(db: Kysely<Database>): Promise<{ key: string; value: string }[]> {
  return allSettings(db, {});
}

export async function readSettings(db: Kysely<Database>): Promise<Map<string, unknown>> {
  return settingsOfTexts(await readSettingTexts(db));
}

export const settingsOfTexts = (rows: readonly { key: string; value: string }[]): Map<string, unknown> =>
  new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));

export async function writeSetting(db: Kysely<Database>, key: string, value: unknown, at: string): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json, version: 1, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: json, updated_at: at, version: eb('settings.version', '+', 1) })))
    .execute();
}
