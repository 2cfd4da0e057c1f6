import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { fieldsInError } from './fieldLabels.ts';

/**
 * The sticky footer: the save buttons with their shortcuts, and what stops a save, naming the
 * fields to fix so an error below the fold is never missed.
 */
export function RegisterFooter(props: {
  loadError: string | null;
  error: string | null;
  fieldErrors: Record<string, unknown>;
  busy: boolean;
  printing: boolean;
  uploading: boolean;
  onSaveAndPrint: () => void;
}) {
  const { t, i18n } = useTranslation('registration');
  const fields = fieldsInError(props.fieldErrors).map((k) => t(k));
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(fields);
  return (
    <Paper withBorder p="sm" mt="sm" style={{ position: 'sticky', bottom: 0, zIndex: 5, background: 'var(--mantine-color-body)' }}>
      <Stack gap="xs">
        <ErrorNotice message={props.loadError} />
        <ErrorNotice message={props.error} />
        {fields.length > 0 && (
          <Text c="red.8" fw={600} data-testid="fields-in-error">
            {t('form.fixFields', { fields: list })}
          </Text>
        )}
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" c="dimmed">
            {t('form.shortcuts')}
          </Text>
          <Group wrap="nowrap">
            <Button type="submit" size="md" variant="light" loading={props.busy} disabled={props.uploading}>
              {t('form.save')} (Ctrl+S)
            </Button>
            <Button size="md" loading={props.busy || props.printing} disabled={props.uploading} onClick={props.onSaveAndPrint}>
              {t('form.saveAndPrint')} (Ctrl+Shift+S)
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
