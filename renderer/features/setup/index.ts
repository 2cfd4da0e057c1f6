export { SetupWizard } from './SetupWizard.tsx';
