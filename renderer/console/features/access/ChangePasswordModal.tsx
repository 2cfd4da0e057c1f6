import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useDeskSubmit } from '../../../shared/deskForm.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { consoleClient } from '../../api.ts';

/** A group account changes its own password; its other sessions end. */
export function ChangePasswordModal(props: { onClose: () => void }) {
  const { t } = useTranslation('console');
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: { confirm: (value, values) => (value === values.newPassword ? null : t('setup.mismatch')) },
  });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (v) => consoleClient.call('auth.changePassword', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    () => {
      notifications.show({ color: 'green', message: t('password.changed') });
      props.onClose();
    },
  );
  return (
    <Modal closeButtonProps={{ 'aria-label': t('close') }} opened onClose={props.onClose} title={t('password.title')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <PasswordInput
            label={t('password.current')}
            required
            autoComplete="current-password"
            data-autofocus
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput label={t('password.new')} required autoComplete="new-password" {...form.getInputProps('newPassword')} />
          <PasswordInput label={t('setup.confirm')} required autoComplete="new-password" {...form.getInputProps('confirm')} />
          <ErrorNotice message={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
