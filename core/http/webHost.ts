import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDesk } from '../desk.ts';
import { listen } from './httpTransport.ts';

/**
 * The browser host: `npm run web -- --data DIR --port N`. Serves the built renderer and the
 * desk core on http://127.0.0.1:N/ for Chromium (the e2e tests) and as the fallback where no
 * Electron binary is installed.
 */
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '5170' },
    renderer: { type: 'string' },
  },
});

if (!values.data) {
  console.error('usage: npm run web -- --data DIR [--port N]');
  process.exit(2);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = path.resolve(values.renderer ?? path.join(root, 'out/renderer'));
const dataDir = path.resolve(values.data);
const desk = await createDesk({ dataDir });
const server = await listen(desk, {
  port: Number(values.port),
  rendererDir: fs.existsSync(path.join(rendererDir, 'index.html')) ? rendererDir : null,
});
const { port } = server.address() as AddressInfo;
console.log(`Complaint Desk browser host: http://127.0.0.1:${port}/  (data: ${dataDir})`);

const stop = () => {
  server.close();
  void desk.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
