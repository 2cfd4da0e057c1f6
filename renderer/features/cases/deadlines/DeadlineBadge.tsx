import { Group, type MantineTheme, useMantineTheme } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { shownDeadline } from '../../../../domain/deadlines/deadlineStatus.ts';
import { formatDate } from '../../../shared/format.ts';
import { PlainBadge } from '../../../shared/ui/PlainBadge.tsx';

const colors = { overdue: 'red', dueSoon: 'orange', paused: 'gray', onTime: 'gray' } as const;

// A board draws a badge per card and most cards share a few texts: i18next's `t` (interpolation,
// plurals) and the date formatting cost more than the rest of a card. Kept per `t`, which changes
// with the language. Bounded: scrolling the list of every case meets a new deadline on each row.
const keptTexts = 2_000;
const textsByT = new WeakMap<TFunction<'deadlines'>, Map<string, string | null>>();

/**
 * What the deadline badge says and in which colour (`t` of the deadlines namespace); null when it
 * shows nothing.
 */
export function deadlineBadges(
  summary: Parameters<typeof shownDeadline>[0],
  t: TFunction<'deadlines'>,
  language: string,
  withDate: boolean,
) {
  const d = shownDeadline(summary);
  if (!d) return null;
  const text = kept(t, `${language}|${d.level}|${d.clock}|${d.due}|${withDate}`, () => badgeText(d, t, language, withDate));
  if (!text && !d.majorUnreported) return null;
  return { level: d.level, color: colors[d.level], text, majorUnreported: d.majorUnreported };
}

function kept<T extends string | null>(t: TFunction<'deadlines'>, key: string, make: () => T): T {
  let texts = textsByT.get(t);
  if (!texts) {
    texts = new Map();
    textsByT.set(t, texts);
  }
  const known = texts.get(key);
  if (known !== undefined) return known as T;
  const text = make();
  if (texts.size >= keptTexts) texts.clear();
  texts.set(key, text);
  return text;
}

function badgeText(d: NonNullable<ReturnType<typeof shownDeadline>>, t: TFunction<'deadlines'>, language: string, withDate: boolean) {
  const clock = d.clock ? t(`clocks.${d.clock}`) : '';
  const date = formatDate(d.due, language);
  if (d.level === 'paused') return t('alert.paused');
  if (d.level === 'onTime') return withDate ? t('badge.onTime', { clock, date }) : null;
  return t(withDate ? `badge.${d.level}` : `badge.${d.level}Short`, { clock, date });
}

/**
 * The one deadline badge of the desk (board, inbox, case list, case page): overdue in red, due
 * soon in orange, paused in grey, naming the clock it speaks of and, `withDate`, that clock's
 * date. A case on track shows its date quietly, or nothing without `withDate`. A major case
 * reported late carries a second badge. `wrap`: a narrow place (a board card) lets the words
 * run onto a second line rather than cut them.
 */
export function DeadlineBadge(props: {
  summary: Parameters<typeof shownDeadline>[0];
  withDate?: boolean;
  size?: 'sm' | 'md' | 'lg' | undefined;
  wrap?: boolean;
}) {
  const { t, i18n } = useTranslation('deadlines');
  const theme = useMantineTheme();
  return (
    <PlainDeadlineBadges
      summary={props.summary}
      t={t}
      language={i18n.language}
      theme={theme}
      withDate={props.withDate ?? false}
      size={props.size ?? 'md'}
      wrap={props.wrap ?? false}
    />
  );
}

/**
 * The same badges, for a board or a list that draws a row of them at once: `t` of the deadlines
 * namespace and the theme come from the list, once.
 */
export function PlainDeadlineBadges(props: {
  summary: Parameters<typeof shownDeadline>[0];
  t: TFunction<'deadlines'>;
  language: string;
  theme: MantineTheme;
  withDate: boolean;
  size: 'sm' | 'md' | 'lg';
  wrap?: boolean;
}) {
  const d = deadlineBadges(props.summary, props.t, props.language, props.withDate);
  if (!d) return null;
  return (
    <div className={`${Group.classes.root} mantine-Group-root desk-plain-badges`} data-wrap={props.wrap || undefined}>
      {d.text && (
        <PlainBadge
          words={d.text}
          color={d.color}
          variant={d.level === 'onTime' ? 'light' : 'filled'}
          size={props.size}
          theme={props.theme}
          wrap={props.wrap ?? false}
          data-deadline={d.level}
          data-testid={d.level === 'onTime' ? undefined : 'deadline-alert'}
        />
      )}
      {d.majorUnreported && (
        <PlainBadge
          words={kept(props.t, 'majorUnreported', (): string => props.t('deadlines:alert.majorUnreported'))}
          color="red"
          variant="outline"
          size={props.size}
          theme={props.theme}
          wrap={props.wrap ?? false}
        />
      )}
    </div>
  );
}
