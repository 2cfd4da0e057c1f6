import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { type SigningIdentity, type SyncClient, SyncRequestError } from '../../core/sync/syncClient.ts';
import type { PulledEvent, WireEvent } from '../../domain/sync/protocol.ts';
import { noted, registeredData, wireEvent } from './serverHarness.ts';

/** A new case on the wire: its registration and `notes` notes, each naming the one before. */
export function caseEvents(notes: number): WireEvent[] {
  const caseId = uuidv7();
  const events = [wireEvent(caseId, [], registeredData)];
  for (let i = 0; i < notes; i++) events.push(wireEvent(caseId, [(events.at(-1) as WireEvent).hash], noted(`第${i + 1}次回访`)));
  return events;
}

/** What a push met on its way: the statuses of the attempts that failed (0: no answer at all). */
export interface Weather {
  failures: { status: number; error: string | undefined }[];
}

/**
 * As the desk's scheduler does: a push the server did not answer (no connection, 5xx) is sent
 * again, signed afresh, until it is answered; a 4xx is the desk's own fault and is not retried.
 */
export async function pushUntilAnswered(
  client: () => SyncClient,
  identity: SigningIdentity,
  events: WireEvent[],
  weather: Weather,
  attempts = 150,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client().push(identity, events);
    } catch (e) {
      if (!(e instanceof SyncRequestError) || (e.status !== 0 && e.status < 500) || attempt >= attempts) throw e;
      weather.failures.push({ status: e.status, error: e.refusal?.error });
      await new Promise((r) => setTimeout(r, e.refusal?.retryAfterMs ?? 200));
    }
  }
}

/** Every event of the desk's site, page after page from the start. */
export async function pullAll(client: SyncClient, identity: SigningIdentity): Promise<PulledEvent[]> {
  const events: PulledEvent[] = [];
  let after = 0;
  for (;;) {
    const page = await client.pull(identity, after);
    events.push(...page.events);
    after = page.cursor;
    if (!page.more) return events;
  }
}

/** Nothing lost, nothing doubled: the site holds each pushed event once, numbered 1…n without a gap. */
export function expectEachOnce(held: readonly PulledEvent[], pushed: readonly WireEvent[]) {
  expect(held.map((e) => e.serverSeq)).toEqual(held.map((_, i) => i + 1));
  const ids = held.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(pushed.map((e) => e.id).sort());
  const byId = new Map(held.map((e) => [e.id, e.hash]));
  for (const e of pushed) expect(byId.get(e.id)).toBe(e.hash);
}

/** Resolves once `ready()` holds, looking every 50 ms. */
export async function until(ready: () => boolean, what: string, maxMs = 120_000) {
  const started = Date.now();
  while (!ready()) {
    if (Date.now() - started > maxMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
