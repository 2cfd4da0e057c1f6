import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import {
  type EnrolRequest,
  type EnrolResponse,
  type HelloResponse,
  type PullResponse,
  type PushResponse,
  protocolVersion,
  type Refusal,
  signedText,
  syncHeaders,
  type WireEvent,
} from '../../domain/sync/protocol.ts';
import type {
  AuditPushResponse,
  ReferencePullResponse,
  ReferencePushResponse,
  WireAudit,
  WireReference,
} from '../../domain/sync/referenceWire.ts';
import { aboutHeaders, type DeskAbout } from './deskAbout.ts';

/** The desk's Ed25519 key pair: the private key stays in the desk's store, the public key goes to the server. */
export function makeDeskKeys(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

/** The server said no (4xx) or could not be reached: `refusal` is what it said, if it said anything. */
export class SyncRequestError extends Error {
  constructor(
    readonly status: number,
    readonly refusal: Refusal | null,
    readonly reason?: unknown,
  ) {
    super(
      refusal
        ? `${refusal.error}: ${refusal.message}`
        : `the server could not be reached${reason instanceof Error ? `: ${reason.message}` : ''}`,
    );
  }
}

/** The headers that sign a request: the desk, the time, a fresh nonce and the Ed25519 signature of the signed text. */
// Decoding the DER key costs more than signing with it: the last one decoded is kept.
let decoded: { der: string; key: KeyObject } | undefined;
function keyOf(der: string): KeyObject {
  if (decoded?.der !== der) decoded = { der, key: createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' }) };
  return decoded.key;
}

export function signatureHeaders(identity: SigningIdentity, method: string, path: string, body: Buffer, at: Date): Record<string, string> {
  const time = at.toISOString();
  const nonce = randomBytes(16).toString('hex');
  const bodySha256 = createHash('sha256').update(body).digest('hex');
  const signature = sign(
    null,
    Buffer.from(signedText({ method, path, bodySha256, time, nonce }), 'utf8'),
    keyOf(identity.privateKey),
  ).toString('base64');
  return {
    [syncHeaders.desk]: identity.deskId,
    [syncHeaders.time]: time,
    [syncHeaders.nonce]: nonce,
    [syncHeaders.signature]: signature,
  };
}

/** The codes of a connection that was open and is no longer: worth one new attempt (not a refused or timed-out one). */
const staleCodes = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);

export function isStaleConnection(e: unknown): boolean {
  const cause = (e as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' && staleCodes.has(cause.code);
}

export interface SyncClientOptions {
  serverUrl: string;
  /** Ask with this protocol version (tests play an older or newer desk). */
  protocol?: number;
  now?: () => Date;
  timeoutMs?: number;
  /** What the desk says about itself with each signed request (version, last backup, events waiting). */
  about?: (() => Promise<DeskAbout>) | undefined;
}

export interface SigningIdentity {
  deskId: string;
  privateKey: string;
}

/** The desk's side of the wire: each request signed (method, path, body digest, time, nonce). */
export function createSyncClient(options: SyncClientOptions) {
  const base = options.serverUrl.replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const protocol = options.protocol ?? protocolVersion;

  async function request<T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    identity: SigningIdentity | null,
    timeoutMs?: number,
  ): Promise<T> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const about = identity && options.about ? aboutHeaders(await options.about()) : {};
    const headersFor = () => {
      const headers: Record<string, string> = { [syncHeaders.protocol]: String(protocol), ...about };
      if (body !== undefined) headers['content-type'] = 'application/json';
      // Signed afresh for every attempt: a nonce is spent by the first request that reaches the server.
      return identity ? { ...headers, ...signatureHeaders(identity, method, path, Buffer.from(text, 'utf8'), now()) } : headers;
    };
    let response: Response | undefined;
    for (let attempt = 1; !response; attempt++) {
      try {
        response = await fetch(`${base}${path}`, {
          method,
          headers: headersFor(),
          body: method === 'POST' ? text : null,
          signal: AbortSignal.timeout(timeoutMs ?? options.timeoutMs ?? 30_000),
        });
      } catch (e) {
        // A kept-alive connection the server closed (it restarted) fails at once: one more
        // attempt opens a new one. Pushes are idempotent and pulls read only, so a repeat is safe.
        if (attempt >= 2 || !isStaleConnection(e)) throw new SyncRequestError(0, null, e);
      }
    }
    let answer: unknown;
    try {
      answer = await response.json();
    } catch (e) {
      throw new SyncRequestError(response.status, null, e);
    }
    if (!response.ok) throw new SyncRequestError(response.status, answer as Refusal);
    return answer as T;
  }

  return {
    hello: () => request<HelloResponse>('GET', '/v1/hello', undefined, null),
    enrol: (input: EnrolRequest) => request<EnrolResponse>('POST', '/v1/enrol', input, null),
    push: (identity: SigningIdentity, events: WireEvent[]) => request<PushResponse>('POST', '/v1/push', { events }, identity),
    pull: (identity: SigningIdentity, after: number, wait = 0, limit?: number) =>
      request<PullResponse>(
        'GET',
        `/v1/pull?after=${after}&wait=${wait}${limit ? `&limit=${limit}` : ''}`,
        undefined,
        identity,
        wait + 30_000,
      ),
    pushReferences: (identity: SigningIdentity, records: WireReference[]) =>
      request<ReferencePushResponse>('POST', '/v1/reference/push', { records }, identity),
    pullReferences: (identity: SigningIdentity, after: number, limit?: number) =>
      request<ReferencePullResponse>('GET', `/v1/reference/pull?after=${after}${limit ? `&limit=${limit}` : ''}`, undefined, identity),
    pushAudit: (identity: SigningIdentity, entries: WireAudit[]) =>
      request<AuditPushResponse>('POST', '/v1/audit/push', { entries }, identity),
    /** The raw signed request, for tests of what the server refuses. */
    request,
  };
}

export type SyncClient = ReturnType<typeof createSyncClient>;
