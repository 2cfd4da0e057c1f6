import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplainantHistory } from '../../../domain/api/registrationViews.ts';
import { useSession } from '../../app/deskSession.tsx';
import { formatDate } from '../../shared/format.ts';
import { statusLabel } from '../cases/index.ts';

/**
 * Earlier cases of the same complainant, looked up while the phone number or name is typed:
 * a repeat complaint is seen before it is registered again.
 */
export function RepeatLookup(props: { phone: string; name: string }) {
  const { t, i18n } = useTranslation('registration');
  const { client } = useSession();
  const [phone] = useDebouncedValue(props.phone, 250);
  const [name] = useDebouncedValue(props.name, 250);
  const [history, setHistory] = useState<ComplainantHistory | null>(null);

  useEffect(() => {
    let current = true;
    if (!phone.trim() && !name.trim()) {
      setHistory(null);
      return;
    }
    client
      .call('registration.lookup', { phone: phone.trim() || undefined, name: name.trim() || undefined, limit: 5 })
      .then((h) => current && setHistory(h))
      .catch(() => current && setHistory(null));
    return () => {
      current = false;
    };
  }, [client, phone, name]);

  if (!history || history.items.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title={t('lookup.repeat', { count: history.total })} data-testid="repeat-lookup">
      <Stack gap={6}>
        {history.items.map((c) => (
          <Group key={c.id} gap="xs" wrap="nowrap" justify="space-between">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text ff="monospace" fw={600}>
                {c.number}
              </Text>
              <Text size="sm" truncate="end">
                {c.complainantName} · {c.subject}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDate(c.receivedAt, i18n.language)} · {t(c.matchedBy === 'phone' ? 'lookup.byPhone' : 'lookup.byName')}
              </Text>
            </Stack>
            <Badge variant="light" style={{ flexShrink: 0 }}>
              {statusLabel(c, t)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
