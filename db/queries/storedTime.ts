/**
 * The instants of `case_clocks` and `case_report_facts` are stored as integer milliseconds since
 * the epoch (6 bytes a value, where the ISO text took 24: migration 24). The rest of the desk
 * speaks ISO text: the queries convert here, at their edge, and nowhere else.
 */
export function storedTime(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${iso}`);
  return ms;
}

export function storedTimeOrNull(iso: string | null): number | null {
  return iso === null ? null : storedTime(iso);
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoTimeOrNull(ms: number | null): string | null {
  return ms === null ? null : isoTime(ms);
}
