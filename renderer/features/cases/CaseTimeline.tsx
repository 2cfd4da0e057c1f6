import { Badge, Group, Text, Timeline } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseDetail } from '../../../domain/api/views.ts';
import type { NamedCase } from '../../../domain/cases/namedCases.ts';
import { isSatisfied } from '../../../domain/cases/vocabulary.ts';
import { listText } from '../../../domain/text/listText.ts';
import type { Directory } from '../../shared/directory.ts';
import { formatDateTime } from '../../shared/format.ts';
import { CaseElsewhere } from './CaseElsewhere.tsx';
import { DecisionEventText } from './CaseRegistrationPanels.tsx';
import { DeadlineEventDetail } from './deadlines/DeadlineEventDetail.tsx';

type Event = CaseDetail['events'][number];

const Para = (props: { children: ReactNode }) => <Text style={{ whiteSpace: 'pre-wrap' }}>{props.children}</Text>;

/** What an event says, in words: who was routed where, what was proposed, what changed from what to what. */
function EventBody(props: { event: Event; directory: TimelineNames; caseHref: CaseHref; elsewhere: ReadonlyMap<string, NamedCase> }) {
  const { t, i18n } = useTranslation('handling');
  const { event: e, directory: dir, caseHref, elsewhere } = props;
  const departments = (lead: string, co: string[]) =>
    listText(
      [dir.departmentName(lead), ...co.map((d) => `${dir.departmentName(d)}${t('common:punctuation.aside', { text: t('timeline.co') })}`)],
      i18n.language,
    );
  switch (e.type) {
    case 'registered':
      return <Para>{e.payload.subject}</Para>;
    case 'accepted':
      return (
        <Para>
          {departments(e.payload.departmentId, e.payload.coDepartmentIds)}
          {e.payload.handlerId ? ` · ${t('timeline.handler', { name: dir.handlerName(e.payload.handlerId) })}` : ''}
        </Para>
      );
    case 'assigned':
      return (
        <>
          <Para>
            {departments(e.payload.departmentId, e.payload.coDepartmentIds)}
            {e.payload.handlerId ? ` · ${t('timeline.handler', { name: dir.handlerName(e.payload.handlerId) })}` : ''}
          </Para>
          <Para>{t('timeline.reason', { reason: e.payload.reason })}</Para>
        </>
      );
    case 'investigationStarted':
      return <Para>{t('timeline.handler', { name: dir.handlerName(e.payload.handlerId) })}</Para>;
    case 'declined':
    case 'resolvedOnSpot':
    case 'redirected':
    case 'attachmentsAdded':
      return <DecisionEventText event={e} />;
    case 'sentBack':
    case 'reviewOpened':
    case 'escalated':
      return <Para>{t('timeline.reason', { reason: e.payload.reason })}</Para>;
    case 'noted':
      return <Para>{e.payload.text}</Para>;
    case 'contacted':
      return (
        <>
          <Text size="sm">
            {formatDateTime(e.payload.contactedAt, i18n.language)} · {t(`methods.${e.payload.method}`)} · {e.payload.person}
          </Text>
          <Para>{e.payload.summary}</Para>
        </>
      );
    case 'proposed':
      return (
        <>
          <Group gap="xs">
            <Badge variant="light">{t(`findings.${e.payload.finding}`)}</Badge>
            {e.payload.compensation && (
              <Badge variant="outline">
                {t('timeline.compensation', {
                  amount: new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'CNY' }).format(
                    e.payload.compensation.amount,
                  ),
                  form: t(`compensationForms.${e.payload.compensation.form}`),
                })}
              </Badge>
            )}
          </Group>
          <Para>{e.payload.text}</Para>
        </>
      );
    case 'approved':
      return e.payload.comment ? <Para>{e.payload.comment}</Para> : null;
    case 'responded':
      return (
        <>
          <Text size="sm">{t(`methods.${e.payload.channel}`)}</Text>
          <Para>{e.payload.content}</Para>
        </>
      );
    case 'followedUp':
      return (
        <>
          <Group gap="xs">
            <Badge color={isSatisfied(e.payload.satisfaction) ? 'green' : 'red'} variant="light">
              {t(`satisfaction.${e.payload.satisfaction}`)}
            </Badge>
            <Text size="sm">{t(`methods.${e.payload.method}`)}</Text>
            {e.payload.explanationAccepted && <Badge variant="outline">{t('form.explanationAccepted')}</Badge>}
          </Group>
          {e.payload.comment && <Para>{e.payload.comment}</Para>}
        </>
      );
    case 'closed':
      return (
        <>
          {e.payload.override && <Badge color="orange">{t('timeline.override')}</Badge>}
          {e.payload.reason && <Para>{e.payload.reason}</Para>}
        </>
      );
    case 'corrected':
      return (
        <>
          <Text>
            {t(`fields.${e.payload.field}`)}
            {t('common:punctuation.colon')}
            <s>{e.payload.before ?? t('timeline.empty')}</s> → <b>{e.payload.after ?? t('timeline.empty')}</b>
          </Text>
          <Para>{t('timeline.reason', { reason: e.payload.reason })}</Para>
        </>
      );
    case 'archived':
      return null;
    case 'linked':
    case 'duplicateMerged': {
      const there = elsewhere.get(e.payload.caseId);
      return there ? <CaseElsewhere named={there} /> : <Link to={caseHref(e.payload.caseId)}>{e.payload.number}</Link>;
    }
    case 'extended':
    case 'paused':
    case 'resumed':
    case 'deadlinesRecomputed':
    case 'deadlineBreached':
      return <DeadlineEventDetail event={e} />;
    case 'transferred':
      return (
        <>
          <Text fw={600}>{t('transfer.timeline', { from: e.payload.from.name, to: e.payload.to.name })}</Text>
          <Para>{t('timeline.reason', { reason: e.payload.reason })}</Para>
        </>
      );
    case 'merged': {
      const there = elsewhere.get(e.payload.intoId);
      return (
        <>
          {there ? (
            <CaseElsewhere named={there} text={(label) => t('timeline.mergedInto', { number: label })} />
          ) : (
            <Link to={caseHref(e.payload.intoId)}>{t('timeline.mergedInto', { number: e.payload.intoNumber })}</Link>
          )}
          <Para>{t('timeline.reason', { reason: e.payload.reason })}</Para>
        </>
      );
    }
  }
}

