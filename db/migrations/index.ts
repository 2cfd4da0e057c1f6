import { sql as initial } from './001_initial.ts';

/**
 * Every migration, in order, bundled statically: the store's `user_version` is the version of
 * the last one applied. Forward-only: a released migration is never edited, only followed.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [{ version: 1, name: 'initial', sql: initial }];
