import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { CaseEventData } from '../../domain/cases/events.ts';
import { projectMissingCases } from '../store/caseProjection.ts';
import { migrateServer } from '../store/migrations.ts';
import { dialects, noted, registeredData, serverPerSuite, type TestServer, wireEvent } from './serverHarness.ts';

/**
 * A store from before the projection counted conflicts: the migration adds the count and the
 * cases whose history forks are folded again when the store opens, so a conflict pushed before
 * the migration is on the group's list after it; a case written in a line, by one desk or two
 * in turn, keeps its row as it was.
 */
const closing = (resolution: string): CaseEventData => ({ type: 'resolvedOnSpot', payload: { resolution, satisfaction: 5 } });
const ids = { clash: uuidv7(), calm: uuidv7(), alone: uuidv7(), inTurn: uuidv7(), devices: uuidv7() };

async function pushCases(server: TestServer) {
  const [one, two] = [await server.desk('一院', 'desk-1'), await server.desk('一院', 'desk-2')];
  const clashReg = wireEvent(ids.clash, [], registeredData, 'd1');
  await one.client.push(one.identity, [clashReg, wireEvent(ids.clash, [clashReg.hash], closing('当场退费'), 'd1')]);
  await two.client.push(two.identity, [wireEvent(ids.clash, [clashReg.hash], closing('当场致歉'), 'd2')]);
  // A note after the other desk's registration: a line.
  const calmReg = wireEvent(ids.calm, [], registeredData, 'd1');
  await one.client.push(one.identity, [calmReg]);
  await two.client.push(two.identity, [wireEvent(ids.calm, [calmReg.hash], noted('另一台的备注'), 'd2')]);
  await one.client.push(one.identity, [wireEvent(ids.alone, [], registeredData, 'd1')]);
  // Two desks, the second acting after it saw the first's registration: a line, no fork.
  const inTurnReg = wireEvent(ids.inTurn, [], registeredData, 'd1');
  await one.client.push(one.identity, [inTurnReg]);
  await two.client.push(two.identity, [wireEvent(ids.inTurn, [inTurnReg.hash], closing('当场解释'), 'd2')]);
  // One desk pushing what two of its devices did at once: a fork all the same.
  const devicesReg = wireEvent(ids.devices, [], registeredData, 'd1');
  await one.client.push(one.identity, [
    devicesReg,
    wireEvent(ids.devices, [devicesReg.hash], closing('当场退费'), 'd1'),
    wireEvent(ids.devices, [devicesReg.hash], closing('当场致歉'), 'd3'),
  ]);
}

for (const dialect of dialects) {
  describe(`the migration that counts conflicts in the projection on ${dialect}`, () => {
    const server = serverPerSuite(dialect, ['一院']);
    it('folds again the cases whose history forks, and finds the conflicts pushed before it', async () => {
      await pushCases(server);
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
      expect(projected[ids.devices]?.conflicts).toBe(1);
      // The store as it was before the migration: no count, no index, the migration not run.
      await sql`DROP INDEX case_projection_conflicts`.execute(db);
      await sql`ALTER TABLE case_projection DROP COLUMN conflict_count`.execute(db);
      await sql`DELETE FROM server_migrations WHERE name = '012_case_conflicts'`.execute(db);

      await migrateServer(db, dialect);
      // The two forked cases, folded again with their conflicts.
      expect(await projectMissingCases(db)).toBe(2);
      const after = await counts();
      expect(after[ids.clash]?.conflicts).toBe(1);
      expect(after[ids.devices]?.conflicts).toBe(1);
      expect(after[ids.clash]?.row).not.toBe(projected[ids.clash]?.row);
      // Written in a line, by one desk or two in turn: not folded again, their rows kept.
      for (const id of [ids.alone, ids.inTurn, ids.calm]) expect(after[id]).toEqual({ conflicts: 0, row: projected[id]?.row });
    });
  });
}
