/**
 * Hybrid logical clock: orders events across desks that sync later even when their wall
 * clocks disagree. Encoded so that string order is causal order.
 */
export interface HlcState {
  wallMs: number;
  counter: number;
}

export function tickHlc(last: HlcState, nowMs: number): HlcState {
  if (nowMs > last.wallMs) return { wallMs: nowMs, counter: 0 };
  return { wallMs: last.wallMs, counter: last.counter + 1 };
}

/** Clocks further ahead of this desk's than this are not followed: one desk's wrong clock must not drag every other along. */
export const maxHlcLeadMs = 5 * 60_000;

/**
 * The clock after receiving `remote` (HLC recv): the later of the two, so whatever this desk
 * records next is ordered after what it received. A remote clock more than `maxHlcLeadMs`
 * ahead of this desk's wall time is ignored.
 */
export function receiveHlc(local: HlcState, remote: HlcState, nowMs: number): HlcState {
  if (!Number.isFinite(remote.wallMs) || remote.wallMs > nowMs + maxHlcLeadMs) return local;
  if (remote.wallMs > local.wallMs || (remote.wallMs === local.wallMs && remote.counter > local.counter)) return remote;
  return local;
}

export function encodeHlc(state: HlcState, device: string): string {
  return `${String(state.wallMs).padStart(15, '0')}-${state.counter.toString(36).padStart(4, '0')}-${device}`;
}

export function decodeHlc(hlc: string): HlcState {
  const [wall, counter] = hlc.split('-');
  return { wallMs: Number(wall), counter: Number.parseInt(counter ?? '0', 36) };
}
