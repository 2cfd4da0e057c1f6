import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/deskSession.tsx';
import { useDirectory } from '../../shared/directory.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { focusIfIdle } from '../../shared/formKeys.ts';
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
  const primaryCard = useRef<HTMLDivElement>(null);
  const focused = useRef(false);
  // The user's own work comes first: approvals for a supervisor, their cases for a handler.
  const primary: (typeof sections)[number] = user.roles.some((r) => r === 'supervisor' || r === 'director') ? 'approvals' : 'assigned';
  // On arrival focus is on the first case waiting for this user (or the section saying none is).
  useEffect(() => {
    if (!inbox || focused.current) return;
    focused.current = true;
    const card = primaryCard.current;
    focusIfIdle(card?.querySelector<HTMLElement>('[data-case-link]') ?? card?.querySelector<HTMLElement>('h2'));
  }, [inbox]);
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
      {[...shown.filter((s) => s === primary), ...shown.filter((s) => s !== primary)].map((s, i) => (
        <Card withBorder key={s} data-testid={`inbox-${s}`} ref={i === 0 ? primaryCard : undefined}>
          <Group mb="xs">
            <Title order={2} size="h4" tabIndex={-1}>
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
