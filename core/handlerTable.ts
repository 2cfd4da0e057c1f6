import { attachmentHandlers } from './attachments/attachmentHandlers.ts';
import type { UploadKeeper } from './attachments/uploadKeeper.ts';
import { auditHandlers } from './audit/auditHandlers.ts';
import { authHandlers } from './auth/authHandlers.ts';
import { backupHandlers } from './backup/backupHandlers.ts';
import type { BackupService } from './backup/backupService.ts';
import { calendarHandlers } from './calendar/calendarHandlers.ts';
import { boardHandlers } from './cases/boardHandlers.ts';
import { caseHandlers } from './cases/caseHandlers.ts';
import { categoryHandlers } from './categories/categoryHandlers.ts';
import { correctiveActionHandlers } from './correctiveActions/correctiveActionHandlers.ts';
import { dataHandlers } from './data/dataHandlers.ts';
import { departmentHandlers } from './departments/departmentHandlers.ts';
import { healthHandlers } from './desk/healthHandlers.ts';
import type { DeskContext } from './deskContext.ts';
import type { DeskShell } from './deskShell.ts';
import { joinHandlerMaps } from './handlerMaps.ts';
import { jobHandlers } from './jobs/jobHandlers.ts';
import type { Jobs } from './jobs/jobRegistry.ts';
import { keyHandlers } from './keys/keyHandlers.ts';
import { policyHandlers } from './policies/policyHandlers.ts';
import { printHandlers } from './print/printHandlers.ts';
import { privacyHandlers } from './privacy/privacyHandlers.ts';
import { recoveryHandlers } from './recovery/recoveryHandlers.ts';
import { registrationHandlers } from './registration/registrationHandlers.ts';
import { reportHandlers } from './reports/reportHandlers.ts';
import { retentionHandlers } from './retention/retentionHandlers.ts';
import { sealHandlers } from './seals/sealHandlers.ts';
import { settingsHandlers } from './settings/settingsHandlers.ts';
import { setupHandlers } from './setup/setupHandlers.ts';
import { syncHandlers } from './sync/syncHandlers.ts';
import type { SyncService } from './sync/syncService.ts';
import { userHandlers } from './users/userHandlers.ts';

/** The desk's running services the handlers act through. */
export interface DeskServices {
  backups: BackupService;
  uploads: UploadKeeper;
  sync: SyncService;
  jobs: Jobs;
}

/** Every DeskApi method of a running desk: one handler map a method namespace (checked by joinHandlerMaps). */
export function deskHandlers(ctx: DeskContext, shell: DeskShell, { backups, uploads, sync, jobs }: DeskServices) {
  return joinHandlerMaps([
    { prefix: 'setup', handlers: setupHandlers(ctx) },
    { prefix: 'auth', handlers: authHandlers(ctx) },
    { prefix: 'desk', handlers: healthHandlers(ctx, shell) },
    { prefix: 'cases', handlers: caseHandlers(ctx) },
    { prefix: 'cases', handlers: boardHandlers(ctx) },
    { prefix: 'departments', handlers: departmentHandlers(ctx) },
    { prefix: 'categories', handlers: categoryHandlers(ctx) },
    { prefix: 'users', handlers: userHandlers(ctx) },
    { prefix: 'settings', handlers: settingsHandlers(ctx) },
    { prefix: 'audit', handlers: auditHandlers(ctx) },
    { prefix: 'backup', handlers: backupHandlers(ctx, shell, backups) },
    { prefix: 'recovery', handlers: recoveryHandlers(ctx, shell) },
    { prefix: 'data', handlers: dataHandlers(ctx, shell, jobs) },
    { prefix: 'jobs', handlers: jobHandlers(jobs) },
    { prefix: 'calendar', handlers: calendarHandlers(ctx) },
    { prefix: 'policies', handlers: policyHandlers(ctx) },
    { prefix: 'reports', handlers: reportHandlers(ctx) },
    { prefix: 'correctiveActions', handlers: correctiveActionHandlers(ctx) },
    { prefix: 'registration', handlers: registrationHandlers(ctx) },
    { prefix: 'print', handlers: printHandlers(ctx) },
    { prefix: 'attachments', handlers: attachmentHandlers(ctx, uploads) },
    { prefix: 'keys', handlers: keyHandlers(ctx) },
    { prefix: 'seals', handlers: sealHandlers(ctx, jobs) },
    { prefix: 'retention', handlers: retentionHandlers(ctx, jobs) },
    { prefix: 'privacy', handlers: privacyHandlers(ctx) },
    { prefix: 'sync', handlers: syncHandlers(ctx, sync) },
  ]);
}
