import { findUserById } from '../../db/queries/users.ts';
import type { SessionUser } from '../../domain/api/views.ts';
import { personFields, personLines } from '../../domain/privacy/personLines.ts';
import { personKeyOf } from '../../domain/privacy/personMatch.ts';
import { pickLanguage } from '../../locales/resources.ts';
import { renderPersonReport } from '../../print/PersonReport.tsx';
import type { DeskContext } from '../deskContext.ts';
import { findPerson } from '../privacy/findPerson.ts';
import { maskedQuery } from '../privacy/privacyHandlers.ts';
import { loadSettings } from '../settings.ts';
import { translatorFor } from '../translate.ts';
import type { PrintableDocument } from './printableDocument.ts';
import { paperDates } from './printCase.ts';

const a4 = { widthMicrons: 210_000, heightMicrons: 297_000 };

/**
 * 个人信息查询结果 (template `personReport`): everything the desk holds about the person named
 * by a phone or ID number, for a supervisor to hand them (PIPL art. 45). It is personal data
 * through and through, so every rendering is audited; its copies are numbered per person.
 */
export async function personReportDocument(
  ctx: DeskContext,
  query: { phone?: string | undefined; idNumber?: string | undefined },
  user: SessionUser,
  locale: string | undefined,
): Promise<PrintableDocument> {
  const { db } = ctx.store;
  const key = personKeyOf(query);
  const [report, settings, printer] = await Promise.all([findPerson(db, key, ctx.now()), loadSettings(db), findUserById(db, user.id)]);
  const lang = pickLanguage(locale);
  const translate = translatorFor(locale, 'privacy');
  const t = (k: string, values?: Record<string, unknown>) => translate(k, values ?? {});
  const dates = paperDates(lang, settings.utcOffsetMinutes);
  const masked = maskedQuery(key);
  return {
    // The print log keys the copy by the masked numbers: it names no one in full.
    document: `person:${[masked.phone, masked.idNumber].filter(Boolean).join('/')}`,
    caseId: null,
    auditDetail: { ...masked, cases: report.cases.length },
    personalData: true,
    pageSize: a4,
    render: (copy) => ({
      html: renderPersonReport(
        {
          orgName: settings.orgName,
          asOf: dates.dateTime(report.asOf),
          query: [key.phone, key.idNumber].filter(Boolean).join(t('person.separator')),
          printedBy: printer?.display_name ?? user.displayName,
          copy,
          cases: report.cases.map((c) => {
            const line = personLines(c, t, dates.dateTime);
            return { fields: personFields.map((field) => ({ field, label: t(`person.fields.${field}`), value: line[field] })) };
          }),
          truncated: report.truncated,
        },
        (k, values) => t(k, values),
        lang,
      ),
      title: t('person.title'),
    }),
  };
}
