import { Alert, Button, Card, FileInput, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarPreview } from '../../../../domain/console/rulesViews.ts';
import { holidayKeyOf } from '../../../../domain/deadlines/holidayNames.ts';
import { CalendarYearDays } from '../../../features/settings/index.ts';
import { DeskCallError } from '../../../shared/api/apiClient.ts';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { EmptyState } from '../../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { consoleClient, consoleQuery, invalidateConsole } from '../../api.ts';

/**
 * The group's official calendar: the years it imported, shown as a desk shows its own, and the
 * yearly import: the file is checked and what it changes is shown first; only a confirmed
 * import reaches the sites.
 */
export function GroupCalendarPanel() {
  const { t, i18n } = useTranslation('consoleRules');
  const calendar = useQuery(consoleQuery('rules.calendar.get', {}));
  const [year, setYear] = useState<number | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState<string | null>(null);
  const [preview, setPreview] = useState<CalendarPreview | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refused = (e: unknown) =>
    setFileError(e instanceof DeskCallError ? (e.body.fields?.content ?? e.body.message) : deskErrorMessage(e));
  async function check() {
    if (!file) return;
    setBusy(true);
    setFileError(null);
    setDone(null);
    try {
      const text = await file.text();
      setPreview(await consoleClient.call('rules.calendar.preview', { content: text }));
      setContent(text);
    } catch (e) {
      refused(e);
    } finally {
      setBusy(false);
    }
  }
  async function confirm() {
    if (content === null) return;
    setBusy(true);
    try {
      const result = await consoleClient.call('rules.calendar.import', { content });
      const summary = result.years.map((y) => t('calendar.importedYear', y)).join(t('common:punctuation.entries'));
      setDone(t('calendar.imported', { summary, count: result.sites }));
      setPreview(null);
      setContent(null);
      setFile(null);
      setYear(result.years.at(-1)?.year ?? null);
      await invalidateConsole('rules.calendar.get');
    } catch (e) {
      refused(e);
    } finally {
      setBusy(false);
    }
  }

  const years = calendar.data?.years ?? [];
  const shown = years.find((y) => y.year === year) ?? years.at(-1);
  const named = (d: { date: string; name: string | null }) => {
    const key = holidayKeyOf(d.name);
    return { date: d.date, name: key ? t(`deadlines:holidayNames.${key}`) : d.name };
  };
  const dayWords = (days: string[]) =>
    days
      .map((d) => `${d.slice(0, 10)} ${t(`calendar.${d.slice(11) === 'makeUpDay' ? 'makeUpDay' : 'holiday'}`)}`)
      .join(t('common:punctuation.entries'));
  return (
    <Stack>
      <ErrorNotice message={calendar.error ? deskErrorMessage(calendar.error) : null} />
      {calendar.data && years.length === 0 && <EmptyState>{t('calendar.none')}</EmptyState>}
      {shown && (
        <>
          <Group>
            <Select
              aria-label={t('calendar.year')}
              w={120}
              allowDeselect={false}
              data={years.map((y) => String(y.year))}
              value={String(shown.year)}
              onChange={(v) => v && setYear(Number(v))}
            />
            <Text c="dimmed">{t('calendar.importedAt', { at: formatDateTime(shown.importedAt, i18n.language) })}</Text>
          </Group>
          <CalendarYearDays holidays={shown.holidays.map(named)} makeUpDays={shown.makeUpDays.map(named)} />
        </>
      )}
      <Card withBorder>
        <Text c="dimmed" mb="sm">
          {t('calendar.hint')}
        </Text>
        <Group align="flex-end">
          <FileInput
            w={360}
            label={t('calendar.file')}
            placeholder={t('calendar.chooseFile')}
            clearButtonProps={{ 'aria-label': t('calendar.clearFile') }}
            accept=".json,.ics,application/json,text/calendar"
            value={file}
            onChange={(f) => {
              setFile(f);
              setPreview(null);
              setFileError(null);
            }}
            error={fileError}
            clearable
          />
          <Button onClick={() => void check()} disabled={!file} loading={busy && !preview}>
            {t('calendar.check')}
          </Button>
        </Group>
        {preview && (
          <Stack mt="md" data-testid="calendar-preview">
            <Title order={3} size="h4">
              {t('calendar.previewTitle')}
            </Title>
            <List>
              {preview.years.map((y) => (
                <List.Item key={y.year}>
                  <Text fw={600}>{t('calendar.previewYear', { year: y.year, holidays: y.holidays, makeUpDays: y.makeUpDays })}</Text>
                  <Text size="sm">{t(y.replaced ? 'calendar.replaces' : 'calendar.newYear', { year: y.year })}</Text>
                  {y.replaced && y.added.length + y.removed.length === 0 && <Text size="sm">{t('calendar.unchanged')}</Text>}
                  {y.replaced && y.added.length > 0 && <Text size="sm">{t('calendar.added', { days: dayWords(y.added) })}</Text>}
                  {y.replaced && y.removed.length > 0 && <Text size="sm">{t('calendar.removed', { days: dayWords(y.removed) })}</Text>}
                </List.Item>
              ))}
            </List>
            <Text>{t('calendar.reaches', { count: preview.sites })}</Text>
            <Group>
              <Button onClick={() => void confirm()} loading={busy}>
                {t('calendar.confirm')}
              </Button>
              <Button variant="default" onClick={() => setPreview(null)}>
                {t('console:cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        {done && (
          <Alert color="green" mt="sm" role="status" data-testid="calendar-imported">
            {done}
          </Alert>
        )}
      </Card>
    </Stack>
  );
}
