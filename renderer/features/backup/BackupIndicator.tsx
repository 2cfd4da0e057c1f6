import { Badge, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../shared/format.ts';
import { useBackupStatus } from './useBackupStatus.ts';

/** The top bar's backup state: green when a verified backup is recent, orange when overdue, red when the last one failed. */
export function BackupIndicator() {
  const { t, i18n } = useTranslation('backup');
  const navigate = useNavigate();
  const { status } = useBackupStatus();
  if (!status) return null;
  const { last, lastGood } = status;
  const [color, label] = status.running
    ? (['blue', t('indicator.running')] as const)
    : last && !last.ok
      ? (['red', t('indicator.failed')] as const)
      : !lastGood
        ? (['orange', t('indicator.never')] as const)
        : status.overdue
          ? (['orange', t('indicator.overdue')] as const)
          : (['green', t('indicator.ok', { time: formatDateTime(lastGood.at, i18n.language) })] as const);
  const tip =
    last && !last.ok && last.error
      ? last.error
      : lastGood
        ? t('indicator.tooltip', { time: formatDateTime(lastGood.at, i18n.language) })
        : label;
  return (
    <Tooltip label={tip} multiline maw={360}>
      <UnstyledButton onClick={() => navigate('/backup')} aria-label={label} data-testid="backup-indicator">
        <Badge color={color} variant="light" size="lg" radius="sm" style={{ cursor: 'pointer' }}>
          {label}
        </Badge>
      </UnstyledButton>
    </Tooltip>
  );
}
