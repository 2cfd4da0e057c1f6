import type { SyncProblem } from '../../domain/api/syncViews.ts';
import { SyncRequestError } from './syncClient.ts';

/** TLS refusals of the server's certificate: the desk does not trust who answered. */
const certificateCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function causeCode(e: unknown): string | undefined {
  let cause: unknown = e;
  for (let depth = 0; depth < 4 && cause; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && certificateCodes.has(code)) return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What went wrong with a request to the server, as the problem the desk words for a person. */
export function problemOf(e: unknown): { problem: SyncProblem; caseId?: string | undefined; retryAfterMs?: number | undefined } {
  if (!(e instanceof SyncRequestError)) return { problem: 'internal' };
  if (!e.refusal) {
    if (e.status === 0) return { problem: causeCode(e.reason) ? 'certificate' : 'unreachable' };
    // An answer cut off in the middle, or one that is not the server's: either way, try again later.
    return { problem: 'unreachable' };
  }
  switch (e.refusal.error) {
    case 'unavailable':
      return { problem: 'unreachable', retryAfterMs: e.refusal.retryAfterMs };
    case 'version':
      return { problem: 'version' };
    case 'clock':
      return { problem: 'clock' };
    case 'revoked':
      return { problem: 'revoked' };
    case 'unknown_desk':
      return { problem: 'unknownDesk' };
    case 'tampered':
    case 'foreign':
      return { problem: 'tampered', caseId: e.refusal.caseId };
    default:
      return { problem: 'refused' };
  }
}

/** Problems a later round may get past by itself (the network, the server's database): the desk is offline, not broken. */
export const isOffline = (problem: SyncProblem) => problem === 'unreachable';
