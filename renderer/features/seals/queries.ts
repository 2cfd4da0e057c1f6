import { deskQuery } from '../../shared/api/queries.ts';

/** Every year with cases, its finished count and its seal. */
export const sealsOverviewQuery = () => deskQuery('seals.overview', {});

/** The year under review before sealing: its open cases. */
export const sealPreviewQuery = (year: number) => deskQuery('seals.preview', { year });
