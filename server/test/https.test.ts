import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncClient, makeDeskKeys, SyncRequestError } from '../../core/sync/syncClient.ts';
import { addSite, issueEnrolmentCode } from '../admin.ts';
import { openServerStore, type ServerStore } from '../store/openServerStore.ts';
import { freePort } from './pgCluster.ts';
import { selfSignedCert } from './selfSignedCert.ts';
import { type ServerProcess, spawnServer } from './serverProcess.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The TLS code deep in a failed fetch (undici wraps the socket's error as `cause`). */
function causeCode(e: unknown): string {
  let current: unknown = e;
  for (let i = 0; i < 4 && current; i++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown; reason?: unknown }).reason ?? (current as { cause?: unknown }).cause;
  }
  return '';
}

/**
 * `npm run server -- --cert --key`: HTTPS with a certificate made here (openssl, self-signed for
 * 127.0.0.1). A desk that trusts it syncs; one that does not is refused by its own TLS before
 * anything is sent; plain HTTP on the port gets no answer. Nothing is written by either.
 */
describe('the sync server over HTTPS', () => {
  let dir: string;
  let certFile: string;
  let admin: ServerStore;
  let server: ServerProcess;
  let port: number;
  const events = async () =>
    Number(
      (
        await admin.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const desks = async () => (await admin.db.selectFrom('desks').select('id').execute()).length;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-https-'));
    const made = selfSignedCert(dir);
    certFile = made.certFile;
    admin = await openServerStore({ dataDir: path.join(dir, 'data') });
    await addSite(admin.db, '第一医院', new Date());
    port = await freePort();
    server = await spawnServer({
      port,
      dataDir: path.join(dir, 'data'),
      args: ['--cert', certFile, '--key', made.keyFile],
    });
  }, 120_000);
  afterAll(async () => {
    await server?.kill();
    await admin?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('refuses a desk that does not trust the certificate, with a certificate error code, and writes nothing', async () => {
    expect(server.url).toBe(`https://127.0.0.1:${port}`);
    const { code } = await issueEnrolmentCode(admin.db, '第一医院', new Date());
    const client = createSyncClient({ serverUrl: server.url });
    const failed = await client
      .enrol({ code, publicKey: makeDeskKeys().publicKey, deskName: 'x', deskId: uuidv7() })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SyncRequestError);
    expect((failed as SyncRequestError).status).toBe(0);
    expect(causeCode(failed)).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(await desks()).toBe(0);
  });

  it('answers plain HTTP on its port with nothing', async () => {
    const { code } = await issueEnrolmentCode(admin.db, '第一医院', new Date());
    const plain = createSyncClient({ serverUrl: `http://127.0.0.1:${port}` });
    const failed = await plain
      .enrol({ code, publicKey: makeDeskKeys().publicKey, deskName: 'x', deskId: uuidv7() })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SyncRequestError);
    expect((failed as SyncRequestError).status).toBe(0);
    expect(await desks()).toBe(0);
  });

  it('serves a desk that trusts it: enrol, push, pull', async () => {
    const { code } = await issueEnrolmentCode(admin.db, '第一医院', new Date());
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'server/test/trustingDesk.ts'), server.url, code], {
      cwd: root,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: certFile },
      encoding: 'utf8',
    });
    expect(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')).toEqual({ protocol: 1, prefix: 'A', accepted: 3, pulled: 3 });
    expect(await events()).toBe(3);
    expect(await desks()).toBe(1);
  }, 60_000);
});
