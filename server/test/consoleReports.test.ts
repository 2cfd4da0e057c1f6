import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
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

/** The printed paper as Chromium prints it on A4, read back with pdftotext in reading order, without whitespace (a cell's text wraps). */
async function pdfText(html: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const pdfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'group-analysis-pdf-')), 'analysis.pdf');
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
  expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/\(A4\)/);
  return execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

describe.each(dialects)('the console’s reports and cross-site cases on %s', (dialect) => {
  const suite = consolePerSuite(dialect);
  let admin: string;
  let supervisor: string;
  let viewer: string;
  const ids: string[] = [];
  let eastDesk: { deskId: string; privateKey: string; client: ReturnType<typeof createSyncClient> } | undefined;

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
    // One desk a site, each pushing one complaint received this month: 东院's urgent, its
    // acknowledgement due half an hour after it came and never given (overdue now).
    const receivedAt = new Date(s.clock.ms - 3_600_000).toISOString();
    const ackDue = new Date(s.clock.ms - 1_800_000).toISOString();
    const later = new Date(s.clock.ms + 30 * 86_400_000).toISOString();
    for (const [site, complainant, subject, severity] of [
      ['东院', { name: '张三', phone: '13800138000' }, '电梯停运无人处理', 'urgent'],
      ['西院', { name: '张三', phone: '138 0013 8000' }, '收费窗口多收费用', 'general'],
    ] as const) {
      const keys = makeDeskKeys();
      const deskId = uuidv7();
      const client = createSyncClient({ serverUrl: s.url });
      const { code } = await issueEnrolmentCode(s.store.db, site, new Date(s.clock.ms));
      await client.enrol({ code, publicKey: keys.publicKey, deskName: 'desk', deskId });
      const caseId = uuidv7();
      ids.push(caseId);
      await client.push({ deskId, privateKey: keys.privateKey }, [
        wireEvent(
          caseId,
          [],
          registered({
            number: `${site}-0001`,
            subject,
            complainant,
            receivedAt,
            severity,
            deadlines:
              site === '东院'
                ? { acknowledge: ackDue, feedback: later, resolve: later }
                : { acknowledge: later, feedback: later, resolve: later },
          }),
        ),
      ]);
      if (site === '东院') eastDesk = { deskId, privateKey: keys.privateKey, client };
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
    // A corrective action 东院's desk raised and implemented: it reaches the server in the desk's audit.
    const desk = eastDesk;
    if (!desk) throw new Error('no desk');
    const actionId = uuidv7();
    const at = (ms: number) => new Date(s.clock.ms - ms).toISOString();
    const input = {
      caseId: ids[0],
      cause: '电梯维保不及时',
      measure: '签订二十四小时维保合同',
      owner: '后勤科王五',
      dueDate: '2099-12-31',
    };
    await desk.client.pushAudit({ deskId: desk.deskId, privateKey: desk.privateKey }, [
      { id: uuidv7(), at: at(20_000), actorId: 'u', action: 'correctiveActions.create', target: actionId, detail: JSON.stringify(input) },
      {
        id: uuidv7(),
        at: at(10_000),
        actorId: 'u',
        action: 'correctiveActions.implement',
        target: actionId,
        detail: JSON.stringify({ id: actionId, implementation: '合同已签' }),
      },
    ]);
    const now = new Date(s.clock.ms + 8 * 3_600_000);
    const period = { kind: 'month' as const, year: now.getUTCFullYear(), index: now.getUTCMonth() + 1 };
    const printed = await s.raw<{ html: string }>('reports.print', { period }, { token: viewer, locale: 'en' });
    if (!printed.body.ok) throw new Error(JSON.stringify(printed.body.error));
    expect(printed.body.data.html).toContain('示例医疗集团');
    expect(printed.body.data.html).toContain('By site');
    // The lists over both sites, each line naming its site; the complainant masked for every group role.
    const text = await pdfText(printed.body.data.html);
    // On paper (a long cell wraps, so the words checked are short): each list's lines, their site first.
    for (const expected of [
      'Majorandurgentcases',
      '东院东院-00012026-12',
      'Urgent',
      'Overduecasesandreasons',
      '东院东院-0001电梯停运无人处理',
      'acknowledge',
      'Correctiveactions',
      '后勤科王',
      'Carriedout',
      '张*',
      '138****8000',
      '东院(1),西院(1)',
    ]) {
      expect(text).toContain(expected);
    }
    for (const expected of ['电梯维保不及时', '签订二十四小时维保合同', 'Carried out, to verify']) {
      expect(printed.body.data.html).toContain(expected);
    }
    expect(text).not.toContain('13800138000');
    expect(text).not.toContain('张三');
    expect(text).not.toContain('西院-0001收费窗口多收费用');
    const file = await s.call(viewer, 'reports.export', { period });
    expect(file.filename.endsWith('.xlsx')).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(cells).toContain('东院');
    expect(cells).toContain('西院');
    const sheet = (title: string) =>
      (wb.getWorksheet(title)?.getSheetValues() ?? []).map((row) => (Array.isArray(row) ? row.slice(1).map(String) : []));
    // Row 1 the header (the site's column first), row 2 the first line.
    expect(sheet('Major cases')[1]?.[0]).toBe('Site');
    expect(sheet('Major cases')[2]?.slice(0, 2)).toEqual(['东院', '东院-0001']);
    expect(sheet('Overdue cases')[2]?.slice(0, 2)).toEqual(['东院', '东院-0001']);
    expect(sheet('Corrective actions')[2]?.slice(0, 3)).toEqual(['东院', '', '电梯维保不及时']);
    expect(sheet('Repeat complainants')[2]).toEqual(['张*', '138****8000', '2', expect.stringMatching(/-0001$/), '东院 (1), 西院 (1)']);
    expect(cells).not.toContain('13800138000');
    expect((await s.call(admin, 'audit.list', { action: 'reports.export' })).items).toHaveLength(1);
  });
});
