import { randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';

/**
 * What an HTTP request must show before the desk reads it, shared by every server the desk
 * runs on the loopback address. A page on another site can make the browser send requests to
 * 127.0.0.1 (a plain cross-site POST, or a DNS name rebound to 127.0.0.1); these checks refuse
 * them whatever the method behind the URL.
 */
export interface Refusal {
  status: number;
  code: 'forbidden' | 'invalid_input';
  /** A key of the `errors` namespace. */
  key: string;
}

/** The names a browser on this machine uses for the host: a rebound DNS name is none of them. */
function ownHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/**
 * Refuses a request whose Host is not the server's own address and port (DNS rebinding), or
 * that a browser says comes from another origin. A request without an Origin comes from a
 * program on this machine, not from a web page: browsers send one with every POST.
 */
export function refuseForeignRequest(req: http.IncomingMessage, port: number): Refusal | null {
  const hosts = ownHosts(port);
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) return { status: 421, code: 'forbidden', key: 'foreignHost' };
  const origin = req.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, hosts)) return { status: 403, code: 'forbidden', key: 'crossOrigin' };
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { status: 403, code: 'forbidden', key: 'crossOrigin' };
  return null;
}

function isOwnOrigin(origin: string, hosts: Set<string>): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && hosts.has(url.host.toLowerCase());
  } catch {
    return false;
  }
}

/**
 * Calls carry JSON and say so. A cross-site form or `text/plain` POST needs no permission from
 * the browser; `application/json` does (a preflight the desk never grants).
 */
export function refuseNonJson(req: http.IncomingMessage): Refusal | null {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' ? null : { status: 415, code: 'invalid_input', key: 'jsonOnly' };
}

/**
 * The one-time token the browser host prints in its URL, as notebook servers do: whoever can
 * read the host's output is the person who started it. The methods that may run before anyone
 * signs in and that take over the desk (set it up, import into it, restore it) need it, so no
 * other program or user on the machine can. It is spent by the first call it succeeds for.
 */
/**
 * The request's address, or null for one that is no address. Read against a fixed origin rather
 * than as a reference relative to one: as a reference, `//` names a host, and an empty host throws,
 * which in a request listener ends the process.
 */
export function requestUrl(req: http.IncomingMessage): URL | null {
  try {
    return new URL(`http://localhost${req.url ?? '/'}`);
  } catch {
    return null;
  }
}

export interface SetupToken {
  readonly value: string;
  matches(candidate: string | string[] | undefined): boolean;
  spend(): void;
}

export function createSetupToken(value: string = randomBytes(24).toString('base64url')): SetupToken {
  const expected = Buffer.from(value);
  let spent = false;
  return {
    value,
    matches(candidate) {
      if (spent || typeof candidate !== 'string') return false;
      const given = Buffer.from(candidate);
      // Compared in constant time: the answer's timing does not reveal a matching prefix.
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    spend() {
      spent = true;
    },
  };
}
