#!/usr/bin/env node
// `npm start`: the desk app in Electron; where no Electron binary is installed, say so
// plainly and start the browser host instead, printing its URL.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

if (spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const binary = electronBinary();
if (binary) {
  // better-sqlite3 is built for this Node; Electron embeds another, so rebuild it for Electron first.
  spawnSync('npx', ['electron-builder', 'install-app-deps'], { stdio: 'inherit' });
  spawn(binary, ['.'], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  const dataDir = process.env.COMPLAINT_DESK_DATA ?? path.join(os.homedir(), '.local', 'share', 'complaint-desk');
  const port = process.env.PORT ?? '5170';
  console.log('');
  console.log('No Electron binary is installed on this machine (its download is not reachable),');
  console.log('so Complaint Desk runs in the browser host instead. Open the URL below in a browser.');
  console.log('');
  spawn(process.execPath, ['--import', 'tsx', 'core/http/webHost.ts', '--data', dataDir, '--port', port], { stdio: 'inherit' }).on(
    'exit',
    (code) => process.exit(code ?? 0),
  );
}
