import type { PersonReport } from '../../domain/api/privacyViews.ts';
import type { ExportedFile } from '../../domain/api/reportViews.ts';
import { personFields, personLines } from '../../domain/privacy/personLines.ts';
import { pickLanguage } from '../../locales/resources.ts';
import { csvLine, spreadsheetText, utf8Bom } from '../data/csv.ts';
import { paperDates } from '../print/printCase.ts';
import { translatorFor } from '../translate.ts';

/** A case per row, a field per column, the same words as the printed report. */
function table(report: PersonReport, locale: string | undefined, utcOffsetMinutes: number) {
  const translate = translatorFor(locale, 'privacy');
  const t = (key: string, values?: Record<string, unknown>) => translate(key, values ?? {});
  const dates = paperDates(pickLanguage(locale), utcOffsetMinutes);
  const header = personFields.map((f) => t(`person.fields.${f}`));
  const rows = report.cases.map((c) => {
    const line = personLines(c, t, dates.dateTime);
    return personFields.map((f) => line[f]);
  });
  const title = t('person.title');
  const asOf = t('person.asOf', { date: dates.dateTime(report.asOf) });
  return { t, header, rows, title, asOf };
}

/**
 * A copy of what the desk holds about one person, for the person (PIPL art. 45): XLSX or CSV.
 * Every text was typed by people, so a CSV cell that would start a formula is neutralised.
 */
export async function exportPerson(
  report: PersonReport,
  format: 'xlsx' | 'csv',
  locale: string | undefined,
  utcOffsetMinutes: number,
): Promise<ExportedFile> {
  const { t, header, rows, title, asOf } = table(report, locale, utcOffsetMinutes);
  const filename = `${t('person.fileName')}-${report.asOf.slice(0, 10)}.${format}`;
  if (format === 'csv') {
    const text = [[title], [asOf], [], header, ...rows].map((r) => csvLine(r.map(spreadsheetText))).join('');
    return { filename, mimeType: 'text/csv;charset=utf-8', base64: Buffer.from(utf8Bom + text, 'utf8').toString('base64') };
  }
  // Loaded when a spreadsheet is first asked for: exceljs is a tenth of a second of every start otherwise.
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  wb.created = new Date(report.asOf);
  const sheet = wb.addWorksheet(t('person.sheet'), {
    views: [{ state: 'frozen', ySplit: 4 }],
    pageSetup: { paperSize: 9, orientation: 'landscape' },
  });
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow([asOf]);
  sheet.addRow([]);
  const head = sheet.addRow(header);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  sheet.columns = header.map((_, i) => ({
    width: [14, 10, 16, 18, 18, 14, 12, 16, 22, 24, 14, 24, 24, 30, 50, 30, 40, 24, 18, 18, 18][i] ?? 16,
  }));
  // Cells are written as text, never as formulas, whatever they start with.
  for (const r of rows) sheet.addRow(r).alignment = { vertical: 'top', wrapText: true };
  if (rows.length === 0) sheet.addRow([t('person.none')]);
  return {
    filename,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
  };
}
