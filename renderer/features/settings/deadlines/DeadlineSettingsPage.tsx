import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { mayChangeSettings } from '../../../../domain/access/permissions.ts';
import { useSession } from '../../../app/deskSession.tsx';
import { CalendarSection } from './DeadlineCalendarSection.tsx';
import { HoursSection } from './DeadlineHoursSection.tsx';
import { PoliciesSection } from './DeadlinePoliciesSection.tsx';
import { ReviewWindowSection } from './ReviewWindowSection.tsx';

/**
 * Settings → deadlines and working calendar: opening hours and alerts, policies, holidays
 * (administrators), and the review window (supervisors).
 */
export function DeadlineSettingsPage() {
  const { t } = useTranslation('deadlines');
  const { user } = useSession();
  const isAdmin = user.roles.includes('admin');
  const mayEditReview = mayChangeSettings(user.roles, 'cases');
  const adminOnly = !isAdmin && (
    <Alert color="gray" mb="md">
      {t('page.adminOnly')}
    </Alert>
  );
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('page.title')}
      </Title>
      <Alert color="blue" variant="light">
        {t('page.rule')}
      </Alert>
      <Tabs defaultValue={mayEditReview && !isAdmin ? 'review' : 'calendar'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="calendar">{t('page.calendarTitle')}</Tabs.Tab>
          <Tabs.Tab value="policies">{t('page.policiesTitle')}</Tabs.Tab>
          <Tabs.Tab value="hours">{t('page.hoursTitle')}</Tabs.Tab>
          <Tabs.Tab value="review">{t('handling:settings.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="calendar" pt="md">
          {adminOnly}
          <CalendarSection editable={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="policies" pt="md">
          {adminOnly}
          <PoliciesSection editable={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="hours" pt="md">
          {adminOnly}
          <HoursSection editable={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="review" pt="md">
          <ReviewWindowSection editable={mayEditReview} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
