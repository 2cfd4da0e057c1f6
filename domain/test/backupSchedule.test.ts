import { describe, expect, it } from 'vitest';
import { isBackupDue, isBackupOverdue, lastScheduledInstant } from '../backup/schedule.ts';

const beijing = 480;

describe('lastScheduledInstant', () => {
  it('is today at the set time once that time has passed on the desk clock', () => {
    // 18:00 Beijing = 10:00Z
    expect(lastScheduledInstant(new Date('2026-11-20T10:00:00Z'), '17:30', beijing).toISOString()).toBe('2026-11-20T09:30:00.000Z');
  });
  it('is yesterday before the set time', () => {
    expect(lastScheduledInstant(new Date('2026-11-20T09:29:59Z'), '17:30', beijing).toISOString()).toBe('2026-11-19T09:30:00.000Z');
  });
  it('uses the desk day, not the UTC day, around midnight', () => {
    // 00:30 Beijing on the 21st is 16:30Z on the 20th; a 00:15 schedule already ran "today" in Beijing.
    expect(lastScheduledInstant(new Date('2026-11-20T16:30:00Z'), '00:15', beijing).toISOString()).toBe('2026-11-20T16:15:00.000Z');
  });
});

describe('isBackupDue', () => {
  const now = new Date('2026-11-20T10:00:00Z');
  it('is due when there has never been a backup', () => {
    expect(isBackupDue(now, '17:30', beijing, null)).toBe(true);
  });
  it('is due when the last attempt was before the last scheduled time (the PC was off)', () => {
    expect(isBackupDue(now, '17:30', beijing, { at: '2026-11-18T09:35:00Z', ok: true })).toBe(true);
  });
  it('is not due after a good backup since the scheduled time', () => {
    expect(isBackupDue(now, '17:30', beijing, { at: '2026-11-20T09:31:00Z', ok: true })).toBe(false);
  });
  it('retries a failed backup an hour later, not sooner', () => {
    expect(isBackupDue(now, '17:30', beijing, { at: '2026-11-20T09:31:00Z', ok: false })).toBe(false);
    expect(isBackupDue(new Date('2026-11-20T10:31:00Z'), '17:30', beijing, { at: '2026-11-20T09:31:00Z', ok: false })).toBe(true);
  });
});

describe('isBackupOverdue', () => {
  const now = new Date('2026-11-20T10:00:00Z');
  it('is overdue without any good backup', () => {
    expect(isBackupOverdue(now, null)).toBe(true);
  });
  it('allows a day and two hours', () => {
    expect(isBackupOverdue(now, '2026-11-19T08:00:01Z')).toBe(false);
    expect(isBackupOverdue(now, '2026-11-19T07:59:59Z')).toBe(true);
  });
});
