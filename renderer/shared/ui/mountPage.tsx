import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from '../api/queries.ts';
import { DeskDatesProvider } from './DeskDates.tsx';
import { readableText, theme } from './theme.ts';

/** Renders a page's app into its `#root` inside the providers every page shares: theme, notices, dates, queries. */
export function mountPage(app: ReactNode, pageName: string): void {
  const root = document.getElementById('root');
  if (!root) throw new Error(`${pageName} has no #root`);
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={readableText}>
        <Notifications position="top-right" />
        <DeskDatesProvider>
          <QueryClientProvider client={queryClient}>{app}</QueryClientProvider>
        </DeskDatesProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
