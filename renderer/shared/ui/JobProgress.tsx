import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../domain/api/jobViews.ts';
import { formatDateTime } from '../format.ts';

/** How long after it ended a job is still shown on its page: long enough to come back and read it. */
const shownAfterMs = 15 * 60_000;

/**
 * A long job on its page: a bar with what it is doing and its counts while it runs (the page
 * may be left meanwhile), then how it ended; a failure says why, in the reader's language.
 */
export function JobProgress(props: {
  job: JobView | undefined;
  /** The page must stay open (an import, before the desk can be opened): it says so instead. */
  stay?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { job } = props;
  if (!job) return null;
  const what = t(`jobs.kind.${job.kind}`);
  if (job.state === 'failed') {
    return (
      <Alert color="red" variant="light" title={t('jobs.failed', { what })} role="alert" data-testid={`job-${job.kind}`}>
        {job.error}
      </Alert>
    );
  }
  if (job.state === 'done') {
    if (!job.finishedAt || Date.now() - Date.parse(job.finishedAt) > shownAfterMs) return null;
    return (
      <Alert color="green" variant="light" role="status" data-testid={`job-${job.kind}`} data-state="done">
        {t('jobs.done', { what, time: formatDateTime(job.finishedAt, i18n.language) })}
      </Alert>
    );
  }
  const known = job.total > 0;
  const percent = known ? Math.round((job.done / job.total) * 100) : 100;
  const label = `${what}${t('punctuation.colon')}${t(`jobs.phase.${job.phase}`)}`;
  return (
    <Stack gap={4} data-testid={`job-${job.kind}`} data-state="running">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={500}>{label}</Text>
        {known ? (
          <Text data-testid="job-count">{t('jobs.count', { done: job.done, total: job.total })}</Text>
        ) : (
          job.done > 0 && <Text data-testid="job-count">{t('jobs.countSoFar', { n: job.done })}</Text>
        )}
      </Group>
      <Progress value={percent} animated={!known} striped={!known} size="lg" aria-label={label} />
      <Text size="sm" c="dimmed">
        {t(props.stay ? 'jobs.stay' : 'jobs.leave')}
      </Text>
    </Stack>
  );
}