/** Events titled from the `cases` namespace (the skeleton's and the deadlines'); the rest from `handling`. */
const deskEventTitles: readonly string[] = [
  'registered',
  'accepted',
  'declined',
  'extended',
  'paused',
  'resumed',
  'deadlinesRecomputed',
  'deadlineBreached',
  'resolvedOnSpot',
  'redirected',
  'attachmentsAdded',
];

/** The names a timeline shows for the ids events hold: the desk's directory, or a site's names in the group console. */
export type TimelineNames = Pick<Directory, 'departmentName' | 'handlerName'>;

/** Where a case the timeline names opens: the desk's case page, or the console's own in the console. */
export type CaseHref = (caseId: string) => string;

const deskCaseHref: CaseHref = (caseId) => `/cases/${caseId}`;

const noneElsewhere: ReadonlyMap<string, NamedCase> = new Map();

/**
 * Every event of the case, oldest first: who, when, what. `elsewhere`: the cases it names that
 * this desk does not hold, shown as words (the console holds every case and passes none).
 */
export function CaseTimeline(props: {
  events: CaseDetail['events'];
  directory: TimelineNames;
  caseHref?: CaseHref;
  elsewhere?: CaseDetail['casesElsewhere'];
}) {
  const { t, i18n } = useTranslation('handling');
  const events = props.events;
  const elsewhere = props.elsewhere ? new Map(props.elsewhere.map((c) => [c.id, c])) : noneElsewhere;
  const title = (e: Event) => (deskEventTitles.includes(e.type) ? t(`cases:events.${e.type}`) : t(`events.${e.type}`));
  return (
    <Timeline active={events.length - 1} bulletSize={20} data-testid="case-timeline">
      {events.map((e) => (
        <Timeline.Item key={e.id} title={title(e)} {...(e.conflict ? { color: 'red' } : {})}>
          <Text size="sm" c="dimmed">
            {t('cases:detail.by', {
              name: e.actorId === 'system' ? t('deadlines:events.system') : e.actorName,
              at: formatDateTime(e.at, i18n.language),
            })}
          </Text>
          {/* An act the fold set aside: kept in the history, never applied, until a supervisor settles it. */}
          {e.conflict && (
            <Badge color="red" variant="light" style={{ whiteSpace: 'normal', height: 'auto' }} data-testid="timeline-conflict">
              {t('timeline.conflict')}
            </Badge>
          )}
          <EventBody event={e} directory={props.directory} caseHref={props.caseHref ?? deskCaseHref} elsewhere={elsewhere} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
