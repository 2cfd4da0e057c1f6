import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarView, PolicyView } from '../../domain/api/deadlineViews.ts';
import type { OrgProfile } from '../../domain/cases/vocabulary.ts';
import { type ClockName, type ClockUnit, clockNames, clockUnits, type DeadlineClock } from '../../domain/deadlines/deadline.ts';
import { DeskCallError } from '../api/deskClient.ts';
import { useDeskSubmit } from '../app/deskForm.ts';
import { useSession } from '../app/deskSession.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';

/** Settings → deadlines and working calendar: opening hours and alerts, policies, holidays. */
export function DeadlineSettingsPage() {
  const { t } = useTranslation('deadlines');
  const { user } = useSession();
  const isAdmin = user.roles.includes('admin');
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('page.title')}
      </Title>
      <Alert color="blue" variant="light">
        {t('page.rule')}
      </Alert>
      {!isAdmin && <Alert color="gray">{t('page.adminOnly')}</Alert>}
      <Tabs defaultValue="calendar" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="calendar">{t('page.calendarTitle')}</Tabs.Tab>
          <Tabs.Tab value="policies">{t('page.policiesTitle')}</Tabs.Tab>
          <Tabs.Tab value="hours">{t('page.hoursTitle')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="calendar" pt="md">
          <CalendarSection editable={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="policies" pt="md">
          <PoliciesSection editable={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="hours" pt="md">
          <HoursSection editable={isAdmin} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function useLoadError() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback((e: unknown) => setError(e instanceof DeskCallError ? e.body.message : t('networkError')), [t]);
  return { error, setError, fail };
}

function HoursSection(props: { editable: boolean }) {
  const { t } = useTranslation('deadlines');
  const { client } = useSession();
  const { error: loadError, fail } = useLoadError();
  const [saved, setSaved] = useState(false);
  const form = useForm({ initialValues: { workingHours: '', dueSoonWorkingDays: 1 as number | string } });
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once; the form object is stable
  useEffect(() => {
    client
      .call('deadlineSettings.get', {})
      .then((s) => form.setValues({ workingHours: s.workingHours.join('\n'), dueSoonWorkingDays: s.dueSoonWorkingDays }))
      .catch(fail);
  }, [client, fail]);
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (v) =>
      client.call('deadlineSettings.update', {
        workingHours: v.workingHours
          .split('\n')
          .map((l) => l.replace(/\s/g, '').replace('—', '-').replace('–', '-'))
          .filter(Boolean),
        dueSoonWorkingDays: Number(v.dueSoonWorkingDays),
      }),
    () => setSaved(true),
  );
  // The core names each line `workingHours.N`; show them all under the one field.
  const hoursError =
    form.errors.workingHours ??
    Object.entries(form.errors)
      .filter(([k]) => k.startsWith('workingHours.'))
      .map(([, v]) => v)[0];
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack maw={560}>
        <ErrorNotice message={loadError} />
        <Textarea
          label={t('page.workingHours')}
          description={t('page.hoursHint')}
          autosize
          minRows={2}
          disabled={!props.editable}
          {...form.getInputProps('workingHours')}
          onChange={(e) => {
            setSaved(false);
            form.setFieldValue('workingHours', e.currentTarget.value);
          }}
          error={hoursError}
        />
        <NumberInput
          label={t('page.dueSoon')}
          description={t('page.dueSoonHint')}
          min={0}
          max={10}
          allowDecimal={false}
          disabled={!props.editable}
          {...form.getInputProps('dueSoonWorkingDays')}
        />
        <ErrorNotice message={error} />
        {props.editable && (
          <Group>
            <Button type="submit" loading={busy}>
              {t('common:save')}
            </Button>
            {saved && <Text c="green">{t('page.saved')}</Text>}
          </Group>
        )}
      </Stack>
    </form>
  );
}

function describeClock(clock: DeadlineClock, t: (k: string) => string): string {
  const base = `${clock.amount} ${t(`units.${clock.unit}`)}`;
  return clock.severalDepartments ? `${base}（${t('page.several')} ${clock.severalDepartments}）` : base;
}

