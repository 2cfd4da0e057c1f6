import { readRefCursor } from '../../db/queries/referenceSync.ts';
import {
  countOutbox,
  countWaiting,
  readSyncConfig,
  replaceGroupSites,
  type SyncConfigRow,
  updateSyncConfig,
} from '../../db/queries/sync.ts';
import type { SyncError, SyncRound, SyncStatus } from '../../domain/api/syncViews.ts';
import { maxBatch } from '../../domain/sync/protocol.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import type { DeskContext } from '../deskContext.ts';
import { DeskError } from '../deskError.ts';
import type { JobProgress, Jobs } from '../jobs/jobRegistry.ts';
import { pushAudit } from './auditUpload.ts';
import { readDeskAbout } from './deskAbout.ts';
import { createEvidenceClient } from './evidenceClient.ts';
import { fetchWantedEvidence, uploadEvidence } from './evidenceSync.ts';
import { pushBatch, pushOutbox } from './pushOutbox.ts';
import { receivePage } from './receiveEvents.ts';
import { pullReferences, pushReferences } from './referenceRecords.ts';
import { pullRemovals, pushRemovals } from './removalSync.ts';
import { createSyncClient, type SigningIdentity, type SyncClient, SyncRequestError } from './syncClient.ts';
import { isOffline, problemOf } from './syncProblems.ts';

export interface SyncTiming {
  /** Between rounds while all is well. */
  intervalMs: number;
  /** The first wait after a failed round; it doubles with each failure up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  /** After a case event is written, before it is pushed. */
  nudgeMs: number;
  /** How long one request may take. */
  requestTimeoutMs: number;
}

export const defaultSyncTiming: SyncTiming = {
  intervalMs: 5_000,
  backoffMs: 2_000,
  maxBackoffMs: 60_000,
  nudgeMs: 200,
  requestTimeoutMs: 30_000,
};

/** The methods after which there is something to push (case events, reference records): a round follows soon after they commit. */
export const eventWriters: ReadonlySet<string> = new Set([
  'cases.register',
  'cases.act',
  'attachments.add',
  'retention.apply',
  'sync.configure',
  // Reference records a desk of the site may be waiting for (an account to sign in with).
  'users.create',
  'users.update',
  'users.disable',
  'users.enable',
  'users.resetPassword',
  'auth.changePassword',
  'departments.create',
  'departments.update',
  'departments.disable',
  'departments.enable',
  'categories.create',
  'categories.update',
  'categories.disable',
  'categories.enable',
  'policies.update',
  'policies.reset',
  'calendar.import',
  'calendar.setLocalDay',
  'settings.update',
  'sync.settleClash',
]);

const enrolled = (c: SyncConfigRow | undefined): c is SyncConfigRow => c !== undefined && c.private_key !== '';

/**
 * The desk's side of sync (DESIGN.md §10): rounds of push-then-pull, one at a time, by hand
 * (`sync.now`) or by the scheduler, which runs a round every `intervalMs`, soon after a case
 * event is written (`nudge`, after the commit, never inside it), and after a failure waits
 * longer each time (or as long as the server asked, for a 503). The state it reports is read
 * from the store, so it survives a restart.
 */
