import { Anchor, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listText } from '../../../domain/text/listText.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { DeskDateInput } from '../../shared/ui/DeskDates.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { AuditTarget, PathText } from './AuditTarget.tsx';
import { type AuditDetailWords, auditDetailLines, detailLabelKeys } from './auditDetail.ts';
import { auditQuery, usersQuery } from './queries.ts';

/** The areas of the log an administrator filters by; `area.` matches every action in it. */
const actionFilters = [
  'auth.',
  'auth.login',
  'auth.loginFailed',
  'auth.lock',
  'access.denied',
  'cases.view',
  'personalData.',
  'users.',
  'settings.update',
  'departments.',
  'categories.',
  'print',
  'cases.inquire',
  'backup.',
  'data.export',
  'data.import',
  'reports.export',
  'correctiveActions.',
] as const;

/** Where a detail's value has words of its own: the printed document's title, a role's name. */
const valueKeys: Record<string, (value: string) => string> = {
  template: (v) => `print:titles.${v}`,
  roles: (v) => `common:roles.${v}`,
  trigger: (v) => `access:auditTriggers.${v}`,
  profile: (v) => `setup:wizard.profiles.${v}`,
  kinds: (v) => `privacy:person.removedKinds.${v}`,
  ground: (v) => `privacy:person.erase.grounds.${v}`,
  // A removal's reason: retention, or the ground of a person's request.
  reason: (v) => (v === 'retention' ? 'privacy:retention.reason' : `privacy:person.erase.grounds.${v}`),
};

/** A desk-local day (UTC+8) as the instant it starts. */
const startOfDay = (date: string) => `${date}T00:00:00+08:00`;
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();

/** The audit log, read-only: who did what and when, newest first, filtered by person, action and dates. */
export function AuditPage() {
  const { t, i18n } = useTranslation('access');
  const users = useQuery(usersQuery());
  const [actorId, setActorId] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const filter = {
    ...(actorId ? { actorId } : {}),
    ...(action ? { action } : {}),
    ...(from ? { from: startOfDay(from) } : {}),
    ...(to ? { to: nextDay(to) } : {}),
  };
  const log = useInfiniteQuery(auditQuery(filter));
  const pages = log.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const names: Record<string, string> = Object.assign({}, ...pages.map((page) => page.names));
  const failure = log.error ?? users.error;
  // Action names hold dots, i18next's key separator: their labels are keyed with underscores.
  const actionLabel = (a: string) => {
    const key = `auditActions.${a.replace(/\./g, '_')}`;
    return i18n.exists(`access:${key}`) ? t(key) : a;
  };
  const words: AuditDetailWords = {
    // A changed setting is named as on the settings page.
    label: (key) =>
      detailLabelKeys(key)
        .map((k) => (i18n.exists(`access:${k}`) ? t(k) : null))
        .find(Boolean) ?? key,
    value: (key, value) => {
      if (names[value]) return names[value];
      const valueKey = valueKeys[key]?.(value);
      return valueKey && i18n.exists(valueKey) ? t(valueKey) : value;
    },
    list: (items) => listText(items, i18n.language),
    yes: t('print:yes'),
    no: t('print:no'),
  };

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('admin.audit.title')}
      </Title>
      <Text c="dimmed">{t('admin.audit.readOnly')}</Text>
      <Group align="flex-end">
        <Select
          label={t('admin.audit.who')}
          placeholder={t('admin.audit.anyone')}
          clearable
          searchable
          data={(users.data?.items ?? []).map((u) => ({
            value: u.id,
            label: `${u.displayName}${t('common:punctuation.aside', { text: u.username })}`,
          }))}
          value={actorId}
          onChange={setActorId}
          w={240}
        />
        <Select
          label={t('admin.audit.action')}
          placeholder={t('admin.audit.anyAction')}
          clearable
          data={actionFilters.map((a) => ({ value: a, label: actionLabel(a) }))}
          value={action}
          onChange={setAction}
          w={220}
        />
        <DeskDateInput label={t('admin.audit.from')} value={from} onChange={(d) => setFrom(d ?? '')} w={170} />
        <DeskDateInput label={t('admin.audit.to')} value={to} onChange={(d) => setTo(d ?? '')} w={170} />
      </Group>
      <ErrorNotice message={failure ? deskErrorMessage(failure) : null} />
      {items.length === 0 ? (
        <EmptyState>{t('admin.audit.empty')}</EmptyState>
      ) : (
        <Table striped verticalSpacing="xs" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={180}>{t('admin.audit.at')}</Table.Th>
              <Table.Th w={140}>{t('admin.audit.who')}</Table.Th>
              <Table.Th w={180}>{t('admin.audit.action')}</Table.Th>
              <Table.Th w={220}>{t('admin.audit.target')}</Table.Th>
              <Table.Th>{t('admin.audit.detail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.at, i18n.language)}</Table.Td>
                <Table.Td>{e.actorName ?? '—'}</Table.Td>
                <Table.Td>{actionLabel(e.action)}</Table.Td>
                <Table.Td>
                  {e.targetLabel?.kind === 'case' ? (
                    <Anchor component={Link} to={`/cases/${e.target}`} ff="monospace">
                      {e.targetLabel.text}
                    </Anchor>
                  ) : (
                    <AuditTarget text={e.targetLabel?.text ?? e.target ?? '—'} monospace={!e.targetLabel} />
                  )}
                </Table.Td>
                <Table.Td>
                  {auditDetailLines(e.detail, words).map((line) => (
                    <Text key={line.key} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      <Text span c="dimmed" size="sm">
                        {line.label}
                      </Text>{' '}
                      <PathText text={line.value} />
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {log.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('admin.audit.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
