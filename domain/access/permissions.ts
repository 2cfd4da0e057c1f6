import type { DeskMethod } from '../api/deskApi.ts';
import type { DocumentTemplate } from '../api/printSchemas.ts';
import type { CaseActionType } from '../cases/caseMachine.ts';
import type { Role } from '../cases/vocabulary.ts';
import type { SettingsSection } from '../settings/deskSettings.ts';

/**
 * The permission matrix: who may call each DeskApi method, who may take each case action, and
 * the finer capabilities (seeing personal data, printing, exporting). The core consults it on
 * every call; the renderer only uses it to hide what would be refused anyway.
 *
 * Adding a method or an action without a row here fails the type check and the matrix tests.
 */

/** `public`: no session needed; `signedIn`: any account; otherwise the roles listed. */
export type Audience = 'public' | 'signedIn' | readonly Role[];

export interface MethodRule {
  who: Audience;
  /** May be called while the session is locked (the lock screen's own calls). */
  whileLocked?: boolean;
  /**
   * A method that does different things by its input's `template` narrows `who` per template
   * (print.render: a case's slip for the desk, the analysis for analysts). Each row lies within `who`.
   */
  byTemplate?: Readonly<Record<string, readonly Role[]>>;
  /** A method that changes sections of a whole (settings.update) narrows `who` per section in its input. */
  bySection?: Readonly<Record<string, readonly Role[]>>;
}

const caseWorkers = ['receptionist', 'handler', 'supervisor', 'director'] as const satisfies readonly Role[];
const intake = ['receptionist', 'supervisor'] as const satisfies readonly Role[];
const desk = ['receptionist', 'supervisor', 'director'] as const satisfies readonly Role[];
const overseers = ['supervisor', 'director', 'admin'] as const satisfies readonly Role[];
/** The monthly analysis, performance of people and departments (绩效考核) and corrective actions. */
const analysts = ['supervisor', 'director'] as const satisfies readonly Role[];
const adminOnly = ['admin'] as const satisfies readonly Role[];

/** Case documents carry the complainant in full: printed by those who may print personal data. */
const personalDataPrinters = ['receptionist', 'handler', 'supervisor'] as const satisfies readonly Role[];

/** Who may print each document of `print.render`. */
const templateRoles = {
  slip: personalDataPrinters,
  registrationForm: personalDataPrinters,
  declineNotice: personalDataPrinters,
  redirectGuidance: personalDataPrinters,
  replyLetter: personalDataPrinters,
  monthlyAnalysis: analysts,
  // The year register (归档目录) lists numbers and hashes, no complainant.
  yearRegister: analysts,
  // What the desk holds about one person: for the supervisor who answers their request.
  personReport: ['supervisor'],
} as const satisfies Record<DocumentTemplate, readonly Role[]>;
export const printTemplateRoles: Readonly<Record<DocumentTemplate, readonly Role[]>> = templateRoles;

/** Who may change each section of the settings (domain/settings); everyone signed in reads them. */
const sectionRoles = {
  desk: adminOnly,
  printing: adminOnly,
  // The review window is a handling policy: supervisors own it, as they own overrides and extensions.
  cases: ['supervisor'],
  // What the complainant is told at intake: the privacy officer's words, set by a supervisor or the administrator.
  privacy: ['supervisor', 'admin'],
  deadlines: adminOnly,
} as const satisfies Record<SettingsSection, readonly Role[]>;
export const settingsSectionRoles: Readonly<Record<SettingsSection, readonly Role[]>> = sectionRoles;

