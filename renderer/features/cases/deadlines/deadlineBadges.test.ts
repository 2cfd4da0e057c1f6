import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { defaultLanguage, namespaces, resources } from '../../../../locales/resources.ts';
import { deadlineBadges } from './DeadlineBadge.tsx';

async function deadlinesIn(lng: string) {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng, fallbackLng: defaultLanguage, ns: [...namespaces], defaultNS: 'common' });
  return i18n.getFixedT(lng, 'deadlines');
}

const due = '2026-11-20T09:00:00.000Z';
const alert = (level: 'overdue' | 'dueSoon' | 'paused', majorUnreported = false) => ({
  dueAt: due,
  dueClock: 'resolve' as const,
  deadlineStatus: 'overdue' as const,
  deadlineAlert: { level, clock: 'acknowledge' as const, due, majorUnreported },
});

describe('deadlineBadges (the words and colour a board card draws itself)', () => {
  it('names the alert clock, short without the date, in the colour of its level', async () => {
    const t = await deadlinesIn('en');
    const clock = t('clocks.acknowledge');
    expect(deadlineBadges(alert('overdue'), t, 'en', false)).toEqual({
      level: 'overdue',
      color: 'red',
      text: t('badge.overdueShort', { clock }),
      majorUnreported: false,
    });
    const soon = deadlineBadges(alert('dueSoon'), t, 'en', false);
    expect(soon?.color).toBe('orange');
    expect(soon?.text).toContain(clock);
    expect(deadlineBadges(alert('paused'), t, 'en', false)?.text).toBe(t('alert.paused'));
  });

  it('with the date, the long wording carries it', async () => {
    const t = await deadlinesIn('zh-CN');
    const long = deadlineBadges(alert('overdue'), t, 'zh-CN', true);
    expect(long?.text).not.toBe(deadlineBadges(alert('overdue'), t, 'zh-CN', false)?.text);
    expect(long?.text).toMatch(/2026/);
  });

  it('a case on time says nothing without the date; with nothing to say and no late report, no badge', async () => {
    const t = await deadlinesIn('en');
    const onTime = { dueAt: due, dueClock: 'resolve' as const, deadlineStatus: 'onTime' as const, deadlineAlert: null };
    expect(deadlineBadges(onTime, t, 'en', false)).toBeNull();
    expect(deadlineBadges(onTime, t, 'en', true)?.text).toContain(t('clocks.resolve'));
    expect(deadlineBadges({ dueAt: null, dueClock: null, deadlineStatus: null }, t, 'en', true)).toBeNull();
  });

  it('a major case reported late keeps its second badge', async () => {
    const t = await deadlinesIn('en');
    expect(deadlineBadges(alert('overdue', true), t, 'en', false)?.majorUnreported).toBe(true);
  });

  it('a text kept for one language is not shown in another, and each due date has its own', async () => {
    const en = await deadlinesIn('en');
    const zh = await deadlinesIn('zh-TW');
    const inEnglish = deadlineBadges(alert('overdue'), en, 'en', true)?.text;
    expect(deadlineBadges(alert('overdue'), zh, 'zh-TW', true)?.text).toContain(zh('clocks.acknowledge'));
    expect(deadlineBadges(alert('overdue'), zh, 'zh-TW', true)?.text).not.toBe(inEnglish);
    const later = { ...alert('overdue'), deadlineAlert: { ...alert('overdue').deadlineAlert, due: '2026-12-20T09:00:00.000Z' } };
    expect(deadlineBadges(later, en, 'en', true)?.text).not.toBe(inEnglish);
    expect(deadlineBadges(alert('overdue'), en, 'en', true)?.text).toBe(inEnglish);
  });
});
