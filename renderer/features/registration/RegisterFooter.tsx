import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
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
  const footer = useRef<HTMLDivElement>(null);
  useKeepFieldsClearOf(footer);
  return (
    <Paper
      ref={footer}
      withBorder
      p="sm"
      mt="sm"
      style={{ position: 'sticky', bottom: 0, zIndex: 5, background: 'var(--mantine-color-body)' }}
    >
      <Stack gap="xs">
        <ErrorNotice message={props.loadError} />
        <ErrorNotice message={props.error} />
        {fields.length > 0 && (
          <Text c="red.8" fw={600} data-testid="fields-in-error">
            {t('form.fixFields', { fields: list })}
          </Text>
        )}
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed">
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

/** The app shell's top bar, which covers the page's top as the footer covers its bottom. */
const headerHeight = 64;

/**
 * A field reached by Tab, Enter or an error's focus scrolls clear of the sticky footer (and the
 * top bar) instead of stopping behind it: the page's scroll padding follows the footer's
 * height, which grows when it lists fields in error.
 */
function useKeepFieldsClearOf(footer: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const element = footer.current;
    if (!element) return;
    const root = document.documentElement;
    const pad = () => {
      root.style.scrollPaddingBottom = `${element.offsetHeight + 12}px`;
      root.style.scrollPaddingTop = `${headerHeight + 12}px`;
    };
    pad();
    const observer = new ResizeObserver(pad);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingBottom = '';
      root.style.scrollPaddingTop = '';
    };
  }, [footer]);
}