const methodRules = {
  'setup.status': { who: 'public', whileLocked: true },
  'setup.init': { who: 'public' },
  'auth.login': { who: 'public', whileLocked: true },
  'auth.logout': { who: 'signedIn', whileLocked: true },
  'auth.me': { who: 'signedIn', whileLocked: true },
  'auth.lock': { who: 'signedIn', whileLocked: true },
  'auth.unlock': { who: 'signedIn', whileLocked: true },
  'auth.changePassword': { who: 'signedIn' },
  'cases.register': { who: intake },
  'cases.get': { who: caseWorkers },
  'cases.list': { who: caseWorkers },
  'cases.act': { who: caseWorkers },
  'cases.reveal': { who: caseWorkers },
  'cases.board': { who: caseWorkers },
  'cases.browse': { who: caseWorkers },
  'cases.inbox': { who: caseWorkers },
  'cases.inquire': { who: desk },
  'cases.verifyChain': { who: overseers },
  'cases.handlers': { who: 'signedIn' },
  'departments.list': { who: 'signedIn' },
  'departments.create': { who: adminOnly },
  'departments.update': { who: adminOnly },
  'departments.disable': { who: adminOnly },
  'departments.enable': { who: adminOnly },
  'categories.list': { who: 'signedIn' },
  'categories.create': { who: adminOnly },
  'categories.update': { who: adminOnly },
  'categories.disable': { who: adminOnly },
  'categories.enable': { who: adminOnly },
  'users.directory': { who: 'signedIn' },
  'users.list': { who: adminOnly },
  'users.create': { who: adminOnly },
  'users.update': { who: adminOnly },
  'users.disable': { who: adminOnly },
  'users.enable': { who: adminOnly },
  'users.resetPassword': { who: adminOnly },
  'settings.get': { who: 'signedIn' },
  'settings.update': { who: ['supervisor', 'admin'], bySection: settingsSectionRoles },
  'audit.list': { who: adminOnly },
  'desk.health': { who: 'public', whileLocked: true },
  // The top bar shows every user whether backups are current.
  'backup.status': { who: 'signedIn' },
  'backup.configure': { who: adminOnly },
  'backup.run': { who: adminOnly },
  'backup.list': { who: adminOnly },
  'backup.inspect': { who: adminOnly },
  'backup.restore': { who: adminOnly },
  // Recovery and import answer only on a damaged or empty desk, and check an administrator's password themselves.
  'recovery.list': { who: 'public' },
  'recovery.restore': { who: 'public' },
  // Only a desk whose key this machine cannot read answers it; the recovery key is the credential.
  'recovery.unlock': { who: 'public' },
  'keys.status': { who: adminOnly },
  'keys.newRecoveryKey': { who: adminOnly },
  // Year-end sealing (年度封存): supervisors seal; the register and its check list numbers and hashes, no personal data.
  'seals.overview': { who: overseers },
  'seals.preview': { who: overseers },
  'seals.seal': { who: ['supervisor'] },
  'seals.verify': { who: overseers },
  // Retention (保存期限): the administrator and supervisors set the periods; a supervisor removes what is due.
  'retention.get': { who: overseers },
  'retention.update': { who: ['supervisor', 'admin'] },
  'retention.preview': { who: ['supervisor'] },
  'retention.apply': { who: ['supervisor'] },
  // The complainant's rights (PIPL art. 44–47): a supervisor finds, copies and removes one person's data, each audited.
  'privacy.find': { who: ['supervisor'] },
  'privacy.export': { who: ['supervisor'] },
  'privacy.erase': { who: ['supervisor'] },
  // Sync (DESIGN.md §10): the administrator joins and leaves a site; everyone sees the status in the top bar and may ask for a round.
  'sync.configure': { who: adminOnly },
  'sync.status': { who: 'signedIn' },
  'sync.now': { who: 'signedIn' },
  'sync.leave': { who: adminOnly },
  'sync.clashes': { who: adminOnly },
  'sync.settleClash': { who: adminOnly },
  // The sites a case may be transferred to: for whoever may transfer one.
  'sync.sites': { who: ['supervisor', 'director'] },
  'data.export': { who: adminOnly },
  'data.import': { who: 'public' },
  // How far a backup, an export or a seal got: each job is shown to whoever may start its kind, and to whoever started it.
  // Public for the import, which runs before anyone signs in: without a session only import jobs are shown.
  'jobs.status': { who: 'public' },
  'calendar.get': { who: 'signedIn' },
  'calendar.import': { who: adminOnly },
  'calendar.setLocalDay': { who: adminOnly },
  'policies.list': { who: 'signedIn' },
  'policies.update': { who: adminOnly },
  'policies.reset': { who: adminOnly },
  'reports.onTime': { who: overseers },
  'reports.summary': { who: analysts },
  'reports.repeats': { who: analysts },
  'reports.analysis': { who: analysts },
  'reports.export': { who: analysts },
  'reports.performance': { who: analysts },
  'correctiveActions.create': { who: analysts },
  'correctiveActions.list': { who: analysts },
  'correctiveActions.implement': { who: analysts },
  'correctiveActions.verify': { who: analysts },
  'registration.options': { who: caseWorkers },
  'registration.lookup': { who: intake },
  'registration.suggest': { who: intake },
  'print.render': { who: caseWorkers, byTemplate: templateRoles },
  'attachments.upload': { who: caseWorkers },
  'attachments.add': { who: caseWorkers },
  'attachments.get': { who: caseWorkers },
} as const satisfies Record<DeskMethod, MethodRule>;

/** Typed loosely for lookups; `satisfies` above makes a missing method a compile error. */
export const methodAccess: Readonly<Record<DeskMethod, MethodRule>> = methodRules;

/**
 * Which roles may take each case action at all (the state machine decides when; the lifecycle's
 * rules in domain/cases/caseRules.ts narrow further by the user's part in the case, e.g. a
 * major case's approval needs a director). Department scoping and recusal come on top, in
 * caseAccess.ts. Actions not yet in the state machine are listed already so that adding one
 * finds its row waiting.
 */
