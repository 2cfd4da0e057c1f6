import type { z } from 'zod';
import { changePasswordInput, loginInput } from '../api/accessSchemas.ts';
import type { ExportedFile } from '../api/reportViews.ts';
import { emptyInput } from '../api/schemas.ts';
import {
  accountByIdInput,
  accountCreateInput,
  accountResetPasswordInput,
  accountUpdateInput,
  consoleSetupInput,
  groupAuditListInput,
} from './accessSchemas.ts';
import type { ConsoleLogin, ConsoleSessionUser, GroupAccountView, GroupAuditEntry } from './accessViews.ts';
import { compareSitesInput, figureCasesInput, groupAnalysisInput, groupDashboardInput, groupExportInput } from './reportsSchemas.ts';
import type { GroupAnalysis, GroupCaseList, GroupDashboard, GroupRepeatComplainant, SiteComparison } from './reportsViews.ts';
import {
  rulesCalendarInput,
  rulesCategoryByIdInput,
  rulesCategoryCreateInput,
  rulesCategoryUpdateInput,
  rulesPolicyClearInput,
  rulesPolicySetInput,
} from './rulesSchemas.ts';
import type { CalendarPreview, GroupCalendarYear, GroupCategory, GroupPolicy } from './rulesViews.ts';
import { groupCaseInput, groupConflictsInput, groupRepeatsInput, groupSearchInput, revealInput } from './searchSchemas.ts';
import type { GroupCaseDetail, GroupConflicts } from './searchViews.ts';
import { deskRevokeInput, siteAddInput, siteCodesInput, siteIssueCodeInput, siteRevokeCodeInput, siteUpdateInput } from './siteSchemas.ts';
import type { DeskView, EnrolmentCodeView, IssuedCode, SiteView } from './siteViews.ts';
import { caseTransferInput, caseTransferSitesInput } from './transferSchemas.ts';
import type { CaseTransferResult, CaseTransferSites } from './transferViews.ts';

/**
 * The group console's method list, the console's counterpart of domain/api/deskApi.ts: the one
 * place a method is declared (name → input schema, session needed). The server's dispatcher
 * and the console's client are typed from it. Each area adds its lines here and in
 * `ConsoleOutputs`, its schemas and views in its own files, and its row in groupRoles.ts.
 */
export const consoleMethods = {
  'setup.status': { input: emptyInput, session: false },
  'setup.init': { input: consoleSetupInput, session: false },
  'auth.login': { input: loginInput, session: false },
  'auth.logout': { input: emptyInput, session: true },
  'auth.me': { input: emptyInput, session: true },
  'auth.changePassword': { input: changePasswordInput, session: true },
  'accounts.list': { input: emptyInput, session: true },
  'accounts.create': { input: accountCreateInput, session: true },
  'accounts.update': { input: accountUpdateInput, session: true },
  'accounts.disable': { input: accountByIdInput, session: true },
  'accounts.enable': { input: accountByIdInput, session: true },
  'accounts.resetPassword': { input: accountResetPasswordInput, session: true },
  'sites.list': { input: emptyInput, session: true },
  'sites.add': { input: siteAddInput, session: true },
  'sites.update': { input: siteUpdateInput, session: true },
  'sites.issueCode': { input: siteIssueCodeInput, session: true },
  'sites.codes': { input: siteCodesInput, session: true },
  'sites.revokeCode': { input: siteRevokeCodeInput, session: true },
  'desks.list': { input: emptyInput, session: true },
  'desks.revoke': { input: deskRevokeInput, session: true },
  'audit.list': { input: groupAuditListInput, session: true },
  'cases.transfer': { input: caseTransferInput, session: true },
  'cases.transferSites': { input: caseTransferSitesInput, session: true },
  'reports.dashboard': { input: groupDashboardInput, session: true },
  'reports.analysis': { input: groupAnalysisInput, session: true },
  'reports.compare': { input: compareSitesInput, session: true },
  'reports.cases': { input: figureCasesInput, session: true },
  'reports.export': { input: groupExportInput, session: true },
  'reports.print': { input: groupExportInput, session: true },
  'cases.search': { input: groupSearchInput, session: true },
  'cases.get': { input: groupCaseInput, session: true },
  'cases.reveal': { input: revealInput, session: true },
  'cases.conflicts': { input: groupConflictsInput, session: true },
  'complainants.repeats': { input: groupRepeatsInput, session: true },
  'rules.calendar.get': { input: emptyInput, session: true },
  'rules.calendar.preview': { input: rulesCalendarInput, session: true },
  'rules.calendar.import': { input: rulesCalendarInput, session: true },
  'rules.categories.list': { input: emptyInput, session: true },
  'rules.categories.create': { input: rulesCategoryCreateInput, session: true },
  'rules.categories.update': { input: rulesCategoryUpdateInput, session: true },
  'rules.categories.disable': { input: rulesCategoryByIdInput, session: true },
  'rules.categories.enable': { input: rulesCategoryByIdInput, session: true },
  'rules.policies.list': { input: emptyInput, session: true },
  'rules.policies.set': { input: rulesPolicySetInput, session: true },
  'rules.policies.clear': { input: rulesPolicyClearInput, session: true },
} as const satisfies Record<string, { input: z.ZodType; session: boolean }>;

