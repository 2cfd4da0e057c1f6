import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import './app/fonts.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './shared/i18n.ts';
import { App } from './app/App.tsx';
import { queryClient } from './shared/api/queries.ts';
import { DeskDatesProvider } from './shared/ui/DeskDates.tsx';
import { readableText, theme } from './shared/ui/theme.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={readableText}>
      <Notifications position="top-right" />
      <DeskDatesProvider>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </DeskDatesProvider>
    </MantineProvider>
  </StrictMode>,
);
