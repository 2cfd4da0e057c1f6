import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../shared/ui/ErrorNotice.tsx';

/**
 * A console form in a modal: its fields, the refusal under them, then cancel and the submit
 * button that shows the call under way. The fields and the call are the caller's (useDeskSubmit).
 */
export function FormModal(props: {
  title: string;
  size?: string;
  onClose: () => void;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  error: string | null;
  busy: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('console');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('close') }}
      opened
      onClose={props.onClose}
      title={props.title}
      {...(props.size ? { size: props.size } : {})}
    >
      <form onSubmit={props.onSubmit} noValidate>
        <Stack>
          {props.children}
          <ErrorNotice message={props.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={props.busy}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