export type ConsoleMethod = keyof typeof consoleMethods;

export interface ConsoleOutputs {
  'setup.status': { initialized: boolean; groupName: string | null };
  'setup.init': Record<string, never>;
  'auth.login': ConsoleLogin;
  'auth.logout': Record<string, never>;
  'auth.me': { user: ConsoleSessionUser; groupName: string };
  'auth.changePassword': Record<string, never>;
  'accounts.list': { items: GroupAccountView[] };
  'accounts.create': { id: string };
  'accounts.update': Record<string, never>;
  'accounts.disable': Record<string, never>;
  'accounts.enable': Record<string, never>;
  'accounts.resetPassword': Record<string, never>;
  'sites.list': { items: SiteView[] };
  'sites.add': { id: number };
  'sites.update': Record<string, never>;
  'sites.issueCode': IssuedCode;
  'sites.codes': { items: EnrolmentCodeView[] };
  'sites.revokeCode': Record<string, never>;
  'desks.list': { items: DeskView[]; serverTime: string };
  'desks.revoke': Record<string, never>;
  'audit.list': { items: GroupAuditEntry[]; next: number | null };
  'cases.transfer': CaseTransferResult;
  'cases.transferSites': CaseTransferSites;
  'reports.dashboard': GroupDashboard;
  'reports.analysis': GroupAnalysis;
  'reports.compare': SiteComparison;
  'reports.cases': GroupCaseList;
  'reports.export': ExportedFile;
  'reports.print': { html: string };
  'cases.search': GroupCaseList;
  'cases.get': GroupCaseDetail;
  'cases.reveal': GroupCaseDetail;
  'cases.conflicts': GroupConflicts;
  'complainants.repeats': { items: GroupRepeatComplainant[] };
  'rules.calendar.get': { years: GroupCalendarYear[] };
  'rules.calendar.preview': CalendarPreview;
  'rules.calendar.import': { years: { year: number; holidays: number; makeUpDays: number; replaced: boolean }[]; sites: number };
  'rules.categories.list': { items: GroupCategory[] };
  'rules.categories.create': { id: string; sites: number };
  'rules.categories.update': { sites: number };
  'rules.categories.disable': { sites: number };
  'rules.categories.enable': { sites: number };
  'rules.policies.list': { items: GroupPolicy[] };
  'rules.policies.set': { sites: number };
  'rules.policies.clear': { sites: number };
}

/** What a caller passes: the schema's input side (before defaults and trimming). */
export type ConsoleInput<M extends ConsoleMethod> = z.input<(typeof consoleMethods)[M]['input']>;
/** What a handler receives: validated and normalised. */
export type ConsoleParsedInput<M extends ConsoleMethod> = z.output<(typeof consoleMethods)[M]['input']>;
export type ConsoleOutput<M extends ConsoleMethod> = ConsoleOutputs[M];
export type ConsoleInputs = { [M in ConsoleMethod]: ConsoleInput<M> };

export function isConsoleMethod(name: string): name is ConsoleMethod {
  return Object.hasOwn(consoleMethods, name);
}

/** The one console method that takes a new server over: it needs the setup token the server printed. */
export const consoleTakeover: ConsoleMethod = 'setup.init';
