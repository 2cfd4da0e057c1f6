import { expect, it } from 'vitest';
import { syncHeaders } from '../../domain/sync/protocol.ts';
import { deskSaid } from '../deskSaid.ts';

const now = new Date('2026-12-02T12:00:00.000Z');

it('records when a desk was heard from, its clock drift and what it said of itself', () => {
  const said = deskSaid(
    { [syncHeaders.version]: '0.1.0', [syncHeaders.backupAt]: '2026-12-02T03:00:00.000Z', [syncHeaders.waiting]: '12' },
    '2026-12-02T12:00:02.500Z',
    now,
  );
  expect(said).toEqual({
    last_seen_at: now.toISOString(),
    clock_drift_ms: 2500,
    desk_version: '0.1.0',
    last_backup_at: '2026-12-02T03:00:00.000Z',
    events_waiting: 12,
  });
});

it('leaves out what does not read as it should, and keeps the rest', () => {
  const said = deskSaid(
    { [syncHeaders.version]: '<script>', [syncHeaders.backupAt]: 'yesterday', [syncHeaders.waiting]: '-3' },
    '2026-12-02T11:59:59.000Z',
    now,
  );
  expect(said).toEqual({
    last_seen_at: now.toISOString(),
    clock_drift_ms: -1000,
    desk_version: undefined,
    last_backup_at: undefined,
    events_waiting: undefined,
  });
  expect(deskSaid({}, now.toISOString(), now).clock_drift_ms).toBe(0);
});
