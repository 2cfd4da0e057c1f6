import fs from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { type CheckOutcome, quickCheckInBackground, type RunningCheck } from '../db/backgroundCheck.ts';
import { openStore, type Store, storeFileName } from '../db/connection.ts';
import { appendAudit } from '../db/queries/audit.ts';
import { latestClock } from '../db/queries/caseEvents.ts';
import { quickCheck } from '../db/queries/integrity.ts';
import { writeSetting } from '../db/queries/settings.ts';
import { takeStoreLock } from '../db/storeLock.ts';
import { loginPolicy } from '../domain/access/loginPolicy.ts';
import type { RestoreResult } from '../domain/api/backupViews.ts';
import type { CallContext, Envelope } from '../domain/api/envelope.ts';
import { createAccessGuard } from './access/accessGuard.ts';
import { blobsOf } from './attachments/attachmentHandlers.ts';
import { createUploadKeeper } from './attachments/uploadKeeper.ts';
import { createAuditBudget } from './audit/auditBudget.ts';
import { recordAudit } from './audit/recordAudit.ts';
import { createLoginThrottle } from './auth/loginThrottle.ts';
import { createSessions } from './auth/sessions.ts';
import { loadBackupConfig, rememberedBackupFolder } from './backup/backupConfig.ts';
import { type BackupService, createBackupService } from './backup/backupService.ts';
import { damagedDispatcher, type StoreDamage, storeDamageOf } from './backup/damagedStore.ts';
import { placeBackup, putBack, setAsideStore } from './backup/restoreFiles.ts';
import { asStorageError, storageProblemOf } from './backup/storageErrors.ts';
import { loadWorkingCalendar, seedBundledCalendar } from './deadlines/deskTime.ts';
import { sweepDeadlines } from './deadlines/sweep.ts';
import { createContextTools, type DeskContext } from './deskContext.ts';
import { DeskError } from './deskError.ts';
import type { DeskShell } from './deskShell.ts';
import { createDispatcher, type Dispatch } from './dispatcher.ts';
import { keepCreatedFilesPrivate, makeDataFolderPrivate } from './files/privateFiles.ts';
import { deskHandlers } from './handlerTable.ts';
import { createJobs } from './jobs/jobRegistry.ts';
import { placeBackupKeys } from './keys/deskKeyring.ts';
import type { HostKeyring } from './keys/hostKeyring.ts';
import { resolveStoreKey } from './keys/storeKey.ts';
import { completeProjections } from './reports/startupBackfill.ts';
import { reapplyRemovals } from './retention/reapplyRemovals.ts';
import { loadSettings, settingKeys } from './settings.ts';
import { createSyncService, eventWriters, type SyncTiming } from './sync/syncService.ts';
import { translatorFor } from './translate.ts';

export interface DeskOptions {
  dataDir: string;
  /** The clock, replaceable by tests. */
  now?: () => Date;
  /** How long a session lives without a call. */
  sessionIdleMs?: number;
  /** How long a session lives at most. */
  sessionMaxMs?: number;
  log?: (e: unknown) => void;
  /** Daily automatic backups; on unless a test turns them off. */
  backupScheduler?: boolean;
  /**
   * What wraps the store's data key on this machine (safeStorage in Electron, the host key in
   * the browser host). With one, a new desk is encrypted and a plain one is encrypted where it
   * lies; without one (tests, a host started without a key) a plain store stays plain.
   */
  keyring?: HostKeyring | null;
  /** How much uploads waiting to be attached may hold (attachmentLimits), smaller in tests. */
  unattachedMaxBytes?: number;
  /** Sync rounds by themselves once the desk joined a site; on unless a test runs them by hand. */
  syncScheduler?: boolean;
  /** The scheduler's pace, shorter in tests. */
  syncTiming?: Partial<SyncTiming>;
  /** How long after the start the uploads nobody attached are first looked for (firstUploadSweepDelayMs), shorter in tests. */
  uploadSweepDelayMs?: number;
  /** How the store is checked in the background after a crash; tests hold the check open with their own. */
  checkInBackground?: typeof quickCheckInBackground;
}

