import { createHash } from 'node:crypto';
import type { CaseEvent, CaseEventData } from '../domain/cases/events.ts';
import { hashInput } from '../domain/cases/hashChain.ts';
import { decodeHlc, encodeHlc } from '../domain/cases/hlc.ts';

/**
 * The stored form of a case event (db/migrations/010_event_dag.ts) and back. Every conversion
 * gives back the exact text it came from, because the hash covers the text.
 */

/** How many places a case's range of the log holds. */
export const caseSpan = 2 ** 20;

export const posOf = (caseSeqno: number, seq: number) => caseSeqno * caseSpan + seq;
export const caseRange = (caseSeqno: number) => ({ from: caseSeqno * caseSpan, to: (caseSeqno + 1) * caseSpan });

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function idBytes(id: string): Buffer {
  if (uuidShape.test(id)) return Buffer.from(id.replaceAll('-', ''), 'hex');
  const bytes = Buffer.from(id, 'utf8');
  if (bytes.length === 16) throw new Error(`an id of 16 bytes that is not a UUID cannot be stored: ${id}`);
  return bytes;
}

export function idText(bytes: Uint8Array): string {
  const b = Buffer.from(bytes);
  if (b.length !== 16) return b.toString('utf8');
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const hashBytes = (hashes: readonly string[]) => Buffer.from(hashes.join(''), 'hex');

export function hashesOf(bytes: Uint8Array): string[] {
  const hex = Buffer.from(bytes).toString('hex');
  return Array.from({ length: hex.length / 64 }, (_, i) => hex.slice(i * 64, i * 64 + 64));
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The clock as stored: milliseconds, the hybrid clock's lead over them and its counter. */
export function clockColumns(event: { at: string; hlc: string; device: string }): { at: number; lead: number; tick: number } {
  const at = Date.parse(event.at);
  const clock = decodeHlc(event.hlc);
  if (Number.isNaN(at) || new Date(at).toISOString() !== event.at || encodeHlc(clock, event.device) !== event.hlc) {
    throw new Error(`an event's time or clock is not in the desk's format: ${event.at} ${event.hlc}`);
  }
  return { at, lead: clock.wallMs - at, tick: clock.counter };
}

/** The stored columns of an event (`actor` and `device`: their numbers in `event_parties`). */
export function storedColumnsOf(caseSeqno: number, event: CaseEvent, payloadText: string, parties: { actor: number; device: number }) {
  return {
    pos: posOf(caseSeqno, event.seq),
    id: idBytes(event.id),
    dag: event.form === 'dag' ? 1 : 0,
    parents: hashBytes(event.parents),
    type: event.type,
    payload: payloadText,
    actor: parties.actor,
    device: parties.device,
    ...clockColumns(event),
  };
}

/** A stored row with the names of its parties, as read. */
export interface StoredEventRow {
  pos: number;
  id: Uint8Array;
  dag: number;
  parents: Uint8Array;
  type: string;
  payload: string;
  actor_name: string;
  device_name: string;
  at: number;
  lead: number;
  tick: number;
  /** The hash the event had before data were taken out of its payload (retention), if they were. */
  kept_hash?: string | null;
}

/** The event a stored row holds, its hash recomputed from its fields. */
export function eventOfRow(caseId: string, row: StoredEventRow): CaseEvent {
  const at = new Date(row.at).toISOString();
  const fields = {
    form: row.dag ? ('dag' as const) : ('chain' as const),
    id: idText(row.id),
    caseId,
    seq: row.pos % caseSpan,
    parents: hashesOf(row.parents),
    type: row.type,
    payload: row.payload,
    actorId: row.actor_name,
    device: row.device_name,
    at,
    hlc: encodeHlc({ wallMs: row.at + row.lead, counter: row.tick }, row.device_name),
  };
  const hash = row.kept_hash ?? sha256(hashInput(fields));
  return { ...fields, payload: JSON.parse(row.payload), hash } as CaseEvent;
}

/** A new DAG event: its fields and its hash. */
export function newDagEvent(
  fields: { id: string; caseId: string; seq: number; parents: readonly string[]; actorId: string; device: string; at: string; hlc: string },
  data: CaseEventData,
): CaseEvent {
  const parents = [...fields.parents].sort();
  const payload = JSON.stringify(data.payload);
  const hashed = { ...fields, form: 'dag' as const, parents, type: data.type, payload };
  return { ...hashed, payload: data.payload, hash: sha256(hashInput(hashed)) } as CaseEvent;
}
