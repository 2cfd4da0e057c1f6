import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type DeskMethod, deskMethods } from '../../domain/api/deskApi.ts';
import { httpStatusOf } from '../../domain/api/envelope.ts';
import { auditBudgetPolicy } from '../audit/auditBudget.ts';
import { openAccessDesk } from './accessDesk.ts';
import { rowCounts } from './storeSnapshot.ts';
import { sampleComplaint } from './testDesk.ts';

/**
 * Every DeskApi method, called with malformed input by every kind of caller: no answer is a 5xx (internal or store_error: a crash or a path leaking
 * through), and nothing is written but the audit trail of refusals.
 */
let d: Awaited<ReturnType<typeof openAccessDesk>>;
let callers: { who: string; token: string | undefined }[];
beforeAll(async () => {
  d = await openAccessDesk();
  const sup = await d.person('super1', ['supervisor']);
  const rec = await d.person('reception1', ['receptionist']);
  await d.as(rec.token, 'cases.register', sampleComplaint);
  callers = [
    { who: 'nobody', token: undefined },
    { who: 'admin', token: d.adminToken },
    { who: 'supervisor', token: sup.token },
    { who: 'receptionist', token: rec.token },
  ];
}, 60_000);
afterAll(() => d.close());

/** Values of the wrong kind, or beyond any limit, for any field. */
const badValues: unknown[] = [null, -1, 1e308, [], [[]], { $gt: '' }, 'x'.repeat(100_000)];
/** Folders and files that are not there, not reachable or not a name at all, for the fields that name one. */
const badPaths: unknown[] = [
  '../../../../etc/passwd',
  'relative/not/there',
  '/no/such/usb-drive',
  'x'.repeat(5000),
  `/tmp/${'y'.repeat(300)}`,
  '\u0000',
  '%E0%A4%A',
];
const pathFields = new Set(['folder', 'path']);
/** Whole inputs that no method takes. */
const badInputs: unknown[] = [null, 'x', 42, true, [], [{}], { unexpected: 1 }, { __proto__: { admin: true } }, { constructor: 'x' }];

function fieldsOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (shape) return Object.keys(shape);
  // A union of objects (print.render): the fields of every arm.
  const options = (schema as unknown as { options?: z.ZodType[] }).options;
  return options ? [...new Set(options.flatMap(fieldsOf))] : [];
}

/** The malformed inputs of one method: whole wrong inputs, and each field alone given a wrong value. */
function malformedInputs(method: DeskMethod): unknown[] {
  const inputs: unknown[] = [...badInputs];
  for (const field of fieldsOf(deskMethods[method].input)) {
    for (const value of pathFields.has(field) ? [...badValues, ...badPaths] : badValues) inputs.push({ [field]: value });
  }
  return inputs;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => !f.startsWith(path.join('set-aside')));
}

describe('the DeskApi under malformed input', () => {
  it('never answers 5xx and writes nothing, for any method, caller or language', async () => {
    const methods = Object.keys(deskMethods) as DeskMethod[];
    const before = { ...rowCounts(d.dataDir), audit_log: 0 };
    const strangersRows = () => d.auditRows().filter((r) => r.actor_id === null).length;
    const strangersBefore = strangersRows();
    const files = filesUnder(d.dataDir)
      .filter((f) => !f.includes('desk.sqlite'))
      .sort();
    const failures: string[] = [];
    let calls = 0;
    for (const method of methods) {
      const inputs = malformedInputs(method);
      for (const [i, input] of inputs.entries()) {
        // The administrator reaches every handler that checks paths; the others each a share of the inputs.
        for (const caller of new Set([callers[1], callers[i % callers.length]])) {
          const answer = await d.rawAs(caller?.token, method, input);
          calls++;
          if (!answer.ok && httpStatusOf[answer.error.code] >= 500) {
            failures.push(`${method} ${caller?.who} ${JSON.stringify(input)?.slice(0, 80)}: ${answer.error.code} ${answer.error.message}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(1000);
    expect({ ...rowCounts(d.dataDir), audit_log: 0 }).toEqual(before);
    // What callers without a session leave in the audit log stays within their budget (auditBudget.ts).
    expect(strangersRows() - strangersBefore).toBeLessThanOrEqual(auditBudgetPolicy.rowsPerWindow * 3 + 3);
    expect(
      filesUnder(d.dataDir)
        .filter((f) => !f.includes('desk.sqlite'))
        .sort(),
    ).toEqual(files);
  }, 300_000);

  it('answers in the default language for an Accept-Language it does not have, never 5xx', async () => {
    const supervisor = callers[2]?.token;
    const period = { kind: 'month', year: 2026, index: 11 } as const;
    const calls: [DeskMethod, unknown][] = [
      ['reports.export', { period, format: 'csv' }],
      ['reports.export', { period, format: 'xlsx' }],
      ['reports.analysis', { period }],
      ['print.render', { template: 'monthlyAnalysis', period }],
      ['cases.list', {}],
    ];
    for (const locale of ['*', 'xx-YY', 'i-klingon', '', 'zh-TW;q=abc', 'en-US-u-ca-bogus', 'a'.repeat(500), '\u0000']) {
      for (const [method, input] of calls) {
        const answer = await d.raw(method, input, { token: supervisor, locale });
        expect(answer.ok ? 'ok' : `${answer.error.code} ${answer.error.message}`, `${method} ${JSON.stringify(locale)}`).toBe('ok');
      }
    }
  }, 120_000);
});
