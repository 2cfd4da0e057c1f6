import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/deskSession.tsx';
import { CalendarSection } from './DeadlineCalendarSection.tsx';
import { HoursSection } from './DeadlineHoursSection.tsx';
import { PoliciesSection } from './DeadlinePoliciesSection.tsx';

/** Settings → deadlines and working calendar: opening hours and alerts, policies, holidays. */
export function DeadlineSettingsPage() {
  const { t } = useTranslation('deadlines');
  const { user } = useSession();
  const isAdmin = user.roles.includes('admin');
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('page.title')}
      </Title>
      <Alert color="blue" variant="light">
        {t('page.rule')}
      </Alert>
      {!isAdmin && <Alert color="gray">{t('page.adminOnly')}</Alert>}
      <Tabs defaultValue="calendar" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="calendar">{t('page.calendarTitle')}</Tabs.Tab>
          <Tabs.Tab value="policies">{t('page.policiesTitle')}</Tabs.Tab>
          <Tabs.Tab value="hours">{t('page.hoursTitle')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="calendar" pt="md">
          <CalendarSection editable={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="policies" pt="md">
          <PoliciesSection editable={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="hours" pt="md">
          <HoursSection editable={isAdmin} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
