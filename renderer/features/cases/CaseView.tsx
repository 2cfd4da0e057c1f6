import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PrintTemplate } from '../../../domain/api/registrationSchemas.ts';
import type { CaseDetail } from '../../../domain/api/views.ts';
import { listText } from '../../../domain/text/listText.ts';
import type { Directory } from '../../shared/directory.ts';
import { formatDateTime } from '../../shared/format.ts';
import { RaiseActionButton } from '../reports/index.ts';
import { CaseActionPanel } from './actions/CaseActionPanel.tsx';
import { DeadlineActions } from './actions/DeadlineActions.tsx';
import { TransferNotice, TransferPanel } from './actions/TransferPanel.tsx';
import { CaseElsewhere } from './CaseElsewhere.tsx';
import { CaseDecisionAndPrints, CaseIntakeCard } from './CaseRegistrationPanels.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { CaseDeadlines } from './deadlines/CaseDeadlines.tsx';
import { DeadlineBadge } from './deadlines/DeadlineBadge.tsx';
import { CaseEvidence } from './evidence/CaseEvidence.tsx';
import { RevealNumber } from './RevealNumber.tsx';
import { statusLabel } from './statusLabel.ts';

const severityColor = { general: 'gray', major: 'red', urgent: 'red' } as const;

/** The case page: header, who and when, the actions allowed now, related cases and the full history. */
export function CaseView(props: { detail: CaseDetail; directory: Directory; onChanged: (c: CaseDetail) => void }) {
  const { detail, directory } = props;
  const { t, i18n } = useTranslation('cases');
  const lang = i18n.language;
  const [preview, setPreview] = useState<PrintTemplate | null>(null);
  const mergedElsewhere = detail.mergedInto && detail.casesElsewhere.find((c) => c.id === detail.mergedInto?.id);
  // A merged duplicate is a related case too, as the desk that merged it lists it.
  const linkedElsewhere = detail.casesElsewhere.filter((c) => c.relation !== 'mergedInto');
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1} size="h2">
          <Text span ff="monospace" inherit>
            {detail.number}
          </Text>{' '}
          {detail.subject}
        </Title>
        <Group gap="xs">
          <Badge size="lg" data-testid="case-status">
            {statusLabel(detail, t)}
          </Badge>
          <Badge size="lg" variant="outline">
            {t(`types.${detail.type}`)}
          </Badge>
          <Badge size="lg" variant={detail.severity === 'general' ? 'outline' : 'filled'} color={severityColor[detail.severity]}>
            {t(`severities.${detail.severity}`)}
          </Badge>
          {detail.escalated && (
            <Badge size="lg" color="grape">
              {t('handling:escalated')}
            </Badge>
          )}
          <DeadlineBadge summary={{ ...detail, deadlineAlert: detail.deadlineInfo?.alert ?? detail.deadlineAlert }} withDate />
          <RaiseActionButton caseNumber={detail.number} />
        </Group>
      </Stack>
      <TransferNotice detail={detail} />
      {detail.sealedYear !== undefined && (
        <Alert color="gray" variant="light" data-testid="case-sealed">
          {t('privacy:seals.caseSealed', { year: detail.sealedYear })}
        </Alert>
      )}
      {detail.mergedInto && (
        <Alert color="blue" variant="light">
          {mergedElsewhere ? (
            <CaseElsewhere named={mergedElsewhere} text={(label) => t('handling:timeline.mergedInto', { number: label })} />
          ) : (
            <Anchor component={Link} to={`/cases/${detail.mergedInto.id}`}>
              {t('handling:timeline.mergedInto', { number: detail.mergedInto.number })}
            </Anchor>
          )}
        </Alert>
      )}
      <SimpleGrid cols={3}>
        <Card withBorder>
          <Text c="dimmed" size="sm">
            {t('register.complainant')}
          </Text>
          {detail.complainantHidden ? (
            <Text c="dimmed" data-testid="complainant-hidden">
              {t('access:privacy.hidden')}
            </Text>
          ) : (
            <>
              <Text fw={600}>{detail.complainant.name || t('registration:form.anonymous')}</Text>
              <RevealNumber detail={detail} field="phone" />
              <RevealNumber detail={detail} field="idNumber" />
            </>
          )}
          <Text c="dimmed" size="sm" mt="sm">
            {t('detail.queryCode')}
          </Text>
          <Text ff="monospace">{detail.queryCode}</Text>
        </Card>
        <Card withBorder>
          <Text c="dimmed" size="sm">
            {t('detail.receivedAt')}
          </Text>
          <Text>
            {formatDateTime(detail.receivedAt, lang)} · {t(`channels.${detail.channel}`)}
          </Text>
          <Text c="dimmed" size="sm" mt="sm">
            {t('registration:form.category')}
          </Text>
          <Text data-testid="case-category">{directory.categories.find((c) => c.id === detail.categoryId)?.name ?? '—'}</Text>
          <Text c="dimmed" size="sm" mt="sm">
            {t('detail.department')}
          </Text>
          <Text data-testid="case-department">
            {directory.departmentName(detail.departmentId)}
            {detail.coDepartmentIds.length > 0 &&
              ` + ${listText(
                detail.coDepartmentIds.map((d) => directory.departmentName(d)),
                lang,
              )}`}
          </Text>
          <Text c="dimmed" size="sm" mt="sm">
            {t('handling:form.handler')}
          </Text>
          <Text data-testid="case-handler">{detail.handlerName ?? '—'}</Text>
        </Card>
        <Card withBorder>
          <CaseDeadlines detail={detail} />
          {detail.finding && (
            <Text mt="sm">
              {t('handling:form.finding')}: {t(`handling:findings.${detail.finding}`)}
            </Text>
          )}
          {detail.lastSatisfaction !== null && (
            <Text>
              {t('handling:form.satisfaction')}: {t(`handling:satisfaction.${detail.lastSatisfaction}`)}
            </Text>
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Text c="dimmed" size="sm">
          {t('detail.content')}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{detail.content}</Text>
        {detail.demands && (
          <>
            <Text c="dimmed" size="sm" mt="sm">
              {t('handling:fields.demands')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{detail.demands}</Text>
          </>
        )}
      </Card>
      <CaseIntakeCard detail={detail} departments={directory.departments} />
      <CaseEvidence detail={detail} onChanged={props.onChanged} />
      <CaseActionPanel detail={detail} directory={directory} onChanged={props.onChanged} onLetterReply={() => setPreview('replyLetter')} />
      <DeadlineActions detail={detail} onChanged={props.onChanged} />
      <TransferPanel detail={detail} onChanged={props.onChanged} />
      <CaseDecisionAndPrints detail={detail} onChanged={props.onChanged} preview={preview} onPreview={setPreview} />
      {(detail.linkedCases.length > 0 || linkedElsewhere.length > 0 || detail.earlierCases.length > 0) && (
        <SimpleGrid cols={2}>
          <RelatedCases title={t('handling:linkedCases')} rows={detail.linkedCases} elsewhere={linkedElsewhere} />
          <RelatedCases title={t('handling:earlierCases')} rows={detail.earlierCases} />
        </SimpleGrid>
      )}
      <Title order={2} size="h3">
        {t('detail.history')}
      </Title>
      <CaseTimeline events={detail.events} directory={directory} elsewhere={detail.casesElsewhere} />
    </Stack>
  );
}

/** `elsewhere`: related cases another site holds (the case came here by transfer), listed without a link. */
function RelatedCases(props: { title: string; rows: CaseDetail['linkedCases']; elsewhere?: CaseDetail['casesElsewhere'] }) {
  const { t } = useTranslation('cases');
  const elsewhere = props.elsewhere ?? [];
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {props.title}
      </Text>
      {props.rows.length === 0 && elsewhere.length === 0 ? (
        <Text c="dimmed">—</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {props.rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${r.id}`} ff="monospace">
                    {r.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.subject}</Table.Td>
                <Table.Td>{statusLabel(r, t)}</Table.Td>
              </Table.Tr>
            ))}
            {elsewhere.map((c) => (
              <Table.Tr key={c.id} data-testid="related-elsewhere">
                <Table.Td ff="monospace">{c.number}</Table.Td>
                <Table.Td colSpan={2} c="dimmed">
                  {c.site ? t('handling:transfer.heldAt', { site: c.site.name }) : ''}
                  {t('common:punctuation.aside', { text: t('handling:transfer.notHeld') })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
