import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { CaseDetail } from '../../../domain/api/views.ts';
import { useSession } from '../../app/deskSession.tsx';
import { deskErrorMessage } from '../../shared/errors.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { useDirectory } from '../../shared/useDirectory.ts';
import { CaseView } from './CaseView.tsx';

export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('cases');
  const { client } = useSession();
  const directory = useDirectory();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setDetail(null);
    client
      .call('cases.get', { id })
      .then(setDetail)
      .catch((e: unknown) => setError(deskErrorMessage(e)));
  }, [client, id]);

  if (error) return <ErrorNotice message={error} />;
  if (!detail) return <Text>{t('common:loading')}</Text>;
  return <CaseView detail={detail} directory={directory} onChanged={setDetail} />;
}
