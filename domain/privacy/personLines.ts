import type { PersonCase } from '../api/privacyViews.ts';
import type { Complainant, Witness } from '../cases/events.ts';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The fields of a person's case, in the order the report prints and exports them. */
export const personFields = [
  'number',
  'type',
  'status',
  'receivedAt',
  'finishedAt',
  'roles',
  'name',
  'phone',
  'idNumber',
  'address',
  'unit',
  'asCoComplainant',
  'asWitness',
  'subject',
  'content',
  'demands',
  'corrections',
  'attachments',
  'personalDataUntil',
  'evidenceUntil',
  'removed',
] as const;
export type PersonField = (typeof personFields)[number];

const someone = (p: Complainant | Witness) => [p.name, p.phone, 'idNumber' in p ? p.idNumber : undefined].filter(Boolean).join(' ');

/**
 * One case of a person's report as words (the `privacy` namespace's), field by field: the
 * printed report and the exported file say the same. `date` writes an instant in the desk's zone.
 */
export function personLines(c: PersonCase, t: Translate, date: (iso: string) => string): Record<PersonField, string> {
  const list = (items: string[]) => items.join(t('person.separator'));
  const who = c.complainant;
  return {
    number: c.number,
    type: t(`cases:types.${c.type}`),
    status: t(`cases:statuses.${c.status}`),
    receivedAt: date(c.receivedAt),
    finishedAt: c.finishedAt ? date(c.finishedAt) : t('person.stillOpen'),
    roles: list(c.roles.map((r) => t(`person.roles.${r}`))),
    name: who.name,
    phone: who.phone ?? '',
    idNumber: who.idNumber ?? '',
    address: who.address ?? '',
    unit: who.unit ?? '',
    asCoComplainant: list(c.asCoComplainant.map(someone)),
    asWitness: list(c.asWitness.map(someone)),
    subject: c.subject,
    content: c.content,
    demands: c.demands ?? '',
    corrections: list(
      c.corrections.map((k) =>
        t('person.correction', {
          date: date(k.at),
          field: t(`handling:fields.${k.field}`),
          before: k.before ?? '—',
          after: k.after ?? '—',
          reason: k.reason,
        }),
      ),
    ),
    attachments: list(c.attachments.map((a) => t('person.attachment', { name: a.name, kb: Math.max(1, Math.round(a.size / 1024)) }))),
    personalDataUntil: c.personalDataUntil ? date(c.personalDataUntil) : t('person.untilFinished'),
    evidenceUntil: c.evidenceUntil ? date(c.evidenceUntil) : t('person.untilFinished'),
    removed: c.removed.length ? list(c.removed.map((k) => t(`person.removedKinds.${k}`))) : t('person.nothingRemoved'),
  };
}
