import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeadlineAlert } from '../../../../domain/deadlines/deadlineStatus.ts';

const colors = { overdue: 'red', dueSoon: 'orange', paused: 'gray' } as const;

/** Overdue / due soon / paused, and the major-case flag, as the list and the case page show them. */
export function DeadlineAlertBadge(props: { alert: DeadlineAlert | null | undefined }) {
  const { t } = useTranslation('deadlines');
  const { alert } = props;
  if (!alert) return null;
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={colors[alert.level]} variant="filled" size="lg" data-testid="deadline-alert">
        {t(`alert.${alert.level}`)}
      </Badge>
      {alert.majorUnreported && (
        <Badge color="red" variant="outline" size="lg">
          {t('alert.majorUnreported')}
        </Badge>
      )}
    </Group>
  );
}
