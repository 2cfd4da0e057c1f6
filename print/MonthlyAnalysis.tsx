import type { AnalysisReport } from '../domain/api/reportViews.ts';
import {
  analysisHeading,
  breakdowns,
  type FigureLine,
  figureLines,
  groupLabel,
  listsNameSites,
  repeatSites,
  type Translate,
} from '../domain/reports/analysisRows.ts';
import { listText } from '../domain/text/listText.ts';
import { HorizontalBars, TimeBars } from './svgCharts.tsx';

const deskTimeZone = 'Asia/Shanghai';

const analysisCss = `
@page { size: A4; margin: 16mm 14mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "Noto Sans CJK TC", sans-serif;
  font-size: 10.5pt; line-height: 1.45; color: #000; margin: 0; }
.head { text-align: center; margin-bottom: 3mm; }
.head .org { font-size: 13pt; font-weight: 700; }
.head h1 { font-size: 18pt; margin: 1mm 0 1mm; letter-spacing: 0.1em; }
.head .meta { color: #333; }
.head .meta .gap { margin-left: 6mm; }
h2 { font-size: 12.5pt; margin: 5mm 0 2mm; border-left: 3pt solid #1c7ed6; padding-left: 2mm; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 3mm 0 1mm; page-break-after: avoid; }
table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 0.6pt solid #555; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; word-break: break-all; }
th { background: #eef2f7; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.short, th.short { white-space: nowrap; word-break: keep-all; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
.grid section { page-break-inside: avoid; }
.chart { display: block; }
.empty { color: #555; margin: 1mm 0 3mm; }
.note { color: #333; font-size: 9pt; margin-top: 2mm; }
.signature { margin-top: 10mm; text-align: right; }
`;

function localDate(iso: string) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: deskTimeZone }).format(new Date(iso));
}

function formatValue(v: number | null, unit: FigureLine['unit'], lang: string, signed = false): string {
  if (v === null) return '—';
  const text =
    unit === 'rate'
      ? new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v)
      : new Intl.NumberFormat(lang, {
          maximumFractionDigits: unit === 'days' ? 1 : 0,
          minimumFractionDigits: unit === 'days' ? 1 : 0,
        }).format(v);
  return signed && v > 0 ? `+${text}` : text;
}

/**
 * 月度投诉情况分析 (and the quarterly, half-yearly and yearly forms) on A4: the figures against
 * the previous period and the same period last year, charts, major and overdue cases, and the
 * corrective actions with their state. Data in, markup out.
 */
