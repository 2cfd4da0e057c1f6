import { Alert, Badge, Button, Card, FileInput, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarView } from '../../../../domain/api/deadlineViews.ts';
import { useSession } from '../../../app/deskSession.tsx';
import { DeskCallError } from '../../../shared/api/deskClient.ts';
import { invalidate } from '../../../shared/api/queries.ts';
import { useDeskSubmit } from '../../../shared/deskForm.ts';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { DeskDateInput } from '../../../shared/ui/DeskDates.tsx';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { calendarQuery } from '../queries.ts';

export function CalendarSection(props: { editable: boolean }) {
  const { t } = useTranslation('deadlines');
  const { client } = useSession();
  const [year, setYear] = useState<number | null>(null);
  const calendar = useQuery(calendarQuery(year));
  const view = calendar.data;
  const [changeError, setError] = useState<string | null>(null);
  const error = changeError ?? (calendar.error ? deskErrorMessage(calendar.error) : null);
  const [file, setFile] = useState<File | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = () => void invalidate('calendar.get');

  async function importFile() {
    if (!file) return;
    setBusy(true);
    setImportError(null);
    setImported(null);
    try {
      const result = await client.call('calendar.import', { content: await file.text() });
      const summary = result.years.map((y) => t('page.importedYear', y)).join(t('common:punctuation.entries'));
      setImported(t('page.imported', { summary, count: result.recomputedCases }));
      setFile(null);
      setYear(result.years.at(-1)?.year ?? year);
      reload();
    } catch (e) {
      setImportError(e instanceof DeskCallError ? (e.body.fields?.content ?? e.body.message) : t('common:networkError'));
    } finally {
      setBusy(false);
    }
  }

  if (!view) return <ErrorNotice message={error} />;
  const years = view.years.map((y) => y.year);
  const yearChoices = [...new Set([...years.slice(-4), (years.at(-1) ?? view.year) + 1])].sort((a, b) => a - b);
  const groupYear = view.years.some((y) => y.year === view.year && y.group);
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
          value={String(year ?? view.year)}
          onChange={(v) => v && setYear(Number(v))}
        />
        <Text size="sm" c="dimmed">
          {view.years
            // The group's year says where it came from with its mark, not as an administrator's import.
            .filter((y) => y.year === view.year && !y.group)
            .map((y) => t(`page.source_${y.source}`))
            .join('')}
        </Text>
        {groupYear && (
          <Badge variant="outline" color="blue">
            {t('sync:group.badge')}
          </Badge>
        )}
      </Group>
      {groupYear && (
        <Alert color="blue" variant="light" data-testid="calendar-group-note">
          {t('sync:group.note.calendar')}
        </Alert>
      )}
      <ErrorNotice message={error} />
      <CalendarYearDays holidays={view.holidays} makeUpDays={view.makeUpDays} />
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
      <LocalDays view={view} editable={props.editable} onChanged={reload} onError={setError} />
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
      props.onError(deskErrorMessage(e));
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
            <DeskDateInput label={t('page.date')} required w={170} {...form.getInputProps('date')} />
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

/** One year's official holidays and make-up working days, as two cards of dated badges. */
export function CalendarYearDays(props: {
  holidays: readonly { date: string; name: string | null }[];
  makeUpDays: readonly { date: string; name: string | null }[];
}) {
  const { t, i18n } = useTranslation('deadlines');
  const dayLabel = (d: { date: string; name: string | null }) =>
    `${new Intl.DateTimeFormat(i18n.language, { month: 'numeric', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(new Date(`${d.date}T00:00:00Z`))}${d.name ? ` ${d.name}` : ''}`;
  const card = (title: string, days: readonly { date: string; name: string | null }[], color: string) => (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {title} ({days.length})
      </Text>
      <Group gap={6}>
        {days.length === 0 && <Text c="dimmed">{t('page.none')}</Text>}
        {days.map((d) => (
          <Badge key={d.date} color={color} variant="light" tt="none">
            {dayLabel(d)}
          </Badge>
        ))}
      </Group>
    </Card>
  );
  return (
    <Group align="flex-start" grow>
      {card(t('page.holidays'), props.holidays, 'red')}
      {card(t('page.makeUpDays'), props.makeUpDays, 'teal')}
    </Group>
  );
}
