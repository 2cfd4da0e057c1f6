import type { JobKind, JobPhase, JobView } from '../../domain/api/jobViews.ts';
import { storageProblemOf } from '../backup/storageErrors.ts';
import { DeskError, type MessageRef } from '../deskError.ts';
import { translatorFor } from '../translate.ts';
import { breather } from './breather.ts';

/** What a long operation tells the registry as it goes. */
export interface JobProgress {
  /**
   * Records how far the job got and, when the desk has worked without a break for a while,
   * lets other calls in (the desk has one thread: a poll of `jobs.status`, a registration).
   */
  step(phase: JobPhase, done: number, total: number): Promise<void>;
}

interface Job {
  id: string;
  kind: JobKind;
  actorId: string | null;
  state: JobView['state'];
  phase: JobPhase;
  done: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  error: MessageRef | null;
}

/** Finished jobs are kept this long, so a screen visited again shows how the last one ended. */
const keptMs = 60 * 60_000;
const keptFinished = 20;
/** Work runs at most this long before other calls get their turn. */
const sliceMs = 25;

/** Why a job failed, as the dispatcher would say it. */
function failureOf(e: unknown): MessageRef {
  if (e instanceof DeskError) return e.ref;
  const problem = storageProblemOf(e);
  return problem ? { key: `backup:store.${problem}` } : { key: 'internal' };
}

/**
 * The long operations of this desk (backups, exports, imports, sealing): each is still one call that
 * answers when it is over, and while it runs the registry holds how far it got, which
 * `jobs.status` answers to any screen that asks. Kept in memory: a job does not outlive the desk.
 */
export function createJobs(now: () => Date, newId: () => string) {
  const jobs: Job[] = [];

  function forget() {
    const cutoff = now().getTime() - keptMs;
    const finished = jobs.filter((j) => j.state !== 'running');
    const stale = new Set([...finished.filter((j) => Date.parse(j.finishedAt ?? '') < cutoff), ...finished.slice(0, -keptFinished)]);
    for (let i = jobs.length - 1; i >= 0; i--) if (stale.has(jobs[i] as Job)) jobs.splice(i, 1);
  }

  return {
    /**
     * Runs `work` as a job of `kind`. It fails when `work` throws (the error goes on to the
     * caller) or when `failed` finds a failure in its answer (a backup answers its own failure).
     */
    async run<T>(
      kind: JobKind,
      actorId: string | null,
      work: (progress: JobProgress) => Promise<T>,
      failed: (answer: T) => MessageRef | null = () => null,
    ): Promise<T> {
      forget();
      const job: Job = {
        id: newId(),
        kind,
        actorId,
        state: 'running',
        phase: 'starting',
        done: 0,
        total: 0,
        startedAt: now().toISOString(),
        finishedAt: null,
        error: null,
      };
      jobs.push(job);
      let worked = performance.now();
      const progress: JobProgress = {
        async step(phase, done, total) {
          Object.assign(job, { phase, done, total });
          if (performance.now() - worked < sliceMs) return;
          await breather();
          worked = performance.now();
        },
      };
      try {
        const answer = await work(progress);
        job.error = failed(answer);
        job.state = job.error ? 'failed' : 'done';
        // A job that ends well has done all it set out to do, whatever its last report said.
        if (!job.error) job.done = job.total = Math.max(job.total, job.done, 1);
        return answer;
      } catch (e) {
        job.error = failureOf(e);
        job.state = 'failed';
        throw e;
      } finally {
        job.finishedAt = now().toISOString();
      }
    },

    /** The jobs running and lately finished, newest first, as `userId` (null: nobody signed in) may see them. */
    list(locale: string | undefined, userId: string | null, visible: (kind: JobKind) => boolean): JobView[] {
      forget();
      const t = translatorFor(locale);
      return jobs
        .filter((j) => (userId !== null && j.actorId === userId) || visible(j.kind))
        .map(({ actorId, error, ...j }) => ({
          ...j,
          error: error ? t(error.key, error.values ?? {}) : null,
          mine: userId !== null && actorId === userId,
        }))
        .reverse();
    },
  };
}

export type Jobs = ReturnType<typeof createJobs>;
