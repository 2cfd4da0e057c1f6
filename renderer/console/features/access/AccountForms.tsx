import { PasswordInput, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { GroupAccountView } from '../../../../domain/console/accessViews.ts';
import { type GroupRole, groupRoles } from '../../../../domain/console/groupRoles.ts';
import { useDeskSubmit } from '../../../shared/deskForm.ts';
import { consoleClient, invalidateConsole } from '../../api.ts';
import { FormModal } from '../../FormModal.tsx';

function useRoleOptions() {
  const { t } = useTranslation('console');
  return groupRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }));
}

/** A new group account, or an account's name and role. */
export function AccountFormModal(props: { account: GroupAccountView | null; onClose: () => void }) {
  const { t } = useTranslation('console');
  const roleOptions = useRoleOptions();
  const { account } = props;
  const form = useForm({
    initialValues: {
      username: account?.username ?? '',
      displayName: account?.displayName ?? '',
      role: (account?.role ?? 'group_viewer') as GroupRole,
      password: '',
    },
  });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (v) =>
      account
        ? consoleClient.call('accounts.update', { id: account.id, displayName: v.displayName, role: v.role })
        : consoleClient.call('accounts.create', v).then(() => ({})),
    () => {
      void invalidateConsole('accounts.list');
      props.onClose();
    },
  );
  return (
    <FormModal
      title={account ? t('accounts.editTitle', { name: account.displayName }) : t('accounts.createTitle')}
      onClose={props.onClose}
      onSubmit={onSubmit}
      error={error}
      busy={busy}
      submitLabel={account ? t('save') : t('accounts.create')}
    >
      <TextInput label={t('accounts.displayName')} required data-autofocus {...form.getInputProps('displayName')} />
      {!account && <TextInput label={t('accounts.username')} required autoComplete="off" {...form.getInputProps('username')} />}
      <Select label={t('accounts.role')} allowDeselect={false} data={roleOptions} {...form.getInputProps('role')} />
      {!account && (
        <PasswordInput label={t('accounts.password')} required autoComplete="new-password" {...form.getInputProps('password')} />
      )}
    </FormModal>
  );
}

/** A new password an administrator gives an account; its sessions end. */
export function ResetPasswordModal(props: { account: GroupAccountView; onClose: () => void }) {
  const { t } = useTranslation('console');
  const form = useForm({ initialValues: { password: '' } });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (v) => consoleClient.call('accounts.resetPassword', { id: props.account.id, password: v.password }),
    () => {
      void invalidateConsole('accounts.list');
      props.onClose();
    },
  );
  return (
    <FormModal
      title={t('accounts.resetTitle', { name: props.account.displayName })}
      onClose={props.onClose}
      onSubmit={onSubmit}
      error={error}
      busy={busy}
      submitLabel={t('accounts.reset')}
    >
      <PasswordInput
        label={t('accounts.newPassword')}
        required
        autoComplete="new-password"
        data-autofocus
        {...form.getInputProps('password')}
      />
    </FormModal>
  );
}
