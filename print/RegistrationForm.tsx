import { A4Heading } from './A4Heading.tsx';
import { a4Css } from './a4Css.ts';
import { PrintPage } from './PrintPage.tsx';
import type { PrintCase, Translate } from './printData.ts';

/** The A4 registration form (投诉登记表): every recorded field, signed by complainant and receptionist. */
export function RegistrationForm(props: { data: PrintCase; t: Translate; lang: string }) {
  const { data: d, t } = props;
  const pairs: [string, string][] = [
    [t('fields.number'), d.number],
    [t('fields.queryCode'), d.queryCode],
    [t('fields.type'), d.typeLabel],
    [t('fields.channel'), d.channelLabel],
    [t('fields.receivedAt'), d.receivedAt],
    [t('fields.severity'), d.severityLabel],
    [t('fields.category'), d.categoryLabel ?? '—'],
    [t('fields.feedbackBy'), d.feedbackBy],
    [t('fields.complainant'), d.complainantName],
    ...d.fields.map((f): [string, string] => [f.label, f.value]),
  ];
  const rows: [string, string, string, string][] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const [a, b] = [pairs[i], pairs[i + 1]];
    rows.push([a?.[0] ?? '', a?.[1] ?? '', b?.[0] ?? '', b?.[1] ?? '']);
  }
  return (
    <PrintPage title={`${t('form.title')} ${d.number}`} lang={props.lang} pageCss={a4Css}>
      <A4Heading
        org={d.orgName}
        title={t('form.title')}
        copy={d.copy}
        t={t}
        items={[
          { label: t('fields.number'), value: d.number, mono: true },
          { label: t('fields.printedAt'), value: d.printedAt },
        ]}
      />
      <table className="form">
        <tbody>
          {rows.map(([l1, v1, l2, v2]) => (
            <tr key={l1}>
              <th>{l1}</th>
              <td>{v1}</td>
              <th>{l2}</th>
              <td>{v2}</td>
            </tr>
          ))}
          <tr>
            <th>{t('fields.subject')}</th>
            <td colSpan={3}>{d.subject}</td>
          </tr>
          <tr>
            <th>{t('fields.content')}</th>
            <td colSpan={3} className="long">
              {d.content}
            </td>
          </tr>
          <tr>
            <th>{t('fields.demands')}</th>
            <td colSpan={3} className="long" style={{ minHeight: '15mm' }}>
              {d.demands ?? ''}
            </td>
          </tr>
          <tr>
            <th>{t('form.opinion')}</th>
            <td colSpan={3} className="long" style={{ minHeight: '20mm' }} />
          </tr>
        </tbody>
      </table>
      <div className="signatures">
        <div>
          {t('form.complainantSignature')}
          {t('colon')}
          <span className="line" />
          <br />
          {t('form.date')}
          {t('colon')}
          <span className="line" />
        </div>
        <div>
          {t('form.receptionistSignature')}
          {t('colon')}
          <span className="line" />
          <br />
          {t('form.date')}
          {t('colon')}
          <span className="line" />
        </div>
      </div>
      <p style={{ marginTop: '6mm', fontSize: '9pt' }}>{t('form.note')}</p>
      <p style={{ marginTop: '2mm', fontSize: '9pt' }}>{d.privacyNotice}</p>
    </PrintPage>
  );
}
