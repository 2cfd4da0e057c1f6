import { createHash } from 'node:crypto';
import { evidencePath, type PutEvidenceResponse } from '../../domain/sync/evidenceProtocol.ts';
import { protocolVersion, type Refusal, syncHeaders } from '../../domain/sync/protocol.ts';
import { isStaleConnection, type SigningIdentity, SyncRequestError, signatureHeaders } from './syncClient.ts';

/**
 * Evidence files to and from the server, one signed request each, the body the file's bytes.
 * A download is taken only when its bytes hash to the name asked for: an answer cut short or
 * altered on the way is an error, never a file.
 */
export function createEvidenceClient(options: { serverUrl: string; timeoutMs: number; now: () => Date }) {
  const base = options.serverUrl.replace(/\/+$/, '');

  async function send(method: 'PUT' | 'GET', path: string, identity: SigningIdentity, body: Buffer): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetch(`${base}${path}`, {
          method,
          headers: {
            [syncHeaders.protocol]: String(protocolVersion),
            ...(method === 'PUT' ? { 'content-type': 'application/octet-stream' } : {}),
            ...signatureHeaders(identity, method, path, body, options.now()),
          },
          body: method === 'PUT' ? new Uint8Array(body) : null,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (e) {
        // As for events: a kept-alive connection the server closed gets one more attempt.
        if (attempt >= 2 || !isStaleConnection(e)) throw new SyncRequestError(0, null, e);
      }
    }
  }

  async function refusalOf(response: Response): Promise<SyncRequestError> {
    try {
      return new SyncRequestError(response.status, (await response.json()) as Refusal);
    } catch (e) {
      return new SyncRequestError(response.status, null, e);
    }
  }

  return {
    async put(identity: SigningIdentity, sha256: string, caseId: string, bytes: Buffer): Promise<PutEvidenceResponse> {
      const response = await send('PUT', evidencePath(sha256, caseId), identity, bytes);
      if (!response.ok) throw await refusalOf(response);
      try {
        return (await response.json()) as PutEvidenceResponse;
      } catch (e) {
        throw new SyncRequestError(response.status, null, e);
      }
    },
    /**
     * The file's bytes, or null when the site holds no such file (not uploaded yet, or another
     * site's), or `removed` when a removal deleted them (the end of retention, a person's request).
     */
    async get(identity: SigningIdentity, sha256: string): Promise<Buffer | null | 'removed'> {
      const response = await send('GET', evidencePath(sha256), identity, Buffer.alloc(0));
      if (response.status === 410) {
        const refusal = await refusalOf(response);
        if (refusal.refusal?.error === 'removed') return 'removed';
        throw refusal;
      }
      if (response.status === 404) {
        const refusal = await refusalOf(response);
        if (refusal.refusal?.error === 'not_found') return null;
        throw refusal;
      }
      if (!response.ok) throw await refusalOf(response);
      let bytes: Buffer;
      try {
        bytes = Buffer.from(await response.arrayBuffer());
      } catch (e) {
        throw new SyncRequestError(response.status, null, e);
      }
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
        throw new SyncRequestError(response.status, null, new Error(`the file received does not hash to ${sha256}`));
      }
      return bytes;
    },
  };
}

export type EvidenceClient = ReturnType<typeof createEvidenceClient>;
