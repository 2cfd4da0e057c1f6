import { causalOrder, type DagNode } from '../cases/eventDag.ts';

interface LoggedEvent extends DagNode {
  type: string;
  payload: unknown;
}

/**
 * A missed deadline is a fact about the case, not about the desk that noticed it: every desk of
 * a site runs its own deadline sweep, so two desks that both held the case at the due time each
 * record the breach of the same clock, and after sync the log holds it twice. Both events stay
 * (the log is append-only and each is a true record of its desk), but they mean one thing: the
 * breach of one clock at one due time. The first of them in causal order (the same on every
 * desk, whatever order they arrived in) is the fact; the ids answered here are the others,
 * which the case's views leave out. The folds already count a clock's breach once.
 */
export function repeatedBreaches(events: readonly LoggedEvent[]): Set<string> {
  const repeats = new Set<string>();
  if (events.filter((e) => e.type === 'deadlineBreached').length < 2) return repeats;
  const seen = new Set<string>();
  for (const e of causalOrder(events)) {
    if (e.type !== 'deadlineBreached') continue;
    const { clock, due } = (e.payload ?? {}) as { clock?: string; due?: string };
    const meaning = `${clock}|${due ?? ''}`;
    if (seen.has(meaning)) repeats.add(e.id);
    else seen.add(meaning);
  }
  return repeats;
}
