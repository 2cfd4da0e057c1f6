import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { bearerToken, pageContentTypes, readJsonInput, sendJson } from '../../core/http/jsonCall.ts';
import { refuseNonJson, type SetupToken } from '../../core/http/requestGuard.ts';
import { translatorFor } from '../../core/translate.ts';
import { type Envelope, httpStatusOf } from '../../domain/api/envelope.ts';
import { setupTokenHeader } from '../../domain/api/setupToken.ts';
import { consoleTakeover } from '../../domain/console/consoleApi.ts';
import type { ConsoleDispatch } from './consoleDispatcher.ts';

/** A console call is a form's worth of JSON: far below the sync routes' limit. */
const maxConsoleBodyBytes = 1024 * 1024;

/** The desk's page policy: only the console's own scripts, styles and API. */
const securityHeaders = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A browser's request from a page of another origin: the console answers only its own pages. */
function isCrossOrigin(req: http.IncomingMessage): boolean {
  const origin = single(req.headers.origin);
  const site = single(req.headers['sec-fetch-site']);
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host.toLowerCase() !== (req.headers.host ?? '').toLowerCase();
  } catch {
    return true;
  }
}

export interface ConsoleHostOptions {
  /** The built renderer (out/renderer) holding console.html and its assets; null when not built. */
  rendererDir: string | null;
  setupToken: SetupToken;
}

/**
 * The console's side of the server: `POST /api/<method>` with JSON and `Authorization: Bearer`
 * (a group session, never a desk's signature), answered with the console dispatcher's envelope
 * and the HTTP status of its error code, as the desk's browser host answers DeskApi; every other
 * GET serves the built console page at `/` and its assets (another path is sent to `/`: the page's
 * own routes follow `#`).
 */
export function createConsoleHttp(dispatch: ConsoleDispatch, options: ConsoleHostOptions) {
  return async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> => {
    const locale = single(req.headers['accept-language']);
    const t = translatorFor(locale);
    const refuse = (status: number, code: 'forbidden' | 'invalid_input' | 'not_found', key: string) =>
      sendJson(res, status, { ok: false, error: { code, message: t(key) } } satisfies Envelope<never>, securityHeaders);
    if (pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return refuse(405, 'invalid_input', 'postOnly');
      }
      if (isCrossOrigin(req)) return refuse(403, 'forbidden', 'crossOrigin');
      const nonJson = refuseNonJson(req);
      if (nonJson) return refuse(nonJson.status, nonJson.code, nonJson.key);
      const read = await readJsonInput(req, maxConsoleBodyBytes);
      if (!read.ok) return refuse(read.refusal.status, read.refusal.code, read.refusal.key);
      const method = pathname.slice('/api/'.length);
      const token = bearerToken(single(req.headers.authorization));
      const setupToken = options.setupToken.matches(single(req.headers[setupTokenHeader.toLowerCase()]));
      const answer = await dispatch(method, read.input, { token, locale, source: req.socket.remoteAddress ?? 'unknown', setupToken });
      if (method === consoleTakeover && answer.ok) options.setupToken.spend();
      return sendJson(res, answer.ok ? 200 : httpStatusOf[answer.error.code], answer, securityHeaders);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405, 'invalid_input', 'getOnly');
    const { rendererDir } = options;
    const page = rendererDir ? path.join(rendererDir, 'console.html') : null;
    if (!rendererDir || !page || !fs.existsSync(page)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('console not built: run `npm run build`');
    }
    // Only the console's page and the built assets: the desk's own page is not the console's to serve.
    const requested = path.normalize(path.join(rendererDir, pathname));
    const isAsset =
      pathname.startsWith('/assets/') &&
      requested.startsWith(rendererDir + path.sep) &&
      fs.existsSync(requested) &&
      fs.statSync(requested).isFile();
    if (pathname.startsWith('/assets/') && !isAsset) return refuse(404, 'not_found', 'console:error.notFound');
    // The page's assets are relative to `/`, and its routes live after `#`: any other path goes home.
    if (!isAsset && pathname !== '/') {
      res.writeHead(302, { Location: '/', 'Cache-Control': 'no-cache', ...securityHeaders });
      return void res.end();
    }
    const file = isAsset ? requested : page;
    res.writeHead(200, {
      'Content-Type': pageContentTypes[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...securityHeaders,
    });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(file).pipe(res);
  };
}
