import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../connection.ts';
import { compiledOnce } from '../queries/compiledOnce.ts';

let dir: string;
let store: Store;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-compiled-once-'));
  store = openStore(dir);
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a query compiled once', () => {
  it('is built once and then runs with each call’s values, constants kept', async () => {
    const build = vi.fn((db: Store['db'], v: { scope: string; value: number }) =>
      db
        .insertInto('counters')
        .values({ scope: v.scope, value: v.value })
        .onConflict((oc) => oc.column('scope').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 10) })))
        .returning('value'),
    );
    const bump = compiledOnce(build);
    expect(await bump(store.db, { scope: 'a', value: 1 })).toEqual([{ value: 1 }]);
    expect(await bump(store.db, { scope: 'a', value: 1 })).toEqual([{ value: 11 }]);
    expect(await bump(store.db, { scope: 'b', value: 5 })).toEqual([{ value: 5 }]);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('runs inside a transaction as any query of it does, rolled back with it', async () => {
    const set = compiledOnce((db, v: { scope: string }) => db.insertInto('counters').values({ scope: v.scope, value: 1 }));
    const count = compiledOnce(
      (_, v: { scope: string }) => sql<{ n: number }>`SELECT count(*) AS n FROM counters WHERE scope = ${v.scope}`,
    );
    await expect(
      store.db.transaction().execute(async (trx) => {
        await set(trx, { scope: 'rolled back' });
        expect(await count(trx, { scope: 'rolled back' })).toEqual([{ n: 1 }]);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await count(store.db, { scope: 'rolled back' })).toEqual([{ n: 0 }]);
  });

  it('binds a value passed as undefined as NULL', async () => {
    const echo = compiledOnce((_, v: { x: string | undefined }) => sql<{ x: string | null }>`SELECT ${v.x} AS x`);
    expect(await echo(store.db, { x: undefined })).toEqual([{ x: null }]);
    expect(await echo(store.db, { x: '投诉' })).toEqual([{ x: '投诉' }]);
  });

  it('refuses, on its first run, a value that would shape the query instead of being bound', async () => {
    const shaped = compiledOnce((db, v: { column: string }) =>
      db.selectFrom('counters').select('scope').where('scope', 'like', `${v.column}%`),
    );
    await expect(shaped(store.db, { column: 'a' })).rejects.toThrow(/the value column shapes the query/);
  });
});
