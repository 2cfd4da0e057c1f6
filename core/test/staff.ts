import type { Role } from '../../domain/cases/vocabulary.ts';

/**
 * The people of the core's test desks, in one place: the administrator every desk is set up
 * with (`setupAndLogin`), the password everyone else shares, and the small hospital of a
 * staffed desk (`openStaffedDesk`). Anyone else a test needs is made with `person(...)`.
 */
export const admin = { username: 'admin', password: 'correct horse 1', displayName: '王主任' } as const;
export const staffPassword = 'desk pass 2026';

/** The organisation a test desk is set up as. */
export const testOrg = { orgName: '市第一人民医院', profile: 'hospital' } as const;

/** A receptionist, two handlers of the outpatient department, a nurse, a second supervisor and a director. */
export const people = {
  rec: { displayName: '李接待', roles: ['receptionist'] },
  han: { displayName: '赵医生', roles: ['handler'], department: 'outpatient' },
  col: { displayName: '钱医生', roles: ['handler'], department: 'outpatient' },
  nur: { displayName: '孙护士', roles: ['handler'], department: 'nursing' },
  sup: { displayName: '周主管', roles: ['supervisor'] },
  dir: { displayName: '吴院长', roles: ['director'] },
} as const satisfies Record<string, { displayName: string; roles: readonly Role[]; department?: 'outpatient' | 'nursing' }>;
export type Person = keyof typeof people;

/** The password a test desk's user signs in with. */
export const passwordOf = (username: string) => (username === admin.username ? admin.password : staffPassword);
