import { DeskMark } from './DeskMark.tsx';
import { CopyMark, PrintPage } from './PrintPage.tsx';
import type { PrintCase, SlipWidth, Translate } from './printData.ts';
import { QrCode } from './QrCode.tsx';

/**
 * The acknowledgement slip (受理回执) for 80 mm receipt printers (58 mm on request): what the
 * complainant takes home to ask after the case, number and query code large, and a QR code
 * of both.
 */
export function Slip(props: { data: PrintCase; width: SlipWidth; t: Translate; lang: string }) {
  const { data: d, t } = props;
  const narrow = props.width === '58';
  const pageCss = `
@page { size: ${props.width}mm 297mm; margin: 0; }
body { width: ${props.width}mm; padding: 3mm ${narrow ? 2 : 4}mm 6mm; font-size: ${narrow ? 9 : 10.5}pt; line-height: 1.45; }
.center { text-align: center; }
.org { font-size: ${narrow ? 11 : 13}pt; font-weight: 700; }
.title { font-size: ${narrow ? 12 : 14}pt; font-weight: 700; margin: 1mm 0 2mm; }
.title:lang(zh) { letter-spacing: 0.2em; }
.big { font-size: ${narrow ? 14 : 17}pt; font-weight: 700; }
.row { display: flex; flex-wrap: wrap; justify-content: space-between; column-gap: 2mm; }
.row > span:first-child { white-space: nowrap; }
/* A value too long to share the label's line (an English month, a two-digit day) takes the next one, at the right. */
.row > span:last-child { text-align: right; margin-left: auto; }
.row.stack { flex-direction: column; gap: 0; }
.row.stack > span:last-child { text-align: center; margin-right: auto; }
.nowrap { white-space: nowrap; }
.keep { word-break: keep-all; }
.mark { display: flex; justify-content: center; margin-bottom: 1mm; }
hr { border: 0; border-top: 1px dashed #000; margin: 2mm 0; }
.qr { display: flex; justify-content: center; margin: 2mm 0 1mm; }
.small { font-size: ${narrow ? 7.5 : 8.5}pt; }
`;
  return (
    <PrintPage title={`${t('slip.title')} ${d.number}`} lang={props.lang} pageCss={pageCss}>
      <div className="mark">
        <DeskMark size={narrow ? '7mm' : '8mm'} ink />
      </div>
      <p className="center org">{d.orgName}</p>
      {d.deskName && <p className="center">{d.deskName}</p>}
      <p className="center title">{t('slip.title')}</p>
      <p className="center">
        <CopyMark copy={d.copy} t={t} />
      </p>
      <div className="row">
        <span>{t('fields.number')}</span>
        <span className="big mono" data-field="number">
          {d.number}
        </span>
      </div>
      <div className="row">
        <span>{t('fields.queryCode')}</span>
        <span className="big mono" data-field="queryCode">
          {d.queryCode}
        </span>
      </div>
      <hr />
      <div className="row">
        <span>{t('fields.receivedAt')}</span>
        <span className="keep">{d.receivedAt}</span>
      </div>
      <div className="row">
        <span>{t('fields.channel')}</span>
        <span>{d.channelLabel}</span>
      </div>
      <div className="row">
        <span>{t('fields.type')}</span>
        <span>{d.typeLabel}</span>
      </div>
      <p>
        {t('fields.subject')}
        {t('colon')}
        {d.subject}
      </p>
      <hr />
      {/* A date is never broken across lines; on 58 mm paper it takes a line of its own. */}
      <div className={narrow ? 'row stack' : 'row'}>
        <span>{t('fields.feedbackBy')}</span>
        <span className="big nowrap" data-field="feedbackBy">
          {d.feedbackBy}
        </span>
      </div>
      <div className="qr">
        <QrCode matrix={d.qr} sizeMm={narrow ? 26 : 30} label={d.qrText} />
      </div>
      <p className="center small">{t('slip.scan')}</p>
      <hr />
      <div className="row">
        <span>{t('fields.receptionist')}</span>
        <span>{d.receptionist}</span>
      </div>
      {d.deskPhone && (
        <div className="row">
          <span>{t('fields.deskPhone')}</span>
          <span>{d.deskPhone}</span>
        </div>
      )}
      <div className="row small">
        <span>{t('fields.printedAt')}</span>
        <span className="keep">{d.printedAt}</span>
      </div>
      <p className="small" style={{ marginTop: '2mm' }}>
        {t('slip.keep')}
      </p>
      <p className="small notice" style={{ marginTop: '1.5mm' }}>
        {d.privacyNotice}
      </p>
    </PrintPage>
  );
}
