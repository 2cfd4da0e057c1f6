import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../domain/api/views.ts';
import type { ClockStatus } from '../../../../domain/deadlines/deadlineStatus.ts';
import { formatDate, formatDateTime } from '../../../shared/format.ts';
import { DeadlineBadge } from './DeadlineBadge.tsx';

const statusColors: Record<ClockStatus, string> = {
  met: 'green',
  metLate: 'orange',
  overdue: 'red',
  dueSoon: 'orange',
  running: 'blue',
  paused: 'gray',
};

/** A working-day deadline is the end of a day: show the date; an hour clock: the date and time. */
export function formatDue(iso: string, lang: string): string {
  const local = (Date.parse(iso) + 8 * 3_600_000) % 86_400_000;
  return local === 86_399_999 ? formatDate(iso, lang) : formatDateTime(iso, lang);
}

/** The case page's deadlines: each clock with where it stands, and why the dates may move. */
export function CaseDeadlines(props: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('deadlines');
  const lang = i18n.language;
  const info = props.detail.deadlineInfo;
  if (!info) return null;
  return (
    <Stack gap={0} data-testid="case-deadlines">
      <Group justify="space-between" mb="xs">
        <Text c="dimmed" size="sm">
          {t('cases:detail.deadlines')}
        </Text>
        <DeadlineBadge summary={{ dueAt: null, dueClock: null, deadlineStatus: null, deadlineAlert: info.alert }} size="lg" wrap />
      </Group>
      <Stack gap={6}>
        {props.detail.status === 'transferred_out' && props.detail.transfer && (
          <Text size="sm" data-testid="deadlines-elsewhere">
            {t('handling:transfer.deadlinesThere', { site: props.detail.transfer.to.name })}
          </Text>
        )}
        {info.clocks.map((c) => (
          <Group key={c.clock} justify="space-between" wrap="nowrap" data-testid={`clock-${c.clock}`}>
            <Text>
              {t(`clocks.${c.clock}`)}
              {t('common:punctuation.colon')}
              <Text span fw={600}>
                {formatDue(c.due, lang)}
              </Text>
            </Text>
            <Badge color={statusColors[c.status]} variant="light">
              {t(`status.${c.status}`)}
            </Badge>
          </Group>
        ))}
      </Stack>
      {info.extended && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('extendedNote')}
        </Text>
      )}
      {info.pausedSince && (
        <Alert color="gray" mt="sm" p="xs">
          {t('alert.pausedLong', { since: formatDateTime(info.pausedSince, lang) })}
        </Alert>
      )}
      {info.provisional && (
        <Alert color="yellow" mt="sm" p="xs" data-testid="provisional-deadlines">
          {t('provisional', { lastDate: formatDate(`${info.calendarLastDate}T12:00:00+08:00`, lang) })}
        </Alert>
      )}
    </Stack>
  );
}
