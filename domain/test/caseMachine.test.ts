import { describe, expect, it } from 'vitest';
import { allowedActions, canApply, nextStatus, statusAfter } from '../cases/caseMachine.ts';
import { caseStatuses } from '../cases/vocabulary.ts';

describe('case state machine', () => {
  it('lets the desk accept, decline, resolve on the spot or redirect a registered case', () => {
    expect(allowedActions('registered')).toEqual(expect.arrayContaining(['accept', 'decline', 'resolveOnSpot', 'redirect']));
    expect(nextStatus('registered', 'accept')).toBe('accepted');
    expect(nextStatus('registered', 'decline')).toBe('declined');
    expect(nextStatus('registered', 'resolveOnSpot')).toBe('closed');
    expect(nextStatus('registered', 'redirect')).toBe('declined');
  });

  it.each(caseStatuses.filter((s) => s !== 'registered'))('allows neither accept nor decline from %s', (status) => {
    expect(canApply(status, 'accept')).toBe(false);
    expect(canApply(status, 'decline')).toBe(false);
    expect(canApply(status, 'resolveOnSpot')).toBe(false);
    expect(canApply(status, 'redirect')).toBe(false);
    expect(nextStatus(status, 'accept')).toBeNull();
  });

  it('knows the state each event leaves a case in', () => {
    expect(statusAfter('registered', { type: 'accepted', payload: { departmentId: 'd', coDepartmentIds: [] } })).toBe('accepted');
    expect(statusAfter('registered', { type: 'declined', payload: { reason: 'r' } })).toBe('declined');
    expect(statusAfter('investigating', { type: 'noted', payload: { text: 'x' } })).toBe('investigating');
    expect(statusAfter('registered', { type: 'resolvedOnSpot', payload: { resolution: 'r', satisfaction: 5 } })).toBe('closed');
    expect(statusAfter('registered', { type: 'redirected', payload: { target: 'court' } })).toBe('declined');
    const photo = { sha256: 'a'.repeat(64), name: 'p.jpg', mime: 'image/jpeg', size: 1 };
    expect(statusAfter('accepted', { type: 'attachmentsAdded', payload: { attachments: [photo] } })).toBe('accepted');
  });
});
