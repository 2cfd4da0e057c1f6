import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/test/serverHarness.ts';
import { type SyncDesk, twoDesksOfOneSite } from './syncDesk.ts';

/**
 * `sync.status`'s `pending` counts everything the server has not acknowledged yet: case events,
 * reference records, audit entries and evidence files. A round audits itself (an event refused
 * on the way, a file kept back): those entries go up in the same round, so a round with nothing
 * else to do leaves nothing waiting.
 */
const site = twoDesksOfOneSite();
let server: TestServer;
let a: SyncDesk;
let b: SyncDesk;
beforeAll(() => {
  ({ server, a, b } = site);
});

const png = (n: number) =>
  Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from(`pending ${n} ${Math.random()}`)]);

const auditOnServer = (action: string) => server.store.db.selectFrom('audit_entries').selectAll().where('action', '=', action).execute();

describe('what waits to go up', () => {
  it('counts case events, reference records, audit entries and files, and is 0 after a round', async () => {
    await a.syncNow();
    await b.syncNow();
    const ref = await a.by('rec', 'attachments.upload', { name: '照片.png', mime: 'image/png', dataBase64: png(1).toString('base64') });
    await a.register('rec', { attachments: [ref] });
    await a.by('admin', 'departments.create', { name: '待同步测试科' });
    const before = await a.status();
    expect(before.waiting).toMatchObject({ events: 1, records: 1, files: 1 });
    expect(before.waiting.audit).toBeGreaterThan(0);
    expect(before.pending).toBe(before.waiting.events + before.waiting.records + before.waiting.audit + before.waiting.files);
    expect(before).toMatchObject({ state: 'synced' });

    await a.syncNow();
    expect(await a.status()).toMatchObject({ pending: 0, waiting: { events: 0, records: 0, audit: 0, files: 0 }, state: 'synced' });
  });

  it('leaves out an account whose name clashes with the site’s: it waits for an administrator, not the network', async () => {
    expect((await b.by('admin', 'sync.clashes', {})).items.length).toBeGreaterThan(0);
    await b.syncNow();
    expect(await b.status()).toMatchObject({ pending: 0 });
  });

  it('is 0 after a round that audited itself, and again after a round with nothing to do', async () => {
    const { id } = await a.register('rec');
    await a.act('admin', id, { type: 'note', text: '原文' });
    await a.syncNow();
    // The server's copy of the note altered: B refuses it while pulling, after its audit went up.
    const rows = await server.store.db.selectFrom('events').select(['site_id', 'seq', 'body']).where('case_id', '=', id).execute();
    const note = rows.find((r) => r.body.includes('原文'));
    if (!note) throw new Error('the note reached the server');
    await server.store.db
      .updateTable('events')
      .set({ body: note.body.replace('原文', '改文') })
      .where('site_id', '=', note.site_id)
      .where('seq', '=', note.seq)
      .execute();
    const refusedBefore = (await auditOnServer('sync.refused')).length;
    expect(await b.syncNow()).toMatchObject({ pulled: 1 });
    expect(await b.status()).toMatchObject({ pending: 0, state: 'synced' });
    // The refusal B logged is on the server too.
    expect((await auditOnServer('sync.refused')).length).toBe(refusedBefore + 1);

    expect(await b.syncNow()).toEqual({ pushed: 0, pulled: 0 });
    expect(await b.status()).toMatchObject({ pending: 0, state: 'synced' });
    expect(await a.syncNow()).toEqual({ pushed: 0, pulled: 0 });
    expect(await a.status()).toMatchObject({ pending: 0, state: 'synced' });
  });
});
