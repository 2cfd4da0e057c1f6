import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseEvent } from '../../../../domain/cases/events.ts';
import { formatDue } from './CaseDeadlines.tsx';

/** What a deadline event of the history says, beyond its title. */
export function DeadlineEventDetail(props: { event: CaseEvent }) {
  const { t, i18n } = useTranslation('deadlines');
  const lang = i18n.language;
  const e = props.event;
  switch (e.type) {
    case 'extended':
      return (
        <>
          <Text>{t('events.extendedBy', { days: e.payload.workingDays, reason: e.payload.reason })}</Text>
          <Text size="sm">{t('events.newFeedback', { date: formatDue(e.payload.deadlines.feedback, lang) })}</Text>
        </>
      );
    case 'paused':
      return <Text>{t('events.pausedBecause', { reason: e.payload.reason })}</Text>;
    case 'resumed':
      return (
        <Text size="sm">
          {e.payload.trigger === 'contacted' && `${t('events.autoResumed')} · `}
          {t('events.resumedMoved', {
            feedback: formatDue(e.payload.deadlines.feedback, lang),
            resolve: formatDue(e.payload.deadlines.resolve, lang),
          })}
        </Text>
      );
    case 'deadlinesRecomputed':
      return (
        <Text size="sm">
          {t(`events.recomputed_${e.payload.reason}`)} · {t('events.newFeedback', { date: formatDue(e.payload.deadlines.feedback, lang) })}
        </Text>
      );
    case 'deadlineBreached':
      return <Text c="red">{t('events.breached', { clock: t(`clocks.${e.payload.clock}`), due: formatDue(e.payload.due, lang) })}</Text>;
    default:
      return null;
  }
}
