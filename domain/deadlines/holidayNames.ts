/**
 * The official public holidays, by the Chinese names the State Council's notice (and the
 * bundled `chinese-days` data) gives them. The store keeps the name as imported; screens show
 * the holiday in the reader's language. A name not listed here (a local or imported feed's own
 * title) is shown as it was imported.
 */
export const holidayKeys = [
  'newYear',
  'springFestival',
  'qingming',
  'labourDay',
  'dragonBoat',
  'midAutumn',
  'nationalDay',
  'victoryDay',
] as const;
export type HolidayKey = (typeof holidayKeys)[number];

/** Longest names first, so 国庆节 is found before a shorter name it might contain. */
const officialNames: [string, HolidayKey][] = (
  [
    ['中国人民抗日战争暨世界反法西斯战争胜利', 'victoryDay'],
    ['元旦', 'newYear'],
    ['春节', 'springFestival'],
    ['清明', 'qingming'],
    ['劳动节', 'labourDay'],
    ['五一', 'labourDay'],
    ['端午', 'dragonBoat'],
    ['中秋', 'midAutumn'],
    ['国庆', 'nationalDay'],
  ] as [string, HolidayKey][]
).sort((a, b) => b[0].length - a[0].length);

/** Which official holiday a stored name stands for (春节, 春节 休, 清明节), or null. */
export function holidayKeyOf(name: string | null): HolidayKey | null {
  if (!name) return null;
  return officialNames.find(([chinese]) => name.includes(chinese))?.[1] ?? null;
}
