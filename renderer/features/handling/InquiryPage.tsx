import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseInquiry } from '../../../domain/api/views.ts';
import { useSession } from '../../app/deskSession.tsx';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';

/** 电话查询: a caller gives the case number and the query code; the desk reads out what may be told. */
export function InquiryPage() {
  const { t, i18n } = useTranslation('handling');
  const { client } = useSession();
  const [answer, setAnswer] = useState<CaseInquiry | null>(null);
  const form = useForm({ initialValues: { number: '', queryCode: '' } });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (v) => {
      setAnswer(null);
      return client.call('cases.inquire', v);
    },
    setAnswer,
  );
  return (
    <Stack maw={720}>
      <Title order={1} size="h2">
        {t('inquiry.title')}
      </Title>
      <Text c="dimmed">{t('inquiry.hint')}</Text>
      <form onSubmit={onSubmit} noValidate>
        <Group align="flex-end">
          <TextInput label={t('inquiry.number')} required autoFocus {...form.getInputProps('number')} w={200} />
          <TextInput label={t('inquiry.queryCode')} required {...form.getInputProps('queryCode')} w={160} />
          <Button type="submit" size="md" loading={busy}>
            {t('inquiry.look')}
          </Button>
        </Group>
      </form>
      <ErrorNotice message={error} />
      {answer && (
        <Card withBorder data-testid="inquiry-answer">
          <Stack gap="xs">
            <Text size="lg" fw={700}>
              {answer.number} · {t(`cases:statuses.${answer.status}`)}
            </Text>
            {answer.mergedIntoNumber && <Alert color="blue">{t('timeline.mergedInto', { number: answer.mergedIntoNumber })}</Alert>}
            <Text>{t('inquiry.promisedBy', { date: formatDate(answer.promisedBy, i18n.language) })}</Text>
            {answer.lastReply ? (
              <>
                <Text fw={600}>{t('inquiry.lastReply', { at: formatDateTime(answer.lastReply.at, i18n.language) })}</Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{answer.lastReply.content}</Text>
              </>
            ) : (
              <Text c="dimmed">{t('inquiry.noReply')}</Text>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
