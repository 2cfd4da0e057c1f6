import type { DeadlineClock, DeadlinePolicy } from './deadline.ts';

type ClockInput = DeadlineClock;

/**
 * A policy as an administrator entered it (a desk's, or the group's for a profile): the
 * several-departments amount kept only where given, and refused when it is shorter than the
 * clock itself (more departments never shorten a deadline). Answers the field at fault.
 */
export function policyFromInput(input: {
  acknowledge: ClockInput;
  feedback: ClockInput;
  resolve: ClockInput;
}): { ok: true; policy: DeadlinePolicy } | { ok: false; field: string } {
  const clean = (c: ClockInput): DeadlineClock => (c.severalDepartments ? c : { unit: c.unit, amount: c.amount });
  const policy: DeadlinePolicy = { acknowledge: clean(input.acknowledge), feedback: clean(input.feedback), resolve: clean(input.resolve) };
  for (const clock of ['feedback', 'resolve'] as const) {
    const c = policy[clock];
    if (c.severalDepartments !== undefined && c.severalDepartments < c.amount) return { ok: false, field: `${clock}.severalDepartments` };
  }
  return { ok: true, policy };
}
