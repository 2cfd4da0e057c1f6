import type { Desk } from '../desk.ts';

/** How often a running desk looks for missed deadlines: a breach is recorded within a minute. */
export const sweepIntervalMs = 60_000;

/**
 * Starts the host's deadline timer (the core sweeps once at start-up by itself). Returns the
 * function that stops it; a failing sweep is logged and retried at the next tick.
 */
export function startDeadlineSweeps(desk: Desk, log: (e: unknown) => void = (e) => console.error(e)): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    desk
      .sweepDeadlines()
      .catch(log)
      .finally(() => {
        running = false;
      });
  }, sweepIntervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
