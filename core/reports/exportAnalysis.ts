import type ExcelJS from 'exceljs';
import type { AnalysisReport, ExportedFile } from '../../domain/api/reportViews.ts';
import {
  analysisHeading,
  breakdowns,
  type FigureLine,
  figureLines,
  groupLabel,
  listsNameSites,
  repeatSites,
  type Translate,
} from '../../domain/reports/analysisRows.ts';
import { listText } from '../../domain/text/listText.ts';
import { pickLanguage } from '../../locales/resources.ts';
import { spreadsheetText } from '../data/csv.ts';
import { translatorFor } from '../translate.ts';

const deskTimeZone = 'Asia/Shanghai';

function localDateTime(iso: string, locale: string | undefined) {
  return new Intl.DateTimeFormat(locale ?? 'zh-CN', { timeZone: deskTimeZone, dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

function localDate(iso: string) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: deskTimeZone }).format(new Date(iso));
}

/** The inclusive local dates of a half-open range, as a reader expects them ("2025-11-01 – 2025-11-30"). */
function rangeText(range: { from: string; to: string }) {
  return `${localDate(range.from)} – ${localDate(new Date(Date.parse(range.to) - 1).toISOString())}`;
}

const numberFormats = { count: '0', rate: '0.0%', days: '0.0' } as const;
const changeFormats = { count: '+0;-0;0', rate: '+0.0%;-0.0%;0.0%', days: '+0.0;-0.0;0.0' } as const;

interface Section {
  title: string;
  header: string[];
  rows: (string | number | null)[][];
}

/** Every table of the report, in order, as plain rows (the CSV writes them one after another). */
function sections(report: AnalysisReport, t: Translate, lang: string): { figures: FigureLine[]; tables: Section[] } {
  const figures = figureLines(report, t);
  // The group's analysis names each line's site first: its lists run over several sites' cases.
  const bySite = listsNameSites(report);
  const site = (name: string | undefined) => (bySite ? [name ?? ''] : []);
  const siteHeader = bySite ? [t('columns.site')] : [];
  const trend: Section = {
    title: t('charts.trend'),
    header: [t('columns.date'), t('figures.registered'), t('figures.closed')],
    rows: report.trend.rows.map((r) => [r.key, r.figures.counts.registered, r.figures.counts.closed]),
  };
  const breakdown: Section = {
    title: t('sheets.breakdown'),
    header: [t('columns.dimension'), t('columns.item'), t('figures.registered'), t('figures.closed'), t('figures.satisfactionRate')],
    rows: breakdowns(report, t).flatMap((b) =>
      b.rows.map((r) => [
        b.title,
        groupLabel(r, b.vocabulary, t),
        r.figures.counts.registered,
        r.figures.counts.closed,
        r.figures.satisfactionRate.value,
      ]),
    ),
  };
  const major: Section = {
    title: t('analysis.majorCases'),
    header: [
      ...siteHeader,
      t('columns.number'),
      t('columns.receivedAt'),
      t('columns.subject'),
      t('columns.severity'),
      t('columns.status'),
      t('columns.department'),
    ],
    rows: report.majorCases.map((c) => [
      ...site(c.siteName),
      c.number,
      localDate(c.receivedAt),
      c.subject,
      t(`cases:severities.${c.severity}`),
      t(`cases:statuses.${c.status}`),
      c.departmentName ?? '',
    ]),
  };
  const overdue: Section = {
    title: t('analysis.overdueCases'),
    header: [
      ...siteHeader,
      t('columns.number'),
      t('columns.receivedAt'),
      t('columns.subject'),
      t('columns.department'),
      t('analysis.clocks'),
      t('analysis.reason'),
    ],
    rows: report.overdueCases.map((c) => [
      ...site(c.siteName),
      c.number,
      localDate(c.receivedAt),
      c.subject,
      c.departmentName ?? '',
      listText(
        c.clocks.map((k) => t(`clocks.${k}`)),
        lang,
      ),
      c.reason ?? t('analysis.noReason'),
    ]),
  };
  const actions: Section = {
    title: t('actions.title'),
    header: [
      ...siteHeader,
      t('actions.department'),
      t('actions.cause'),
      t('actions.measure'),
      t('actions.training'),
      t('actions.owner'),
      t('actions.dueDate'),
      t('actions.status'),
      t('actions.verification'),
    ],
    rows: report.correctiveActions.map((a) => [
      ...site(a.siteName),
      a.departmentName ?? '',
      a.cause,
      a.measure,
      a.training ?? '',
      a.owner,
      a.dueDate,
      t(`actions.statuses.${a.status}`) + (a.overdue ? ` (${t('actions.overdue')})` : ''),
      a.verification ?? '',
    ]),
  };
  // Names and numbers as the exporting role may take them out of the desk (core/access/caseGate.ts).
  const repeats: Section = {
    title: t('charts.repeats'),
    header: [t('repeats.name'), t('repeats.phone'), t('repeats.cases'), t('repeats.latest'), ...(bySite ? [t('repeats.sites')] : [])],
    rows: report.repeatComplainants.map((r) => [
      r.hidden ? t('repeats.hidden') : r.name,
      r.phone,
      r.cases,
      r.latestNumber,
      ...(bySite ? [repeatSites(r.sites ?? [], t, lang)] : []),
    ]),
  };
  return { figures, tables: [trend, breakdown, major, overdue, actions, repeats] };
}

function fileName(report: AnalysisReport, t: Translate, ext: string) {
  const { kind, year, index } = report.period;
  const suffix =
    kind === 'year' ? `${year}` : `${year}-${kind === 'month' ? String(index).padStart(2, '0') : `${kind[0]?.toUpperCase()}${index}`}`;
  return `${t('analysis.fileName')}-${suffix}.${ext}`;
}

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = headerFill;
    cell.border = { bottom: { style: 'thin' } };
  });
}

