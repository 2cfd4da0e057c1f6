import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/deskSession.tsx';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { asJob, useJob } from '../../shared/jobs.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { FolderInput } from '../../shared/ui/FolderInput.tsx';
import { JobProgress } from '../../shared/ui/JobProgress.tsx';

/** Export of the whole store, as one JSON file or a folder of CSV files. */
export function ExportPanel(props: { folder: string }) {
  const { t } = useTranslation('backup');
  const { client } = useSession();
  const [done, setDone] = useState<string | null>(null);
  const job = useJob('export');
  const form = useForm({ initialValues: { format: 'json' as 'json' | 'csv', folder: '' } });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (values) => {
      setDone(null);
      return asJob(() => client.call('data.export', { format: values.format, folder: values.folder.trim() || undefined }));
    },
    (result) => setDone(t('data.exported', { path: result.path })),
  );
  return (
    <Paper withBorder p="lg" h="100%">
      <Title order={2} size="h4" mb="xs">
        {t('data.export')}
      </Title>
      <Text c="dimmed" mb="sm">
        {t('data.exportHint')}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Stack gap={4}>
            <Text fw={500}>{t('data.format')}</Text>
            <SegmentedControl
              data={[
                { value: 'json', label: t('data.json') },
                { value: 'csv', label: t('data.csv') },
              ]}
              {...form.getInputProps('format')}
            />
          </Stack>
          <FolderInput
            label={t('data.exportFolder')}
            placeholder={props.folder}
            {...form.getInputProps('folder')}
            onPicked={(folder) => form.setFieldValue('folder', folder)}
          />
          {/* After the page was left and visited again, the job says how the export went. */}
          {(job?.state === 'running' || (!busy && !done && !error)) && <JobProgress job={job} />}
          <ErrorNotice message={error} />
          {done && (
            <Alert color="green" variant="light" role="status">
              {done}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy || job?.state === 'running'} variant="default">
              {t('data.exportButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
