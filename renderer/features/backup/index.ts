export { BackupIndicator } from './BackupIndicator.tsx';
export { storeCheckQuery } from './queries.ts';
export { RecoveryKeyPanel } from './RecoveryKeyPanel.tsx';
export { StoreCheckIndicator, StoreCheckNotice } from './StoreCheckIndicator.tsx';
