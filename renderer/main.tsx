import './shared/ui/pageSetup.ts';
import { App } from './app/App.tsx';
import { mountPage } from './shared/ui/mountPage.tsx';

mountPage(<App />, 'index.html');
