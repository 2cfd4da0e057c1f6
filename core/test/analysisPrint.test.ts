import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { afterEach, describe, expect, it } from 'vitest';
import { seedReportDataset } from './reportsDataset.ts';
import { rowCounts } from './storeSnapshot.ts';

/**
 * The printed analysis (`print.render`, template `monthlyAnalysis`): rendered by core to HTML,
 * printed to PDF on A4 by Chromium (as Electron prints it), and read back with pdftotext: the title, the figures with their comparisons, the
 * charts' labels (drawn as SVG text) and the lists are on paper.
 */
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('the printed analysis', () => {
  it('prints on A4 with figures, charts and lists that read back from the PDF', async () => {
    const { desk, ids } = await seedReportDataset();
    close = () => desk.close();
    const before = rowCounts(desk.dataDir);
    const november = { template: 'monthlyAnalysis', period: { kind: 'month', year: 2025, index: 11 } } as const;
    const preview = await desk.call('print.render', november);
    // A preview numbers nothing; it names repeat complainants, so it is audited as personal data on paper.
    expect({ ...rowCounts(desk.dataDir), audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
    expect(rowCounts(desk.dataDir).audit_log).toBe((before.audit_log ?? 0) + 1);
    expect(preview).toMatchObject({ copy: 0, printedBefore: 0, reprint: false });
    const { html, title, pageSize, copy } = await desk.call('print.render', { ...november, purpose: 'print' });
    // Recorded like a case's document: a numbered copy in the print log, an audit entry and the personal data's.
    expect(copy).toBe(1);
    expect(rowCounts(desk.dataDir).prints).toBe((before.prints ?? 0) + 1);
    expect(rowCounts(desk.dataDir).audit_log).toBe((before.audit_log ?? 0) + 3);
    expect(html).toBe(preview.html);
    expect(title).toBe('2025年11月投诉情况分析');
    expect(pageSize).toEqual({ widthMicrons: 210_000, heightMicrons: 297_000 });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toContain('<script');
    expect(html).toContain('<svg');

    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    const dir = process.env.DESK_KEEP_PDF ?? fs.mkdtempSync(path.join(os.tmpdir(), 'desk-analysis-pdf-'));
    const pdfPath = path.join(dir, 'analysis.pdf');
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    } finally {
      await browser.close();
    }
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const squeezed = text.replace(/\s+/g, ' ');
    expect(squeezed).toContain('市第一人民医院');
    expect(squeezed).toContain('2025年11月投诉情况分析');
    // The figures against October (1 case) and last November (none): 5, 1, +4, 0, +5.
    expect(squeezed).toMatch(/登记件数 5 1 \+4 0 \+5/);
    expect(squeezed).toMatch(/受理按时率 50\.0% 0\.0% \+50\.0%/);
    expect(squeezed).toMatch(/回访率 100\.0%/);
    // Chart labels are SVG text in the PDF.
    expect(squeezed).toContain('登记与办结趋势');
    expect(squeezed).toContain('门诊部');
    // Overdue cases with their missed clocks.
    expect(squeezed).toContain(ids.c2.number);
    expect(squeezed).toContain('受理确认、首次反馈');
    expect(squeezed).toContain('分析人');
  }, 60_000);
});
