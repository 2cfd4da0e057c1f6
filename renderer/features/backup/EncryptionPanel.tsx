import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/deskSession.tsx';
import { deskQuery, invalidate } from '../../shared/api/queries.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { keysStatusQuery } from './queries.ts';
import { RecoveryKeyPanel } from './RecoveryKeyPanel.tsx';

/** Encryption at rest on the backup page: what protects the key, and the recovery key (made anew when lost or never made). */
export function EncryptionPanel() {
  const { t, i18n } = useTranslation('backup');
  const { client } = useSession();
  const keys = useQuery(keysStatusQuery());
  const orgName = useQuery(deskQuery('setup.status', {})).data?.orgName ?? '';
  const [asking, setAsking] = useState(false);
  const [fresh, setFresh] = useState<{ recoveryKey: string; createdAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const make = async () => {
    setAsking(false);
    setError(null);
    try {
      setFresh(await client.call('keys.newRecoveryKey', { confirm: true }));
    } catch (e) {
      setError(deskErrorMessage(e));
    }
  };

  const status = keys.data;
  if (!status) return <ErrorNotice message={keys.error ? deskErrorMessage(keys.error) : null} />;
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="sm">
        {t('recoveryKey.statusTitle')}
      </Title>
      {fresh ? (
        <RecoveryKeyPanel
          recoveryKey={fresh.recoveryKey}
          createdAt={fresh.createdAt}
          orgName={orgName}
          onDone={() => {
            setFresh(null);
            void invalidate('keys.status');
          }}
        />
      ) : (
        <Stack>
          {status.encrypted ? (
            <Text>{t('recoveryKey.encrypted', { keyring: t(`recoveryKey.keyring.${status.keyring ?? 'keyFile'}`) })}</Text>
          ) : (
            <Alert color="orange">{t('recoveryKey.notEncrypted')}</Alert>
          )}
          {status.encrypted &&
            (status.recoveryKeyCreatedAt ? (
              <Text>{t('recoveryKey.recoveryCreated', { date: formatDateTime(status.recoveryKeyCreatedAt, i18n.language) })}</Text>
            ) : (
              <Alert color="red">{t('recoveryKey.noRecovery')}</Alert>
            ))}
          <ErrorNotice message={error} />
          {status.encrypted && (
            <Group>
              <Button variant="default" onClick={() => setAsking(true)}>
                {t('recoveryKey.newKey')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('recoveryKey.title')} centered>
        <Stack>
          <Text>{t('recoveryKey.newKeyConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('common:cancel')}
            </Button>
            <Button color="orange" onClick={() => void make()}>
              {t('recoveryKey.newKey')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
