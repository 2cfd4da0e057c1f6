export { BackupIndicator } from './BackupIndicator.tsx';
export { FreshStartLink, RecoveryPage } from './RecoveryPage.tsx';
