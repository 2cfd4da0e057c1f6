import type { CaseEventData } from '../cases/events.ts';

/** A case's first event, as the tests of the event log, the DAG and the sync server use it. */
export const registeredData: CaseEventData = {
  type: 'registered',
  payload: {
    number: 'A2611-0001',
    queryCode: 'Q',
    type: 'complaint',
    channel: 'phone',
    severity: 'general',
    subject: 's',
    content: 'c',
    complainant: { name: 'n' },
    receivedAt: '2026-11-01T01:00:00.000Z',
    confidential: false,
    anonymous: false,
    deadlines: { acknowledge: '2026-11-02T01:00:00.000Z', feedback: '2026-11-08T01:00:00.000Z', resolve: '2026-12-01T01:00:00.000Z' },
  },
};
