import { describe, expect, it } from 'vitest';
import { allowedActions, canApply, nextStatus, statusAfter } from '../cases/caseMachine.ts';
import { caseStatuses } from '../cases/vocabulary.ts';

describe('case state machine', () => {
  it('lets a registered case be accepted or declined', () => {
    expect(allowedActions('registered')).toEqual(expect.arrayContaining(['accept', 'decline']));
    expect(nextStatus('registered', 'accept')).toBe('accepted');
    expect(nextStatus('registered', 'decline')).toBe('declined');
  });

  it.each(caseStatuses.filter((s) => s !== 'registered'))('allows neither accept nor decline from %s', (status) => {
    expect(canApply(status, 'accept')).toBe(false);
    expect(canApply(status, 'decline')).toBe(false);
    expect(nextStatus(status, 'accept')).toBeNull();
  });

  it('knows the state each event leaves a case in', () => {
    expect(statusAfter('registered', { type: 'accepted', payload: { departmentId: 'd', coDepartmentIds: [] } })).toBe('accepted');
    expect(statusAfter('registered', { type: 'declined', payload: { reason: 'r' } })).toBe('declined');
    expect(statusAfter('investigating', { type: 'noted', payload: { text: 'x' } })).toBe('investigating');
  });
});
