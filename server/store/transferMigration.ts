import type { Kysely, Migration } from 'kysely';

/**
 * Transfers of cases between the sites of a group (转办). `transfers` records every transfer
 * the server accepted, for the console and the group's reports. `relayed_events` puts events
 * a site did not receive itself into its sequence: the whole history of a case transferred to
 * it, and what a desk of the sending site recorded without having seen the transfer. The event
 * stays one row of `events`; a relay numbers it in one more site's sequence, so a pull reads the
 * site's own events and its relays as one ordered feed. Independent of every other server migration.
 */
export const transferMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('transfers')
      .addColumn('event_id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('from_site', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('to_site', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('desk_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('transfers_case').on('transfers').columns(['case_id', 'from_site']).execute();
    await db.schema.createIndex('transfers_to_site').on('transfers').columns(['to_site', 'at']).execute();
    await db.schema
      .createTable('relayed_events')
      .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('relayed_events_key', ['site_id', 'seq'])
      .addUniqueConstraint('relayed_events_event', ['site_id', 'event_id'])
      .execute();
    await db.schema.createIndex('relayed_events_case').on('relayed_events').columns(['case_id', 'site_id']).execute();
  },
};
