import type BetterSqlite3 from 'better-sqlite3';

/**
 * Migration 10: the event log redesigned once, for several writers and for size. Imports
 * nothing of the app: the conversions below are frozen with it.
 *
 * - Each event names the hashes of the heads of its case it saw (a DAG); the old per-case
 *   chains become DAG events of the `chain` form (`dag` = 0), their one `prev_hash` their one
 *   parent, so every old event keeps its hash and still verifies.
 * - Nothing derivable is stored: the hash is recomputed from the fields (the children and the
 *   case's `heads` name it), the case id and the place in the log are the key, the clock's
 *   wall time is stored as its lead over `at`, the device is not repeated in the clock.
 * - Ids and hashes are bytes; who acted and on which desk are numbers of `event_parties`.
 * - The key serves the case's read path: `pos` = the case's seqno × 2^20 + the event's place,
 *   so a case's events are one range of the table, read in order, with no index at all.
 * - The newest clock is kept in `counters` ('hlc'), where the index on every event was.
 * Every conversion is checked to give back the exact text it came from; a store with an event
 * that would not (never written by the desk) is refused, not changed.
 */

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const hexHash = /^[0-9a-f]{64}$/;
const genesis = '0'.repeat(64);

class NotLossless extends Error {
  constructor(what: string, value: unknown) {
    super(`migration 10: an event's ${what} (${String(value)}) cannot be stored without changing it`);
  }
}

function idBytes(id: string): Buffer {
  if (uuidShape.test(id)) return Buffer.from(id.replaceAll('-', ''), 'hex');
  const bytes = Buffer.from(id, 'utf8');
  if (bytes.length === 16) throw new NotLossless('id', id);
  return bytes;
}

function parentBytes(prevHash: string): Buffer {
  if (prevHash === genesis) return Buffer.alloc(0);
  if (!hexHash.test(prevHash)) throw new NotLossless('previous hash', prevHash);
  return Buffer.from(prevHash, 'hex');
}

function atMs(at: string): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms) || new Date(ms).toISOString() !== at) throw new NotLossless('time', at);
  return ms;
}

function clockParts(at: string, hlc: string, device: string): { lead: number; tick: number } {
  const [wall = '', counter = ''] = hlc.split('-');
  const wallMs = Number(wall);
  const tick = Number.parseInt(counter, 36);
  const again = `${String(wallMs).padStart(15, '0')}-${tick.toString(36).padStart(4, '0')}-${device}`;
  if (again !== hlc) throw new NotLossless('clock', hlc);
  return { lead: wallMs - atMs(at), tick };
}

export function run(sqlite: BetterSqlite3.Database): void {
  const orphans = sqlite
    .prepare('SELECT count(*) FROM case_events e WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id)')
    .pluck()
    .get() as number;
  if (orphans > 0) throw new Error(`migration 10: ${orphans} events belong to no case`);
  const longest = sqlite.prepare('SELECT coalesce(max(seq), 0) FROM case_events').pluck().get() as number;
  if (longest >= 1048576) throw new Error('migration 10: a case has more events than its key range holds');
  const count = sqlite.prepare('SELECT count(*) FROM case_events').pluck().get() as number;
  sqlite.function('m10_id', { deterministic: true }, (id) => idBytes(String(id)));
  sqlite.function('m10_parent', { deterministic: true }, (h) => parentBytes(String(h)));
  sqlite.function('m10_at', { deterministic: true }, (at) => atMs(String(at)));
  sqlite.function('m10_lead', { deterministic: true }, (at, hlc, device) => clockParts(String(at), String(hlc), String(device)).lead);
  sqlite.function('m10_tick', { deterministic: true }, (at, hlc, device) => clockParts(String(at), String(hlc), String(device)).tick);
  sqlite.exec(`
CREATE TABLE event_parties (
  n INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
) STRICT;
INSERT INTO event_parties (name) SELECT actor_id FROM case_events UNION SELECT device FROM case_events;

CREATE TABLE case_events_dag (
  pos INTEGER PRIMARY KEY,
  id BLOB NOT NULL,
  dag INTEGER NOT NULL,
  parents BLOB NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  actor INTEGER NOT NULL REFERENCES event_parties(n),
  device INTEGER NOT NULL REFERENCES event_parties(n),
  at INTEGER NOT NULL,
  lead INTEGER NOT NULL,
  tick INTEGER NOT NULL
) STRICT;
INSERT INTO case_events_dag
SELECT c.seqno * 1048576 + e.seq, m10_id(e.id), 0, m10_parent(e.prev_hash), e.type, e.payload, a.n, d.n,
       m10_at(e.at), m10_lead(e.at, e.hlc, e.device), m10_tick(e.at, e.hlc, e.device)
FROM case_events e
JOIN cases c ON c.id = e.case_id
JOIN event_parties a ON a.name = e.actor_id
JOIN event_parties d ON d.name = e.device
ORDER BY c.seqno, e.seq;

INSERT INTO counters (scope, value)
SELECT 'hlc', coalesce(CAST(substr(max(hlc), 1, 15) AS INTEGER), 0) FROM case_events;

ALTER TABLE cases ADD COLUMN heads BLOB NOT NULL DEFAULT x'';
UPDATE cases SET heads = unhex(last_hash) WHERE length(last_hash) = 64;
ALTER TABLE cases DROP COLUMN last_hash;
ALTER TABLE cases ADD COLUMN conflict_count INTEGER NOT NULL DEFAULT 0;

DROP TABLE case_events;
ALTER TABLE case_events_dag RENAME TO case_events;
CREATE TRIGGER case_events_append_only_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_append_only_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
`);
  const copied = sqlite.prepare('SELECT count(*) FROM case_events').pluck().get() as number;
  if (copied !== count) throw new Error(`migration 10: ${count} events before, ${copied} after`);
}
