import { createHash, createPrivateKey, sign } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SigningIdentity } from '../../core/sync/syncClient.ts';
import { maxBodyBytes, protocolVersion, signedText, syncHeaders } from '../../domain/sync/protocol.ts';
import { caseEvents } from './pushLoad.ts';
import { startTestServer } from './serverHarness.ts';

/**
 * Requests no desk sends, over every route: each answers 4xx with a typed refusal (never 5xx,
 * never 2xx), and the store is unchanged afterwards, row for row in every table.
 */
let s: Awaited<ReturnType<typeof startTestServer>>;
let desk: SigningIdentity;
const tables = ['sites', 'enrolment_codes', 'desks', 'nonces', 'cases', 'events', 'reference_records', 'audit_entries'] as const;
const snapshot = async () =>
  Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await s.store.db.selectFrom(t).selectAll().execute()])));

beforeAll(async () => {
  s = await startTestServer();
  await s.site('第一医院');
  desk = (await s.desk('第一医院')).identity;
}, 60_000);
afterAll(() => s.close());

let nonce = 0;
function signed(method: string, path: string, body: string, identity: SigningIdentity = desk) {
  const time = new Date().toISOString();
  const n = `fuzz-${++nonce}`;
  const bodySha256 = createHash('sha256').update(body, 'utf8').digest('hex');
  const key = createPrivateKey({ key: Buffer.from(identity.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  return {
    [syncHeaders.desk]: identity.deskId,
    [syncHeaders.time]: time,
    [syncHeaders.nonce]: n,
    [syncHeaders.signature]: sign(null, Buffer.from(signedText({ method, path, bodySha256, time, nonce: n }), 'utf8'), key).toString(
      'base64',
    ),
  };
}

const good = caseEvents(1);
const [registration] = good;
/** A push body whose one event has `field` replaced by `value`. */
const withField = (field: string, value: unknown) => JSON.stringify({ events: [{ ...registration, [field]: value }] });
const badValues: unknown[] = [null, -1, 1e308, '', 'x'.repeat(1_000_001), [], {}, { $gt: '' }, true];
const fields = Object.keys(registration ?? {});

const pushBodies: string[] = [
  '',
  'null',
  '[]',
  '{',
  '"events"',
  '{"events":null}',
  '{"events":{}}',
  '{"events":[null]}',
  '{"events":[1,2,3]}',
  '{"__proto__":{"events":[]}}',
  JSON.stringify({ events: Array.from({ length: 2001 }, () => registration) }),
  '\u0000\u0001\u0002',
  Buffer.from([0xff, 0xfe, 0xfd]).toString('latin1'),
  ...fields.flatMap((f) =>
    badValues
      // A registration names no parent: `parents: []` is its own value, not a bad one.
      .filter((v) => JSON.stringify(v) !== JSON.stringify((registration as Record<string, unknown>)[f]))
      .map((v) => withField(f, v)),
  ),
  JSON.stringify({ events: [{ ...registration, unexpected: 1, hash: 'f'.repeat(64) }] }),
];

interface Probe {
  what: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function probes(): Probe[] {
  const version = { [syncHeaders.protocol]: String(protocolVersion) };
  const list: Probe[] = [];
  // `/` and every path outside the protocol's `/v<n>` are the group console's (server/test/console.test.ts).
  for (const [method, path] of [
    ['GET', '/v1'],
    ['PUT', '/v1/push'],
    ['DELETE', '/v1/pull'],
    ['GET', '/v1/push'],
    ['POST', '/v1/pull'],
    ['GET', '/v2/pull'],
    ['GET', '/v1/../v1/pull'],
    ['GET', `/v1/${'x'.repeat(5000)}`],
  ] as const) {
    list.push({ what: 'unknown route', method, path, headers: signed(method, path, '') });
  }
  // No version, or another, on every route.
  for (const value of [undefined, '', '0', '2', '1.5', 'v1', '1x', 'x'.repeat(300)]) {
    for (const [method, path] of [
      ['POST', '/v1/enrol'],
      ['POST', '/v1/push'],
      ['GET', '/v1/pull?after=0'],
    ] as const) {
      const headers: Record<string, string> = { ...signed(method, path, method === 'POST' ? '{}' : '') };
      if (value !== undefined) headers[syncHeaders.protocol] = value;
      list.push({ what: `protocol ${value}`, method, path, headers, ...(method === 'POST' ? { body: '{}' } : {}) });
    }
  }
  // Enrolment with every wrong shape.
  for (const body of [
    '',
    '{',
    'null',
    '[]',
    '{"code":"x"}',
    JSON.stringify({ code: 'ABCD-EFGH-JKMN', publicKey: 'x'.repeat(100), deskName: 'x', deskId: uuidv7() }),
  ]) {
    list.push({ what: `enrol ${body.slice(0, 30)}`, method: 'POST', path: '/v1/enrol', headers: version, body });
  }
  // Pushes: unsigned, signed over another body, and signed but malformed.
  for (const body of pushBodies) {
    list.push({ what: `unsigned push ${body.slice(0, 30)}`, method: 'POST', path: '/v1/push', headers: version, body });
    list.push({
      what: `push signed for another body ${body.slice(0, 30)}`,
      method: 'POST',
      path: '/v1/push',
      headers: { ...version, ...signed('POST', '/v1/push', '{"events":[]}') },
      body,
    });
    list.push({
      what: `signed malformed push ${body.slice(0, 40)}`,
      method: 'POST',
      path: '/v1/push',
      headers: { ...version, ...signed('POST', '/v1/push', body) },
      body,
    });
  }
  // Pulls with cursors and limits no desk asks for.
  for (const query of [
    'after=-1',
    'after=x',
    'after=1e400',
    'after=0&limit=0',
    'after=0&limit=-5',
    'after=0&wait=-1',
    'after=0&wait=NaN',
    'after=1.5',
  ]) {
    const path = `/v1/pull?${query}`;
    list.push({ what: `pull ${query}`, method: 'GET', path, headers: { ...version, ...signed('GET', path, '') } });
  }
  // Reference records and audit entries: unsigned, and signed but malformed.
  const record = { kind: 'department', key: 'd-1', hlc: '000001764000000-0000-dev', row: '{"id":"d-1"}' };
  const entry = { id: 'a-1', at: '2026-11-01T00:00:00.000Z', actorId: null, action: 'auth.login', target: null, detail: null };
  const referenceBodies = [
    ...pushBodies.slice(0, 13),
    JSON.stringify({ records: [{ ...record, kind: 'nuclearCodes' }] }),
    JSON.stringify({ records: [{ ...record, row: 'not json' }] }),
    JSON.stringify({ records: [{ ...record, row: '[1,2]' }] }),
    JSON.stringify({ records: [{ ...record, key: '' }] }),
    JSON.stringify({ records: [{ ...record, hlc: 'x'.repeat(200) }] }),
    JSON.stringify({ records: Array.from({ length: 2001 }, () => record) }),
  ];
  const auditBodies = [
    ...pushBodies.slice(0, 13),
    JSON.stringify({ entries: [{ ...entry, action: '' }] }),
    JSON.stringify({ entries: [{ ...entry, id: 'x'.repeat(65) }] }),
    JSON.stringify({ entries: [{ ...entry, detail: 5 }] }),
    JSON.stringify({ entries: Array.from({ length: 2001 }, () => entry) }),
  ];
  for (const [path, bodies] of [
    ['/v1/reference/push', referenceBodies],
    ['/v1/audit/push', auditBodies],
  ] as const) {
    for (const body of bodies) {
      list.push({ what: `unsigned ${path} ${body.slice(0, 30)}`, method: 'POST', path, headers: version, body });
      list.push({
        what: `signed malformed ${path} ${body.slice(0, 40)}`,
        method: 'POST',
        path,
        headers: { ...version, ...signed('POST', path, body) },
        body,
      });
    }
  }
  for (const query of ['after=-1', 'after=x', 'after=1e400', 'after=0&limit=0', 'after=1.5']) {
    const path = `/v1/reference/pull?${query}`;
    list.push({ what: `reference pull ${query}`, method: 'GET', path, headers: { ...version, ...signed('GET', path, '') } });
  }
  // Signing headers broken one at a time.
  const path = '/v1/pull?after=0';
  const base = { ...version, ...signed('GET', path, '') };
  for (const header of [syncHeaders.desk, syncHeaders.time, syncHeaders.nonce, syncHeaders.signature]) {
    for (const value of ['', 'x', 'x'.repeat(500), uuidv7(), '2001-01-01T00:00:00Z', 'AAAA']) {
      list.push({ what: `${header}=${value.slice(0, 20)}`, method: 'GET', path, headers: { ...base, [header]: value } });
    }
  }
  return list;
}

describe('requests no desk sends', () => {
  it('are each answered 4xx with a typed refusal, and nothing is written', async () => {
    const before = await snapshot();
    const answers: string[] = [];
    for (const p of probes()) {
      const response = await fetch(`${s.url}${p.path}`, { method: p.method, headers: p.headers, body: p.body ?? null });
      const text = await response.text();
      let error: unknown;
      try {
        error = (JSON.parse(text) as { error?: unknown }).error;
      } catch {
        error = undefined;
      }
      if (response.status < 400 || response.status >= 500 || typeof error !== 'string')
        answers.push(`${p.what}: ${response.status} ${text.slice(0, 120)}`);
    }
    expect(answers).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it('refuses a body larger than the server reads, with 413, before reading it', async () => {
    const before = await snapshot();
    const body = 'x'.repeat(maxBodyBytes + 1);
    const response = await fetch(`${s.url}/v1/push`, {
      method: 'POST',
      headers: { [syncHeaders.protocol]: String(protocolVersion), ...signed('POST', '/v1/push', body) },
      body,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toBe('too_large');
    expect(await snapshot()).toEqual(before);
  });
});
