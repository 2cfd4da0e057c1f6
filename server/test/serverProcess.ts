import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The server as an operator runs it (`npm run server`), in a child process on `port`: a test can
 * kill it with SIGKILL and start it again on the same port, and see whether it survives what
 * happens to its database.
 */
export async function spawnServer(options: { port: number; databaseUrl?: string; dataDir?: string; args?: string[] }) {
  const args = ['--import', 'tsx', path.join(root, 'server/cli.ts'), '--port', String(options.port), ...(options.args ?? [])];
  if (options.dataDir) args.push('--data', options.dataDir);
  const env = { ...process.env, DATABASE_URL: options.databaseUrl ?? '' };
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      log.push(...lines);
      if (lines.some((l) => l.includes('READY'))) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
    void exited.then((code) => reject(new Error(`the server exited (${code}) before it was ready:\n${log.join('\n')}`)));
  });
  const scheme = options.args?.includes('--cert') ? 'https' : 'http';
  return {
    url: `${scheme}://127.0.0.1:${options.port}`,
    log,
    /** Whether the process is still running. */
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
export type ServerProcess = Awaited<ReturnType<typeof spawnServer>>;
