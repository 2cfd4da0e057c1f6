import { describe, expect, it } from 'vitest';
import { shownDeadline } from '../deadlines/deadlineStatus.ts';

const ack = '2026-12-03T15:59:59.999Z';
const feedback = '2026-12-09T15:59:59.999Z';

describe('the deadline a badge shows', () => {
  it('speaks of the clock that is due soon, with that clock’s date, not the feedback date beside it', () => {
    const shown = shownDeadline({
      dueAt: feedback,
      dueClock: 'feedback',
      deadlineStatus: 'onTime',
      deadlineAlert: { level: 'dueSoon', clock: 'acknowledge', due: ack, majorUnreported: false },
    });
    expect(shown).toEqual({ level: 'dueSoon', clock: 'acknowledge', due: ack, majorUnreported: false });
  });

  it('without an alert, shows the clock running now and where it stands', () => {
    expect(shownDeadline({ dueAt: feedback, dueClock: 'feedback', deadlineStatus: 'onTime' })).toEqual({
      level: 'onTime',
      clock: 'feedback',
      due: feedback,
      majorUnreported: false,
    });
  });

  it('shows nothing for a case with no clock running', () => {
    expect(shownDeadline({ dueAt: null, dueClock: null, deadlineStatus: null, deadlineAlert: null })).toBeNull();
  });
});
