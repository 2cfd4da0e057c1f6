import { DeskError, invalidField } from '../../../core/deskError.ts';
import { canApply } from '../../../domain/cases/caseMachine.ts';
import type { CaseEventData } from '../../../domain/cases/events.ts';
import { seenFromSite } from '../../../domain/cases/projection.ts';
import type { WireEvent } from '../../../domain/sync/protocol.ts';
import { foldWireEvents, projectCases } from '../../store/caseProjection.ts';
import { advanceSequence, findSite, insertEvents, lockSequence, siteOfCases } from '../../store/queries.ts';
import { eventsOfCase, listSites } from '../../store/transferQueries.ts';
import { settleTransfers } from '../../transfers/caseTransfers.ts';
import { serverEvent } from '../../transfers/serverEvent.ts';
import { recordGroupAudit } from '../access/groupAudit.ts';
import type { ConsoleContext } from '../consoleContext.ts';
import type { ConsoleHandlers } from '../consoleTypes.ts';

/**
 * A case transferred to another site at the console (转办): the same `transferred` event a
 * desk records, written by the server into the case's history in the sending site's sequence,
 * and the case moved in the same transaction, so the sending site's desks see it leave and the
 * receiving site's desks receive its whole history at their next sync. Nothing is written when
 * the case, the site or the case's state refuses it.
 */
export function transferHandlers(ctx: ConsoleContext): Pick<ConsoleHandlers, 'cases.transfer' | 'cases.transferSites'> {
  const { db } = ctx;
  return {
    'cases.transferSites': async (input) => {
      const [owner] = await siteOfCases(db, [input.caseId]);
      if (!owner) throw invalidField('caseId', 'consoleTransfer:error.noCase');
      const sites = await listSites(db);
      const here = sites.find((s) => s.id === owner.site_id);
      if (!here) throw new DeskError('not_found', { key: 'consoleTransfer:error.noCase' });
      return { here, others: sites.filter((s) => s.id !== owner.site_id) };
    },
    'cases.transfer': async (input, call) => {
      const now = ctx.now();
      const user = call.session.user;
      return db.transaction().execute(async (trx) => {
        const [owner] = await siteOfCases(trx, [input.caseId]);
        if (!owner) throw invalidField('caseId', 'consoleTransfer:error.noCase');
        const to = await findSite(trx, input.toSiteId);
        if (!to) throw invalidField('toSiteId', 'consoleTransfer:error.unknownSite');
        if (to.id === owner.site_id) throw invalidField('toSiteId', 'consoleTransfer:error.sameSite');
        const from = await findSite(trx, owner.site_id);
        if (!from) throw new DeskError('not_found', { key: 'consoleTransfer:error.noCase' });
        // The sending site's writers wait behind this: the case's heads cannot change under it.
        const last = await lockSequence(trx, from.id, ctx.dialect === 'postgres');
        const held = (await eventsOfCase(trx, input.caseId)).map((r) => JSON.parse(r.body) as WireEvent);
        const state = seenFromSite(foldWireEvents(held), String(from.id));
        if (!canApply(state.status, 'transfer')) {
          throw new DeskError('invalid_transition', { key: 'consoleTransfer:error.notOpen', values: { number: state.number } });
        }
        const data: CaseEventData = {
          type: 'transferred',
          payload: { from: { id: String(from.id), name: from.name }, to: { id: String(to.id), name: to.name }, reason: input.reason },
        };
        const event = serverEvent(held, data, { actorId: user.id, device: 'console' }, now);
        const deskId = `console:${user.id}`;
        await insertEvents(trx, [
          {
            site_id: from.id,
            seq: last + 1,
            id: event.id,
            case_id: event.caseId,
            hash: event.hash,
            desk_id: deskId,
            body: JSON.stringify(event),
            received_at: now.toISOString(),
          },
        ]);
        await advanceSequence(trx, from.id, last + 1);
        await settleTransfers(trx, ctx, deskId, from.id, [event], new Map([[event.caseId, from.id]]));
        // The group's reports and search read the case under the site that holds it now.
        await projectCases(trx, to.id, [event.caseId]);
        await recordGroupAudit(trx, now, {
          actor: user,
          action: 'cases.transfer',
          target: input.caseId,
          before: { site: from.name, number: state.number },
          after: { site: to.name, reason: input.reason },
          source: call.source,
        });
        ctx.log(`case ${state.number} transferred from ${from.name} to ${to.name} by ${user.username}`);
        return {
          caseId: input.caseId,
          number: state.number,
          from: { id: from.id, name: from.name },
          to: { id: to.id, name: to.name },
          at: event.at,
        };
      });
    },
  };
}
