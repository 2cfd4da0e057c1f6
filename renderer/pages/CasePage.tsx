import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { CaseDetail, Department } from '../../domain/api/views.ts';
import { DeskCallError } from '../api/deskClient.ts';
import { useDeskSubmit } from '../app/deskForm.ts';
import { useSession } from '../app/deskSession.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { formatDate, formatDateTime } from '../format.ts';

export function CasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('cases');
  const { client } = useSession();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([client.call('cases.get', { id }), client.call('departments.list', {})])
      .then(([c, d]) => {
        setDetail(c);
        setDepartments(d.items);
      })
      .catch((e: unknown) => setError(e instanceof DeskCallError ? e.body.message : t('common:networkError')));
  }, [client, id, t]);

  if (error) return <ErrorNotice message={error} />;
  if (!detail) return <Text>{t('common:loading')}</Text>;
  const departmentName = (depId: string | null) => departments.find((d) => d.id === depId)?.name ?? '—';
  const lang = i18n.language;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            <Text span ff="monospace" inherit>
              {detail.number}
            </Text>{' '}
            {detail.subject}
          </Title>
          <Group gap="xs">
            <Badge size="lg" data-testid="case-status">
              {t(`statuses.${detail.status}`)}
            </Badge>
            <Badge size="lg" variant="outline">
              {t(`types.${detail.type}`)}
            </Badge>
            <Badge size="lg" variant="outline" color={detail.severity === 'general' ? 'gray' : 'red'}>
              {t(`severities.${detail.severity}`)}
            </Badge>
          </Group>
        </Stack>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Text c="dimmed" size="sm">
            {t('register.complainant')}
          </Text>
          <Text fw={600}>{detail.complainant.name}</Text>
          {detail.complainant.phone && <Text>{detail.complainant.phone}</Text>}
          <Text c="dimmed" size="sm" mt="sm">
            {t('detail.queryCode')}
          </Text>
          <Text ff="monospace">{detail.queryCode}</Text>
        </Card>
        <Card withBorder>
          <Text c="dimmed" size="sm">
            {t('detail.receivedAt')}
          </Text>
          <Text>
            {formatDateTime(detail.receivedAt, lang)} · {t(`channels.${detail.channel}`)}
          </Text>
          <Text c="dimmed" size="sm" mt="sm">
            {t('detail.department')}
          </Text>
          <Text>{departmentName(detail.departmentId)}</Text>
        </Card>
        <Card withBorder>
          <Text c="dimmed" size="sm">
            {t('detail.deadlines')}
          </Text>
          <Text>
            {t('detail.acknowledge')}: {formatDateTime(detail.deadlines.acknowledge, lang)}
          </Text>
          <Text>
            {t('detail.feedback')}: {formatDate(detail.deadlines.feedback, lang)}
          </Text>
          <Text>
            {t('detail.resolve')}: {formatDate(detail.deadlines.resolve, lang)}
          </Text>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Text c="dimmed" size="sm">
          {t('detail.content')}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{detail.content}</Text>
      </Card>
      <CaseActions detail={detail} departments={departments} onChanged={setDetail} />
      <Title order={2} size="h3">
        {t('detail.history')}
      </Title>
      <Timeline active={detail.events.length - 1} bulletSize={20}>
        {detail.events.map((e) => (
          <Timeline.Item key={e.id} title={t(`events.${e.type}`)}>
            <Text size="sm" c="dimmed">
              {t('detail.by', { name: e.actorName, at: formatDateTime(e.at, lang) })}
            </Text>
            {e.type === 'accepted' && <Text>{departmentName(e.payload.departmentId)}</Text>}
            {e.type === 'declined' && <Text>{e.payload.reason}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

function CaseActions(props: { detail: CaseDetail; departments: Department[]; onChanged: (c: CaseDetail) => void }) {
  const { t } = useTranslation('cases');
  const { client } = useSession();
  const [open, setOpen] = useState<'accept' | 'decline' | null>(null);
  const form = useForm({ initialValues: { departmentId: '', reason: '' } });
  const act = (values: { departmentId: string; reason: string }) =>
    client.call('cases.act', {
      id: props.detail.id,
      action: open === 'decline' ? { type: 'decline', reason: values.reason } : { type: 'accept', departmentId: values.departmentId },
    });
  const { onSubmit, error, busy } = useDeskSubmit(form, act, (updated) => {
    setOpen(null);
    form.reset();
    props.onChanged(updated);
  });
  // The core names fields by their place in the call (`action.reason`); the form's are flat.
  const fieldError = (name: 'departmentId' | 'reason') => form.errors[`action.${name}`] ?? form.errors[name];

  if (props.detail.allowedActions.length === 0) return null;
  return (
    <Card withBorder>
      <Group>
        {props.detail.allowedActions.includes('accept') && (
          <Button size="md" onClick={() => setOpen('accept')} variant={open === 'accept' ? 'filled' : 'light'}>
            {t('detail.accept')}
          </Button>
        )}
        {props.detail.allowedActions.includes('decline') && (
          <Button size="md" color="orange" onClick={() => setOpen('decline')} variant={open === 'decline' ? 'filled' : 'light'}>
            {t('detail.decline')}
          </Button>
        )}
      </Group>
      {open && (
        <form onSubmit={onSubmit} noValidate>
          <Stack mt="md" maw={560}>
            <Title order={3} size="h4">
              {t(open === 'accept' ? 'detail.acceptTitle' : 'detail.declineTitle')}
            </Title>
            {open === 'accept' ? (
              <Select
                label={t('detail.leadDepartment')}
                required
                searchable
                data={props.departments.map((d) => ({ value: d.id, label: d.name }))}
                {...form.getInputProps('departmentId')}
                error={fieldError('departmentId')}
              />
            ) : (
              <Textarea
                label={t('detail.reason')}
                required
                autosize
                minRows={3}
                {...form.getInputProps('reason')}
                error={fieldError('reason')}
              />
            )}
            <ErrorNotice message={error} />
            <Group>
              <Button type="submit" loading={busy}>
                {t('detail.confirm')}
              </Button>
              <Button variant="default" onClick={() => setOpen(null)}>
                {t('common:cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
