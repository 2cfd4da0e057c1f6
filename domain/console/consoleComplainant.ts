import { maskName, maskPhone } from '../access/masking.ts';
import type { CaseEvent, CaseEventData } from '../cases/events.ts';
import type { ConsoleComplainant } from './reportsViews.ts';

/**
 * Personal data as the group's console shows it: masked (张*, 138****8000) unless a supervisor
 * revealed the case, which is audited; a confidential complainant hidden altogether until then.
 */
export function consoleComplainant(
  c: { name: string; phone: string | null; confidential: boolean },
  revealed: boolean,
): ConsoleComplainant {
  if (revealed) return { name: c.name, phone: c.phone, masked: false, hidden: false };
  if (c.confidential) return { name: '', phone: null, masked: true, hidden: true };
  return { name: maskName(c.name), phone: c.phone ? maskPhone(c.phone) : null, masked: true, hidden: false };
}

const complainantFields = new Set(['complainant.name', 'complainant.phone', 'complainant.address', 'complainant.unit']);

/**
 * An event with the personal data it carries masked: the registration's complainant and
 * co-complainants, a contact's person, a correction of the complainant's details.
 */
export function maskedEvent<E extends CaseEvent>(e: E): E {
  const data = e as CaseEventData;
  switch (data.type) {
    case 'registered': {
      const p = data.payload;
      const masked = {
        ...p,
        complainant: {
          name: maskName(p.complainant.name),
          ...(p.complainant.phone ? { phone: maskPhone(p.complainant.phone) } : {}),
        },
        intake: p.intake ? { ...p.intake, coComplainants: undefined, witnesses: undefined } : undefined,
      };
      return { ...e, payload: masked };
    }
    case 'contacted':
      return { ...e, payload: { ...data.payload, person: maskName(data.payload.person) } };
    case 'corrected':
      if (!complainantFields.has(data.payload.field)) return e;
      return {
        ...e,
        payload: {
          ...data.payload,
          before: data.payload.before === null ? null : '***',
          after: data.payload.after === null ? null : '***',
        },
      };
    default:
      return e;
  }
}
