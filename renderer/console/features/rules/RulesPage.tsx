import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GroupCalendarPanel } from './GroupCalendarPanel.tsx';
import { GroupCategoriesPanel } from './GroupCategoriesPanel.tsx';
import { GroupPoliciesPanel } from './GroupPoliciesPanel.tsx';

/** What every site keeps the same: the group's official calendar, category tree and deadline policies. */
export function RulesPage() {
  const { t } = useTranslation('consoleRules');
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Alert color="blue" variant="light">
        {t('intro')}
      </Alert>
      <Tabs defaultValue="calendar" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="calendar">{t('tabs.calendar')}</Tabs.Tab>
          <Tabs.Tab value="categories">{t('tabs.categories')}</Tabs.Tab>
          <Tabs.Tab value="policies">{t('tabs.policies')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="calendar" pt="md">
          <GroupCalendarPanel />
        </Tabs.Panel>
        <Tabs.Panel value="categories" pt="md">
          <GroupCategoriesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="policies" pt="md">
          <GroupPoliciesPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
