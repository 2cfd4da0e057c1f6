import { z } from 'zod';

/**
 * The sync protocol between a desk and the server, as data: what travels and
 * how a request is signed. Versioned: a peer of another version is refused before anything is
 * read or written.
 */
export const protocolVersion = 1;

/** The headers of a signed request. */
export const syncHeaders = {
  protocol: 'x-desk-protocol',
  desk: 'x-desk-id',
  time: 'x-desk-time',
  nonce: 'x-desk-nonce',
  signature: 'x-desk-signature',
  /**
   * What a desk says about itself with each signed request, for the group console's desks list;
   * not signed, and never acted on: only shown. Its version, when its last backup was made, and
   * how many of its events wait to be pushed.
   */
  version: 'x-desk-version',
  backupAt: 'x-desk-backup-at',
  waiting: 'x-desk-waiting',
} as const;

/** A request more than this far from the server's clock is refused (Actual Budget's limit): replays need a fresh time. */
export const maxClockDriftMs = 5 * 60_000;

/** The largest request body the server reads. */
export const maxBodyBytes = 8 * 1024 * 1024;

/** The most events a push carries and a pull answers. */
export const maxBatch = 2000;

/** The exact text a desk signs and the server checks: method, path, the body's SHA-256, time, nonce. */
export const signedText = (r: { method: string; path: string; bodySha256: string; time: string; nonce: string }) =>
  [r.method.toUpperCase(), r.path, r.bodySha256, r.time, r.nonce].join('\n');

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/** A case event on the wire: every field its hash covers, the payload as the exact text hashed. */
export const wireEventSchema = z.object({
  id: uuid,
  caseId: uuid,
  form: z.enum(['chain', 'dag']),
  /** The place in the chain, hashed by chain events only. */
  seq: z.number().int().min(1),
  parents: z.array(hex64).max(64),
  type: z.string().min(1).max(64),
  payload: z.string().max(1_000_000),
  actorId: z.string().min(1).max(64),
  device: z.string().min(1).max(64),
  at: z.string().max(40),
  hlc: z.string().max(120),
  hash: hex64,
  /**
   * The kinds of data a removal took out of the payload (domain/sync/redactedEvents.ts): the
   * hash is the one the event had before, which its children name. Absent on every other event.
   */
  redacted: z
    .array(z.enum(['evidence', 'personalData']))
    .min(1)
    .max(2)
    .optional(),
});
export type WireEvent = z.infer<typeof wireEventSchema>;

export const enrolRequestSchema = z.object({
  code: z.string().min(4).max(64),
  publicKey: z.string().min(16).max(512),
  deskName: z.string().min(1).max(100),
  /** The desk's own id (its device id), so its events keep naming it. */
  deskId: uuid,
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export interface EnrolResponse {
  deskId: string;
  siteId: string;
  siteName: string;
  /** The prefix this desk's case numbers carry from now on, unique in its group. */
  prefix: string;
}

export const pushRequestSchema = z.object({ events: z.array(wireEventSchema).max(maxBatch) });

export interface PushResponse {
  accepted: number;
  duplicates: number;
  /** The site's global sequence after the push. */
  seq: number;
}

export interface PulledEvent extends WireEvent {
  /** The server's global sequence number of the event. */
  serverSeq: number;
  /**
   * Who wrote it, by name, where the desk cannot know them from its site's records: an event
   * relayed from another site (a transferred case's history) or written at the group's console.
   * Outside the signed event, for showing only. A server from before names travelled leaves it out.
   */
  actorName?: string | undefined;
}

export interface PullResponse {
  events: PulledEvent[];
  /** Pass back as `after` for the next page. */
  cursor: number;
  more: boolean;
  /**
   * On the last page: the number of the site's latest removal (domain/sync/removalWire.ts), so a
   * desk that took it already asks for none. A server from before removals travelled leaves it out.
   */
  removals?: number | undefined;
}

/** GET /v1/sites: the sites of the group, so a desk can transfer a case to another (转办). */
export interface SitesResponse {
  sites: { id: string; name: string }[];
}

export interface HelloResponse {
  protocol: number;
  server: 'complaint-desk';
  time: string;
}

/** Why the server refused a request: the desk turns each into words for the person at it. */
export const refusalCodes = [
  'malformed',
  'too_large',
  'unsigned',
  'bad_signature',
  'clock',
  'replay',
  'unknown_desk',
  'revoked',
  'foreign',
  'version',
  'bad_code',
  'expired_code',
  'tampered',
  'not_found',
  'unavailable',
  /** An evidence file whose bytes a removal (retention, a person's request) deleted. */
  'removed',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

export interface Refusal {
  error: RefusalCode;
  /** For a person reading the server's log; the desk shows its own translated words. */
  message: string;
  /** The case a refused event belongs to. */
  caseId?: string | undefined;
  serverProtocol?: number | undefined;
  /** The protocol the refused desk spoke, beside the server's, for `version`. */
  deskProtocol?: string | undefined;
  serverTime?: string | undefined;
  /** For `unavailable` (503): when to ask again; the same as the Retry-After header. */
  retryAfterMs?: number | undefined;
}
