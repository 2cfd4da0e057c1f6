import '../shared/ui/pageSetup.ts';
import { mountPage } from '../shared/ui/mountPage.tsx';
import { ConsoleApp } from './ConsoleApp.tsx';

/** The group console's page: the renderer's theme, languages and shared pieces, its own pages. */
mountPage(<ConsoleApp />, 'console.html');
