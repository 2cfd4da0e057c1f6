/** What other features (and the group console) may use of the settings feature. */
export { CalendarYearDays } from './deadlines/DeadlineCalendarSection.tsx';
export { PolicyEditor } from './deadlines/DeadlinePoliciesSection.tsx';
export { PolicyTable } from './deadlines/PolicyTable.tsx';
export { settingsQuery } from './queries.ts';
