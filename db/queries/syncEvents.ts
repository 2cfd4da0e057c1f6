import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { CaseEvent } from '../../domain/cases/events.ts';
import { caseSpan, eventOfRow, type StoredEventRow } from '../eventCodec.ts';
import type { Database } from '../schema.ts';
import { parties, storedColumns } from './caseEvents.ts';

/** An event of the log as it travels: its fields, and its payload as the exact text hashed. */
export interface OutgoingEvent {
  pos: number;
  event: CaseEvent;
  payloadText: string;
  /** Data were taken out of its payload at the end of retention: its fields no longer give its hash. */
  redacted: boolean;
}

/** The events at these places of the log, in log order. */
export async function eventsAt(db: Kysely<Database>, positions: readonly number[]): Promise<OutgoingEvent[]> {
  if (positions.length === 0) return [];
  const out: OutgoingEvent[] = [];
  for (let i = 0; i < positions.length; i += 500) {
    const page = positions.slice(i, i + 500);
    const result = await sql<StoredEventRow & { case_id: string }>`
      SELECT ${storedColumns}, c.id AS case_id FROM case_events e
      JOIN cases c ON c.seqno = e.pos / ${sql.raw(String(caseSpan))}
      ${parties}
      WHERE e.pos IN (${sql.join(page)}) ORDER BY e.pos`.execute(db);
    for (const r of result.rows) {
      out.push({ pos: r.pos, event: eventOfRow(r.case_id, r), payloadText: r.payload, redacted: r.kept_hash != null });
    }
  }
  return out.sort((a, b) => a.pos - b.pos);
}
