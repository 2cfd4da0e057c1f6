import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useDirectory } from '../../shared/directory.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { CaseView } from './CaseView.tsx';
import { caseChanged } from './mutations.ts';
import { caseQuery } from './queries.ts';

export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('cases');
  const directory = useDirectory();
  const query = useQuery(caseQuery(id));
  if (query.error) return <ErrorNotice message={deskErrorMessage(query.error)} />;
  if (!query.data) return <Text>{t('common:loading')}</Text>;
  return (
    <>
      <ErrorNotice message={directory.error} />
      <CaseView detail={query.data} directory={directory} onChanged={caseChanged} />
    </>
  );
}
