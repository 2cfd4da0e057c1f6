import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ownerRule } from '../../domain/api/deskApi.ts';
import { httpStatusOf } from '../../domain/api/envelope.ts';
import { attachmentLimits } from '../../domain/api/limits.ts';
import { setupTokenHeader } from '../../domain/api/setupToken.ts';
import type { Desk } from '../desk.ts';
import { translatorFor } from '../translate.ts';
import { bearerToken, pageContentTypes, readJsonInput, sendJson } from './jsonCall.ts';
import { type Refusal, refuseForeignRequest, refuseNonJson, requestUrl, type SetupToken } from './requestGuard.ts';

/** Room for one attachment at the size limit, base64-encoded (4/3 of the bytes), and its JSON. */
const maxBodyBytes = Math.ceil((attachmentLimits.maxBytes * 4) / 3) + 1024 * 1024;

/** The same policy as the Electron window: only the app's own scripts, styles and API. */
const securityHeaders = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function send(res: http.ServerResponse, status: number, body: unknown) {
  sendJson(res, status, body, securityHeaders);
}

/** The path's text, or null when its percent-encoding is malformed. */
function decodedPath(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export interface HostOptions {
  rendererDir: string | null;
  /** The token the host printed in its URL; the methods that take the desk over need it. */
  setupToken: SetupToken;
}

/**
 * `POST /api/<method>` with a JSON body and `Authorization: Bearer <token>`, answering the
 * dispatcher's envelope with the HTTP status of its error code; every other GET serves the
 * built renderer (index.html for unknown paths, so reloads work). Requests from other sites,
 * for other host names or not carrying JSON are refused before anything is read (requestGuard).
 */
export function createHttpHandler(desk: Desk, options: HostOptions) {
  const { rendererDir, setupToken } = options;
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const locale = req.headers['accept-language'];
    const t = translatorFor(locale);
    const refuse = (refusal: Refusal) => send(res, refusal.status, { ok: false, error: { code: refusal.code, message: t(refusal.key) } });
    const foreign = refuseForeignRequest(req, req.socket.localPort ?? 0);
    if (foreign) return refuse(foreign);
    const url = requestUrl(req);
    const pathname = url && decodedPath(url.pathname);
    if (pathname === null) return refuse({ status: 400, code: 'invalid_input', key: 'malformedUrl' });
    if (pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return refuse({ status: 405, code: 'invalid_input', key: 'postOnly' });
      }
      const nonJson = refuseNonJson(req);
      if (nonJson) return refuse(nonJson);
      const method = pathname.slice('/api/'.length);
      const owner = ownerRule(method);
      if (owner.needed && !setupToken.matches(req.headers[setupTokenHeader.toLowerCase()])) {
        return refuse({ status: 403, code: 'forbidden', key: 'setupTokenRequired' });
      }
      const read = await readJsonInput(req, maxBodyBytes);
      if (!read.ok) return refuse(read.refusal);
      const token = bearerToken(req.headers.authorization);
      const answer = await desk.call(method, read.input, { token, locale, source: req.socket.remoteAddress ?? 'unknown' });
      if (owner.spent && answer.ok) setupToken.spend();
      return send(res, answer.ok ? 200 : httpStatusOf[answer.error.code], answer);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse({ status: 405, code: 'invalid_input', key: 'getOnly' });
    if (!rendererDir) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('renderer not built: run `npm run build`');
    }
    const requested = path.normalize(path.join(rendererDir, pathname));
    const inside = requested.startsWith(rendererDir + path.sep) && fs.existsSync(requested) && fs.statSync(requested).isFile();
    const file = inside ? requested : path.join(rendererDir, 'index.html');
    res.writeHead(200, {
      'Content-Type': pageContentTypes[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': inside && pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...securityHeaders,
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  };
}

/** Starts the browser host on 127.0.0.1 only: the desk's data never listens on a network. */
export function listen(desk: Desk, options: HostOptions & { port: number }): Promise<http.Server> {
  const handler = createHttpHandler(desk, options);
  const server = http.createServer((req, res) => {
    handler(req, res).catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: 'internal' } });
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve(server));
  });
}
