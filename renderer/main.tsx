import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import './app/fonts.css';
import '@mantine/notifications/styles.css';
import { Badge, createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './shared/i18n.ts';
import { App } from './app/App.tsx';
import { queryClient } from './shared/api/queries.ts';
import { DeskDatesProvider } from './shared/ui/DeskDates.tsx';

/**
 * Front-desk monitors are often 1366×768 and the staff not young: 16 px base text, large
 * targets, high contrast, and a CJK font stack that prints too.
 */
const theme = createTheme({
  fontFamily:
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK TC", system-ui, sans-serif',
  fontSizes: { xs: '14px', sm: '15px', md: '16px', lg: '18px', xl: '20px' },
  defaultRadius: 'sm',
  primaryColor: 'blue',
  components: {
    // Badges speak in sentences here ("Met on time"): no capitals, never squeezed into an ellipsis.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none', flexShrink: 0, maxWidth: 'none' } } }),
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <DeskDatesProvider>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </DeskDatesProvider>
    </MantineProvider>
  </StrictMode>,
);
