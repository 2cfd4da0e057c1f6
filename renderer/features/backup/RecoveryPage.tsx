import {
  Alert,
  Anchor,
  Button,
  Center,
  Code,
  Divider,
  Group,
  Paper,
  PasswordInput,
  Radio,
  Spoiler,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, DeskHealth } from '../../../domain/api/backupViews.ts';
import { client } from '../../shared/api/client.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { i18next } from '../../shared/i18n.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { FolderInput } from '../../shared/ui/FolderInput.tsx';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch.tsx';
import { ImportPanel, RecoveryKeyInput, recoveryKeyErrorOf, UnlockPanel } from './RecoveryPanels.tsx';
import { formatBytes } from './useBackupStatus.ts';

type Props =
  /** The store could not be opened: explain, and offer the latest good backup. */
  | { mode: 'damaged'; health: Exclude<DeskHealth, { state: 'ok' }> }
  /** A new desk: start from a backup or an export of another PC instead of the wizard. */
  | { mode: 'fresh'; onBack: () => void };

/**
 * The screen nobody signs in to: a damaged store, or a new PC. Backups are restored with an
 * administrator account of the backup itself, because this desk has no accounts it can trust.
 */
export function RecoveryPage(props: Props) {
  const { t } = useTranslation('backup');
  const [folder, setFolder] = useState(props.mode === 'damaged' ? (props.health.backupFolder ?? '') : '');
  const [items, setItems] = useState<BackupEntry[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [recoveryKeyError, setRecoveryKeyError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const look = useCallback(async (where: string) => {
    setError(null);
    try {
      const found = await client.call('recovery.list', where.trim() ? { folder: where.trim() } : {});
      if (found.folder) setFolder(found.folder);
      setItems(found.items);
      setChosen(found.items.find((b) => b.valid)?.path ?? '');
    } catch (e) {
      setItems([]);
      setError(deskErrorMessage(e));
    }
  }, []);

  useEffect(() => {
    if (props.mode === 'damaged') void look('');
  }, [look, props.mode]);

  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await client.call('recovery.restore', {
        path: chosen,
        username,
        password,
        ...(recoveryKey.trim() ? { recoveryKey } : {}),
      });
      setDone(t('damaged.restored', { cases: result.cases, path: result.setAsidePath ?? '—' }));
    } catch (e) {
      setRecoveryKeyError(recoveryKeyErrorOf(e));
      setError(deskErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const reopen = () => {
    client.token = null;
    window.location.hash = '';
    window.location.reload();
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={760}>
        <Group justify="space-between" mb="md" wrap="nowrap">
          <Title order={1} size="h2">
            {props.mode === 'fresh' ? t('fresh.title') : done ? t('restore.title') : t('damaged.title')}
          </Title>
          <LanguageSwitch />
        </Group>
        {props.mode === 'damaged' && !done && (
          <Stack gap="xs" mb="lg">
            <Alert color={props.health.state === 'damaged' ? 'red' : 'orange'} variant="light" data-testid="damage-message">
              {props.health.message}
            </Alert>
            <Spoiler maxHeight={0} showLabel={t('damaged.detail')} hideLabel={t('damaged.detail')}>
              <Code block>{props.health.detail}</Code>
            </Spoiler>
            {props.health.state === 'locked' && <UnlockPanel onUnlocked={reopen} />}
          </Stack>
        )}
        {done ? (
          <Stack>
            <Alert color="green" variant="light" role="status">
              {done}
            </Alert>
            <Group>
              <Button size="lg" onClick={reopen}>
                {t('damaged.open')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack>
            <Title order={2} size="h4">
              {t('damaged.choose')}
            </Title>
            <Group align="flex-end" wrap="nowrap">
              <div style={{ flex: 1 }}>
                <FolderInput
                  label={t('damaged.folder')}
                  value={folder}
                  onChange={(e) => setFolder(e.currentTarget.value)}
                  onPicked={(picked) => {
                    setFolder(picked);
                    void look(picked);
                  }}
                />
              </div>
              <Button variant="default" onClick={() => void look(folder)}>
                {t('damaged.look')}
              </Button>
            </Group>
            {items && items.length === 0 && !error && <Text c="dimmed">{t('damaged.noBackups')}</Text>}
            {items && items.length > 0 && (
              <Radio.Group value={chosen} onChange={setChosen}>
                <Stack gap="xs">
                  {items.map((b) => (
                    <Radio
                      key={b.path}
                      value={b.path}
                      disabled={!b.valid}
                      label={`${b.createdAt ? formatDateTime(b.createdAt, i18next.language) : b.name} · ${b.orgName ?? ''} · ${t('page.cases', { count: b.counts.cases ?? 0 })} · ${formatBytes(b.bytes, i18next.language)}`}
                      description={b.problem ?? undefined}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            )}
            {chosen && (
              <>
                <Text>{t('damaged.credentials')}</Text>
                {items?.find((b) => b.path === chosen)?.needsRecoveryKey && (
                  <RecoveryKeyInput value={recoveryKey} onChange={setRecoveryKey} error={recoveryKeyError} />
                )}
                <Group grow>
                  <TextInput
                    label={t('restore.username')}
                    autoComplete="username"
                    value={username}
                    onChange={(e) => setUsername(e.currentTarget.value)}
                  />
                  <PasswordInput
                    label={t('restore.password')}
                    autoComplete="current-password"
                    value={password}
                    onChange={(e) => setPassword(e.currentTarget.value)}
                  />
                </Group>
              </>
            )}
            <ErrorNotice message={recoveryKeyError ? null : error} />
            <Group>
              {props.mode === 'fresh' && (
                <Button variant="default" onClick={props.onBack}>
                  {t('fresh.back')}
                </Button>
              )}
              <Button
                color={props.mode === 'damaged' ? 'red' : 'blue'}
                disabled={!chosen || !username || !password}
                loading={busy}
                onClick={() => void restore()}
              >
                {t('restore.confirm')}
              </Button>
            </Group>
            {props.mode === 'fresh' && (
              <>
                <Divider my="sm" />
                <ImportPanel onImported={setDone} />
              </>
            )}
          </Stack>
        )}
      </Paper>
    </Center>
  );
}

/** The wizard's way out for a desk moving from another PC. */
export function FreshStartLink(props: { onClick: () => void }) {
  const { t } = useTranslation('backup');
  return (
    <Center pb="xl">
      <Anchor component="button" type="button" size="lg" onClick={props.onClick}>
        {t('fresh.link')}
      </Anchor>
    </Center>
  );
}
