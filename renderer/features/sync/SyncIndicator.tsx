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
  const { label, short, color } = syncLabel(status, t, i18n.language);
  // The full words (since when, what went wrong or when it last synced) in the tooltip: the top
  // bar at 1366 px wide holds a short badge, cut with an ellipsis if a language's words run long.
  const detail =
    syncProblemText(status, t) ??
    (status.lastSyncAt ? `${t('page.lastSync')}: ${formatDateTime(status.lastSyncAt, i18n.language)}` : t('page.never'));
  const tip = (
    <>
      <div>{label}</div>
      <div>{detail}</div>
    </>
  );
  const badge = (
    <Badge
      color={color}
      variant="light"
      size="lg"
      radius="sm"
      maw={220}
      data-testid="sync-indicator"
      style={{ cursor: 'pointer', flexShrink: 0 }}
    >
      {short}
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
