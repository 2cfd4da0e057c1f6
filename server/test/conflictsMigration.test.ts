import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEventData } from '../../domain/cases/events.ts';
import { projectMissingCases } from '../store/caseProjection.ts';
import { migrateServer } from '../store/migrations.ts';
import { noted, registeredData, startTestServer, type TestServer, wireEvent } from './serverHarness.ts';

/**
 * A store from before the projection counted conflicts: the migration adds the count and the
 * cases two desks wrote are folded again when the store opens, so a conflict pushed before the
 * migration is on the group's list after it; a case one desk wrote keeps its row as it was.
 */
let server: TestServer;
const closing = (resolution: string): CaseEventData => ({ type: 'resolvedOnSpot', payload: { resolution, satisfaction: 5 } });
const ids = { clash: uuidv7(), calm: uuidv7(), alone: uuidv7() };

beforeAll(async () => {
  server = await startTestServer();
  await server.site('一院');
  const [one, two] = [await server.desk('一院', 'desk-1'), await server.desk('一院', 'desk-2')];
  const clashReg = wireEvent(ids.clash, [], registeredData, 'd1');
  await one.client.push(one.identity, [clashReg, wireEvent(ids.clash, [clashReg.hash], closing('当场退费'), 'd1')]);
  await two.client.push(two.identity, [wireEvent(ids.clash, [clashReg.hash], closing('当场致歉'), 'd2')]);
  const calmReg = wireEvent(ids.calm, [], registeredData, 'd1');
  await one.client.push(one.identity, [calmReg]);
  await two.client.push(two.identity, [wireEvent(ids.calm, [calmReg.hash], noted('另一台的备注'), 'd2')]);
  await one.client.push(one.identity, [wireEvent(ids.alone, [], registeredData, 'd1')]);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('the migration that counts conflicts in the projection', () => {
  it('folds again the cases two desks wrote, and finds the conflict pushed before it', async () => {
    const db = server.store.db;
    const counts = async () =>
      Object.fromEntries(
        (await db.selectFrom('case_projection').select(['case_id', 'conflict_count', 'row_no']).execute()).map((r) => [
          r.case_id,
          { conflicts: r.conflict_count, row: r.row_no },
        ]),
      );
    const projected = await counts();
    expect(projected[ids.clash]?.conflicts).toBe(1);
    // The store as it was before the migration: no count, no index, the migration not run.
    await sql`DROP INDEX case_projection_conflicts`.execute(db);
    await sql`ALTER TABLE case_projection DROP COLUMN conflict_count`.execute(db);
    await sql`DELETE FROM server_migrations WHERE name = '012_case_conflicts'`.execute(db);

    await migrateServer(db, 'sqlite');
    expect(await projectMissingCases(db)).toBe(2);
    const after = await counts();
    expect(after[ids.clash]?.conflicts).toBe(1);
    expect(after[ids.calm]?.conflicts).toBe(0);
    // Written by one desk: not folded again, its row kept.
    expect(after[ids.alone]).toEqual({ conflicts: 0, row: projected[ids.alone]?.row });
    expect(after[ids.clash]?.row).not.toBe(projected[ids.clash]?.row);
  });
});
