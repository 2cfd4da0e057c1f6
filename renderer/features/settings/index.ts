/** What other features may use of the settings feature. */
export { settingsQuery } from './queries.ts';
