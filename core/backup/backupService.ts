import fs from 'node:fs';
import { appendAudit } from '../../db/queries/audit.ts';
import { countUsers } from '../../db/queries/users.ts';
import type { BackupRun, BackupStatus, BackupTrigger } from '../../domain/api/backupViews.ts';
import { isBackupDue, isBackupOverdue, lastScheduledInstant } from '../../domain/backup/schedule.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError, type MessageRef } from '../deskError.ts';
import type { JobProgress, Jobs } from '../jobs/jobRegistry.ts';
import { backupEncryptionOf } from '../keys/deskKeyring.ts';
import { addToLedger, removalsInStore } from '../retention/removalLedger.ts';
import { loadSettings } from '../settings.ts';
import { translatorFor } from '../translate.ts';
import { loadBackupConfig, rememberBackupFolder, type StoredBackupRun, saveBackupRun } from './backupConfig.ts';
import { BackupVerificationError, rotateBackups, writeBackup } from './backupWriter.ts';
import { storageMessage, storageProblemOf } from './storageErrors.ts';

/** How often the scheduler looks at the clock; a backup starts within this of its time. */
const tickMs = 60_000;

/**
 * The desk's backups: one at a time (a second request waits for the running one), each
 * recorded in the settings (last attempt, last good one) and the audit log, a scheduler that
 * backs up daily at the set time and catches up after the PC was off, and the backup on quit.
 */
export function createBackupService(ctx: DeskContext, dataDir: string, log: (e: unknown) => void, jobs: Jobs) {
  const { db } = ctx.store;
  let running: Promise<StoredBackupRun> | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function attempt(trigger: BackupTrigger, actorId: string | null, progress: JobProgress): Promise<StoredBackupRun> {
    const { config } = await loadBackupConfig(db, dataDir);
    const settings = await loadSettings(db);
    const at = ctx.now();
    const started = performance.now();
    let run: StoredBackupRun;
    try {
      if (config.isDefaultFolder) fs.mkdirSync(config.folder, { recursive: true });
      const written = await writeBackup({
        storeFile: ctx.store.file,
        dataDir,
        folder: config.folder,
        at,
        trigger,
        deviceId: ctx.deviceId,
        orgName: settings.orgName || null,
        encryption: ctx.store.key ? { dataKey: ctx.store.key, manifest: backupEncryptionOf(dataDir, ctx.store.key) } : null,
        progress,
      });
      rotateBackups(config.folder, ctx.deviceId, config.keep);
      // Beside the generations, every removal so far: a generation restored later is cleared of them again.
      addToLedger(config.folder, ctx.deviceId, ctx.store.key, await removalsInStore(db));
      rememberBackupFolder(dataDir, config.folder);
      const durationMs = Math.round(performance.now() - started);
      const cases = written.manifest.counts.cases ?? 0;
      run = { at: at.toISOString(), ok: true, trigger, path: written.path, bytes: written.bytes, durationMs, cases, error: null };
    } catch (e) {
      const durationMs = Math.round(performance.now() - started);
      run = {
        at: at.toISOString(),
        ok: false,
        trigger,
        path: null,
        bytes: 0,
        durationMs,
        cases: 0,
        error: failureMessage(e, config.folder),
      };
      if (!storageProblemOf(e)) log(e);
    }
    try {
      await saveBackupRun(db, run);
      await appendAudit(db, {
        id: ctx.newId(),
        at: run.at,
        actor_id: actorId,
        action: 'backup.run',
        target: run.path,
        detail: JSON.stringify({ ok: run.ok, trigger, error: run.error?.key ?? null }),
      });
    } catch (e) {
      // The store itself may be what is full; the run's result is still answered.
      log(e);
    }
    return run;
  }

  function failureMessage(e: unknown, folder: string): MessageRef {
    if (e instanceof DeskError) return e.ref;
    const problem = storageProblemOf(e);
    if (problem) return storageMessage(problem, folder);
    if (e instanceof BackupVerificationError) return { key: 'backup:verifyFailed', values: { detail: e.message } };
    return { key: 'backup:failed', values: { detail: e instanceof Error ? e.message : String(e) } };
  }

  function run(trigger: BackupTrigger, actorId: string | null): Promise<StoredBackupRun> {
    // Every backup, scheduled or asked for, is a job the screens can follow; its failure is in its answer.
    running ??= jobs
      .run(
        'backup',
        actorId,
        (progress) => attempt(trigger, actorId, progress),
        (run) => run.error,
      )
      .finally(() => {
        running = null;
      });
    return running;
  }

  async function initialized() {
    return (await countUsers(db)) > 0;
  }

  async function tick() {
    if (running || !(await initialized())) return;
    const { config, last } = await loadBackupConfig(db, dataDir);
    const { utcOffsetMinutes } = await loadSettings(db);
    if (isBackupDue(ctx.now(), config.dailyTime, utcOffsetMinutes, last)) await run('scheduled', null);
  }

  return {
    run,
    /** One look at the clock: backs up when a scheduled time has passed since the last attempt. */
    tick,
    startScheduler() {
      timer = setInterval(() => void tick().catch(log), tickMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
    async onQuit() {
      if (!(await initialized())) return;
      const { config } = await loadBackupConfig(db, dataDir);
      if (config.onQuit) await run('quit', null);
    },
    async status(locale: string | undefined): Promise<BackupStatus> {
      const { config, last, lastGood } = await loadBackupConfig(db, dataDir);
      const { utcOffsetMinutes } = await loadSettings(db);
      const now = ctx.now();
      const next = new Date(lastScheduledInstant(now, config.dailyTime, utcOffsetMinutes).getTime() + 86_400_000);
      return {
        config,
        last: last ? viewOf(last, locale) : null,
        lastGood: lastGood ? viewOf(lastGood, locale) : null,
        overdue: isBackupOverdue(now, lastGood?.at ?? null),
        running: running !== null,
        nextAt: next.toISOString(),
      };
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;

export function viewOf(run: StoredBackupRun, locale: string | undefined): BackupRun {
  const t = translatorFor(locale);
  return { ...run, error: run.error ? t(run.error.key, run.error.values ?? {}) : null };
}
