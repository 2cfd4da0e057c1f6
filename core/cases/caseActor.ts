import type { Kysely } from 'kysely';
import { findUserById } from '../../db/queries/users.ts';
import type { Database } from '../../db/schema.ts';
import { mayViewCase } from '../../domain/access/caseAccess.ts';
import type { CaseActor } from '../../domain/cases/caseRules.ts';
import type { CaseState } from '../../domain/cases/projection.ts';
import type { Session } from '../auth/sessions.ts';
import { DeskError } from '../deskError.ts';

/** The session's user with their departments, read fresh so a change of role applies at once. */
export async function actorOf(db: Kysely<Database>, session: Session): Promise<CaseActor> {
  const row = await findUserById(db, session.user.id);
  if (!row || row.disabled) throw new DeskError('unauthenticated', { key: 'unauthenticated' });
  return { id: row.id, roles: row.roles, departmentIds: row.department_ids };
}

/**
 * The seam for access rules beyond the lifecycle: recusal (回避) and department membership from
 * domain/access. False hides the case's actions from this user and refuses them in the core.
 */
export function mayHandle(actor: CaseActor, state: CaseState): boolean {
  return mayViewCase(actor, {
    respondentUserId: state.respondent?.userId ?? null,
    departmentId: state.departmentId,
    coDepartmentIds: state.coDepartmentIds,
    handlerId: state.handlerId,
    confidential: state.confidential,
  }).ok;
}
