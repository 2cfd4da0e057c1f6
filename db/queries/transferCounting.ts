import { type RawBuilder, sql } from 'kysely';

/**
 * How a case transferred between the group's sites (转办) counts in a desk's reports, so that it
 * counts once in the group (docs/user-manual.md): its intake (registered, complaints, by day,
 * channel, type) where it was registered, its handling (accepted, closed, on time, satisfaction,
 * findings, repeats) at the site that holds it. A case never transferred counts whole here.
 * Both are 0/1 expressions over the alias `c` of `cases`.
 */
export const intakeHere: RawBuilder<number> = sql`(c.transfer IS NULL OR json_extract(c.transfer, '$.origin.id') IS (SELECT site_id FROM sync_config WHERE id = 1))`;

export const handledHere: RawBuilder<number> = sql`(c.status <> 'transferred_out')`;
