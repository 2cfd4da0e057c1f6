import type http from 'node:http';
import type { Refusal } from './requestGuard.ts';

/**
 * The parts of answering `POST /api/<method>` and serving a built page that the desk's browser
 * host and the group server's console share: the same body reading, JSON answers and file types.
 */

export const pageContentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker is a module script: browsers refuse one served as anything but JavaScript.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A JSON answer that no cache keeps, with the page's own security headers. */
export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string>) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

class BodyTooLarge extends Error {}

async function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? '0') > maxBytes) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The call's input (an empty body is `{}`), or why it cannot be read: too large or not JSON. */
export async function readJsonInput(
  req: http.IncomingMessage,
  maxBytes: number,
): Promise<{ ok: true; input: unknown } | { ok: false; refusal: Refusal }> {
  try {
    const body = await readBody(req, maxBytes);
    return { ok: true, input: body.trim() === '' ? {} : JSON.parse(body) };
  } catch (e) {
    if (e instanceof BodyTooLarge) return { ok: false, refusal: { status: 413, code: 'invalid_input', key: 'requestTooLarge' } };
    return { ok: false, refusal: { status: 400, code: 'invalid_input', key: 'malformedJson' } };
  }
}

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}
