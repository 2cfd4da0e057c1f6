import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll } from 'vitest';
import { createSetupToken } from '../../core/http/requestGuard.ts';
import { createSyncClient, makeDeskKeys } from '../../core/sync/syncClient.ts';
import type { Envelope } from '../../domain/api/envelope.ts';
import { setupTokenHeader } from '../../domain/api/setupToken.ts';
import type { ConsoleInput, ConsoleMethod, ConsoleOutput } from '../../domain/console/consoleApi.ts';
import { createSyncServer } from '../http.ts';
import { openServerStore, type ServerStore } from '../store/openServerStore.ts';
import { startPgCluster } from './pgCluster.ts';
import type { dialects } from './serverHarness.ts';

/** A console call's answer as it came: the HTTP status and the envelope. */
export interface ConsoleAnswer<T = unknown> {
  status: number;
  body: Envelope<T>;
}

export const consoleAdmin = { username: 'groupadmin', password: 'Group-Admin-2026', displayName: '集团管理员' };

/**
 * A server (sync routes and console) on a free loopback port over a fresh store, with a clock
 * the test moves (`clock.ms`) and a known setup token, for the console's tests; `setUp()` makes
 * the group and signs its first administrator in.
 */
export async function startConsoleServer(options: { databaseUrl?: string; rendererDir?: string } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-console-'));
  const store: ServerStore = await openServerStore(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir });
  const clock = { ms: Date.now() };
  const now = () => new Date(clock.ms);
  const log: string[] = [];
  const setupToken = createSetupToken('console-test-setup-token');
  const server = createSyncServer({
    db: store.db,
    dialect: store.dialect,
    now,
    log: (line) => log.push(line),
    evidenceDir: options.databaseUrl ? undefined : path.join(dataDir, 'evidence'),
    console: { rendererDir: options.rendererDir ?? null, setupToken },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Any call, as raw as a browser's: the method name and body unchecked. */
  async function raw<T = unknown>(
    method: string,
    input: unknown,
    headers: { token?: string | undefined; locale?: string; setup?: string } = {},
  ): Promise<ConsoleAnswer<T>> {
    const response = await fetch(`${url}/api/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': headers.locale ?? 'en',
        ...(headers.token ? { authorization: `Bearer ${headers.token}` } : {}),
        ...(headers.setup ? { [setupTokenHeader]: headers.setup } : {}),
      },
      body: JSON.stringify(input),
    });
    return { status: response.status, body: (await response.json()) as Envelope<T> };
  }

  /** A call that must succeed: its data. */
  async function call<M extends ConsoleMethod>(token: string | undefined, method: M, input: ConsoleInput<M>): Promise<ConsoleOutput<M>> {
    const answer = await raw<ConsoleOutput<M>>(method, input, { token });
    if (!answer.body.ok) throw new Error(`${method}: ${JSON.stringify(answer.body.error)}`);
    return answer.body.data;
  }

  return {
    url,
    store,
    log,
    clock,
    setupToken: setupToken.value,
    raw,
    call,
    async signIn(username: string, password: string): Promise<string> {
      return (await call(undefined, 'auth.login', { username, password })).token;
    },
    /** The group 示例医疗集团 and its first administrator, signed in: the administrator's token. */
    async setUp(): Promise<string> {
      const answer = await raw('setup.init', { groupName: '示例医疗集团', admin: consoleAdmin }, { setup: setupToken.value });
      if (!answer.body.ok) throw new Error(`setup.init: ${JSON.stringify(answer.body.error)}`);
      return this.signIn(consoleAdmin.username, consoleAdmin.password);
    },
    /** A new desk enrolled in `siteId` with a code the administrator signed in as `token` issued. */
    async enrolDesk(token: string, siteId: number) {
      const keys = makeDeskKeys();
      const deskId = uuidv7();
      const client = createSyncClient({ serverUrl: url });
      const { code } = await call(token, 'sites.issueCode', { siteId });
      await client.enrol({ code, publicKey: keys.publicKey, deskName: 'desk', deskId });
      return { client, identity: { deskId, privateKey: keys.privateKey } };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type ConsoleServer = Awaited<ReturnType<typeof startConsoleServer>>;

/** A console server on `dialect` (its own PostgreSQL cluster for 'postgres') for the tests of the describe block that calls this. */
export function consolePerSuite(dialect: (typeof dialects)[number]): { readonly server: ConsoleServer } {
  let started: ConsoleServer | undefined;
  let cluster: Awaited<ReturnType<typeof startPgCluster>> | undefined;
  beforeAll(async () => {
    if (dialect === 'postgres') cluster = await startPgCluster();
    started = await startConsoleServer(cluster ? { databaseUrl: cluster.url } : {});
  }, 120_000);
  afterAll(async () => {
    await started?.close();
    cluster?.stop();
  }, 60_000);
  return {
    get server() {
      if (!started) throw new Error('the console server starts before the tests');
      return started;
    },
  };
}
