import { describe, expect, it } from 'vitest';
import { hashInput } from '../cases/hashChain.ts';
import { receiveHlc } from '../cases/hlc.ts';
import type { WireEvent } from '../sync/protocol.ts';
import { numberPlace, pulledFault } from '../sync/receiveRules.ts';
import { redactWireEvent } from '../sync/redactedEvents.ts';

/** A stand-in digest (FNV-1a, spread to 64 hex digits): the rules only compare what it gives. */
const sha256 = (t: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0').repeat(8);
};

function wire(type: string, parents: string[], payload = '{}'): WireEvent {
  const fields = {
    id: '0193a000-0000-7000-8000-000000000001',
    caseId: '0193a000-0000-7000-8000-0000000000c1',
    form: 'dag' as const,
    seq: 1,
    parents,
    type,
    payload,
    actorId: 'u',
    device: 'd',
    at: '2026-11-01T00:00:00.000Z',
    hlc: '001793491200000-0000-d',
  };
  return { ...fields, hash: sha256(hashInput(fields)) };
}

describe('a pulled event', () => {
  const reg = wire('registered', []);
  it('is taken when its hash holds and it names only events held', () => {
    expect(pulledFault(reg, new Set(), false, sha256)).toBeNull();
    expect(pulledFault(wire('noted', [reg.hash]), new Set([reg.hash]), true, sha256)).toBeNull();
  });
  it('is refused when edited, when it names what is not held, or registers a case twice', () => {
    expect(pulledFault({ ...reg, payload: '{"x":1}' }, new Set(), false, sha256)).toBe('hash');
    expect(pulledFault(wire('noted', [reg.hash]), new Set(), true, sha256)).toBe('parent');
    expect(pulledFault(wire('noted', [reg.hash]), new Set(), false, sha256)).toBe('notRegistered');
    expect(pulledFault(reg, new Set(), true, sha256)).toBe('registeredAlready');
    expect(pulledFault(wire('noted', []), new Set(), true, sha256)).toBe('registration');
    expect(pulledFault(wire('noted', [reg.hash], 'not json'), new Set([reg.hash]), true, sha256)).toBe('payload');
  });
});

describe('a number met again', () => {
  it('gives its month and place under this desk’s prefix, in every format', () => {
    expect(numberPlace('A2611-0007', 'A')).toEqual({ period: '2611', sequence: 7 });
    expect(numberPlace('A202611-0012', 'A')).toEqual({ period: '2611', sequence: 12 });
    expect(numberPlace('A2026-11-0003', 'A')).toEqual({ period: '2611', sequence: 3 });
    expect(numberPlace('A26110004', 'A')).toEqual({ period: '2611', sequence: 4 });
    expect(numberPlace('B2611-0007', 'A')).toBeNull();
    expect(numberPlace('AB2611-0007', 'A')).toBeNull();
  });
});

describe('the hybrid clock receiving', () => {
  it('moves past a later clock and ignores one too far ahead', () => {
    const now = 1_000_000;
    expect(receiveHlc({ wallMs: now, counter: 0 }, { wallMs: now + 10, counter: 3 }, now)).toEqual({ wallMs: now + 10, counter: 3 });
    expect(receiveHlc({ wallMs: now, counter: 5 }, { wallMs: now, counter: 3 }, now)).toEqual({ wallMs: now, counter: 5 });
    expect(receiveHlc({ wallMs: now, counter: 0 }, { wallMs: now + 6 * 60_000, counter: 0 }, now)).toEqual({ wallMs: now, counter: 0 });
  });
});

describe('a redacted event', () => {
  const person = { name: '钱六', phone: '13912345678', address: '解放路 7 号' };
  const registration = wire('registered', [], JSON.stringify({ number: '2611-0001', subject: '收费', complainant: person }));
  const contact = wire('contacted', [registration.hash], JSON.stringify({ method: 'phone', person: person.name, summary: '已解释' }));
  const noted = wire('noted', [registration.hash], JSON.stringify({ text: '已转门诊部' }));

  it('loses what its kinds take out, keeps its hash and says what it lost; one with nothing to lose stays as it was', () => {
    const redacted = redactWireEvent(registration, ['personalData']);
    expect(redacted).toMatchObject({ hash: registration.hash, redacted: ['personalData'] });
    expect(JSON.parse(redacted.payload)).toEqual({ number: '2611-0001', subject: '收费', complainant: { name: '' } });
    expect(redactWireEvent(noted, ['personalData'])).toBe(noted);
    // A later removal that takes more out widens what it says it lost.
    const added = wire('attachmentsAdded', [registration.hash], JSON.stringify({ attachments: [{ sha256: 'a'.repeat(64) }] }));
    const once = redactWireEvent({ ...added, redacted: ['personalData'] }, ['evidence']);
    expect(once).toMatchObject({ payload: JSON.stringify({ attachments: [] }), redacted: ['evidence', 'personalData'] });
  });

  it('is accepted when it holds nothing its kinds take out, refused when it still does or is altered', () => {
    const known = new Set([registration.hash]);
    const redacted = redactWireEvent(contact, ['personalData']);
    expect(pulledFault(redactWireEvent(registration, ['personalData']), new Set(), false, sha256)).toBeNull();
    expect(pulledFault(redacted, known, true, sha256)).toBeNull();
    expect(pulledFault({ ...contact, redacted: ['personalData'] }, known, true, sha256)).toBe('hash');
    // Its hash no longer proves its fields; an unmarked copy of the redacted text fails the hash.
    expect(pulledFault({ ...redacted, redacted: undefined }, known, true, sha256)).toBe('hash');
    expect(pulledFault({ ...redacted, parents: ['f'.repeat(64)] }, known, true, sha256)).toBe('parent');
  });
});
