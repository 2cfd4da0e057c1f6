import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PrintTemplate } from '../../../domain/api/registrationSchemas.ts';
import type { RegistrationOptions } from '../../../domain/api/registrationViews.ts';
import type { RegisteredCase } from '../../../domain/api/views.ts';
import type { CaseActionType } from '../../../domain/cases/caseMachine.ts';
import { formatDate } from '../../shared/format.ts';
import { DecisionPanel } from '../cases/index.ts';

/** The case just saved, with the decisions still open on it and the department it is about. */
export type Registered = RegisteredCase & { allowedActions: CaseActionType[]; respondentDepartmentId: string | null };

/** The case just registered: its number and promised date, its papers, and the decision on it. */
export function RegisteredPanel(props: {
  registered: Registered;
  options: RegistrationOptions | null;
  printing: boolean;
  onPrintSlip: () => void;
  onPreview: (template: PrintTemplate) => void;
  onDecided: (allowedActions: CaseActionType[]) => void;
}) {
  const { t, i18n } = useTranslation('registration');
  const { registered, options } = props;
  return (
    <Alert color="green" title={t('form.saved', { number: registered.number, queryCode: registered.queryCode })} data-testid="registered">
      <Stack gap="xs">
        <Text>{t('form.feedbackBy', { date: formatDate(registered.deadlines.feedback, i18n.language) })}</Text>
        <Group>
          <Button variant="filled" loading={props.printing} onClick={props.onPrintSlip}>
            {t('print.slip')} (Ctrl+P)
          </Button>
          <Button variant="light" onClick={() => props.onPreview('slip')}>
            {t('print.preview')} (Ctrl+Shift+P)
          </Button>
          <Button variant="light" onClick={() => props.onPreview('registrationForm')}>
            {t('print.registrationForm')}
          </Button>
          <Button component={Link} to={`/cases/${registered.id}`} variant="default">
            {t('form.open')}
          </Button>
        </Group>
        {options && registered.allowedActions.length > 0 && (
          <DecisionPanel
            caseId={registered.id}
            respondentDepartmentId={registered.respondentDepartmentId}
            allowedActions={registered.allowedActions}
            options={options}
            onDecided={(c) => props.onDecided(c.allowedActions)}
            onPrint={props.onPreview}
          />
        )}
      </Stack>
    </Alert>
  );
}
