import { Alert, Button, Checkbox, Code, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hostApi } from '../../shared/api/hostApi.ts';
import { formatDateTime } from '../../shared/format.ts';

/** A4 in microns, as the printer is told. */
const a4 = { widthMicrons: 210_000, heightMicrons: 297_000 };

/**
 * The recovery key, shown once: in large type, printable as the A4 sheet (恢复密钥) with its
 * instructions, and not to be left before the administrator says it is written down. The
 * sheet is rendered here, so the key goes to the printer and nowhere else.
 */
export function RecoveryKeyPanel(props: { recoveryKey: string; createdAt: string; orgName: string; onDone: () => void }) {
  const { t, i18n } = useTranslation('backup');
  const [confirmed, setConfirmed] = useState(false);
  const [printing, setPrinting] = useState(false);

  const print = async () => {
    setPrinting(true);
    try {
      // The server-side renderer is large and needed only here: it loads when the sheet is printed.
      const { renderRecoverySheet } = await import('../../../print/RecoverySheet.tsx');
      const sheetT = i18n.getFixedT(i18n.language, 'print');
      const html = renderRecoverySheet(
        { orgName: props.orgName, recoveryKey: props.recoveryKey, createdAt: formatDateTime(props.createdAt, i18n.language) },
        (key, values) => sheetT(key, values ?? {}),
        i18n.language,
      );
      const result = await hostApi.print(
        { html, title: sheetT('recoverySheet.title'), pageSize: a4, copy: 1, reprint: false, printedBefore: 0 },
        { mode: 'dialog', printer: null },
      );
      if (result.outcome === 'sent') notifications.show({ color: 'green', message: t('recoveryKey.printed') });
    } finally {
      setPrinting(false);
    }
  };

  return (
    <Stack>
      <Alert color="yellow" title={t('recoveryKey.title')}>
        {t('recoveryKey.intro')}
      </Alert>
      <Code block fz={22} ta="center" aria-label={t('recoveryKey.title')} data-testid="recovery-key">
        {props.recoveryKey}
      </Code>
      <Text size="sm" c="dimmed">
        {t('recoveryKey.recoveryCreated', { date: formatDateTime(props.createdAt, i18n.language) })}
      </Text>
      <Group>
        <Button variant="default" loading={printing} onClick={() => void print()}>
          {t('recoveryKey.print')}
        </Button>
      </Group>
      <Checkbox label={t('recoveryKey.confirm')} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
      <Group justify="flex-end">
        <Button disabled={!confirmed} onClick={props.onDone}>
          {t('recoveryKey.continue')}
        </Button>
      </Group>
    </Stack>
  );
}
