import { DeskError } from '../../../core/deskError.ts';
import { checkedRange } from '../../../core/reports/reportInput.ts';
import { recordGroupAudit } from '../access/groupAudit.ts';
import type { ConsoleContext } from '../consoleContext.ts';
import type { ConsoleHandlers } from '../consoleTypes.ts';
import { groupCaseDetail, groupConflicts, groupRepeats, searchGroupCases } from './groupCases.ts';

/**
 * Every site's cases for the group's supervisors: search, the cases in conflict, one case with
 * its history (personal data masked), its reveal with a reason (written to the group's audit log first), and the
 * complainants who come back across sites. A group viewer is refused by the dispatcher, audited.
 */
export function caseHandlers(
  ctx: ConsoleContext,
): Pick<ConsoleHandlers, 'cases.search' | 'cases.get' | 'cases.reveal' | 'cases.conflicts'> {
  const { db } = ctx;
  const detail = async (id: string, revealed: boolean) => {
    const found = await groupCaseDetail(db, id, revealed);
    if (!found) throw new DeskError('not_found', { key: 'consoleReports:errors.noCase' });
    return found;
  };
  return {
    'cases.search': async (input) => searchGroupCases(db, ctx.dialect, input),
    'cases.conflicts': async (input) => groupConflicts(db, input),
    'cases.get': async (input, call) => {
      const found = await detail(input.id, false);
      await recordGroupAudit(db, ctx.now(), {
        actor: call.session.user,
        action: 'cases.view',
        target: input.id,
        after: { siteId: found.line.siteId, number: found.line.number },
        source: call.source,
      });
      return found;
    },
    'cases.reveal': async (input, call) => {
      const found = await detail(input.id, true);
      await recordGroupAudit(db, ctx.now(), {
        actor: call.session.user,
        action: 'cases.reveal',
        target: input.id,
        after: { siteId: found.line.siteId, number: found.line.number, reason: input.reason },
        source: call.source,
      });
      return found;
    },
  };
}

export function complainantHandlers(ctx: ConsoleContext): Pick<ConsoleHandlers, 'complainants.repeats'> {
  return {
    'complainants.repeats': async (input) => ({
      items: await groupRepeats(ctx.db, checkedRange(input), input.minSites, input.limit),
    }),
  };
}
