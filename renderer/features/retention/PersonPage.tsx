import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PersonReport } from '../../../domain/api/privacyViews.ts';
import { useSession } from '../../app/deskSession.tsx';
import { useDeskSubmit } from '../../shared/deskForm.ts';
import { deskErrorMessage } from '../../shared/errors.ts';
import { formatDate } from '../../shared/format.ts';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { PrintPreview } from '../printing/index.ts';
import { downloadBase64 } from '../reports/index.ts';
import { PersonErase } from './PersonErase.tsx';

type Query = { phone?: string; idNumber?: string };

/**
 * 个人信息查询: what the desk holds about one person, found by phone or ID number, for a
 * supervisor answering their request (PIPL art. 44–47): shown, printed, exported, removed.
 */
export function PersonPage() {
  const { t, i18n } = useTranslation('privacy');
  const { client } = useSession();
  const form = useForm({ initialValues: { phone: '', idNumber: '' } });
  const [asked, setAsked] = useState<Query | null>(null);
  const [report, setReport] = useState<PersonReport | null>(null);
  const [printing, setPrinting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const query = (v: { phone: string; idNumber: string }): Query => ({
    ...(v.phone.trim() ? { phone: v.phone } : {}),
    ...(v.idNumber.trim() ? { idNumber: v.idNumber } : {}),
  });
  const find = useDeskSubmit(
    form,
    (v) => client.call('privacy.find', query(v)),
    (found) => {
      setAsked(query(form.getValues()));
      setReport(found);
      setNotice(null);
    },
  );
  const refresh = async () => {
    if (asked) setReport(await client.call('privacy.find', asked));
  };
  const exportAs = async (format: 'xlsx' | 'csv') => {
    if (!asked) return;
    setError(null);
    try {
      const file = await client.call('privacy.export', { ...asked, format });
      downloadBase64(file);
      setNotice(t('person.exported', { name: file.filename }));
    } catch (e) {
      setError(deskErrorMessage(e));
    }
  };

  return (
    <Stack gap="lg" maw={1200}>
      <Title order={1} size="h2">
        {t('person.title')}
      </Title>
      <Text>{t('person.intro')}</Text>
      <Paper withBorder p="lg">
        <form onSubmit={find.onSubmit} noValidate>
          <Group align="flex-start">
            <TextInput label={t('person.phone')} inputMode="tel" autoComplete="off" w={240} {...form.getInputProps('phone')} />
            <TextInput label={t('person.idNumber')} autoComplete="off" w={280} {...form.getInputProps('idNumber')} />
            <Button type="submit" mt={28} loading={find.busy}>
              {t('person.find')}
            </Button>
          </Group>
        </form>
        <ErrorNotice message={find.error} />
      </Paper>
      {report && asked && (
        <Stack data-testid="person-report">
          <Text fw={600}>
            {report.cases.length === 0 ? t('person.none') : t('person.found', { count: report.cases.length })}{' '}
            {t('person.asOf', { date: formatDate(report.asOf, i18n.language) })}
          </Text>
          {report.truncated && <Text size="sm">{t('person.truncated', { count: report.cases.length })}</Text>}
          {report.cases.length > 0 && (
            <>
              <Group>
                <Button variant="default" onClick={() => setPrinting(true)}>
                  {t('person.print')}
                </Button>
                <Button variant="default" onClick={() => void exportAs('xlsx')}>
                  {t('person.exportXlsx')}
                </Button>
                <Button variant="default" onClick={() => void exportAs('csv')}>
                  {t('person.exportCsv')}
                </Button>
              </Group>
              {notice && (
                <Alert color="green" role="status">
                  {notice}
                </Alert>
              )}
              <ErrorNotice message={error} />
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('person.fields.number')}</Table.Th>
                    <Table.Th>{t('person.fields.roles')}</Table.Th>
                    <Table.Th>{t('person.fields.name')}</Table.Th>
                    <Table.Th>{t('person.fields.subject')}</Table.Th>
                    <Table.Th>{t('person.fields.status')}</Table.Th>
                    <Table.Th>{t('person.fields.personalDataUntil')}</Table.Th>
                    <Table.Th>{t('person.fields.removed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.cases.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/cases/${c.id}`} ff="monospace">
                          {c.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{c.roles.map((r) => t(`person.roles.${r}`)).join(t('person.separator'))}</Table.Td>
                      <Table.Td>{c.complainant.name}</Table.Td>
                      <Table.Td>{c.subject}</Table.Td>
                      <Table.Td>{t(`cases:statuses.${c.status}`)}</Table.Td>
                      <Table.Td>{c.personalDataUntil ? formatDate(c.personalDataUntil, i18n.language) : t('person.stillOpen')}</Table.Td>
                      <Table.Td>
                        {c.removed.length
                          ? c.removed.map((k) => t(`person.removedKinds.${k}`)).join(t('person.separator'))
                          : t('person.nothingRemoved')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="sm">{t('person.correctHint')}</Text>
              <PersonErase
                query={asked}
                report={report}
                onErased={(message) => {
                  setNotice(message);
                  void refresh();
                }}
              />
            </>
          )}
        </Stack>
      )}
      <PrintPreview request={printing && asked ? { template: 'personReport', ...asked } : null} onClose={() => setPrinting(false)} />
    </Stack>
  );
}
