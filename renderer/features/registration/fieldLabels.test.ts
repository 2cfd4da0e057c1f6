import { describe, expect, it } from 'vitest';
import { fieldLabelKey, fieldsInError } from './fieldLabels.ts';

describe('the fields a refused registration names', () => {
  it('names the field of each error path, lists by the list', () => {
    expect(fieldLabelKey('complainant.phone')).toBe('form.phone');
    expect(fieldLabelKey('witnesses.1.phone')).toBe('form.witnesses');
    expect(fieldLabelKey('somethingElse')).toBeNull();
  });

  it('lists each field once, in the order of the form, leaving out cleared errors', () => {
    expect(
      fieldsInError({
        receivedAt: '受理时间不能晚于现在',
        'complainant.phone': '请输入有效的电话号码',
        'witnesses.0.phone': '请输入有效的电话号码',
        'witnesses.1.phone': '请输入有效的电话号码',
        subject: null,
      }),
    ).toEqual(['form.phone', 'form.witnesses', 'form.receivedAt']);
  });
});
