import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { createSyncClient, makeDeskKeys, type SigningIdentity, signatureHeaders } from '../../core/sync/syncClient.ts';
import { syncHeaders } from '../../domain/sync/protocol.ts';
import { addSite, adminMessage } from '../admin.ts';
import { consoleAdmin, consolePerSuite } from './consoleHarness.ts';
import { dialects, refusalOf } from './serverHarness.ts';

const hour = 3_600_000;

for (const dialect of dialects) {
  describe(`the group console on ${dialect}`, () => {
    const suite = consolePerSuite(dialect);
    let admin = '';
    let viewer = '';
    let viewerId = '';
    let siteId = 0;
    let desk: { identity: SigningIdentity; client: ReturnType<typeof createSyncClient> } | undefined;

    const auditOf = async (action: string) => (await suite.server.call(admin, 'audit.list', { action })).items;

    it('is set up once, only with the token the server printed', async () => {
      const s = suite.server;
      expect((await s.call(undefined, 'setup.status', {})).initialized).toBe(false);
      const input = { groupName: '示例医疗集团', admin: consoleAdmin };
      const without = await s.raw('setup.init', input, { locale: 'zh-CN' });
      expect(without.status).toBe(403);
      expect(without.body).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('设置链接') } });
      expect((await s.raw('setup.init', input, { setup: 'a-guess' })).status).toBe(403);
      // A weak password is answered at its field, in the caller's language, and nothing is written.
      const weak = await s.raw('setup.init', { ...input, admin: { ...consoleAdmin, password: 'abc' } }, { setup: s.setupToken });
      expect(weak.status).toBe(400);
      expect(weak.body).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { 'admin.password': expect.any(String) } } });
      expect((await s.call(undefined, 'setup.status', {})).initialized).toBe(false);
      admin = await s.setUp();
      expect(await s.call(undefined, 'setup.status', {})).toEqual({ initialized: true, groupName: '示例医疗集团' });
      // The token is spent: nobody sets the server up again.
      expect((await s.raw('setup.init', input, { setup: s.setupToken })).status).toBe(403);
      // Each attempt without the token is in the log.
      expect((await auditOf('access.denied')).map((e) => e.after)).toEqual([
        { method: 'setup.init', reason: 'setupTokenRequired' },
        { method: 'setup.init', reason: 'setupTokenRequired' },
        { method: 'setup.init', reason: 'setupTokenRequired' },
      ]);
      expect((await auditOf('setup.init'))[0]).toMatchObject({ actorName: consoleAdmin.username, after: { groupName: '示例医疗集团' } });
    });

    it('validates every input and answers unknown methods and non-JSON as the desk does', async () => {
      const s = suite.server;
      const extra = await s.raw('sites.add', { name: '一院', colour: 'red' }, { token: admin });
      expect(extra.body).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { colour: expect.any(String) } } });
      const unknown = await s.raw('cases.dropAll', {}, { token: admin });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      const form = await fetch(`${s.url}/api/sites.list`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
      expect(form.status).toBe(415);
      expect((await fetch(`${s.url}/api/sites.list`)).status).toBe(405);
      const foreign = await fetch(`${s.url}/api/setup.status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        body: '{}',
      });
      expect(foreign.status).toBe(403);
      expect((await s.raw('sites.list', {})).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    });

    it('keeps accounts with roles; a viewer asking for more than reports is refused and recorded', async () => {
      const s = suite.server;
      viewerId = (
        await s.call(admin, 'accounts.create', {
          username: 'viewer1',
          displayName: '查阅员',
          role: 'group_viewer',
          password: 'Viewer-Pass-1',
        })
      ).id;
      const taken = await s.raw(
        'accounts.create',
        { username: 'viewer1', displayName: 'x', role: 'group_viewer', password: 'Viewer-Pass-1' },
        { token: admin, locale: 'zh-CN' },
      );
      expect(taken.body).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { username: '这个用户名已被使用' } } });
      viewer = await s.signIn('viewer1', 'Viewer-Pass-1');
      expect((await s.call(viewer, 'auth.me', {})).user).toMatchObject({ username: 'viewer1', role: 'group_viewer' });
      const refused = await s.raw('desks.list', {}, { token: viewer });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await s.raw('accounts.disable', { id: viewerId }, { token: viewer })).status).toBe(403);
      const denied = (await auditOf('access.denied')).filter((e) => e.actorName === 'viewer1');
      expect(denied).toHaveLength(2);
      expect(denied[0]).toMatchObject({
        target: viewerId,
        targetName: 'viewer1',
        after: { method: 'accounts.disable', reason: 'forbidden' },
      });
      expect(denied[1]).toMatchObject({ after: { method: 'desks.list' } });
    });

    it('changes a role with before and after in the log, and never leaves the group without an administrator', async () => {
      const s = suite.server;
      await s.call(admin, 'accounts.update', { id: viewerId, role: 'group_supervisor' });
      expect((await auditOf('accounts.update'))[0]).toMatchObject({
        before: { role: 'group_viewer' },
        after: { role: 'group_supervisor' },
      });
      // The account's next call sees its new role: roles are read from the store at each call.
      expect((await s.call(viewer, 'auth.me', {})).user.role).toBe('group_supervisor');
      await s.call(admin, 'accounts.update', { id: viewerId, role: 'group_viewer' });
      const me = (await s.call(admin, 'auth.me', {})).user;
      const last = await s.raw('accounts.disable', { id: me.id }, { token: admin });
      expect(last.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect((await s.raw('accounts.update', { id: me.id, role: 'group_viewer' }, { token: admin })).status).toBe(409);
    });

    it('shuts a place out after wrong passwords, as the desk does, and a reset lets the account in again', async () => {
      const s = suite.server;
      for (let i = 0; i < 4; i++) {
        expect((await s.raw('auth.login', { username: 'viewer1', password: 'wrong-password-1' })).body).toMatchObject({
          ok: false,
          error: { code: 'unauthenticated' },
        });
      }
      const fifth = await s.raw('auth.login', { username: 'viewer1', password: 'wrong-password-1' });
      expect(fifth.body).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: expect.stringContaining('15 minutes') } });
      // Shut out: even the right password is refused from this place.
      expect((await s.raw('auth.login', { username: 'viewer1', password: 'Viewer-Pass-1' })).body.ok).toBe(false);
      expect((await s.call(admin, 'accounts.list', {})).items.find((a) => a.id === viewerId)?.lockedUntil).not.toBeNull();
      expect(await auditOf('auth.loginFailed')).toHaveLength(5);
      expect(await auditOf('auth.loginRefused')).toHaveLength(1);
      await s.call(admin, 'accounts.resetPassword', { id: viewerId, password: 'Viewer-Pass-2' });
      // A reset ends the account's sessions and its shut-out.
      expect((await s.raw('auth.me', {}, { token: viewer })).status).toBe(401);
      viewer = await s.signIn('viewer1', 'Viewer-Pass-2');
    });

    it('writes at most a window’s budget of a stranger’s rows, and still shuts the place out', async () => {
      const s = suite.server;
      for (let i = 0; i < 25; i++) await s.raw('auth.login', { username: `nobody${i}`, password: 'wrong-password-1' });
      const failed = (await s.call(admin, 'audit.list', { action: 'auth.loginFailed', limit: 200 })).items;
      // Five were written by the test before; the window holds twenty.
      expect(failed).toHaveLength(20);
      s.clock.ms += 11 * 60_000;
      await s.raw('auth.login', { username: 'nobody-later', password: 'wrong-password-1' });
      expect((await s.call(admin, 'audit.list', { action: 'auth.loginFailed', limit: 200 })).items).toHaveLength(21);
    });

    it('ends a session after its idle time, and at sign-out', async () => {
      const s = suite.server;
      const session = await s.signIn('viewer1', 'Viewer-Pass-2');
      s.clock.ms += 9 * hour;
      expect((await s.raw('auth.me', {}, { token: session })).status).toBe(401);
      admin = await s.signIn(consoleAdmin.username, consoleAdmin.password);
      viewer = await s.signIn('viewer1', 'Viewer-Pass-2');
      const other = await s.signIn('viewer1', 'Viewer-Pass-2');
      await s.call(other, 'auth.logout', {});
      expect((await s.raw('auth.me', {}, { token: other })).status).toBe(401);
      expect((await s.raw('auth.me', {}, { token: viewer })).status).toBe(200);
    });

    it('adds sites with their monthly volume, refusing a second of one name at its field', async () => {
      const s = suite.server;
      siteId = (await s.call(admin, 'sites.add', { name: '一院', volume: { perMonth: 120_000, unit: 'visits' } })).id;
      await s.call(admin, 'sites.add', { name: '二院' });
      const twice = await s.raw('sites.add', { name: ' 一院 ' }, { token: admin, locale: 'zh-CN' });
      expect(twice.body).toMatchObject({ ok: false, error: { code: 'conflict', fields: { name: '已有名为「一院」的院区' } } });
      const badVolume = await s.raw('sites.add', { name: '三院', volume: { perMonth: 0, unit: 'visits' } }, { token: admin });
      expect(badVolume.body).toMatchObject({ ok: false, error: { fields: { 'volume.perMonth': expect.any(String) } } });
      await s.call(admin, 'sites.update', { id: siteId, volume: { perMonth: 130_000, unit: 'visits' } });
      const sites = (await s.call(admin, 'sites.list', {})).items;
      expect(sites.map((x) => [x.name, x.volume?.perMonth ?? null])).toEqual([
        ['一院', 130_000],
        ['二院', null],
      ]);
      expect((await auditOf('sites.update'))[0]).toMatchObject({
        before: { volume: { perMonth: 120_000 } },
        after: { volume: { perMonth: 130_000 } },
      });
    });

    it('issues enrolment codes shown once, revokes unused ones, and lists the desks they enrolled', async () => {
      const s = suite.server;
      const issued = await s.call(admin, 'sites.issueCode', { siteId });
      expect(issued.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      // Only the code's id is kept, in the list and in the log: never the code.
      expect(JSON.stringify(await s.call(admin, 'audit.list', {}))).not.toContain(issued.code);
      const keys = makeDeskKeys();
      const deskId = uuidv7();
      const client = createSyncClient({ serverUrl: s.url, now: () => new Date(s.clock.ms + 90_000) });
      await client.enrol({ code: issued.code, publicKey: keys.publicKey, deskName: '门诊受理台', deskId });
      desk = { identity: { deskId, privateKey: keys.privateKey }, client };
      const spare = await s.call(admin, 'sites.issueCode', { siteId, hours: 2 });
      const codes = (await s.call(admin, 'sites.codes', { siteId })).items;
      expect(codes.map((c) => c.state).sort()).toEqual(['open', 'used']);
      await s.call(admin, 'sites.revokeCode', { codeId: spare.codeId });
      expect((await s.raw('sites.revokeCode', { codeId: issued.codeId }, { token: admin })).status).toBe(409);
      const late = createSyncClient({ serverUrl: s.url });
      const refused = await refusalOf(
        late.enrol({ code: spare.code, publicKey: makeDeskKeys().publicKey, deskName: 'x', deskId: uuidv7() }),
      );
      expect(refused.error).toBe('bad_code');

      let listed = (await s.call(admin, 'desks.list', {})).items;
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ id: deskId, siteName: '一院', prefix: 'A', lastSeenAt: null, silent: false, revokedAt: null });
      await client.request('GET', '/v1/pull?after=0&wait=0', undefined, desk.identity);
      listed = (await s.call(admin, 'desks.list', {})).items;
      expect(listed[0]?.lastSeenAt).toBe(new Date(s.clock.ms).toISOString());
      expect(listed[0]?.clockDriftMs).toBe(90_000);
      // Silent for more than a day: flagged.
      s.clock.ms += 25 * hour;
      admin = await s.signIn(consoleAdmin.username, consoleAdmin.password);
      expect((await s.call(admin, 'desks.list', {})).items[0]?.silent).toBe(true);
    });

    it('keeps the desk’s signature and the console’s session apart', async () => {
      const s = suite.server;
      if (!desk) throw new Error('the desk enrols first');
      // A desk's signed request is no session: the console's API does not know it.
      const body = Buffer.from('{}');
      const signed = signatureHeaders(desk.identity, 'POST', '/api/sites.list', body, new Date(s.clock.ms));
      const asDesk = await fetch(`${s.url}/api/sites.list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [syncHeaders.protocol]: '1', ...signed },
        body,
      });
      expect(asDesk.status).toBe(401);
      // A console session cannot push events: the sync routes want a desk's signature.
      const push = await fetch(`${s.url}/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, [syncHeaders.protocol]: '1' },
        body: JSON.stringify({ events: [] }),
      });
      expect(push.status).toBe(401);
      expect(((await push.json()) as { error: string }).error).toBe('unsigned');
    });

    it('revokes a desk: its next request is refused, and the log has before and after', async () => {
      const s = suite.server;
      if (!desk) throw new Error('the desk enrols first');
      await s.call(admin, 'desks.revoke', { id: desk.identity.deskId });
      const client = createSyncClient({ serverUrl: s.url, now: () => new Date(s.clock.ms) });
      expect((await refusalOf(client.pull(desk.identity, 0))).error).toBe('revoked');
      expect((await s.raw('desks.revoke', { id: desk.identity.deskId }, { token: admin })).status).toBe(409);
      const listed = (await s.call(admin, 'desks.list', {})).items[0];
      expect(listed).toMatchObject({ silent: false, revokedAt: expect.any(String) });
      expect((await auditOf('desks.revoke'))[0]).toMatchObject({ before: { revokedAt: null }, after: { revokedAt: expect.any(String) } });
    });

    it('shares the command line’s functions, whose refusals it prints in English', async () => {
      const s = suite.server;
      await expect(addSite(s.store.db, '一院', new Date())).rejects.toThrow();
      const message = await addSite(s.store.db, '一院', new Date()).catch((e: unknown) => adminMessage(e));
      expect(message).toContain('A site named 一院 exists already');
    });
  });
}
