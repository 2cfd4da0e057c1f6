import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSetupToken } from '../core/http/requestGuard.ts';
import { setupTokenParam } from '../domain/api/setupToken.ts';
import { addSite, adminMessage, issueEnrolmentCode, revoke } from './admin.ts';
import { createSyncServer } from './http.ts';
import { countActiveAdmins } from './store/consoleQueries.ts';
import { openServerStore } from './store/openServerStore.ts';

/**
 * The sync server and the group console it serves at `/` (built by `npm run build`), and the
 * same administration of sites, codes and desks from the command line:
 *   npm run server -- --data DIR --port N [--host H] [--cert F --key F] [--renderer DIR]   (DATABASE_URL=postgres://… for PostgreSQL)
 *   npm run server -- site add --data DIR --name NAME
 *   npm run server -- enrol-code --data DIR --site NAME
 *   npm run server -- revoke --data DIR --desk ID
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '5190' },
    host: { type: 'string', default: '127.0.0.1' },
    cert: { type: 'string' },
    renderer: { type: 'string' },
    key: { type: 'string' },
    name: { type: 'string' },
    site: { type: 'string' },
    desk: { type: 'string' },
  },
});

const usage = `usage:
  npm run server -- --data DIR --port N [--host H] [--cert FILE --key FILE] [--renderer DIR]
  npm run server -- site add --data DIR --name NAME
  npm run server -- enrol-code --data DIR --site NAME
  npm run server -- revoke --data DIR --desk ID
  (with DATABASE_URL=postgres://… the store is PostgreSQL instead of DIR)`;

const databaseUrl = process.env.DATABASE_URL || undefined;
if (!values.data && !databaseUrl) {
  console.error(usage);
  process.exit(2);
}
const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
const store = await openServerStore({ dataDir: values.data, databaseUrl, log });
const command = positionals.join(' ');
const now = () => new Date();

async function administer(): Promise<boolean> {
  if (command === 'site add') {
    if (!values.name) throw new Error('site add needs --name NAME');
    const site = await addSite(store.db, values.name, now());
    console.log(`site ${site.name} added`);
  } else if (command === 'enrol-code') {
    if (!values.site) throw new Error('enrol-code needs --site NAME');
    const { code, expiresAt } = await issueEnrolmentCode(store.db, values.site, now());
    console.log(`enrolment code for ${values.site}: ${code} (one use, expires ${expiresAt})`);
  } else if (command === 'revoke') {
    if (!values.desk) throw new Error('revoke needs --desk ID');
    console.log((await revoke(store.db, values.desk, now())) ? `desk ${values.desk} revoked` : `no enrolled desk ${values.desk}`);
  } else if (command !== '') {
    console.error(usage);
    process.exitCode = 2;
  } else {
    return false;
  }
  return true;
}

try {
  if (await administer()) {
    await store.close();
  } else {
    if ((values.cert === undefined) !== (values.key === undefined)) throw new Error('HTTPS needs both --cert and --key');
    const tls = values.cert && values.key ? { cert: fs.readFileSync(values.cert), key: fs.readFileSync(values.key) } : undefined;
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const rendererDir = path.resolve(values.renderer ?? path.join(root, 'out/renderer'));
    // Printed while the group has no administrator: whoever reads the server's output sets it up.
    // A token chosen by whoever started the server (the e2e runner) comes through the environment.
    const setupToken = createSetupToken(process.env.DESK_SETUP_TOKEN || undefined);
    const needsSetup = (await countActiveAdmins(store.db)) === 0;
    const server = createSyncServer({
      db: store.db,
      dialect: store.dialect,
      now,
      log,
      tls,
      // The SQLite server keeps evidence as files beside its store; PostgreSQL keeps it in the database every process reaches.
      evidenceDir: store.dialect === 'sqlite' && values.data ? path.join(values.data, 'evidence') : undefined,
      console: { rendererDir: fs.existsSync(path.join(rendererDir, 'console.html')) ? rendererDir : null, setupToken },
    });
    server.listen(Number(values.port), values.host, () => {
      const { port } = server.address() as AddressInfo;
      const base = `${tls ? 'https' : 'http'}://${values.host}:${port}/`;
      if (needsSetup) console.log(`Group console first setup (one use): ${base}?${setupTokenParam}=${setupToken.value}`);
      console.log(`Complaint Desk sync server and group console: ${base} (${store.dialect}) READY`);
    });
    const stop = () => server.close(() => void store.close().then(() => process.exit(0)));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
} catch (e) {
  console.error(adminMessage(e));
  await store.close();
  process.exit(1);
}
