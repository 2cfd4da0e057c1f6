import type { z } from 'zod';
import type { OrgProfile } from '../cases/vocabulary.ts';
import { type DeskSettingsView, updateSettingsInput } from '../settings/deskSettings.ts';
import {
  byIdInput,
  changePasswordInput,
  createCategoryInput,
  createUserInput,
  listAuditInput,
  listReferenceInput,
  listUsersInput,
  loginInput,
  resetPasswordInput,
  revealInput,
  unlockInput,
  updateCategoryInput,
  updateDepartmentInput,
  updateUserInput,
} from './accessSchemas.ts';
import type { AuditEntry, Category, UserAccount, UserDirectoryEntry } from './accessViews.ts';
import {
  backupConfigureInput,
  backupListInput,
  backupPathInput,
  backupRestoreInput,
  dataExportInput,
  dataImportInput,
  newRecoveryKeyInput,
  recoveryRestoreInput,
  recoveryUnlockInput,
} from './backupSchemas.ts';
import type {
  BackupEntry,
  BackupRun,
  BackupStatus,
  DeskHealth,
  EncryptionStatus,
  ExportResult,
  ImportResult,
  RestoreResult,
} from './backupViews.ts';
import {
  calendarGetInput,
  calendarImportInput,
  calendarSetLocalDayInput,
  onTimeReportInput,
  policyUpdateInput,
} from './deadlineSchemas.ts';
import type { CalendarImportResult, CalendarView, OnTimeReport, PolicyView } from './deadlineViews.ts';
import { boardInput, browseCasesInput, caseHandlersInput, inquireInput, verifyChainInput } from './handlingSchemas.ts';
import type { JobView } from './jobViews.ts';
import { printRenderInput } from './printSchemas.ts';
import { personEraseInput, personExportInput, personQueryInput } from './privacySchemas.ts';
import type { PersonErasure, PersonReport } from './privacyViews.ts';
import {
  addAttachmentsInput,
  getAttachmentInput,
  lookupComplainantInput,
  registerCaseInput,
  suggestTriageInput,
  uploadAttachmentInput,
} from './registrationSchemas.ts';
import type {
  AttachmentContent,
  CasePrintout,
  ComplainantHistory,
  RegistrationOptions,
  StoredAttachment,
  TriageView,
} from './registrationViews.ts';
import {
  analysisInput,
  createCorrectiveActionInput,
  exportInput,
  implementCorrectiveActionInput,
  listCorrectiveActionsInput,
  performanceInput,
  repeatsInput,
  reportRangeInput,
  verifyCorrectiveActionInput,
} from './reportSchemas.ts';
import type { AnalysisReport, CorrectiveAction, ExportedFile, PerformanceReport, RepeatComplainant, ReportSummary } from './reportViews.ts';
import { retentionApplyInput, retentionUpdateInput } from './retentionSchemas.ts';
import type { RetentionPreview, RetentionResult, RetentionSettings } from './retentionViews.ts';
import { actOnCaseInput, createDepartmentInput, emptyInput, getCaseInput, listCasesInput, setupInitInput } from './schemas.ts';
import { sealSealInput, sealYearInput } from './sealSchemas.ts';
import type { SealPreview, SealResult, SealVerification, SealYearSummary } from './sealViews.ts';
import { syncConfigureInput, syncSettleClashInput } from './syncSchemas.ts';
import type { AccountClash, GroupSites, SyncRound, SyncStatus } from './syncViews.ts';
import type {
  BoardColumn,
  CaseDetail,
  CaseHandlerOption,
  CaseInbox,
  CaseInquiry,
  CaseSummary,
  ChainCheck,
  Department,
  RegisteredCase,
  SessionUser,
} from './views.ts';

/**
 * The DeskApi method list: the one place a method is declared. Both transports and the
 * dispatcher are generated from it, so adding a method is a line here and a handler in core/.
 * `session: false` marks the few methods a caller may use before signing in.
 */
