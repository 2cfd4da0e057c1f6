import { Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PrintTemplate } from '../../../domain/api/registrationSchemas.ts';
import type { CaseDetail } from '../../../domain/api/views.ts';
import type { CaseEvent } from '../../../domain/cases/events.ts';
import { listText } from '../../../domain/text/listText.ts';
import { deskQuery } from '../../shared/api/queries.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { PrintPreview } from '../printing/index.ts';
import { DecisionPanel } from './actions/DecisionPanel.tsx';

/** What intake recorded beyond name, phone, account and demands (shown above it): on the case page. */
export function CaseIntakeCard(props: { detail: CaseDetail; departments: { id: string; name: string }[] }) {
  const { t, i18n } = useTranslation('registration');
  const d = props.detail;
  const c = d.complainant;
  const intake = d.intake;
  const rows: [string, string | null | undefined][] = [
    [t('form.relation'), c.relation ? t(`relations.${c.relation}`) : null],
    [t('form.unit'), c.unit],
    [t('form.address'), c.address],
    [t('form.idNumber'), c.idNumber],
    [t('form.respondentDepartment'), props.departments.find((x) => x.id === d.respondent?.departmentId)?.name],
    [t('form.respondentPerson'), d.respondent?.person],
    [t('form.occurredAt'), intake.occurredAt ? formatDateTime(intake.occurredAt, i18n.language) : null],
    [t('form.occurredPlace'), intake.occurredPlace],
    [t('form.letterNumber'), intake.letter?.number],
    [t('form.letterDate'), intake.letter?.date],
    [t('form.transferSource'), intake.transfer?.source],
    [t('form.transferReference'), intake.transfer?.reference],
    [t('form.headCount'), intake.headCount ? String(intake.headCount) : null],
    [
      t('form.coComplainants'),
      intake.coComplainants?.map((p) => [p.name, p.phone].filter(Boolean).join(' ')).join(t('common:punctuation.entries')),
    ],
    [t('form.witnesses'), intake.witnesses?.map((p) => [p.name, p.phone].filter(Boolean).join(' ')).join(t('common:punctuation.entries'))],
    [t('form.anonymous'), d.anonymous ? '✓' : null],
    [t('form.confidential'), d.confidential ? '✓' : null],
    [t('intakePrompts.given'), intake.promptsGiven?.map((p) => t(`intakePrompts.${p}`)).join('；')],
  ];
  const shown = rows.filter((r): r is [string, string] => Boolean(r[1]));
  if (shown.length === 0) return null;
  return (
    <Card withBorder data-testid="case-intake">
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xs">
        {shown.map(([label, value]) => (
          <Stack key={label} gap={0}>
            <Text c="dimmed" size="sm">
              {label}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{value}</Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Card>
  );
}

/** The decision at the desk (or later by a supervisor) and the documents to print for the case. */
export function CaseDecisionAndPrints(props: {
  detail: CaseDetail;
  onChanged: (c: CaseDetail) => void;
  /** The document in the preview; the page holds it so a letter reply can open its letter. */
  preview: PrintTemplate | null;
  onPreview: (template: PrintTemplate | null) => void;
}) {
  const { t } = useTranslation('registration');
  // Optional here: without the choices (a role that registers nothing), the decision panel asks for none.
  const options = useQuery(deskQuery('registration.options', {})).data ?? null;
  const { preview, onPreview: setPreview } = props;
  const d = props.detail;
  const has = (type: CaseEvent['type']) => d.events.some((e) => e.type === type);
  const templates: PrintTemplate[] = [
    'slip',
    'registrationForm',
    ...(has('declined') ? (['declineNotice'] as const) : []),
    ...(has('redirected') ? (['redirectGuidance'] as const) : []),
    ...(has('responded') ? (['replyLetter'] as const) : []),
  ];
  return (
    <>
      {options && (
        <DecisionPanel
          caseId={d.id}
          // Accepting and routing is on the case's action panel; these are the desk's other decisions.
          allowedActions={d.allowedActions.filter((a) => a !== 'accept')}
          options={options}
          onDecided={props.onChanged}
          onPrint={setPreview}
        />
      )}
      {d.complainantHidden ? (
        // The core refuses these documents to whoever may not see the complainant they carry.
        <Text c="dimmed" data-testid="case-prints">
          {t('access:denied.printConfidential')}
        </Text>
      ) : (
        <Group data-testid="case-prints">
          {templates.map((tpl) => (
            <Button key={tpl} variant="light" onClick={() => setPreview(tpl)}>
              {t(`print.${tpl}`)}
            </Button>
          ))}
        </Group>
      )}
      <PrintPreview request={preview ? { template: preview, caseId: d.id } : null} onClose={() => setPreview(null)} />
    </>
  );
}

/** One line under a decision event in the case history. */
export function DecisionEventText(props: { event: CaseEvent }) {
  const { t, i18n } = useTranslation('registration');
  const e = props.event;
  switch (e.type) {
    case 'declined':
      return (
        <Text>
          {[e.payload.reasonCode ? t(`declineReasons.${e.payload.reasonCode}`) : null, e.payload.reason]
            .filter(Boolean)
            .join(t('common:punctuation.colon'))}
        </Text>
      );
    case 'resolvedOnSpot':
      return (
        <Text>
          {e.payload.resolution}
          {t('common:punctuation.aside', { text: t(`satisfaction.${e.payload.satisfaction}`) })}
        </Text>
      );
    case 'redirected':
      return <Text>{[t(`redirectTargets.${e.payload.target}`), e.payload.note].filter(Boolean).join(t('common:punctuation.colon'))}</Text>;
    case 'attachmentsAdded':
      return (
        <Text>
          {listText(
            e.payload.attachments.map((a) => a.name),
            i18n.language,
          )}
        </Text>
      );
    case 'registered':
      return e.payload.intake?.letter?.date ? <Text>{formatDate(e.payload.intake.letter.date, i18n.language)}</Text> : null;
    default:
      return null;
  }
}
