import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format.ts';

describe('dates in the desk time zone', () => {
  // 16:30 UTC is already the next day in Shanghai.
  const iso = '2026-03-04T16:30:00.000Z';

  it('formats each locale with its own kept formatter, in UTC+8', () => {
    const zh = formatDate(iso, 'zh-CN');
    const en = formatDate(iso, 'en');
    expect(zh).toBe(new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(new Date(iso)));
    expect(en).toBe(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(new Date(iso)));
    expect(zh).toContain('5');
    expect(en).not.toBe(zh);
    // Asked again, a locale answers as it did the first time, not with the other's formatter.
    expect(formatDate(iso, 'zh-CN')).toBe(zh);
    expect(formatDate(iso, 'en')).toBe(en);
  });

  it('keeps date-and-time apart from date alone', () => {
    const date = formatDate(iso, 'en');
    const dateTime = formatDateTime(iso, 'en');
    expect(dateTime).not.toBe(date);
    expect(dateTime).toBe(
      new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    );
  });
});
