import { describe, expect, it } from 'vitest';
import { listText } from '../text/listText.ts';

describe('a list in the reader language', () => {
  it('uses the enumeration comma in Chinese and a comma in English, with no conjunction before the last item', () => {
    expect(listText(['门诊部', '财务科'], 'zh-CN')).toBe('门诊部、财务科');
    expect(listText(['门诊部', '财务科', '护理部'], 'zh-CN')).toBe('门诊部、财务科、护理部');
    expect(listText(['Outpatients', 'Finance', 'Nursing'], 'en')).toBe('Outpatients, Finance, Nursing');
  });

  it('is the item alone for one, and empty for none', () => {
    expect(listText(['门诊部'], 'en')).toBe('门诊部');
    expect(listText([], 'zh-CN')).toBe('');
  });
});
