import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/deskSession.tsx';
import { useDirectory } from '../../shared/directory.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { CaseRows } from './CaseRows.tsx';
import { inboxQuery } from './queries.ts';

const sections = ['assigned', 'approvals', 'overdue', 'escalated', 'conflicts'] as const;

/** 我的待办: what is waiting for this user, computed from the cases themselves. */
export function InboxPage() {
  const { t } = useTranslation('handling');
  const { user } = useSession();
  const directory = useDirectory();
  const query = useQuery(inboxQuery());
  const inbox = query.data;
  const error = query.error ? deskErrorMessage(query.error) : null;
  if (error) return <ErrorNotice message={error} />;
  if (!inbox) return <Text>{t('common:loading')}</Text>;
  const approver = user.roles.includes('supervisor') || user.roles.includes('director');
  const shown = sections.filter((s) =>
    s === 'escalated'
      ? user.roles.includes('director')
      : s === 'approvals'
        ? approver
        : s === 'conflicts'
          ? user.roles.includes('supervisor') && inbox.conflicts.length > 0
          : true,
  );
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('inbox.title')}
      </Title>
      <ErrorNotice message={directory.error} />
      {shown.map((s) => (
        <Card withBorder key={s} data-testid={`inbox-${s}`}>
          <Group mb="xs">
            <Title order={2} size="h4">
              {t(`inbox.${s}`)}
            </Title>
            <Badge color={inbox[s].length > 0 && (s === 'overdue' || s === 'conflicts') ? 'red' : 'blue'}>{inbox[s].length}</Badge>
          </Group>
          <CaseRows rows={inbox[s]} directory={directory} empty={t(`inbox.${s}Empty`)} />
        </Card>
      ))}
    </Stack>
  );
}
