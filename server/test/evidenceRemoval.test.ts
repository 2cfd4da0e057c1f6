import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { createEvidenceClient } from '../../core/sync/evidenceClient.ts';
import type { WireRemoval } from '../../domain/sync/removalWire.ts';
import { dialects, noted, refusalOf, registeredData, serverPerSuite, wireEvent } from './serverHarness.ts';

/**
 * A desk that removed a case's data (the end of retention, a person's request) tells the site:
 * the server deletes the bytes of the case's evidence files and keeps each file's row as the
 * record that it was removed; the other desks pull the removal. A removal sent twice changes
 * nothing; a file another living case sent stays; another site's case is refused.
 */
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const attachment = (bytes: Buffer) => ({ sha256: sha(bytes), name: '照片.png', mime: 'image/png', size: bytes.length });

describe.each(dialects)('evidence removed on the %s server', (dialect) => {
  const server = serverPerSuite(dialect, ['一院', '二院']);

  it('deletes the bytes, keeps the record, tells the other desks and refuses the file again', async () => {
    const mine = await server.desk('一院');
    const neighbour = await server.desk('一院');
    const stranger = await server.desk('二院');
    const files = createEvidenceClient({ serverUrl: server.url, timeoutMs: 10_000, now: () => new Date() });
    const photo = randomBytes(5_000);
    const shared = randomBytes(3_000);
    // The removed case: a photo at registration, a second file added later, which another case names too.
    const caseId = uuidv7();
    const reg = wireEvent(caseId, [], {
      type: 'registered',
      payload: { ...registeredData.payload, intake: { attachments: [attachment(photo)] } },
    } as typeof registeredData);
    const added = wireEvent(caseId, [reg.hash], { type: 'attachmentsAdded', payload: { attachments: [attachment(shared)] } });
    const other = uuidv7();
    const otherReg = wireEvent(other, [], registeredData);
    await mine.client.push(mine.identity, [reg, added, otherReg, wireEvent(other, [otherReg.hash], noted(`见 ${sha(shared)}`))]);
    expect(await files.put(mine.identity, sha(photo), caseId, photo)).toEqual({ stored: true });
    // The shared file went up for the other case first: that case still names it.
    expect(await files.put(mine.identity, sha(shared), other, shared)).toEqual({ stored: true });

    const removal: WireRemoval = { caseId, kinds: ['evidence'], at: new Date().toISOString(), removedBy: uuidv7(), reason: 'retention' };
    expect(await mine.client.pushRemovals(mine.identity, [removal])).toEqual({ accepted: 1, files: 1 });
    // Sent again (the answer was lost): nothing changes.
    expect(await mine.client.pushRemovals(mine.identity, [removal])).toEqual({ accepted: 0, files: 0 });

    const rows = await server.store.db.selectFrom('evidence').selectAll().orderBy('size').execute();
    const gone = rows.find((r) => r.sha256 === sha(photo));
    expect(gone).toMatchObject({ content: null, size: 5_000, case_id: caseId });
    expect(gone?.removed_at).not.toBeNull();
    expect(rows.find((r) => r.sha256 === sha(shared))?.removed_at).toBeNull();
    if (dialect === 'sqlite') {
      const folder = path.join(server.dataDir, 'evidence', String(gone?.site_id));
      expect(fs.existsSync(path.join(folder, sha(photo).slice(0, 2), sha(photo)))).toBe(false);
      expect(fs.existsSync(path.join(folder, sha(shared).slice(0, 2), sha(shared)))).toBe(true);
    }
    expect(await files.get(neighbour.identity, sha(photo))).toBe('removed');
    expect(await files.get(neighbour.identity, sha(shared))).toEqual(shared);
    // A desk restored from an older backup sends the file again: taken as held, not stored.
    expect(await files.put(mine.identity, sha(photo), caseId, photo)).toEqual({ stored: false });
    expect(await files.get(neighbour.identity, sha(photo))).toBe('removed');

    // The other desks of the site pull it; another site's desk sees none.
    const pulled = await neighbour.client.pullRemovals(neighbour.identity, 0);
    expect(pulled).toMatchObject({ removals: [{ ...removal, serverSeq: 1 }], cursor: 1, more: false });
    expect((await stranger.client.pullRemovals(stranger.identity, 0)).removals).toEqual([]);

    // Personal data later: the record widens and is pulled again; the files stay as they were.
    const later = { ...removal, kinds: ['personalData'] as WireRemoval['kinds'], reason: 'request' };
    expect(await mine.client.pushRemovals(mine.identity, [later])).toEqual({ accepted: 1, files: 0 });
    expect(await neighbour.client.pullRemovals(neighbour.identity, 1)).toMatchObject({
      removals: [{ caseId, kinds: ['evidence', 'personalData'], reason: 'request', serverSeq: 2 }],
    });
    // The last page of the site's events names the latest removal, so a desk that took it asks for none.
    expect(await neighbour.client.pull(neighbour.identity, 0)).toMatchObject({ more: false, removals: 2 });
    expect(await stranger.client.pull(stranger.identity, 0)).toMatchObject({ more: false, removals: 0 });
  }, 60_000);

  it('refuses another site’s case and a malformed removal, writing nothing', async () => {
    const mine = await server.desk('一院');
    const stranger = await server.desk('二院');
    const caseId = uuidv7();
    await mine.client.push(mine.identity, [wireEvent(caseId, [], registeredData)]);
    const before = await server.store.db.selectFrom('removals').selectAll().execute();
    const removal: WireRemoval = { caseId, kinds: ['evidence'], at: new Date().toISOString(), removedBy: uuidv7(), reason: 'retention' };
    expect(await refusalOf(stranger.client.pushRemovals(stranger.identity, [removal]))).toEqual({ status: 403, error: 'foreign' });
    const bad = { ...removal, kinds: ['everything'] } as unknown as WireRemoval;
    expect(await refusalOf(mine.client.pushRemovals(mine.identity, [bad]))).toEqual({ status: 400, error: 'malformed' });
    expect(await server.store.db.selectFrom('removals').selectAll().execute()).toEqual(before);
  }, 60_000);
});
