import type { BenchDesk } from '../benchDesk.ts';
import { createRng } from '../data/rng.ts';
import { syntheticCase, type Vocabulary } from '../data/syntheticCase.ts';
import { type openRaw, rawRegistration } from '../measure/floors.ts';
import { summarise } from '../measure/stats.ts';
import { type Add, type TierOptions, targets } from './shared.ts';

export async function measureRegistration(bench: BenchDesk, raw: ReturnType<typeof openRaw>, options: TierOptions, add: Add) {
  const rng = createRng(options.seed + 2);
  const vocabulary: Vocabulary = {
    categories: raw.prepare('SELECT id, name FROM categories').all() as { id: string; name: string }[],
    departments: (raw.prepare('SELECT id FROM departments').all() as { id: string }[]).map((d) => d.id),
    receptionists: ['-'],
    handlers: new Map(),
  };
  const n = options.writes;
  const inputs = Array.from({ length: n + 3 }, () => {
    const { input } = syntheticCase(rng, vocabulary, Date.now() - 60_000, Date.now());
    return { ...input, receivedAt: new Date(Date.now() - 60_000).toISOString() };
  });
  // Core and floor alternate, so that both meet the same disk: on a shared machine the
  // latency of an fsync drifts over seconds, and every commit here waits for one.
  const floorWriter = rawRegistration(raw, createRng(options.seed + 3));
  const durations: number[] = [];
  const floorDurations: number[] = [];
  for (let i = 0; i < n + 3; i++) {
    const started = performance.now();
    const result = await bench.call('cases.register', inputs[i] as (typeof inputs)[number]);
    const took = performance.now() - started;
    const copy = floorWriter.copyOf(result.id, i);
    const floorStarted = performance.now();
    floorWriter.insert(copy);
    const floorTook = performance.now() - floorStarted;
    if (i < 3) continue; // warm-up
    durations.push(took);
    floorDurations.push(floorTook);
  }
  const value = summarise(durations);
  const floor = summarise(floorDurations);
  add({
    metric:
      "registration through the core: cases.register via createDesk's call (validation, number, event, projection, search rows), synchronous=FULL",
    value,
    floor,
    target: targets.registration,
    note: "floor: the same case + event rows and two search documents, one prepared statement per table, one transaction each, alternating with the core; each copy carries the name, phone and texts of a case already stored (a new complainant, like the core's), not the core's own, whose index pages the core has just read",
  });
}
