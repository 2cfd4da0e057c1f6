import { describe, expect, it } from 'vitest';
import { holidayKeyOf } from '../../domain/deadlines/holidayNames.ts';
import { bundledCalendarYears } from '../calendar/bundledCalendar.ts';
import { openTestDesk } from './testDesk.ts';

describe('holiday names', () => {
  it('are recognised as imported from the notice, an .ics feed or the bundled data', () => {
    expect(holidayKeyOf('春节')).toBe('springFestival');
    expect(holidayKeyOf('春节 休')).toBe('springFestival');
    expect(holidayKeyOf('清明节')).toBe('qingming');
    expect(holidayKeyOf('国庆节')).toBe('nationalDay');
    expect(holidayKeyOf('中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日')).toBe('victoryDay');
    expect(holidayKeyOf('厂庆日')).toBeNull();
    expect(holidayKeyOf(null)).toBeNull();
  });

  it('cover every holiday of the bundled calendar', () => {
    const names = new Set(bundledCalendarYears().flatMap((y) => [...y.holidays, ...y.makeUpDays].map((d) => d.name)));
    expect([...names].filter((n) => holidayKeyOf(n) === null)).toEqual([]);
  });
});

describe('the calendar as a screen reads it', () => {
  it('names the official holidays in the reader’s language and keeps a local name as imported', async () => {
    const desk = await openTestDesk();
    try {
      await desk.setupAndLogin();
      const springFestival = async (locale: string) =>
        (await desk.call('calendar.get', { year: 2026 }, { locale })).holidays.find((d) => d.date === '2026-02-17')?.name;
      expect(await springFestival('zh-CN')).toBe('春节');
      expect(await springFestival('zh-TW')).toBe('春節');
      expect(await springFestival('en')).toBe('Spring Festival');
      const mayDay = (await desk.call('calendar.get', { year: 2026 }, { locale: 'en' })).holidays.find((d) => d.date === '2026-05-01');
      expect(mayDay?.name).toBe('Labour Day');

      await desk.call('calendar.import', {
        content: JSON.stringify({
          holidays: [
            { date: '2027-01-01', name: '元旦' },
            { date: '2027-06-08', name: '厂庆日' },
          ],
        }),
      });
      const local = (await desk.call('calendar.get', { year: 2027 }, { locale: 'en' })).holidays;
      expect(local.map((d) => d.name)).toEqual(["New Year's Day", '厂庆日']);
    } finally {
      await desk.close();
    }
  });
});
