import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type HostKeyring, hostKeyKeyring } from '../keys/hostKeyring.ts';
import { secretsFound, stringsOf } from './stringsScan.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

/** Latin letters and digits, so `strings` would see them in a plain store file. */
const person = { name: 'Zhoumin Erased', phone: '13955556666', idNumber: '110101198805051234' };
const other = { name: 'Wuwei Kept', phone: '13844445555' };

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close().catch(() => undefined);
});

/** What `strings` finds of `secrets` in the data folder's own files (not what a restore set aside, nor the backups). */
const found = (dataDir: string, secrets: string[]) => secretsFound(dataDir, secrets, (f) => f.startsWith('set-aside'));

/** A desk with two finished cases backed up, then one person's data removed on request. */
async function deskAfterRemoval(keyring: HostKeyring | null) {
  const desk = await openTestDesk({ keyring, now: () => new Date('2026-03-10T02:00:00Z') });
  open.push(desk);
  await desk.setupAndLogin();
  const ids: string[] = [];
  for (const complainant of [person, other]) {
    const c = await desk.call('cases.register', { ...sampleComplaint, complainant });
    await desk.call('cases.act', { id: c.id, action: { type: 'resolveOnSpot', resolution: '当场解释', satisfaction: 5 } });
    ids.push(c.id);
  }
  const [erased = '', kept = ''] = ids;
  const before = await desk.call('backup.run', {});
  expect(before.ok).toBe(true);
  await desk.call('privacy.erase', { phone: person.phone, caseIds: [erased], ground: 'consentWithdrawn', note: '本人申请', confirm: true });
  const folder = path.dirname(before.path ?? '');
  return { desk, erased, kept, generation: before.path ?? '', folder };
}

describe('a backup written before a removal', () => {
  it('holds the data, and restoring it does not bring the removed complainant back', async () => {
    const { desk, erased, kept, generation, folder } = await deskAfterRemoval(null);
    // The generation itself still has them: that is what the ledger is for.
    expect(stringsOf(generation)).toContain(person.name);
    const ledger = fs.readdirSync(folder).filter((f) => f.startsWith('desk-removals-'));
    expect(ledger).toHaveLength(1);
    expect(fs.readFileSync(path.join(folder, ledger[0] ?? ''), 'utf8')).not.toContain(person.name);

    await desk.call('backup.restore', { path: generation, confirm: true });
    await desk.login();
    expect((await desk.call('cases.get', { id: erased })).complainant).toEqual({ name: '' });
    expect((await desk.call('cases.get', { id: kept })).complainant).toMatchObject({ name: other.name });
    expect((await desk.call('privacy.find', { phone: person.phone })).cases).toEqual([]);
    expect((await desk.call('audit.list', { action: 'retention.reapplied' })).items).toHaveLength(1);
    await desk.close();
    expect(found(desk.dataDir, [person.name, person.phone, person.idNumber, other.name])).toEqual([other.name]);
  });

  it('on an encrypted desk too: the ledger is signed with a key only the store’s data key gives', async () => {
    const { desk, erased, generation } = await deskAfterRemoval(hostKeyKeyring('keyFile', randomBytes(32)));
    await desk.call('backup.restore', { path: generation, confirm: true });
    await desk.login();
    expect((await desk.call('cases.get', { id: erased })).complainant).toEqual({ name: '' });
  });

  it('ignores a ledger edited without the desk’s key: it cannot make a desk remove other cases', async () => {
    const { desk, kept, generation, folder } = await deskAfterRemoval(hostKeyKeyring('keyFile', randomBytes(32)));
    const file = path.join(folder, fs.readdirSync(folder).find((f) => f.startsWith('desk-removals-')) ?? '');
    const ledger = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: { caseId: string }[] };
    ledger.entries.push({ ...ledger.entries[0], caseId: kept } as { caseId: string });
    fs.writeFileSync(file, JSON.stringify(ledger));
    await desk.call('backup.restore', { path: generation, confirm: true });
    await desk.login();
    expect((await desk.call('cases.get', { id: kept })).complainant).toMatchObject({ name: other.name });
    // The edited ledger vouches for nothing: the restored generation keeps what it held.
    expect((await desk.call('privacy.find', { phone: person.phone })).cases).toHaveLength(1);
  });
});
