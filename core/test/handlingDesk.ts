import type { DeskInput } from '../../domain/api/deskApi.ts';
import type { DeskOptions } from '../desk.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

/**
 * A desk with the people of a small hospital: the admin (supervisor and receptionist too), a
 * receptionist, two handlers of the outpatient department, a second supervisor and a director.
 */
export async function openStaffedDesk(options: Partial<DeskOptions> = {}) {
  const desk = await openTestDesk(options);
  await desk.call('setup.init', {
    orgName: '市第一人民医院',
    profile: 'hospital',
    admin: { username: 'admin', password: 'correct horse 1', displayName: '王主任' },
  });
  const tokens = new Map<string, string>();
  const login = async (username: string, password: string) => {
    const answer = await desk.desk.call('auth.login', { username, password }, {});
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    tokens.set(username, (answer.data as { token: string }).token);
  };
  await login('admin', 'correct horse 1');
  const as = (username: string) => ({ token: tokens.get(username) });
  const { items: departments } = await desk.call('departments.list', {}, as('admin'));
  const [outpatient, nursing] = departments;
  if (!outpatient || !nursing) throw new Error('the hospital profile seeds departments');
  const people = {
    rec: { displayName: '李接待', roles: ['receptionist'] },
    han: { displayName: '赵医生', roles: ['handler'], departmentIds: [outpatient.id] },
    col: { displayName: '钱医生', roles: ['handler'], departmentIds: [outpatient.id] },
    nur: { displayName: '孙护士', roles: ['handler'], departmentIds: [nursing.id] },
    sup: { displayName: '周主管', roles: ['supervisor'] },
    dir: { displayName: '吴院长', roles: ['director'] },
  } as const;
  const ids: Record<string, string> = {};
  for (const [username, p] of Object.entries(people)) {
    const { id } = await desk.call(
      'users.create',
      { username, password: 'desk pass 2026', ...p, roles: [...p.roles], departmentIds: 'departmentIds' in p ? [...p.departmentIds] : [] },
      as('admin'),
    );
    ids[username] = id;
    await login(username, 'desk pass 2026');
  }
  type Who = 'admin' | keyof typeof people;
  return {
    ...desk,
    outpatient,
    nursing,
    ids: ids as Record<keyof typeof people, string>,
    /** Calls as one of the staff. */
    by: <M extends Parameters<typeof desk.call>[0]>(who: Who, method: M, input: DeskInput<M>) => desk.call(method, input, as(who)),
    rawBy: (who: Who, method: string, input: unknown, locale = 'zh-CN') => desk.raw(method, input, { ...as(who), locale }),
    act: (who: Who, id: string, action: DeskInput<'cases.act'>['action']) => desk.call('cases.act', { id, action }, as(who)),
    register: (who: Who, input: Partial<DeskInput<'cases.register'>> = {}) =>
      desk.call('cases.register', { ...sampleComplaint, ...input }, as(who)),
  };
}

export type StaffedDesk = Awaited<ReturnType<typeof openStaffedDesk>>;
