import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerStore } from '../../server/store/openServerStore.ts';
import { createSyncClient } from '../sync/syncClient.ts';
import { openRaw } from './rawStore.ts';
import { openSyncDesk, type SyncDesk } from './syncDesk.ts';
import { startServerProcess } from './syncServerProcess.ts';

/**
 * Reference records and the audit log between two desks set up apart with the same profile
 * (both seeded 门诊部 under their own ids, both with accounts named admin, rec, han…) and a
 * sync server in a process of its own.
 */
let server: Awaited<ReturnType<typeof startServerProcess>>;
let a: SyncDesk;
let b: SyncDesk;
let caseOfA: string;
let caseOfB: string;
const linPassword = 'Ward nurse 2026!';

beforeAll(async () => {
  server = await startServerProcess('二院', 2);
  a = await openSyncDesk();
  b = await openSyncDesk();
  // Before joining, each desk accepts a case into its own 门诊部.
  caseOfA = (await a.register('rec')).id;
  await a.act('admin', caseOfA, { type: 'accept', departmentId: a.outpatient.id });
  caseOfB = (await b.register('rec')).id;
  await b.act('admin', caseOfB, { type: 'accept', departmentId: b.outpatient.id, handlerId: b.ids.han });
  // A site setting both desks hold, set apart: the site's (A joined first) is the one B keeps.
  await a.by('admin', 'settings.update', { cases: { reviewWindowDays: 20 } });
  await b.by('admin', 'settings.update', { cases: { reviewWindowDays: 45 }, desk: { deskName: '护理部' } });
  await a.join(server.url, server.code());
  await a.syncNow();
  await b.join(server.url, server.code());
  await b.syncNow();
  await a.syncNow();
}, 60_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.close();
});

const names = async (desk: SyncDesk) => (await desk.by('admin', 'departments.list', {})).items.map((d) => `${d.name}:${d.id}`).sort();

const signIn = (desk: SyncDesk, username: string, password: string) => desk.desk.call('auth.login', { username, password }, {});

