import { queryOptions, skipToken } from '@tanstack/react-query';
import { client } from '../../shared/api/client.ts';
import type { PrintRequest } from './usePrinting.tsx';

/** A document drawn for the preview, none while the preview is shut; each opening draws it afresh. */
export const previewQuery = (request: PrintRequest | null) =>
  queryOptions({
    queryKey: ['print.render', request] as const,
    queryFn: request ? () => client.call('print.render', { ...request, purpose: 'preview' }) : skipToken,
    gcTime: 0,
  });
