export { SyncIndicator } from './SyncIndicator.tsx';
