import http from 'node:http';
import https from 'node:https';
import { createSetupToken, requestUrl, type SetupToken } from '../core/http/requestGuard.ts';
import { evidenceShaOf, maxEvidenceBytes } from '../domain/sync/evidenceProtocol.ts';
import { type HelloResponse, maxBodyBytes, protocolVersion, type Refusal, syncHeaders } from '../domain/sync/protocol.ts';
import { authenticate } from './auth.ts';
import { createConsoleDispatcher } from './console/consoleDispatcher.ts';
import { consoleHandlers } from './console/consoleHandlers.ts';
import { createConsoleHttp } from './console/consoleHttp.ts';
import { deskSaid } from './deskSaid.ts';
import { serverMessage } from './messages.ts';
import { Refused } from './refusal.ts';
import type { RouteContext } from './routes/context.ts';
import { enrol } from './routes/enrol.ts';
import { getEvidence, putEvidence } from './routes/evidence.ts';
import { pull } from './routes/pull.ts';
import { push } from './routes/push.ts';
import { pullReferences, pushAudit, pushReferences } from './routes/reference.ts';
import { pullRemovals, pushRemovals } from './routes/removals.ts';
import { groupSites } from './routes/sites.ts';
import { recordDeskSeen } from './store/siteQueries.ts';
import { isStoreOutage, retryAfterMs } from './storeOutage.ts';

export interface ServerOptions extends RouteContext {
  /** PEM certificate and key: the server speaks HTTPS (and nothing else on its port). */
  tls?: { cert: Buffer; key: Buffer } | undefined;
  /** The group console: the built renderer holding console.html, and the setup token printed for its first run. */
  console?: { rendererDir: string | null; setupToken: SetupToken } | undefined;
}

const tooLarge = (limit: number) => new Refused(413, 'too_large', 'refusal.tooLarge', { bytes: limit });

function readBody(req: http.IncomingMessage, limit = maxBodyBytes): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new Refused(400, 'malformed', 'refusal.notJson');
  }
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    // Every answer says which protocol the server speaks, so a desk of another version knows why.
    [syncHeaders.protocol]: String(protocolVersion),
    ...headers,
  });
  res.end(text);
}

function sendBytes(res: http.ServerResponse, bytes: Buffer) {
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': String(bytes.length),
    [syncHeaders.protocol]: String(protocolVersion),
  });
  res.end(bytes);
}

/** One request: route, version, signature, then the route; a refusal answers 4xx and writes nothing. */
async function handle(c: ServerOptions, req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  const route = `${req.method} ${url.pathname}`;
  if (route === 'GET /v1/hello') {
    const hello: HelloResponse = { protocol: protocolVersion, server: 'complaint-desk', time: c.now().toISOString() };
    return send(res, 200, hello);
  }
  const known = [
    'POST /v1/enrol',
    'POST /v1/push',
    'GET /v1/pull',
    'POST /v1/reference/push',
    'GET /v1/reference/pull',
    'POST /v1/audit/push',
    'GET /v1/sites',
    'POST /v1/removals/push',
    'GET /v1/removals/pull',
  ];
  const evidenceSha = req.method === 'PUT' || req.method === 'GET' ? evidenceShaOf(url.pathname) : null;
  if (!known.includes(route) && !evidenceSha) throw new Refused(404, 'not_found', 'refusal.notFound', { route: route.slice(0, 200) });
  const asked = req.headers[syncHeaders.protocol];
  const deskProtocol = (Array.isArray(asked) ? asked[0] : asked)?.slice(0, 20) ?? '—';
  if (Number(deskProtocol) !== protocolVersion) {
    throw new Refused(
      426,
      'version',
      'refusal.version',
      { server: protocolVersion, desk: deskProtocol },
      { serverProtocol: protocolVersion, deskProtocol },
    );
  }
  const body = await readBody(req, evidenceSha ? maxEvidenceBytes : maxBodyBytes);
  if (route === 'POST /v1/enrol') return send(res, 200, await enrol(c, parseJson(body)));
  const desk = await authenticate(
    c.db,
    { method: req.method ?? '', path: `${url.pathname}${url.search}`, headers: req.headers, body },
    c.now(),
  );
  // What the desk said of itself, as of its request's arrival (a long pull ends much later), kept once it was answered.
  const said = deskSaid(req.headers, desk.time, c.now());
  const answered = async <T>(answer: T): Promise<T> => {
    await recordDeskSeen(c.db, desk.id, said);
    return answer;
  };
  if (evidenceSha && req.method === 'PUT')
    return send(res, 200, await answered(await putEvidence(c, desk, evidenceSha, url.searchParams, body)));
  if (evidenceSha) return sendBytes(res, await answered(await getEvidence(c, desk, evidenceSha)));
  if (route === 'POST /v1/push') return send(res, 200, await answered(await push(c, desk, parseJson(body))));
  if (route === 'POST /v1/reference/push') return send(res, 200, await answered(await pushReferences(c, desk, parseJson(body))));
  if (route === 'GET /v1/reference/pull') return send(res, 200, await answered(await pullReferences(c, desk, url.searchParams)));
  if (route === 'POST /v1/audit/push') return send(res, 200, await answered(await pushAudit(c, desk, parseJson(body))));
  if (route === 'GET /v1/sites') return send(res, 200, await answered(await groupSites(c, desk)));
  if (route === 'POST /v1/removals/push') return send(res, 200, await answered(await pushRemovals(c, desk, parseJson(body))));
  if (route === 'GET /v1/removals/pull') return send(res, 200, await answered(await pullRemovals(c, desk, url.searchParams)));
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  return send(res, 200, await answered(await pull(c, desk, url.searchParams, () => closed)));
}

