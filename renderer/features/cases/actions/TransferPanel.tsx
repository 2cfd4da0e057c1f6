import { Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../domain/api/views.ts';
import { useSession } from '../../../app/deskSession.tsx';
import { useDeskSubmit } from '../../../shared/deskForm.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { groupSitesQuery } from '../queries.ts';

/**
 * Transfer to another site of the group (转办), for a supervisor on a desk in a group: the
 * receiving site and the reason. Works offline on the sites the desk last heard of; the
 * transfer then waits for the next sync like any other act.
 */
export function TransferPanel(props: { detail: CaseDetail; onChanged: (c: CaseDetail) => void }) {
  const { t } = useTranslation('handling');
  const { client } = useSession();
  const [open, setOpen] = useState(false);
  const allowed = props.detail.allowedActions.includes('transfer');
  const sites = useQuery({ ...groupSitesQuery(), enabled: allowed });
  const form = useForm({
    initialValues: { toSiteId: '', reason: '' },
    // A refusal names `action.<field>`: changing the field clears it, as it clears the form's own.
    onValuesChange: (values, previous) => {
      for (const k of ['toSiteId', 'reason'] as const) if (values[k] !== previous[k]) form.clearFieldError(`action.${k}`);
    },
  });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (values) => client.call('cases.act', { id: props.detail.id, action: { type: 'transfer', ...values } }),
    (updated) => {
      setOpen(false);
      form.reset();
      props.onChanged(updated);
    },
  );
  // Only a desk in a group can transfer: elsewhere the button is not offered at all.
  if (!allowed || !sites.data?.here) return null;
  const fieldError = (name: 'toSiteId' | 'reason') => form.errors[`action.${name}`] ?? form.errors[name];
  const others = sites.data.others;

  return (
    <Card withBorder data-testid="transfer-panel">
      <Group>
        <Button size="md" color="indigo" variant={open ? 'filled' : 'light'} onClick={() => setOpen(true)}>
          {t('actions.transfer')}
        </Button>
      </Group>
      {open && (
        <form onSubmit={onSubmit} noValidate>
          <Stack mt="md" maw={560}>
            <Title order={3} size="h4">
              {t('transfer.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {others.length > 0 ? t('transfer.explain') : t('transfer.noSites')}
            </Text>
            <Select
              label={t('transfer.site')}
              placeholder={t('transfer.sitePlaceholder')}
              required
              data={others.map((s) => ({ value: s.id, label: s.name }))}
              {...form.getInputProps('toSiteId')}
              error={fieldError('toSiteId')}
            />
            <Textarea
              label={t('transfer.reason')}
              placeholder={t('transfer.reasonHint')}
              required
              autosize
              minRows={2}
              {...form.getInputProps('reason')}
              error={fieldError('reason')}
            />
            <ErrorNotice message={error} />
            <Group>
              <Button type="submit" loading={busy} color="indigo">
                {t('transfer.submit')}
              </Button>
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common:cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

/** Where the case came from or went (转办), above everything else on its page. */
export function TransferNotice(props: { detail: CaseDetail }) {
  const { t } = useTranslation('handling');
  const transfer = props.detail.transfer;
  if (!transfer) return null;
  const out = props.detail.status === 'transferred_out';
  return (
    <Card withBorder bg={out ? 'gray.1' : 'indigo.0'} data-testid="case-transfer">
      <Text fw={600}>
        {out
          ? t('transfer.bannerOut', { site: transfer.to.name })
          : t('transfer.bannerIn', { site: transfer.from.name, reason: transfer.reason })}
      </Text>
      {out && <Text size="sm">{t('timeline.reason', { reason: transfer.reason })}</Text>}
    </Card>
  );
}