const actionRoles = {
  accept: desk,
  decline: desk,
  resolveOnSpot: intake,
  redirect: desk,
  assign: ['supervisor', 'director'],
  startInvestigation: ['handler', 'supervisor', 'director'],
  note: caseWorkers,
  contact: caseWorkers,
  propose: ['handler', 'supervisor', 'director'],
  approve: ['supervisor', 'director'],
  sendBack: ['supervisor', 'director'],
  respond: ['handler', 'supervisor', 'director'],
  followUp: desk,
  close: desk,
  review: desk,
  escalate: caseWorkers,
  correct: desk,
  archive: ['supervisor', 'director'],
  link: caseWorkers,
  merge: desk,
  extend: ['supervisor', 'director'],
  pause: caseWorkers,
  resume: caseWorkers,
  transfer: ['supervisor', 'director'],
} as const satisfies Record<string, readonly Role[]>;

export const caseActionRoles: Readonly<Record<CaseActionType, readonly Role[]>> = actionRoles;
/** Every action with a row, including those the state machine does not know yet. */
export const caseActionRows: Readonly<Record<string, readonly Role[]>> = actionRoles;

/** Capabilities that are not a whole method: what a role may see or take out of the desk. */
export const capabilityRoles = {
  /** Sees complainants' phone and ID numbers in full (the desk calls them back). */
  'personalData.unmasked': ['receptionist', 'supervisor'],
  /** May reveal a masked number, one at a time, each time audited. */
  'personalData.reveal': ['receptionist', 'handler', 'supervisor', 'director'],
  /** May print documents holding personal data (slip, registration form, reply letter). */
  'personalData.print': personalDataPrinters,
  /** May export personal data out of the desk (CSV, JSON, reports with names); administrators export whole stores. */
  'personalData.export': ['supervisor', 'admin'],
  /** Sees every case, not only those of their departments. */
  'cases.seeAll': ['receptionist', 'supervisor', 'director'],
  /** Sees who complained on a confidential case. */
  'cases.seeConfidentialComplainant': ['receptionist', 'supervisor', 'director'],
  /** Reads the audit log. */
  'audit.view': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Capability = keyof typeof capabilityRoles;

const anyOf = (granted: readonly Role[], roles: readonly Role[]) => roles.some((r) => granted.includes(r));

export function mayCall(roles: readonly Role[] | null, method: DeskMethod): boolean {
  const { who } = methodAccess[method];
  if (who === 'public') return true;
  if (roles === null) return false;
  if (who === 'signedIn') return true;
  return anyOf(who, roles);
}

/** What of a call's input its method's row is narrowed by; null when the whole row applies. */
export function narrowedBy(method: DeskMethod, input: unknown): { template: string } | { sections: string[] } | null {
  const { byTemplate, bySection } = methodAccess[method];
  const template = (input as { template?: unknown } | null)?.template;
  if (byTemplate && typeof template === 'string') return { template };
  if (bySection && input && typeof input === 'object') {
    return { sections: Object.entries(input).flatMap(([name, value]) => (value === undefined ? [] : [name])) };
  }
  return null;
}

/** The method's row narrowed by the input: its template (print.render) or every section it changes (settings.update). */
export function mayCallWith(roles: readonly Role[] | null, method: DeskMethod, input: unknown): boolean {
  if (!mayCall(roles, method)) return false;
  const narrowing = narrowedBy(method, input);
  if (!narrowing) return true;
  const rule = methodAccess[method];
  const allowed = (rows: readonly Role[] | undefined) => rows !== undefined && roles !== null && anyOf(rows, roles);
  if ('template' in narrowing) return allowed(rule.byTemplate?.[narrowing.template]);
  return narrowing.sections.every((name) => allowed(rule.bySection?.[name]));
}

/** May change this section of the settings (the renderer hides what the core would refuse). */
export const mayChangeSettings = (roles: readonly Role[], section: SettingsSection) => anyOf(settingsSectionRoles[section], roles);

/** May print this document (the renderer hides what the core would refuse). */
export const mayPrint = (roles: readonly Role[], template: DocumentTemplate) => anyOf(printTemplateRoles[template], roles);

export function mayTakeAction(roles: readonly Role[], action: CaseActionType): boolean {
  return anyOf(caseActionRoles[action], roles);
}

export function hasCapability(roles: readonly Role[], capability: Capability): boolean {
  return anyOf(capabilityRoles[capability], roles);
}

export function callableWhileLocked(method: DeskMethod): boolean {
  return methodAccess[method].whileLocked === true;
}
