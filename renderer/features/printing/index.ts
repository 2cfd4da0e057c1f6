export { PrintPreview } from './PrintPreview.tsx';
export { usePrinting } from './usePrinting.tsx';
