import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A step that cannot be taken back (revoke a code or a desk), asked once more before it is taken. */
export interface Confirmation {
  title: string;
  body: string;
  confirm: string;
  run: () => Promise<unknown>;
}

export function ConfirmModal(props: { confirmation: Confirmation | null; onClose: () => void }) {
  const { t } = useTranslation('console');
  const [busy, setBusy] = useState(false);
  const c = props.confirmation;
  return (
    <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={c !== null} onClose={props.onClose} title={c?.title}>
      <Stack>
        <Text>{c?.body}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('cancel')}
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={() => {
              if (!c) return;
              setBusy(true);
              void c.run().finally(() => {
                setBusy(false);
                props.onClose();
              });
            }}
          >
            {c?.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