export function MonthlyAnalysis(props: { report: AnalysisReport; t: Translate; lang: string }) {
  const { report, t, lang } = props;
  const title = analysisHeading(report, t);
  const lines = figureLines(report, t);
  const lastDay = localDate(new Date(Date.parse(report.range.to) - 1).toISOString());
  const groups = breakdowns(report, t);
  // The group's analysis names the site of each line: its lists run over every site's cases.
  const bySite = listsNameSites(report);
  const siteHead = bySite ? <th className="short">{t('columns.site')}</th> : null;
  const siteCell = (name: string | undefined) => (bySite ? <td className="short">{name ?? ''}</td> : null);
  const trendLabel = (key: string | null) => (key ?? '').slice(report.trend.bucket === 'day' ? 8 : 5);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
        <style>{analysisCss}</style>
      </head>
      <body>
        <div className="head">
          <div className="org">{report.orgName}</div>
          <h1>{title}</h1>
          <div className="meta">
            <span>{t('labelled', { label: t('analysis.range'), value: `${localDate(report.range.from)} – ${lastDay}` })}</span>
            <span className="gap">{t('analysis.generatedAt', { at: localDate(report.generatedAt) })}</span>
          </div>
        </div>

        <h2>{t('analysis.figures')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('analysis.figure')}</th>
              <th className="num">{t('analysis.current')}</th>
              <th className="num">{t('analysis.previous')}</th>
              <th className="num">{t('analysis.changePrevious')}</th>
              <th className="num">{t('analysis.lastYear')}</th>
              <th className="num">{t('analysis.changeLastYear')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.key}>
                <td>{l.label}</td>
                <td className="num">{formatValue(l.current, l.unit, lang)}</td>
                <td className="num">{formatValue(l.previous, l.unit, lang)}</td>
                <td className="num">{formatValue(l.changePrevious, l.unit, lang, true)}</td>
                <td className="num">{formatValue(l.lastYear, l.unit, lang)}</td>
                <td className="num">{formatValue(l.changeLastYear, l.unit, lang, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="note">{t('analysis.definitionsNote')}</p>

        <h2>{t('analysis.charts')}</h2>
        <h3>{t('charts.trend')}</h3>
        <TimeBars
          title={t('charts.trend')}
          empty={t('charts.empty')}
          series={[t('charts.registered'), t('charts.closed')]}
          data={report.trend.rows.map((r) => ({
            label: trendLabel(r.key),
            values: [r.figures.counts.registered, r.figures.counts.closed],
          }))}
        />
        <div className="grid">
          {groups.map((g) => (
            <section key={g.title}>
              <h3>{g.title}</h3>
              <HorizontalBars
                title={g.title}
                empty={t('charts.empty')}
                width={320}
                data={g.rows.map((r) => ({ label: groupLabel(r, g.vocabulary, t), values: [r.figures.counts.registered] }))}
              />
            </section>
          ))}
        </div>

        <h2>{t('analysis.majorCases')}</h2>
        {report.majorCases.length === 0 ? (
          <p className="empty">{t('analysis.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                {siteHead}
                <th>{t('columns.number')}</th>
                <th>{t('columns.receivedAt')}</th>
                <th>{t('columns.subject')}</th>
                <th>{t('columns.severity')}</th>
                <th>{t('columns.status')}</th>
                <th>{t('columns.department')}</th>
              </tr>
            </thead>
            <tbody>
              {report.majorCases.map((c) => (
                <tr key={c.id}>
                  {siteCell(c.siteName)}
                  <td>{c.number}</td>
                  <td className="short">{localDate(c.receivedAt)}</td>
                  <td>{c.subject}</td>
                  <td>{t(`cases:severities.${c.severity}`)}</td>
                  <td>{t(`cases:statuses.${c.status}`)}</td>
                  <td>{c.departmentName ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <h2>{t('analysis.overdueCases')}</h2>
        {report.overdueCases.length === 0 ? (
          <p className="empty">{t('analysis.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                {siteHead}
                <th>{t('columns.number')}</th>
                <th>{t('columns.subject')}</th>
                <th>{t('columns.department')}</th>
                <th>{t('analysis.clocks')}</th>
                <th>{t('analysis.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.overdueCases.map((c) => (
                <tr key={c.id}>
                  {siteCell(c.siteName)}
                  <td>{c.number}</td>
                  <td>{c.subject}</td>
                  <td>{c.departmentName ?? ''}</td>
                  <td>
                    {listText(
                      c.clocks.map((k) => t(`clocks.${k}`)),
                      lang,
                    )}
                  </td>
                  <td>{c.reason ?? t('analysis.noReason')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <h2>{t('actions.title')}</h2>
        <p className="note">{t('actions.principle')}</p>
        {report.correctiveActions.length === 0 ? (
          <p className="empty">{t('analysis.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                {siteHead}
                <th>{t('actions.department')}</th>
                <th>{t('actions.cause')}</th>
                <th>{t('actions.measure')}</th>
                <th>{t('actions.owner')}</th>
                <th>{t('actions.dueDate')}</th>
                <th>{t('actions.status')}</th>
              </tr>
            </thead>
            <tbody>
              {report.correctiveActions.map((a) => (
                <tr key={a.id}>
                  {siteCell(a.siteName)}
                  <td>{a.departmentName ?? ''}</td>
                  <td>{a.cause}</td>
                  <td>
                    {a.measure}
                    {a.training ? t('common:punctuation.aside', { text: a.training }) : ''}
                  </td>
                  <td>{a.owner}</td>
                  <td>{a.dueDate}</td>
                  <td>
                    {t(`actions.statuses.${a.status}`)}
                    {a.overdue ? t('common:punctuation.aside', { text: t('actions.overdue') }) : ''}
                    {a.verification ? `${t('common:punctuation.colon')}${a.verification}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>{t('charts.repeats')}</h2>
        {report.repeatComplainants.length === 0 ? (
          <p className="empty">{t('repeats.empty')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t('repeats.name')}</th>
                <th>{t('repeats.phone')}</th>
                <th className="num">{t('repeats.cases')}</th>
                <th>{t('repeats.latest')}</th>
                {bySite ? <th>{t('repeats.sites')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {report.repeatComplainants.map((r) => (
                <tr key={r.latestCaseId}>
                  <td>{r.hidden ? t('repeats.hidden') : r.name}</td>
                  <td>{r.phone}</td>
                  <td className="num">{r.cases}</td>
                  <td>{r.latestNumber}</td>
                  {bySite ? <td>{repeatSites(r.sites ?? [], t, lang)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="signature">{t('analysis.signature')}</p>
      </body>
    </html>
  );
}
