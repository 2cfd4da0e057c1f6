export { RaiseActionButton } from './RaiseActionButton.tsx';
export { downloadBase64 } from './reportFormat.ts';
