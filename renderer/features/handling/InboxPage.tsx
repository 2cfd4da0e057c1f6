import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseInbox } from '../../../domain/api/views.ts';
import { useSession } from '../../app/deskSession.tsx';
import { deskErrorMessage } from '../../shared/errors.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { useDirectory } from '../../shared/useDirectory.ts';
import { CaseRows } from './CaseRows.tsx';

const sections = ['assigned', 'approvals', 'overdue', 'escalated'] as const;

/** 我的待办: what is waiting for this user, computed from the cases themselves. */
export function InboxPage() {
  const { t } = useTranslation('handling');
  const { client, user } = useSession();
  const directory = useDirectory();
  const [inbox, setInbox] = useState<CaseInbox | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    client
      .call('cases.inbox', {})
      .then(setInbox)
      .catch((e: unknown) => setError(deskErrorMessage(e)));
  }, [client]);
  if (error) return <ErrorNotice message={error} />;
  if (!inbox) return <Text>{t('common:loading')}</Text>;
  const approver = user.roles.includes('supervisor') || user.roles.includes('director');
  const shown = sections.filter((s) => (s === 'escalated' ? user.roles.includes('director') : s === 'approvals' ? approver : true));
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('inbox.title')}
      </Title>
      {shown.map((s) => (
        <Card withBorder key={s} data-testid={`inbox-${s}`}>
          <Group mb="xs">
            <Title order={2} size="h4">
              {t(`inbox.${s}`)}
            </Title>
            <Badge color={inbox[s].length > 0 && s === 'overdue' ? 'red' : 'blue'}>{inbox[s].length}</Badge>
          </Group>
          <CaseRows rows={inbox[s]} directory={directory} empty={t(`inbox.${s}Empty`)} />
        </Card>
      ))}
    </Stack>
  );
}
