import type { Kysely } from 'kysely';
import { casesByIds, casesOfPhone } from '../../db/queries/caseBoard.ts';
import { listCaseEvents } from '../../db/queries/caseEvents.ts';
import { findCase } from '../../db/queries/cases.ts';
import { readAliases } from '../../db/queries/referenceSync.ts';
import { sealedYearOf } from '../../db/queries/seals.ts';
import { displayNamesOf } from '../../db/queries/users.ts';
import type { Database } from '../../db/schema.ts';
import type { CaseDetail } from '../../domain/api/views.ts';
import { type CaseActor, permittedActions, type RuleContext } from '../../domain/cases/caseRules.ts';
import { namedCases } from '../../domain/cases/namedCases.ts';
import { projectCase } from '../../domain/cases/projection.ts';
import { canonicalEvent, canonicalState } from '../../domain/sync/referenceRecords.ts';
import { actionsFor, assertMayViewCase, mayViewRow, presentDetail } from '../access/caseGate.ts';
import { withDeadlineInfo } from '../deadlines/deadlineViews.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError } from '../deskError.ts';
import { loadSettings } from '../settings.ts';
import { notHeldHere } from '../sync/evidenceSync.ts';
import { mayHandle } from './caseActor.ts';
import { caseDetailOf, caseEventOf } from './caseViews.ts';

const earlierCasesShown = 10;

/** The lifecycle rules' view of "now" and the desk's review window. */
export async function ruleContextOf(ctx: DeskContext, db: Kysely<Database>): Promise<RuleContext> {
  return { now: ctx.now(), reviewWindowDays: (await loadSettings(db)).reviewWindowDays };
}

/**
 * The case as `actor` may see it (masking, hidden complainant, the actions they may take);
 * refused (and audited) when they may not open it. Every call answering a case page uses it,
 * so no answer leaks more than `cases.get` would.
 */
export async function caseDetailFor(
  ctx: DeskContext,
  trx: Kysely<Database>,
  by: { id: string } | { number: string },
  actor: CaseActor,
  rules: RuleContext,
): Promise<CaseDetail> {
  const row = await findCase(trx, by);
  if (!row) throw new DeskError('not_found', { key: 'caseNotFound' });
  assertMayViewCase(actor, row);
  const events = await listCaseEvents(trx, row.id);
  const aliases = await readAliases(trx);
  const state = canonicalState(projectCase(events.map(caseEventOf)), aliases);
  const names = await displayNamesOf(trx, [
    ...events.map((e) => e.actorId),
    ...(state.handlerId ? [state.handlerId] : []),
    row.registered_by,
  ]);
  // A case sealed with its year offers no action to anyone.
  const sealedYear = await sealedYearOf(trx, row.id);
  const allowed = sealedYear === undefined && mayHandle(actor, state) ? actionsFor(actor, row, permittedActions(state, actor, rules)) : [];
  // The cases its history names: the desk's own are links, another site's are words (a transfer brought the naming here).
  const named = namedCases(events);
  const heldHere = await casesByIds(
    trx,
    named.map((n) => n.id),
  );
  const held = new Set(heldHere.map((r) => r.id));
  const linkedIds = new Set(state.linkedCaseIds);
  const detail = caseDetailOf({
    row,
    state,
    events: events.map((e) => canonicalEvent(e, aliases)),
    names,
    allowedActions: allowed,
    // Related cases are shown only when this user may open them (department, recusal).
    linked: heldHere.filter((r) => linkedIds.has(r.id) && mayViewRow(actor, r)),
    earlier: state.complainant.phone
      ? (await casesOfPhone(trx, state.complainant.phone, row.id, earlierCasesShown)).filter((r) => mayViewRow(actor, r))
      : [],
    elsewhere: named.filter((n) => !held.has(n.id)),
    now: rules.now,
  });
  const files = (state.intake.attachments ?? []).map((a) => a.sha256);
  const shown = {
    ...presentDetail(actor, row, detail),
    ...(files.length > 0 ? { remoteEvidence: await notHeldHere(ctx, trx, files) } : {}),
  };
  return withDeadlineInfo(ctx, trx, sealedYear === undefined ? shown : { ...shown, sealedYear });
}
