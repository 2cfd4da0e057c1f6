import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { JobKind, JobView } from '../../domain/api/jobViews.ts';
import { deskQuery, invalidate } from './api/queries.ts';

/** Calls this window has started that run as jobs and have not answered yet. */
let starting = 0;
const listeners = new Set<() => void>();
const changed = () => {
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** How often the core is asked how far a job got, while one runs. */
const pollMs = 600;

/**
 * Makes a long call (backup, export, seal) one the screens follow: while it is on its way, and
 * while the core says a job runs, `useJobs` asks how far it got. The call itself goes on when
 * the page that made it is left.
 */
export async function asJob<T>(call: () => Promise<T>): Promise<T> {
  starting++;
  changed();
  void invalidate('jobs.status');
  try {
    return await call();
  } finally {
    starting--;
    changed();
    void invalidate('jobs.status');
  }
}

/** The jobs the core is running or lately finished, newest first, read again while any runs. */
export function useJobs(): JobView[] {
  const pending = useSyncExternalStore(subscribe, () => starting);
  const { data } = useQuery({
    ...deskQuery('jobs.status', {}),
    refetchInterval: (query) => (pending > 0 || query.state.data?.items.some((j) => j.state === 'running') ? pollMs : false),
  });
  return data?.items ?? [];
}

/** The newest job of a kind, as a page about that work shows it. */
export function useJob(kind: JobKind): JobView | undefined {
  return useJobs().find((j) => j.kind === kind);
}
