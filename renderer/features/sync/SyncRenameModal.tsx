import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { AccountClash } from '../../../domain/api/syncViews.ts';
import { useSession } from '../../app/deskSession.tsx';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { announceClashSettled } from './queries.ts';

/** Gives this desk's account a new name; the site's account then takes the name it had. */
export function SyncRenameModal(props: { clash: AccountClash; onClose: () => void }) {
  const { t } = useTranslation('sync');
  const { client } = useSession();
  const { clash, onClose } = props;
  const form = useForm({ initialValues: { newUsername: '' } });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (values) => client.call('sync.settleClash', { username: clash.username, settle: 'renameLocal', newUsername: values.newUsername }),
    () => {
      announceClashSettled();
      onClose();
    },
  );
  return (
    <Modal opened onClose={onClose} title={t('clash.renameTitle', { username: clash.username })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">{t('clash.renameHint', { local: clash.local.displayName, site: clash.site.displayName })}</Text>
          <TextInput
            label={t('clash.newUsername')}
            autoComplete="off"
            data-testid="clash-new-username"
            {...form.getInputProps('newUsername')}
          />
          <ErrorNotice message={form.errors.newUsername ? null : error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="clash-rename-save">
              {t('clash.rename')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
