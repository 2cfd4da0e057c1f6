export { RaiseActionButton } from './RaiseActionButton.tsx';
