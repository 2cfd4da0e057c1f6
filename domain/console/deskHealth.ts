/** A desk not heard from for longer than this is flagged on the sites and desks page. */
export const silentAfterMs = 24 * 3_600_000;

/**
 * Whether a desk has gone quiet: no signed request for more than a day (counted from its
 * enrolment when it never sent one). A revoked desk is expected to be silent.
 */
export function isSilent(desk: { enrolledAt: string; lastSeenAt: string | null; revokedAt: string | null }, now: Date): boolean {
  if (desk.revokedAt) return false;
  const last = Date.parse(desk.lastSeenAt ?? desk.enrolledAt);
  return now.getTime() - last > silentAfterMs;
}
