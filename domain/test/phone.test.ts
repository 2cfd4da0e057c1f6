import { describe, expect, it } from 'vitest';
import { isValidPhone, phoneDigitsTyped, phoneLookupKey } from '../cases/phone.ts';

describe('phone numbers', () => {
  it.each([
    ['13800138000', 'mainland mobile'],
    ['138-0013-8000', 'mainland mobile with dashes'],
    ['+86 138 0013 8000', 'mainland mobile with country code'],
    ['8613800138000', 'mainland mobile with 86 prefix'],
    ['010-12345678', 'Beijing landline'],
    ['(021) 6123 4567', 'Shanghai landline with brackets'],
    ['0755-8765432', 'landline with 7-digit number'],
    ['0571-87654321转8021', 'landline with extension'],
    ['010-12345678 ext 12', 'landline with English extension'],
    ['87654321', 'local number without area code'],
    ['400-820-8820', '400 service number'],
    ['+86 10 1234 5678', 'landline with country code'],
    ['+852 9123 4567', 'Hong Kong mobile'],
    ['2345 6789', 'Hong Kong landline'],
    ['+853 6612 3456', 'Macau mobile'],
    ['0912-345-678', 'Taiwan mobile'],
    ['+886 912 345 678', 'Taiwan mobile with country code'],
    ['(02) 2345-6789', 'Taipei landline'],
    ['+886 2 2345 6789', 'Taipei landline with country code'],
  ])('accepts %s (%s)', (raw) => {
    expect(isValidPhone(raw)).toBe(true);
  });

  it.each([
    ['12ab', 'letters'],
    ['123', 'too short'],
    ['12800138000', 'mobile with an impossible second digit'],
    ['1380013800012345', 'too long'],
    ['+1 415 555 0100', 'a country the desk does not serve'],
    ['+852 1234 5678', 'Hong Kong number starting with 1'],
    ['', 'empty'],
    ['--', 'separators only'],
  ])('refuses %s (%s)', (raw) => {
    expect(isValidPhone(raw)).toBe(false);
  });

  it('looks numbers up in one form whatever the way they were typed', () => {
    expect(phoneLookupKey('+86 138-0013-8000')).toBe('13800138000');
    expect(phoneLookupKey('8613800138000')).toBe('13800138000');
    expect(phoneLookupKey('138 0013 8000')).toBe('13800138000');
    expect(phoneLookupKey('+86 10 1234 5678')).toBe('01012345678');
    expect(phoneLookupKey('010-12345678')).toBe('01012345678');
    expect(phoneLookupKey('+886 912 345 678')).toBe('0912345678');
    expect(phoneLookupKey('0912-345-678')).toBe('0912345678');
    expect(phoneLookupKey('+852 9123 4567')).toBe('85291234567');
    expect(phoneLookupKey('12ab')).toBeNull();
  });

  it('gives the digits typed so far for a prefix lookup', () => {
    expect(phoneDigitsTyped('138 001')).toBe('138001');
    expect(phoneDigitsTyped('+86 138 001')).toBe('138001');
  });
});
