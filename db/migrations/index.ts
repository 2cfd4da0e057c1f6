import type BetterSqlite3 from 'better-sqlite3';
import { sql as initial } from './001_initial.ts';
import { sql as registration } from './002_registration.ts';
import { sql as deadlines } from './003_deadlines.ts';
import { sql as access } from './004_access.ts';
import { sql as caseHandling } from './005_case_handling.ts';
import { sql as benchIndexes } from './006_bench_indexes.ts';
import { sql as reports } from './007_reports.ts';
import { sql as printDocuments } from './008_print_documents.ts';
import { sql as deskDecisionClocks } from './009_desk_decision_clocks.ts';
import { run as eventDag } from './010_event_dag.ts';
import { sql as rollups } from './011_rollups.ts';
import { sql as yearSeals } from './012_year_seals.ts';
import { sql as retention } from './013_retention.ts';
import { sql as sync } from './014_sync.ts';
import { sql as referenceSync } from './015_reference_sync.ts';
import { sql as evidenceSync } from './016_evidence_sync.ts';
import { sql as fewerIndexes } from './017_fewer_indexes.ts';
import { sql as removalSync } from './018_removal_sync.ts';
import { sql as groupSites } from './019_group_sites.ts';
import { sql as groupRecords } from './020_group_records.ts';
import { sql as retentionIndex } from './021_retention_index.ts';
import { sql as repeatPhones } from './022_repeat_phones.ts';
import { sql as smallerStore } from './023_smaller_store.ts';
import { run as clocksBySeqno } from './024_clocks_by_seqno.ts';
import { sql as dailyByDay } from './025_daily_by_day.ts';
import { sql as oneRunningClocksIndex } from './026_one_running_clocks_index.ts';
import { sql as coveringRunningClocks } from './027_covering_running_clocks.ts';

/**
 * Every migration, in order, bundled statically: the store's `user_version` is the version of
 * the last one applied. Forward-only: a released migration is never edited, only followed.
 */
export type Migration = { version: number; name: string } & (
  | { sql: string }
  /** A migration that needs more than SQL (conversions checked in code), run inside the same transaction. */
  | { run: (sqlite: BetterSqlite3.Database) => void }
);

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'registration', sql: registration },
  { version: 3, name: 'deadlines', sql: deadlines },
  { version: 4, name: 'access', sql: access },
  { version: 5, name: 'case_handling', sql: caseHandling },
  { version: 6, name: 'bench_indexes', sql: benchIndexes },
  { version: 7, name: 'reports', sql: reports },
  { version: 8, name: 'print_documents', sql: printDocuments },
  { version: 9, name: 'desk_decision_clocks', sql: deskDecisionClocks },
  { version: 10, name: 'event_dag', run: eventDag },
  { version: 11, name: 'rollups', sql: rollups },
  { version: 12, name: 'year_seals', sql: yearSeals },
  { version: 13, name: 'retention', sql: retention },
  { version: 14, name: 'sync', sql: sync },
  { version: 15, name: 'reference_sync', sql: referenceSync },
  { version: 16, name: 'evidence_sync', sql: evidenceSync },
  { version: 17, name: 'fewer_indexes', sql: fewerIndexes },
  { version: 18, name: 'removal_sync', sql: removalSync },
  { version: 19, name: 'group_sites', sql: groupSites },
  { version: 20, name: 'group_records', sql: groupRecords },
  { version: 21, name: 'retention_index', sql: retentionIndex },
  { version: 22, name: 'repeat_phones', sql: repeatPhones },
  { version: 23, name: 'smaller_store', sql: smallerStore },
  { version: 24, name: 'clocks_by_seqno', run: clocksBySeqno },
  { version: 25, name: 'daily_by_day', sql: dailyByDay },
  { version: 26, name: 'one_running_clocks_index', sql: oneRunningClocksIndex },
  { version: 27, name: 'covering_running_clocks', sql: coveringRunningClocks },
];
