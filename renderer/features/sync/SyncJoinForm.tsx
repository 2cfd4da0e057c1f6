import { Button, Paper, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/deskSession.tsx';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { announceSyncChange } from './queries.ts';

/** The server's address and the one-time code: the desk joins the site the code was issued for. */
export function SyncJoinForm() {
  const { t } = useTranslation('sync');
  const { client } = useSession();
  const form = useForm({ initialValues: { serverUrl: '', enrolmentCode: '' } });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (values) => client.call('sync.configure', values),
    () => announceSyncChange(),
  );
  return (
    <Paper withBorder p="lg" maw={640}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput
            label={t('page.serverUrl')}
            description={t('page.serverUrlHint')}
            placeholder="https://"
            autoComplete="off"
            data-testid="sync-server-url"
            {...form.getInputProps('serverUrl')}
          />
          <TextInput label={t('page.enrolmentCode')} autoComplete="off" data-testid="sync-code" {...form.getInputProps('enrolmentCode')} />
          <ErrorNotice message={form.errors.serverUrl || form.errors.enrolmentCode ? null : error} />
          <div>
            <Button type="submit" loading={busy} data-testid="sync-join">
              {t('page.join')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
