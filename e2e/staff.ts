import { api } from './ownHost.ts';

/** Everyone who signs in during the e2e specs, on whichever desk a spec sets up; one password for all. */
export const password = 'desk-pass-2026';
export const staff = {
  /** The administrator the first-run wizard creates on the shared host. */
  firstAdmin: { username: 'zhangli', displayName: '张丽' },
  /** The administrator of a desk a spec sets up through the API. */
  admin: { username: 'admin', displayName: '王主任' },
  rec: { username: 'lijie', displayName: '李洁' },
  han: { username: 'zhaoyi', displayName: '赵医生' },
  sup: { username: 'zhouzg', displayName: '周主管' },
  /** A receptionist new to the desk, meeting evidence for the first time. */
  newRec: { username: 'qianmei', displayName: '钱梅' },
  /** A receptionist who works in English (her name too, so no Chinese of hers reaches the screen). */
  enRec: { username: 'linwen', displayName: 'Lin Wen' },
  /** A handler of the outpatient department, and one of the pharmacy who may not open its cases. */
  outpatientHan: { username: 'zhouhong', displayName: '周红' },
  pharmacyHan: { username: 'wuqiang', displayName: '吴强' },
} as const;
export type Staff = keyof typeof staff;

/** A fresh host set up as a hospital desk with `admin`; answers the administrator's token. */
export async function setUpDesk(url: string, orgName = '市第一人民医院'): Promise<string> {
  await api(url, 'setup.init', { orgName, profile: 'hospital', admin: { ...staff.admin, password } });
  return (await api<{ token: string }>(url, 'auth.login', { username: staff.admin.username, password })).token;
}

/** Gives one of the staff an account on the desk, made by its administrator. */
export function addStaff(url: string, adminToken: string, who: Staff, roles: string[], departmentIds: string[] = []) {
  return api<{ id: string }>(url, 'users.create', { ...staff[who], password, roles, departmentIds }, adminToken);
}

/** Signs one of the staff in through the API, for setting up what a spec is not about. */
export async function tokenOf(url: string, who: Staff): Promise<string> {
  return (await api<{ token: string }>(url, 'auth.login', { username: staff[who].username, password })).token;
}

/**
 * Sets up a hospital desk on a fresh host with a receptionist, an outpatient handler and a
 * supervisor, and answers the outpatient department's id.
 */
export async function staffHospital(url: string, orgName?: string): Promise<{ outpatientId: string }> {
  const token = await setUpDesk(url, orgName);
  const { items } = await api<{ items: { id: string; name: string }[] }>(url, 'departments.list', {}, token);
  const outpatient = items.find((d) => d.name === '门诊部');
  if (!outpatient) throw new Error('the hospital profile seeds 门诊部');
  await addStaff(url, token, 'rec', ['receptionist']);
  await addStaff(url, token, 'han', ['handler'], [outpatient.id]);
  await addStaff(url, token, 'sup', ['supervisor']);
  return { outpatientId: outpatient.id };
}
