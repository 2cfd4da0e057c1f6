import type { RegisteredPayload } from './events.ts';

type Recorded = Pick<RegisteredPayload, 'type' | 'channel' | 'subject' | 'content'> &
  Partial<Pick<RegisteredPayload, 'demands' | 'categoryId' | 'respondent'>> & {
    confidential?: boolean | undefined;
    anonymous?: boolean | undefined;
    /** The name may be blank on an anonymous record; it is recorded as ''. */
    complainant: Omit<RegisteredPayload['complainant'], 'name'> & { name?: string | undefined };
  };

/**
 * What a registration records, from the caller's fields and what the desk decided (number,
 * code, severity, receipt time, deadlines). One mapping, so the bench's bulk writer records
 * exactly what the core does.
 */
export function registeredPayload(
  input: Recorded,
  decided: Pick<RegisteredPayload, 'number' | 'queryCode' | 'severity' | 'receivedAt' | 'deadlines'>,
): RegisteredPayload {
  return {
    number: decided.number,
    queryCode: decided.queryCode,
    type: input.type,
    channel: input.channel,
    complainant: { ...input.complainant, name: input.complainant.name ?? '' },
    subject: input.subject,
    content: input.content,
    demands: input.demands,
    categoryId: input.categoryId,
    severity: decided.severity,
    respondent: input.respondent,
    receivedAt: decided.receivedAt,
    confidential: input.confidential ?? false,
    anonymous: input.anonymous ?? false,
    deadlines: decided.deadlines,
  };
}
