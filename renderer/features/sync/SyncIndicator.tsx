import { Badge, Tooltip, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { mayCall } from '../../../domain/access/permissions.ts';
import { useSession } from '../../app/deskSession.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { syncStatusQuery } from './queries.ts';
import { syncLabel, syncProblemText } from './syncWords.ts';

/** The top bar's sync state, once the desk joined a site: nothing is shown on a desk that works alone. */
export function SyncIndicator() {
  const { t, i18n } = useTranslation('sync');
  const { user } = useSession();
  const navigate = useNavigate();
  const { data: status } = useQuery(syncStatusQuery());
  if (!status?.enabled) return null;
  const { label, color } = syncLabel(status, t, i18n.language);
  const tip =
    syncProblemText(status, t) ??
    (status.lastSyncAt ? `${t('page.lastSync')}: ${formatDateTime(status.lastSyncAt, i18n.language)}` : t('page.never'));
  const badge = (
    <Badge color={color} variant="light" size="lg" radius="sm" data-testid="sync-indicator" style={{ cursor: 'pointer' }}>
      {label}
    </Badge>
  );
  return (
    <Tooltip label={tip} multiline maw={360}>
      {mayCall(user.roles, 'sync.configure') ? (
        <UnstyledButton onClick={() => navigate('/sync')} aria-label={label}>
          {badge}
        </UnstyledButton>
      ) : (
        badge
      )}
    </Tooltip>
  );
}
