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

export function encodeHlc(state: HlcState, device: string): string {
  return `${String(state.wallMs).padStart(15, '0')}-${state.counter.toString(36).padStart(4, '0')}-${device}`;
}

export function decodeHlc(hlc: string): HlcState {
  const [wall, counter] = hlc.split('-');
  return { wallMs: Number(wall), counter: Number.parseInt(counter ?? '0', 36) };
}
