import { attachmentLimits } from '../../domain/api/limits.ts';
import type { DeskContext } from '../deskContext.ts';
import { invalidField } from '../deskError.ts';
import type { BlobStore } from './blobStore.ts';

/** How often a running desk removes uploads nobody attached. */
export const uploadSweepIntervalMs = 3_600_000;

/**
 * When the first sweep runs after the desk opened. A sweep walks the whole evidence folder and
 * reads every case's intake (most of a clean start at a million cases), so it waits until the
 * first screens are up instead of delaying them.
 */
export const firstUploadSweepDelayMs = 60_000;

const keepMs = attachmentLimits.unattachedKeepHours * 3_600_000;

/**
 * Uploads wait in the evidence folder until a registration or `attachments.add` names them.
 * Those never named are removed after `unattachedKeepHours` (soon after start and every hour),
 * and while they wait they may hold `unattachedMaxBytes` at most: an upload beyond that is
 * refused next to the file, so no caller can fill the disk with files no case keeps.
 */
export function createUploadKeeper(
  ctx: DeskContext,
  blobs: BlobStore,
  log: (e: unknown) => void,
  quotaBytes: number = attachmentLimits.unattachedMaxBytes,
) {
  /** The files stored and not attached when last looked at, with their size; uploads since are added. */
  const waiting = new Map<string, number>();
  const waitingBytes = () => [...waiting.values()].reduce((sum, n) => sum + n, 0);
  // Until the first sweep the files left from before the start are not counted in `waiting`.
  let swept = false;

  /** Every file a case names, whether attached at registration or added later (the intake keeps both). */
  const attached = (): Set<string> =>
    new Set(
      ctx.store.sqlite
        .prepare("SELECT DISTINCT json_extract(a.value, '$.sha256') FROM cases, json_each(cases.intake, '$.attachments') AS a")
        .pluck()
        .all() as string[],
    );

  /** Removes the files no case names that waited too long; answers how many went. */
  function sweep(): number {
    const kept = attached();
    const oldest = ctx.now().getTime() - keepMs;
    waiting.clear();
    swept = true;
    let removed = 0;
    for (const file of blobs.stored()) {
      if (kept.has(file.sha256)) continue;
      if (file.at < oldest) {
        blobs.remove(file.sha256);
        removed++;
      } else waiting.set(file.sha256, file.bytes);
    }
    return removed;
  }

  const sweepLogged = () => {
    try {
      sweep();
    } catch (e) {
      log(e); // an unreadable evidence folder shows when a file is read, not as a failed timer
    }
  };
  let first: ReturnType<typeof setTimeout> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    sweep,
    /** Refuses an upload of `bytes` that would take the waiting files over the quota. */
    admit(bytes: number): void {
      // An upload before the first sweep: the leftovers of earlier runs count against the quota too.
      if (!swept) sweep();
      if (waitingBytes() + bytes <= quotaBytes) return;
      // Files attached or gone since the last look no longer count.
      sweep();
      if (waitingBytes() + bytes <= quotaBytes) return;
      throw invalidField('dataBase64', 'field.uploadQuota', {
        max: Math.round(quotaBytes / (1024 * 1024)),
        hours: attachmentLimits.unattachedKeepHours,
      });
    },
    /** A file just uploaded: it waits from now. */
    stored(sha256: string, bytes: number): void {
      blobs.touch(sha256, ctx.now());
      waiting.set(sha256, bytes);
    },
    /** Sweeps `firstDelayMs` after now, then every `uploadSweepIntervalMs`. */
    start(firstDelayMs: number = firstUploadSweepDelayMs): void {
      if (timer) return;
      first = setTimeout(sweepLogged, firstDelayMs);
      first.unref?.();
      timer = setInterval(sweepLogged, uploadSweepIntervalMs);
      timer.unref?.();
    },
    stop(): void {
      if (first) clearTimeout(first);
      if (timer) clearInterval(timer);
      first = null;
      timer = null;
    },
  };
}

export type UploadKeeper = ReturnType<typeof createUploadKeeper>;
