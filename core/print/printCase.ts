import type { CaseDetail } from '../../domain/api/views.ts';
import type { CaseEvent } from '../../domain/cases/events.ts';
import { intakeNoticeText } from '../../domain/privacy/intakeNotice.ts';
import { pickLanguage } from '../../locales/resources.ts';
import type { PrintCase, PrintedField, PrintedReply, Translate } from '../../print/printData.ts';
import { qrMatrix } from '../../print/qrMatrix.ts';
import type { DeskSettings } from '../settings.ts';
import { translatorFor } from '../translate.ts';

/** What the slip's QR code holds: the case number and query code, as typed into a query page. */
export const printQrText = (number: string, queryCode: string) => `${number} ${queryCode}`;

/** Dates on paper are in the desk's time zone, whatever the printing PC is set to. */
export function paperDates(lang: string, utcOffsetMinutes: number) {
  const shift = (iso: string | Date) => new Date(new Date(iso).getTime() + utcOffsetMinutes * 60_000);
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
  return {
    date: (iso: string | Date) => date.format(shift(iso)),
    dateTime: (iso: string | Date) => `${date.format(shift(iso))} ${time.format(shift(iso))}`,
    /** A calendar date (`2026-11-20`) as written: it has no time zone. */
    calendarDate: (ymd: string) => date.format(new Date(`${ymd}T00:00:00Z`)),
  };
}

/**
 * The latest reply and the proposal it answers with (the last one before it: after a send-back
 * or a dissatisfied follow-up, the earlier proposals no longer stand). Null before any reply.
 */
function replyOf(
  d: CaseDetail,
  reviewWindowDays: number,
  words: { t: Translate; th: Translate; f: ReturnType<typeof paperDates>; lang: string },
): PrintedReply | null {
  const at = d.events.findLastIndex((e) => e.type === 'responded');
  const reply = d.events[at];
  if (reply?.type !== 'responded') return null;
  const proposal = d.events.slice(0, at).findLast((e) => e.type === 'proposed');
  const offered = proposal?.type === 'proposed' ? proposal.payload : null;
  const amount = offered?.compensation
    ? new Intl.NumberFormat(words.lang, { maximumFractionDigits: 2 }).format(offered.compensation.amount)
    : null;
  return {
    channelLabel: words.th(`methods.${reply.payload.channel}`),
    content: reply.payload.content,
    findingLabel: offered ? words.th(`findings.${offered.finding}`) : null,
    compensation:
      offered?.compensation && amount
        ? words.t('replyLetter.compensationValue', { amount, form: words.th(`compensationForms.${offered.compensation.form}`) })
        : null,
    repliedAt: words.f.date(reply.at),
    repliedBy: reply.actorName,
    reviewWindowDays,
  };
}

export function buildPrintCase(args: {
  detail: CaseDetail;
  settings: DeskSettings;
  departments: { id: string; name: string }[];
  categories: { id: string; name: string }[];
  decision: (CaseEvent & { actorName: string }) | null;
  copy: number;
  printedAt: Date;
  locale: string | undefined;
}): { data: PrintCase; t: Translate; lang: string } {
  const { detail: d, settings } = args;
  const lang = pickLanguage(args.locale);
  const t = translatorFor(lang, 'print') as unknown as Translate;
  const tc = translatorFor(lang, 'cases') as unknown as Translate;
  const tr = translatorFor(lang, 'registration') as unknown as Translate;
  const th = translatorFor(lang, 'handling') as unknown as Translate;
  const tp = translatorFor(lang, 'privacy') as unknown as Translate;
  const f = paperDates(lang, settings.utcOffsetMinutes);
  const dep = (id: string | undefined | null) => args.departments.find((x) => x.id === id)?.name ?? null;
  const yes = (b: boolean) => (b ? t('yes') : t('no'));
  const fields: PrintedField[] = [];
  const put = (key: string, value: string | null | undefined) => {
    if (value) fields.push({ label: t(`fields.${key}`), value });
  };
  const c = d.complainant;
  const intake = d.intake;
  put('relation', c.relation ? tr(`relations.${c.relation}`) : null);
  put('phone', c.phone);
  put('address', c.address);
  put('unit', c.unit);
  put('idNumber', c.idNumber);
  put('anonymous', yes(d.anonymous));
  put('confidential', yes(d.confidential));
  put('headCount', intake.headCount ? String(intake.headCount) : null);
  put(
    'coComplainants',
    intake.coComplainants?.map((p) => [p.name, p.phone].filter(Boolean).join(' ')).join(t('common:punctuation.entries')),
  );
  put('witnesses', intake.witnesses?.map((w) => [w.name, w.phone].filter(Boolean).join(' ')).join(t('common:punctuation.entries')));
  put('respondentDepartment', dep(d.respondent?.departmentId));
  put('respondentPerson', d.respondent?.person);
  put('occurredAt', intake.occurredAt ? f.dateTime(intake.occurredAt) : null);
  put('occurredPlace', intake.occurredPlace);
  put('letterNumber', intake.letter?.number);
  put('letterDate', intake.letter?.date ? f.calendarDate(intake.letter.date) : null);
  put('transferSource', intake.transfer?.source);
  put('transferReference', intake.transfer?.reference);
  put('attachments', intake.attachments?.map((a) => a.name).join(t('common:punctuation.entries')));
  put('receptionist', d.registeredBy);

  let decision: PrintCase['decision'] = null;
  const e = args.decision;
  if (e?.type === 'declined') {
    const reason = [e.payload.reasonCode ? tr(`declineReasons.${e.payload.reasonCode}`) : null, e.payload.reason]
      .filter(Boolean)
      .join(t('common:punctuation.colon'));
    decision = { title: t('declineNotice.title'), reason, note: null, guidance: [], decidedAt: f.date(e.at) };
  } else if (e?.type === 'redirected') {
    decision = {
      title: t('redirectGuidance.title'),
      reason: tr(`redirectTargets.${e.payload.target}`),
      note: e.payload.note ?? null,
      guidance: tr(`redirectGuidance.${e.payload.target}`)
        .split('\n')
        .filter((line) => line.trim() !== ''),
      decidedAt: f.date(e.at),
    };
  }

  const qrText = printQrText(d.number, d.queryCode);
  const data: PrintCase = {
    orgName: settings.orgName,
    deskName: settings.deskName || null,
    deskPhone: settings.deskPhone,
    number: d.number,
    queryCode: d.queryCode,
    typeLabel: tc(`types.${d.type}`),
    channelLabel: tc(`channels.${d.channel}`),
    severityLabel: tc(`severities.${d.severity}`),
    categoryLabel: args.categories.find((x) => x.id === d.categoryId)?.name ?? null,
    receivedAt: f.dateTime(d.receivedAt),
    feedbackBy: f.date(d.deadlines.feedback),
    resolveBy: f.date(d.deadlines.resolve),
    subject: d.subject,
    content: d.content,
    demands: d.demands,
    complainantName: d.anonymous && !c.name ? t('anonymousName') : c.name,
    complainantAddress: [c.address, c.unit].filter(Boolean).join(' ') || null,
    receptionist: d.registeredBy,
    fields,
    printedAt: f.dateTime(args.printedAt),
    copy: args.copy,
    decision,
    reply: replyOf(d, settings.reviewWindowDays, { t, th, f, lang }),
    privacyNotice: tp('notice.label') + intakeNoticeText(settings.intakeNotice, lang, tp('notice.builtIn')),
    qr: qrMatrix(qrText),
    qrText,
  };
  return { data, t, lang };
}
