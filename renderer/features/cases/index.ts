// What other features use of a case: its deadline badge and status wording, the intake decision
// form, and the evidence drop the registration form shares.
export { DecisionPanel } from './actions/DecisionPanel.tsx';
export { DeadlineBadge, PlainDeadlineBadges } from './deadlines/DeadlineBadge.tsx';
export { AttachmentDrop, type PendingFile } from './evidence/AttachmentDrop.tsx';
export { statusLabel } from './statusLabel.ts';
