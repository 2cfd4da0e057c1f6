import { renderToStaticMarkup } from 'react-dom/server';
import type { PersonField } from '../domain/privacy/personLines.ts';
import { a4Css } from './a4Css.ts';
import { CopyMark, PrintPage } from './PrintPage.tsx';
import type { Translate } from './printData.ts';

export interface PersonReportData {
  orgName: string;
  asOf: string;
  query: string;
  printedBy: string;
  copy: number;
  /** Each case's fields in words, as personLines writes them; only the filled ones are printed. */
  cases: readonly { fields: readonly { field: PersonField; label: string; value: string }[] }[];
  truncated: boolean;
}

const personCss = `
section.case { break-inside: avoid; margin-bottom: 5mm; }
section.case h2 { font-size: 12pt; margin: 0 0 1.5mm; }
.long { min-height: 0; }
.foot { margin-top: 6mm; font-size: 9.5pt; }
`;

const longFields: readonly PersonField[] = ['content', 'demands', 'corrections'];

/**
 * 个人信息查询结果 (A4): everything the desk holds about one person, case by case, for the
 * person to take away (PIPL art. 45). Words come from the `privacy` namespace.
 */
export function PersonReport(props: { data: PersonReportData; t: Translate; lang: string }) {
  const { data, t } = props;
  const title = t('person.title');
  return (
    <PrintPage title={title} lang={props.lang} pageCss={a4Css + personCss}>
      <div className="head">
        <p className="org">{data.orgName}</p>
        <h1>{title}</h1>
      </div>
      <div className="meta">
        <span>{t('person.queryLine', { query: data.query })}</span>
        <span>{t('person.asOf', { date: data.asOf })}</span>
        <CopyMark copy={data.copy} t={(key, values) => t(`print:${key}`, values)} />
      </div>
      <p>{t('person.paperIntro', { count: data.cases.length })}</p>
      {data.cases.map((c, i) => (
        <section className="case" key={c.fields[0]?.value ?? i}>
          <h2>{t('person.caseHeading', { index: i + 1, number: c.fields[0]?.value ?? '' })}</h2>
          <table className="form">
            <tbody>
              {c.fields
                .filter((f) => f.field !== 'number' && f.value !== '')
                .map((f) => (
                  <tr key={f.field}>
                    <th>{f.label}</th>
                    <td className={longFields.includes(f.field) ? 'long' : undefined}>{f.value}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      {data.truncated ? <p>{t('person.truncated', { count: data.cases.length })}</p> : null}
      <div className="foot">
        <p>{t('person.paperRights')}</p>
        <p>{t('person.printedBy', { name: data.printedBy })}</p>
      </div>
    </PrintPage>
  );
}

export function renderPersonReport(data: PersonReportData, t: Translate, lang: string): string {
  return `<!doctype html>${renderToStaticMarkup(<PersonReport data={data} t={t} lang={lang} />)}`;
}
