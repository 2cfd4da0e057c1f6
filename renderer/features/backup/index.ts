export { BackupIndicator } from './BackupIndicator.tsx';
export { RecoveryKeyPanel } from './RecoveryKeyPanel.tsx';
export { FreshStartLink, RecoveryPage } from './RecoveryPage.tsx';
export { StoreCheckIndicator } from './StoreCheckIndicator.tsx';
