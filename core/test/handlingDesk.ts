import type { DeskInput } from '../../domain/api/deskApi.ts';
import type { Department } from '../../domain/api/views.ts';
import type { DeskOptions } from '../desk.ts';
import { type Person, passwordOf, people } from './staff.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

type Who = 'admin' | Person;

/**
 * A desk with the people of a small hospital: the admin (supervisor and receptionist too), a
 * receptionist, two handlers of the outpatient department, a second supervisor and a director.
 */
export async function openStaffedDesk(options: Partial<DeskOptions> = {}) {
  const desk = await openTestDesk(options);
  const tokens = new Map<string, string>();
  tokens.set('admin', (await desk.setupAndLogin()).token);
  // The staff act by name (`by`, `act`); a bare `call` has no session, as on a desk nobody signed in to.
  desk.signOut();
  const { items: departments } = await desk.call('departments.list', {}, { token: tokens.get('admin') });
  const [outpatient, nursing] = departments;
  if (!outpatient || !nursing) throw new Error('the hospital profile seeds departments');
  const ids: Record<string, string> = {};
  for (const [username, p] of Object.entries(people)) {
    const departmentIds = 'department' in p ? [(p.department === 'outpatient' ? outpatient : nursing).id] : [];
    const { id, token } = await desk.person(username, [...p.roles], departmentIds, p.displayName);
    ids[username] = id;
    tokens.set(username, token);
  }
  return staffed(desk, tokens, outpatient, nursing, ids as Record<Person, string>);
}

/** A staffed desk's data directory opened again (after a restart, or a copy put back): everyone signs in anew. */
export async function reopenStaffedDesk(dataDir: string, options: Partial<DeskOptions> = {}) {
  const desk = await openTestDesk({ ...options, dataDir });
  const tokens = new Map<string, string>();
  for (const who of ['admin', ...Object.keys(people)] as Who[]) tokens.set(who, await signIn(desk, who));
  const { items: departments } = await desk.call('departments.list', {}, { token: tokens.get('admin') });
  const [outpatient, nursing] = departments;
  if (!outpatient || !nursing) throw new Error('the hospital profile seeds departments');
  const { items: users } = await desk.call('users.list', {}, { token: tokens.get('admin') });
  const ids = Object.fromEntries(users.map((u) => [u.username, u.id])) as Record<Person, string>;
  return staffed(desk, tokens, outpatient, nursing, ids);
}

async function signIn(desk: Awaited<ReturnType<typeof openTestDesk>>, who: Who): Promise<string> {
  const answer = await desk.desk.call('auth.login', { username: who, password: passwordOf(who) }, {});
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return (answer.data as { token: string }).token;
}

function staffed(
  desk: Awaited<ReturnType<typeof openTestDesk>>,
  tokens: Map<string, string>,
  outpatient: Department,
  nursing: Department,
  ids: Record<Person, string>,
) {
  const as = (username: string) => ({ token: tokens.get(username) });
  return {
    ...desk,
    outpatient,
    nursing,
    ids,
    /** Calls as one of the staff. */
    by: <M extends Parameters<typeof desk.call>[0]>(who: Who, method: M, input: DeskInput<M>) => desk.call(method, input, as(who)),
    rawBy: (who: Who, method: string, input: unknown, locale = 'zh-CN') => desk.raw(method, input, { ...as(who), locale }),
    act: (who: Who, id: string, action: DeskInput<'cases.act'>['action']) => desk.call('cases.act', { id, action }, as(who)),
    register: (who: Who, input: Partial<DeskInput<'cases.register'>> = {}) =>
      desk.call('cases.register', { ...sampleComplaint, ...input }, as(who)),
  };
}

export type StaffedDesk = Awaited<ReturnType<typeof openStaffedDesk>>;
