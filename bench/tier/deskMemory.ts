import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Add, targets } from './shared.ts';

interface HourResult {
  calls: number;
  mix: Record<string, number>;
  seconds: number;
  rssMiB: number;
  heapMiB: number;
  externalMiB: number;
  peakRssMiB: number;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The desk's resident memory after a simulated hour of a busy desk (deskHour.ts), in a process
 * of its own: the bench's own process holds the generator's and the floors' data, which the
 * desk's host process never does. The store's desk must be closed (the child takes its lock).
 */
export async function measureDeskHour(dataDir: string, seed: number, fraction: number, add: Add): Promise<void> {
  const result = await new Promise<HourResult>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/tier/deskHour.ts', '--data', dataDir, '--seed', String(seed), '--fraction', String(fraction)],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as HourResult);
      else reject(new Error(`the desk's hour ended with ${code}: ${out}`));
    });
  });
  const mix = Object.entries(result.mix)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  add({
    metric: "desk process's resident memory after a simulated hour of a busy desk",
    unit: 'MiB',
    value: result.rssMiB,
    target: targets.memory,
    note: `${fraction < 1 ? `${fraction} of ` : ''}the hour is simulated: ${result.calls} calls in a process of its own (no Electron, no renderer; node with tsx), shuffled, back to back (${result.seconds.toFixed(0)} s): ${mix}; heap ${result.heapMiB.toFixed(0)} MiB, external ${result.externalMiB.toFixed(0)} MiB, peak RSS ${result.peakRssMiB.toFixed(0)} MiB`,
  });
}
