import { describe, expect, it } from 'vitest';
import { personIn, personKeyOf } from '../privacy/personMatch.ts';

describe('finding one person in a case', () => {
  const key = personKeyOf({ phone: '+86 139-1234-5678', idNumber: '11010119900307123x' });

  it('reads the request the way the desk stores numbers', () => {
    expect(key).toEqual({ phone: '13912345678', idNumber: '11010119900307123X' });
    expect(personKeyOf({ idNumber: '110101199003071234' })).toEqual({ phone: null, idNumber: '110101199003071234' });
  });

  it('finds them as the complainant by phone written another way, or by ID number', () => {
    expect(personIn({ complainant: { name: '甲', phone: '139 1234 5678' }, intake: {} }, key).roles).toEqual(['complainant']);
    expect(personIn({ complainant: { name: '甲', idNumber: '11010119900307123X' }, intake: {} }, key).roles).toEqual(['complainant']);
  });

  it('finds them among a group’s complainants and the witnesses, and no one else', () => {
    const found = personIn(
      {
        complainant: { name: '乙', phone: '13800000000' },
        intake: {
          coComplainants: [{ name: '甲', phone: '13912345678' }, { name: '丙' }],
          witnesses: [
            { name: '丁', phone: '13700000000' },
            { name: '甲', phone: '(139)12345678' },
          ],
        },
      },
      key,
    );
    expect(found.roles).toEqual(['coComplainant', 'witness']);
    expect(found.asCoComplainant.map((p) => p.name)).toEqual(['甲']);
    expect(found.asWitness.map((p) => p.name)).toEqual(['甲']);
    expect(personIn({ complainant: { name: '乙', phone: '13800000000', idNumber: '110101199003071235' }, intake: {} }, key).roles).toEqual(
      [],
    );
  });

  it('matches nothing on an absent number', () => {
    expect(personIn({ complainant: { name: '甲' }, intake: {} }, { phone: null, idNumber: null }).roles).toEqual([]);
  });
});
