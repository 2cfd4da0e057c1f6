import { A4Heading } from './A4Heading.tsx';
import { a4Css } from './a4Css.ts';
import { PrintPage } from './PrintPage.tsx';
import type { PrintCase, Translate } from './printData.ts';

const replyCss = `
.letter p.reply { white-space: pre-wrap; text-indent: 0; border-left: 1mm solid #999; padding: 1mm 0 1mm 4mm; margin: 0 0 4mm 2em; }
table.facts { border-collapse: collapse; margin: 0 0 4mm 2em; }
table.facts th, table.facts td { padding: 0.8mm 4mm 0.8mm 0; text-align: left; vertical-align: top; }
table.facts th { font-weight: 600; white-space: nowrap; }
.review { border: 1px solid #000; padding: 2mm 3mm; margin: 4mm 0; }
.addressee { margin: 0 0 4mm; }
.review p { text-indent: 0; margin: 0 0 1.5mm; }
`;

/**
 * The reply letter (投诉答复书): the desk's answer to the complainant as recorded by the
 * `respond` action, with the finding and any compensation of the proposal it carries out, the
 * complainant's right to a review (复核) within the desk's window and how to ask for one.
 */
export function ReplyLetter(props: { data: PrintCase; t: Translate; lang: string }) {
  const { data: d, t } = props;
  const reply = d.reply;
  const desk = d.deskName ?? t('replyLetter.theDesk');
  return (
    <PrintPage title={`${t('replyLetter.title')} ${d.number}`} lang={props.lang} pageCss={a4Css + replyCss}>
      <A4Heading
        org={d.orgName}
        title={t('replyLetter.title')}
        copy={d.copy}
        t={t}
        items={[
          { label: t('fields.number'), value: d.number, mono: true },
          { label: t('fields.queryCode'), value: d.queryCode, mono: true },
        ]}
      />
      {d.complainantAddress && (
        <p className="addressee">
          {t('replyLetter.to')}
          {t('colon')}
          {d.complainantName} · {d.complainantAddress}
        </p>
      )}
      <div className="letter">
        <p className="noindent">{t('letter.salutation', { name: d.complainantName })}</p>
        <p>{t('replyLetter.opening', { date: d.receivedAt, subject: d.subject })}</p>
        {reply && (
          <>
            <p className="reply">{reply.content}</p>
            <table className="facts">
              <tbody>
                {reply.findingLabel && (
                  <tr>
                    <th>{t('replyLetter.finding')}</th>
                    <td>{reply.findingLabel}</td>
                  </tr>
                )}
                {reply.compensation && (
                  <tr>
                    <th>{t('replyLetter.compensation')}</th>
                    <td>{reply.compensation}</td>
                  </tr>
                )}
                <tr>
                  <th>{t('replyLetter.channel')}</th>
                  <td>{reply.channelLabel}</td>
                </tr>
              </tbody>
            </table>
            <div className="review">
              <p>
                <strong>{t('replyLetter.reviewTitle')}</strong>
              </p>
              <p>{t('replyLetter.review', { days: reply.reviewWindowDays })}</p>
              <p>{d.deskPhone ? t('replyLetter.reviewHow', { desk, phone: d.deskPhone }) : t('replyLetter.reviewHowNoPhone', { desk })}</p>
            </div>
          </>
        )}
        <p>{t('replyLetter.closing')}</p>
        <p className="noindent">
          {t('replyLetter.contact', { desk })}
          {d.deskPhone && ` · ${t('fields.deskPhone')}${t('colon')}${d.deskPhone}`}
        </p>
      </div>
      <div className="closing">
        <p>{d.orgName}</p>
        <p>{reply?.repliedAt ?? d.printedAt}</p>
      </div>
      <div className="signatures">
        <div>
          {t('replyLetter.repliedBy')}
          {t('colon')}
          {reply?.repliedBy}
        </div>
        <div>
          {t('letter.received')}
          {t('colon')}
          <span className="line" />
        </div>
      </div>
    </PrintPage>
  );
}
