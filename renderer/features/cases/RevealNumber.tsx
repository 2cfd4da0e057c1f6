import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../domain/api/views.ts';
import { client } from '../../shared/api/client.ts';
import { deskErrorMessage } from '../../shared/errors.ts';

/**
 * A phone or ID number as this user may see it: in full, or masked with a button that reveals
 * it. Revealing is a call to the core, which checks the permission and records it in the audit log.
 */
export function RevealNumber(props: { detail: CaseDetail; field: 'phone' | 'idNumber' }) {
  const { t } = useTranslation('access');
  const shown = props.detail.complainant[props.field];
  const [revealed, setRevealed] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!shown) return null;
  const masked = props.detail.personalData.masked && revealed === null;
  const reveal = async () => {
    try {
      setRevealed((await client.call('cases.reveal', { id: props.detail.id, field: props.field })).value);
    } catch (e) {
      setError(deskErrorMessage(e));
    }
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <Text data-testid={`complainant-${props.field}`} ff={masked ? 'monospace' : 'text'}>
        {revealed ?? shown}
      </Text>
      {masked && props.detail.personalData.mayReveal && (
        <Button size="compact-sm" variant="light" onClick={() => void reveal()} title={t('privacy.revealHint')}>
          {t('privacy.reveal')}
        </Button>
      )}
      {error && (
        <Text c="red" size="sm">
          {error}
        </Text>
      )}
    </Group>
  );
}
