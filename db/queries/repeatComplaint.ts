import { sql } from 'kysely';
import { repeatWindowDays } from '../../domain/reports/figures.ts';

/**
 * Whether the case `c` repeats a complaint: the same phone and category as a case received in the
 * window before it, that one not merged away. The live reports and the roll-ups' counted row read
 * the one rule, so the two can never count repeats differently.
 */
export const isRepeatComplaint = sql<boolean>`c.type = 'complaint' AND c.complainant_phone IS NOT NULL AND EXISTS (
  SELECT 1 FROM cases p
  WHERE p.complainant_phone = c.complainant_phone
    AND p.category_id IS c.category_id
    AND p.id <> c.id
    AND NOT EXISTS (SELECT 1 FROM case_report_facts pr WHERE pr.case_seqno = p.seqno AND pr.merged = 1)
    AND p.received_at < c.received_at
    AND p.received_at >= strftime('%Y-%m-%dT%H:%M:%fZ', c.received_at, ${`-${repeatWindowDays} days`})
)`;
