import { describe, expect, it } from 'vitest';
import {
  minSlipHeightMicrons,
  type PrintRequest,
  paperMicrons,
  parsePrintRequest,
  pdfFileName,
  planPrint,
  printJobLine,
  printOutcome,
  requestLocale,
  slipTailMicrons,
} from '../printPlan.ts';

const slip: PrintRequest = {
  html: '<!doctype html><p>受理回执</p>',
  title: '受理回执 2611-0007',
  pageSize: { widthMicrons: 80_000, heightMicrons: null },
  mode: 'silent',
  printer: 'XP-80C',
};
const a4: PrintRequest = { ...slip, title: '投诉登记表 2611-0007', pageSize: { widthMicrons: 210_000, heightMicrons: 297_000 } };

describe('parsePrintRequest', () => {
  it('takes what the renderer sends and normalises an empty printer to none', () => {
    expect(parsePrintRequest(slip)).toEqual(slip);
    expect(parsePrintRequest({ ...slip, printer: '  ' })?.printer).toBeNull();
    expect(parsePrintRequest({ ...slip, printer: undefined })?.printer).toBeNull();
  });

  it('refuses anything that is not a print request of the desk', () => {
    for (const bad of [
      null,
      'print',
      { ...slip, html: '' },
      { ...slip, html: 42 },
      { ...slip, title: undefined },
      { ...slip, mode: 'fax' },
      { ...slip, pageSize: { widthMicrons: 0, heightMicrons: null } },
      { ...slip, pageSize: { widthMicrons: Number.NaN, heightMicrons: null } },
      { ...slip, pageSize: { widthMicrons: 80_000, heightMicrons: 9_000_000 } },
      { ...slip, pageSize: { widthMicrons: 80_000 } },
      { ...slip, printer: 7 },
    ]) {
      expect(parsePrintRequest(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});

describe('paper size', () => {
  it('gives a slip the height of its content plus the tail, never less than the minimum', () => {
    // 600 CSS px = 600 × 25.4 / 96 mm = 158.75 mm
    expect(paperMicrons(slip, 600)).toEqual({ width: 80_000, height: 158_750 + slipTailMicrons });
    expect(paperMicrons(slip, 10).height).toBe(minSlipHeightMicrons);
    expect(paperMicrons(slip, Number.NaN).height).toBe(minSlipHeightMicrons);
  });

  it('keeps a fixed page as asked, whatever the content', () => {
    expect(paperMicrons(a4, 5_000)).toEqual({ width: 210_000, height: 297_000 });
  });
});

describe('planPrint', () => {
  it('prints silently to the chosen printer when it is installed, in microns, without margins', () => {
    const step = planPrint(slip, 600, ['Microsoft Print to PDF', 'XP-80C']);
    expect(step).toEqual({
      kind: 'print',
      options: {
        silent: true,
        printBackground: true,
        deviceName: 'XP-80C',
        pageSize: { width: 80_000, height: 163_750 },
        margins: { marginType: 'none' },
      },
    });
  });

  it('shows the dialog instead of printing silently to a printer that is not there, and says why', () => {
    const step = planPrint(slip, 600, ['HP LaserJet']);
    expect(step).toMatchObject({ kind: 'print', options: { silent: false }, fallback: 'printerMissing' });
    expect(step.kind === 'print' && 'deviceName' in step.options).toBe(false);
    expect(printOutcome(true, undefined, step)).toEqual({ outcome: 'sent', message: 'printerMissing' });
  });

  it('trusts the setting when the printers cannot be listed, and uses the default printer when none is set', () => {
    expect(planPrint(slip, 600, null)).toMatchObject({ options: { silent: true, deviceName: 'XP-80C' } });
    const noPrinter = planPrint({ ...slip, printer: null }, 600, ['HP LaserJet']);
    expect(noPrinter).toMatchObject({ kind: 'print', options: { silent: true } });
    expect(noPrinter.kind === 'print' && noPrinter.fallback).toBeFalsy();
  });

  it('opens the dialog in dialog mode, preselecting the printer', () => {
    expect(planPrint({ ...a4, mode: 'dialog' }, 0, ['XP-80C'])).toMatchObject({
      kind: 'print',
      options: { silent: false, deviceName: 'XP-80C', pageSize: { width: 210_000, height: 297_000 } },
    });
  });

  it('saves a PDF in inches with zero margins (printToPDF ignores marginType) and a safe file name', () => {
    const step = planPrint({ ...slip, mode: 'pdf', title: '回执: 2611/0007?' }, 600, null);
    expect(step.kind).toBe('pdf');
    if (step.kind !== 'pdf') return;
    expect(step.defaultFileName).toBe('回执_ 2611_0007_.pdf');
    expect(step.options.margins).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
    expect(step.options.pageSize.width).toBeCloseTo(80 / 25.4, 6);
    expect(step.options.pageSize.height).toBeCloseTo(163.75 / 25.4, 6);
    expect(step.options.preferCSSPageSize).toBe(false);
  });
});

describe('the printer answer and the job log', () => {
  const step = planPrint(slip, 600, null);
  it('tells a cancelled dialog from a failure', () => {
    expect(printOutcome(true, '', step)).toEqual({ outcome: 'sent' });
    expect(printOutcome(false, 'cancelled', step)).toEqual({ outcome: 'cancelled' });
    expect(printOutcome(false, 'Print job canceled', step)).toEqual({ outcome: 'cancelled' });
    expect(printOutcome(false, 'Print job failed', step)).toEqual({ outcome: 'failed', message: 'Print job failed' });
    expect(printOutcome(false, undefined, step)).toEqual({ outcome: 'failed', message: 'unknown' });
  });

  it('takes the screen language a refusal is worded in from the request, even a malformed one', () => {
    expect(requestLocale({ ...slip, locale: 'en' })).toBe('en');
    expect(requestLocale({ html: 42, locale: 'zh-TW' })).toBe('zh-TW');
    expect(requestLocale({ locale: 7 })).toBeUndefined();
    expect(requestLocale('not a request')).toBeUndefined();
  });

  it('logs one JSON line per job with where it went, never the document itself', () => {
    const line = printJobLine(slip, step, { outcome: 'sent' }, new Date('2026-11-20T02:00:00Z'));
    expect(line.endsWith('\n')).toBe(true);
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(entry).toEqual({
      at: '2026-11-20T02:00:00.000Z',
      title: slip.title,
      mode: 'silent',
      printer: 'XP-80C',
      silent: true,
      paperMicrons: { width: 80_000, height: 163_750 },
      outcome: 'sent',
    });
    expect(line).not.toContain('<p>');
    const failed = JSON.parse(printJobLine(slip, null, { outcome: 'failed', message: 'disk full' }, new Date(0)));
    expect(failed).toMatchObject({ outcome: 'failed', message: 'disk full' });
  });

  it('names a PDF after the title, even an empty one', () => {
    expect(pdfFileName('   ')).toBe('document.pdf');
    expect(pdfFileName('a'.repeat(300))).toHaveLength(124);
  });
});