export const deskMethods = {
  'setup.status': { input: emptyInput, session: false },
  'setup.init': { input: setupInitInput, session: false },
  'auth.login': { input: loginInput, session: false },
  'auth.logout': { input: emptyInput, session: true },
  'auth.me': { input: emptyInput, session: true },
  'auth.lock': { input: emptyInput, session: true },
  'auth.unlock': { input: unlockInput, session: true },
  'auth.changePassword': { input: changePasswordInput, session: true },
  'cases.register': { input: registerCaseInput, session: true },
  'cases.get': { input: getCaseInput, session: true },
  'cases.list': { input: listCasesInput, session: true },
  'cases.act': { input: actOnCaseInput, session: true },
  'cases.board': { input: boardInput, session: true },
  'cases.browse': { input: browseCasesInput, session: true },
  'cases.inbox': { input: emptyInput, session: true },
  'cases.inquire': { input: inquireInput, session: true },
  'cases.verifyChain': { input: verifyChainInput, session: true },
  'cases.handlers': { input: caseHandlersInput, session: true },
  'cases.reveal': { input: revealInput, session: true },
  'departments.list': { input: listReferenceInput, session: true },
  'departments.create': { input: createDepartmentInput, session: true },
  'desk.health': { input: emptyInput, session: false },
  'backup.status': { input: emptyInput, session: true },
  'backup.configure': { input: backupConfigureInput, session: true },
  'backup.run': { input: emptyInput, session: true },
  'backup.list': { input: backupListInput, session: true },
  'backup.inspect': { input: backupPathInput, session: true },
  'backup.restore': { input: backupRestoreInput, session: true },
  'recovery.list': { input: backupListInput, session: false },
  'recovery.restore': { input: recoveryRestoreInput, session: false },
  'recovery.unlock': { input: recoveryUnlockInput, session: false },
  'keys.status': { input: emptyInput, session: true },
  'keys.newRecoveryKey': { input: newRecoveryKeyInput, session: true },
  'seals.overview': { input: emptyInput, session: true },
  'seals.preview': { input: sealYearInput, session: true },
  'seals.seal': { input: sealSealInput, session: true },
  'seals.verify': { input: sealYearInput, session: true },
  'retention.get': { input: emptyInput, session: true },
  'retention.update': { input: retentionUpdateInput, session: true },
  'retention.preview': { input: emptyInput, session: true },
  'retention.apply': { input: retentionApplyInput, session: true },
  'privacy.find': { input: personQueryInput, session: true },
  'privacy.export': { input: personExportInput, session: true },
  'privacy.erase': { input: personEraseInput, session: true },
  'sync.configure': { input: syncConfigureInput, session: true },
  'sync.status': { input: emptyInput, session: true },
  'sync.now': { input: emptyInput, session: true },
  'sync.leave': { input: emptyInput, session: true },
  'sync.clashes': { input: emptyInput, session: true },
  'sync.settleClash': { input: syncSettleClashInput, session: true },
  'sync.sites': { input: emptyInput, session: true },
  'data.export': { input: dataExportInput, session: true },
  'data.import': { input: dataImportInput, session: false },
  'jobs.status': { input: emptyInput, session: false },
  'calendar.get': { input: calendarGetInput, session: true },
  'calendar.import': { input: calendarImportInput, session: true },
  'calendar.setLocalDay': { input: calendarSetLocalDayInput, session: true },
  'policies.list': { input: emptyInput, session: true },
  'policies.update': { input: policyUpdateInput, session: true },
  'policies.reset': { input: emptyInput, session: true },
  'reports.onTime': { input: onTimeReportInput, session: true },
  'reports.summary': { input: reportRangeInput, session: true },
  'reports.repeats': { input: repeatsInput, session: true },
  'reports.analysis': { input: analysisInput, session: true },
  'reports.export': { input: exportInput, session: true },
  'reports.performance': { input: performanceInput, session: true },
  'correctiveActions.create': { input: createCorrectiveActionInput, session: true },
  'correctiveActions.list': { input: listCorrectiveActionsInput, session: true },
  'correctiveActions.implement': { input: implementCorrectiveActionInput, session: true },
  'correctiveActions.verify': { input: verifyCorrectiveActionInput, session: true },
  'departments.update': { input: updateDepartmentInput, session: true },
  'departments.disable': { input: byIdInput, session: true },
  'departments.enable': { input: byIdInput, session: true },
  'categories.list': { input: listReferenceInput, session: true },
  'categories.create': { input: createCategoryInput, session: true },
  'categories.update': { input: updateCategoryInput, session: true },
  'categories.disable': { input: byIdInput, session: true },
  'categories.enable': { input: byIdInput, session: true },
  'users.directory': { input: emptyInput, session: true },
  'users.list': { input: listUsersInput, session: true },
  'users.create': { input: createUserInput, session: true },
  'users.update': { input: updateUserInput, session: true },
  'users.disable': { input: byIdInput, session: true },
  'users.enable': { input: byIdInput, session: true },
  'users.resetPassword': { input: resetPasswordInput, session: true },
  'settings.get': { input: emptyInput, session: true },
  'settings.update': { input: updateSettingsInput, session: true },
  'audit.list': { input: listAuditInput, session: true },
  'registration.options': { input: emptyInput, session: true },
  'registration.lookup': { input: lookupComplainantInput, session: true },
  'registration.suggest': { input: suggestTriageInput, session: true },
  'print.render': { input: printRenderInput, session: true },
  'attachments.upload': { input: uploadAttachmentInput, session: true },
  'attachments.add': { input: addAttachmentsInput, session: true },
  'attachments.get': { input: getAttachmentInput, session: true },
} as const satisfies Record<string, { input: z.ZodType; session: boolean }>;