export function createSyncService(ctx: DeskContext, log: (e: unknown) => void, jobs: Jobs, timing: Partial<SyncTiming> = {}) {
  const t = { ...defaultSyncTiming, ...timing };
  const { db } = ctx.store;
  let chain: Promise<unknown> = Promise.resolve();
  let inFlight = 0;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let failures = 0;

  /** The site's events after this desk's cursor; answers how many were stored and the site's latest removal, if the server said. */
  async function pullAll(
    client: SyncClient,
    identity: SigningIdentity,
    prefix: string,
    progress?: JobProgress,
  ): Promise<{ pulled: number; removals: number | undefined }> {
    let pulled = 0;
    let after = (await readSyncConfig(db))?.pull_cursor ?? 0;
    let next = client.pull(identity, after, 0, maxBatch);
    for (;;) {
      const page = await next;
      // The next page is asked for while this one is stored: the server's time and the desk's
      // overlap. Its answer is dropped if storing this one fails (the cursor did not move).
      if (page.more) {
        next = client.pull(identity, page.cursor, 0, maxBatch);
        next.catch(() => undefined);
      }
      if (page.events.length > 0 || page.cursor !== after) {
        const { stored } = await receivePage(ctx, page.events, page.cursor, prefix);
        pulled += stored;
      }
      after = page.cursor;
      if (!page.more) return { pulled, removals: page.removals };
      // The server does not say how many remain: the screen shows how many came so far.
      await progress?.step('pulling', pulled, 0);
    }
  }

  async function round(): Promise<SyncRound> {
    const config = await readSyncConfig(db);
    if (!enrolled(config)) throw new DeskError('conflict', { key: 'sync:error.notEnrolled' });
    const client = createSyncClient({
      serverUrl: config.server_url,
      timeoutMs: t.requestTimeoutMs,
      now: () => ctx.now(),
      about: () => readDeskAbout(db),
    });
    const identity = { deskId: config.desk_id, privateKey: config.private_key };
    try {
      // The site's reference records first: what this desk made before it joined is merged into
      // them before any of it is sent, so a department both desks made is never sent twice.
      await pullReferences(ctx, client, identity, () => readRefCursor(db));
      await pushReferences(ctx, client, identity);
      await pushAudit(ctx, client, identity);
      // The group's sites, kept for transfers made while the server is out of reach. A server
      // of before transfers has no list: the desk syncs as before and offers no transfer.
      try {
        const { sites } = await client.sites(identity);
        await replaceGroupSites(db, sites, ctx.now().toISOString());
      } catch (e) {
        if (!(e instanceof SyncRequestError && e.refusal?.error === 'not_found')) throw e;
      }
      const files = createEvidenceClient({ serverUrl: config.server_url, timeoutMs: t.requestTimeoutMs, now: () => ctx.now() });
      const pending = await countOutbox(db);
      const exchange = async (progress?: JobProgress) => {
        // Removals before events: the server then holds the removal of a case whose redacted
        // events follow (one removed before this desk joined), and takes them. A server that
        // does not take removals yet is sent no redacted event either.
        const takesRemovals = (await pushRemovals(ctx, client, identity)) !== null;
        const pushed = await pushOutbox(ctx, client, identity, {
          batch: pushBatch,
          sent: async (n) => progress?.step('pushing', n, pending),
          sendRedacted: takesRemovals,
        });
        // Files right after the events that name them: the server takes a file only for a case it holds.
        await uploadEvidence(ctx, files, identity);
        const { pulled, removals } = await pullAll(client, identity, config.prefix, progress);
        // Removals after the events of their cases; the site's first, so what this desk takes
        // out of its copies goes back as a removal the server already holds, in this round.
        await pullRemovals(ctx, client, identity, removals);
        await pushRemovals(ctx, client, identity);
        return { pushed, pulled };
      };
      // More than a batch to send is a desk back after days offline: its catch-up is a job the screens follow.
      const { pushed, pulled } = pending > pushBatch ? await jobs.run('syncCatchUp', null, exchange) : await exchange();
      await fetchWantedEvidence(ctx, files, identity);
      // What the round itself audited (an event kept back or refused) goes up with it: a round
      // with nothing else to do leaves nothing waiting.
      await pushAudit(ctx, client, identity);
      await updateSyncConfig(db, { last_sync_at: ctx.now().toISOString(), last_error: null, offline_since: null });
      return { pushed, pulled };
    } catch (e) {
      const { problem, caseId } = problemOf(e);
      if (!(e instanceof SyncRequestError)) log(e);
      const at = ctx.now().toISOString();
      const error: SyncError = { problem, at, ...(caseId ? { caseId } : {}) };
      await db.transaction().execute(async (trx) => {
        const now = await readSyncConfig(trx);
        if (!now) return;
        await updateSyncConfig(trx, {
          last_error: JSON.stringify(error),
          offline_since: isOffline(problem) ? (now.offline_since ?? at) : null,
        });
        // The server refused one of this desk's events: both sides log it.
        if (problem === 'tampered')
          await recordAudit(ctx, trx, { actorId: null, action: 'sync.refused', target: caseId ?? null, detail: { side: 'server' } });
      });
      throw e;
    }
  }

  /** One round after any running one: the answer reflects what was written before the call. */
  function syncNow(): Promise<SyncRound> {
    inFlight++;
    const next = chain.then(round).finally(() => {
      inFlight--;
    });
    chain = next.catch(() => undefined);
    return next;
  }

  function schedule(ms: number) {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!running) return;
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  }

  async function tick() {
    timer = null;
    let config: SyncConfigRow | undefined;
    try {
      config = await readSyncConfig(db);
    } catch (e) {
      log(e);
    }
    if (!enrolled(config)) {
      schedule(t.intervalMs);
      return;
    }
    try {
      await syncNow();
      failures = 0;
      schedule(t.intervalMs);
    } catch (e) {
      failures++;
      const { retryAfterMs } = problemOf(e);
      schedule(Math.max(retryAfterMs ?? 0, Math.min(t.maxBackoffMs, t.backoffMs * 2 ** (failures - 1))));
    }
  }

  async function status(): Promise<SyncStatus> {
    const config = await readSyncConfig(db);
    if (!enrolled(config)) {
      return {
        enabled: false,
        state: 'off',
        lastSyncAt: null,
        pending: 0,
        waiting: { events: 0, records: 0, audit: 0, files: 0 },
        lastError: null,
        offlineSince: null,
        serverUrl: null,
        siteName: null,
        prefix: null,
      };
    }
    const waiting = await countWaiting(db);
    const lastError = config.last_error ? (JSON.parse(config.last_error) as SyncError) : null;
    return {
      enabled: true,
      // Offline wins over a retry under way; a desk that joined but has not finished a round yet is still syncing.
      state: config.offline_since ? 'offline' : inFlight > 0 ? 'syncing' : lastError ? 'error' : config.last_sync_at ? 'synced' : 'syncing',
      lastSyncAt: config.last_sync_at,
      pending: waiting.events + waiting.records + waiting.audit + waiting.files,
      waiting,
      lastError,
      offlineSince: config.offline_since,
      serverUrl: config.server_url,
      siteName: config.site_name,
      prefix: config.prefix,
    };
  }

  return {
    syncNow,
    status,
    /** A case event was committed: push it soon (unless the scheduler is waiting out a failure). */
    nudge() {
      if (running && failures === 0) schedule(t.nudgeMs);
    },
    start() {
      running = true;
      schedule(t.nudgeMs);
    },
    /** Waits for a round under way (and any queued behind it). */
    settle: () => chain.then(() => undefined),
    /** Stops the scheduler and waits for a round under way. */
    async stop() {
      running = false;
      schedule(0);
      await chain;
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
