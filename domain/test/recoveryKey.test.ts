import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, parseRecoveryKey, recoveryKeyBytes } from '../keys/recoveryKey.ts';

const bytes = Uint8Array.from({ length: recoveryKeyBytes }, (_, i) => (i * 37 + 11) & 0xff);

describe('recovery key', () => {
  it('prints eight groups of four and reads back the same bytes', () => {
    const text = formatRecoveryKey(bytes);
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parseRecoveryKey(text)).toEqual(bytes);
  });

  it('forgives case, spaces, missing dashes and the look-alikes of 0 and 1', () => {
    const text = formatRecoveryKey(new Uint8Array(recoveryKeyBytes)); // all zeros
    expect(text).toBe('0000-0000-0000-0000-0000-0000-0000-0000');
    expect(parseRecoveryKey('oooo OOOO 0000 0000 0000 0000 0000 0000')).toEqual(new Uint8Array(recoveryKeyBytes));
    const ones = formatRecoveryKey(bytes).toLowerCase().replace(/-/g, ' ');
    expect(parseRecoveryKey(ones)).toEqual(bytes);
    expect(parseRecoveryKey('iiii-llll-1111-0000-0000-0000-0000-0000')).toEqual(
      parseRecoveryKey('1111-1111-1111-0000-0000-0000-0000-0000'),
    );
  });

  it('refuses a wrong length or a character outside the alphabet', () => {
    expect(parseRecoveryKey('ABCD-EFGH')).toBeNull();
    expect(parseRecoveryKey(`${formatRecoveryKey(bytes)}-0000`)).toBeNull();
    expect(parseRecoveryKey('UUUU-0000-0000-0000-0000-0000-0000-0000')).toBeNull();
  });
});
