import { describe, expect, it } from 'vitest';
import { sniffMime } from '../attachments/fileTypes.ts';

describe('sniffMime for text', () => {
  it('takes a long Chinese text whose 4 KB sample ends inside a character', () => {
    for (const lead of ['', 'a', 'ab']) {
      const text = Buffer.from(`${lead}${'夜班无人值守。'.repeat(400)}`);
      expect(text.length).toBeGreaterThan(4096);
      expect(sniffMime(text), JSON.stringify(lead)).toBe('text/plain');
    }
  });

  it('still refuses bytes that are not UTF-8 text', () => {
    expect(sniffMime(Buffer.from([0x61, 0xff, 0xfe, 0x62]))).toBeNull();
    expect(sniffMime(Buffer.from([0x4d, 0x5a, 0x00, 0x01]))).toBeNull();
    expect(
      sniffMime(Buffer.concat([Buffer.from('中'.repeat(1000)), Buffer.from([0xc3, 0x28]), Buffer.from('中'.repeat(1000))])),
    ).toBeNull();
  });
});
