import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPlainStoreFile, openKeyed, schemeOf } from '../../db/cipher.ts';
import { type HostKeyring, hostKeyKeyring } from '../keys/hostKeyring.ts';
import { readKeysFile } from '../keys/keysFile.ts';
import { admin } from './staff.ts';
import { secretsFound, stringsOf } from './stringsScan.ts';
import { openTestDesk, sampleComplaint } from './testDesk.ts';

/** Latin letters and digits: `strings` prints runs of ASCII, so a Chinese name would pass unseen even in a plain file. */
const complainant = { name: 'Zhangsanfeng Liu', phone: '13912345678', idNumber: '110101199003071234', address: 'Renmin Road 88' };
const secrets = [complainant.name, complainant.phone, complainant.idNumber, complainant.address];
const photo = Buffer.from('JFIF photo of the broken lift, taken by Zhangsanfeng Liu');

const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
const keyring = (): HostKeyring => hostKeyKeyring('keyFile', randomBytes(32));
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close().catch(() => undefined);
});

/** Re-encrypts a store file under the same key in SQLCipher 4's format, as the first encrypted desks wrote it. */
function toSqlcipher(file: string, dataKey: Buffer): void {
  const db = openKeyed(file, dataKey);
  db.pragma('journal_mode = DELETE');
  for (const pragma of [`cipher = 'sqlcipher'`, 'legacy = 4', `rekey = "x'${dataKey.toString('hex')}'"`]) db.pragma(pragma);
  db.close();
  expect(schemeOf(file)).toBe('sqlcipher4');
}

/** What `strings` finds of the secrets under `target` (a file or a folder): the whole test is this. */
const leaked = (target: string) => secretsFound(target, secrets);

async function deskWithCase(options: { keyring?: HostKeyring | null; dataDir?: string } = {}) {
  const desk = await openTestDesk(options);
  open.push(desk);
  const setup = await desk.call('setup.init', {
    orgName: 'City Hospital',
    profile: 'hospital',
    admin: { ...admin, displayName: 'Wang' },
  });
  await desk.login();
  const folder = tempDir('desk-enc-backups-');
  await desk.call('backup.configure', { folder, dailyTime: '17:30', keep: 3, onQuit: false });
  const upload = await desk.call('attachments.upload', { name: 'lift.jpg', mime: 'image/jpeg', dataBase64: photo.toString('base64') });
  const registered = await desk.call('cases.register', { ...sampleComplaint, complainant, attachments: [upload] });
  return { desk, folder, recoveryKey: setup.recoveryKey, registered, upload };
}

