import { Button, Code, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { VolumeUnit } from '../../../../domain/console/siteSchemas.ts';
import type { IssuedCode } from '../../../../domain/console/siteViews.ts';
import { useDeskSubmit } from '../../../shared/deskForm.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { consoleClient, invalidateConsole } from '../../api.ts';
import { FormModal } from '../../FormModal.tsx';

type SiteValues = {
  name: string;
  perMonth: number | string;
  unit: VolumeUnit;
};

/** Adding a site, or changing one's name and monthly volume (visits or units, for intake per 1,000). */
export function SiteFormModal(props: {
  site: { id: number; name: string; volume: { perMonth: number; unit: VolumeUnit } | null } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('console');
  const { site } = props;
  const form = useForm<SiteValues>({
    initialValues: { name: site?.name ?? '', perMonth: site?.volume?.perMonth ?? '', unit: site?.volume?.unit ?? 'visits' },
  });
  const volumeOf = (v: SiteValues) => (v.perMonth === '' ? null : { perMonth: Number(v.perMonth), unit: v.unit });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (v) =>
      site
        ? consoleClient.call('sites.update', { id: site.id, name: v.name, volume: volumeOf(v) })
        : consoleClient.call('sites.add', { name: v.name, volume: volumeOf(v) }).then(() => ({})),
    () => {
      void invalidateConsole('sites.list', 'desks.list');
      props.onClose();
    },
    (fields) => {
      if (fields['volume.perMonth']) form.setFieldError('perMonth', fields['volume.perMonth']);
    },
  );
  return (
    <FormModal
      title={site ? t('sites.editTitle', { name: site.name }) : t('sites.addTitle')}
      size="lg"
      onClose={props.onClose}
      onSubmit={onSubmit}
      error={error}
      busy={busy}
      submitLabel={site ? t('save') : t('sites.add')}
    >
      <TextInput label={t('sites.name')} required data-autofocus {...form.getInputProps('name')} />
      <Text size="sm" c="dimmed">
        {t('sites.volumeHelp')}
      </Text>
      <Group grow align="flex-start">
        <NumberInput label={t('sites.perMonth')} min={1} allowDecimal={false} thousandSeparator="," {...form.getInputProps('perMonth')} />
        <Select
          label={t('sites.unit')}
          allowDeselect={false}
          data={[
            { value: 'visits', label: t('sites.units.visits') },
            { value: 'units', label: t('sites.units.units') },
          ]}
          {...form.getInputProps('unit')}
        />
      </Group>
    </FormModal>
  );
}

/** A new enrolment code, shown this once: the server keeps only its hash. */
export function IssuedCodeModal(props: { issued: IssuedCode; siteName: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('console');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('close') }}
      opened
      onClose={props.onClose}
      title={t('codes.issuedTitle', { site: props.siteName })}
      size="lg"
    >
      <Stack>
        <Code block fz={28} ta="center" data-testid="issued-code">
          {props.issued.code}
        </Code>
        <Text>{t('codes.issuedHelp', { expires: formatDateTime(props.issued.expiresAt, i18n.language) })}</Text>
        <Text c="dimmed" size="sm">
          {t('codes.shownOnce')}
        </Text>
        <Group justify="flex-end">
          <Button onClick={props.onClose}>{t('codes.written')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