/** The sync server's HTTP(S) listener. Holds nothing between requests: every answer comes from the store. */
export function createSyncServer(c: ServerOptions): http.Server {
  const consoleOptions = c.console ?? { rendererDir: null, setupToken: createSetupToken() };
  const dispatch = createConsoleDispatcher(c.db, consoleHandlers({ ...c, setupToken: consoleOptions.setupToken }), c.now, c.log);
  const consoleHttp = createConsoleHttp(dispatch, consoleOptions);
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // The sync routes answer signed desks only; everything else is the console's, whose calls carry a group session.
    const url = requestUrl(req);
    if (!url) {
      const refused = new Refused(404, 'not_found', 'refusal.notFound', { route: `${req.method} ${req.url?.slice(0, 200)}` });
      send(res, refused.status, refused.body(req.headers['accept-language']));
      return;
    }
    const { pathname } = url;
    // `/v1`, `/v2/…`: the sync protocol's space, whatever its version, answered with its refusals.
    if (!/^\/v\d+(\/|$)/.test(pathname)) {
      consoleHttp(req, res, pathname).catch((e: unknown) => {
        c.log(`console error in ${req.method} ${pathname.slice(0, 200)}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        if (!res.headersSent)
          send(res, 500, {
            ok: false,
            error: { code: 'internal', message: serverMessage('refusal.internal', {}, req.headers['accept-language']) },
          });
        else res.destroy();
      });
      return;
    }
    const language = req.headers['accept-language'];
    const who = `${req.method} ${req.url?.slice(0, 200)} from ${String(req.headers[syncHeaders.desk] ?? 'unknown desk').slice(0, 64)}`;
    handle(c, req, res, url).catch((e: unknown) => {
      if (e instanceof Refused) {
        c.log(`refused ${who}: ${e.code}: ${e.message}`);
        // A body the server will not read: the answer closes the connection instead of draining it.
        if (!res.headersSent) send(res, e.status, e.body(language), e.code === 'too_large' ? { connection: 'close' } : {});
        return;
      }
      if (isStoreOutage(e)) {
        c.log(`database unavailable for ${who}: ${e instanceof Error ? e.message : String(e)}`);
        const refusal: Refusal = {
          error: 'unavailable',
          message: serverMessage('refusal.unavailable', { seconds: retryAfterMs / 1000 }, language),
          retryAfterMs,
        };
        if (!res.headersSent) send(res, 503, refusal, { 'retry-after': String(retryAfterMs / 1000) });
        return;
      }
      c.log(`error in ${who}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) send(res, 500, { error: 'internal', message: serverMessage('refusal.internal', {}, language) });
    });
  };
  return c.tls ? https.createServer({ cert: c.tls.cert, key: c.tls.key }, listener) : http.createServer(listener);
}
