import type { DeskInput } from '../../../domain/api/deskApi.ts';
import type { AttachmentRef } from '../../../domain/cases/events.ts';
import type { IntakePrompt } from '../../../domain/cases/intakePrompts.ts';
import type { ComplainantRelation } from '../../../domain/cases/intakeVocabulary.ts';
import { type Channel, channels, type RecordType, type Severity } from '../../../domain/cases/vocabulary.ts';

/** The registration form's values: shaped like the call, so the core's field paths land on the fields. */
export type RegisterValues = {
  type: RecordType;
  channel: Channel;
  anonymous: boolean;
  complainant: { name: string; phone: string; relation: string; unit: string; address: string; idNumber: string };
  group: boolean;
  coComplainants: { name: string; phone: string }[];
  headCount: string;
  witnesses: { name: string; phone: string }[];
  subject: string;
  content: string;
  demands: string;
  categoryId: string;
  severity: Severity;
  respondent: { departmentId: string; person: string };
  occurredAt: string;
  occurredPlace: string;
  confidential: boolean;
  letter: { number: string; date: string };
  transfer: { source: string; reference: string };
  receivedAt: string;
  /** The hospital's intake prompts the receptionist ticked as given. */
  promptsGiven: IntakePrompt[];
};

export const lastChannelKey = 'desk.register.lastChannel';

export function initialRegisterValues(): RegisterValues {
  const saved = localStorage.getItem(lastChannelKey);
  return {
    type: 'complaint',
    channel: channels.find((c) => c === saved) ?? 'walkIn',
    anonymous: false,
    complainant: { name: '', phone: '', relation: '', unit: '', address: '', idNumber: '' },
    group: false,
    coComplainants: [],
    headCount: '',
    witnesses: [],
    subject: '',
    content: '',
    demands: '',
    categoryId: '',
    severity: 'general',
    respondent: { departmentId: '', person: '' },
    occurredAt: '',
    occurredPlace: '',
    confidential: false,
    letter: { number: '', date: '' },
    transfer: { source: '', reference: '' },
    receivedAt: '',
    promptsGiven: [],
  };
}

const blank = (s: string) => (s.trim() === '' ? undefined : s);
/** A date and time as the date inputs give it (`YYYY-MM-DD HH:mm:ss`), read as desk time (UTC+8: mainland China, Hong Kong and Taiwan). */
function deskTime(local: string): string | undefined {
  if (!local) return undefined;
  const iso = local.replace(' ', 'T');
  return `${iso.length === 16 ? `${iso}:00` : iso}+08:00`;
}

/** The call for the values: empty fields are left out, channel-specific ones only where they belong. */
export function registerInput(v: RegisterValues, attachments: AttachmentRef[]): DeskInput<'cases.register'> {
  const c = v.complainant;
  const people = (list: { name: string; phone: string }[]) =>
    list.filter((p) => p.name.trim() || p.phone.trim()).map((p) => ({ name: p.name, phone: blank(p.phone) }));
  return {
    type: v.type,
    channel: v.channel,
    anonymous: v.anonymous || undefined,
    complainant: {
      name: blank(c.name),
      phone: blank(c.phone),
      relation: (blank(c.relation) as ComplainantRelation | undefined) ?? undefined,
      unit: blank(c.unit),
      address: blank(c.address),
      idNumber: blank(c.idNumber),
    },
    coComplainants: v.group ? people(v.coComplainants) : undefined,
    headCount: v.group && v.headCount.trim() ? Number(v.headCount) : undefined,
    witnesses: v.witnesses.length ? people(v.witnesses) : undefined,
    subject: v.subject,
    content: v.content,
    demands: blank(v.demands),
    categoryId: blank(v.categoryId),
    severity: v.severity,
    respondent:
      v.respondent.departmentId || v.respondent.person.trim()
        ? { departmentId: blank(v.respondent.departmentId), person: blank(v.respondent.person) }
        : undefined,
    occurredAt: deskTime(v.occurredAt),
    occurredPlace: blank(v.occurredPlace),
    confidential: v.confidential || undefined,
    letter:
      v.channel === 'letter' && (v.letter.number.trim() || v.letter.date)
        ? { number: blank(v.letter.number), date: blank(v.letter.date) }
        : undefined,
    transfer: v.channel === 'transferred' ? { source: v.transfer.source, reference: blank(v.transfer.reference) } : undefined,
    receivedAt: deskTime(v.receivedAt),
    attachments: attachments.length ? attachments : undefined,
    promptsGiven: v.promptsGiven.length ? v.promptsGiven : undefined,
  };
}
