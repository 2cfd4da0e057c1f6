import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { deskErrorMessage } from '../../../shared/errors.ts';
import { ErrorNotice } from '../../../shared/ui/ErrorNotice.tsx';
import { consoleQuery } from '../../api.ts';
import { CaseLinesTable } from '../reports/CaseLinesTable.tsx';

/** 跨院区查询: every site's cases by number, phone, name or text; personal data masked. */
export function GroupSearchPage() {
  const { t } = useTranslation('consoleReports');
  const [params, setParams] = useSearchParams();
  const asked = params.get('q') ?? '';
  const [q, setQ] = useState(asked);
  const found = useQuery({ ...consoleQuery('cases.search', { q: asked }), enabled: asked.trim().length > 0 });
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('search.title')}
      </Title>
      <Alert variant="light">{t('search.hint')}</Alert>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (q.trim()) setParams({ q: q.trim() });
        }}
      >
        <Group align="flex-end">
          <TextInput
            aria-label={t('search.title')}
            placeholder={t('search.placeholder')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={420}
            maxLength={100}
            data-testid="group-search-input"
          />
          <Button type="submit">{t('search.submit')}</Button>
        </Group>
      </form>
      <ErrorNotice message={found.error ? deskErrorMessage(found.error) : null} />
      {found.data && (
        <Card withBorder>
          <Text c="dimmed" mb="xs">
            {t('search.count', { count: found.data.total })}
          </Text>
          {found.data.items.length === 0 ? <Text>{t('search.empty')}</Text> : <CaseLinesTable items={found.data.items} />}
        </Card>
      )}
    </Stack>
  );
}
