import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addSite, issueEnrolmentCode } from '../../server/admin.ts';
import { openServerStore } from '../../server/store/openServerStore.ts';
import { freePort } from '../../server/test/pgCluster.ts';
import { type ServerProcess, spawnServer } from '../../server/test/serverProcess.ts';

/**
 * The sync server as an operator runs it, in a process of its own over a SQLite store, for
 * desks in tests: it can be killed (SIGKILL) and started again on the same port. Its site and
 * enrolment codes are made before it starts.
 */
export async function startServerProcess(site: string, codes: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-sync-server-'));
  const admin = await openServerStore({ dataDir });
  await addSite(admin.db, site, new Date());
  const issued: string[] = [];
  for (let i = 0; i < codes; i++) issued.push((await issueEnrolmentCode(admin.db, site, new Date())).code);
  await admin.close();
  const port = await freePort();
  let running: ServerProcess = await spawnServer({ port, dataDir });
  return {
    url: running.url,
    /** The server's SQLite store, for reading what it holds while it runs. */
    dataDir,
    /** The next unused enrolment code. */
    code: () => {
      const code = issued.shift();
      if (!code) throw new Error('no enrolment code left');
      return code;
    },
    kill: () => running.kill('SIGKILL'),
    async restart() {
      running = await spawnServer({ port, dataDir });
    },
    async close() {
      await running.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
