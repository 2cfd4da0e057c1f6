import { api } from './ownHost.ts';

/** The people of the shared-workstation specs: one hospital desk, one password for all. */
export const password = 'desk-pass-2026';
export const staff = {
  admin: { username: 'admin', displayName: '王主任' },
  rec: { username: 'lijie', displayName: '李洁' },
  han: { username: 'zhaoyi', displayName: '赵医生' },
  sup: { username: 'zhouzg', displayName: '周主管' },
} as const;

/**
 * Sets up a hospital desk on a fresh host with a receptionist, an outpatient handler and a
 * supervisor, and answers the outpatient department's id.
 */
export async function staffHospital(url: string): Promise<{ outpatientId: string }> {
  await api(url, 'setup.init', {
    orgName: '市第一人民医院',
    profile: 'hospital',
    admin: { username: staff.admin.username, password, displayName: staff.admin.displayName },
  });
  const { token } = await api<{ token: string }>(url, 'auth.login', { username: staff.admin.username, password });
  const { items } = await api<{ items: { id: string; name: string }[] }>(url, 'departments.list', {}, token);
  const outpatient = items.find((d) => d.name === '门诊部');
  if (!outpatient) throw new Error('the hospital profile seeds 门诊部');
  const create = (p: { username: string; displayName: string }, roles: string[], departmentIds: string[] = []) =>
    api(url, 'users.create', { ...p, password, roles, departmentIds }, token);
  await create(staff.rec, ['receptionist']);
  await create(staff.han, ['handler'], [outpatient.id]);
  await create(staff.sup, ['supervisor']);
  return { outpatientId: outpatient.id };
}
