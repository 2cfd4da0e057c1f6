import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setupTokenHeader } from '../domain/api/setupToken.ts';

/**
 * A browser host of its own, on a fresh data directory and a free port, for a spec that needs
 * a desk set up differently from the shared one (the shared one belongs to the wizard flow).
 */
export async function startOwnHost(): Promise<{ url: string; setupUrl: string; dataDir: string; stop: () => void }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-own-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'core/http/webHost.ts', '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const printed = await hostUrlOf(child);
  return { ...printed, dataDir, stop: () => child.kill('SIGTERM') };
}

const setupTokens = new Map<string, string>();

/**
 * The URL a browser host printed: `url` is its address, `setupUrl` the same with the setup
 * token the first-run wizard needs. The token is remembered for `api` calls to that host.
 */
export function hostUrlOf(child: ChildProcess): Promise<{ url: string; setupUrl: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser host did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/(http:\/\/127\.0\.0\.1:\d+\/)\?setup=([\w-]+)/);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        setupTokens.set(match[1], match[2]);
        resolve({ url: match[1], setupUrl: match[0] });
      }
    });
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}: ${out}`)));
  });
}

/** Calls the desk's HTTP API directly, for setting up what the spec is not about. */
export async function api<T>(url: string, method: string, input: unknown, token?: string): Promise<T> {
  const response = await fetch(`${url}api/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(setupTokens.has(url) ? { [setupTokenHeader]: setupTokens.get(url) ?? '' } : {}),
    },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; data?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.data as T;
}
