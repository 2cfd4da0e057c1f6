import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSyncClient, makeDeskKeys } from '../../core/sync/syncClient.ts';
import type { CaseEventData } from '../../domain/cases/events.ts';
import { issueEnrolmentCode } from '../admin.ts';
import { consolePerSuite } from './consoleHarness.ts';
import { dialects, registeredData, wireEvent } from './serverHarness.ts';

const registered = (over: Record<string, unknown>): CaseEventData =>
  ({ type: 'registered', payload: { ...registeredData.payload, ...over } }) as CaseEventData;

describe.each(dialects)('the console’s reports and cross-site cases on %s', (dialect) => {
  const suite = consolePerSuite(dialect);
  let admin: string;
  let supervisor: string;
  let viewer: string;
  const ids: string[] = [];

  beforeAll(async () => {
    const s = suite.server;
    admin = await s.setUp();
    for (const [name, volume] of [
      ['东院', 2000],
      ['西院', null],
    ] as const) {
      await s.call(admin, 'sites.add', { name, volume: volume ? { perMonth: volume, unit: 'visits' } : null });
    }
    for (const [username, role] of [
      ['super1', 'group_supervisor'],
      ['viewer1', 'group_viewer'],
    ] as const) {
      await s.call(admin, 'accounts.create', { username, displayName: username, role, password: 'Pass-Word-2026' });
    }
    supervisor = await s.signIn('super1', 'Pass-Word-2026');
    viewer = await s.signIn('viewer1', 'Pass-Word-2026');
    // One desk a site, each pushing one complaint received this month.
    const receivedAt = new Date(s.clock.ms - 3_600_000).toISOString();
    for (const [site, complainant, subject] of [
      ['东院', { name: '张三', phone: '13800138000' }, '电梯停运无人处理'],
      ['西院', { name: '张三', phone: '138 0013 8000' }, '收费窗口多收费用'],
    ] as const) {
      const keys = makeDeskKeys();
      const deskId = uuidv7();
      const client = createSyncClient({ serverUrl: s.url });
      const { code } = await issueEnrolmentCode(s.store.db, site, new Date(s.clock.ms));
      await client.enrol({ code, publicKey: keys.publicKey, deskName: 'desk', deskId });
      const caseId = uuidv7();
      ids.push(caseId);
      await client.push({ deskId, privateKey: keys.privateKey }, [
        wireEvent(caseId, [], registered({ number: `${site}-0001`, subject, complainant, receivedAt })),
      ]);
    }
  }, 120_000);

  it('shows every role the group’s figures per site, and refuses a viewer a case with an audit row', async () => {
    const s = suite.server;
    const dashboard = await s.call(viewer, 'reports.dashboard', { span: 'month' });
    expect(dashboard.figures.counts.registered).toBe(2);
    expect(dashboard.bySite.map((r) => [r.label, r.figures.counts.registered])).toEqual([
      ['东院', 1],
      ['西院', 1],
    ]);
    const compare = await s.call(viewer, 'reports.compare', { from: dashboard.range.from, to: dashboard.range.to });
    expect(compare.rows.map((r) => [r.name, r.registered, r.intakePer1000 === null])).toEqual([
      ['东院', 1, false],
      ['西院', 1, true],
    ]);
    const refused = await s.raw('cases.get', { id: ids[0] }, { token: viewer, locale: 'zh-CN' });
    expect(refused).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
    expect(await s.raw('cases.search', { q: '电梯' }, { token: viewer })).toMatchObject({ status: 403 });
    const audit = await s.call(admin, 'audit.list', { action: 'access.denied' });
    expect(audit.items.find((e) => e.target === ids[0])).toMatchObject({ actorName: 'viewer1', after: { method: 'cases.get' } });
    expect(audit.items[0]).toMatchObject({ actorName: 'viewer1', after: { method: 'cases.search' } });
  });

  it('validates the reports’ input at the field, in the caller’s language', async () => {
    const s = suite.server;
    const backwards = await s.raw(
      'reports.compare',
      { from: '2026-12-01T00:00:00Z', to: '2026-11-01T00:00:00Z' },
      { token: viewer, locale: 'zh-CN' },
    );
    expect(backwards).toMatchObject({
      status: 400,
      body: { ok: false, error: { code: 'invalid_input', fields: { to: expect.any(String) } } },
    });
    const noSite = await s.raw('reports.dashboard', { span: 'month', siteId: 999 }, { token: viewer, locale: 'en' });
    expect(noSite.body).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { siteId: 'There is no such site' } } });
    const badFigure = await s.raw(
      'reports.cases',
      { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', figure: 'everything' },
      { token: supervisor },
    );
    expect(badFigure.body).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { figure: expect.any(String) } } });
  });

  it('finds a complainant’s cases at both sites, masked; a case is opened (audited) and revealed with a reason', async () => {
    const s = suite.server;
    const found = await s.call(supervisor, 'cases.search', { q: '13800138000' });
    expect(found.items.map((c) => [c.siteName, c.complainant.name, c.complainant.phone]).sort()).toEqual([
      ['东院', '张*', '138****8000'],
      ['西院', '张*', '138****8000'],
    ]);
    expect((await s.call(supervisor, 'cases.search', { q: '梯' })).items.map((c) => c.siteName)).toEqual(['东院']);
    expect((await s.call(supervisor, 'cases.search', { q: '收费' })).items.map((c) => c.siteName)).toEqual(['西院']);
    const id = ids[0] ?? '';
    const masked = await s.call(supervisor, 'cases.get', { id });
    expect(masked.line.complainant).toEqual({ name: '张*', phone: '138****8000', masked: true, hidden: false });
    expect(JSON.stringify(masked.events)).not.toContain('13800138000');
    const noReason = await s.raw('cases.reveal', { id, reason: ' ' }, { token: supervisor });
    expect(noReason.body).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { reason: expect.any(String) } } });
    const revealed = await s.call(supervisor, 'cases.reveal', { id, reason: '核实重复投诉' });
    expect(revealed.line.complainant).toEqual({ name: '张三', phone: '13800138000', masked: false, hidden: false });
    const log = (await s.call(admin, 'audit.list', {})).items;
    expect(log.find((e) => e.action === 'cases.reveal')).toMatchObject({
      actorName: 'super1',
      target: id,
      after: { reason: '核实重复投诉' },
    });
    expect(log.find((e) => e.action === 'cases.view')).toMatchObject({ actorName: 'super1', target: id });
    const repeats = await s.call(supervisor, 'complainants.repeats', { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' });
    expect(repeats.items).toEqual([
      expect.objectContaining({ cases: 2, complainant: { name: '张*', phone: '138****8000', masked: true, hidden: false } }),
    ]);
    expect(repeats.items[0]?.sites.map((x) => x.name).sort()).toEqual(['东院', '西院']);
  });

  it('prints the group analysis on the desk’s A4 paper and exports the desk’s workbook with the sites in it', async () => {
    const s = suite.server;
    const now = new Date(s.clock.ms + 8 * 3_600_000);
    const period = { kind: 'month' as const, year: now.getUTCFullYear(), index: now.getUTCMonth() + 1 };
    const printed = await s.raw<{ html: string }>('reports.print', { period }, { token: viewer, locale: 'en' });
    if (!printed.body.ok) throw new Error(JSON.stringify(printed.body.error));
    expect(printed.body.data.html).toContain('示例医疗集团');
    expect(printed.body.data.html).toContain('By site');
    const file = await s.call(viewer, 'reports.export', { period });
    expect(file.filename.endsWith('.xlsx')).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(cells).toContain('东院');
    expect(cells).toContain('西院');
    expect((await s.call(admin, 'audit.list', { action: 'reports.export' })).items).toHaveLength(1);
  });
});
