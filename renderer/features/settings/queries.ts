import { deskQuery } from '../../shared/api/queries.ts';

/** Every section of the desk's settings, read once and shared by the pages that show them. */
export const settingsQuery = () => deskQuery('settings.get', {});
