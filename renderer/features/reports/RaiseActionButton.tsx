import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { mayCall } from '../../../domain/access/permissions.ts';
import { useSession } from '../../app/deskSession.tsx';

/** On a case: raise a corrective action (整改措施) from it, for those who may. */
export function RaiseActionButton(props: { caseNumber: string }) {
  const { t } = useTranslation('reports');
  const { user } = useSession();
  const navigate = useNavigate();
  if (!mayCall(user.roles, 'correctiveActions.create')) return null;
  return (
    <Button
      variant="light"
      size="compact-md"
      onClick={() => navigate(`/reports/actions?new=1&caseNumber=${encodeURIComponent(props.caseNumber)}`)}
    >
      {t('analysis.raiseAction')}
    </Button>
  );
}
