import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../domain/api/views.ts';
import { formatDate } from '../../../shared/format.ts';

/** Overdue in red, due soon in orange; otherwise the date the case works towards, quietly. */
export function DeadlineBadge(props: { summary: Pick<CaseSummary, 'dueAt' | 'deadlineStatus'>; withDate?: boolean }) {
  const { t, i18n } = useTranslation('handling');
  const { dueAt, deadlineStatus } = props.summary;
  if (!dueAt || !deadlineStatus) return null;
  const date = props.withDate ? ` · ${formatDate(dueAt, i18n.language)}` : '';
  if (deadlineStatus === 'overdue') {
    return (
      <Badge color="red" variant="filled" data-deadline="overdue">
        {t('deadline.overdue')}
        {date}
      </Badge>
    );
  }
  if (deadlineStatus === 'dueSoon') {
    return (
      <Badge color="orange" variant="filled" data-deadline="dueSoon">
        {t('deadline.dueSoon')}
        {date}
      </Badge>
    );
  }
  return props.withDate ? (
    <Badge color="gray" variant="light" data-deadline="onTime">
      {t('deadline.dueBy', { date: formatDate(dueAt, i18n.language) })}
    </Badge>
  ) : null;
}
