import { renderToStaticMarkup } from 'react-dom/server';
import { a4Css } from './a4Css.ts';
import { PrintPage } from './PrintPage.tsx';
import type { Translate } from './printData.ts';

export interface RecoverySheetData {
  orgName: string;
  recoveryKey: string;
  /** When the key was made, already formatted in the reader's language. */
  createdAt: string;
}

const sheetCss = `
.key { font-family: 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', monospace; font-size: 20pt; letter-spacing: 0.08em;
  text-align: center; border: 2px solid #000; padding: 6mm 4mm; margin: 6mm 0; word-spacing: 0.4em; }
.warning { border: 1px solid #000; padding: 3mm 4mm; margin-top: 6mm; font-weight: 600; }
`;

/** 恢复密钥: the A4 sheet an administrator prints at setup and keeps locked away from the PC. */
export function RecoverySheet(props: { data: RecoverySheetData; t: Translate; lang: string }) {
  const { data, t } = props;
  const steps = ['step1', 'step2', 'step3', 'step4'] as const;
  return (
    <PrintPage title={t('recoverySheet.title')} lang={props.lang} pageCss={a4Css + sheetCss}>
      <div className="head">
        <p className="org">{data.orgName}</p>
        <h1>{t('recoverySheet.title')}</h1>
      </div>
      <p>{t('recoverySheet.createdAt', { date: data.createdAt })}</p>
      <div className="key">{data.recoveryKey}</div>
      <p>{t('recoverySheet.what')}</p>
      <h2>{t('recoverySheet.whenTitle')}</h2>
      <ol>
        {steps.map((s) => (
          <li key={s}>{t(`recoverySheet.${s}`)}</li>
        ))}
      </ol>
      <p className="warning">{t('recoverySheet.keepSafe')}</p>
      <div className="signatures">
        <div>
          {t('recoverySheet.keeper')}
          {t('colon')}
          <span className="line" />
        </div>
        <div>
          {t('recoverySheet.place')}
          {t('colon')}
          <span className="line" />
        </div>
      </div>
    </PrintPage>
  );
}

export function renderRecoverySheet(data: RecoverySheetData, t: Translate, lang: string): string {
  return `<!doctype html>${renderToStaticMarkup(<RecoverySheet data={data} t={t} lang={lang} />)}`;
}
