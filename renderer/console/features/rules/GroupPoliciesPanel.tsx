import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type OrgProfile,
  orgProfiles,
  type RecordType,
  recordTypes,
  type Severity,
  severities,
} from '../../../../domain/cases/vocabulary.ts';
import { presetPolicy } from '../../../../domain/deadlines/presets.ts';
import { PolicyEditor, PolicyTable } from '../../../features/settings/index.ts';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { consoleClient, consoleQuery, invalidateConsole } from '../../api.ts';
import { type Confirmation, ConfirmModal } from '../../ConfirmModal.tsx';

/**
 * The group's deadline policies of one profile: each record type and severity either set by the
 * group (for every site of the profile) or left to each site. Edited in the desk's own policy dialog.
 */
export function GroupPoliciesPanel() {
  const { t } = useTranslation('consoleRules');
  const [profile, setProfile] = useState<OrgProfile>('hospital');
  const list = useQuery(consoleQuery('rules.policies.list', {}));
  const [editing, setEditing] = useState<{ type: RecordType; severity: Severity } | null>(null);
  const [confirming, setConfirming] = useState<Confirmation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const groupOf = (type: RecordType, severity: Severity) =>
    list.data?.items.find((p) => p.profile === profile && p.type === type && p.severity === severity);

  const clear = (type: RecordType, severity: Severity) =>
    setConfirming({
      title: t('policies.clear'),
      body: t('policies.clearConfirm', { type: t(`cases:types.${type}`), severity: t(`cases:severities.${severity}`) }),
      confirm: t('policies.clear'),
      run: () =>
        consoleClient
          .call('rules.policies.clear', { profile, type, severity })
          .then(() => invalidateConsole('rules.policies.list'))
          .catch((e: unknown) => setError(deskErrorMessage(e))),
    });

  return (
    <Stack>
      <Text c="dimmed">{t('policies.hint')}</Text>
      <Select
        label={t('policies.profile')}
        w={240}
        allowDeselect={false}
        data={orgProfiles.map((p) => ({ value: p, label: t(`deadlines:profiles.${p}`) }))}
        value={profile}
        onChange={(v) => v && setProfile(v as OrgProfile)}
      />
      <ErrorNotice message={error ?? (list.error ? deskErrorMessage(list.error) : null)} />
      <PolicyTable
        testIdPrefix="group-policy"
        rows={recordTypes.flatMap((type) =>
          severities.map((severity) => {
            const set = groupOf(type, severity);
            return {
              type,
              severity,
              policy: set?.policy ?? null,
              actions: (
                <Group gap="xs" wrap="nowrap">
                  <Badge variant={set ? 'outline' : 'light'} color={set ? 'blue' : 'gray'} miw={96}>
                    {t(set ? 'policies.group' : 'policies.sites')}
                  </Badge>
                  <Button size="xs" variant="light" onClick={() => setEditing({ type, severity })}>
                    {t('policies.set')}
                  </Button>
                  {set && (
                    <Button size="xs" variant="subtle" color="orange" onClick={() => clear(type, severity)}>
                      {t('policies.clear')}
                    </Button>
                  )}
                </Group>
              ),
            };
          }),
        )}
      />
      {editing && (
        <PolicyEditor
          policy={{
            ...editing,
            policy: groupOf(editing.type, editing.severity)?.policy ?? presetPolicy(profile, editing.severity, editing.type),
          }}
          save={(clocks) => consoleClient.call('rules.policies.set', { profile, ...editing, ...clocks })}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void invalidateConsole('rules.policies.list');
          }}
        />
      )}
      <ConfirmModal confirmation={confirming} onClose={() => setConfirming(null)} />
    </Stack>
  );
}
