export { BackupIndicator } from './BackupIndicator.tsx';
export { RecoveryKeyPanel } from './RecoveryKeyPanel.tsx';
export { StoreCheckIndicator, StoreCheckNotice } from './StoreCheckIndicator.tsx';
