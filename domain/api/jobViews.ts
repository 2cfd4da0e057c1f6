/** What `jobs.status` answers: the long operations running or lately finished, and how far each got. */

export type JobKind = 'backup' | 'export' | 'import' | 'seal' | 'syncCatchUp' | 'retention';

/** The stretch of work a job is in, worded by the screen (common:jobs.phase.*). */
export type JobPhase =
  | 'starting'
  | 'copyStore'
  | 'verify'
  | 'files'
  | 'finish'
  | 'rows'
  | 'reading'
  | 'writing'
  | 'pushing'
  | 'pulling'
  | 'importRows'
  | 'importCheck'
  | 'removing';

export interface JobView {
  id: string;
  kind: JobKind;
  state: 'running' | 'done' | 'failed';
  phase: JobPhase;
  /** Steps done of `total` in this phase (pages, files, rows, cases); `total` is 0 while unknown. */
  done: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  /** Why it failed, in the caller's language. */
  error: string | null;
  /** Started by the caller (a scheduled backup and an import, made before anyone signs in, are nobody's). */
  mine: boolean;
}
