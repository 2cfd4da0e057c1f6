import { A4Heading } from './A4Heading.tsx';
import { a4Css } from './a4Css.ts';
import { PrintPage } from './PrintPage.tsx';
import type { PrintCase, Translate } from './printData.ts';

/**
 * The decline notice (不予受理告知书) and the redirect guidance (投诉处理指引告知书): a letter to
 * the complainant saying what was decided, why, and where to go next.
 */
export function DecisionLetter(props: { data: PrintCase; kind: 'declineNotice' | 'redirectGuidance'; t: Translate; lang: string }) {
  const { data: d, t, kind } = props;
  const decision = d.decision;
  return (
    <PrintPage title={`${t(`${kind}.title`)} ${d.number}`} lang={props.lang} pageCss={a4Css}>
      <A4Heading
        org={d.orgName}
        title={t(`${kind}.title`)}
        copy={d.copy}
        t={t}
        items={[
          { label: t('fields.number'), value: d.number, mono: true },
          { label: t('fields.queryCode'), value: d.queryCode, mono: true },
        ]}
      />
      <div className="letter">
        <p className="noindent">{t('letter.salutation', { name: d.complainantName })}</p>
        <p>{t(`${kind}.opening`, { date: d.receivedAt, subject: d.subject })}</p>
        {decision && (
          <>
            <p>{t(`${kind}.decision`, { reason: decision.reason })}</p>
            {decision.note && <p>{decision.note}</p>}
            {decision.guidance.length > 0 && (
              <>
                <p className="noindent">{t(`${kind}.guidanceTitle`)}</p>
                <ol>
                  {decision.guidance.map((g) => (
                    <li key={g}>{g}</li>
                  ))}
                </ol>
              </>
            )}
          </>
        )}
        <p>{t(`${kind}.closing`)}</p>
        {d.deskPhone && <p>{t('letter.contact', { phone: d.deskPhone })}</p>}
      </div>
      <div className="closing">
        <p>{d.orgName}</p>
        <p>{decision?.decidedAt ?? d.printedAt}</p>
      </div>
      <div className="signatures">
        <div>
          {t('letter.received')}
          {t('colon')}
          <span className="line" />
        </div>
        <div>
          {t('form.receptionistSignature')}
          {t('colon')}
          <span className="line" />
        </div>
      </div>
    </PrintPage>
  );
}
