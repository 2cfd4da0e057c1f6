export { useInboxCount } from './useInboxCount.ts';
