import { renderToStaticMarkup } from 'react-dom/server';
import { a4Css } from './a4Css.ts';
import { PrintPage } from './PrintPage.tsx';
import type { Translate } from './printData.ts';

export interface YearRegisterData {
  orgName: string;
  year: number;
  sealedAt: string;
  sealedBy: string;
  carriedOver: readonly string[];
  manifestSha256: string;
  publicKey: string;
  signature: string;
  entries: readonly { number: string; lastSeq: number; finalHash: string }[];
}

const registerCss = `
table.register { width: 100%; border-collapse: collapse; font-size: 9pt; }
table.register th, table.register td { border: 1px solid #000; padding: 0.8mm 1.5mm; text-align: left; }
table.register thead { display: table-header-group; }
.mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; word-break: break-all; }
.seal { margin-top: 6mm; font-size: 9pt; }
`;

/** 归档目录: the year's register of sealed cases, with the manifest's hash and signature to check it by. */
export function YearRegister(props: { data: YearRegisterData; t: Translate; lang: string }) {
  const { data, t } = props;
  const title = t('yearRegister.title', { year: data.year });
  return (
    <PrintPage title={title} lang={props.lang} pageCss={a4Css + registerCss}>
      <div className="head">
        <p className="org">{data.orgName}</p>
        <h1>{title}</h1>
      </div>
      <div className="meta">
        <span>{t('yearRegister.sealedAt', { date: data.sealedAt })}</span>
        <span>{t('yearRegister.sealedBy', { name: data.sealedBy })}</span>
        <span>{t('yearRegister.count', { count: data.entries.length })}</span>
      </div>
      <table className="register">
        <thead>
          <tr>
            <th>{t('yearRegister.index')}</th>
            <th>{t('yearRegister.number')}</th>
            <th>{t('yearRegister.lastSeq')}</th>
            <th>{t('yearRegister.finalHash')}</th>
          </tr>
        </thead>
        <tbody>
          {data.entries.map((e, i) => (
            <tr key={e.number}>
              <td>{i + 1}</td>
              <td>{e.number}</td>
              <td>{e.lastSeq}</td>
              <td className="mono">{e.finalHash}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="seal">
        <p>
          {t('yearRegister.carriedOver', { numbers: data.carriedOver.length ? data.carriedOver.join(t('yearRegister.separator')) : '—' })}
        </p>
        <p>
          {t('yearRegister.manifest')}
          {t('colon')}
          <span className="mono">{data.manifestSha256}</span>
        </p>
        <p>
          {t('yearRegister.publicKey')}
          {t('colon')}
          <span className="mono">{data.publicKey}</span>
        </p>
        <p>
          {t('yearRegister.signature')}
          {t('colon')}
          <span className="mono">{data.signature}</span>
        </p>
        <p>{t('yearRegister.howToCheck')}</p>
      </div>
    </PrintPage>
  );
}

export function renderYearRegister(data: YearRegisterData, t: Translate, lang: string): string {
  return `<!doctype html>${renderToStaticMarkup(<YearRegister data={data} t={t} lang={lang} />)}`;
}
