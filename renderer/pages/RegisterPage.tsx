import { Alert, Button, Grid, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RegisteredCase } from '../../domain/api/views.ts';
import { type Channel, channels, type RecordType, recordTypes } from '../../domain/cases/vocabulary.ts';
import { useDeskSubmit } from '../app/deskForm.ts';
import { useSession } from '../app/deskSession.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { formatDate } from '../format.ts';

const lastChannelKey = 'desk.register.lastChannel';

function initialValues() {
  const saved = localStorage.getItem(lastChannelKey);
  return {
    type: 'complaint' as RecordType,
    channel: (channels.find((c) => c === saved) ?? 'walkIn') as Channel,
    complainant: { name: '', phone: '' },
    subject: '',
    content: '',
  };
}

/** One screen, in the order of the paper form: complainant on the left, the matter on the right. */
export function RegisterPage() {
  const { t, i18n } = useTranslation('cases');
  const { client } = useSession();
  const [registered, setRegistered] = useState<RegisteredCase | null>(null);
  const form = useForm({ initialValues: initialValues() });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (values) => {
      localStorage.setItem(lastChannelKey, values.channel);
      return client.call('cases.register', values);
    },
    (result) => {
      setRegistered(result);
      form.setValues(initialValues());
    },
  );

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('register.title')}
      </Title>
      {registered && (
        <Alert color="green" title={t('register.saved', { number: registered.number, queryCode: registered.queryCode })}>
          <Stack gap="xs">
            <Text>{t('register.feedbackBy', { date: formatDate(registered.deadlines.feedback, i18n.language) })}</Text>
            <Group>
              <Button component={Link} to={`/cases/${registered.id}`} variant="light">
                {t('register.open')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate onKeyDown={getHotkeyHandler([['mod+S', () => onSubmit()]])}>
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper withBorder p="md">
              <Stack>
                <Title order={2} size="h4">
                  {t('register.complainant')}
                </Title>
                <Select
                  label={t('register.type')}
                  allowDeselect={false}
                  data={recordTypes.map((v) => ({ value: v, label: t(`types.${v}`) }))}
                  {...form.getInputProps('type')}
                />
                <Select
                  label={t('register.channel')}
                  allowDeselect={false}
                  data={channels.map((v) => ({ value: v, label: t(`channels.${v}`) }))}
                  {...form.getInputProps('channel')}
                />
                <TextInput label={t('register.name')} required {...form.getInputProps('complainant.name')} />
                <TextInput label={t('register.phone')} inputMode="tel" {...form.getInputProps('complainant.phone')} />
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper withBorder p="md">
              <Stack>
                <Title order={2} size="h4">
                  {t('register.matter')}
                </Title>
                <TextInput
                  label={t('register.subject')}
                  description={t('register.subjectHint')}
                  required
                  {...form.getInputProps('subject')}
                />
                <Textarea
                  label={t('register.content')}
                  description={t('register.contentHint')}
                  required
                  autosize
                  minRows={6}
                  {...form.getInputProps('content')}
                />
              </Stack>
            </Paper>
          </Grid.Col>
        </Grid>
        <Stack mt="md">
          <ErrorNotice message={error} />
          <Group justify="flex-end">
            <Button type="submit" size="md" loading={busy}>
              {t('register.save')} (Ctrl+S)
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
