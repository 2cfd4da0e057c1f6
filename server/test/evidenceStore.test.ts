import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvidenceClient } from '../../core/sync/evidenceClient.ts';
import { maxEvidenceBytes } from '../../domain/sync/evidenceProtocol.ts';
import { postgresInstalled, startPgCluster } from './pgCluster.ts';
import { noted, registeredData, startTestServer, wireEvent } from './serverHarness.ts';

/**
 * Where the server keeps evidence: files under its data folder on SQLite, the row's bytea on
 * PostgreSQL (every process of a group reaches the database, not one disk). Either way a file is
 * stored once per site, given back whole to the site's desks only, and never to another site's.
 */
type Server = Awaited<ReturnType<typeof startTestServer>>;

async function exercise(server: Server) {
  await server.site('一院');
  await server.site('二院');
  const mine = await server.desk('一院');
  const neighbour = await server.desk('一院');
  const stranger = await server.desk('二院');
  const files = createEvidenceClient({ serverUrl: server.url, timeoutMs: 10_000, now: () => new Date() });
  const bytes = randomBytes(200_000);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const caseId = uuidv7();
  const reg = wireEvent(caseId, [], registeredData);
  await mine.client.push(mine.identity, [reg, wireEvent(caseId, [reg.hash], noted(`附件 ${sha}`))]);
  expect(await files.put(mine.identity, sha, caseId, bytes)).toEqual({ stored: true });
  // Sent twice (the answer was lost): nothing changes.
  expect(await files.put(mine.identity, sha, caseId, bytes)).toEqual({ stored: false });
  expect(await files.get(neighbour.identity, sha)).toEqual(bytes);
  expect(await files.get(stranger.identity, sha)).toBeNull();
  const rows = await server.store.db.selectFrom('evidence').selectAll().execute();
  expect(rows).toHaveLength(1);
  return rows[0];
}

describe('evidence on the SQLite server', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('is a file under the data folder, its row holding no bytes', async () => {
    const row = await exercise(server);
    expect(row?.content).toBeNull();
    // Larger than a desk ever keeps: refused before it is read whole, nothing stored.
    const desk = await server.desk('一院');
    const files = createEvidenceClient({ serverUrl: server.url, timeoutMs: 30_000, now: () => new Date() });
    const huge = Buffer.alloc(maxEvidenceBytes + 1, 7);
    const hugeSha = createHash('sha256').update(huge).digest('hex');
    await expect(files.put(desk.identity, hugeSha, uuidv7(), huge)).rejects.toMatchObject({ status: 413, refusal: { error: 'too_large' } });
    expect(await server.store.db.selectFrom('evidence').select('sha256').where('sha256', '=', hugeSha).execute()).toEqual([]);
    expect(
      fs.statSync(path.join(server.dataDir, 'evidence', String(row?.site_id), row?.sha256.slice(0, 2) ?? '', row?.sha256 ?? '')).size,
    ).toBe(200_000);
  });
});

describe.skipIf(!postgresInstalled)('evidence on the PostgreSQL server', () => {
  let cluster: Awaited<ReturnType<typeof startPgCluster>>;
  let server: Server;
  beforeAll(async () => {
    cluster = await startPgCluster();
    server = await startTestServer({ databaseUrl: cluster.url });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    cluster?.stop();
  }, 60_000);

  it('is kept in the database, the bytes in the row', async () => {
    const row = await exercise(server);
    expect(Buffer.from(row?.content ?? Buffer.alloc(0))).toHaveLength(200_000);
    expect(fs.existsSync(path.join(server.dataDir, 'evidence'))).toBe(false);
  }, 60_000);
});