export type DeskMethod = keyof typeof deskMethods;

/** The methods a caller may use before signing in. */
export type SessionlessMethod = { [M in DeskMethod]: (typeof deskMethods)[M]['session'] extends false ? M : never }[DeskMethod];

/**
 * Who may call each method that needs no session. `owner` methods may only be called by the
 * person who started the desk: over a transport other programs on the machine can reach, they
 * need the setup token the host printed. `takeover` methods are owner methods that take the
 * desk over (set it up, import into it, restore it); the token is spent by the first that
 * succeeds. Every session-less method is classified here (the type says so), so a new one
 * cannot be left open by forgetting.
 */
export const beforeSignIn = {
  'setup.status': 'anyone',
  'auth.login': 'anyone',
  'desk.health': 'anyone',
  'recovery.list': 'owner',
  'setup.init': 'takeover',
  'data.import': 'takeover',
  'recovery.restore': 'takeover',
  // Useless without the recovery key it carries, which is the secret a caller must already hold.
  'recovery.unlock': 'anyone',
  // Without a session it shows only an import's progress: counts of rows, no record.
  'jobs.status': 'anyone',
} as const satisfies Record<SessionlessMethod, 'anyone' | 'owner' | 'takeover'>;

/** Whether a method needs the setup token ('owner' or 'takeover'), and whether a success spends it. */
export function ownerRule(method: string): { needed: boolean; spent: boolean } {
  const rule = (beforeSignIn as Record<string, string>)[method];
  return { needed: rule === 'owner' || rule === 'takeover', spent: rule === 'takeover' };
}

