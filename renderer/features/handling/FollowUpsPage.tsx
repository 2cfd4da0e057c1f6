import { Button, Card, Checkbox, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseSummary } from '../../../domain/api/views.ts';
import { type ContactMethod, contactMethods } from '../../../domain/cases/vocabulary.ts';
import { useSession } from '../../app/deskSession.tsx';
import { invalidate } from '../../shared/api/queries.ts';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { type Directory, useDirectory } from '../../shared/directory.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { DeadlineBadge } from '../cases/index.ts';
import { followUpsQuery } from './queries.ts';

/**
 * 回访: cases answered and waiting for a follow-up visit. Pick a row, press 1–5 for the rating,
 * Enter to record it; the next case is picked at once.
 */
export function FollowUpsPage() {
  const { t } = useTranslation('handling');
  const directory = useDirectory();
  const query = useQuery(followUpsQuery());
  const rows = query.data?.items;
  const [picked, setPicked] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const error = query.error ? deskErrorMessage(query.error) : null;
  // The picked case while it still waits; otherwise the first one that does.
  const selected = rows?.some((r) => r.id === picked) ? picked : (rows?.[0]?.id ?? null);
  const setSelected = setPicked;

  if (error) return <ErrorNotice message={error} />;
  if (!rows) return <Text>{t('common:loading')}</Text>;
  const current = rows.find((r) => r.id === selected) ?? null;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('followUps.title')}
      </Title>
      <ErrorNotice message={directory.error} />
      <Text c="dimmed">{t('followUps.hint')}</Text>
      {done && <Text c="green">{done}</Text>}
      {rows.length === 0 ? (
        <EmptyState>{t('followUps.empty')}</EmptyState>
      ) : (
        <Table highlightOnHover verticalSpacing="xs">
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr
                key={c.id}
                onClick={() => setSelected(c.id)}
                bg={c.id === selected ? 'var(--mantine-color-blue-light)' : 'transparent'}
                style={{ cursor: 'pointer' }}
                aria-selected={c.id === selected}
              >
                <Table.Td w={110}>
                  <Text ff="monospace" fw={600}>
                    {c.number}
                  </Text>
                </Table.Td>
                <Table.Td>{c.subject}</Table.Td>
                <Table.Td w={120}>{c.complainantName}</Table.Td>
                <Table.Td w={150}>{directory.departmentName(c.departmentId)}</Table.Td>
                <Table.Td w={170}>
                  <DeadlineBadge summary={c} withDate />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {current && (
        <FollowUpForm
          key={current.id}
          summary={current}
          directory={directory}
          onDone={(number) => {
            setDone(t('followUps.recorded', { number }));
            void invalidate('cases.browse', 'cases.inbox', 'cases.board', 'cases.list', 'cases.get');
          }}
        />
      )}
    </Stack>
  );
}

function FollowUpForm(props: { summary: CaseSummary; directory: Directory; onDone: (number: string) => void }) {
  const { t } = useTranslation('handling');
  const { client } = useSession();
  const c = props.summary;
  const form = useForm({
    initialValues: { method: 'phone' as ContactMethod, satisfaction: '', comment: '', explanationAccepted: false },
  });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (v) =>
      client.call('cases.act', {
        id: c.id,
        action: {
          type: 'followUp',
          method: v.method,
          satisfaction: Number(v.satisfaction),
          comment: v.comment || undefined,
          explanationAccepted: v.explanationAccepted,
        },
      }),
    () => props.onDone(c.number),
  );
  // Digits rate, anywhere on the page but inside a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA') && (target as HTMLInputElement).type !== 'radio') return;
      if (/^[1-5]$/.test(e.key)) form.setFieldValue('satisfaction', e.key);
      if (e.key === 'Enter' && form.values.satisfaction) {
        e.preventDefault();
        onSubmit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form, onSubmit]);
  const err = (name: string) => form.errors[`action.${name}`] ?? form.errors[name];
  return (
    <Card withBorder data-testid="follow-up-form">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('followUps.for', { number: c.number, subject: c.subject })}
            </Title>
            <Button component={Link} to={`/cases/${c.id}`} variant="subtle">
              {t('followUps.open')}
            </Button>
          </Group>
          <Group align="flex-end">
            <Select
              label={t('form.method')}
              allowDeselect={false}
              data={contactMethods.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
              {...form.getInputProps('method')}
              w={160}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('form.satisfaction')}
              </Text>
              <SegmentedControl
                aria-label={t('form.satisfaction')}
                data={['1', '2', '3', '4', '5'].map((s) => ({ value: s, label: t(`satisfaction.${s}`) }))}
                {...form.getInputProps('satisfaction')}
              />
            </Stack>
          </Group>
          {err('satisfaction') && (
            <Text c="red" size="sm">
              {err('satisfaction')}
            </Text>
          )}
          <Checkbox label={t('form.explanationAccepted')} {...form.getInputProps('explanationAccepted', { type: 'checkbox' })} />
          <TextInput label={t('form.comment')} {...form.getInputProps('comment')} error={err('comment')} />
          <ErrorNotice message={error} />
          <Group>
            <Button type="submit" loading={busy} disabled={!form.values.satisfaction}>
              {t('followUps.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
