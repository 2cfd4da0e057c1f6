import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../domain/api/views.ts';
import type { CaseActionType } from '../../../../domain/cases/caseMachine.ts';
import type { Directory } from '../../../shared/directory.ts';
import { ApproveFields } from './ApproveFields.tsx';
import type { ActionFieldsProps } from './actionValues.ts';
import { CloseFields } from './CloseFields.tsx';
import { ContactFields } from './ContactFields.tsx';
import { CorrectFields } from './CorrectFields.tsx';
import { FollowUpFields } from './FollowUpFields.tsx';
import { LinkFields } from './LinkFields.tsx';
import { MergeFields } from './MergeFields.tsx';
import { NoteFields } from './NoteFields.tsx';
import { ProposeFields } from './ProposeFields.tsx';
import { ReasonField } from './ReasonField.tsx';
import { RespondFields } from './RespondFields.tsx';
import { RoutingFields } from './RoutingFields.tsx';

/** The fields of the action being taken. */
export function ActionFields(props: ActionFieldsProps & { action: CaseActionType; detail: CaseDetail; directory: Directory }) {
  const { t } = useTranslation('handling');
  const { action, detail, directory, ...form } = props;
  switch (action) {
    case 'accept':
      return <RoutingFields {...form} directory={directory} />;
    case 'assign':
      return (
        <>
          <RoutingFields {...form} directory={directory} />
          <ReasonField {...form} required />
        </>
      );
    case 'decline':
      return <ReasonField {...form} required labelKey="cases:detail.reason" />;
    case 'sendBack':
    case 'review':
    case 'escalate':
      return <ReasonField {...form} required />;
    case 'startInvestigation':
    case 'archive':
      return <Text>{t(`form.confirm_${action}`)}</Text>;
    case 'note':
      return <NoteFields {...form} />;
    case 'contact':
      return <ContactFields {...form} />;
    case 'propose':
      return <ProposeFields {...form} />;
    case 'approve':
      return <ApproveFields {...form} />;
    case 'respond':
      return <RespondFields {...form} />;
    case 'followUp':
      return <FollowUpFields {...form} />;
    case 'close':
      return <CloseFields {...form} needsOverride={detail.closeNeedsOverride} />;
    case 'correct':
      return <CorrectFields {...form} />;
    case 'link':
      return <LinkFields {...form} />;
    case 'merge':
      return <MergeFields {...form} />;
    default:
      // Deadline actions and the desk's decisions have their own panels.
      return null;
  }
}