describe('reference records within a site', () => {
  it('merge the departments both desks seeded, never doubling them, and the cases that named them follow', async () => {
    expect(a.outpatient.id).not.toBe(b.outpatient.id);
    expect(a.outpatient.name).toBe(b.outpatient.name);
    const onA = await names(a);
    expect(await names(b)).toEqual(onA);
    expect(onA.filter((n) => n.startsWith(`${a.outpatient.name}:`))).toEqual([`${a.outpatient.name}:${a.outpatient.id}`]);
    // The category tree both desks seeded, level by level, is one tree too.
    const categories = async (desk: SyncDesk) =>
      (await desk.by('admin', 'categories.list', { includeDisabled: true })).items.map((c) => `${c.parentId}/${c.name}:${c.id}`).sort();
    const treeOnA = await categories(a);
    expect(treeOnA.length).toBeGreaterThan(0);
    expect(await categories(b)).toEqual(treeOnA);
    expect(new Set(treeOnA.map((c) => c.split(':')[0])).size).toBe(treeOnA.length);
    // B's case, whose signed events name B's old 门诊部, is in the site's 门诊部 on both desks.
    for (const desk of [a, b]) {
      const shown = await desk.by('admin', 'cases.get', { id: caseOfB });
      expect(shown).toMatchObject({ departmentId: a.outpatient.id });
      // The timeline names the site's 门诊部 too, though the signed event names B's old one.
      expect(shown.events.find((e) => e.type === 'accepted')?.payload).toMatchObject({ departmentId: a.outpatient.id });
      expect(await desk.by('admin', 'cases.get', { id: caseOfA })).toMatchObject({ departmentId: a.outpatient.id });
      const listed = await desk.by('admin', 'cases.list', { departmentId: a.outpatient.id, limit: 100 });
      expect(listed.items.map((c) => c.id)).toEqual(expect.arrayContaining([caseOfA, caseOfB]));
      expect(await desk.by('admin', 'cases.verifyChain', {})).toMatchObject({ firstBroken: null });
    }
    const merged = await b.by('admin', 'audit.list', { action: 'sync.merged' });
    expect(merged.items.map((e) => e.detail)).toContainEqual(expect.objectContaining({ kind: 'department', localId: b.outpatient.id }));
    // B's handler, in B's old 门诊部, may still act on a case of the site's 门诊部.
    await b.act('han', caseOfB, { type: 'note', text: '已联系患者' });
  });

  it('take the site’s settings on joining, keep a desk’s own, and carry a later change to every desk', async () => {
    const onB = await b.by('admin', 'settings.get', {});
    expect(onB.cases.reviewWindowDays).toBe(20);
    // A desk's own name is its own.
    expect(onB.desk.deskName).toBe('护理部');
    expect((await a.by('admin', 'settings.get', {})).desk.deskName).not.toBe('护理部');
    await b.by('admin', 'settings.update', { cases: { reviewWindowDays: 60 } });
    await b.syncNow();
    await a.syncNow();
    expect((await a.by('admin', 'settings.get', {})).cases.reviewWindowDays).toBe(60);
    expect(await a.by('admin', 'audit.list', { action: 'sync.references' })).toMatchObject({
      items: expect.arrayContaining([expect.anything()]),
    });
  });

  it('an account created on A signs in on B after a sync, and again with B offline', async () => {
    await a.by('admin', 'users.create', {
      username: 'lin',
      password: linPassword,
      displayName: '林护士',
      roles: ['receptionist'],
      departmentIds: [a.outpatient.id],
    });
    expect((await signIn(b, 'lin', linPassword)).ok).toBe(false);
    await a.syncNow();
    await b.syncNow();
    expect(await signIn(b, 'lin', linPassword)).toMatchObject({ ok: true });
    await server.kill();
    await expect(b.syncNow()).rejects.toThrow();
    expect(await b.status()).toMatchObject({ state: 'offline' });
    expect(await signIn(b, 'lin', linPassword)).toMatchObject({ ok: true });
    // Disabling travels too: once the server is back, lin can no longer sign in on B.
    await server.restart();
    const lin = (await a.by('admin', 'users.list', {})).items.find((u) => u.username === 'lin');
    if (!lin) throw new Error('lin exists on A');
    await a.by('admin', 'users.disable', { id: lin.id });
    await a.syncNow();
    await b.syncNow();
    expect(await signIn(b, 'lin', linPassword)).toMatchObject({ ok: false });
  });

  it('an account name the two desks give to two people is listed, not merged, until an administrator settles it', async () => {
    const { items } = await b.by('admin', 'sync.clashes', {});
    expect(items.map((c) => c.username)).toEqual(expect.arrayContaining(['admin', 'han', 'rec']));
    expect(items.find((c) => c.username === 'han')).toMatchObject({ local: { id: b.ids.han }, site: { id: a.ids.han }, why: 'password' });
    // Until settled, B's own han signs in on B, and B has one han.
    expect(await signIn(b, 'han', 'desk pass 2026')).toMatchObject({ ok: true });
    expect((await b.by('admin', 'users.list', {})).items.filter((u) => u.username === 'han')).toHaveLength(1);
    // Renaming to a name in use, or settling a name without a clash, is refused at the field.
    const taken = await b.rawBy('admin', 'sync.settleClash', { username: 'han', settle: 'renameLocal', newUsername: 'col' }, 'en');
    expect(taken).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { newUsername: expect.any(String) } } });
    const none = await b.rawBy('admin', 'sync.settleClash', { username: 'nobody', settle: 'useSite' }, 'en');
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { username: expect.any(String) } } });
    // Not allowed to anyone but an administrator.
    expect(await b.rawBy('sup', 'sync.clashes', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const afterRename = await b.by('admin', 'sync.settleClash', { username: 'han', settle: 'renameLocal', newUsername: 'han-b' });
    expect(afterRename.items.map((c) => c.username)).not.toContain('han');
    const usersOnB = (await b.by('admin', 'users.list', {})).items;
    expect(usersOnB.find((u) => u.username === 'han')?.id).toBe(a.ids.han);
    expect(usersOnB.find((u) => u.username === 'han-b')?.id).toBe(b.ids.han);
    await b.syncNow();
    await a.syncNow();
    expect((await a.by('admin', 'users.list', {})).items.find((u) => u.username === 'han-b')?.id).toBe(b.ids.han);

    // Keeping the site's rec: B's rec is retired, the site's rec signs in on B, B's cases of rec stay.
    await b.by('admin', 'sync.settleClash', { username: 'rec', settle: 'useSite' });
    const recs = (await b.by('admin', 'users.list', {})).items.filter((u) => u.username === 'rec');
    expect(recs.map((u) => u.id)).toEqual([a.ids.rec]);
    expect(await signIn(b, 'rec', 'desk pass 2026')).toMatchObject({ ok: true });
    // The retired account is in no list, disabled ones included, nor in the directory; the audit still names it.
    const everyone = (await b.by('admin', 'users.list', { includeDisabled: true })).items;
    expect(everyone.map((u) => u.id)).not.toContain(b.ids.rec);
    expect(everyone.filter((u) => u.username.startsWith('merged-') || u.username.startsWith('remote-'))).toEqual([]);
    expect((await b.by('admin', 'users.directory', {})).items.map((u) => u.id)).not.toContain(b.ids.rec);
    const byRetired = await b.by('admin', 'audit.list', { actorId: b.ids.rec });
    expect(byRetired.items.length).toBeGreaterThan(0);
    // The administrator at the desk cannot retire their own account.
    expect(await b.rawBy('admin', 'sync.settleClash', { username: 'admin', settle: 'useSite' }, 'en')).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect((await b.by('admin', 'audit.list', { action: 'sync.settleClash' })).items).toHaveLength(2);
  });

  it('refuses a record that is not what its kind holds, audits it, and takes the rest of the page', async () => {
    const store = await openServerStore({ dataDir: server.dataDir });
    try {
      const site = await store.db.selectFrom('desks').select('site_id').executeTakeFirstOrThrow();
      const last = await store.db
        .selectFrom('reference_records')
        .select((eb) => eb.fn.max('seq').as('n'))
        .executeTakeFirstOrThrow();
      const at = new Date().toISOString();
      const hlc = `${String(Date.now()).padStart(15, '0')}-0000-someone`;
      const row = (id: string, name: string) => JSON.stringify({ id, name, parent_id: null, disabled: 0, created_at: at, version: 1 });
      await store.db
        .insertInto('reference_records')
        .values([
          {
            site_id: site.site_id,
            kind: 'department',
            key: 'bad-1',
            hlc,
            row: '{"id":"bad-1","name":"坏记录"}',
            desk_id: 'x',
            seq: Number(last.n) + 1,
            received_at: at,
          },
          {
            site_id: site.site_id,
            kind: 'department',
            key: 'ok-1',
            hlc,
            row: row('ok-1', '体检中心'),
            desk_id: 'x',
            seq: Number(last.n) + 2,
            received_at: at,
          },
        ])
        .execute();
    } finally {
      await store.close();
    }
    await b.syncNow();
    expect((await names(b)).filter((n) => n.endsWith(':ok-1'))).toEqual(['体检中心:ok-1']);
    expect((await names(b)).filter((n) => n.includes('坏记录'))).toEqual([]);
    const refused = await b.by('admin', 'audit.list', { action: 'sync.refused' });
    expect(refused.items[0]).toMatchObject({ target: 'bad-1', detail: { kind: 'department', fault: 'format' } });
  });

  it('sends the audit up, each entry once, and a batch sent again doubles nothing', async () => {
    await a.syncNow();
    await b.syncNow();
    const store = await openServerStore({ dataDir: server.dataDir });
    try {
      for (const desk of [a, b]) {
        const raw = openRaw(desk.dataDir);
        const local = await raw.db.selectFrom('audit_log').select('id').execute();
        const config = await raw.db.selectFrom('sync_config').selectAll().executeTakeFirstOrThrow();
        const held = await store.db.selectFrom('audit_entries').select('id').where('desk_id', '=', config.desk_id).execute();
        // Everything but the entry of the round that sent it (written after the push).
        expect(held.length).toBeGreaterThan(0);
        for (const e of held) expect(local.map((l) => l.id)).toContain(e.id);
        expect(local.length - held.length).toBeLessThanOrEqual(2);
        // The same batch again: counted as duplicates, nothing added.
        const client = createSyncClient({ serverUrl: server.url });
        const identity = { deskId: config.desk_id, privateKey: config.private_key };
        const entries = (
          await raw.db
            .selectFrom('audit_log')
            .selectAll()
            .where(
              'id',
              'in',
              held.slice(0, 50).map((e) => e.id),
            )
            .execute()
        ).map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          action: r.action,
          target: r.target,
          detail: r.detail,
        }));
        expect(await client.pushAudit(identity, entries)).toEqual({ accepted: 0, duplicates: entries.length });
        // The site's records sent back as they are (a desk restored from a backup): nothing changes.
        const records = (await client.pullReferences(identity, 0)).records.map(({ serverSeq: _, ...r }) => r);
        const heldRecords = await store.db.selectFrom('reference_records').selectAll().orderBy('seq').execute();
        expect(await client.pushReferences(identity, records)).toEqual({ accepted: 0, stale: records.length });
        expect(await store.db.selectFrom('reference_records').selectAll().orderBy('seq').execute()).toEqual(heldRecords);
        const again = await store.db.selectFrom('audit_entries').select('id').where('desk_id', '=', config.desk_id).execute();
        expect(again.length).toBe(held.length);
        await raw.db.destroy();
      }
      const actions = await store.db.selectFrom('audit_entries').select('action').execute();
      expect(actions.map((r) => r.action)).toEqual(
        expect.arrayContaining(['users.create', 'sync.configure', 'sync.merged', 'sync.settleClash']),
      );
    } finally {
      await store.close();
    }
  });
});
