import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../connection.ts';
import { addAlias, readAliases } from '../queries/referenceSync.ts';

/**
 * The aliases every case write folds its projection through are kept in memory, not read per
 * write: a merge shows at once, and a merge whose transaction rolled back never does.
 */
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

function openFresh(): Store {
  store = openStore(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-aliases-')));
  return store;
}

const at = '2026-12-02T10:00:00.000Z';

describe('kept aliases', () => {
  it('are read once, then answered without a statement until the next merge', async () => {
    const { db, sqlite } = openFresh();
    expect((await readAliases(db)).department.size).toBe(0);
    // Written behind the desk's back: the kept copy does not see it (only merges change aliases).
    sqlite.prepare("INSERT INTO ref_aliases (kind, local_id, canonical_id, merged_at) VALUES ('category', 'c1', 'c2', ?)").run(at);
    expect((await readAliases(db)).category.size).toBe(0);
    await db.transaction().execute((trx) => addAlias(trx, 'department', 'd1', 'd9', at, false));
    const after = await readAliases(db);
    expect(after.department.get('d1')).toBe('d9');
    expect(after.category.get('c1')).toBe('c2');
  });

  it('do not keep what a merge that rolled back wrote, even when read inside its transaction', async () => {
    const { db } = openFresh();
    await readAliases(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await addAlias(trx, 'user', 'u1', 'u9', at, false);
        expect((await readAliases(trx)).user.get('u1')).toBe('u9');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // Inside a later transaction (as a case write reads them) and outside one.
    expect(await db.transaction().execute(async (trx) => (await readAliases(trx)).user.size)).toBe(0);
    expect((await readAliases(db)).user.size).toBe(0);
  });

  it('are kept per store: a store opened again reads them anew', async () => {
    const first = openFresh();
    const dir = path.dirname(first.file);
    await readAliases(first.db);
    first.sqlite.prepare("INSERT INTO ref_aliases (kind, local_id, canonical_id, merged_at) VALUES ('user', 'a', 'b', ?)").run(at);
    await first.close();
    store = openStore(dir);
    expect((await readAliases(store.db)).user.get('a')).toBe('b');
  });
});
