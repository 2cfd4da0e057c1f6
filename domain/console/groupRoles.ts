import type { ConsoleMethod } from './consoleApi.ts';

/** The group's own accounts, apart from any desk's: what each may see and do across the sites. */
export const groupRoles = ['group_admin', 'group_supervisor', 'group_viewer'] as const;
export type GroupRole = (typeof groupRoles)[number];

/** `public`: no session needed; `signedIn`: any group account; otherwise the roles listed. */
export type ConsoleAudience = 'public' | 'signedIn' | readonly GroupRole[];

/** Sites, desks, enrolment codes, accounts and the group audit log. */
export const groupAdmins = ['group_admin'] as const satisfies readonly GroupRole[];
/** Every site's cases, masked, with an audited reveal. */
export const caseReaders = ['group_admin', 'group_supervisor'] as const satisfies readonly GroupRole[];
/** Consolidated reports: every group account. */
export const reportReaders = ['group_admin', 'group_supervisor', 'group_viewer'] as const satisfies readonly GroupRole[];

/**
 * Who may call each console method: one line a method, checked on every call by the console's
 * dispatcher (server/console/consoleHttp.ts). A method without a line fails the type check.
 */
export const consoleMethodRules = {
  'setup.status': 'public',
  'setup.init': 'public',
  'auth.login': 'public',
  'auth.logout': 'signedIn',
  'auth.me': 'signedIn',
  'auth.changePassword': 'signedIn',
  'accounts.list': groupAdmins,
  'accounts.create': groupAdmins,
  'accounts.update': groupAdmins,
  'accounts.disable': groupAdmins,
  'accounts.enable': groupAdmins,
  'accounts.resetPassword': groupAdmins,
  'sites.list': groupAdmins,
  'sites.add': groupAdmins,
  'sites.update': groupAdmins,
  'sites.issueCode': groupAdmins,
  'sites.codes': groupAdmins,
  'sites.revokeCode': groupAdmins,
  'desks.list': groupAdmins,
  'desks.revoke': groupAdmins,
  'audit.list': groupAdmins,
  // A case to another site (转办): whoever works with every site's cases.
  'cases.transfer': caseReaders,
  'cases.transferSites': caseReaders,
  'reports.dashboard': reportReaders,
  'reports.analysis': reportReaders,
  'reports.compare': reportReaders,
  'reports.cases': caseReaders,
  'reports.export': reportReaders,
  'reports.print': reportReaders,
  'cases.search': caseReaders,
  'cases.get': caseReaders,
  'cases.reveal': caseReaders,
  // Cases in conflict: settled at their site's desk, followed by whoever reads every site's cases.
  'cases.conflicts': caseReaders,
  'complainants.repeats': caseReaders,
  'rules.calendar.get': groupAdmins,
  'rules.calendar.preview': groupAdmins,
  'rules.calendar.import': groupAdmins,
  'rules.categories.list': groupAdmins,
  'rules.categories.create': groupAdmins,
  'rules.categories.update': groupAdmins,
  'rules.categories.disable': groupAdmins,
  'rules.categories.enable': groupAdmins,
  'rules.policies.list': groupAdmins,
  'rules.policies.set': groupAdmins,
  'rules.policies.clear': groupAdmins,
} as const satisfies Record<ConsoleMethod, ConsoleAudience>;

export function mayCallConsole(role: GroupRole | null, method: ConsoleMethod): boolean {
  const who: ConsoleAudience = consoleMethodRules[method];
  if (who === 'public') return true;
  if (role === null) return false;
  return who === 'signedIn' || who.includes(role);
}
