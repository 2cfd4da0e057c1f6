import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { StoreLockedError } from '../../db/storeLock.ts';
import { setupTokenParam } from '../../domain/api/setupToken.ts';
import { startDeadlineSweeps } from '../deadlines/sweepTimer.ts';
import { createDesk, type Desk } from '../desk.ts';
import { type HostKeySource, hostKeySource } from '../keys/hostKeySource.ts';
import { listen } from './httpTransport.ts';
import { createSetupToken } from './requestGuard.ts';

/**
 * The browser host: `npm run web -- --data DIR --port N`. Serves the built renderer and the
 * desk core on http://127.0.0.1:N/ for Chromium (the e2e tests) and as the fallback where no
 * Electron binary is installed. The URL it prints carries the setup token: only with it can the
 * first-run wizard set the desk up, or the recovery screen import or restore.
 */
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '5170' },
    renderer: { type: 'string' },
    'key-file': { type: 'string' },
  },
});

if (!values.data) {
  console.error('usage: npm run web -- --data DIR [--port N] [--key-file FILE]');
  process.exit(2);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = path.resolve(values.renderer ?? path.join(root, 'out/renderer'));
const dataDir = path.resolve(values.data);
let desk: Desk;
let keySource: HostKeySource;
try {
  keySource = hostKeySource(dataDir, values['key-file'], process.env);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
}
try {
  desk = await createDesk({ dataDir, keyring: keySource.keyring });
} catch (e) {
  // Another desk holds this folder: say so and stop, rather than share the store.
  console.error(e instanceof StoreLockedError ? e.message : e);
  process.exit(1);
}
const stopSweeps = startDeadlineSweeps(desk);
// A token chosen by whoever started the host (the e2e runner) comes through the environment,
// which other users cannot read, never through the command line, which they can.
const setupToken = createSetupToken(process.env.DESK_SETUP_TOKEN || undefined);
const server = await listen(desk, {
  port: Number(values.port),
  rendererDir: fs.existsSync(path.join(rendererDir, 'index.html')) ? rendererDir : null,
  setupToken,
});
const { port } = server.address() as AddressInfo;
console.log(
  `Complaint Desk browser host: http://127.0.0.1:${port}/?${setupTokenParam}=${setupToken.value}  (data: ${dataDir}; key: ${keySource.description})`,
);
if (desk.state !== 'ok') console.log(`The desk's store could not be opened (${desk.state}): the page offers to restore a backup.`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  stopSweeps();
  server.close();
  void desk
    .backupOnQuit()
    .then(() => desk.close())
    .then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
