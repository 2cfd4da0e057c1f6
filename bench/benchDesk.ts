import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDesk, type Desk } from '../core/desk.ts';
import type { DeskInput, DeskMethod, DeskOutput } from '../domain/api/deskApi.ts';

export const benchAdmin = { username: 'admin', password: 'bench-pass-2026', displayName: '王主任' };

/** A desk opened through createDesk, signed in as the set-up administrator. */
export interface BenchDesk {
  desk: Desk;
  call<M extends DeskMethod>(method: M, input: DeskInput<M>): Promise<DeskOutput<M>>;
  close(): Promise<void>;
}

export async function openBenchDesk(dataDir: string): Promise<BenchDesk> {
  // No backup scheduler: a backup of the benchmark's store would run in the middle of the measurements.
  const desk = await createDesk({ dataDir, log: (e) => console.error(e), backupScheduler: false });
  let token: string | undefined;
  async function call<M extends DeskMethod>(method: M, input: DeskInput<M>): Promise<DeskOutput<M>> {
    const answer = await desk.call(method, input, { token });
    if (!answer.ok) throw new Error(`${method} failed: ${JSON.stringify(answer.error)}`);
    return answer.data as DeskOutput<M>;
  }
  const status = await call('setup.status', {});
  if (!status.initialized) {
    await call('setup.init', { orgName: '市第一人民医院', profile: 'hospital', admin: benchAdmin });
  }
  token = (await call('auth.login', { username: benchAdmin.username, password: benchAdmin.password })).token;
  return { desk, call, close: () => desk.close() };
}

export function benchDataDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `desk-bench-${label}-`));
}

/** Removes a benchmark store and the backup folder a desk keeps beside it. */
export function removeBenchDataDir(dataDir: string): void {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}-backups`, { recursive: true, force: true });
}
