import { maskIdNumber, maskPhone } from '../../domain/access/masking.ts';
import type { PersonReport } from '../../domain/api/privacyViews.ts';
import { type PersonKey, personKeyOf } from '../../domain/privacy/personMatch.ts';
import { authorizePersonalDataExport } from '../access/personalDataGate.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import { invalidField } from '../deskError.ts';
import type { Handlers } from '../dispatcher.ts';
import { removeInBatches } from '../retention/applyRetention.ts';
import { loadSettings } from '../settings.ts';
import { exportPerson } from './exportPerson.ts';
import { findPerson } from './findPerson.ts';

type PrivacyHandlers = Pick<Handlers, 'privacy.find' | 'privacy.export' | 'privacy.erase'>;

/** How the audit log names the person asked about: masked, as on a slip, so the log itself leaks no number. */
export function maskedQuery(key: PersonKey) {
  return {
    ...(key.phone ? { phone: maskPhone(key.phone) } : {}),
    ...(key.idNumber ? { idNumber: maskIdNumber(key.idNumber) } : {}),
  };
}

/**
 * The complainant's rights (PIPL art. 44–47), for a supervisor: what the desk holds about one
 * person, as a screen, a paper (print.render's `personReport`) or a file, each audited; and
 * removal ahead of retention with the tombstone retention leaves.
 */
export function privacyHandlers(ctx: DeskContext): PrivacyHandlers {
  const { db } = ctx.store;
  const report = async (q: { phone?: string | undefined; idNumber?: string | undefined }): Promise<PersonReport> =>
    findPerson(db, personKeyOf(q), ctx.now());
  return {
    'privacy.find': async (input, call) => {
      const found = await report(input);
      await recordAudit(ctx, db, {
        actorId: call.session.user.id,
        action: 'privacy.find',
        detail: { ...maskedQuery(personKeyOf(input)), cases: found.cases.length },
      });
      return found;
    },
    'privacy.export': async (input, call) => {
      const found = await report(input);
      const file = await exportPerson(found, input.format, call.locale, (await loadSettings(db)).utcOffsetMinutes);
      await authorizePersonalDataExport(ctx, db, call.session.user, {
        what: 'personReport',
        detail: { ...maskedQuery(personKeyOf(input)), cases: found.cases.length, format: input.format, filename: file.filename },
      });
      return file;
    },
    'privacy.erase': async (input, call) => {
      const found = await report(input);
      const erasable = new Set(found.cases.filter((c) => c.erasable).map((c) => c.id));
      const refused = input.caseIds.filter((id) => !erasable.has(id));
      // A case still being handled, or one where the person is not the complainant, keeps its data: nothing is removed.
      if (refused.length > 0) throw invalidField('caseIds', 'field.notErasable', { count: refused.length });
      const numbers = found.cases.filter((c) => erasable.has(c.id) && input.caseIds.includes(c.id)).map((c) => c.number);
      const actorId = call.session.user.id;
      await recordAudit(ctx, db, {
        actorId,
        action: 'privacy.erase',
        detail: { ...maskedQuery(personKeyOf(input)), numbers, ground: input.ground, note: input.note },
      });
      return removeInBatches(ctx, input.caseIds, actorId, input.ground, (_row, removed) =>
        (['evidence', 'personalData'] as const).filter((k) => !removed.includes(k)),
      );
    },
  };
}