function PoliciesSection(props: { editable: boolean }) {
  const { t } = useTranslation('deadlines');
  const { client } = useSession();
  const { error, fail } = useLoadError();
  const [data, setData] = useState<{ profile: OrgProfile; items: PolicyView[] } | null>(null);
  const [editing, setEditing] = useState<PolicyView | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const load = useCallback(() => {
    client.call('policies.list', {}).then(setData).catch(fail);
  }, [client, fail]);
  useEffect(load, [load]);
  if (!data) return <ErrorNotice message={error} />;
  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed">
          {t('page.policiesHint')} {t('page.profile', { profile: t(`profiles.${data.profile}`) })}
        </Text>
        {props.editable &&
          (confirmReset ? (
            <Group gap="xs">
              <Text>{t('page.resetConfirm')}</Text>
              <Button
                color="red"
                onClick={() =>
                  void client.call('policies.reset', {}).then(() => {
                    setConfirmReset(false);
                    load();
                  }, fail)
                }
              >
                {t('page.resetAll')}
              </Button>
              <Button variant="default" onClick={() => setConfirmReset(false)}>
                {t('common:cancel')}
              </Button>
            </Group>
          ) : (
            <Button variant="default" onClick={() => setConfirmReset(true)}>
              {t('page.resetAll')}
            </Button>
          ))}
      </Group>
      <ErrorNotice message={error} />
      <Table striped verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('page.type')}</Table.Th>
            <Table.Th>{t('page.severity')}</Table.Th>
            {clockNames.map((c) => (
              <Table.Th key={c}>{t(`clocks.${c}`)}</Table.Th>
            ))}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((p) => (
            <Table.Tr key={`${p.type}/${p.severity}`} data-testid={`policy-${p.type}-${p.severity}`}>
              <Table.Td>{t(`cases:types.${p.type}`)}</Table.Td>
              <Table.Td>{t(`cases:severities.${p.severity}`)}</Table.Td>
              {clockNames.map((c) => (
                <Table.Td key={c}>{describeClock(p.policy[c], (k) => t(k))}</Table.Td>
              ))}
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Badge variant="light" color={p.custom ? 'grape' : 'gray'}>
                    {t(p.custom ? 'page.custom' : 'page.preset')}
                  </Badge>
                  {props.editable && (
                    <Button size="xs" variant="light" onClick={() => setEditing(p)}>
                      {t('page.edit')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && (
        <PolicyEditor
          policy={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </Stack>
  );
}

type ClockForm = { unit: ClockUnit; amount: number | string; severalDepartments: number | string };

function PolicyEditor(props: { policy: PolicyView; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('deadlines');
  const { client } = useSession();
  const { policy } = props;
  const toForm = (c: DeadlineClock): ClockForm => ({ unit: c.unit, amount: c.amount, severalDepartments: c.severalDepartments ?? '' });
  const form = useForm<Record<ClockName, ClockForm>>({
    initialValues: {
      acknowledge: toForm(policy.policy.acknowledge),
      feedback: toForm(policy.policy.feedback),
      resolve: toForm(policy.policy.resolve),
    },
  });
  const toClock = (c: ClockForm) => ({
    unit: c.unit,
    amount: Number(c.amount),
    ...(c.severalDepartments === '' ? {} : { severalDepartments: Number(c.severalDepartments) }),
  });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (v) =>
      client.call('policies.update', {
        type: policy.type,
        severity: policy.severity,
        acknowledge: toClock(v.acknowledge),
        feedback: toClock(v.feedback),
        resolve: toClock(v.resolve),
      }),
    props.onSaved,
  );
  return (
    <Modal
      opened
      onClose={props.onClose}
      size="lg"
      title={t('page.editTitle', { type: t(`cases:types.${policy.type}`), severity: t(`cases:severities.${policy.severity}`) })}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {clockNames.map((c) => (
            <Group key={c} align="flex-end" wrap="nowrap" grow>
              <NumberInput
                label={`${t(`clocks.${c}`)} · ${t('page.amount')}`}
                min={1}
                max={365}
                allowDecimal={false}
                {...form.getInputProps(`${c}.amount`)}
              />
              <Select
                label={t('page.unit')}
                allowDeselect={false}
                data={clockUnits.map((u) => ({ value: u, label: t(`units.${u}`) }))}
                {...form.getInputProps(`${c}.unit`)}
              />
              {c !== 'acknowledge' ? (
                <NumberInput
                  label={t('page.severalDepartments')}
                  min={1}
                  max={365}
                  allowDecimal={false}
                  {...form.getInputProps(`${c}.severalDepartments`)}
                />
              ) : (
                <div />
              )}
            </Group>
          ))}
          <ErrorNotice message={error} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('common:save')}
            </Button>
            <Button variant="default" onClick={props.onClose}>
              {t('common:cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CalendarSection(props: { editable: boolean }) {
  const { t, i18n } = useTranslation('deadlines');
  const { client } = useSession();
  const { error, setError, fail } = useLoadError();
  const [year, setYear] = useState<number | null>(null);
  const [view, setView] = useState<CalendarView | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    (y: number | null) => {
      client
        .call('calendar.get', y === null ? {} : { year: y })
        .then((v) => {
          setView(v);
          setYear(v.year);
        })
        .catch(fail);
    },
    [client, fail],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: load the current year once
  useEffect(() => load(null), []);

  async function importFile() {
    if (!file) return;
    setBusy(true);
    setImportError(null);
    setImported(null);
    try {
      const result = await client.call('calendar.import', { content: await file.text() });
      const summary = result.years.map((y) => t('page.importedYear', y)).join('；');
      setImported(t('page.imported', { summary, count: result.recomputedCases }));
      setFile(null);
      load(result.years.at(-1)?.year ?? year);
    } catch (e) {
      setImportError(e instanceof DeskCallError ? (e.body.fields?.content ?? e.body.message) : t('common:networkError'));
    } finally {
      setBusy(false);
    }
  }

  if (!view) return <ErrorNotice message={error} />;
  const years = view.years.map((y) => y.year);
  const yearChoices = [...new Set([...years.slice(-4), (years.at(-1) ?? view.year) + 1])].sort((a, b) => a - b);
  const dayLabel = (d: { date: string; name: string | null }) =>
    `${new Intl.DateTimeFormat(i18n.language, { month: 'numeric', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(new Date(`${d.date}T00:00:00Z`))}${d.name ? ` ${d.name}` : ''}`;
  return (
    <Stack>
      <Text c="dimmed">{t('page.calendarHint')}</Text>
      <Group>
        <Badge size="xl" color={view.lastDate ? 'blue' : 'red'} variant="light" data-testid="calendar-covered-until">
          {t('page.coveredUntil', { date: view.lastDate })}
        </Badge>
        <Select
          aria-label={t('page.year')}
          w={120}
          allowDeselect={false}
          data={yearChoices.map(String)}
          value={year === null ? null : String(year)}
          onChange={(v) => v && load(Number(v))}
        />
        <Text size="sm" c="dimmed">
          {view.years
            .filter((y) => y.year === view.year)
            .map((y) => t(`page.source_${y.source}`))
            .join('')}
        </Text>
      </Group>
      <ErrorNotice message={error} />
      <Group align="flex-start" grow>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('page.holidays')} ({view.holidays.length})
          </Text>
          <Group gap={6}>
            {view.holidays.length === 0 && <Text c="dimmed">{t('page.none')}</Text>}
            {view.holidays.map((d) => (
              <Badge key={d.date} color="red" variant="light" tt="none">
                {dayLabel(d)}
              </Badge>
            ))}
          </Group>
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('page.makeUpDays')} ({view.makeUpDays.length})
          </Text>
          <Group gap={6}>
            {view.makeUpDays.length === 0 && <Text c="dimmed">{t('page.none')}</Text>}
            {view.makeUpDays.map((d) => (
              <Badge key={d.date} color="teal" variant="light" tt="none">
                {dayLabel(d)}
              </Badge>
            ))}
          </Group>
        </Card>
      </Group>
      {props.editable && (
        <Card withBorder>
          <Title order={3} size="h4">
            {t('page.importTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('page.importHint')}
          </Text>
          <Group align="flex-start">
            <FileInput
              w={360}
              aria-label={t('page.chooseFile')}
              placeholder={t('page.chooseFile')}
              accept=".json,.ics,application/json,text/calendar"
              value={file}
              onChange={(f) => {
                setFile(f);
                setImportError(null);
              }}
              error={importError}
              clearable
            />
            <Button onClick={() => void importFile()} disabled={!file} loading={busy}>
              {t('page.importButton')}
            </Button>
          </Group>
          {imported && (
            <Alert color="green" mt="sm" role="status">
              {imported}
            </Alert>
          )}
        </Card>
      )}
      <LocalDays view={view} editable={props.editable} onChanged={() => load(year)} onError={setError} />
    </Stack>
  );
}

function LocalDays(props: { view: CalendarView; editable: boolean; onChanged: () => void; onError: (m: string | null) => void }) {
  const { t } = useTranslation('deadlines');
  const { client } = useSession();
  const form = useForm({ initialValues: { date: '', kind: 'closure' as 'closure' | 'extraWorkingDay', note: '' } });
  const { onSubmit, error, busy } = useDeskSubmit(
    form,
    (v) => client.call('calendar.setLocalDay', { date: v.date, kind: v.kind, note: v.note }),
    () => {
      form.reset();
      props.onChanged();
    },
  );
  const remove = (date: string) =>
    client.call('calendar.setLocalDay', { date, kind: 'none' }).then(props.onChanged, (e: unknown) => {
      props.onError(e instanceof DeskCallError ? e.body.message : t('common:networkError'));
    });
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {t('page.localTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('page.localHint')}
      </Text>
      {props.view.localDays.length === 0 ? (
        <Text c="dimmed">{t('page.noLocalDays')}</Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {props.view.localDays.map((d) => (
              <Table.Tr key={d.date} data-testid={`local-day-${d.date}`}>
                <Table.Td ff="monospace">{d.date}</Table.Td>
                <Table.Td>{t(`page.kind_${d.kind}`)}</Table.Td>
                <Table.Td>{d.note}</Table.Td>
                <Table.Td>
                  {props.editable && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => void remove(d.date)}>
                      {t('page.remove')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {props.editable && (
        <form onSubmit={onSubmit} noValidate>
          <Group align="flex-end" mt="sm">
            <TextInput type="date" label={t('page.date')} required w={170} {...form.getInputProps('date')} />
            <Select
              label={t('page.kind')}
              w={220}
              allowDeselect={false}
              data={(['closure', 'extraWorkingDay'] as const).map((k) => ({ value: k, label: t(`page.kind_${k}`) }))}
              {...form.getInputProps('kind')}
            />
            <TextInput label={t('page.note')} w={260} {...form.getInputProps('note')} />
            <Button type="submit" loading={busy}>
              {t('page.add')}
            </Button>
          </Group>
          <ErrorNotice message={error} />
        </form>
      )}
    </Card>
  );
}
