import type { OrgProfile, Severity } from '../cases/vocabulary.ts';
import type { DeadlinePolicy } from './deadline.ts';

const days = (amount: number) => ({ unit: 'workingDays', amount }) as const;
const hours = (amount: number) => ({ unit: 'hours', amount }) as const;

/**
 * Presets from ../shared/regulations: a hospital answers within 5 working days (accepted
 * within 1); a property office within 2 and resolves within 7; a service hall within 7 and
 * resolves within 15. Major complaints are reported within 12 hours; safety matters
 * (urgent) are acted on the same day.
 */
const presets: Record<OrgProfile, Record<Severity, DeadlinePolicy>> = {
  hospital: {
    general: { acknowledge: days(1), feedback: days(5), resolve: days(15) },
    major: { acknowledge: hours(12), feedback: days(5), resolve: days(15) },
    urgent: { acknowledge: hours(2), feedback: days(1), resolve: days(5) },
  },
  property: {
    general: { acknowledge: days(1), feedback: days(2), resolve: days(7) },
    major: { acknowledge: hours(12), feedback: days(2), resolve: days(7) },
    urgent: { acknowledge: hours(1), feedback: days(1), resolve: days(2) },
  },
  serviceHall: {
    general: { acknowledge: days(1), feedback: days(7), resolve: days(15) },
    major: { acknowledge: hours(12), feedback: days(7), resolve: days(15) },
    urgent: { acknowledge: hours(2), feedback: days(1), resolve: days(5) },
  },
};

export function presetPolicy(profile: OrgProfile, severity: Severity): DeadlinePolicy {
  return presets[profile][severity];
}
