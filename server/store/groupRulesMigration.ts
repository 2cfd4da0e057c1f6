import type { Kysely, Migration } from 'kysely';

/**
 * What the group keeps the same in every site (domain/sync/groupRecords.ts). `group_records`
 * holds the group's version of each record, for every site (`profile` '') or for the sites of
 * one profile (deadline policies); `rev` numbers the group's changes, and `sites.rules_rev` says
 * which of them a site's reference stream holds, so a site that joins later, or whose profile
 * changes, is brought up to date before its desks pull. `reference_records.group_owned` marks a
 * record of a site's stream as the group's: a desk's push of it is refused. Every change is audited
 * with its before and after in the group's audit log (`group_audit`, migration 004).
 */
export function groupRulesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('group_records')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('profile', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('row', 'text', (c) => c.notNull())
        .addColumn('rev', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .addPrimaryKeyConstraint('group_records_key', ['kind', 'profile', 'key'])
        .execute();
      await db.schema
        .alterTable('reference_records')
        .addColumn('group_owned', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('sites')
        .addColumn('rules_rev', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  };
}
