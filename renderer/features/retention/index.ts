// What other features show of privacy: the notice at intake, on the registration screen.
export { IntakeNotice } from './IntakeNotice.tsx';
