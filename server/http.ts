import http from 'node:http';
import https from 'node:https';
import { type HelloResponse, maxBodyBytes, protocolVersion, syncHeaders } from '../domain/sync/protocol.ts';
import { authenticate } from './auth.ts';
import { Refused } from './refusal.ts';
import type { RouteContext } from './routes/context.ts';
import { enrol } from './routes/enrol.ts';
import { pull } from './routes/pull.ts';
import { push } from './routes/push.ts';

export interface ServerOptions extends RouteContext {
  /** PEM certificate and key: the server speaks HTTPS. */
  tls?: { cert: Buffer; key: Buffer } | undefined;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > maxBodyBytes) {
      reject(new Refused(413, 'too_large', `a request body may hold at most ${maxBodyBytes} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Refused(413, 'too_large', `a request body may hold at most ${maxBodyBytes} bytes`));
        req.pause();
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
    throw new Refused(400, 'malformed', 'the body is not JSON');
  }
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** One request: route, version, signature, then the route; a refusal answers 4xx and writes nothing. */
async function handle(c: ServerOptions, req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://server');
  const route = `${req.method} ${url.pathname}`;
  if (route === 'GET /v1/hello') {
    const hello: HelloResponse = { protocol: protocolVersion, server: 'complaint-desk', time: c.now().toISOString() };
    return send(res, 200, hello);
  }
  const known = ['POST /v1/enrol', 'POST /v1/push', 'GET /v1/pull'];
  if (!known.includes(route)) throw new Refused(404, 'not_found', `no ${route}`);
  const version = Number(req.headers[syncHeaders.protocol]);
  if (version !== protocolVersion) {
    throw new Refused(
      426,
      'version',
      `this server speaks protocol ${protocolVersion}, the desk ${String(req.headers[syncHeaders.protocol] ?? 'none')}`,
      {
        serverProtocol: protocolVersion,
      },
    );
  }
  const body = await readBody(req);
  if (route === 'POST /v1/enrol') return send(res, 200, await enrol(c, parseJson(body)));
  const desk = await authenticate(
    c.db,
    { method: req.method ?? '', path: `${url.pathname}${url.search}`, headers: req.headers, body },
    c.now(),
  );
  if (route === 'POST /v1/push') return send(res, 200, await push(c, desk, parseJson(body)));
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  return send(res, 200, await pull(c, desk, url.searchParams, () => closed));
}

/** The sync server's HTTP(S) listener. Holds nothing between requests: every answer comes from the store. */
export function createSyncServer(c: ServerOptions): http.Server {
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(c, req, res).catch((e: unknown) => {
      if (e instanceof Refused) {
        c.log(`refused ${req.method} ${req.url} from ${String(req.headers[syncHeaders.desk] ?? 'unknown desk')}: ${e.code}: ${e.message}`);
        if (!res.headersSent) send(res, e.status, e.body());
        if (e.code === 'too_large') req.destroy();
        return;
      }
      c.log(`error in ${req.method} ${req.url}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) send(res, 500, { error: 'internal', message: 'the server could not answer' });
    });
  };
  return c.tls ? https.createServer({ cert: c.tls.cert, key: c.tls.key }, listener) : http.createServer(listener);
}
