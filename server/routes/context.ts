import type { Kysely } from 'kysely';
import type { Dialect } from '../store/migrations.ts';
import type { ServerDatabase } from '../store/schema.ts';

/** What a route may use: the store, the clock, the log. Nothing is kept between requests. */
export interface RouteContext {
  db: Kysely<ServerDatabase>;
  dialect: Dialect;
  now(): Date;
  log(line: string): void;
  /** Where evidence files are kept as files (the SQLite server's data folder); without it, in the store. */
  evidenceDir?: string | undefined;
}
