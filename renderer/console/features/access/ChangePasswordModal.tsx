import { PasswordInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useDeskSubmit } from '../../../shared/deskForm.ts';
import { consoleClient } from '../../api.ts';
import { FormModal } from '../../FormModal.tsx';

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
    <FormModal
      title={t('password.title')}
      onClose={props.onClose}
      onSubmit={onSubmit}
      error={error}
      busy={busy}
      submitLabel={t('password.submit')}
    >
      <PasswordInput
        label={t('password.current')}
        required
        autoComplete="current-password"
        data-autofocus
        {...form.getInputProps('currentPassword')}
      />
      <PasswordInput label={t('password.new')} required autoComplete="new-password" {...form.getInputProps('newPassword')} />
      <PasswordInput label={t('setup.confirm')} required autoComplete="new-password" {...form.getInputProps('confirm')} />
    </FormModal>
  );
}