describe('encryption at rest', () => {
  it('strings over the store, a backup and an export finds no complainant (and finds them on a plain desk)', {
    timeout: 60_000,
  }, async () => {
    const plain = await deskWithCase({ keyring: null });
    expect(plain.recoveryKey).toBeNull();
    const plainBackup = (await plain.desk.call('backup.run', {})).path as string;
    // The control: the same check on a desk without encryption does find the complainant.
    expect(leaked(plainBackup)).toEqual(secrets);

    const { desk, folder, recoveryKey } = await deskWithCase({ keyring: keyring() });
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    const backup = (await desk.call('backup.run', {})).path as string;
    const json = await desk.call('data.export', { format: 'json', folder });
    const csv = await desk.call('data.export', { format: 'csv', folder });
    expect(json.path).toMatch(/\.json\.enc$/);
    await desk.close();
    expect(isPlainStoreFile(path.join(desk.dataDir, 'desk.sqlite'))).toBe(false);
    expect(leaked(desk.dataDir)).toEqual([]);
    expect(leaked(backup)).toEqual([]);
    expect(leaked(json.path)).toEqual([]);
    expect(leaked(csv.path)).toEqual([]);
    expect(stringsOf(backup)).not.toContain('JFIF photo');
  });

  it('restores a backup on a fresh data directory with the recovery key, and not without it', async () => {
    const { desk, folder, recoveryKey, registered, upload } = await deskWithCase({ keyring: keyring() });
    await desk.call('backup.run', {});
    await desk.close();

    const fresh = await openTestDesk({ keyring: keyring() });
    open.push(fresh);
    const listed = await fresh.call('recovery.list', { folder });
    expect(listed.items).toEqual([expect.objectContaining({ valid: true, encrypted: true, needsRecoveryKey: true })]);
    const target = listed.items[0]?.path as string;
    const credentials = { path: target, username: admin.username, password: admin.password };
    const without = await fresh.raw('recovery.restore', credentials);
    expect(without).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { recoveryKey: expect.any(String) } } });
    const wrong = await fresh.raw('recovery.restore', { ...credentials, recoveryKey: '7777-7777-7777-7777-7777-7777-7777-7777' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { recoveryKey: expect.any(String) } } });
    const typo = await fresh.raw('recovery.restore', { ...credentials, recoveryKey: 'not a key' });
    expect(typo).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { recoveryKey: expect.any(String) } } });
    expect(fs.existsSync(path.join(fresh.dataDir, 'desk.keys.json'))).toBe(true); // the fresh desk's own, untouched

    const restored = await fresh.call('recovery.restore', { ...credentials, recoveryKey: (recoveryKey as string).toLowerCase() });
    expect(restored.cases).toBe(1);
    await fresh.login();
    const found = await fresh.call('cases.get', { id: registered.id });
    expect(found.complainant.name).toBe(complainant.name);
    expect(found.intake.attachments?.map((a) => a.sha256)).toEqual([upload.sha256]);
    const evidence = await fresh.call('attachments.get', { caseId: registered.id, sha256: upload.sha256 });
    expect(Buffer.from(evidence.dataBase64, 'base64')).toEqual(photo);
  });

  it('a wrong or missing host key opens recovery mode, never an empty desk; the recovery key unlocks it', async () => {
    const first = keyring();
    const { desk, recoveryKey, registered } = await deskWithCase({ keyring: first });
    await desk.close();

    const noKey = await openTestDesk({ dataDir: desk.dataDir, keyring: null });
    expect(noKey.desk.state).toBe('locked');
    expect(await noKey.raw('setup.status', {})).toMatchObject({ ok: false, error: { code: 'store_error' } });
    await noKey.close();

    const other = await openTestDesk({ dataDir: desk.dataDir, keyring: keyring() });
    open.push(other);
    expect(other.desk.state).toBe('locked');
    const health = await other.call('desk.health', {});
    expect(health).toMatchObject({ state: 'locked', message: expect.stringContaining('恢复密钥') });
    const wrong = await other.raw('recovery.unlock', { recoveryKey: '7777-7777-7777-7777-7777-7777-7777-7777' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { recoveryKey: expect.any(String) } } });
    expect(other.desk.state).toBe('locked');
    await other.call('recovery.unlock', { recoveryKey: recoveryKey as string });
    expect(other.desk.state).toBe('ok');
    await other.login();
    expect((await other.call('cases.get', { id: registered.id })).complainant.name).toBe(complainant.name);
  });

  it('encrypts a plain desk where it lies, evidence included, and finishes a conversion a crash interrupted', async () => {
    const { desk, registered, upload } = await deskWithCase({ keyring: null });
    await desk.close();
    const dataDir = desk.dataDir;
    const evidenceFile = path.join(dataDir, 'attachments', upload.sha256.slice(0, 2), upload.sha256);
    expect(fs.readFileSync(evidenceFile)).toEqual(photo);
    // A crash half-way: the key file written, a half-written encrypted copy left beside the plain store.
    const ring = keyring();
    fs.writeFileSync(path.join(dataDir, 'desk.sqlite.encrypting'), randomBytes(5000));
    const first = await openTestDesk({ dataDir, keyring: ring });
    expect(first.desk.state).toBe('ok');
    await first.close();
    expect(isPlainStoreFile(path.join(dataDir, 'desk.sqlite'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'desk.sqlite.encrypting'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'desk.before-encryption.sqlite'))).toBe(false);
    expect(fs.readFileSync(evidenceFile).includes(photo)).toBe(false);
    expect(leaked(dataDir)).toEqual([]);

    const again = await openTestDesk({ dataDir, keyring: ring });
    open.push(again);
    await again.login();
    const found = await again.call('cases.get', { id: registered.id });
    expect(found.complainant.name).toBe(complainant.name);
    const evidence = await again.call('attachments.get', { caseId: registered.id, sha256: upload.sha256 });
    expect(Buffer.from(evidence.dataBase64, 'base64')).toEqual(photo);
  });

  it('converts a store in SQLCipher 4 format (the first encrypted desks) to AEGIS-256, a copy first, finishing after a crash', async () => {
    const ring = keyring();
    const { desk, registered, recoveryKey } = await deskWithCase({ keyring: ring });
    const oldBackup = (await desk.call('backup.run', {})).path as string;
    await desk.close();
    const dataDir = desk.dataDir;
    const storeFile = path.join(dataDir, 'desk.sqlite');
    const dataKey = ring.unwrap(readKeysFile(dataDir)?.host.wrapped as string) as Buffer;
    // The store and a backup as the first encrypted desks left them: the same key, SQLCipher's scheme.
    toSqlcipher(storeFile, dataKey);
    toSqlcipher(path.join(oldBackup, 'desk.sqlite'), dataKey);
    const manifestFile = path.join(oldBackup, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    const backupStore = fs.readFileSync(path.join(oldBackup, 'desk.sqlite'));
    manifest.store = { bytes: backupStore.length, sha256: createHash('sha256').update(backupStore).digest('hex') };
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    const legacyBytes = fs.readFileSync(storeFile);
    // A crash half-way through an earlier conversion: a half-written copy beside the store.
    fs.writeFileSync(`${storeFile}.encrypting`, randomBytes(5000));
    const logged: string[] = [];
    const first = await openTestDesk({ dataDir, keyring: ring, log: (e) => logged.push(String(e)) });
    expect(first.desk.state).toBe('ok');
    await first.close();
    expect(logged.join('\n')).toContain('from sqlcipher4 to aegis256');
    expect(schemeOf(storeFile)).toBe('aegis256');
    for (const left of ['desk.sqlite.encrypting', 'desk.before-reencryption.sqlite'])
      expect(fs.existsSync(path.join(dataDir, left))).toBe(false);
    expect(leaked(dataDir)).toEqual([]);

    // A crash after the rename, before the copy kept first was removed: the next start removes it.
    fs.writeFileSync(path.join(dataDir, 'desk.before-reencryption.sqlite'), legacyBytes);
    const again = await openTestDesk({ dataDir, keyring: ring });
    expect(fs.existsSync(path.join(dataDir, 'desk.before-reencryption.sqlite'))).toBe(false);
    await again.login();
    expect((await again.call('cases.get', { id: registered.id })).complainant.name).toBe(complainant.name);
    await again.close();

    // The backup made before the conversion still restores on a new machine with the recovery key.
    const fresh = await openTestDesk({ keyring: keyring() });
    open.push(fresh);
    const restored = await fresh.call('recovery.restore', {
      path: oldBackup,
      username: admin.username,
      password: admin.password,
      recoveryKey: recoveryKey as string,
    });
    expect(restored.cases).toBe(1);
    // Reopened on the restored store, the desk converted it too.
    expect(schemeOf(path.join(fresh.dataDir, 'desk.sqlite'))).toBe('aegis256');
    await fresh.login();
    expect((await fresh.call('cases.get', { id: registered.id })).complainant.name).toBe(complainant.name);
  });

  it('imports a sealed export into a new desk with the recovery key only', async () => {
    const { desk, folder, recoveryKey } = await deskWithCase({ keyring: keyring() });
    const exported = await desk.call('data.export', { format: 'csv', folder });
    await desk.close();
    const fresh = await openTestDesk({ keyring: keyring() });
    open.push(fresh);
    const without = await fresh.raw('data.import', { path: exported.path, adminPassword: 'moved desk 2026' });
    expect(without).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { recoveryKey: expect.any(String) } } });
    const imported = await fresh.call('data.import', {
      path: exported.path,
      recoveryKey: recoveryKey as string,
      adminPassword: 'moved desk 2026',
    });
    expect(imported.cases).toBe(1);
  });
});
