import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseEvent } from '../../../../domain/cases/events.ts';
import { formatDateTime } from '../../../shared/format.ts';

/** The latest transfer between sites (转办) of a case the console shows: from where, to where, when and why. */
export function TransferNote(props: { events: readonly CaseEvent[] }) {
  const { t, i18n } = useTranslation('consoleTransfer');
  const last = props.events.filter((e) => e.type === 'transferred').at(-1);
  if (last?.type !== 'transferred') return null;
  return (
    <Alert color="indigo" variant="light" title={t('note.title')} data-testid="console-transfer-note">
      {t('note.text', {
        at: formatDateTime(last.at, i18n.language),
        from: last.payload.from.name,
        to: last.payload.to.name,
        reason: last.payload.reason,
      })}
    </Alert>
  );
}