export interface DeskOutputs {
  'setup.status': { initialized: boolean; orgName: string | null };
  /** The recovery key of an encrypted desk, shown once to write down and print; null for a plain desk. */
  'setup.init': { recoveryKey: string | null };
  'auth.login': { token: string; user: SessionUser };
  'auth.logout': Record<string, never>;
  'auth.me': { user: SessionUser; locked: boolean };
  'auth.lock': Record<string, never>;
  'auth.unlock': { token: string; user: SessionUser; switched: boolean };
  'auth.changePassword': Record<string, never>;
  'cases.register': RegisteredCase;
  'cases.get': CaseDetail;
  'cases.list': { items: CaseSummary[]; next: string | null };
  'cases.act': CaseDetail;
  'cases.board': { columns: BoardColumn[] };
  'cases.browse': {
    items: CaseSummary[];
    next: string | null;
    total: number;
    /** The list has more than `total` cases: counting them all would cost a scan of the store. */
    totalAtLeast: boolean;
  };
  'cases.inbox': CaseInbox;
  'cases.inquire': CaseInquiry;
  'cases.verifyChain': ChainCheck;
  'cases.handlers': { items: CaseHandlerOption[] };
  'cases.reveal': { value: string };
  'departments.list': { items: Department[] };
  'departments.create': { id: string };
  'desk.health': DeskHealth;
  'backup.status': BackupStatus;
  'backup.configure': BackupStatus;
  'backup.run': BackupRun;
  'backup.list': { folder: string; items: BackupEntry[] };
  'backup.inspect': BackupEntry;
  'backup.restore': RestoreResult;
  'recovery.list': { folder: string | null; items: BackupEntry[] };
  'recovery.restore': RestoreResult;
  'recovery.unlock': Record<string, never>;
  'keys.status': EncryptionStatus;
  'keys.newRecoveryKey': { recoveryKey: string; createdAt: string };
  'seals.overview': { years: SealYearSummary[] };
  'seals.preview': SealPreview;
  'seals.seal': SealResult;
  'seals.verify': SealVerification;
  'retention.get': RetentionSettings;
  'retention.update': RetentionSettings;
  'retention.preview': RetentionPreview;
  'retention.apply': RetentionResult;
  /** Everything the desk holds about one person (PIPL art. 45). */
  'privacy.find': PersonReport;
  'privacy.export': ExportedFile;
  /** Removal ahead of retention at the person's request (PIPL art. 47), with retention's tombstone. */
  'privacy.erase': PersonErasure;
  'sync.configure': SyncStatus;
  'sync.status': SyncStatus;
  'sync.now': SyncRound;
  'sync.leave': SyncStatus;
  'sync.clashes': { items: AccountClash[] };
  'sync.settleClash': { items: AccountClash[] };
  'sync.sites': GroupSites;
  'data.export': ExportResult;
  'data.import': ImportResult;
  'jobs.status': { items: JobView[] };
  'calendar.get': CalendarView;
  'calendar.import': CalendarImportResult;
  'calendar.setLocalDay': Record<string, never>;
  'policies.list': { profile: OrgProfile; items: PolicyView[] };
  'policies.update': Record<string, never>;
  'policies.reset': Record<string, never>;
  'reports.onTime': OnTimeReport;
  'reports.summary': ReportSummary;
  'reports.repeats': { items: RepeatComplainant[] };
  'reports.analysis': AnalysisReport;
  'reports.export': ExportedFile;
  /** Performance of departments and people (绩效考核) over a range: what each handled and what was complained about them. */
  'reports.performance': PerformanceReport;
  'correctiveActions.create': { id: string };
  'correctiveActions.list': { items: CorrectiveAction[] };
  'correctiveActions.implement': CorrectiveAction;
  'correctiveActions.verify': CorrectiveAction;
  'departments.update': Record<string, never>;
  'departments.disable': Record<string, never>;
  'departments.enable': Record<string, never>;
  'categories.list': { items: Category[] };
  'categories.create': { id: string };
  'categories.update': Record<string, never>;
  'categories.disable': Record<string, never>;
  'categories.enable': Record<string, never>;
  'users.directory': { items: UserDirectoryEntry[] };
  'users.list': { items: UserAccount[] };
  'users.create': { id: string };
  'users.update': Record<string, never>;
  'users.disable': Record<string, never>;
  'users.enable': Record<string, never>;
  'users.resetPassword': Record<string, never>;
  'settings.get': DeskSettingsView;
  'settings.update': DeskSettingsView;
  'audit.list': {
    items: AuditEntry[];
    /** Names of the records the details mention by id: a case's number, a person's or department's name. */
    names: Record<string, string>;
    next: string | null;
  };
  'registration.options': RegistrationOptions;
  'registration.lookup': ComplainantHistory;
  'registration.suggest': TriageView;
  'print.render': CasePrintout;
  'attachments.upload': StoredAttachment;
  'attachments.add': CaseDetail;
  'attachments.get': AttachmentContent;
}

/** What a caller passes: the schema's input side (before defaults and trimming). */
export type DeskInput<M extends DeskMethod> = z.input<(typeof deskMethods)[M]['input']>;
/** What a handler receives: validated and normalised. */
export type DeskParsedInput<M extends DeskMethod> = z.output<(typeof deskMethods)[M]['input']>;
export type DeskOutput<M extends DeskMethod> = DeskOutputs[M];

export function isDeskMethod(name: string): name is DeskMethod {
  return Object.hasOwn(deskMethods, name);
}