export interface Desk {
  call(method: string, input: unknown, context?: CallContext): Promise<Envelope<unknown>>;
  close(): Promise<void>;
  /** The backup an orderly quit makes when the administrator left it on; never throws. */
  backupOnQuit(): Promise<void>;
  /** One look at the clock by the backup scheduler (its timer does this every minute). */
  tickBackups(): Promise<void>;
  /** Records deadlines missed since the last sweep; hosts call it on a timer (deadline breaches). */
  sweepDeadlines(): Promise<number>;
  /** Settles when the check of the store after a crash is over (at once when there is none running). */
  storeChecked(): Promise<void>;
  /** 'ok', or why the store could not be opened (the desk then serves only the recovery screen). */
  readonly state: 'ok' | StoreDamage['state'];
  readonly dataDir: string;
}

/** The desk on its open store, or the recovery-only desk on a store that could not be opened. */
interface Instance {
  dispatch: Dispatch;
  state: Desk['state'];
  backups: BackupService | null;
  store: Store | null;
  sweepDeadlines(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Opens the desk in `dataDir`: takes the directory's lock (one desk per data directory),
 * opens the store (quick-checking it unless the last desk closed it properly), and wires the handlers and the dispatcher. A store that
 * cannot be opened (damaged, from a newer version, unreadable) does not stop the desk: it
 * starts in recovery mode, answering only `desk.health` and `recovery.*`, so the screen can
 * offer the latest good backup instead of a crash or a silently empty store.
 */
export async function createDesk(options: DeskOptions): Promise<Desk> {
  const now = options.now ?? (() => new Date());
  const report = options.log ?? ((e) => console.error(e));
  // A damaged page met while running keeps the store suspect: the next start checks every page.
  let damageSeen = false;
  const log = (e: unknown) => {
    if (storageProblemOf(e) === 'damaged') damageSeen = true;
    report(e);
  };
  const { dataDir } = options;
  keepCreatedFilesPrivate();
  fs.mkdirSync(dataDir, { recursive: true });
  makeDataFolderPrivate(dataDir, [storeFileName, `${storeFileName}-wal`, `${storeFileName}-shm`]);
  const lock = takeStoreLock(dataDir);
  // quick_check reads every page (about 3 s at 100,000 cases, 34 s at 1,000,000): worth it after a
  // crash or for a store of unknown history, not after the desk closed itself properly. Damage at
  // rest still shows: reading a damaged page fails, and every backup is integrity-checked. After a
  // crash the desk opens at once and checks in a worker thread ('background'), saying so in
  // desk.health; a store found damaged before, or of unknown history, is checked before it opens.
  let check: 'none' | 'background' | 'now' = lock.previousRun === 'clean' ? 'none' : lock.previousRun === 'unclean' ? 'background' : 'now';
  let backgroundCheck: RunningCheck | null = null;
  let checked: Promise<void> = Promise.resolve();
  let restoring = false;
  // While an import writes, the desk answers only how far it got: any other writer would wait on its lock.
  let importing = false;
  // Kept across a reopening of the store: an import's job is still there to read once the imported desk is open.
  const jobs = createJobs(now, uuidv7);
  // The data key, once known, even when the store it opens turned out damaged: backups of this
  // desk then restore without the recovery key.
  let openedKey: Buffer | null = null;

  const keyring = options.keyring ?? null;
  const shell: DeskShell = {
    dataDir,
    keyring,
    dataKey: () => current.store?.key ?? openedKey,
    checkingStore: () => backgroundCheck !== null,
    rememberedBackupFolder: () => rememberedBackupFolder(dataDir),
    restore: (backup, actor) => restore(backup, actor),
    reload: async () => {
      await current.close();
      current = await openInstance();
    },
    alone: async (work) => {
      importing = true;
      try {
        return await work();
      } finally {
        importing = false;
      }
    },
  };

  async function openInstance(): Promise<Instance> {
    let store: Store | undefined;
    try {
      openedKey = null;
      openedKey = resolveStoreKey(dataDir, keyring, (m) => report(m));
      store = openStore(dataDir, openedKey);
      if (check === 'now') {
        const findings = quickCheck(store.sqlite);
        if (findings.length !== 1 || findings[0] !== 'ok') throw new StoreCheckFailed(findings);
        check = 'none';
      }
      const sqlite = store.sqlite;
      const checkInBackground = options.checkInBackground ?? quickCheckInBackground;
      const running = check === 'background' ? checkInBackground(store.file, store.key, () => quickCheck(sqlite)) : null;
      backgroundCheck = running;
      const instance = await runningInstance(store);
      const close = instance.close;
      instance.close = () => stopBackgroundCheck().then(close);
      if (running) checked = running.done.then((outcome) => afterBackgroundCheck(running, outcome, instance, close), log);
      return instance;
    } catch (e) {
      await stopBackgroundCheck();
      await store?.close().catch(() => undefined);
      return damagedInstance(e);
    }
  }

  function damagedInstance(e: unknown): Instance {
    const damage = storeDamageOf(e);
    log(e);
    return {
      dispatch: damagedDispatcher(shell, damage, log),
      state: damage.state,
      backups: null,
      store: null,
      sweepDeadlines: async () => 0,
      close: async () => {},
    };
  }

  /**
   * The end of a check made while the desk answered. Damage found turns the instance (whether
   * or not it is the current one yet) into the recovery-only desk, as if the start had found
   * it; a check stopped by a close or a restore leaves the store unchecked (`check` stays
   * 'background', so the next opening checks again).
   */
  async function afterBackgroundCheck(running: RunningCheck, outcome: CheckOutcome, instance: Instance, close: () => Promise<void>) {
    if (backgroundCheck !== running || outcome.state === 'stopped') return;
    backgroundCheck = null;
    check = 'none';
    if (outcome.state === 'ok') return;
    await close();
    Object.assign(instance, damagedInstance(new StoreCheckFailed(outcome.findings)));
  }

  async function stopBackgroundCheck(): Promise<void> {
    const running = backgroundCheck;
    backgroundCheck = null;
    await running?.stop();
  }

  async function runningInstance(store: Store): Promise<Instance> {
    let deviceId = (await loadSettings(store.db)).deviceId;
    if (!deviceId) {
      deviceId = uuidv7();
      await writeSetting(store.db, settingKeys.deviceId, deviceId, now().toISOString());
    }
    await seedBundledCalendar(store.db, now().toISOString());
    const sessions = createSessions({
      idleMs: options.sessionIdleMs ?? loginPolicy.sessionIdleHours * 3_600_000,
      // A caller who asks for a longer idle time than the usual maximum age means the longer one.
      maxMs: options.sessionMaxMs ?? Math.max(loginPolicy.sessionMaxHours * 3_600_000, options.sessionIdleMs ?? 0),
      now: () => now().getTime(),
    });
    const ctx: DeskContext = {
      store,
      sessions,
      loginThrottle: createLoginThrottle(() => now().getTime()),
      auditBudget: createAuditBudget(() => now().getTime()),
      calendar: await loadWorkingCalendar(store.db),
      deviceId,
      now,
      ...createContextTools(deviceId, await latestClock(store.db), now),
    };
    const backups = createBackupService(ctx, dataDir, log, jobs);
    const uploads = createUploadKeeper(ctx, blobsOf(ctx), log, options.unattachedMaxBytes);
    const sync = createSyncService(ctx, log, jobs, options.syncTiming);
    const handlers = deskHandlers(ctx, shell, { backups, uploads, sync, jobs });
    await completeProjections(ctx);
    // A store older than a removal (a restored generation, a copy) is cleared again of what the backup folder's ledger says went.
    await reapplyRemovals(ctx, (await loadBackupConfig(store.db, dataDir)).config.folder).catch(log);
    await sweepDeadlines(ctx);
    uploads.start(options.uploadSweepDelayMs);
    if (options.backupScheduler !== false) backups.startScheduler();
    if (options.syncScheduler !== false) sync.start();
    const dispatch = createDispatcher(handlers, sessions, log, createAccessGuard(ctx));
    return {
      // A case event committed is pushed soon after, outside the transaction that wrote it.
      dispatch: async (method, input, context) => {
        const answer = await dispatch(method, input, context);
        if (answer.ok && eventWriters.has(method)) sync.nudge();
        return answer;
      },
      state: 'ok',
      backups,
      store,
      sweepDeadlines: () => sweepDeadlines(ctx),
      close: async () => {
        uploads.stop();
        await sync.stop();
        // Strangers' refusals counted but not yet written are written before the store closes.
        for (const summary of ctx.auditBudget.drain()) await recordAudit(ctx, store.db, summary).catch(log);
        await backups.stop();
        await store.close();
      },
    };
  }

  /**
   * Replaces the store with a verified backup: the open store is closed and set aside (moved
   * into `set-aside/`, never deleted), the backup copied in, and the desk reopened on it. If
   * anything fails on the way, what was set aside is put back and reopened.
   */
  async function restore(
    backup: Parameters<DeskShell['restore']>[0],
    actor: { id: string; username: string } | null,
  ): Promise<RestoreResult> {
    restoring = true;
    try {
      const folder = current.store ? (await loadBackupConfig(current.store.db, dataDir)).config.folder : rememberedBackupFolder(dataDir);
      await current.close();
      const at = now();
      let setAside: string | null = null;
      try {
        // Named for why it was replaced: a working store, or one that could not be opened ('damaged', 'tooNew').
        setAside = setAsideStore(dataDir, at, current.state === 'ok' ? 'before-restore' : current.state, folder);
        await placeBackup(backup, dataDir);
        placeBackupKeys(dataDir, backup, keyring);
      } catch (e) {
        putBack(dataDir, setAside, folder);
        current = await openInstance();
        throw asStorageError(e, dataDir);
      }
      current = await openInstance();
      if (!current.store) {
        await current.close();
        putBack(dataDir, setAside, folder);
        current = await openInstance();
        throw new DeskError('store_error', { key: 'backup:restoreFailed' });
      }
      await appendAudit(current.store.db, {
        id: uuidv7(),
        at: at.toISOString(),
        actor_id: actor?.id ?? null,
        action: 'backup.restore',
        target: backup.dir ?? backup.storeFile,
        detail: JSON.stringify({ setAside, username: actor?.username ?? null }),
      });
      return { setAsidePath: setAside, restoredFrom: backup.dir ?? backup.storeFile, cases: backup.counts.cases ?? 0 };
    } finally {
      restoring = false;
    }
  }

  let current = await openInstance();

  return {
    dataDir,
    get state() {
      return current.state;
    },
    call: (method, input, context = {}) => {
      if (restoring && method !== 'backup.restore' && method !== 'recovery.restore') {
        return Promise.resolve({ ok: false, error: { code: 'store_error', message: translatorFor(context.locale)('backup:restoring') } });
      }
      if (importing && !answeredWhileImporting.has(method)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'conflict', message: translatorFor(context.locale)('backup:import.underWay') },
        });
      }
      return current.dispatch(method, input, context);
    },
    backupOnQuit: async () => {
      try {
        await current.backups?.onQuit();
      } catch (e) {
        log(e);
      }
    },
    tickBackups: async () => {
      if (!importing) await current.backups?.tick();
    },
    sweepDeadlines: async () => (importing ? 0 : current.sweepDeadlines()),
    storeChecked: () => checked,
    close: async () => {
      await current.close();
      // A check stopped half-way (check still 'background') is no proof: the next start checks again.
      lock.release({ trustworthy: current.state === 'ok' && !damageSeen && check === 'none', damaged: damageSeen });
    },
  };
}

/** What the page that started an import, and the desk's health poll, still ask while it runs. */
const answeredWhileImporting = new Set(['jobs.status', 'desk.health']);

class StoreCheckFailed extends Error {
  readonly code = 'SQLITE_CORRUPT';
  constructor(readonly findings: string[]) {
    super(`quick_check: ${findings.slice(0, 5).join('; ')}`);
  }
}
