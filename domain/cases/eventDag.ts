/**
 * The events of one case form a DAG: each names the heads it saw. These rules order a case's
 * events the same way on every desk, whatever order they arrived in, and find what is wrong
 * with a stored log.
 */

export interface DagNode {
  id: string;
  hash: string;
  parents: readonly string[];
  hlc: string;
}

const byClock = (a: DagNode, b: DagNode) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Causal order: every event after the events it saw; among events that did not see each other,
 * the earlier clock first (ties: the id). Parents missing from `events` are ignored, so a log
 * still folds while a refusal about it is reported elsewhere.
 */
export function causalOrder<E extends DagNode>(events: readonly E[]): E[] {
  const byHash = new Map(events.map((e) => [e.hash, e]));
  // A log written by one desk is already in causal order and linear: keep it without sorting.
  if (events.every((e, i) => (i === 0 ? e.parents.length === 0 : e.parents.length === 1 && e.parents[0] === events[i - 1]?.hash))) {
    return [...events];
  }
  const waiting = new Map<string, number>();
  const children = new Map<string, E[]>();
  for (const e of events) {
    const known = [...new Set(e.parents)].filter((p) => byHash.has(p));
    waiting.set(e.hash, known.length);
    for (const p of known) children.set(p, [...(children.get(p) ?? []), e]);
  }
  const ready = events.filter((e) => waiting.get(e.hash) === 0);
  const order: E[] = [];
  while (ready.length > 0) {
    ready.sort(byClock);
    const next = ready.shift() as E;
    order.push(next);
    for (const child of children.get(next.hash) ?? []) {
      const left = (waiting.get(child.hash) ?? 0) - 1;
      waiting.set(child.hash, left);
      if (left === 0) ready.push(child);
    }
  }
  // A cycle cannot be written through hashes; anything left over is appended by clock.
  if (order.length < events.length) order.push(...events.filter((e) => !order.includes(e)).sort(byClock));
  return order;
}

/**
 * The events (by id) that were recorded without seeing some event folded before them: only
 * these can have become impossible, and only these are checked again when folding.
 */
export function madeConcurrently(order: readonly DagNode[]): Set<string> {
  const concurrent = new Set<string>();
  const index = new Map(order.map((e, i) => [e.hash, i]));
  const parentsOf = new Map(order.map((e) => [e.hash, e.parents]));
  // complete[i]: event i saw every event before it in the order.
  const complete: boolean[] = [];
  order.forEach((e, i) => {
    const previous = order[i - 1];
    if (i === 0 || (previous && e.parents.includes(previous.hash) && complete[i - 1])) {
      complete.push(true);
      return;
    }
    const seen = new Set<string>();
    const stack = [...e.parents];
    while (stack.length > 0) {
      const h = stack.pop() as string;
      if (seen.has(h) || !index.has(h)) continue;
      seen.add(h);
      stack.push(...(parentsOf.get(h) ?? []));
    }
    const all = seen.size === i;
    complete.push(all);
    if (!all) concurrent.add(e.id);
  });
  return concurrent;
}

/** The events no other event names: the heads a new event must name. Sorted, so every desk hashes the same list. */
export function headsOf(events: readonly DagNode[]): string[] {
  const named = new Set(events.flatMap((e) => e.parents));
  return events
    .map((e) => e.hash)
    .filter((h) => !named.has(h))
    .sort();
}

export interface StoredNode extends DagNode {
  /** The place in this desk's log, from 1. */
  seq: number;
  form: 'chain' | 'dag';
}

export type LogFault = 'hash' | 'link' | 'sequence' | 'head';

/**
 * What is wrong with a case's stored log, first by place, or null. Hashes are recomputed from
 * the stored fields (`hash`), so an edited event is one that nothing names any more (`hash`);
 * an event naming a hash that is not in the log lost its parent (`link`); places must run 1..n
 * and reach the count the case recorded (`sequence`: an event removed); the case's recorded
 * heads must be the log's heads (`head`). Chain events keep their own rule: one parent, the
 * event just before.
 */
export function logFault(
  events: readonly StoredNode[],
  recorded: { heads: readonly string[]; count: number },
): { seq: number; problem: LogFault } | null {
  const gap = events.findIndex((e, i) => e.seq !== i + 1);
  if (gap >= 0) return { seq: gap + 1, problem: 'sequence' };
  if (events.length < recorded.count) return { seq: events.length + 1, problem: 'sequence' };
  const faults: { seq: number; problem: LogFault }[] = [];
  const seen = new Set<string>();
  events.forEach((e, i) => {
    const previous = events[i - 1];
    const chainBroken =
      e.form === 'chain' &&
      (previous?.form === 'dag' || e.parents.length !== (previous ? 1 : 0) || (previous && e.parents[0] !== previous.hash));
    if (chainBroken || e.parents.some((p) => !seen.has(p))) faults.push({ seq: e.seq, problem: 'link' });
    seen.add(e.hash);
  });
  const named = new Set([...events.flatMap((e) => e.parents), ...recorded.heads]);
  for (const e of events) if (!named.has(e.hash)) faults.push({ seq: e.seq, problem: 'hash' });
  const heads = headsOf(events);
  const kept = [...recorded.heads].sort();
  if (events.length > recorded.count || heads.length !== kept.length || heads.some((h, i) => h !== kept[i])) {
    faults.push({ seq: events.length + 1, problem: 'head' });
  }
  if (faults.length === 0) return null;
  return faults.reduce((first, f) => (f.seq < first.seq || (f.seq === first.seq && f.problem === 'hash') ? f : first));
}