async function workbook(report: AnalysisReport, t: Translate, locale: string | undefined): Promise<Buffer> {
  // Loaded when a spreadsheet is first asked for: exceljs is a tenth of a second of every start otherwise.
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  wb.creator = report.orgName || 'Complaint Desk';
  wb.created = new Date(report.generatedAt);
  const { figures, tables } = sections(report, t, pickLanguage(locale));

  const summary = wb.addWorksheet(t('sheets.summary'), {
    views: [{ state: 'frozen', ySplit: 5 }],
    pageSetup: { paperSize: 9, orientation: 'portrait' },
  });
  summary.columns = [{ width: 28 }, { width: 14 }, { width: 14 }, { width: 12 }, { width: 16 }, { width: 12 }];
  summary.addRow([`${report.orgName} ${analysisHeading(report, t)}`]).font = { bold: true, size: 14 };
  summary.addRow([t('analysis.range'), rangeText(report.range)]);
  summary.addRow([t('analysis.generatedAtLabel'), localDateTime(report.generatedAt, locale)]);
  summary.addRow([]);
  styleHeader(
    summary.addRow([
      t('analysis.figure'),
      t('analysis.current'),
      t('analysis.previous'),
      t('analysis.changePrevious'),
      t('analysis.lastYear'),
      t('analysis.changeLastYear'),
    ]),
  );
  for (const f of figures) {
    const row = summary.addRow([f.label, f.current, f.previous, f.changePrevious, f.lastYear, f.changeLastYear]);
    for (const c of [2, 3, 5]) row.getCell(c).numFmt = numberFormats[f.unit];
    for (const c of [4, 6]) row.getCell(c).numFmt = changeFormats[f.unit];
  }

  const sheetNames = [
    t('sheets.trend'),
    t('sheets.breakdown'),
    t('sheets.major'),
    t('sheets.overdue'),
    t('sheets.actions'),
    t('sheets.repeats'),
  ];
  const widths = [
    [14, 12, 12],
    [20, 24, 12, 12, 12],
    [14, 14, 40, 12, 18, 16],
    [14, 14, 40, 16, 20, 40],
    [16, 30, 30, 24, 12, 14, 18, 30],
    [16, 16, 8, 14, 28],
  ];
  tables.forEach((table, i) => {
    const sheet = wb.addWorksheet(sheetNames[i] ?? table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    const given = widths[i] ?? [];
    // A list of the group's analysis starts with its site column (the repeats end with theirs).
    const siteFirst = i >= 2 && i <= 4 && table.header.length > given.length;
    sheet.columns = [...(siteFirst ? [16] : []), ...given].map((width) => ({ width }));
    styleHeader(sheet.addRow(table.header));
    for (const r of table.rows) {
      const row = sheet.addRow(r);
      row.alignment = { vertical: 'top', wrapText: true };
    }
    if (i === 1) sheet.getColumn(5).numFmt = '0.0%';
    if (table.rows.length === 0) sheet.addRow([t('analysis.none')]);
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvValue(v: number | null, unit: FigureLine['unit'], signed = false): string {
  if (v === null) return '';
  const text = unit === 'rate' ? `${(v * 100).toFixed(1)}%` : unit === 'days' ? v.toFixed(1) : String(v);
  return signed && v > 0 ? `+${text}` : text;
}

/** RFC 4180 with what Excel needs to read Chinese: a UTF-8 BOM, CRLF, every field quoted, no formulas. */
function csv(report: AnalysisReport, t: Translate, lang: string): Buffer {
  const { figures, tables } = sections(report, t, lang);
  const lines: string[] = [];
  // Names and subjects are typed by people: one starting with = or @ must not run in Excel or WPS.
  const put = (cells: (string | number | null)[]) =>
    lines.push(
      cells.map((c) => `"${(c === null ? '' : typeof c === 'number' ? String(c) : spreadsheetText(c)).replaceAll('"', '""')}"`).join(','),
    );
  put([`${report.orgName} ${analysisHeading(report, t)}`]);
  put([t('analysis.range'), rangeText(report.range)]);
  put([]);
  put([
    t('analysis.figure'),
    t('analysis.current'),
    t('analysis.previous'),
    t('analysis.changePrevious'),
    t('analysis.lastYear'),
    t('analysis.changeLastYear'),
  ]);
  for (const f of figures) {
    put([
      f.label,
      csvValue(f.current, f.unit),
      csvValue(f.previous, f.unit),
      csvValue(f.changePrevious, f.unit, true),
      csvValue(f.lastYear, f.unit),
      csvValue(f.changeLastYear, f.unit, true),
    ]);
  }
  tables.forEach((table, i) => {
    put([]);
    put([table.title]);
    put(table.header);
    // The breakdown's last column is a rate: written as "75.0%", which Excel reads as a percentage.
    for (const r of table.rows) put(i === 1 ? r.map((c, j) => (j === 4 && typeof c === 'number' ? csvValue(c, 'rate') : c)) : r);
  });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

export async function exportAnalysis(report: AnalysisReport, format: 'xlsx' | 'csv', locale: string | undefined): Promise<ExportedFile> {
  const translate = translatorFor(locale, 'reports');
  const t: Translate = (key, values) => translate(key, values ?? {});
  if (format === 'xlsx') {
    return {
      filename: fileName(report, t, 'xlsx'),
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: (await workbook(report, t, locale)).toString('base64'),
    };
  }
  return {
    filename: fileName(report, t, 'csv'),
    mimeType: 'text/csv;charset=utf-8',
    base64: csv(report, t, pickLanguage(locale)).toString('base64'),
  };
}
